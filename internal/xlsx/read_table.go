package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/xuri/excelize/v2"
)

// source streams the rows of one sheet.
type source interface {
	// next returns the next row, which may be empty, and false at the end
	// or on an error.
	next() ([]string, bool)
	// position is the 1-based sheet row, or CSV line, of the last row.
	position() int
	// row is the spreadsheet row of the last row, for cell references.
	row() int
	failure() error
	close() error
}

// sheetSource streams a worksheet with excelize's row iterator, one row of
// raw cell values at a time. Sheets of ordinary workbooks are read with
// sheetXML instead (sheetxml.go), which reads the same values some twenty
// times faster; sheetSource reads encrypted workbooks, and sheets sheetXML
// leaves to excelize.
type sheetSource struct {
	file  *File
	sheet string
	rows  *excelize.Rows
	n     int
	err   error
}

func (s *sheetSource) next() ([]string, bool) {
	if s.err != nil || !s.rows.Next() {
		if s.err == nil && s.rows.Error() != nil {
			s.err = s.damaged(s.rows.Error())
		}
		return nil, false
	}
	s.n++ // excelize's Next steps one row number at a time, missing rows too
	cells, err := s.rows.Columns()
	if err != nil {
		s.err = s.damaged(err)
		return nil, false
	}
	return cells, true
}

func (s *sheetSource) damaged(err error) error {
	e := fileError(s.file.path, ErrDamaged, damagedSheet(err), resaveFileHint)
	e.Sheet, e.Cell = s.sheet, fmt.Sprintf("row %d", s.n)
	return e
}

func (s *sheetSource) position() int  { return s.n }
func (s *sheetSource) row() int       { return s.n }
func (s *sheetSource) failure() error { return s.err }
func (s *sheetSource) close() error {
	if err := s.rows.Close(); err != nil && err != s.rows.Error() {
		return err
	}
	return nil
}

// Table streams the rows of one sheet below its header row. Use it as
//
//	for t.Next() {
//		row := t.Row()
//		…
//	}
//	if err := t.Err(); err != nil { … }
//
// The header is the first non-empty row; a row of tags right below it is
// skipped when [OpenOptions.SkipTagRow] says so. Empty rows are skipped. Cell values are the raw
// values of the file: numbers as stored (dates as serial numbers, read them
// with [Table.Date]), text as written, error values as "#DIV/0!" and the
// like, which the typed readers report as errors. Merged cells hold their
// value in the top-left cell only; the other cells of the range read blank.
type Table struct {
	file   *File
	sheet  string
	src    source
	header []string
	width  int
	hdrRow int // spreadsheet row of the header
	hdrPos int // sheet row or CSV line of the header

	row      []string
	closed   bool
	pending  []string // a row read ahead while looking for the HXL row
	empty    int      // empty rows in a row just read
	maxEmpty int
	stray    [2]strayValues // values in columns without a name: under a blank header, right of the last named column
	problems hromada.Problems
	err      error
	done     bool
}

// Table opens a sheet for streaming; "" is the first sheet (and the only
// one of a CSV file). It reads up to the header row, so a sheet with nothing
// in it fails here with ErrEmpty; a missing sheet fails with ErrNoSheet.
// Header problems, such as a name used twice, are in [Table.Problems].
func (f *File) Table(sheet string) (*Table, error) {
	name, err := f.sheetName(sheet)
	if err != nil {
		return nil, err
	}
	var src source
	if f.text != nil {
		src, err = f.openCSV()
	} else {
		src, err = f.sheetReader(name)
	}
	if err != nil {
		return nil, err
	}
	return f.table(name, src)
}

// table reads a sheet's rows from src up to the header row.
func (f *File) table(name string, src source) (*Table, error) {
	t := &Table{file: f, sheet: name, src: src, maxEmpty: f.opt.MaxEmptyRows}
	if err := t.readHeader(); err != nil {
		_ = t.src.close()
		return nil, err
	}
	return t, nil
}

// readHeader reads the header row and skips a tag row below it
// (OpenOptions.SkipTagRow).
func (t *Table) readHeader() error {
	cells, ok := t.nextFilled()
	if !ok {
		if err := t.src.failure(); err != nil {
			return err
		}
		e := fileError(t.file.path, ErrEmpty, hromada.T("аркуш порожній", "the sheet is empty"),
			hromada.T("перший рядок, у якому щось є, має містити назви стовпців", "the first row that holds something must name the columns"))
		if t.file.text != nil {
			e.Msg = hromada.T("файл порожній", "the file is empty")
		}
		e.Sheet = t.sheet
		return e
	}
	t.hdrRow, t.hdrPos = t.src.row(), t.src.position()
	t.header = make([]string, len(cells))
	for i, c := range cells {
		t.header[i] = strings.TrimPrefix(c, "\uFEFF")
		if strings.TrimSpace(c) != "" {
			t.width = i + 1
		}
	}
	t.header = t.header[:t.width]
	t.duplicates()
	t.checkMerges()
	t.row = make([]string, t.width)
	next, ok := t.nextFilled()
	if ok && (t.file.opt.SkipTagRow == nil || !t.file.opt.SkipTagRow(next)) {
		t.pending = next
	}
	if !ok {
		t.done, t.err = true, t.src.failure()
	}
	return nil
}

// duplicates reports header names used more than once.
func (t *Table) duplicates() {
	first := map[string]int{}
	for i, h := range t.header {
		key := strings.TrimSpace(h)
		if key == "" {
			continue
		}
		j, seen := first[key]
		if !seen {
			first[key] = i
			continue
		}
		t.problems = append(t.problems, hromada.Problem{
			Severity: hromada.Warning, File: t.file.path, Sheet: t.sheet, Cell: t.HeaderRef(i),
			Msg: hromada.T("назва стовпця %q повторюється: у %s і %s", "column name %q is used twice, in %s and %s", key, t.HeaderRef(j), t.HeaderRef(i)),
			Hint: hromada.T("перейменуйте один зі стовпців: hromada не може визначити, котрий із них мається на увазі",
				"rename one of the columns; hromada cannot tell which one is meant"),
		})
	}
}

// nextFilled returns the next row that holds a value, stopping after
// maxEmpty empty rows in a row with a warning.
func (t *Table) nextFilled() ([]string, bool) {
	t.empty = 0
	for {
		cells, ok := t.src.next()
		if !ok {
			return nil, false
		}
		if !blank(cells) {
			return cells, true
		}
		t.empty++
		if t.empty >= t.maxEmpty {
			last := t.src.row()
			t.problems = append(t.problems, hromada.Problem{
				Severity: hromada.Warning, File: t.file.path, Sheet: t.sheet, Cell: t.rowRef(last - t.empty + 1),
				Msg: hromada.T("%d %s поспіль (з %d по %d); читання на цьому зупинено", "%[1]d empty rows in a row (%[3]d to %[4]d); reading stopped there",
					t.empty, PluralUK(t.empty, "порожній рядок", "порожні рядки", "порожніх рядків"), last-t.empty+1, last),
				Hint: hromada.T("нижче рядка %d нічого не прочитано; видаліть порожні рядки, якщо далі є дані, "+
					"або видаліть усе під даними, якщо аркуш лише здається довгим",
					"anything below row %d is not read; delete the empty rows if more data follows, "+
						"or delete everything below the data if the sheet only claims to be long", last),
			})
			return nil, false
		}
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Next advances to the next non-empty row below the header. It returns
// false at the end of the table or on an error, which [Table.Err] returns.
func (t *Table) Next() bool {
	if t.done || t.err != nil {
		return false
	}
	cells := t.pending
	t.pending = nil
	if cells == nil {
		var ok bool
		if cells, ok = t.nextFilled(); !ok {
			t.done = true
			t.err = t.src.failure()
			return false
		}
	}
	if len(cells) > maxSheetCols {
		e := fileError(t.file.path, ErrDamaged,
			hromada.T("у рядку %d клітинок — більше, ніж %d стовпців, які може мати аркуш",
				"the row has %d cells, more than the %d columns a sheet can have", len(cells), maxSheetCols),
			resaveFileHint)
		e.Sheet, e.Cell = t.sheet, t.rowRef(t.src.row())
		t.done, t.err = true, e
		return false
	}
	n := copy(t.row, cells)
	clear(t.row[n:])
	t.unnamed(cells)
	return true
}

// strayValues counts values in columns without a name, of one kind.
type strayValues struct {
	values int
	first  string       // the first such cell
	cols   []int        // the columns, in the order first seen
	seen   map[int]bool // the same columns
}

// unnamed counts values in columns without a name: under a blank header
// cell (often the second column of a merged header), or right of the
// header. [Table.Problems] reports them, once for each kind.
func (t *Table) unnamed(cells []string) {
	for i, c := range cells {
		if (i < t.width && strings.TrimSpace(t.header[i]) != "") || strings.TrimSpace(c) == "" {
			continue
		}
		k := 0
		if i >= t.width {
			k = 1
		}
		sv := &t.stray[k]
		if sv.values++; sv.values == 1 {
			sv.first, sv.seen = t.Ref(i), map[int]bool{}
		}
		if !sv.seen[i] {
			sv.seen[i] = true
			sv.cols = append(sv.cols, i)
		}
	}
}

// strayProblems reports the values in columns without a name: one warning
// for each kind, with how many values and which columns.
func (t *Table) strayProblems() hromada.Problems {
	var ps hromada.Problems
	for k, sv := range t.stray {
		if sv.values == 0 {
			continue
		}
		names := make([]string, 0, 5)
		for _, c := range sv.cols[:min(len(sv.cols), 5)] {
			names = append(names, ColumnName(c))
		}
		list := strings.Join(names, ", ")
		var tail hromada.Text
		if len(sv.cols) > 5 {
			tail = more(len(sv.cols) - 5)
		}
		p := hromada.Problem{Severity: hromada.Warning, File: t.file.path, Sheet: t.sheet, Cell: sv.first}
		count := hromada.T("%d %s у %d %s (%s%s)", "%d %s in %d %s (%s%s)", sv.values,
			hromada.Text{UK: PluralUK(sv.values, "значення", "значення", "значень"), EN: plural(sv.values, "value", "values")},
			len(sv.cols), hromada.Text{UK: PluralUK(len(sv.cols), "стовпці", "стовпцях", "стовпцях"), EN: plural(len(sv.cols), "column", "columns")}, list, tail)
		if k == 0 {
			p.Msg = hromada.T("%s під порожньою клітинкою рядка заголовків; стовпці знаходять за назвою, тож ці значення не використовуються",
				"%s under a blank cell of the header row; columns are found by name, so these values are not used", count)
			p.Hint = hromada.T("дайте стовпцю назву в рядку заголовків або видаліть значення", "give the column a name in the header row, or delete the values")
		} else {
			p.Msg = hromada.T("%s праворуч від останнього стовпця з назвою; значення у стовпцях без назви не читаються",
				"%s right of the last named column; values in columns without a name are not read", count)
			p.Hint = hromada.T("дайте стовпцям назви в рядку заголовків або видаліть значення", "give the columns a name in the header row, or delete the values")
		}
		ps = append(ps, p)
	}
	return ps
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// more is the tail of a list cut short: " and 3 more", « і ще 3».
func more(n int) hromada.Text {
	return hromada.T(" і ще %d", " and %d more", n)
}

// damagedSheet says that a sheet is damaged, with the reader's words.
func damagedSheet(err error) hromada.Text {
	return hromada.T("аркуш пошкоджений: %v", "the sheet is damaged: %v", err)
}

// Row returns the values of the current row, one for each header column,
// "" for blank cells. The slice is reused by the next call to Next: copy
// what you keep.
func (t *Table) Row() []string { return t.row }

// Header returns the column names as in the header row ("" for a column
// without a name), without a byte-order mark.
func (t *Table) Header() []string { return t.header }

// Sheet returns the sheet's name; "" for a CSV file.
func (t *Table) Sheet() string { return t.sheet }

// File returns the file the table is read from.
func (t *Table) File() *File { return t.file }

// Line returns where the current row is: its 1-based sheet row number, or
// for a CSV file the line its record starts on.
func (t *Table) Line() int { return t.src.position() }

// HeaderLine returns the sheet row, or CSV line, of the header.
func (t *Table) HeaderLine() int { return t.hdrPos }

// Ref returns the reference of column col (counted from 0) in the current
// row, as a person finds it in a spreadsheet program: "D17". For a CSV
// record whose line differs from its row (fields above it held line breaks)
// the line follows: "D16 (line 19)".
func (t *Table) Ref(col int) string {
	return t.cellRef(col, t.src.row(), t.src.position())
}

// HeaderRef returns the reference of column col in the header row; a
// negative col names the row: "row 1", or "line 1" in a CSV file.
func (t *Table) HeaderRef(col int) string {
	return t.cellRef(col, t.hdrRow, t.hdrPos)
}

func (t *Table) cellRef(col, row, line int) string {
	if col < 0 {
		return t.rowRef(row)
	}
	ref := ColumnName(col) + fmt.Sprint(row)
	if line != row {
		ref += fmt.Sprintf(" (line %d)", line)
	}
	return ref
}

func (t *Table) rowRef(row int) string {
	if t.file.text != nil {
		return fmt.Sprintf("line %d", row)
	}
	return fmt.Sprintf("row %d", row)
}

// ColumnName returns the spreadsheet name of column col, counted from 0:
// 0 → "A", 26 → "AA".
func ColumnName(col int) string {
	var b [8]byte
	i := len(b)
	for col++; col > 0; col = (col - 1) / 26 {
		i--
		b[i] = byte('A' + (col-1)%26)
	}
	return string(b[i:])
}

// Problem returns an error-severity problem at column col of the current
// row, with file, sheet and cell filled in. A negative col names the row.
func (t *Table) Problem(col int, msg, hint hromada.Text) hromada.Problem {
	return hromada.Problem{Severity: hromada.Error, File: t.file.path, Sheet: t.sheet, Cell: t.Ref(col), Msg: msg, Hint: hint}
}

// Problems returns the warnings found so far in the sheet's layout: a
// column name used twice, values in columns without a name (one warning
// for all of them right of the last named column, one for those under a
// blank header cell, each with a count), reading stopped after many empty
// rows. Read it after the last Next.
func (t *Table) Problems() hromada.Problems {
	stray := t.strayProblems()
	if len(stray) == 0 {
		return t.problems
	}
	return append(slices.Clip(t.problems), stray...)
}

// Err returns the error that ended the rows early: a damaged sheet or a
// malformed CSV record, as an [*InputError].
func (t *Table) Err() error { return t.err }

// Close releases the sheet's reader.
func (t *Table) Close() error {
	if t.closed {
		return nil
	}
	t.closed, t.done = true, true
	return t.src.close()
}
