package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/spf13/cobra"
)

type runOptions struct {
	*app
	dir          string
	out          string
	noSuppress   bool
	passwordFile string
}

func newRunCmd(a *app) *cobra.Command {
	o := &runOptions{app: a}
	cmd := &cobra.Command{
		Use:   "run [PROJECT]",
		Short: "Check, assess, plan and budget every community of a project",
		Long: `run does the whole job for every community of a project: it checks every
input (as 'hromada check' does) and, when nothing is wrong, writes each
community's assessment workbook, from it the plan workbook, and from that the
budget workbook into the output folder. Each stage reads the workbook the
stage before wrote, as it would one a person edited.

Each survey is read once. When any input has an error, every problem is
listed and nothing is written.`,
		Example: `  hromada run examples/zhytomyr -o out
  hromada run my-project -o out --lang en`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = "."
			if len(args) == 1 {
				o.dir = args[0]
			}
			return runRun(o)
		},
	}
	cmd.Flags().StringVarP(&o.out, "out", "o", "out", "output folder")
	cmd.Flags().BoolVar(&o.noSuppress, "no-suppress", false, "show unreliable estimates and small counts (internal use only)")
	addPasswordFlag(cmd, &o.passwordFile)
	return cmd
}

func runRun(o *runOptions) error {
	c, pw, err := checkedProject(o.dir, o.passwordFile)
	if err != nil {
		return err
	}
	lang, err := o.language(c.p.Lang)
	if err != nil {
		return err
	}
	eo, err := projectEstimateOptions(c.p, o.noSuppress)
	if err != nil {
		return err
	}
	var all []*workbook.Assessment
	for _, com := range c.p.Communities {
		s := c.surveys[com.Code]
		a, err := assessCommunity(c.p, com, s, c.p.SurveyMap(com, pw), eo, lang)
		if err != nil {
			return fmt.Errorf("%s: %w", com.Name.In(lang), err)
		}
		all = append(all, a)
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return fmt.Errorf("cannot create the output folder: %w", err)
	}
	var rows [][]string
	warnings := c.problems
	settings := projectPlanSettings(c.p)
	for _, a := range all {
		path := filepath.Join(o.out, slug(a.Community)+"-assessment.xlsx")
		if err := workbook.WriteAssessment(path, a); err != nil {
			return err
		}
		// The plan reads the assessment workbook just written, as it would
		// one a person edited.
		cp, ps := planCommunity(a.Community, path, c.p.Providers, c.p.Catalogue, settings)
		warnings = append(warnings, ps...)
		if ps.Errors() > 0 {
			return warnings
		}
		cp.path = filepath.Join(o.out, slug(a.Community)+"-plan.xlsx")
		cp.inventory = filepath.Join(o.dir, project.ProvidersFile)
		if err := writePlan(cp, c.p.Name, lang); err != nil {
			return err
		}
		// The budget reads the plan workbook just written.
		cb, bps := budgetCommunity(c.p, a.Community, cp.path)
		warnings = append(warnings, bps...)
		if bps.Errors() > 0 {
			return warnings
		}
		cb.path = filepath.Join(o.out, slug(a.Community)+"-budget.xlsx")
		if err := writeBudget(cb, c.p, lang); err != nil {
			return err
		}
		top, rate := topNeed(a)
		s := cp.result.Summary
		cliff := "–"
		if cb.result.Cliff.Year != 0 {
			cliff = fmt.Sprint(cb.result.Cliff.Year)
		}
		rows = append(rows, []string{a.Community.Name.In(lang), fmt.Sprint(a.Survey.Rows), top, rate,
			fmt.Sprint(s.Create), fmt.Sprint(s.Enhance), fmt.Sprintf("%.2f", s.HireFTE), cliff, fmtInt(cb.result.Horizon.Local)})
	}
	printWarnings(o.stderr, warnings)
	if !o.quiet {
		fmt.Fprintf(o.stdout, "%s\n", c.p.Name)
		writeTable(o.stdout, []string{tr(lang, "громада", "community"), tr(lang, "домогосподарств", "households"),
			tr(lang, "найпотрібніша послуга", "most needed service"), tr(lang, "потреба, усі домогосподарства (95 % ДІ)", "need, all households (95 % CI)"),
			tr(lang, "створити", "create"), tr(lang, "розширити", "enhance"), tr(lang, "нових ставок", "new posts (FTE)"),
			tr(lang, "рік виходу донора", "donor cliff"), tr(lang, "місцеве зобов'язання, грн", "local commitment, UAH")}, rows)
		fmt.Fprintf(o.stdout, tr(lang, "Робочі книги: %s\n", "Workbooks: %s\n"), o.out)
	}
	return nil
}

// topNeed is the service most needed among all households, with its rate.
func topNeed(a *workbook.Assessment) (string, string) {
	best := -1
	for i, r := range a.Result.Rates {
		if r.Group != "all" || (a.Options.Suppress && r.Verdict.Suppress) || r.Stat != r.Stat {
			continue
		}
		if best < 0 || r.Stat > a.Result.Rates[best].Stat {
			best = i
		}
	}
	if best < 0 {
		return "–", "–"
	}
	r := a.Result.Rates[best]
	return truncate(a.Services[r.Service].Name.In(a.Lang), 40), fmtRate(r)
}
