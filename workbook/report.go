package workbook

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// ReportSheet is a sheet of a title, headings, paragraphs and small tables, one
// under another on a grid of fixed column widths, as a planner reads a
// summary: from the top down.
type ReportSheet struct {
	Book   *Book          // the book the sheet is in
	Sheet  string         // the sheet's name
	Widths []float64      // the widths of the grid's columns, from A
	Next   int            // the row to write next, from 1
	custom map[string]int // styles of custom number formats
}

// NoteSpan is a text that spans n cells of a table row, such as the note that
// stands for a suppressed estimate and its interval.
type NoteSpan struct {
	Text string // the note
	Cols int    // how many cells it spans
}

// NumCell is a number with a format of its own, for a column whose rows
// differ (shares and children per family): one of hromada's formats, or a
// custom number format such as 0.00" per family".
type NumCell struct {
	Value  float64
	Format Format // one of hromada's formats, when Custom is ""
	Custom string // a custom number format, or ""
}

// NewReport adds a report sheet with the given column widths.
func (b *Book) NewReport(name string, widths []float64) *ReportSheet {
	sh := b.NewSheet(name)
	for i, w := range widths {
		c := ColumnName(i)
		b.Fail(b.File.SetColWidth(sh, c, c, w))
		b.Widths[sh] += w
	}
	return &ReportSheet{Book: b, Sheet: sh, Widths: widths, Next: 1, custom: map[string]int{}}
}

// Ref is the A1 name of the cell at column col of the row written next.
func (r *ReportSheet) Ref(col int) string { return fmt.Sprintf("%s%d", ColumnName(col), r.Next) }

// Span is the widths of the columns from to to, as far as the grid has
// them.
func (r *ReportSheet) Span(from, to int) []float64 {
	return r.Widths[min(from, len(r.Widths)):min(to+1, len(r.Widths))]
}

// Set writes v in style st to the cell at column col of the row written
// next.
func (r *ReportSheet) Set(col int, v any, st StyleKey) {
	cell := r.Ref(col)
	r.Book.SetCell(r.Sheet, cell, v)
	r.Book.Fail(r.Book.File.SetCellStyle(r.Sheet, cell, cell, r.Book.Style(st)))
}

// Title writes the sheet's title.
func (r *ReportSheet) Title(s string) {
	r.Set(0, s, StyleKey{Kind: "title"})
	r.Book.RowHeight(r.Sheet, r.Next, 22)
	r.Next++
}

// Gap leaves an empty row.
func (r *ReportSheet) Gap() { r.Next++ }

// Heading writes a section heading.
func (r *ReportSheet) Heading(s string) {
	r.Set(0, s, StyleKey{Kind: "heading"})
	r.Book.RowHeight(r.Sheet, r.Next, 18)
	r.Next++
}

// Line writes a paragraph across the whole grid, wrapped. kind is "" for
// plain text, "note", "warn" or "group" (a group's line in a table).
func (r *ReportSheet) Line(s, kind string) {
	last := len(r.Widths) - 1
	r.Book.Fail(r.Book.File.MergeCell(r.Sheet, r.Ref(0), r.Ref(last)))
	r.Book.SetCell(r.Sheet, r.Ref(0), s)
	r.Book.Fail(r.Book.File.SetCellStyle(r.Sheet, r.Ref(0), r.Ref(last), r.Book.Style(StyleKey{Kind: kind, Wrap: true})))
	if h := TextRowHeight(s, kind, 0, r.Widths...); h > 15 {
		r.Book.RowHeight(r.Sheet, r.Next, h)
	}
	r.Next++
}

// KeyValue writes a key in the first column and its value across the
// others.
func (r *ReportSheet) KeyValue(key string, v any) {
	last := len(r.Widths) - 1
	r.Set(0, key, StyleKey{Kind: "bold", Wrap: true})
	r.Book.Fail(r.Book.File.MergeCell(r.Sheet, r.Ref(1), r.Ref(last)))
	r.Book.SetCell(r.Sheet, r.Ref(1), v)
	st := StyleKey{Wrap: true}
	if _, ok := v.(float64); ok {
		st = StyleKey{Format: Integer, Kind: "left"}
	}
	r.Book.Fail(r.Book.File.SetCellStyle(r.Sheet, r.Ref(1), r.Ref(last), r.Book.Style(st)))
	h := TextRowHeight(key, "bold", 0, r.Widths[0])
	if s, ok := v.(string); ok {
		h = max(h, TextRowHeight(s, "", 0, r.Span(1, last)...))
	}
	if h > 15 {
		r.Book.RowHeight(r.Sheet, r.Next, h)
	}
	r.Next++
}

// Header writes the header row of a table, its band across the whole grid.
// A column too narrow for a word of its header is widened, so that headers
// wrap between words.
func (r *ReportSheet) Header(cols []Col) {
	for c, col := range cols {
		if need := WordFitWidth(col.Header, "header"); c < len(r.Widths) && need > r.Widths[c] {
			r.Book.Widths[r.Sheet] += need - r.Widths[c]
			r.Widths[c] = need
			name := ColumnName(c)
			r.Book.Fail(r.Book.File.SetColWidth(r.Sheet, name, name, need))
		}
	}
	for c := range r.Widths {
		h := ""
		if c < len(cols) {
			h = cols[c].Header
		}
		r.Set(c, h, StyleKey{Kind: "header"})
	}
	r.Book.RowHeight(r.Sheet, r.Next, HeaderHeight(cols, r.Widths[:len(cols)]))
	r.Next++
}

// Row writes a row of a table: numbers in their column's format, a
// numCell in its own, a noteSpan across cells, NaN as a dash.
func (r *ReportSheet) Row(cols []Col, vals []any) {
	height := 15.0
	for c := 0; c < len(vals); c++ {
		v := vals[c]
		if v == nil {
			continue
		}
		var f Format
		if c < len(cols) {
			f = cols[c].Format
		}
		switch x := v.(type) {
		case NoteSpan:
			last := min(c+x.Cols-1, len(r.Widths)-1)
			r.Book.Fail(r.Book.File.MergeCell(r.Sheet, r.Ref(c), r.Ref(last)))
			r.Book.SetCell(r.Sheet, r.Ref(c), x.Text)
			r.Book.Fail(r.Book.File.SetCellStyle(r.Sheet, r.Ref(c), r.Ref(last), r.Book.Style(StyleKey{Kind: "note", Wrap: true})))
			height = max(height, TextRowHeight(x.Text, "note", 0, r.Span(c, last)...))
			continue
		case NumCell:
			if x.Custom != "" && !math.IsNaN(x.Value) {
				r.Book.SetCell(r.Sheet, r.Ref(c), x.Value)
				r.Book.Fail(r.Book.File.SetCellStyle(r.Sheet, r.Ref(c), r.Ref(c), r.customStyle(x.Custom)))
				continue
			}
			v, f = x.Value, x.Format
		}
		if x, ok := v.(float64); ok && math.IsNaN(x) {
			v = "—"
		}
		st := StyleKey{Format: f}
		if s, ok := v.(string); ok {
			switch {
			case f != General && f != TextFmt:
				st = StyleKey{Kind: "right"} // a note such as "< 5" in a number column
			case c > 0:
				st = StyleKey{Kind: "indent", Wrap: c < len(cols) && cols[c].Wrap}
			default:
				st = StyleKey{Wrap: c < len(cols) && cols[c].Wrap}
			}
			if st.Wrap {
				indent := 0
				if st.Kind == "indent" {
					indent = 1
				}
				height = max(height, TextRowHeight(s, "", indent, r.Widths[c]))
			}
		}
		r.Set(c, v, st)
	}
	if height > 15 {
		r.Book.RowHeight(r.Sheet, r.Next, height)
	}
	r.Next++
}

// customStyle is the style of a number in a custom format.
func (r *ReportSheet) customStyle(format string) int {
	if id, ok := r.custom[format]; ok {
		return id
	}
	id, err := r.Book.File.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &format})
	if err != nil {
		r.Book.Fail(err)
		return 0
	}
	r.custom[format] = id
	return id
}
