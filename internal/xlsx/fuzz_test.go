package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz targets of the readers. Their seed corpus is the hand-written cases
// of the tests and the files in testdata; go test runs the seeds as
// ordinary tests. To fuzz:
//
//	go test ./internal/xlsx -run '^$' -fuzz FuzzSheetXML -fuzztime 5m

// testdataParts returns the parts of the workbooks in testdata whose names
// satisfy keep.
func testdataParts(f *testing.F, keep func(name string) bool) [][]byte {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	var out [][]byte
	for _, p := range paths {
		zr, err := zip.OpenReader(p)
		if err != nil {
			continue // the encrypted one
		}
		for _, zf := range zr.File {
			if !keep(zf.Name) {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				f.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				f.Fatal(err)
			}
			out = append(out, b)
		}
		zr.Close()
	}
	return out
}

// FuzzSheetXML reads a worksheet's XML with sheetXML: it must end, with
// rows or an error, never panic, and keep the limits of a sheet.
func FuzzSheetXML(f *testing.F) {
	for _, c := range sheetCases {
		f.Add([]byte(c.doc()))
	}
	for _, b := range testdataParts(f, func(n string) bool { return strings.HasPrefix(n, "xl/worksheets/sheet") }) {
		f.Add(b)
	}
	sst := []string{"first", "second", "third"}
	f.Fuzz(func(t *testing.T, doc []byte) {
		rd, ok := utf8Reader(bytes.NewReader(doc))
		if !ok {
			return
		}
		x := &sheetXML{file: &File{path: "fuzz.xlsx"}, sheet: "main", fh: io.NopCloser(nil), part: nopCloser{},
			sc: newXMLScanner(rd), sst: sst}
		last := 0
		for n := 0; ; n++ {
			cells, ok := x.next()
			if !ok {
				break
			}
			if len(cells) > maxSheetCols {
				t.Fatalf("row %d has %d cells", x.row(), len(cells))
			}
			text := 0
			for _, c := range cells {
				text += len(c)
				if len(c) > maxValueBytes {
					t.Fatalf("a cell of %d bytes", len(c))
				}
			}
			if text > MaxRowBytes+maxValueBytes {
				t.Fatalf("a row of %d bytes", text)
			}
			if x.row() <= last || x.row() > maxSheetRows {
				t.Fatalf("row %d after row %d", x.row(), last)
			}
			last = x.row()
		}
		if err := x.failure(); err != nil {
			var e *InputError
			if !asInputError(err, &e) || e.Sheet != "main" || e.Cell == "" {
				t.Fatalf("error %v does not name the sheet and a cell or row", err)
			}
		}
	})
}

// FuzzSharedStrings reads a shared string table: it must end, never panic,
// and hold no string longer than a cell of Excel.
func FuzzSharedStrings(f *testing.F) {
	for _, c := range sheetCases {
		if c.sst != "" {
			f.Add([]byte(c.sstDoc()))
		}
	}
	for _, b := range testdataParts(f, func(n string) bool { return strings.EqualFold(n, "xl/sharedStrings.xml") }) {
		f.Add(b)
	}
	f.Add([]byte(sstDoc(`<si><t>a</t></si><si><r><t>b</t></r><r><t xml:space="preserve"> c</t></r></si><si><t>_x000D_&amp;&#x41;</t></si>`)))
	f.Fuzz(func(t *testing.T, doc []byte) {
		rd, ok := utf8Reader(bytes.NewReader(doc))
		if !ok {
			return
		}
		sst, err := readSharedStrings(newXMLScanner(rd))
		if err != nil {
			return
		}
		if int64(len(sst)) > sharedLimit.count {
			t.Fatalf("%d strings", len(sst))
		}
		for i, s := range sst {
			if !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxCellChars {
				t.Fatalf("string %d: %d bytes, valid UTF-8 %v", i, len(s), utf8.ValidString(s))
			}
		}
	})
}

// FuzzCSV reads a CSV file through a Table: it must end, never panic, and
// give rows as wide as the header.
func FuzzCSV(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.csv"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("id;name\n1;\"a\nb\"\n2;\"say \"\"hi\"\"\"\n"))
	f.Add([]byte("\xFF\xFEi\x00d\x00\t\x00n\x00\n\x001\x00\t\x002\x00\n\x00"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.csv")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		file, err := Open(path, OpenOptions{})
		if err != nil {
			return
		}
		defer file.Close()
		tb, err := file.Table("")
		if err != nil {
			return
		}
		defer tb.Close()
		for tb.Next() {
			if len(tb.Row()) != len(tb.Header()) {
				t.Fatalf("row of %d values under %d columns", len(tb.Row()), len(tb.Header()))
			}
			for i := range tb.Row() {
				_ = tb.Ref(i)
				_, _ = ParseNumber(tb.Row()[i])
				_, _ = ParseDate(tb.Row()[i], false)
			}
		}
		_ = tb.Problems()
	})
}

// asInputError is errors.As for *InputError.
func asInputError(err error, e **InputError) bool {
	ie, ok := err.(*InputError)
	if ok {
		*e = ie
	}
	return ok
}
