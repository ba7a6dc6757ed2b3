package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/spf13/cobra"
)

type planOptions struct {
	*app
	dir             string
	out             string
	from            string
	json            bool
	communities     []string
	passwordFile    string
	overwriteEdited bool

	// bare mode
	assessment, inventory string
	community             string
	firstYear, years      int
	fteStep               float64
}

// newPlanCmd is the plan command. Its help, in Ukrainian and English, is
// commandHelp["plan"] (help_text.go).
func newPlanCmd(a *app) *cobra.Command {
	o := &planOptions{app: a}
	cmd := &cobra.Command{
		Use:  "plan [PROJECT]",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.dir = args[0]
			}
			if o.assessment != "" || o.inventory != "" {
				if o.dir != "" {
					return usagef("укажіть або папку проєкту PROJECT, або --assessment і --inventory, не обидва", "give either a PROJECT folder or --assessment and --inventory, not both")
				}
				return runBarePlan(o)
			}
			for _, f := range []string{"community-code", "first-year", "years", "fte-step"} {
				if cmd.Flags().Changed(f) {
					return usagef("--%s задають разом із --assessment; у проєкті це налаштування — у project.xlsx", "--%s goes with --assessment; a project sets it in project.xlsx", f)
				}
			}
			if o.dir == "" {
				o.dir = "."
			}
			return runProjectPlan(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "", "")
	f.StringVar(&o.from, "assessments", "", "")
	f.BoolVar(&o.json, "json", false, "")
	f.StringSliceVar(&o.communities, "community", nil, "")
	addPasswordFlag(cmd, &o.passwordFile)
	addOverwriteEditedFlag(cmd, &o.overwriteEdited)
	f.StringVar(&o.assessment, "assessment", "", "")
	f.StringVar(&o.inventory, "inventory", "", "")
	f.StringVar(&o.community, "community-code", "", "")
	f.IntVar(&o.firstYear, "first-year", 0, "")
	f.IntVar(&o.years, "years", 5, "")
	o.fteStep = 0.25
	f.Var(decimalFlag{&o.fteStep}, "fte-step", "")
	return cmd
}

func runProjectPlan(o *planOptions) error {
	st, err := openStage(o.app, o.dir, o.passwordFile, o.communities)
	if err != nil {
		return err
	}
	p, ps, lang, coms := st.p, st.problems, st.lang, st.communities
	out, from := stageFolders(o.out, o.from)
	apaths, err := stagePrologue(p, coms, out, from, o.dir, o.passwordFile, o.overwriteEdited, pipeline.Assessment, pipeline.Plan, "assess", "assessments")
	if err != nil {
		return err
	}
	var plans []pipeline.CommunityPlan
	warnings := ps
	for i, c := range coms {
		apath := apaths[i]
		cp, cps := pipeline.PlanCommunity(c.Community, apath, p.Providers, p.Catalogue, pipeline.ProjectPlanSettings(p))
		warnings = append(warnings, cps...)
		if cps.Errors() > 0 {
			return warnings
		}
		cp.Path = pipeline.WorkbookPath(out, c.Community, pipeline.Plan)
		cp.Inventory = filepath.Join(o.dir, project.ProvidersFile)
		plans = append(plans, cp)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return errOutFolder(err)
	}
	o.sweep(out)
	for _, cp := range plans {
		if err := pipeline.WritePlan(cp, p.Name, lang); err != nil {
			return err
		}
	}
	if err := reconsolidate(o.app, p, ps, st.password, lang, out); err != nil {
		return err
	}
	printWarnings(o.warnings(), warnings, lang)
	return reportPlans(o, plans, lang)
}

func runBarePlan(o *planOptions) error {
	if err := bareFiles(o.out, [2]string{"--assessment", "--inventory"}, [2]string{o.assessment, o.inventory}); err != nil {
		return err
	}
	if err := guardFile(o.out, o.overwriteEdited, o.assessment, o.inventory, o.passwordFile); err != nil {
		return err
	}
	if len(o.communities) > 0 {
		return usagef("--community вибирає громади проєкту; без проєкту вкажіть громаду з реєстру надавачів через --community-code", "--community chooses communities of a project; without one, name the inventory's community with --community-code")
	}
	if o.fteStep != 0.25 && o.fteStep != 0.5 {
		return usagef("--fte-step %v: ставки округлюють до 0,25 або 0,5", "--fte-step %v: posts are rounded to 0.25 or 0.5", decimalText(o.fteStep))
	}
	if o.years < 1 || o.years > 30 {
		return usagef("--years %d: укажіть від 1 до 30 років", "--years %d: give 1 to 30 years", o.years)
	}
	lang, err := o.language("")
	if err != nil {
		return err
	}
	pw, err := password(o.passwordFile)
	if err != nil {
		return err
	}
	cat, err := catalogue.Default()
	if err != nil {
		return err
	}
	providers, ps := project.LoadInventory(o.inventory, cat, project.LoadOptions{Password: pw})
	if ps.Errors() > 0 {
		return ps
	}
	first := o.firstYear
	if first == 0 {
		first = nextYear()
	}
	com := hromada.Community{Code: o.community, Name: hromada.Text{UK: o.community, EN: o.community}}
	var codes []string
	seen := map[string]bool{}
	for _, p := range providers {
		if !seen[p.Community] {
			seen[p.Community] = true
			codes = append(codes, p.Community)
		}
	}
	if o.community == "" && len(codes) > 1 {
		return usagef("у реєстрі надавачів кілька громад (%v); укажіть одну через --community-code", "the inventory holds several communities (%v); name one with --community-code", codes)
	}
	ps = append(ps, unknownInventoryCommunity(providers, o.community, o.inventory)...)
	cp, cps := pipeline.PlanCommunity(com, o.assessment, providers, cat, pipeline.PlanSettings{FirstYear: first, Years: o.years, FTEStep: o.fteStep})
	ps = append(ps, cps...)
	if ps.Errors() > 0 {
		return ps
	}
	cp.Path = o.out
	cp.Inventory = o.inventory
	if o.out != "" {
		if err := makeOutDir(o.out); err != nil {
			return err
		}
		o.sweep(filepath.Dir(o.out))
		if err := pipeline.WritePlan(cp, "", lang); err != nil {
			return err
		}
	}
	printWarnings(o.warnings(), ps, lang)
	return reportPlans(&planOptions{app: o.app, json: o.json}, []pipeline.CommunityPlan{cp}, lang)
}

func reportPlans(o *planOptions, plans []pipeline.CommunityPlan, lang hromada.Lang) error {
	if o.json {
		var out []plan.Result
		for _, cp := range plans {
			out = append(out, cp.Result)
		}
		return writeJSON(o.stdout, planJSON(out))
	}
	if o.quiet {
		return nil
	}
	var rows [][]string
	for _, cp := range plans {
		s := cp.Result.Summary
		rows = append(rows, []string{cp.Community.Name.In(lang), fmt.Sprint(s.Create), fmt.Sprint(s.Enhance), fmt.Sprint(s.Sufficient),
			fmt.Sprint(s.MoreData), fmtDecimal(s.HireFTE, 2, lang), topPriority(cp.Result, lang), cp.Path})
	}
	writeTable(o.stdout, []string{tr(lang, "громада", "community"), tr(lang, "створити", "create"), tr(lang, "розширити", "enhance"),
		tr(lang, "достатньо", "sufficient"), tr(lang, "потрібні дані", "more data"), tr(lang, "нових ставок", "new posts (FTE)"),
		tr(lang, "перший пріоритет", "first priority"), tr(lang, "план", "plan")}, rows)
	return nil
}

func topPriority(r plan.Result, lang hromada.Lang) string {
	for _, s := range r.Services {
		if s.Action == plan.Create || s.Action == plan.Enhance {
			return truncate(s.Service.Name.In(lang), 36)
		}
	}
	return "–"
}

// nextYear is the default first planning year without a project.
func nextYear() int { return time.Now().Year() + 1 }

// unknownInventoryCommunity warns when an inventory has rows, none of them
// of community: a mistyped --community-code would plan and cost a
// community as if it had no services at all.
func unknownInventoryCommunity(providers []project.Provider, community, file string) hromada.Problems {
	var codes []string
	seen := map[string]bool{}
	for _, p := range providers {
		if !seen[p.Community] {
			seen[p.Community] = true
			codes = append(codes, p.Community)
		}
	}
	if community == "" || len(codes) == 0 || seen[community] {
		return nil
	}
	return hromada.Problems{{Severity: hromada.Warning, File: file,
		Msg: hromada.T("у реєстрі надавачів немає жодного рядка громади %s (є: %s): вважається, що послуг у ній ще немає",
			"the inventory has no row of community %s (it has: %s): the community is taken to have no services yet",
			community, strings.Join(codes, ", ")),
		Hint: hromada.T("перевірте код у --community-code", "check the code given to --community-code")}}
}
