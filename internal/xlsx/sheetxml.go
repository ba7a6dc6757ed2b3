package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hromada-tool/hromada"
)

// Sheets of survey exports run to hundreds of thousands of rows, and
// excelize's row reader spends about 100 µs on each of them: it tokenizes
// the XML with encoding/xml, boxes every token in an interface and
// allocates for every cell. sheetXML reads the worksheet XML itself, straight
// from the ZIP archive, with a byte scanner that stops only at the few
// elements cells are made of, and allocates one string a row.
//
// It returns what excelize's Rows returns with RawCellValue: the same
// values, in the same columns, with the same row numbering (see next), so
// that the rest of the package cannot tell the two apart.

// Limits of a worksheet, as Excel has them, and of what hromada reads.
const (
	maxSheetRows = 1 << 20
	maxSheetCols = 1 << 14
	// MaxCellChars is the most characters a cell holds in Excel; a value
	// longer than this, in a workbook or a CSV file, is refused.
	MaxCellChars = 32767
	// maxValueBytes is the most bytes of UTF-8 a value of MaxCellChars
	// characters can take.
	maxValueBytes = 4 * MaxCellChars
	// MaxRowBytes is the most text one row may hold, all its cells
	// together; a row with more is refused.
	MaxRowBytes = 32 << 20
	// MaxSharedStrings is the most strings a workbook's shared string table
	// may hold, and MaxSharedBytes the most text all of them together.
	// More is refused: a table is held in memory while its sheets are read.
	MaxSharedStrings = 4 << 20
	MaxSharedBytes   = 192 << 20
)

// sharedLimit is what readSharedStrings reads at most: MaxSharedStrings and
// MaxSharedBytes, lower in tests.
var sharedLimit = struct{ count, bytes int64 }{MaxSharedStrings, MaxSharedBytes}

// sheetXML streams the rows of one worksheet from its XML part.
type sheetXML struct {
	file  *File
	sheet string
	fh    io.Closer     // the workbook, closed with the source
	part  io.ReadCloser // the worksheet's entry in the archive
	sc    *xmlScanner
	sst   []string

	// Rows are numbered as excelize numbers them: seek is the row number of
	// the row returned last (one more at each call, missing rows too), cur
	// the number of the last <row> read, from its r attribute or, without
	// one, one more than the row before.
	seek, cur int
	pending   bool // a <row> has been read whose cells have not
	inData    bool // in <sheetData>
	ended     bool
	err       error

	cells   []string // the current row, reused
	col     int      // column of the cell being read, from 1; 0 between cells
	text    []byte   // the values of the current row that are not shared strings
	spans   []span   // which cells hold which part of text
	inline  []byte   // an inline string being read
	scratch []byte
	attr    []byte
}

// span is a cell's value in sheetXML.text.
type span struct{ cell, from, to int }

func (x *sheetXML) position() int  { return x.seek }
func (x *sheetXML) row() int       { return x.seek }
func (x *sheetXML) failure() error { return x.err }

func (x *sheetXML) close() error {
	err := x.part.Close()
	if cerr := x.fh.Close(); err == nil {
		err = cerr
	}
	return err
}

// next returns the next row. A row number without a <row> element reads as
// an empty row; so does a <row> without cells. As in excelize, a <row>
// whose number is not above the current one adds its cells to the current
// row.
func (x *sheetXML) next() ([]string, bool) {
	if x.err != nil || x.ended {
		return nil, false
	}
	x.seek++
	if !x.pending {
		found, err := x.findRow()
		if err != nil {
			x.fail(err)
			return nil, false
		}
		if !found {
			x.end()
			return nil, false
		}
	}
	if x.cur > x.seek {
		return x.cells[:0], true
	}
	x.pending = false
	if err := x.readRow(); err != nil {
		x.fail(err)
		return nil, false
	}
	return x.cells, true
}

// findRow reads up to the next <row>, or the end of the sheet data.
func (x *sheetXML) findRow() (bool, error) {
	for {
		kind, name, err := x.sc.tag()
		switch {
		case err != nil:
			return false, err
		case kind == tagEOF:
			if x.inData {
				return false, x.sc.failure("the sheet data")
			}
			return false, nil // a part without sheet data, such as a chart sheet
		case string(name) == "sheetData":
			x.inData = kind == tagStart
			if kind != tagStart {
				return false, nil
			}
		case string(name) == "row" && kind != tagEnd:
			return true, x.rowStart()
		}
	}
}

// rowStart takes the number of the <row> just read as the current row
// number.
func (x *sheetXML) rowStart() error {
	for _, a := range x.sc.attrs {
		if string(a.name) != "r" {
			continue
		}
		var err error
		if x.attr, err = attrText(x.attr[:0], a.value); err != nil {
			return x.sc.syntax(hromada.ErrText(err))
		}
		n, err := strconv.Atoi(string(x.attr))
		if err != nil || n < 0 {
			return hromada.Errorf("номер рядка %q — не число", "row number %q is not a number of a row", clip(x.attr))
		}
		if n > maxSheetRows {
			return hromada.Errorf("номер рядка %d більший за межу в %d рядків", "row number %d is above the limit of %d rows", n, maxSheetRows)
		}
		if n != 0 {
			x.cur = n
			x.pending = true
			return nil
		}
	}
	if x.cur >= maxSheetRows {
		return hromada.Errorf("рядок нижче останнього рядка аркуша, %d", "a row below the last row of a sheet, %d", maxSheetRows)
	}
	x.cur++
	x.pending = true
	return nil
}

// readRow reads the cells of the row up to the next <row> with a higher
// number, or to the end of the sheet data. Like excelize's reader, it reads
// the XML as a flat list of tags: a <c> is a cell wherever it stands.
func (x *sheetXML) readRow() error {
	x.cells, x.text, x.spans = x.cells[:0], x.text[:0], x.spans[:0]
	col := 0
	for {
		kind, name, err := x.sc.tag()
		if err != nil {
			return err
		}
		if kind == tagEOF {
			if x.inData {
				return x.sc.failure("the sheet data")
			}
			return x.finishRow()
		}
		switch string(name) {
		case "c":
			if kind == tagEnd {
				continue
			}
			if col, err = x.cell(kind, col+1); err != nil {
				return err
			}
			x.col = 0
			continue
		case "row":
			if kind == tagEnd {
				continue
			}
			if err := x.rowStart(); err != nil {
				return err
			}
			if x.cur <= x.seek {
				x.pending = false
				continue
			}
		case "sheetData":
			if kind != tagEnd {
				continue
			}
			// As in excelize, the row ends here but the sheet does not:
			// the next row is looked for after the sheet data too.
			x.inData = false
		default:
			continue
		}
		return x.finishRow()
	}
}

// finishRow turns the row's text into strings: one allocation a row.
func (x *sheetXML) finishRow() error {
	if len(x.spans) == 0 {
		return nil
	}
	if !utf8.Valid(x.text) {
		return hromada.Errorf("клітинка містить текст не в кодуванні UTF-8", "a cell holds text that is not UTF-8")
	}
	s := string(x.text)
	for _, sp := range x.spans {
		x.cells[sp.cell] = s[sp.from:sp.to]
	}
	return nil
}

// cell reads a <c> element whose start tag was just read, in column col
// unless its r attribute says otherwise, and returns the column it is in.
func (x *sheetXML) cell(kind int, col int) (int, error) {
	var ref, typ []byte
	for _, a := range x.sc.attrs {
		switch string(a.name) {
		case "r":
			ref = a.value
		case "t":
			typ = a.value
		}
	}
	if len(ref) > 0 {
		var err error
		if col, err = x.refColumn(ref); err != nil {
			return col, err
		}
	} else if col > maxSheetCols {
		return col, hromada.Errorf("у рядку %d є клітинка праворуч від останнього стовпця аркуша, %s (стовпець %d)",
			"row %d has a cell right of the last column of a sheet, %s (column %d)", x.cur, ColumnName(maxSheetCols-1), maxSheetCols)
	}
	x.col = col
	x.sc.valueBytes = 0
	if bytes.IndexByte(typ, '&') >= 0 {
		var err error
		if x.attr, err = attrText(x.attr[:0], typ); err != nil {
			return col, x.sc.syntax(hromada.ErrText(err))
		}
		typ = x.attr
	}
	// typ is in the scanner's window, which the next read moves.
	const (
		other = iota
		sharedType
		inlineType
	)
	cellType := other
	switch string(typ) {
	case "s":
		cellType = sharedType
	case "inlineStr":
		cellType = inlineType
	}
	start := len(x.text)
	formula, inline := false, false
	if kind == tagStart {
		if v, ok := x.sc.plain("<v>", "</v></c>"); ok {
			if len(v) > maxValueBytes {
				return col, errValueTooLong
			}
			x.text = append(x.text, v...)
			kind = tagEmpty
		} else if v, ok := x.sc.plain("<is><t>", "</t></is></c>"); ok {
			if len(v) > maxValueBytes {
				return col, errValueTooLong
			}
			x.inline = unescapeBstr(x.inline[:0], v)
			kind, inline = tagEmpty, true
		}
	}
	if kind == tagStart {
	content:
		for {
			kind, name, err := x.sc.tag()
			if err != nil {
				return col, err
			}
			switch {
			case kind == tagEOF:
				return col, x.sc.failure("a cell")
			case kind == tagEnd:
				if string(name) == "c" {
					break content
				}
			case string(name) == "v":
				x.text = x.text[:start] // the last <v> counts
				if kind == tagStart {
					if x.text, err = x.sc.elementText(x.text); err != nil {
						return col, err
					}
				}
			case string(name) == "f":
				formula = true
				if kind == tagStart {
					if err := x.sc.skipElement(); err != nil {
						return col, err
					}
				}
			case string(name) == "is":
				inline = true
				x.inline = x.inline[:0]
				if kind == tagStart {
					if x.inline, x.scratch, err = x.sc.stringItem(x.inline, x.scratch); err != nil {
						return col, err
					}
				}
			}
		}
	}

	// The value, as excelize's getValueFrom returns it for raw values.
	var shared string
	fromText := false
	switch cellType {
	case sharedType:
		if v := x.text[start:]; len(v) > 0 {
			i, err := x.sharedIndex(v)
			if err != nil {
				return col, err
			}
			shared = x.sst[i]
		}
		x.text = x.text[:start]
	case inlineType:
		if inline {
			x.text = append(x.text[:start], x.inline...)
		}
		fromText = len(x.text) > start
	default:
		fromText = len(x.text) > start
	}
	if fromText && len(x.text)-start > MaxCellChars && utf8.RuneCount(x.text[start:]) > MaxCellChars {
		return col, errValueTooLong
	}
	if len(x.text) > MaxRowBytes {
		return col, &limitError{hromada.T("рядок %d містить понад %s тексту — більше, ніж hromada читає в одному рядку",
			"row %d holds more than %s of text, the most hromada reads in a row", x.cur, byteSize(MaxRowBytes))}
	}
	if !fromText && shared == "" && !formula {
		return col, nil // a blank cell
	}
	for len(x.cells) < col-1 {
		x.cells = append(x.cells, "")
	}
	if fromText {
		x.spans = append(x.spans, span{len(x.cells), start, len(x.text)})
	}
	x.cells = append(x.cells, shared)
	return col, nil
}

// sharedIndex reads the index of a shared string, v, which must be a
// number of a string in the workbook's table: digits, with space around
// them at most. Excel writes nothing else; excelize would read what is
// not a number as string 0 and an index out of range as blank, silently.
func (x *sheetXML) sharedIndex(v []byte) (int, error) {
	t := bytes.TrimSpace(v)
	n, ok := 0, len(t) > 0 && len(t) <= 10
	for _, c := range t {
		if c < '0' || c > '9' {
			ok = false
			break
		}
		n = n*10 + int(c-'0')
	}
	switch {
	case !ok:
		return 0, &cellValueError{hromada.T("клітинку позначено як спільний рядок, але вона містить %q, а не його номер",
			"the cell is marked as a shared string but holds %q, not the number of one", clip(v))}
	case len(x.sst) == 0:
		return 0, &cellValueError{hromada.T("клітинка посилається на спільний рядок %d, але в книзі немає спільних рядків",
			"the cell refers to shared string %d, but the workbook has no shared strings", n)}
	case n >= len(x.sst):
		return 0, &cellValueError{hromada.T("клітинка посилається на спільний рядок %d, але в книзі їх лише %d (від 0 до %d)",
			"the cell refers to shared string %d, but the workbook has only %d (0 to %d)", n, len(x.sst), len(x.sst)-1)}
	}
	return n, nil
}

// cellValueError is a problem of a cell's value that the sheet's XML
// holds well-formed.
type cellValueError struct{ msg hromada.Text }

func (e *cellValueError) Error() string { return e.msg.EN }

// limitError is a part of a file larger than hromada reads.
type limitError struct{ msg hromada.Text }

func (e *limitError) Error() string { return e.msg.EN }

// sharedTooLong is the limitError of shared string n that holds more than
// MaxCellChars characters.
func sharedTooLong(n int) error {
	return &limitError{hromada.T("спільний рядок %d містить понад %d символів — більше, ніж уміщує клітинка Excel",
		"shared string %d holds more than %d characters, the most a cell of Excel holds", n, MaxCellChars)}
}

// refColumn returns the column, counted from 1, of a cell reference such as
// "AB12", with the checks of excelize's CellNameToCoordinates.
func (x *sheetXML) refColumn(ref []byte) (int, error) {
	col, i := 0, 0
	for ; i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
	}
	if i > 0 && i < len(ref) && len(ref)-i <= 7 && ref[i] != '0' {
		row := 0
		for _, c := range ref[i:] {
			if c < '0' || c > '9' {
				row = -1
				break
			}
			row = row*10 + int(c-'0')
		}
		if row > 0 && row <= maxSheetRows && col <= maxSheetCols {
			return col, nil
		}
	}
	var err error
	if x.attr, err = attrText(x.attr[:0], ref); err != nil {
		return 0, x.sc.syntax(hromada.ErrText(err))
	}
	return cellColumn(string(x.attr))
}

// cellColumn is refColumn for the references that are not plain: "$B$3",
// lower case, entities; as excelize's SplitCellName and ColumnNameToNumber.
func cellColumn(ref string) (int, error) {
	bad := hromada.Errorf("посилання на клітинку %q недійсне", "cell reference %q is not valid", ref)
	letter := func(r rune) bool { return 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || r == '$' }
	if strings.IndexFunc(ref, letter) != 0 {
		return 0, bad
	}
	i := strings.LastIndexFunc(ref, letter)
	if i < 0 || i >= len(ref)-1 {
		return 0, bad
	}
	name := strings.ReplaceAll(ref[:i+1], "$", "")
	row, err := strconv.Atoi(ref[i+1:])
	if err != nil || row <= 0 {
		return 0, bad
	}
	if row > maxSheetRows {
		return 0, hromada.Errorf("посилання на клітинку %q нижче останнього рядка аркуша, %d", "cell reference %q is below the last row of a sheet, %d", ref, maxSheetRows)
	}
	if name == "" {
		return 0, bad
	}
	col := 0
	for _, c := range []byte(name) {
		switch {
		case 'A' <= c && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case 'a' <= c && c <= 'z':
			col = col*26 + int(c-'a'+1)
		default:
			return 0, bad
		}
		if col > maxSheetCols {
			return 0, hromada.Errorf("посилання на клітинку %q праворуч від останнього стовпця аркуша, %d",
				"cell reference %q is right of the last column of a sheet, %d", ref, maxSheetCols)
		}
	}
	return col, nil
}

// end finishes the sheet: the rest of the part is read, so that the
// archive checks it against its checksum.
func (x *sheetXML) end() {
	x.ended = true
	if x.sc.rerr != nil {
		x.fail(x.sc.rerr)
		return
	}
	if _, err := io.Copy(io.Discard, x.part); err != nil {
		x.fail(err)
	}
}

func (x *sheetXML) fail(err error) {
	msg := damagedSheet(err)
	if errors.Is(err, zip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = hromada.T("аркуш пошкоджений: його дані у файлі неповні або зіпсовані (%v)",
			"the sheet is damaged: its data in the file is incomplete or corrupted (%v)", err)
	}
	e := fileError(x.file.path, ErrDamaged, msg, resaveFileHint)
	var (
		ve *cellValueError
		le *limitError
	)
	switch {
	case errors.Is(err, errValueTooLong):
		e.Err = ErrTooLarge
		e.Msg = hromada.T("клітинка містить понад %d символів — більше, ніж уміщує клітинка Excel",
			"the cell holds more than %d characters, the most a cell of Excel holds", MaxCellChars)
		e.Hint = hromada.T("скоротіть значення; таке довге значення може бути й створене, щоб зашкодити комп'ютеру, який його читає",
			"shorten the value; a value this long may also be built to harm the computer that reads it")
	case errors.As(err, &ve):
		e.Msg = ve.msg
	case errors.As(err, &le):
		e.Err, e.Msg = ErrTooLarge, le.msg
		e.Hint = hromada.T("розділіть дані на менші файли; такий великий рядок може бути й створений, щоб зашкодити комп'ютеру, який його читає",
			"split the data into smaller files; a row this large may also be built to harm the computer that reads it")
	}
	e.Sheet, e.Cell = x.sheet, fmt.Sprintf("row %d", x.seek)
	if x.col > 0 && x.col <= maxSheetCols && x.cur > 0 {
		e.Cell = ColumnName(x.col-1) + strconv.Itoa(x.cur) // the cell being read
	}
	x.err = e
}

// readSharedStrings reads a shared string table (xl/sharedStrings.xml):
// the text of each <si> of the root element, as excelize reads it. The
// strings are cut from strings of about 64 KiB each, so that a value kept
// keeps little of the table alive.
func readSharedStrings(sc *xmlScanner) ([]string, error) {
	var (
		out     []string
		arena   []byte
		from    []int // where the strings of out[len(out)-len(from):] start in arena
		scratch []byte
		total   int64 // bytes of text in all strings
	)
	freeze := func() error {
		if !utf8.Valid(arena) {
			return hromada.Errorf("спільний рядок не в кодуванні UTF-8", "a shared string is not UTF-8")
		}
		s := string(arena)
		first := len(out) - len(from)
		for i, at := range from {
			end := len(s)
			if i+1 < len(from) {
				end = from[i+1]
			}
			out[first+i] = s[at:end]
		}
		arena, from = arena[:0], from[:0]
		return nil
	}
	depth := 0
	for {
		kind, name, err := sc.tag()
		if err != nil {
			return nil, err
		}
		if kind == tagEOF {
			if depth > 0 {
				return nil, sc.failure("the shared strings")
			}
			break
		}
		if depth == 0 {
			if kind == tagStart {
				depth = 1
				continue
			}
			if kind == tagEmpty {
				break
			}
			continue
		}
		if kind == tagEnd {
			break // the end of the root
		}
		if string(name) != "si" {
			if kind == tagStart {
				if err := sc.skipElement(); err != nil {
					return nil, err
				}
			}
			continue
		}
		if int64(len(out)) >= sharedLimit.count {
			return nil, &limitError{hromada.T("у книзі понад %d спільних рядків — більше, ніж hromada читає",
				"the workbook has more than %d shared strings, the most hromada reads", sharedLimit.count)}
		}
		from = append(from, len(arena))
		out = append(out, "")
		if kind == tagStart {
			at := len(arena)
			sc.valueBytes = 0
			if arena, scratch, err = sc.stringItem(arena, scratch); err != nil {
				if errors.Is(err, errValueTooLong) {
					return nil, sharedTooLong(len(out) - 1)
				}
				return nil, err
			}
			if n := len(arena) - at; n > MaxCellChars && utf8.RuneCount(arena[at:]) > MaxCellChars {
				return nil, sharedTooLong(len(out) - 1)
			}
			if total += int64(len(arena) - at); total > sharedLimit.bytes {
				return nil, &limitError{hromada.T("спільні рядки книги містять понад %s тексту — більше, ніж hromada читає",
					"the shared strings of the workbook hold more than %s of text, the most hromada reads", byteSize(sharedLimit.bytes))}
			}
		}
		if len(arena) >= 64<<10 {
			if err := freeze(); err != nil {
				return nil, err
			}
		}
	}
	if err := freeze(); err != nil {
		return nil, err
	}
	return out, nil
}
