package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/consbook"
	"github.com/spf13/cobra"
)

type runOptions struct {
	*app
	dir             string
	out             string
	noSuppress      bool
	passwordFile    string
	overwriteEdited bool
	jobs            int
}

// consolidatedFile is the consolidated workbook's name in the output folder.
const consolidatedFile = pipeline.ConsolidatedFile

// newRunCmd is the run command. Its help, in Ukrainian and English, is
// commandHelp["run"] (help_text.go).
func newRunCmd(a *app) *cobra.Command {
	o := &runOptions{app: a}
	cmd := &cobra.Command{
		Use:  "run [PROJECT]",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = projectArg(args)
			if err := checkJobs(o.jobs, "обробляти", "run"); err != nil {
				return err
			}
			return runRun(o)
		},
	}
	cmd.Flags().StringVarP(&o.out, "out", "o", "out", "")
	cmd.Flags().BoolVar(&o.noSuppress, "no-suppress", false, "")
	cmd.Flags().IntVarP(&o.jobs, "jobs", "j", 0, "")
	addPasswordFlag(cmd, &o.passwordFile)
	addOverwriteEditedFlag(cmd, &o.overwriteEdited)
	return cmd
}

func runRun(o *runOptions) error {
	w, err := openWhole(o.app, o.dir, o.out, o.passwordFile)
	if err != nil {
		return err
	}
	p, global, own, pw, lang := w.p, w.global, w.own, w.pw, w.lang
	eo, err := pipeline.ProjectEstimateOptions(p, o.noSuppress)
	if err != nil {
		return err
	}
	outputs, err := pipeline.RunOutputs(p, o.out)
	if err != nil {
		return err
	}
	if err := guardOutputs(outputs, append(pipeline.ProjectInputs(p), o.passwordFile)); err != nil {
		return err
	}
	if err := guardEdited(outputs, o.overwriteEdited); err != nil {
		return err
	}
	safefile.SetPrivate(o.noSuppress)
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return errOutFolder(err)
	}
	o.sweep(o.out)
	names := make([]string, len(p.Communities))
	for i, c := range p.Communities {
		names[i] = c.Name.In(lang)
	}
	pr := newProgress(o.stderr, o.quiet, names, 3, lang)
	r := &pipeline.Run{Project: p, Password: pw, Lang: lang, Estimate: eo, Plan: pipeline.ProjectPlanSettings(p), Out: o.out, Own: own,
		Stage: pr.stage}
	runs, cons, werr := r.All(o.jobs, pr.done)
	pr.finish()

	warnings := global
	failed := 0
	for _, cr := range runs {
		warnings = append(warnings, cr.Problems...)
		if cr.Row.Status != consolidate.OK {
			failed++
		}
	}
	printRunProblems(o.stderr, o.shown(warnings), len(runs), lang)
	if werr != nil {
		// A full disk: the reasons the communities failed are printed above.
		return werr
	}
	if !o.quiet {
		printRunTable(o, p.Name, runs, cons, lang)
	}
	printStale(o.stdout, runs, lang)
	if failed > 0 {
		return hinted{hromada.Errorf("громад з помилками: %d з %d; робочі книги інших громад і %s записано",
			"%d of %d communities failed; the others' workbooks and %s are written", failed, len(runs), consolidatedFile),
			hromada.T("виправте помилки, наведені вище, і запустіть ще раз; аркуш «Стан» у %s перелічує їх за громадами",
				"fix the errors above and run again; the Status sheet of %s lists them by community", consolidatedFile)}
	}
	return nil
}

// printRunProblems prints the errors of failed communities and the
// warnings, in lang. A large project's warnings are counted, not listed:
// each is on its community's workbooks.
func printRunProblems(w io.Writer, ps hromada.Problems, communities int, lang hromada.Lang) {
	const listUpTo = 50
	warnings := len(ps) - ps.Errors()
	for _, p := range ps {
		if p.Severity == hromada.Error || communities <= listUpTo {
			fmt.Fprintf(w, "%s: %s\n", p.Severity.In(lang), p.In(lang))
		}
	}
	if communities > listUpTo && warnings > 0 {
		fmt.Fprintf(w, tr(lang, "%s; кожне — на аркуші «Методи» робочих книг своєї громади\n", "%s; each is on the Methods sheet of its community's workbooks\n"),
			counted(lang, warnings, "попередження", "попередження", "попереджень", "warning", "warnings"))
	}
}

// errConsolidated is the error of a consolidated workbook that cannot be
// written.
func errConsolidated(err error) error {
	return hromada.Errorf("зведена робоча книга: %w", "consolidated workbook: %w", err)
}

// printRunTable prints the status of each community and the project's
// totals. A large project lists only its failed communities.
func printRunTable(o *runOptions, name string, runs []pipeline.CommunityRun, c *consbook.Consolidated, lang hromada.Lang) {
	const listUpTo = 50
	fmt.Fprintf(o.stdout, "%s\n", name)
	var rows [][]string
	for _, cr := range runs {
		r := cr.Row
		if len(runs) > listUpTo && r.Status == consolidate.OK {
			continue
		}
		status := tr(lang, "готово", "done")
		if r.Stale {
			status = hromada.T("готово, застаріле", "done, out of date").In(lang)
		}
		if r.Status != consolidate.OK {
			status = fmt.Sprintf(tr(lang, "помилка: %s", "failed: %s"), stageName(r.Stage, lang))
			rows = append(rows, []string{r.Community.Name.In(lang), status, "", "", "", "", "", "", "", ""})
			continue
		}
		top, rate := "–", "–"
		if cr.HasTop {
			top, rate = truncate(cr.Top, 40), fmtRate(cr.TopRate, lang)
		}
		cliff := "–"
		if r.CliffYear != 0 {
			cliff = fmt.Sprint(r.CliffYear)
		}
		rows = append(rows, []string{r.Community.Name.In(lang), status, fmtCount(float64(r.Households), lang), top, rate,
			fmt.Sprint(r.Create), fmt.Sprint(r.Enhance), fmtDecimal(r.Hires, 2, lang), cliff, fmtCount(r.HorizonLocal, lang)})
	}
	t := c.Totals
	if t.Communities-t.Failed > 0 {
		rows = append(rows, []string{fmt.Sprintf(tr(lang, "Разом: %d з %d", "Total: %d of %d"), t.Communities-t.Failed, t.Communities), "",
			fmtCount(float64(t.Households), lang), "", "", fmt.Sprint(t.Create), fmt.Sprint(t.Enhance), fmtDecimal(t.Hires, 2, lang), "", fmtCount(t.HorizonLocal, lang)})
	}
	writeTable(o.stdout, []string{tr(lang, "громада", "community"), tr(lang, "стан", "status"), tr(lang, "домогосподарств", "households"),
		tr(lang, "найпотрібніша послуга", "most needed service"), tr(lang, "потреба, усі домогосподарства (95 % ДІ)", "need, all households (95 % CI)"),
		tr(lang, "створити", "create"), tr(lang, "розширити", "enhance"), tr(lang, "нових ставок", "new posts (FTE)"),
		tr(lang, "рік виходу донора", "donor cliff"), tr(lang, "місцеве зобов'язання, грн", "local commitment, UAH")}, rows)
	if len(runs) > listUpTo {
		fmt.Fprintf(o.stdout, tr(lang, "Кожна громада — у %s.\n", "Every community is in %s.\n"), filepath.Join(o.out, consolidatedFile))
	}
	fmt.Fprintf(o.stdout, tr(lang, "Робочі книги: %s\n", "Workbooks: %s\n"), o.out)
}

// printStale prints a line for each community with workbooks older than
// their inputs (pipeline.StaleLine). It is printed with -q too: it is not
// a warning about the inputs but says which figures in the output folder
// are old.
func printStale(w io.Writer, runs []pipeline.CommunityRun, lang hromada.Lang) {
	for _, cr := range runs {
		if len(cr.Stale) > 0 {
			fmt.Fprintf(w, "%s: %s\n", cr.Row.Community.Name.In(lang), pipeline.StaleLine(cr.Stale).In(lang))
		}
	}
}

// whole is a whole project as run and consolidate open it: loaded and
// checked as check does, with its problems split into project-wide ones
// and those of single communities.
type whole struct {
	p                *project.Project
	problems, global hromada.Problems
	own              map[string]hromada.Problems
	pw               string
	lang             hromada.Lang
}

// openWhole opens the project in dir for a command that writes into out:
// the folder is a project, out can be written, the password is read, and
// project-wide problems stop everything (nothing can be trusted then).
func openWhole(a *app, dir, out, passwordFile string) (*whole, error) {
	if err := projectDir(dir); err != nil {
		return nil, err
	}
	if err := outFolder(out); err != nil {
		return nil, err
	}
	pw, err := password(passwordFile)
	if err != nil {
		return nil, err
	}
	p, ps := pipeline.LoadProject(dir, pw)
	a.projectLang(p.Lang)
	global, own := pipeline.SplitProblems(p, ps)
	if err := global.Err(); err != nil {
		return nil, append(global, pipeline.ProblemsOf(own)...)
	}
	lang, err := a.language(p.Lang)
	if err != nil {
		return nil, err
	}
	return &whole{p: p, problems: ps, global: global, own: own, pw: pw, lang: lang}, nil
}
