package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Parts of the workbooks the sheetxml tests write by hand.
const (
	nsMain       = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	xmlDecl      = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	contentTypes = xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
		`</Types>`
	packageRels = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`</Relationships>`
	workbookPart = xmlDecl + `<workbook ` + nsMain + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="main" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
		`</Relationships>`
)

// part is a file in a ZIP archive a test writes.
type part struct {
	name, body string
	store      bool // stored, not deflated
}

// writeZip writes a ZIP archive of parts into the test's temporary folder.
func writeZip(t testing.TB, name string, parts ...part) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate}
		if p.store {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// rawXLSX writes a workbook with one sheet, "main", whose XML is sheet,
// and, unless sst is "", the shared strings sst.
func rawXLSX(t testing.TB, sheet, sst string) string {
	t.Helper()
	parts := []part{
		{name: "[Content_Types].xml", body: contentTypes},
		{name: "_rels/.rels", body: packageRels},
		{name: "xl/workbook.xml", body: workbookPart},
		{name: "xl/_rels/workbook.xml.rels", body: workbookRels},
		{name: "xl/worksheets/sheet1.xml", body: sheet},
	}
	if sst != "" {
		parts = append(parts, part{name: "xl/sharedStrings.xml", body: sst})
	}
	return writeZip(t, "raw.xlsx", parts...)
}

// sheetDoc is a worksheet whose sheet data is rows.
func sheetDoc(rows string) string {
	return xmlDecl + `<worksheet ` + nsMain + `><sheetData>` + rows + `</sheetData></worksheet>`
}

// sstDoc is a shared string table of the given <si> elements.
func sstDoc(items string) string {
	return xmlDecl + `<sst ` + nsMain + `>` + items + `</sst>`
}

// streamed is what a source returned: each row and its position.
type streamed struct {
	rows [][]string
	pos  []int
	err  error
}

// stream reads a source to its end and closes it.
func stream(t testing.TB, src source) streamed {
	t.Helper()
	var s streamed
	for {
		cells, ok := src.next()
		if !ok {
			break
		}
		s.rows = append(s.rows, slices.Clone(cells))
		s.pos = append(s.pos, src.position())
		if len(s.rows) > 2_000_000 {
			t.Fatal("endless sheet")
		}
	}
	s.err = src.failure()
	if err := src.close(); err != nil {
		t.Errorf("close: %v", err)
	}
	return s
}

// bothWays streams a sheet with sheetXML and with excelize's row reader.
func bothWays(t testing.TB, f *File, sheet string) (fast, slow streamed) {
	t.Helper()
	src, err := f.openSheetXML(sheet)
	if err != nil {
		t.Fatalf("%s: openSheetXML(%q): %v", filepath.Base(f.path), sheet, err)
	}
	fast = stream(t, src)
	ex, err := f.excelizeRows(sheet)
	if err != nil {
		t.Fatalf("%s: excelizeRows(%q): %v", filepath.Base(f.path), sheet, err)
	}
	slow = stream(t, ex)
	return fast, slow
}

// sameRows reports the first difference between two streams, or "".
func sameRows(fast, slow streamed) string {
	for i := range max(len(fast.rows), len(slow.rows)) {
		switch {
		case i >= len(fast.rows):
			return fmt.Sprintf("sheetXML ends before row %d", slow.pos[i])
		case i >= len(slow.rows):
			return fmt.Sprintf("excelize ends before row %d", fast.pos[i])
		case fast.pos[i] != slow.pos[i]:
			return fmt.Sprintf("row %d: at %d, excelize at %d", i+1, fast.pos[i], slow.pos[i])
		case !slices.Equal(fast.rows[i], slow.rows[i]):
			return fmt.Sprintf("row %d: %q, excelize %q", fast.pos[i], fast.rows[i], slow.rows[i])
		}
	}
	if (fast.err == nil) != (slow.err == nil) {
		return fmt.Sprintf("error %v, excelize %v", fast.err, slow.err)
	}
	return ""
}

// fastOnly fails unless the file's sheets are read by sheetXML.
func fastOnly(t testing.TB, f *File, sheet string) {
	t.Helper()
	src, err := f.sheetReader(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	if _, ok := src.(*sheetXML); !ok {
		t.Fatalf("%s!%s is read by %T, want *sheetXML", filepath.Base(f.path), sheet, src)
	}
}

// wantDamaged fails unless err is an ErrDamaged InputError.
func wantDamaged(t testing.TB, err error) {
	t.Helper()
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("error %v, want ErrDamaged", err)
	}
}

// cellColumnExcelize is excelize's reading of a cell reference's column.
func cellColumnExcelize(ref string) (int, error) {
	col, _, err := excelize.CellNameToCoordinates(ref)
	return col, err
}
