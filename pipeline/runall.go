package pipeline

import (
	"path/filepath"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/consbook"
)

// ConsolidatedFile is the consolidated workbook's name in the output
// folder of a run.
const ConsolidatedFile = "consolidated.xlsx"

// RunOutputs are the workbooks a whole run of project p writes into the
// folder out: every community's assessment, plan and budget (StageOutputs)
// and the consolidated workbook, last. A caller checks them against the
// inputs (CheckOutputs) and for edits (EditedOutputs) before the run.
func RunOutputs(p *project.Project, out string) ([]string, error) {
	outputs, err := StageOutputs(out, p.Communities, Assessment, Plan, Budget)
	if err != nil {
		return nil, err
	}
	return append(outputs, filepath.Join(out, ConsolidatedFile)), nil
}

// All runs every community of the project (Community), jobs at a time (0:
// as many as there are cores), then writes the consolidated workbook
// (Consolidated) into r.Out. done, when set, is told as each community
// ends, with the stage it failed at ("" when it did not); it is called
// from the goroutines that run the communities. The error is the
// consolidated workbook's; the communities' own are in their runs.
func (r *Run) All(jobs int, done func(i int, failed string)) ([]CommunityRun, *consbook.Consolidated, error) {
	runs := make([]CommunityRun, len(r.Project.Communities))
	ForEach(len(r.Project.Communities), jobs, func(i int) {
		runs[i] = r.Community(i)
		if done != nil {
			done(i, runs[i].Row.Stage)
		}
	})
	rows := make([]consolidate.Row, len(runs))
	for i, cr := range runs {
		rows[i] = cr.Row
	}
	cons := Consolidated(r.Project, rows, r.Estimate, r.Lang)
	if err := consbook.Write(filepath.Join(r.Out, ConsolidatedFile), cons); err != nil {
		return runs, cons, hromada.Errorf("зведена робоча книга: %w", "consolidated workbook: %w", err)
	}
	return runs, cons, nil
}
