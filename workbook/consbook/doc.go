// Package consbook writes the consolidated workbook of a project
// ([Write]): one row per community and the totals across them, for those
// who plan for many communities at once.
//
// The input is a [Consolidated]: the rows of package consolidate, in the
// project's order, with the groups, services, budget years and threshold
// that name their columns. The workbook has the sheets Summary,
// Communities (with links to each community's workbooks), Needs,
// Services, Budget, Status and Methods. Estimates of a small group are
// suppressed, and a total that would give one back is suppressed too
// (complementary suppression). The long tables are streamed row by row
// rather than held in memory cell by cell (BenchmarkWriteConsolidated
// writes 1,469 communities).
// docs/consolidated-workbook.md describes each sheet. The same input gives
// the same bytes.
package consbook
