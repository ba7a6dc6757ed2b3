// Package assessbook writes the assessment workbook of one community
// ([Write]) and reads back the Demand sheet a person may have edited
// ([ReadDemand]), which is what package plan starts from.
//
// The input is an [Assessment]: the estimates and demand of package
// assess, with the survey, registry rows, known clients and answer counts
// they were made from. The workbook has the sheets Summary (sentences for
// a report, the largest demands, the top [TopNeeds] needs of each group,
// two charts), Demand, Estimates (an analysistools results table), Data
// quality and Methods, in Ukrainian or English. A published workbook
// (Options.Suppress) hides suppressed estimates; an internal one shows
// them marked. docs/assessment-workbook.md is the contract with the plan:
// the Demand sheet's columns and how an edit is read. The same assessment
// gives the same bytes.
package assessbook
