package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
	"github.com/spf13/cobra"
)

type budgetOptions struct {
	*app
	dir, out, from  string
	json            bool
	communities     []string
	passwordFile    string
	overwriteEdited bool

	// bare mode
	planFile, costs, community, inventory string
}

// newBudgetCmd is the budget command. Its help, in Ukrainian and English, is
// commandHelp["budget"] (help_text.go).
func newBudgetCmd(a *app) *cobra.Command {
	o := &budgetOptions{app: a}
	cmd := &cobra.Command{
		Use:  "budget [PROJECT]",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.dir = args[0]
			}
			if o.planFile != "" || o.costs != "" {
				if o.dir != "" {
					return usagef("укажіть або папку проєкту PROJECT, або --plan і --costs, не обидва", "give either a PROJECT folder or --plan and --costs, not both")
				}
				return runBareBudget(o)
			}
			if cmd.Flags().Changed("community-code") {
				return usagef("--community-code задають разом із --plan і --costs", "--community-code goes with --plan and --costs")
			}
			if o.dir == "" {
				o.dir = "."
			}
			return runProjectBudget(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "", "")
	f.StringVar(&o.from, "plans", "", "")
	f.BoolVar(&o.json, "json", false, "")
	f.StringSliceVar(&o.communities, "community", nil, "")
	addPasswordFlag(cmd, &o.passwordFile)
	addOverwriteEditedFlag(cmd, &o.overwriteEdited)
	f.StringVar(&o.planFile, "plan", "", "")
	f.StringVar(&o.costs, "costs", "", "")
	f.StringVar(&o.community, "community-code", "", "")
	f.StringVar(&o.inventory, "inventory", "", "")
	return cmd
}

func runProjectBudget(o *budgetOptions) error {
	st, err := openStage(o.app, o.dir, o.passwordFile, o.communities)
	if err != nil {
		return err
	}
	p, ps, lang, coms := st.p, st.problems, st.lang, st.communities
	out, from := stageFolders(o.out, o.from)
	ppaths, err := stagePrologue(p, coms, out, from, o.dir, o.passwordFile, o.overwriteEdited, pipeline.Plan, pipeline.Budget, "plan", "plans")
	if err != nil {
		return err
	}
	var all []pipeline.CommunityBudget
	warnings := ps
	for i, c := range coms {
		ppath := ppaths[i]
		cb, cps := pipeline.BudgetCommunity(p, c.Community, ppath)
		warnings = append(warnings, cps...)
		if cps.Errors() > 0 {
			return warnings
		}
		cb.Path = pipeline.WorkbookPath(out, c.Community, pipeline.Budget)
		all = append(all, cb)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return errOutFolder(err)
	}
	o.sweep(out)
	for _, cb := range all {
		if err := pipeline.WriteBudget(cb, p, lang); err != nil {
			return err
		}
	}
	if err := reconsolidate(o.app, p, ps, st.password, lang, out); err != nil {
		return err
	}
	printWarnings(o.warnings(), warnings, lang)
	return reportBudgets(o, all, lang)
}

func runBareBudget(o *budgetOptions) error {
	if err := bareFiles(o.out, [2]string{"--plan", "--costs"}, [2]string{o.planFile, o.costs}); err != nil {
		return err
	}
	if err := guardFile(o.out, o.overwriteEdited, o.planFile, o.costs, o.inventory, o.passwordFile); err != nil {
		return err
	}
	if len(o.communities) > 0 {
		return usagef("--community вибирає громади проєкту; без проєкту вкажіть громаду через --community-code", "--community chooses communities of a project; without one, name the community with --community-code")
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
	p, ps := project.LoadCosts(o.costs, cat, project.LoadOptions{Password: pw})
	if ps.Errors() > 0 {
		return ps
	}
	p.Dir = filepath.Dir(o.costs)
	p.Budget = pipeline.DefaultBudgetSettings()
	if o.inventory != "" {
		providers, ips := project.LoadInventory(o.inventory, cat, project.LoadOptions{Password: pw})
		if ips.Errors() > 0 {
			return append(ps, ips...)
		}
		ps = append(ps, ips...)
		ps = append(ps, unknownInventoryCommunity(providers, o.community, o.inventory)...)
		p.Providers = providers
	} else {
		ps = append(ps, hromada.Problem{Severity: hromada.Warning, File: o.planFile,
			Msg: hromada.T("без реєстру надавачів невідомо, скільки клієнтів обслуговують зараз: витрати на клієнта рахують кожного цільового клієнта як нового",
				"without the inventory the clients served now are unknown: per-client costs count every target client as added"),
			Hint: hromada.T("укажіть реєстр надавачів через --inventory", "give the provider inventory with --inventory")})
	}
	com := hromada.Community{Code: o.community, Name: hromada.Text{UK: o.community, EN: o.community}}
	ps = append(ps, unknownBudgetCommunity(p, o.community, o.costs)...)
	cb, cps := pipeline.BudgetCommunity(p, com, o.planFile)
	ps = append(ps, cps...)
	if ps.Errors() > 0 {
		return ps
	}
	cb.Path = o.out
	if o.out != "" {
		o.sweep(filepath.Dir(o.out))
		if err := pipeline.WriteBudget(cb, p, lang); err != nil {
			return err
		}
	}
	printWarnings(o.warnings(), ps, lang)
	return reportBudgets(o, []pipeline.CommunityBudget{cb}, lang)
}

func reportBudgets(o *budgetOptions, all []pipeline.CommunityBudget, lang hromada.Lang) error {
	if o.json {
		var out []any
		for _, cb := range all {
			out = append(out, map[string]any{"community": cb.Community.Code, "name": cb.Community.Name.In(lang), "budget": jsonOf(cb.Result)})
		}
		return writeJSON(o.stdout, out)
	}
	if o.quiet {
		return nil
	}
	for _, cb := range all {
		r := cb.Result
		fmt.Fprintf(o.stdout, "\n%s — %s\n", cb.Community.Name.In(lang), cb.Path)
		var rows [][]string
		for _, t := range r.Totals {
			share := "–"
			if !math.IsNaN(t.ShareOfRevenue) {
				share = hromada.Percent(t.ShareOfRevenue, 2).In(lang)
			}
			rows = append(rows, []string{fmt.Sprint(t.Year), fmtCount(t.Total, lang), fmtCount(t.Donor, lang), fmtCount(t.State, lang), fmtCount(t.Local, lang), share})
		}
		writeTable(o.stdout, []string{tr(lang, "рік", "year"), tr(lang, "усього, грн", "total, UAH"), tr(lang, "донор", "donor"),
			tr(lang, "держбюджет", "state"), tr(lang, "місцевий бюджет", "local"), tr(lang, "місцеві / доходи", "local / revenue")}, rows)
		if r.Cliff.Year != 0 {
			fmt.Fprintf(o.stdout, tr(lang, "Донор виходить у %d: місцеві витрати зростають на %s грн (вихід донора %s, індексація %s). Місцеве зобов'язання за %d–%d: %s грн.\n",
				"The donor leaves in %d: local cost rises by %s UAH (donor exit %s, indexation %s). Local commitment %d–%d: %s UAH.\n"),
				r.Cliff.Year, fmtCount(r.Cliff.Jump, lang), fmtCount(r.Cliff.DonorExit, lang), fmtCount(r.Cliff.Indexation, lang), cb.Input.FirstYear, cb.Input.FirstYear+cb.Input.Years-1, fmtCount(r.Horizon.Local, lang))
		}
	}
	return nil
}

// unknownBudgetCommunity warns when the costs workbook has funding or
// revenue rows, none of them of community: a mistyped --community-code
// would cost the plan with no donor, no state share and no revenue.
func unknownBudgetCommunity(p *project.Project, community, costs string) hromada.Problems {
	var codes []string
	seen := map[string]bool{}
	add := func(c string) {
		if !seen[c] {
			seen[c] = true
			codes = append(codes, c)
		}
	}
	for _, f := range p.Funding {
		add(f.Community)
	}
	for _, r := range p.Revenue {
		add(r.Community)
	}
	if community == "" || len(codes) == 0 || seen[community] {
		return nil
	}
	return hromada.Problems{{Severity: hromada.Warning, File: costs,
		Msg: hromada.T("на аркушах фінансування й доходів немає жодного рядка громади %s (є: %s): бюджет рахує без донора, без частки держбюджету й без доходів",
			"the funding and revenue sheets have no row of community %s (they have: %s): the budget is costed with no donor, no state share and no revenue",
			community, strings.Join(codes, ", ")),
		Hint: hromada.T("перевірте код у --community-code", "check the code given to --community-code")}}
}
