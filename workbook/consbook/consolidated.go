package consbook

import (
	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/consolidate"
)

// Consolidated is what the consolidated workbook of a project shows: one
// row per community and the totals across them (docs/consolidated-workbook.md).
type Consolidated struct {
	Lang    hromada.Lang
	Project string  // project name
	Level   float64 // confidence level of the intervals, e.g. 0.95
	Years   []int   // budget horizon, calendar years
	// Threshold is the project's affordability threshold (local cost as a
	// share of revenue); NaN when none is set.
	Threshold float64
	// Groups name the entries of consolidate.Row.Needs, in that order:
	// all households, the project's groups, any target group.
	Groups []hromada.Group
	// Services names the services of consolidate.Row.Services by code,
	// in the project's order.
	Services []hromada.Service
	Rows     []consolidate.Row // in the project's order of communities
	Totals   consolidate.Totals
}
