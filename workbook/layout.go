package workbook

import "strconv"

// RowSpan is the rows a block of a sheet uses, first to last, from 1. A
// block with no rows has last = first − 1.
type RowSpan struct{ First, Last int }

// Col is column col of the span's rows on sheet sh, the rows absolute:
// $A$5:$A$30 with absCols, A$5:A$30 without.
func (s RowSpan) Col(sh string, col int, absCols bool) CellRange {
	return CellRange{Sheet: sh, Col1: col, Row1: s.First, Col2: col, Row2: s.Last, AbsCols: absCols, AbsRows: true}
}

// Layout places the rows of a report sheet before any is written, so
// that a formula can refer to a block below it. A block adds its rows in
// order, each with the function that writes it, and gets their numbers
// at once; Write then runs the functions top down, each with the sheet's
// current row set to its own. No row number is counted by hand.
type Layout struct {
	Report *ReportSheet // the sheet it lays out
	next   int          // the number the next row gets
	writes []func()     // by row, from the sheet's row when the layout began
}

// NewLayout starts a layout at the next row of r.
func NewLayout(r *ReportSheet) *Layout { return &Layout{Report: r, next: r.Next} }

// Row adds a row that write fills, and returns its number.
func (l *Layout) Row(write func()) int {
	l.writes = append(l.writes, write)
	l.next++
	return l.next - 1
}

// Gap adds an empty row.
func (l *Layout) Gap() { l.Row(func() {}) }

// Block adds the rows that add adds and returns their span.
func (l *Layout) Block(add func()) RowSpan {
	first := l.next
	add()
	return RowSpan{first, l.next - 1}
}

// Write writes every row, top down, and leaves the sheet's current row
// below the last.
func (l *Layout) Write() {
	first := l.Report.Next
	for i, w := range l.writes {
		l.Report.Next = first + i
		w()
	}
	l.Report.Next = l.next
}

// Block writes the rows that write writes at the sheet's current row and
// returns their span.
func (r *ReportSheet) Block(write func()) RowSpan {
	first := r.Next
	write()
	return RowSpan{first, r.Next - 1}
}

// TableRows are the rows of a table: its header and its value rows.
type TableRows struct {
	Header int     // the header's row
	Values RowSpan // the value rows
}

// Row is the row of value row i of the table, from 0.
func (t TableRows) Row(i int) int { return t.Values.First + i }

// A1Name is the A1 name of the cell at column col (from 0) and row (from 1).
func A1Name(col, row int) string {
	return ColumnName(col) + strconv.Itoa(row)
}

// CellRange is a range of cells of a sheet, written absolute or relative in
// the columns: a row of years (D$9:H$9) or a column of a table
// ($A$5:$A$30).
type CellRange struct {
	Sheet      string // the sheet's name
	Col1, Row1 int    // the first cell: column from 0, row from 1
	Col2, Row2 int    // the last cell
	AbsCols    bool   // the columns are written absolute ($A)
	AbsRows    bool   // the rows are written absolute ($5)
}

// In is the range as a formula on sheet from writes it: without the sheet
// when it is from, with it quoted otherwise.
func (s CellRange) In(from string) string {
	ref := func(col, row int) string {
		c, r := ColumnName(col), strconv.Itoa(row)
		if s.AbsCols {
			c = "$" + c
		}
		if s.AbsRows {
			r = "$" + r
		}
		return c + r
	}
	out := ref(s.Col1, s.Row1) + ":" + ref(s.Col2, s.Row2)
	if s.Sheet == from {
		return out
	}
	return QuotedSheet(s.Sheet) + "!" + out
}
