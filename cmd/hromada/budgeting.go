package main

import (
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook"
)

// writeBudget writes a community's budget workbook.
func writeBudget(cb pipeline.CommunityBudget, p *project.Project, lang hromada.Lang) error {
	b, err := pipeline.BudgetWorkbook(cb, p, lang)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(cb.Path), 0o755); err != nil {
		return err
	}
	return workbook.WriteBudget(cb.Path, b)
}

// writePlan writes a community's plan workbook.
func writePlan(cp pipeline.CommunityPlan, projectName string, lang hromada.Lang) error {
	return workbook.WritePlan(cp.Path, cp.Workbook(projectName, lang))
}
