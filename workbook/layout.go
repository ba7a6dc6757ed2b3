package workbook

import "strconv"

// rowSpan is the rows a block of a sheet uses, first to last, from 1. A
// block with no rows has last = first − 1.
type rowSpan struct{ first, last int }

// col is column col of the span's rows on sheet sh, the rows absolute:
// $A$5:$A$30 with absCols, A$5:A$30 without.
func (s rowSpan) col(sh string, col int, absCols bool) cellRange {
	return cellRange{sh: sh, col1: col, row1: s.first, col2: col, row2: s.last, absCols: absCols, absRows: true}
}

// layout places the rows of a report sheet before any is written, so
// that a formula can refer to a block below it. A block adds its rows in
// order, each with the function that writes it, and gets their numbers
// at once; write then runs the functions top down, each with the sheet's
// current row set to its own. No row number is counted by hand.
type layout struct {
	r      *reportSheet
	next   int      // the number the next row gets
	writes []func() // by row, from the sheet's row when the layout began
}

// newLayout starts a layout at the next row of r.
func newLayout(r *reportSheet) *layout { return &layout{r: r, next: r.next} }

// row adds a row that write fills, and returns its number.
func (l *layout) row(write func()) int {
	l.writes = append(l.writes, write)
	l.next++
	return l.next - 1
}

// gap adds an empty row.
func (l *layout) gap() { l.row(func() {}) }

// block adds the rows that add adds and returns their span.
func (l *layout) block(add func()) rowSpan {
	first := l.next
	add()
	return rowSpan{first, l.next - 1}
}

// write writes every row, top down, and leaves the sheet's current row
// below the last.
func (l *layout) write() {
	first := l.r.next
	for i, w := range l.writes {
		l.r.next = first + i
		w()
	}
	l.r.next = l.next
}

// block writes the rows that write writes at the sheet's current row and
// returns their span.
func (r *reportSheet) block(write func()) rowSpan {
	first := r.next
	write()
	return rowSpan{first, r.next - 1}
}

// tableRows are the rows of a table: its header and its value rows.
type tableRows struct {
	header int
	values rowSpan
}

// row is the row of value row i of the table, from 0.
func (t tableRows) row(i int) int { return t.values.first + i }

// a1Name is the A1 name of the cell at column col (from 0) and row (from 1).
func a1Name(col, row int) string {
	return ColumnName(col) + strconv.Itoa(row)
}

// cellRange is a range of cells of a sheet, written absolute or relative in
// the columns: a row of years (D$9:H$9) or a column of a table
// ($A$5:$A$30).
type cellRange struct {
	sh         string
	col1, row1 int
	col2, row2 int
	absCols    bool
	absRows    bool
}

func (s cellRange) in(from string) string {
	ref := func(col, row int) string {
		c, r := ColumnName(col), strconv.Itoa(row)
		if s.absCols {
			c = "$" + c
		}
		if s.absRows {
			r = "$" + r
		}
		return c + r
	}
	out := ref(s.col1, s.row1) + ":" + ref(s.col2, s.row2)
	if s.sh == from {
		return out
	}
	return quotedSheet(s.sh) + "!" + out
}
