package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
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

// Limits of a worksheet, as Excel has them.
const (
	maxSheetRows = 1 << 20
	maxSheetCols = 1 << 14
)

// sheetXML streams the rows of one worksheet from its XML part.
type sheetXML struct {
	file  *File
	sheet string
	fh    *os.File      // the workbook, closed with the source
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
			return x.sc.syntax(err.Error())
		}
		n, err := strconv.Atoi(string(x.attr))
		if err != nil {
			return fmt.Errorf("row number %q is not a number", x.attr)
		}
		if n > maxSheetRows {
			return fmt.Errorf("row number %d is above the limit of %d rows", n, maxSheetRows)
		}
		if n != 0 {
			x.cur = n
			x.pending = true
			return nil
		}
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
		return errors.New("a cell holds text that is not UTF-8")
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
	}
	if bytes.IndexByte(typ, '&') >= 0 {
		var err error
		if x.attr, err = attrText(x.attr[:0], typ); err != nil {
			return col, x.sc.syntax(err.Error())
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
			x.text = append(x.text, v...)
			kind = tagEmpty
		} else if v, ok := x.sc.plain("<is><t>", "</t></is></c>"); ok {
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
			if i := sharedIndex(v); 0 <= i && i < len(x.sst) {
				shared = x.sst[i]
			}
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

// sharedIndex reads the index of a shared string as excelize does: space
// around it is ignored, and what is not a number is 0.
func sharedIndex(v []byte) int {
	n := 0
	for i, c := range v {
		if c < '0' || c > '9' || i == 9 {
			n, err := strconv.Atoi(strings.TrimSpace(string(v)))
			if err != nil {
				return 0
			}
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
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
		return 0, x.sc.syntax(err.Error())
	}
	return cellColumn(string(x.attr))
}

// cellColumn is refColumn for the references that are not plain: "$B$3",
// lower case, entities; as excelize's SplitCellName and ColumnNameToNumber.
func cellColumn(ref string) (int, error) {
	bad := fmt.Errorf("cell reference %q is not valid", ref)
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
		return 0, fmt.Errorf("cell reference %q is below the last row of a sheet, %d", ref, maxSheetRows)
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
			return 0, fmt.Errorf("cell reference %q is right of the last column of a sheet, %d", ref, maxSheetCols)
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
	msg := "the sheet is damaged: " + err.Error()
	if errors.Is(err, zip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "the sheet is damaged: its data in the file is incomplete or corrupted (" + err.Error() + ")"
	}
	e := fileError(x.file.path, ErrDamaged, msg,
		"open the file in Excel or LibreOffice and save it again, or export it again")
	e.Sheet, e.Cell = x.sheet, fmt.Sprintf("row %d", x.seek)
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
	)
	freeze := func() error {
		if !utf8.Valid(arena) {
			return errors.New("a shared string is not UTF-8")
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
		from = append(from, len(arena))
		out = append(out, "")
		if kind == tagStart {
			if arena, scratch, err = sc.stringItem(arena, scratch); err != nil {
				return nil, err
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
