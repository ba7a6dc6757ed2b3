package workbook

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestFingerprintMissing: a workbook hromada did not write (no property)
// is NoFingerprint.
func TestFingerprintMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "table.xlsx")
	i := 0
	err := WriteStream(path, "Дані", []string{"a"}, func(row []any) bool {
		i++
		row[0] = i
		return i <= 2
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Check(path); err != nil || got != NoFingerprint {
		t.Errorf("Check = %d, %v; want NoFingerprint", got, err)
	}
}

// TestCanonicalValue: numbers compare to 12 significant digits; text as it is.
func TestCanonicalValue(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"1234.5", "1234.5"},
		{"1234.5000000000002", "1234.5"}, // a recalculated formula's last digits
		{"0.1", "0.1"},
		{"500", "500"},
		{"1234.51", "1234.51"},
		{"ні", "ні"},
	} {
		if got := canonicalValue(tt.in); got != tt.want {
			t.Errorf("canonicalValue(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestContentFormulas: a formula cell counts by being a formula — its
// text and cached result (which a spreadsheet recalculates and may respell
// on saving) do not count; a value typed over it does, and so does a
// cleared cell.
func TestContentFormulas(t *testing.T) {
	// build is a workbook of A1 = 2 and B1: the formula f with the cached
	// value cached (as Save writes it), or, when f is "", the value cached.
	build := func(t *testing.T, f string, cached any) string {
		t.Helper()
		x := excelize.NewFile()
		defer x.Close()
		if err := x.SetCellValue("Sheet1", "A1", 2); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case f != "":
			err = x.SetCellFormula("Sheet1", "B1", f)
		case cached != nil:
			err = x.SetCellValue("Sheet1", "B1", cached)
		}
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := x.Write(&buf); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		if f != "" {
			if data, err = withCachedValues(data, map[string]map[string]any{"Sheet1": {"B1": cached}}); err != nil {
				t.Fatal(err)
			}
		}
		sum, err := Content(data)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	// The cached results are those LibreOffice wrote for one cell of a
	// budget workbook it re-saved unchanged: 12117.5089025 and
	// 12117.5089024 to 12 significant digits.
	base := build(t, "A1*2", 12117.50890245)
	for _, tt := range []struct {
		name   string
		f      string
		cached any
		same   bool
	}{
		{"recalculated result", "A1*2", 12117.508902449999, true},
		{"respelled formula", "A1+A1", 12117.50890245, true},
		{"value typed over the formula", "", 12117.50890245, false},
		{"cell cleared", "", nil, false},
	} {
		if got := build(t, tt.f, tt.cached); (got == base) != tt.same {
			t.Errorf("%s: same content = %v, want %v", tt.name, got == base, tt.same)
		}
	}
}

// TestInlineText: the text of an inline string as Excel, LibreOffice and
// excelize write it — plain, with attributes, in runs, empty — unescaped.
func TestInlineText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<is><t>ні</t></is>`, "ні"},
		{`<is><t xml:space="preserve"> a &amp; b </t></is>`, " a & b "},
		{`<is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> text</t></r></is>`, "Bold text"},
		{`<is><t/></is>`, ""},
		{`<is><t></t></is>`, ""},
		{`<is></is>`, ""},
	} {
		if got := inlineText([]byte(tt.in)); got != tt.want {
			t.Errorf("inlineText(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestElemText: the first <v> of a cell, not a <vx> or the like.
func TestElemText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<v>12</v>`, "12"},
		{`<vm>1</vm><v>3.5</v>`, "3.5"},
		{`<v/>`, ""},
		{``, ""},
	} {
		if got := elemText([]byte(tt.in), "v"); got != tt.want {
			t.Errorf("elemText(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
