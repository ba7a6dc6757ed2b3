package workbook

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// reportSheet is a sheet of a title, headings, paragraphs and small tables, one
// under another on a grid of fixed column widths, as a planner reads a
// summary: from the top down.
type reportSheet struct {
	b      *Book
	sh     string
	widths []float64
	next   int            // the row to write next, from 1
	custom map[string]int // styles of custom number formats
}

// noteSpan is a text that spans n cells of a table row, such as the note that
// stands for a suppressed estimate and its interval.
type noteSpan struct {
	text string
	n    int
}

// numCell is a number with a format of its own, for a column whose rows
// differ (shares and children per family): one of hromada's formats, or a
// custom number format such as 0.00" per family".
type numCell struct {
	v      float64
	f      Format
	custom string
}

// newReport adds a report sheet with the given column widths.
func (b *Book) newReport(name string, widths []float64) *reportSheet {
	sh := b.newSheet(name)
	for i, w := range widths {
		c := ColumnName(i)
		b.fail(b.f.SetColWidth(sh, c, c, w))
		b.widths[sh] += w
	}
	return &reportSheet{b: b, sh: sh, widths: widths, next: 1, custom: map[string]int{}}
}

func (r *reportSheet) ref(col int) string { return fmt.Sprintf("%s%d", ColumnName(col), r.next) }

// span is the widths of the columns from to to, as far as the grid has
// them.
func (r *reportSheet) span(from, to int) []float64 {
	return r.widths[min(from, len(r.widths)):min(to+1, len(r.widths))]
}

func (r *reportSheet) set(col int, v any, st styleKey) {
	cell := r.ref(col)
	r.b.setCell(r.sh, cell, v)
	r.b.fail(r.b.f.SetCellStyle(r.sh, cell, cell, r.b.style(st)))
}

// title writes the sheet's title.
func (r *reportSheet) title(s string) {
	r.set(0, s, styleKey{kind: "title"})
	r.b.rowHeight(r.sh, r.next, 22)
	r.next++
}

// gap leaves an empty row.
func (r *reportSheet) gap() { r.next++ }

// heading writes a section heading.
func (r *reportSheet) heading(s string) {
	r.set(0, s, styleKey{kind: "heading"})
	r.b.rowHeight(r.sh, r.next, 18)
	r.next++
}

// line writes a paragraph across the whole grid, wrapped. kind is "" for
// plain text, "note", "warn" or "group" (a group's line in a table).
func (r *reportSheet) line(s, kind string) {
	last := len(r.widths) - 1
	r.b.fail(r.b.f.MergeCell(r.sh, r.ref(0), r.ref(last)))
	r.b.setCell(r.sh, r.ref(0), s)
	r.b.fail(r.b.f.SetCellStyle(r.sh, r.ref(0), r.ref(last), r.b.style(styleKey{kind: kind, wrap: true})))
	if h := textRowHeight(s, kind, 0, r.widths...); h > 15 {
		r.b.rowHeight(r.sh, r.next, h)
	}
	r.next++
}

// keyValue writes a key in the first column and its value across the
// others.
func (r *reportSheet) keyValue(key string, v any) {
	last := len(r.widths) - 1
	r.set(0, key, styleKey{kind: "bold", wrap: true})
	r.b.fail(r.b.f.MergeCell(r.sh, r.ref(1), r.ref(last)))
	r.b.setCell(r.sh, r.ref(1), v)
	st := styleKey{wrap: true}
	if _, ok := v.(float64); ok {
		st = styleKey{format: Integer, kind: "left"}
	}
	r.b.fail(r.b.f.SetCellStyle(r.sh, r.ref(1), r.ref(last), r.b.style(st)))
	h := textRowHeight(key, "bold", 0, r.widths[0])
	if s, ok := v.(string); ok {
		h = max(h, textRowHeight(s, "", 0, r.span(1, last)...))
	}
	if h > 15 {
		r.b.rowHeight(r.sh, r.next, h)
	}
	r.next++
}

// header writes the header row of a table, its band across the whole grid.
// A column too narrow for a word of its header is widened, so that headers
// wrap between words.
func (r *reportSheet) header(cols []Col) {
	for c, col := range cols {
		if need := wordFitWidth(col.Header, "header"); c < len(r.widths) && need > r.widths[c] {
			r.b.widths[r.sh] += need - r.widths[c]
			r.widths[c] = need
			name := ColumnName(c)
			r.b.fail(r.b.f.SetColWidth(r.sh, name, name, need))
		}
	}
	for c := range r.widths {
		h := ""
		if c < len(cols) {
			h = cols[c].Header
		}
		r.set(c, h, styleKey{kind: "header"})
	}
	r.b.rowHeight(r.sh, r.next, headerHeight(cols, r.widths[:len(cols)]))
	r.next++
}

// row writes a row of a table: numbers in their column's format, a
// numCell in its own, a noteSpan across cells, NaN as a dash.
func (r *reportSheet) row(cols []Col, vals []any) {
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
		case noteSpan:
			last := min(c+x.n-1, len(r.widths)-1)
			r.b.fail(r.b.f.MergeCell(r.sh, r.ref(c), r.ref(last)))
			r.b.setCell(r.sh, r.ref(c), x.text)
			r.b.fail(r.b.f.SetCellStyle(r.sh, r.ref(c), r.ref(last), r.b.style(styleKey{kind: "note", wrap: true})))
			height = max(height, textRowHeight(x.text, "note", 0, r.span(c, last)...))
			continue
		case numCell:
			if x.custom != "" && !math.IsNaN(x.v) {
				r.b.setCell(r.sh, r.ref(c), x.v)
				r.b.fail(r.b.f.SetCellStyle(r.sh, r.ref(c), r.ref(c), r.customStyle(x.custom)))
				continue
			}
			v, f = x.v, x.f
		}
		if x, ok := v.(float64); ok && math.IsNaN(x) {
			v = "—"
		}
		st := styleKey{format: f}
		if s, ok := v.(string); ok {
			switch {
			case f != General && f != TextFmt:
				st = styleKey{kind: "right"} // a note such as "< 5" in a number column
			case c > 0:
				st = styleKey{kind: "indent", wrap: c < len(cols) && cols[c].Wrap}
			default:
				st = styleKey{wrap: c < len(cols) && cols[c].Wrap}
			}
			if st.wrap {
				indent := 0
				if st.kind == "indent" {
					indent = 1
				}
				height = max(height, textRowHeight(s, "", indent, r.widths[c]))
			}
		}
		r.set(c, v, st)
	}
	if height > 15 {
		r.b.rowHeight(r.sh, r.next, height)
	}
	r.next++
}

// customStyle is the style of a number in a custom format.
func (r *reportSheet) customStyle(format string) int {
	if id, ok := r.custom[format]; ok {
		return id
	}
	id, err := r.b.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &format})
	if err != nil {
		r.b.fail(err)
		return 0
	}
	r.custom[format] = id
	return id
}
