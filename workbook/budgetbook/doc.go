// Package budgetbook writes the budget workbook of one community
// ([Write]): the multi-year cost of a plan and who pays it, as live
// formulas a finance officer can follow and change.
//
// The input is a [Budget]: the projection of package budget, the input it
// was computed from and where each input comes from ([BudgetSources]).
// Every input stands once, yellow, on the Assumptions sheet; Staffing,
// Costs, Funding, Affordability, Unit costs and the two pivots by code
// compute from it with formulas, saved with the values package budget
// computed as their cached values; an input cell accepts only what its
// rule allows, and the Summary flags an input out of range. [Write]
// refuses a result that was not computed from the input it is given.
// Scenarios and Sensitivity are values, and say so. docs/budget-workbook.md describes each sheet
// and the test that recalculates the workbook. The same budget gives the
// same bytes.
package budgetbook
