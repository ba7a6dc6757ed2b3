package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// ColumnName returns the spreadsheet name of column col, counted from 0
// (0 → "A", 26 → "AA"), as [xlsx.ColumnName] does for the reader: the
// layouts name the cells their formulas refer to with it.
func ColumnName(col int) string { return xlsx.ColumnName(col) }

// Format is the number format of a column.
type Format int

// Number formats used in hromada's workbooks.
const (
	General  Format = iota
	TextFmt         // text, shown as typed
	Integer         // 12 345
	Decimal1        // 12 345.6
	Decimal2        // 12 345.67
	Decimal4        // 0.1234
	Percent         // 12.3 %
	Money           // 12 345 (UAH, whole hryvnias)
	DateFmt         // 2026-01-01
	Percent2        // 0.25 %, for small shares
)

var numFmts = map[Format]string{
	TextFmt:  "@",
	Integer:  "#,##0",
	Decimal1: "#,##0.0",
	Decimal2: "#,##0.00",
	Decimal4: "0.0000",
	Percent:  "0.0%",
	Money:    "#,##0",
	DateFmt:  "yyyy-mm-dd",
	Percent2: "0.00%",
}

// Col describes one column of a sheet to write.
type Col struct {
	Header string
	Width  float64  // characters; 0 = fitted to the header and the values
	Format Format   // number format of the values
	List   []string // drop-down of allowed values (data validation)
	Note   string   // a short help text shown when the cell is selected
	Input  bool     // a cell the user is expected to fill in (yellow)
	Wrap   bool     // wrap long text
}

// Formula is a cell that holds a formula and the value the program computed
// for it, written as the cached result so the file reads right before any
// recalculation.
type Formula struct {
	Expr  string // without the leading "="
	Value any
}

// Sheet is a sheet to write: rows under one header row.
type Sheet struct {
	Name    string // sheet name (at most 31 characters)
	Title   string // optional line above the header
	Columns []Col
	Rows    [][]any
	Filter  bool // an auto-filter on the header
	Notes   []string
	// InputRows is how many rows below the last value row get the
	// columns' drop-downs and input colour, for templates a user fills in.
	InputRows int
	Hidden    bool
	// Cells are drop-downs and input notes on single cells, for key/value
	// sheets whose rows allow different values.
	Cells []CellInput
}

// CellInput is a drop-down or an input note on one cell of a table.
type CellInput struct {
	Row, Col int      // 0-based index into Sheet.Rows and Sheet.Columns
	Title    string   // title of the input note
	List     []string // allowed values, offered as a drop-down
	Note     string   // a short help text shown when the cell is selected
}

// Book is a workbook being assembled. Sheets appear in the order they are
// added. Save writes it atomically.
type Book struct {
	// File is the workbook itself, for what the kit does not do: charts,
	// panes, conditional formats and links of a report layout.
	File   *excelize.File
	styles map[StyleKey]int
	conds  map[string]int // differential styles of conditional formats, by kind
	sheets int
	err    error
	// cached holds the value the program computed for each formula cell,
	// by sheet and cell, which Save writes as the cell's cached result.
	cached map[string]map[string]any
	// Flush ends the book's streamed sheets. Save calls them after its
	// last change to the sheets: excelize reads a sheet it walks again
	// from its XML once the sheet's stream has ended.
	Flush []func() error
	// lists are the ranges of the hidden lists sheet, by their values
	// joined, so that columns offering the same list share one range.
	lists map[string]string
	// Widths is the sum of the column widths of each sheet, which decides
	// how it prints (see PageSetup).
	Widths map[string]float64
	// Source, when set, is recorded in SourceProperty: the content
	// fingerprint of the workbook this one was made from.
	Source string
}

// StyleKey names a cell style of the book: Style makes each one once.
type StyleKey struct {
	Kind   string // "" for a plain cell, or a kind such as "title", "heading", "header", "bold", "right"
	Format Format // the number format
	Input  bool   // an input cell a person may change (yellow)
	Wrap   bool   // the text wraps
}

// NewBook returns an empty workbook.
func NewBook() *Book {
	return &Book{File: excelize.NewFile(), styles: map[StyleKey]int{}, conds: map[string]int{}, cached: map[string]map[string]any{},
		Widths: map[string]float64{}}
}

// Style is the id of the cell style k, made the first time it is asked for.
func (b *Book) Style(k StyleKey) int {
	if id, ok := b.styles[k]; ok {
		return id
	}
	s := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: k.Wrap}}
	if fmtStr, ok := numFmts[k.Format]; ok {
		s.CustomNumFmt = &fmtStr
	}
	switch k.Kind {
	case "header", "header.right", "header.indent":
		// header.right: over a column of numbers; header.indent: over a
		// column of text right of one of numbers, set off from its header
		// as the column's texts are from the numbers.
		s.Font = &excelize.Font{Bold: true, Color: "FFFFFF"}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}}
		s.Alignment.WrapText = true
		s.Alignment.Vertical = "center"
		switch k.Kind {
		case "header.right":
			s.Alignment.Horizontal = "right"
		case "header.indent":
			s.Alignment.Horizontal, s.Alignment.Indent = "left", 1
		}
		s.Border = []excelize.Border{{Type: "bottom", Color: "FFFFFF", Style: 1}}
	case "title":
		s.Font = &excelize.Font{Bold: true, Size: 14, Color: "1F4E79"}
	case "heading":
		s.Font = &excelize.Font{Bold: true, Size: 12, Color: "1F4E79"}
	case "note":
		s.Font = &excelize.Font{Italic: true, Color: "595959"}
	case "bold":
		s.Font = &excelize.Font{Bold: true}
	case "warn": // a banner that must not be missed
		s.Font = &excelize.Font{Bold: true, Color: "9C0006"}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}
	case "group": // a group's title row inside a table
		s.Font = &excelize.Font{Bold: true, Color: "1F4E79"}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
	case "groupright": // a group's title row heading columns of numbers
		s.Font = &excelize.Font{Bold: true, Color: "1F4E79"}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
		s.Alignment.Horizontal = "right"
	case "left":
		s.Alignment.Horizontal = "left"
	case "right": // a text aligned right, in a number column
		s.Alignment.Horizontal = "right"
	case "indent": // a text set off from the number left of it
		s.Alignment.Horizontal, s.Alignment.Indent = "left", 1
	case "computed": // a formula's result, not to be typed over
		s.Font = &excelize.Font{Color: "404040"}
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	}
	if s.Font != nil {
		// A font without a name and size is drawn in the program's own
		// default (a serif in LibreOffice), wider than the Calibri 11 of
		// the other cells that widths and heights are fitted for.
		if s.Font.Family == "" {
			s.Font.Family = "Calibri"
		}
		if s.Font.Size == 0 {
			s.Font.Size = 11
		}
	}
	if k.Input {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
		s.Border = []excelize.Border{
			{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
			{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
		}
	}
	id, err := b.File.NewStyle(s)
	if err != nil {
		b.Fail(err)
		return 0
	}
	b.styles[k] = id
	return id
}

// CondStyle returns the style a conditional format gives the cells whose
// value meets its rule — the counterpart of style for cells that change
// with their value. Kinds:
//
//	"bad"     red fill, dark red text: a gap to close, a new service
//	"caution" amber fill, brown text: coverage below target, an enhancement
//	"good"    green fill, dark green text: enough capacity
//	"top"     bold dark blue on light blue: a top priority
//	"muted"   grey struck-through text: an action left out of the plan
//	"quiet"   grey text: nothing known, nothing to do
func (b *Book) CondStyle(kind string) *int {
	if id, ok := b.conds[kind]; ok {
		return &id
	}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	var s excelize.Style
	switch kind {
	case "bad":
		s = excelize.Style{Font: &excelize.Font{Color: "9C0006"}, Fill: fill("FFC7CE")}
	case "caution":
		s = excelize.Style{Font: &excelize.Font{Color: "9C5700"}, Fill: fill("FFEB9C")}
	case "good":
		s = excelize.Style{Font: &excelize.Font{Color: "006100"}, Fill: fill("C6EFCE")}
	case "top":
		s = excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F4E79"}, Fill: fill("DDEBF7")}
	case "muted":
		s = excelize.Style{Font: &excelize.Font{Color: "808080", Strike: true}}
	case "quiet":
		s = excelize.Style{Font: &excelize.Font{Color: "808080"}}
	}
	id, err := b.File.NewConditionalStyle(&s)
	if err != nil {
		b.Fail(err)
		return nil
	}
	b.conds[kind] = id
	return &id
}

// Fail keeps the book's first error, which Save returns: a layout writes
// on and checks once.
func (b *Book) Fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// MaxRowHeight is the tallest row a spreadsheet allows, in points; a
// longer text is cut in view and shown whole in the formula bar.
const MaxRowHeight = 409

// RowHeight sets the height of a row in points, at most maxRowHeight.
func (b *Book) RowHeight(sh string, row int, h float64) {
	b.Fail(b.File.SetRowHeight(sh, row, min(h, MaxRowHeight)))
}

// NewSheet adds a sheet named name; the first one renames the default sheet.
func (b *Book) NewSheet(name string) string {
	name = SheetName(name)
	if b.sheets == 0 {
		b.Fail(b.File.SetSheetName("Sheet1", name))
	} else if _, err := b.File.NewSheet(name); err != nil {
		b.Fail(err)
	}
	b.sheets++
	return name
}

// SheetName shortens name to the 31 characters a sheet name may have and
// replaces the characters a sheet name may not hold.
func SheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	return name
}

// AddSheet adds a sheet holding t: a frozen, styled header row with
// filters, the rows with their number formats, widths that fit, drop-downs.
func (b *Book) AddSheet(t Sheet) {
	sh := b.NewSheet(t.Name)
	f := b.File
	top := 1
	if t.Title != "" {
		b.Fail(f.SetCellValue(sh, "A1", t.Title))
		b.Fail(f.SetCellStyle(sh, "A1", "A1", b.Style(StyleKey{Kind: "title"})))
		top = 3
	}
	ncol := len(t.Columns)
	last := top + len(t.Rows)
	widths := b.tableColumns(sh, t, top, last+t.InputRows)
	if ncol > 0 {
		lastCol, _ := excelize.ColumnNumberToName(ncol)
		b.Fail(f.SetCellStyle(sh, fmt.Sprintf("A%d", top), fmt.Sprintf("%s%d", lastCol, top), b.Style(StyleKey{Kind: "header"})))
		b.RowHeight(sh, top, HeaderHeight(t.Columns, widths))
		if t.Filter && len(t.Rows) > 0 {
			b.Fail(f.AutoFilter(sh, fmt.Sprintf("A%d:%s%d", top, lastCol, last), nil))
		}
		b.Fail(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: top, TopLeftCell: fmt.Sprintf("A%d", top+1), ActivePane: "bottomLeft"}))
	}
	b.tableRows(sh, t, top, widths)
	for _, ci := range t.Cells {
		if len(ci.List) == 0 && ci.Note == "" {
			continue
		}
		cell, err := excelize.CoordinatesToCellName(ci.Col+1, top+1+ci.Row)
		if err != nil {
			b.Fail(err)
			continue
		}
		b.addValidation(sh, cell, Col{Header: ci.Title, List: ci.List, Note: ci.Note})
	}
	for i, n := range t.Notes {
		cell := fmt.Sprintf("A%d", last+2+i)
		b.Fail(f.SetCellValue(sh, cell, n))
		b.Fail(f.SetCellStyle(sh, cell, cell, b.Style(StyleKey{Kind: "note"})))
	}
	if t.Hidden {
		b.Fail(f.SetSheetVisible(sh, false))
	}
}

// tableColumns writes the header of table t at row top of sheet sh and
// sets each column's width, and the style, list and note of its cells
// down to row inputLast; it returns the widths.
func (b *Book) tableColumns(sh string, t Sheet, top, inputLast int) []float64 {
	f := b.File
	widths := make([]float64, len(t.Columns))
	for c, col := range t.Columns {
		name, _ := excelize.ColumnNumberToName(c + 1)
		cell := fmt.Sprintf("%s%d", name, top)
		b.Fail(f.SetCellValue(sh, cell, col.Header))
		w := col.Width
		if w == 0 {
			w = FitWidth(col, c, t.Rows)
		}
		widths[c] = w
		b.Widths[sh] += w
		b.Fail(f.SetColWidth(sh, name, name, w))
		st := b.Style(StyleKey{Format: col.Format, Input: col.Input, Wrap: col.Wrap})
		if inputLast > top {
			b.Fail(f.SetCellStyle(sh, fmt.Sprintf("%s%d", name, top+1), fmt.Sprintf("%s%d", name, inputLast), st))
		}
		if len(col.List) > 0 || col.Note != "" {
			if inputLast > top {
				b.addValidation(sh, fmt.Sprintf("%s%d:%s%d", name, top+1, name, inputLast), col)
			}
		}
	}
	return widths
}

// tableRows writes the rows of table t under its header at row top of
// sheet sh, whose columns are widths wide: a row with long text in a
// wrapped column grows to show it.
func (b *Book) tableRows(sh string, t Sheet, top int, widths []float64) {
	f, ncol := b.File, len(t.Columns)
	for r, row := range t.Rows {
		height := 0.0 // rows with long text in wrapped columns grow to show it
		for c, v := range row {
			if v == nil {
				continue
			}
			name, _ := excelize.ColumnNumberToName(c + 1)
			b.SetCell(sh, fmt.Sprintf("%s%d", name, top+1+r), v)
			s, ok := v.(string)
			if !ok || c >= ncol {
				continue
			}
			col := t.Columns[c]
			switch {
			case col.Wrap:
				height = max(height, TextRowHeight(s, "", 0, widths[c]))
			case col.Format != General && col.Format != TextFmt && textWidth(s, fontOf("")) > cellCapacity(0, widths[c]):
				// A note such as «немає надійної» among numbers runs into
				// the cells beside it and is cut there: it wraps instead.
				cell := fmt.Sprintf("%s%d", name, top+1+r)
				b.Fail(f.SetCellStyle(sh, cell, cell, b.Style(StyleKey{Format: col.Format, Input: col.Input, Wrap: true})))
				height = max(height, TextRowHeight(s, "", 0, widths[c]))
			}
		}
		if height > 15 {
			b.RowHeight(sh, top+1+r, height)
		}
	}
}

// SetCell writes one value; a Formula is written with its cached value
// (by Save: excelize would cache every formula's value as text, and a
// text one as the index of a shared string).
func (b *Book) SetCell(sh, cell string, v any) {
	if x, ok := v.(Formula); ok {
		b.Fail(b.File.SetCellFormula(sh, cell, x.Expr))
		if b.cached[sh] == nil {
			b.cached[sh] = map[string]any{}
		}
		b.cached[sh][cell] = x.Value
		return
	}
	delete(b.cached[sh], cell)
	switch x := v.(type) {
	case float64:
		if x != x { // NaN: leave the cell empty
			return
		}
		b.Fail(b.File.SetCellValue(sh, cell, x))
	default:
		b.Fail(b.File.SetCellValue(sh, cell, v))
	}
}

func (b *Book) addValidation(sh, sqref string, col Col) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if len(col.List) > 0 {
		// A list longer than Excel's 255-character inline limit goes to a
		// hidden sheet of lists.
		if len(strings.Join(col.List, ",")) < 250 {
			b.Fail(dv.SetDropList(col.List))
		} else {
			dv.SetSqrefDropList(b.listRange(col.Header, col.List))
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "", "")
		dv.ShowErrorMessage = true
	}
	if col.Note != "" {
		title := col.Header
		if r := []rune(title); len(r) > 32 {
			title = string(r[:32])
		}
		note := col.Note
		if r := []rune(note); len(r) > 250 {
			note = string(r[:250])
		}
		dv.SetInput(title, note)
	}
	b.Fail(b.File.AddDataValidation(sh, dv))
}

const listSheet = "_lists"

// listRange stores values in a column of the hidden lists sheet and
// returns an absolute reference to them; the same values are stored once.
func (b *Book) listRange(name string, values []string) string {
	key := strings.Join(values, "\x00")
	if ref, ok := b.lists[key]; ok {
		return ref
	}
	if b.lists == nil {
		b.lists = map[string]string{}
	}
	ref := b.newListRange(name, values)
	b.lists[key] = ref
	return ref
}

func (b *Book) newListRange(name string, values []string) string {
	idx, err := b.File.GetSheetIndex(listSheet)
	b.Fail(err)
	if idx < 0 {
		_, err := b.File.NewSheet(listSheet)
		b.Fail(err)
		b.Fail(b.File.SetSheetVisible(listSheet, false))
	}
	cols, err := b.File.GetCols(listSheet)
	b.Fail(err)
	c := len(cols) + 1
	colName, _ := excelize.ColumnNumberToName(c)
	b.Fail(b.File.SetCellValue(listSheet, colName+"1", name))
	for i, v := range values {
		b.Fail(b.File.SetCellValue(listSheet, fmt.Sprintf("%s%d", colName, i+2), v))
	}
	return fmt.Sprintf("%s!$%s$2:$%s$%d", listSheet, colName, colName, len(values)+1)
}

// Para is one line of a text sheet: a heading, a paragraph, or a key with
// its value.
type Para struct {
	Heading string
	Key     string
	Text    string
}

// Paras are the paragraphs of a page of text being put together for
// [Book.AddText].
type Paras []Para

// Heading adds a heading.
func (p *Paras) Heading(h string) { *p = append(*p, Para{Heading: h}) }

// Key adds a paragraph of text under a key.
func (p *Paras) Key(k, text string) { *p = append(*p, Para{Key: k, Text: text}) }

// Text adds a paragraph of text.
func (p *Paras) Text(text string) { *p = append(*p, Para{Text: text}) }

// AddText adds a sheet of headings and paragraphs, such as instructions or
// methods: keys in column A, text wrapped in column B.
func (b *Book) AddText(name, title string, paras []Para) {
	sh := b.NewSheet(name)
	f := b.File
	b.Fail(f.SetColWidth(sh, "A", "A", 34))
	b.Fail(f.SetColWidth(sh, "B", "B", 100))
	b.Widths[sh] = 134
	b.Fail(f.SetCellValue(sh, "A1", title))
	b.Fail(f.SetCellStyle(sh, "A1", "A1", b.Style(StyleKey{Kind: "title"})))
	r := 3
	wrap := b.Style(StyleKey{Wrap: true})
	for _, p := range paras {
		switch {
		case p.Heading != "":
			r++
			cell := fmt.Sprintf("A%d", r)
			b.Fail(f.SetCellValue(sh, cell, p.Heading))
			b.Fail(f.SetCellStyle(sh, cell, cell, b.Style(StyleKey{Kind: "heading"})))
		case p.Key != "":
			a, bb := fmt.Sprintf("A%d", r), fmt.Sprintf("B%d", r)
			b.Fail(f.SetCellValue(sh, a, p.Key))
			b.Fail(f.SetCellStyle(sh, a, a, b.Style(StyleKey{Kind: "bold", Wrap: true})))
			b.Fail(f.SetCellValue(sh, bb, p.Text))
			b.Fail(f.SetCellStyle(sh, bb, bb, wrap))
			// The key wraps in column A, in bold, too.
			if h := max(TextRowHeight(p.Text, "", 0, 100), TextRowHeight(p.Key, "bold", 0, 34)); h > 15 {
				b.RowHeight(sh, r, h)
			}
		default:
			a, bb := fmt.Sprintf("A%d", r), fmt.Sprintf("B%d", r)
			b.Fail(f.MergeCell(sh, a, bb))
			b.Fail(f.SetCellValue(sh, a, p.Text))
			b.Fail(f.SetCellStyle(sh, a, bb, wrap))
			if h := TextRowHeight(p.Text, "", 0, 34, 100); h > 15 {
				b.RowHeight(sh, r, h)
			}
		}
		r++
	}
}

// A4 landscape less half-inch margins is 10.69 inches wide, 1026 pixels; a
// sheet fitted to that width prints no smaller than minPrintScale.
const (
	printWidthPixels = 1026
	minPrintScale    = 70 // per cent
)

// PageSetup makes a sheet print on A4 landscape, with the rows titleRows
// ("$1:$1") repeated on every page, footer at the left of the footer and
// the page number at its right. A sheet that fits the page's width at
// minPrintScale or more is fitted to it; a wider one prints at
// minPrintScale, its columns running on over more pages, as a sheet of
// many columns shrunk to one page's width would print too small to read.
func (b *Book) PageSetup(sh, titleRows, footer string) {
	f := b.File
	size, orient, one, zero := 9, "landscape", 1, 0
	fit := printFits(b.Widths[sh])
	if fit {
		b.Fail(f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	} else {
		scale := uint(minPrintScale)
		b.Fail(f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &scale}))
	}
	b.Fail(f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}))
	m := 0.5
	b.Fail(f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m}))
	b.Fail(f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: "&L" + footerText(footer) + "&R&P / &N"}))
	if titleRows != "" {
		b.Fail(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: QuotedSheet(sh) + "!" + titleRows, Scope: sh}))
	}
}

// PrintFitWidth is the widest a sheet's columns may be, in units of column
// width, to print across one page at minPrintScale or more (see PageSetup).
func PrintFitWidth() float64 {
	return printWidthPixels * 100 / minPrintScale / pixelsPerUnit
}

// printFits reports whether columns of the given total width (in units of
// column width) print across one page at minPrintScale or more.
func printFits(width float64) bool {
	return width*pixelsPerUnit*minPrintScale/100 <= printWidthPixels
}

// footerText escapes the & of a header or footer text.
func footerText(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = append(out, r)
		if r == '&' {
			out = append(out, '&')
		}
	}
	return string(out)
}

// Err returns the first error met while building the book.
func (b *Book) Err() error { return b.err }

// fixedTime is written as the creation time so the same inputs give the
// same bytes.
var fixedTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)

// Save writes the book to path whole or not at all: into a temporary file
// in the same folder, renamed over path once complete.
func (b *Book) Save(path string) error {
	if b.err != nil {
		return hromada.Errorf("не вдалося побудувати %s: %w", "building %s: %w", filepath.Base(path), b.err)
	}
	if err := b.File.SetDocProps(&excelize.DocProperties{
		Creator: "hromada", Created: fixedTime, Modified: fixedTime,
	}); err != nil {
		return err
	}
	if err := b.File.SetAppProps(&excelize.AppProperties{Application: "hromada"}); err != nil {
		return err
	}
	if err := b.File.SetCustomProps(excelize.CustomProperty{Name: FingerprintProperty, Value: fingerprintPlaceholder}); err != nil {
		return err
	}
	if b.Source != "" {
		if err := b.File.SetCustomProps(excelize.CustomProperty{Name: SourceProperty, Value: b.Source}); err != nil {
			return err
		}
	}
	b.File.SetActiveSheet(0)
	for _, flush := range b.Flush {
		if err := flush(); err != nil {
			return hromada.Errorf("не вдалося записати %s: %w", "writing %s: %w", path, err)
		}
	}
	b.fillChartCaches()
	sortContentTypes(b.File)
	var buf bytes.Buffer
	if err := b.File.Write(&buf); err != nil {
		return hromada.Errorf("не вдалося записати %s: %w", "writing %s: %w", path, err)
	}
	data, err := withCachedValues(buf.Bytes(), b.cached)
	if err != nil {
		return hromada.Errorf("не вдалося записати %s: %w", "writing %s: %w", path, err)
	}
	if data, err = withFingerprint(data); err != nil {
		return hromada.Errorf("не вдалося записати %s: %w", "writing %s: %w", path, err)
	}
	return WriteAtomic(path, func(w *os.File) error {
		_, err := w.Write(data)
		return err
	})
}

// cellType matches the type attribute of a cell.
var cellType = regexp.MustCompile(` t="[^"]*"`)

// withCachedValues returns the zipped workbook data with the cached value
// of each formula cell in cached (by sheet name and cell) typed as it is:
// a number, a text or a boolean. Parts without such cells are copied as
// they are, so a workbook without formulas keeps its bytes.
func withCachedValues(data []byte, cached map[string]map[string]any) ([]byte, error) {
	n := 0
	for _, cells := range cached {
		n += len(cells)
	}
	if n == 0 {
		return data, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts, err := SheetParts(zr)
	if err != nil {
		return nil, err
	}
	byPart := map[string]map[string]any{}
	for sh, cells := range cached {
		if len(cells) == 0 {
			continue
		}
		part, ok := parts[sh]
		if !ok {
			return nil, fmt.Errorf("no part for sheet %q", sh)
		}
		byPart[part] = cells
	}
	changes := func(name string) bool { _, ok := byPart[name]; return ok }
	return rewriteZip(zr, changes, func(name string, part []byte) ([]byte, error) {
		cells := byPart[name]
		part, done := replaceFormulaCells(part, cells)
		if done != len(cells) {
			return nil, fmt.Errorf("%s: %d of %d formula cells found", name, done, len(cells))
		}
		return part, nil
	})
}

// rewriteZip copies the files of the zip archive zr into a new archive,
// each as it is but those changes names: their content is rewritten by
// rewrite and deflated.
func rewriteZip(zr *zip.Reader, changes func(name string) bool, rewrite func(name string, part []byte) ([]byte, error)) ([]byte, error) {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if !changes(f.Name) {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		part, err := ReadZipFile(f)
		if err != nil {
			return nil, err
		}
		if part, err = rewrite(f.Name, part); err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(part); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// replaceFormulaCells gives each formula cell of a sheet's XML that is in
// cells its cached value, as excelize writes it:
//
//	<c r="REF" ATTRS><f …>…</f>[<v>…</v>]</c>  →  <c r="REF" ATTRS' t="T"><f …>…</f><v>V</v></c>
//
// with the old type attribute dropped from ATTRS. It returns the new XML
// and how many cells it changed. A hand-written scan: a regular
// expression over the whole sheet took a sixth of a project run.
func replaceFormulaCells(part []byte, cells map[string]any) ([]byte, int) {
	var out bytes.Buffer
	out.Grow(len(part) + 16*len(cells))
	done, last, pos := 0, 0, 0
	for {
		i := bytes.Index(part[pos:], []byte("<f"))
		if i < 0 {
			break
		}
		i += pos
		pos = i + 2
		c, ok := formulaCellAt(part, i)
		if !ok {
			continue
		}
		v, ok := cells[string(part[c.ref[0]:c.ref[1]])]
		if !ok {
			pos = c.end
			continue
		}
		out.Write(part[last:c.start])
		out.WriteString(`<c r="`)
		out.Write(part[c.ref[0]:c.ref[1]])
		out.WriteString(`"`)
		out.Write(cellType.ReplaceAll(part[c.attrs[0]:c.attrs[1]], nil))
		t, val, has := cachedXML(v)
		if has {
			out.WriteString(` t="` + t + `"`)
		}
		out.WriteString(">")
		out.Write(part[c.formula[0]:c.formula[1]])
		if has {
			out.WriteString("<v>" + val + "</v>")
		}
		out.WriteString("</c>")
		done++
		last, pos = c.end, c.end
	}
	if done == 0 {
		return part, 0
	}
	out.Write(part[last:])
	return out.Bytes(), done
}

// formulaSpan locates the pieces of a formula cell in a sheet's XML.
type formulaSpan struct {
	start, end     int    // the whole <c …>…</c>
	ref            [2]int // REF in r="REF"
	attrs, formula [2]int // the attributes after r="…", the <f …>…</f> element
}

// formulaCellAt reads the formula cell whose <f starts at f, when the
// text around it is a cell <c r="REF" ATTRS><f …>…</f>[<v>…</v>]</c>.
func formulaCellAt(x []byte, f int) (formulaSpan, bool) {
	var s formulaSpan
	if f+2 >= len(x) || (x[f+2] != '>' && x[f+2] != ' ') || f == 0 || x[f-1] != '>' {
		return s, false
	}
	s.start = bytes.LastIndex(x[:f], []byte(`<c r="`))
	if s.start < 0 {
		return s, false
	}
	s.ref[0] = s.start + len(`<c r="`)
	q := bytes.IndexByte(x[s.ref[0]:f], '"')
	if q < 0 || !isCellRef(x[s.ref[0]:s.ref[0]+q]) {
		return s, false
	}
	s.ref[1] = s.ref[0] + q
	s.attrs = [2]int{s.ref[1] + 1, f - 1}
	if bytes.IndexByte(x[s.attrs[0]:s.attrs[1]], '>') >= 0 {
		return s, false
	}
	// <f[^>]*>[^<]*</f>
	gt := bytes.IndexByte(x[f:], '>')
	if gt < 0 {
		return s, false
	}
	body := f + gt + 1
	lt := bytes.IndexByte(x[body:], '<')
	if lt < 0 || !bytes.HasPrefix(x[body+lt:], []byte("</f>")) {
		return s, false
	}
	s.formula = [2]int{f, body + lt + len("</f>")}
	rest := s.formula[1]
	// (?:<v>[^<]*</v>)?
	if bytes.HasPrefix(x[rest:], []byte("<v>")) {
		lt := bytes.IndexByte(x[rest+3:], '<')
		if lt < 0 || !bytes.HasPrefix(x[rest+3+lt:], []byte("</v>")) {
			return s, false
		}
		rest += 3 + lt + len("</v>")
	}
	if !bytes.HasPrefix(x[rest:], []byte("</c>")) {
		return s, false
	}
	s.end = rest + len("</c>")
	return s, true
}

// isCellRef reports whether b is [A-Z]+[0-9]+.
func isCellRef(b []byte) bool {
	i := 0
	for i < len(b) && b[i] >= 'A' && b[i] <= 'Z' {
		i++
	}
	if i == 0 || i == len(b) {
		return false
	}
	for _, c := range b[i:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// cachedXML is the type attribute and the escaped text of a cached value;
// has is false for no value (nil, NaN, infinite), which leaves the cell to
// be computed on opening.
func cachedXML(v any) (t, val string, has bool) {
	var s string
	switch x := v.(type) {
	case nil:
		return "", "", false
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "", "", false
		}
		return "n", strconv.FormatFloat(x, 'f', -1, 64), true
	case int:
		return "n", strconv.Itoa(x), true
	case bool:
		if x {
			return "b", "1", true
		}
		return "b", "0", true
	case string:
		s = x
	default:
		s = fmt.Sprint(x)
	}
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder does not fail
	return "str", b.String(), true
}

// SheetParts maps the name of each sheet of a zipped workbook to its part,
// as xlsx.SheetParts reads it.
func SheetParts(zr *zip.Reader) (map[string]string, error) {
	var data [2][]byte
	for i, name := range []string{"xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		f, err := zr.Open(name)
		if err != nil {
			return nil, err
		}
		data[i], err = io.ReadAll(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return xlsx.SheetParts(data[0], data[1])
}

// ReadZipFile reads the whole of one file of a ZIP archive.
func ReadZipFile(f *zip.File) ([]byte, error) { return readAll(f.Open()) }

// readAll reads all of rc and closes it; err is the error of opening it.
func readAll(rc io.ReadCloser, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(rc)
	if cerr := rc.Close(); err == nil {
		err = cerr
	}
	return data, err
}

// WriteAtomic creates path through a temporary file in the same folder
// (safefile.Create): write fills it, and only a complete file is renamed
// into place. On any error, or when the run is interrupted, nothing is
// left behind and an existing file at path is untouched. The file's mode
// is 0666 less the umask (0600 less the umask for private outputs:
// safefile.SetPrivate).
func WriteAtomic(path string, write func(*os.File) error) error {
	tmp, err := safefile.Create(path)
	if err != nil {
		return err
	}
	if err := write(tmp.File); err != nil {
		if aerr := tmp.Abort(); aerr != nil {
			return hromada.Errorf("не вдалося записати %s: %w (і недописаний файл лишився: %w)", "writing %s: %w (and the unfinished file stays: %w)", path, err, aerr)
		}
		return hromada.Errorf("не вдалося записати %s: %w", "writing %s: %w", path, err)
	}
	return tmp.Commit()
}

// FitWidth picks a column width from the header and the first rows.
func FitWidth(col Col, c int, rows [][]any) float64 {
	w := max(8, WordFitWidth(col.Header, "header"))
	if hl := float64(len([]rune(col.Header)))/2 + 2; hl > w {
		w = hl
	}
	for i, row := range rows {
		if i > 500 {
			break
		}
		if c >= len(row) || row[c] == nil {
			continue
		}
		var s string
		switch v := row[c].(type) {
		case float64:
			s = fmt.Sprintf("%.1f", v)
			if col.Format == Integer || col.Format == Money {
				s = fmt.Sprintf("%.0f", v)
				s += strings.Repeat(" ", len(s)/3)
			}
		case Formula:
			s = fmt.Sprint(v.Value)
		default:
			s = fmt.Sprint(v)
		}
		if l := float64(len([]rune(s))) + 2; l > w {
			w = l
		}
	}
	if w > 60 {
		w = 60
	}
	return w
}

// HeaderHeight is the height of a header row whose headers wrap, word by
// word, in columns of the given widths (see headerRowHeight).
func HeaderHeight(cols []Col, widths []float64) float64 {
	headers := make([]string, len(cols))
	for i, c := range cols {
		headers[i] = c.Header
	}
	return HeaderRowHeight(headers, widths)
}
