package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Hostile files: small on disk, large when unpacked or read. The tests
// below write small ones; TestWriteHostileFiles writes those of issue 13
// at full size for measuring (see its comment).

// genPart is a part of a workbook written by a function, so that a part of
// gigabytes is deflated as it is made, never held.
type genPart struct {
	name  string
	write func(w io.Writer) error
}

// text is a genPart of fixed content.
func text(name, body string) genPart {
	return genPart{name, func(w io.Writer) error { _, err := io.WriteString(w, body); return err }}
}

// repeat writes head, then body n times, then tail.
func repeat(head, body string, n int64, tail string) func(io.Writer) error {
	return func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		bw.WriteString(head)
		if body == "" {
			n = 0
		}
		chunk := strings.Repeat(body, max(1, (64<<10)/max(1, len(body))))
		per := int64(len(chunk) / max(1, len(body)))
		for ; n >= per && per > 0; n -= per {
			bw.WriteString(chunk)
		}
		for ; n > 0; n-- {
			bw.WriteString(body)
		}
		bw.WriteString(tail)
		return bw.Flush()
	}
}

// writeWorkbook writes a workbook of one sheet, "main", and other parts to
// w: the package parts of rawXLSX, then parts.
func writeWorkbook(w io.Writer, parts ...genPart) error {
	zw := zip.NewWriter(w)
	all := append([]genPart{
		text("[Content_Types].xml", contentTypes),
		text("_rels/.rels", packageRels),
		text("xl/workbook.xml", workbookPart),
		text("xl/_rels/workbook.xml.rels", workbookRels),
	}, parts...)
	for _, p := range all {
		pw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if err := p.write(pw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// headerSheet is a sheet whose row 1 is the header "id" and whose row 2 is
// written by rows.
func headerSheet(row2Head string, body string, n int64, row2Tail string) genPart {
	return genPart{"xl/worksheets/sheet1.xml", repeat(
		xmlDecl+`<worksheet `+nsMain+`><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>`+row2Head,
		body, n, row2Tail+`</sheetData></worksheet>`)}
}

// Hostile workbooks of issue 13, scaled by n.
var hostile = map[string]func(n int64) []genPart{
	// A never-read picture of n bytes.
	"media": func(n int64) []genPart {
		return []genPart{
			headerSheet(`<row r="2"><c r="A2"><v>1</v></c></row>`, "", 0, ""),
			{"xl/media/image1.png", repeat("", "\x00", n, "")},
		}
	},
	// One shared string of n characters.
	"long-shared-string": func(n int64) []genPart {
		return []genPart{
			headerSheet(`<row r="2"><c r="A2" t="s"><v>0</v></c></row>`, "", 0, ""),
			{"xl/sharedStrings.xml", repeat(xmlDecl+`<sst `+nsMain+`><si><t>`, "a", n, `</t></si></sst>`)},
		}
	},
	// n shared strings of one character.
	"many-shared-strings": func(n int64) []genPart {
		return []genPart{
			headerSheet(`<row r="2"><c r="A2" t="s"><v>0</v></c></row>`, "", 0, ""),
			{"xl/sharedStrings.xml", repeat(xmlDecl+`<sst `+nsMain+`>`, "<si><t>a</t></si>", n, `</sst>`)},
		}
	},
	// A cell of n characters.
	"long-cell": func(n int64) []genPart {
		return []genPart{headerSheet(`<row r="2"><c r="A2" t="inlineStr"><is><t>`, "a", n, `</t></is></c></row>`)}
	},
	// n values without a column reference in row 2.
	"stray-values": func(n int64) []genPart {
		return []genPart{headerSheet(`<row r="2">`, "<c><v>1</v></c>", n, `</row>`)}
	},
	// A sheet of n rows of 19 cells, 1.9 KB (for the encrypted workbook).
	"big-sheet": func(n int64) []genPart {
		cell := `<c t="inlineStr"><is><t>` + strings.Repeat("x", 64) + `</t></is></c>`
		return []genPart{headerSheet("", `<row>`+strings.Repeat(cell, 19)+`</row>`, n, "")}
	},
}

// writeHostile writes the hostile workbook kind, scaled by n, to path; with
// password set, encrypted with it.
func writeHostile(path, kind string, n int64, password string) error {
	if password != "" {
		return writeEncrypted(path, password, hostile[kind](n)...)
	}
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := writeWorkbook(fh, hostile[kind](n)...); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// writeEncrypted writes a workbook of parts encrypted with password. The
// package gets a part of 16 KiB of noise: excelize writes a compound file
// that cannot be read again for a package under 4 KiB.
func writeEncrypted(path, password string, parts ...genPart) error {
	noise := make([]byte, 16<<10)
	x := uint32(1)
	for i := range noise {
		x = x*1664525 + 1013904223
		noise[i] = "0123456789abcdef"[x>>28]
	}
	var buf bytes.Buffer
	if err := writeWorkbook(&buf, append(parts, text("docProps/noise.xml", string(noise)))...); err != nil {
		return err
	}
	enc, err := excelize.Encrypt(buf.Bytes(), &excelize.Options{Password: password})
	if err != nil {
		return err
	}
	return os.WriteFile(path, enc, 0o644)
}

// writeHostileCSV writes a CSV file whose second line holds a quoted field
// of n characters.
func writeHostileCSV(path string, n int64) error {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := repeat("id,name\n1,\"", "x", n, "\"\n")(fh); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

// readThrough opens path and reads its first sheet to the end, as a
// command does, and returns the first error.
func readThrough(path string, opt OpenOptions) (rows int, problems int, err error) {
	f, err := Open(path, opt)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	tb, err := f.Table("")
	if err != nil {
		return 0, 0, err
	}
	defer tb.Close()
	for tb.Next() {
		rows++
	}
	return rows, len(tb.Problems()), tb.Err()
}

// TestWriteHostileFiles writes the hostile files of issue 13 at full size
// into the folder $HROMADA_HOSTILE_DIR, for measuring with
// /usr/bin/time -v and TestReadHostileFile. Without the variable it skips.
//
//	HROMADA_HOSTILE_DIR=/tmp/hostile go test ./internal/xlsx -run TestWriteHostileFiles -v
func TestWriteHostileFiles(t *testing.T) {
	dir := os.Getenv("HROMADA_HOSTILE_DIR")
	if dir == "" {
		t.Skip("HROMADA_HOSTILE_DIR is not set")
	}
	for _, c := range []struct {
		file, kind, password string
		n                    int64
	}{
		{"media.xlsx", "media", "", 1900 << 20},
		{"long-shared-string.xlsx", "long-shared-string", "", 1500 << 20},
		{"many-shared-strings.xlsx", "many-shared-strings", "", 40_000_000},
		{"long-cell.xlsx", "long-cell", "", 1 << 30},
		{"stray-values.xlsx", "stray-values", "", 3_000_001},
		{"encrypted-big-sheet.xlsx", "big-sheet", "x", 1_000_000},
		{"big-sheet.xlsx", "big-sheet", "", 1_000_000},
	} {
		path := filepath.Join(dir, c.file)
		if err := writeHostile(path, c.kind, c.n, c.password); err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(path)
		t.Logf("%s: %d bytes", path, info.Size())
	}
	if err := writeHostileCSV(filepath.Join(dir, "long-field.csv"), 100<<20); err != nil {
		t.Fatal(err)
	}
}

// TestReadHostileFile reads the file $HROMADA_HOSTILE_FILE through, with
// the password $HROMADA_PASSWORD, and prints what came of it. Without the
// variable it skips.
//
//	go test -c -o /tmp/xlsx.test ./internal/xlsx
//	HROMADA_HOSTILE_FILE=/tmp/hostile/media.xlsx /usr/bin/time -v /tmp/xlsx.test -test.run TestReadHostileFile -test.v
func TestReadHostileFile(t *testing.T) {
	path := os.Getenv("HROMADA_HOSTILE_FILE")
	if path == "" {
		t.Skip("HROMADA_HOSTILE_FILE is not set")
	}
	rows, problems, err := readThrough(path, OpenOptions{Password: os.Getenv("HROMADA_PASSWORD")})
	msg := fmt.Sprint(err)
	t.Logf("rows %d, problems %d, error: %.300s", rows, problems, msg)
}

// TestHostileNeverReadPart: a part no sheet needs, such as a picture, is
// never inflated, by Open nor by ReadSheets. Here the picture's compressed
// data is broken, so inflating it would fail; before, excelize inflated
// every part at Open.
func TestHostileNeverReadPart(t *testing.T) {
	path := writeBrokenPicture(t)
	rows, _, err := readThrough(path, OpenOptions{})
	if err != nil || rows != 1 {
		t.Fatalf("read %d rows, %v; want 1 and no error", rows, err)
	}
	sheets, err := ReadSheets(path)
	if err != nil || len(sheets["main"]) != 2 {
		t.Fatalf("ReadSheets: %q, %v; want 2 rows of main", sheets, err)
	}
}

// writeBrokenPicture writes a workbook of one sheet and a picture that
// claims 1 GiB and whose data is not deflate.
func writeBrokenPicture(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "media.xlsx")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	for _, p := range []genPart{
		text("[Content_Types].xml", contentTypes), text("_rels/.rels", packageRels),
		text("xl/workbook.xml", workbookPart), text("xl/_rels/workbook.xml.rels", workbookRels),
		text("xl/worksheets/sheet1.xml", sheetDoc(`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>`)),
	} {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.write(w); err != nil {
			t.Fatal(err)
		}
	}
	// A picture that claims 1 GiB and whose data is not deflate.
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/media/image1.png", Method: zip.Deflate,
		CRC32: 1, CompressedSize64: 16, UncompressedSize64: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(bytes.Repeat([]byte{0xFF}, 16))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	return path
}

// TestHostileLimits: values, rows and shared string tables beyond the
// limits are refused with ErrTooLarge, in a message that names the limit
// and, for a cell, the cell.
func TestHostileLimits(t *testing.T) {
	defer func(l struct{ count, bytes int64 }) { sharedLimit = l }(sharedLimit)
	sharedLimit.count, sharedLimit.bytes = 1000, 100_000
	for _, c := range []struct {
		name, kind string
		n          int64
		want       []string // in the message
	}{
		// 32,768 characters: one more than a cell of Excel holds.
		{"long shared string", "long-shared-string", MaxCellChars + 1, []string{"shared string 0", "32767 characters"}},
		{"long cell", "long-cell", MaxCellChars + 1, []string{"main!A2", "32767 characters"}},
		// A value of 3 MiB, which the scanner stops reading at 128 KiB.
		{"very long cell", "long-cell", 3 << 20, []string{"main!A2", "32767 characters"}},
		// The limits set above: 1000 strings, 100,000 bytes.
		{"many shared strings", "many-shared-strings", 1001, []string{"more than 1000 shared strings"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "h.xlsx")
			if err := writeHostile(path, c.kind, c.n, ""); err != nil {
				t.Fatal(err)
			}
			_, _, err := readThrough(path, OpenOptions{})
			e := wantCause(t, err, ErrTooLarge)
			for _, w := range c.want {
				if !strings.Contains(e.Error(), w) {
					t.Errorf("error %q does not say %q", e, w)
				}
			}
		})
	}

	// 4 strings of 30,000 characters: 120,000 bytes, more than 100,000.
	path := rawXLSX(t, sheetDoc(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`),
		sstDoc(strings.Repeat(`<si><t>`+strings.Repeat("b", 30000)+`</t></si>`, 4)))
	_, _, err := readThrough(path, OpenOptions{})
	if e := wantCause(t, err, ErrTooLarge); !strings.Contains(e.Error(), "more than 100000 bytes of text") {
		t.Errorf("error %q does not name the limit", e)
	}

	// A row of 300 cells of 30,000 characters: 9 MB, under the row limit;
	// the limit itself is checked on a row of 1,200 such cells (36 MB).
	if testing.Short() {
		return
	}
	for _, c := range []struct {
		cells int
		fail  bool
	}{{300, false}, {1200, true}} {
		cell := `<c t="inlineStr"><is><t>` + strings.Repeat("c", 30000) + `</t></is></c>`
		path := filepath.Join(t.TempDir(), "row.xlsx")
		fh, _ := os.Create(path)
		if err := writeWorkbook(fh, headerSheet(`<row r="2">`, cell, int64(c.cells), `</row>`)); err != nil {
			t.Fatal(err)
		}
		fh.Close()
		_, _, err := readThrough(path, OpenOptions{})
		if !c.fail {
			if err != nil {
				t.Errorf("%d cells: %v", c.cells, err)
			}
			continue
		}
		if e := wantCause(t, err, ErrTooLarge); !strings.Contains(e.Error(), "row 2 holds more than 32.0 MiB") {
			t.Errorf("error %q does not name the row and the limit", e)
		}
	}
}

// TestHostileStrayValues: cells without a column reference stop at the
// last column of a sheet, XFD (16,384); values in columns without a name
// give one warning with a count, not one each.
func TestHostileStrayValues(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stray.xlsx")
	if err := writeHostile(path, "stray-values", maxSheetCols+1, ""); err != nil {
		t.Fatal(err)
	}
	_, _, err := readThrough(path, OpenOptions{})
	if e := wantCause(t, err, ErrDamaged); !strings.Contains(e.Error(), "XFD") || !strings.Contains(e.Error(), "row 2") {
		t.Errorf("error %q does not name the row and the last column", e)
	}

	// 16,384 values: the header names A; B to XFD are stray, 16,383 of them.
	if err := writeHostile(path, "stray-values", maxSheetCols, ""); err != nil {
		t.Fatal(err)
	}
	f, tb := openTable(t, path)
	_ = f
	readAll(t, tb)
	ps := tb.Problems()
	if len(ps) != 1 {
		t.Fatalf("%d problems, want 1: %v", len(ps), ps)
	}
	for _, want := range []string{"16383 values in 16383 columns (B, C, D, E, F and 16378 more)", "right of the last named column"} {
		if !strings.Contains(ps[0].Msg.EN, want) {
			t.Errorf("warning %q does not say %q", ps[0].Msg.EN, want)
		}
	}
	if ps[0].Cell != "B2" {
		t.Errorf("warning at %s, want B2", ps[0].Cell)
	}
}

// TestSharedStringReferences: a cell that refers to a shared string the
// table does not have is an error naming file, sheet and cell; before, it
// read as blank or as the first string.
func TestSharedStringReferences(t *testing.T) {
	sst := sstDoc(`<si><t>first</t></si><si><t>second</t></si>`)
	for _, c := range []struct{ name, v, sst, want string }{
		{"out of range", "2", sst, "shared string 2, but the workbook has only 2"},
		{"negative", "-1", sst, `holds "-1", not the number of one`},
		{"not a number", "x", sst, `holds "x"`},
		{"fractional", "1.5", sst, `holds "1.5"`},
		{"huge", "99999999999999999999", sst, `holds "99999999999999999999"`},
		{"no shared strings", "0", "", "the workbook has no shared strings"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := sheetDoc(`<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>g</t></is></c></row>` +
				`<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>` + c.v + `</v></c></row>`)
			_, _, err := readThrough(rawXLSX(t, doc, c.sst), OpenOptions{})
			e := wantCause(t, err, ErrDamaged)
			if !strings.Contains(e.Error(), "main!B2") || !strings.Contains(e.Error(), c.want) || !strings.Contains(e.Error(), "raw.xlsx") {
				t.Errorf("error %q does not name file, sheet and cell and say %q", e, c.want)
			}
		})
	}
}

// TestRowNumbers: a row numbered below 1 is refused (before, it was read
// as row -5), and so is a row without a number below the last row of a
// sheet (before, rows without numbers went on past 1,048,576).
func TestRowNumbers(t *testing.T) {
	head := `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>`
	for _, c := range []struct{ rows, want string }{
		{`<row r="-5"><c><v>1</v></c></row>`, `row number "-5"`},
		{`<row r="1048576"><c><v>1</v></c></row><row><c><v>2</v></c></row>`, "below the last row of a sheet, 1048576"},
	} {
		_, _, err := readThrough(rawXLSX(t, sheetDoc(head+c.rows), ""), OpenOptions{MaxEmptyRows: maxSheetRows})
		if e := wantCause(t, err, ErrDamaged); !strings.Contains(e.Error(), c.want) {
			t.Errorf("error %q does not say %q", e, c.want)
		}
	}
}

// TestEncryptedStreamed: the sheets of an encrypted workbook are streamed
// from its decrypted package by sheetXML, with its checks, not read by
// excelize into memory whole.
func TestEncryptedStreamed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "enc.xlsx")
	if err := writeHostile(path, "big-sheet", 1000, "secret"); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path, OpenOptions{Password: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fastOnly(t, f, "main")
	rows, _, err := readThrough(path, OpenOptions{Password: "secret"})
	if err != nil || rows != 1000 {
		t.Errorf("read %d rows, %v; want 1000", rows, err)
	}
	_, _, err = readThrough(path, OpenOptions{Password: "wrong"})
	wantCause(t, err, ErrWrongPassword)

	// A bad shared-string reference is found in an encrypted workbook too.
	if err := writeEncrypted(path, "secret", headerSheet(`<row r="2"><c r="A2" t="s"><v>3</v></c></row>`, "", 0, ""),
		text("xl/sharedStrings.xml", sstDoc(`<si><t>a</t></si>`))); err != nil {
		t.Fatal(err)
	}
	_, _, err = readThrough(path, OpenOptions{Password: "secret"})
	if e := wantCause(t, err, ErrDamaged); !strings.Contains(e.Error(), "main!A2") {
		t.Errorf("error %q does not name the cell", e)
	}
}

// TestHostileCSV: a CSV field longer than a cell of Excel, and a record
// longer than MaxRowBytes (an unclosed quote), are refused; a message
// quotes at most 60 characters of a value.
func TestHostileCSV(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "long.csv")
	if err := writeHostileCSV(path, MaxCellChars+1); err != nil {
		t.Fatal(err)
	}
	_, _, err := readThrough(path, OpenOptions{})
	if e := wantCause(t, err, ErrTooLarge); !strings.Contains(e.Error(), "line 2, column 3") || !strings.Contains(e.Error(), "32767") {
		t.Errorf("error %q does not name the field and the limit", e)
	}

	if !testing.Short() {
		// An unclosed quote on line 2 takes in the 33 MiB after it.
		fh, _ := os.Create(path)
		if err := repeat("id,name\n1,\"", "xxxxxxx\n", 33<<17, "")(fh); err != nil {
			t.Fatal(err)
		}
		fh.Close()
		_, _, err = readThrough(path, OpenOptions{})
		if e := wantCause(t, err, ErrTooLarge); !strings.Contains(e.Error(), "line 2") || !strings.Contains(e.Error(), "32.0 MiB") {
			t.Errorf("error %q does not name the line and the limit", e)
		}
	}

	long := strings.Repeat("д", 1000)
	_, err = ParseNumber(long)
	if err == nil || len(err.Error()) > 300 || !strings.Contains(err.Error(), "(1000 characters)") {
		t.Errorf("ParseNumber's error quotes %d bytes: %.100q", len(fmt.Sprint(err)), err)
	}
	if !errors.Is(err, ErrNotNumber) {
		t.Errorf("error %v, want ErrNotNumber", err)
	}
}
