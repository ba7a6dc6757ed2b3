package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/xuri/excelize/v2"
)

func TestOpenEncrypted(t *testing.T) {
	path := filepath.Join("testdata", "encryptAES.xlsx")
	_, err := Open(path, OpenOptions{})
	e := wantCause(t, err, ErrEncrypted)
	for _, want := range []string{"password-protected", "--password-file", "HROMADA_PASSWORD"} {
		if !strings.Contains(e.Error(), want) {
			t.Errorf("error %q does not say %q", e, want)
		}
	}
	if strings.Contains(e.Error(), "zip") {
		t.Errorf("error %q speaks of zip", e)
	}

	_, err = Open(path, OpenOptions{Password: "wrong"})
	wantCause(t, err, ErrWrongPassword)
}

func TestOpenEncryptedWithPassword(t *testing.T) {
	f, err := Open(filepath.Join("testdata", "encryptAES.xlsx"), OpenOptions{Password: "password"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := f.Table("")
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	if got := tb.Header(); len(got) != 1 || got[0] != "SECRET" {
		t.Errorf("Header() = %q, want [SECRET]", got)
	}
}

func TestOpenNotSpreadsheet(t *testing.T) {
	odsZip := zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
	docxZip := zipOf(t, map[string]string{"word/document.xml": "<x/>", "[Content_Types].xml": "<x/>"})
	tests := []struct {
		name    string
		content []byte
		cause   error
		says    string
	}{
		{"report.xlsx", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), ErrNotSpreadsheet, "PDF"},
		{"photo.xlsx", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ErrNotSpreadsheet, "PNG"},
		{"survey.xlsx", []byte("a;b;c\n1;2;3\n"), ErrNotSpreadsheet, "rename it to .csv"},
		{"page.xls", []byte("<html><body><table></table></body></html>"), ErrNotSpreadsheet, "HTML"},
		{"table.ods", odsZip, ErrNotSpreadsheet, "OpenDocument spreadsheet"},
		{"letter.xlsx", docxZip, ErrNotSpreadsheet, "Word document"},
		{"data.bin", []byte{1, 2, 0, 3}, ErrNotSpreadsheet, "binary"},
		{"empty.xlsx", nil, ErrDamaged, "empty"},
		{"broken.xls", append(append([]byte(nil), oleMagic...), make([]byte, 504)...), ErrDamaged, "compound file"},
		{"legacy.xlsx", compoundFile(t, "Workbook"), ErrNotSpreadsheet, "Excel 97–2003 workbook (.xls)"},
		{"letter.doc", compoundFile(t, "WordDocument"), ErrNotSpreadsheet, "Word 97–2003"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(xlsxtest.WriteFile(t, tt.name, tt.content), OpenOptions{})
			e := wantCause(t, err, tt.cause)
			if !strings.Contains(e.Error(), tt.says) {
				t.Errorf("error %q does not say %q", e, tt.says)
			}
			if e.File == "" || e.Hint.EN == "" {
				t.Errorf("error %q lacks file or hint", e)
			}
		})
	}
	_, err := Open(t.TempDir(), OpenOptions{})
	wantCause(t, err, ErrNotSpreadsheet)
	_, err = Open(filepath.Join(t.TempDir(), "missing.xlsx"), OpenOptions{})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open(missing) = %v, want not exist", err)
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// compoundFile makes an Office compound (OLE) file whose first stream has
// the given name: an encrypted workbook as excelize writes it, with its
// EncryptionInfo stream renamed.
func compoundFile(t *testing.T, stream string) []byte {
	t.Helper()
	raw, err := excelize.Encrypt([]byte("not a real package"), &excelize.Options{Password: "x"})
	if err != nil {
		t.Fatal(err)
	}
	old := utf16le("EncryptionInfo")
	i := bytes.Index(raw, old)
	if i < 0 || len(stream) > 31 {
		t.Fatal("no EncryptionInfo entry to rename")
	}
	name := make([]byte, 64)
	copy(name, utf16le(stream))
	copy(raw[i:i+64], name)
	raw[i+64], raw[i+65] = byte(2*len(stream)+2), 0
	return raw
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), 0)
	}
	return b
}

func TestOpenTruncated(t *testing.T) {
	full, err := os.ReadFile(xlsxtest.Write(t, "whole.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Row(1, "a", "b")}))
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []int{len(full) / 2, len(full) - 30, 100} {
		_, err := Open(xlsxtest.WriteFile(t, "cut.xlsx", full[:keep]), OpenOptions{})
		e := wantCause(t, err, ErrDamaged)
		if !strings.Contains(e.Msg.EN, "damaged or incomplete") {
			t.Errorf("cut at %d of %d: %q does not say damaged or incomplete", keep, len(full), e.Msg.EN)
		}
	}
}

func TestOpenTooLarge(t *testing.T) {
	path := xlsxtest.Write(t, "big.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Row(1, strings.Repeat("x", 5000))})
	_, err := Open(path, OpenOptions{MaxUnpacked: 4000})
	wantCause(t, err, ErrTooLarge)
}

func TestOpenTextExtensions(t *testing.T) {
	for _, name := range []string{"a.csv", "a.CSV", "a.txt", "a.tsv"} {
		f, err := Open(xlsxtest.WriteFile(t, name, []byte("x,y\n1,2\n")), OpenOptions{})
		if err != nil {
			t.Errorf("Open(%s): %v", name, err)
			continue
		}
		if got := f.Sheets(); len(got) != 1 || got[0] != "" {
			t.Errorf("Open(%s).Sheets() = %q, want one unnamed sheet", name, got)
		}
		f.Close()
	}
}

// TestSharedData opens every data file the project has beside it: the ones
// that should open do, with all their sheets, and the others fail with the
// right cause.
func TestSharedData(t *testing.T) {
	data := xlsxtest.SharedData(t)
	files, err := filepath.Glob(filepath.Join(data, "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	fails := map[string]error{
		"encryptAES.xlsx":     ErrEncrypted,
		"encryptSHA512.xlsx":  ErrEncrypted,
		"pass_protected.xlsx": ErrEncrypted,
		"issue252.xlsx":       ErrDamaged, // a part fails its CRC check
	}
	emptySheets := map[string]bool{
		"empty_sheet.xlsx/Sheet1": true,
		"errors.xlsx/Feuil2":      true, "errors.xlsx/Feuil3": true,
	}
	for i := 1; i <= 8; i++ {
		emptySheets["issue127.xlsx/Sheet"+string(rune('0'+i))] = true
	}
	opened := 0
	for _, path := range files {
		base := filepath.Base(path)
		f, err := Open(path, OpenOptions{})
		if cause, ok := fails[base]; ok {
			wantCause(t, err, cause)
			continue
		}
		if err != nil {
			t.Errorf("Open(%s): %v", base, err)
			continue
		}
		opened++
		for _, s := range f.Sheets() {
			tb, err := f.Table(s)
			if emptySheets[base+"/"+s] {
				wantCause(t, err, ErrEmpty)
				continue
			}
			if err != nil {
				t.Errorf("%s: Table(%q): %v", base, s, err)
				continue
			}
			for tb.Next() {
				if len(tb.Row()) != len(tb.Header()) {
					t.Fatalf("%s!%s: row %d has %d values for %d columns", base, s, tb.Line(), len(tb.Row()), len(tb.Header()))
				}
			}
			if err := tb.Err(); err != nil {
				t.Errorf("%s!%s: %v", base, s, err)
			}
			if err := tb.Close(); err != nil {
				t.Errorf("%s!%s: Close: %v", base, s, err)
			}
		}
		if err := f.Close(); err != nil {
			t.Errorf("%s: Close: %v", base, err)
		}
	}
	if opened < 20 {
		t.Errorf("opened %d files, want at least 20", opened)
	}
	for _, name := range []string{"encryptAES.xlsx", "encryptSHA512.xlsx"} {
		f, err := Open(filepath.Join(data, "xlsx-edge", name), OpenOptions{Password: "password"})
		if err != nil {
			t.Errorf("Open(%s, password): %v", name, err)
			continue
		}
		f.Close()
	}
	_, err = Open(filepath.Join(data, "xlsx-edge", "pass_protected.xlsx"), OpenOptions{Password: "password"})
	wantCause(t, err, ErrWrongPassword)
}

func TestOpenXLSM(t *testing.T) {
	_, tb := openTable(t, xlsxtest.Write(t, "macro.xlsm", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(xlsxtest.Row(1, "a"), xlsxtest.Row(2, 1))}))
	rows, _ := readAll(t, tb)
	if len(rows) != 1 || rows[0][0] != "1" {
		t.Errorf("rows = %q", rows)
	}
}
