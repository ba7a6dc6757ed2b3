// Package planbook writes the service-gap plan workbook of one community
// ([Write]) and reads back the Actions sheet a planner may have edited
// ([Read]), which is what package budget costs.
//
// The input is a [Plan]: the result of package plan with what it was
// computed from. The workbook has the sheets Summary (sentences for a
// report, plausibility checks, the first [TopPriorities] priorities, two
// charts), Gaps, Actions, Staffing, Inventory and Methods, in Ukrainian
// or English. docs/plan-workbook.md is the contract with the budget: the
// Actions sheet's columns, and the rules by which a planner's edit (a
// target changed, an action dropped or moved first) reaches the budget;
// [Read] applies them and says what it could not read as problems. The
// same plan gives the same bytes.
package planbook
