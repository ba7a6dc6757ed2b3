package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/consbook"
	"github.com/spf13/cobra"
)

type consolidateOptions struct {
	*app
	dir             string
	out             string
	passwordFile    string
	overwriteEdited bool
	jobs            int
}

// newConsolidateCmd is the consolidate command. Its help, in Ukrainian and English, is
// commandHelp["consolidate"] (help_text.go).
func newConsolidateCmd(a *app) *cobra.Command {
	o := &consolidateOptions{app: a}
	cmd := &cobra.Command{
		Use:  "consolidate [PROJECT]",
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = projectArg(args)
			if err := checkJobs(o.jobs, "читати", "read"); err != nil {
				return err
			}
			return runConsolidate(o)
		},
	}
	cmd.Flags().StringVarP(&o.out, "out", "o", "out", "")
	cmd.Flags().IntVarP(&o.jobs, "jobs", "j", 0, "")
	addPasswordFlag(cmd, &o.passwordFile)
	addOverwriteEditedFlag(cmd, &o.overwriteEdited)
	return cmd
}

func runConsolidate(o *consolidateOptions) error {
	w, err := openWhole(o.app, o.dir, o.out, o.passwordFile)
	if err != nil {
		return err
	}
	p, ps, global, pw, lang := w.p, w.problems, w.global, w.pw, w.lang
	cons := filepath.Join(o.out, consolidatedFile)
	if err := guardOutputs([]string{cons}, append(pipeline.ProjectInputs(p), o.passwordFile)); err != nil {
		return err
	}
	if err := guardEdited([]string{cons}, o.overwriteEdited); err != nil {
		return err
	}
	runs, c, err := consolidateFolder(p, ps, pw, lang, o.out, o.jobs)
	if err != nil {
		return err
	}
	printRunProblems(o.stderr, o.shown(global), len(runs), lang)
	if !o.quiet {
		printRunTable(&runOptions{app: o.app, out: o.out}, p.Name, runs, c, lang)
	}
	printStale(o.stdout, runs, lang)
	if c.Totals.Failed > 0 {
		return hinted{hromada.Errorf("громад без повного набору робочих книг у %[3]s: %[1]d з %[2]d; %[4]s записано",
			"%d of %d communities have no complete set of workbooks in %s; %s is written", c.Totals.Failed, len(runs), o.out, consolidatedFile),
			hromada.T("аркуш «Стан» у %s називає кожну відсутню робочу книгу; запустіть 'hromada run' або пропущений етап",
				"the Status sheet of %s names each missing workbook; run 'hromada run' or the missing stage", consolidatedFile)}
	}
	return nil
}

// consolidateFolder rebuilds the consolidated workbook of project p from
// the workbooks as they stand in the folder out (pipeline.Run's
// FromWorkbooks) and writes it there. ps are the problems of loading p.
func consolidateFolder(p *project.Project, ps hromada.Problems, pw string, lang hromada.Lang, out string, jobs int) ([]pipeline.CommunityRun, *consbook.Consolidated, error) {
	_, own := pipeline.SplitProblems(p, ps)
	eo, err := pipeline.ProjectEstimateOptions(p, false)
	if err != nil {
		return nil, nil, err
	}
	r := &pipeline.Run{Project: p, Password: pw, Lang: lang, Estimate: eo, Plan: pipeline.ProjectPlanSettings(p), Out: out, Own: own, FromWorkbooks: true}
	runs := make([]pipeline.CommunityRun, len(p.Communities))
	pipeline.ForEach(len(p.Communities), jobs, func(i int) { runs[i] = r.Community(i) })
	rows := make([]consolidate.Row, len(runs))
	for i, cr := range runs {
		rows[i] = cr.Row
	}
	c := pipeline.Consolidated(p, rows, eo, lang)
	if err := consbook.Write(filepath.Join(out, consolidatedFile), c); err != nil {
		return nil, nil, errConsolidated(err)
	}
	return runs, c, nil
}

// reconsolidate ends plan and budget on a project: when the output folder
// out holds a consolidated workbook, it is rebuilt from the workbooks as
// they now stand there (consolidateFolder), so it never shows the figures
// of a plan or budget since replaced. Without one (stages run one by one,
// no 'hromada run' into out) there is nothing out of date and nothing is
// written. It says so on a line of w, and names the communities whose
// workbooks are now older than their inputs (printStale): after plan, the
// budgets made from the plans it replaced.
func reconsolidate(a *app, p *project.Project, ps hromada.Problems, pw string, lang hromada.Lang, out string) error {
	cons := filepath.Join(out, consolidatedFile)
	if !isFile(cons) {
		return nil
	}
	runs, _, err := consolidateFolder(p, ps, pw, lang, out, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.warnings(), tr(lang, "%s перебудовано з робочих книг у %s\n", "%s rebuilt from the workbooks in %s\n"), cons, out)
	printStale(a.stdout, runs, lang)
	return nil
}

// isFile reports whether path is a regular file.
func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
