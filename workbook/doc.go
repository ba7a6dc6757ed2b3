// Package workbook is the writer kit of hromada's Excel workbooks: what
// the four report layouts (packages assessbook, planbook, budgetbook and
// consbook below it) are written with, and the tools that read any of
// them back. With package internal/xlsx (the reader) the workbook tree is
// the only part of the project that imports excelize.
//
// A workbook is a [Book]: [NewBook], then its sheets, then [Book.Save],
// which writes the file atomically ([WriteAtomic]) with the cached value
// of every formula, so that a reader that does not calculate sees the
// numbers Excel would show. Sheets come in three kinds:
//
//   - a table: [Book.AddSheet] with a [Sheet] of [Col]umns and rows, its
//     header frozen, filtered and fitted to its texts;
//   - a page of text: [Book.AddText] with [Para]graphs;
//   - a report sheet: [Book.NewReport] gives a [ReportSheet], a grid of
//     fixed column widths written from the top down (title, headings,
//     lines, key–value rows, small tables). A [Layout] places the rows of
//     such a sheet before any is written, so that a formula can refer to a
//     block below it: each block returns the [RowSpan] it uses and formulas
//     refer to those ranges ([RowSpan.Col], [CellRange]).
//
// [WriteStream] writes one large table row by row. Charts are bar charts
// with error bars ([Book.AddBarChart], [WithErrorBars]) whose numbers
// stand in a hidden sheet ([ChartSheet]). Texts come in both languages
// ([Texts], [ReportText]); numbers are written in the reader's language
// ([FormatCount], [FormatPercent], [FormatDecimal], [UnitWord]); rows are
// made high enough for their wrapped texts ([TextRowHeight],
// [HeaderRowHeight]).
//
// Reading back: [Dump] turns any workbook into the text the golden tests
// compare; [Content] and [Check] fingerprint a workbook's content, so
// that hromada knows whether a person has edited a workbook it wrote;
// [Edit] changes cells of a saved workbook; [HeaderKey] and [ProblemOf]
// are what the layouts' readers of edited sheets share.
package workbook
