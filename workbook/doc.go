// Package workbook writes the workbooks hromada gives its users — the
// assessment, the service-gap plan, the budget and the consolidated
// workbook of many communities — and reads back the ones a person has
// edited ([ReadDemand], [ReadPlan]). With package internal/xlsx (the
// reader) it is the only package of the project that imports excelize.
//
// A workbook is assembled with the writer kit: [NewBook], [Book.AddSheet]
// for a table of [Col]umns and rows, [Book.AddText] for a page of text,
// then [Book.Save], which writes the file atomically ([WriteAtomic]).
// [WriteStream] writes one large sheet row by row. The report layouts are
// [WriteAssessment], [WritePlan], [WriteBudget] and [WriteConsolidated];
// [Dump] turns any workbook into the text the golden tests compare.
package workbook
