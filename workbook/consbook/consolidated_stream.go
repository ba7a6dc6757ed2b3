package consbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// streamSheet is a sheet of the consolidated workbook written row by row,
// top down, through excelize's stream writer: a title, lines, headings
// and tables on a grid of fixed column widths, as a [workbook.ReportSheet] lays
// them out. A project of 1,469 communities has tables of twenty thousand
// rows; cell by cell, excelize holds each cell as a value in memory and
// marshals them all at the end, which is most of the time a workbook
// takes to write (see BenchmarkWriteConsolidated). Streamed, a row is
// XML as soon as it is written.
//
// The sheet's print setup, panes and widths are set before the first
// row; conditional formats, links and filters before the book is saved.
type streamSheet struct {
	b      *workbook.Book
	sw     *excelize.StreamWriter
	sh     string
	widths []float64
	next   int // the row to write next, from 1
	// lineFrom is the column lines start in (line): 1 on a sheet whose
	// first column repeats on every printed page, so that the pages after
	// the first do not show the start of each line cut at that column's
	// width.
	lineFrom int
}

// newStream adds a streamed sheet with the given column widths, set up to
// print as [workbook.Book.PageSetup] does (the footer names footer).
func newStream(b *workbook.Book, name string, widths []float64, footer string) *streamSheet {
	sh := b.NewSheet(name)
	for _, w := range widths {
		b.Widths[sh] += w
	}
	// The fit-to-page property is written when the stream starts.
	b.PageSetup(sh, "", footer)
	sw, err := b.File.NewStreamWriter(sh)
	if err != nil {
		b.Fail(err)
		return &streamSheet{b: b, sh: sh, widths: widths, next: 1}
	}
	for i, w := range widths {
		b.Fail(sw.SetColWidth(i+1, i+1, w))
	}
	return &streamSheet{b: b, sw: sw, sh: sh, widths: widths, next: 1}
}

// freeze keeps the rows above row and the columns left of col in view. It
// must come before the first row.
func (s *streamSheet) freeze(col, row int) {
	if s.sw == nil {
		return
	}
	p := &excelize.Panes{Freeze: true, XSplit: col, YSplit: row - 1, TopLeftCell: workbook.A1Name(col, row), ActivePane: "bottomLeft"}
	if col > 0 {
		p.ActivePane = "bottomRight"
	}
	s.b.Fail(s.sw.SetPanes(p))
}

// cell is a value in a style; a NaN is no value.
func (s *streamSheet) cell(v any, st workbook.StyleKey) excelize.Cell {
	if x, ok := v.(float64); ok && math.IsNaN(x) {
		v = nil
	}
	return excelize.Cell{StyleID: s.b.Style(st), Value: v}
}

// row writes the cells of the next row, height points high (0: the
// default), at most the tallest row a spreadsheet allows.
func (s *streamSheet) row(cells []any, height float64) {
	if s.sw != nil {
		var opts []excelize.RowOpts
		if height > 0 {
			opts = append(opts, excelize.RowOpts{Height: min(height, workbook.MaxRowHeight)})
		}
		s.b.Fail(s.sw.SetRow(workbook.A1Name(0, s.next), cells, opts...))
	}
	s.next++
}

// span writes text across columns from to to of the current row, merged
// and wrapped, in the style of kind, and returns the height it needs.
func (s *streamSheet) span(cells []any, from, to int, text, kind string) float64 {
	st := workbook.StyleKey{Kind: kind, Wrap: true}
	for c := from; c <= to; c++ {
		cells[c] = s.cell(nil, st)
	}
	cells[from] = s.cell(text, st)
	if to > from && s.sw != nil {
		s.b.Fail(s.sw.MergeCell(workbook.A1Name(from, s.next), workbook.A1Name(to, s.next)))
	}
	// The row is as high as the span needs as LibreOffice draws it, the
	// narrower of the two programs (see workbook.TextRowHeight).
	return workbook.TextRowHeight(text, kind, 0, s.widths[from:min(to+1, len(s.widths))]...)
}

// title writes the sheet's title.
func (s *streamSheet) title(text string) {
	s.row([]any{s.cell(text, workbook.StyleKey{Kind: "title"})}, 22)
}

// titleInFirst writes the sheet's title wrapped in the first column, for a
// sheet whose first column repeats on every printed page: each page then
// shows the whole title, not the start of a title cut at that column.
func (s *streamSheet) titleInFirst(text string) {
	h := workbook.TextRowHeight(text, "title", 0, s.widths[0])
	s.row([]any{s.cell(text, workbook.StyleKey{Kind: "title", Wrap: true})}, max(h, 22))
}

// heading writes a section heading.
func (s *streamSheet) heading(text string) {
	s.row([]any{s.cell(text, workbook.StyleKey{Kind: "heading"})}, 18)
}

// gap leaves an empty row.
func (s *streamSheet) gap() { s.next++ }

// line writes a paragraph across the grid, wrapped: kind "" for plain
// text, "note" for a note. It spans no more columns than fit on a printed
// page, so that a wide table's notes print whole on its first page, from
// column lineFrom.
func (s *streamSheet) line(text, kind string) {
	from := min(s.lineFrom, len(s.widths)-1)
	to, width := from, s.widths[from]
	for to+1 < len(s.widths) && width+s.widths[to+1] <= pageChars {
		to++
		width += s.widths[to]
	}
	cells := make([]any, to+1)
	h := s.span(cells, from, to, text, kind)
	s.row(cells, max(h, 15))
}

// pageChars is about how many characters of columns an A4 landscape page
// prints at full size.
const pageChars = 140.0

// pageBreak starts a new printed page at the current row.
func (s *streamSheet) pageBreak() {
	if s.sw != nil {
		s.b.Fail(s.sw.InsertPageBreak(workbook.A1Name(0, s.next)))
	}
}

// table writes a table at the current row: its header, then the rows, each
// column in its number format. A text column right of another is
// indented, so that it does not run into a number; a text in a column of
// numbers (a mark such as "no data") is aligned right, and so is the
// header of such a column; a row grows to show the text of a wrapped
// column. It returns the rows it used: the header and the value rows.
func (s *streamSheet) table(cols []workbook.Col, rows [][]any) workbook.TableRows {
	numeric := make([]bool, len(cols))
	for c, col := range cols {
		numeric[c] = col.Format != workbook.General && col.Format != workbook.TextFmt
	}
	for _, row := range rows {
		for c, v := range row {
			if _, ok := v.(float64); ok && c < len(cols) {
				numeric[c] = true
			}
		}
	}
	header := s.next
	cells := make([]any, len(s.widths))
	for c := range cells {
		kind, h := "header", ""
		if c < len(cols) {
			h = cols[c].Header
			switch {
			case numeric[c]:
				kind = "header.right"
			case c > 0 && numeric[c-1]:
				kind = "header.indent" // «Попереджень» and «Що виправити» ran together
			}
		}
		cells[c] = s.cell(h, workbook.StyleKey{Kind: kind})
	}
	s.row(cells, workbook.HeaderHeight(cols, s.widths[:len(cols)]))
	// The style of each column's values, and of a text among numbers.
	styles := make([]int, len(cols))
	for c, col := range cols {
		st := workbook.StyleKey{Format: col.Format, Wrap: col.Wrap}
		if c > 0 && !numeric[c] {
			st.Kind = "indent"
		}
		styles[c] = s.b.Style(st)
	}
	right := s.b.Style(workbook.StyleKey{Kind: "right"})
	cells = make([]any, len(cols))
	for _, row := range rows {
		height := 0.0
		for c := range cells {
			var v any
			if c < len(row) {
				v = row[c]
			}
			if x, ok := v.(float64); ok && math.IsNaN(x) {
				v = nil
			}
			st := styles[c]
			if text, ok := v.(string); ok {
				if numeric[c] {
					st = right
				}
				if cols[c].Wrap {
					indent := 0
					if c > 0 && !numeric[c] {
						indent = 1
					}
					height = max(height, workbook.TextRowHeight(text, "", indent, s.widths[c]))
				}
			}
			cells[c] = excelize.Cell{StyleID: st, Value: v}
		}
		if height <= 15 {
			height = 0
		}
		s.row(cells, height)
	}
	return workbook.TableRows{Header: header, Values: workbook.RowSpan{First: header + 1, Last: s.next - 1}}
}

// filter adds an auto-filter to a table's header and rows.
func (s *streamSheet) filter(cols int, tb workbook.TableRows) {
	if tb.Values.Last >= tb.Values.First {
		s.b.Fail(s.b.File.AutoFilter(s.sh, workbook.A1Name(0, tb.Header)+":"+workbook.A1Name(cols-1, tb.Values.Last), nil))
	}
}

// close ends the sheet's rows: its stream ends when the book is saved,
// after the last change to any sheet.
func (s *streamSheet) close() {
	if s.sw != nil {
		s.b.Flush = append(s.b.Flush, s.sw.Flush)
	}
}

// sortedZip is a ZIP writer that writes its entries in the order of their
// names when it is closed. excelize writes the parts of streamed sheets in
// the order of a Go map, which differs from run to run; sorted, the same
// workbook gives the same bytes. Each entry is compressed as it is
// written, so only the compressed bytes wait for the end.
type sortedZip struct {
	w       io.Writer
	entries []*zipEntry
}

type zipEntry struct {
	name string
	data bytes.Buffer // compressed
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
}

func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.fw.Write(p)
}

func newSortedZip(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} }

func (z *sortedZip) Create(name string) (io.Writer, error) {
	e := &zipEntry{name: name, crc: crc32.NewIEEE()}
	fw, err := flate.NewWriter(&e.data, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	e.fw = fw
	z.entries = append(z.entries, e)
	return e, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("sorted zip: AddFS is not supported") }

func (z *sortedZip) Close() error {
	slices.SortStableFunc(z.entries, func(a, b *zipEntry) int { return strings.Compare(a.name, b.name) })
	zw := zip.NewWriter(z.w)
	for _, e := range z.entries {
		if err := e.fw.Close(); err != nil {
			return err
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: uint64(e.data.Len()), UncompressedSize64: e.size})
		if err != nil {
			return err
		}
		if _, err := w.Write(e.data.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
