package xlsx

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

func TestCSVKoboSemicolon(t *testing.T) {
	_, tb := openTable(t, filepath.Join("testdata", "kobo_semicolon.csv"))
	if got := tb.Header(); len(got) != 10 || got[0] != "start" || got[9] != "_index" {
		t.Fatalf("Header() = %q, want 10 columns split at ;", got)
	}
	rows, lines := readAll(t, tb)
	if len(rows) != 3 || !reflect.DeepEqual(lines, []int{2, 3, 4}) {
		t.Fatalf("%d rows on lines %v, want 3 on [2 3 4]", len(rows), lines)
	}
	if rows[1][3] != "ні" || rows[2][4] != "" {
		t.Errorf("rows = %q", rows)
	}
}

func TestCSVBOMAndQuotes(t *testing.T) {
	_, tb := openTable(t, filepath.Join("testdata", "excel_bom.csv"))
	if got, want := tb.Header(), []string{"громада", "населення", "частка міського"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Header() = %q, want %q (no BOM)", got, want)
	}
	var pops, shares []float64
	for tb.Next() {
		p, _, err := tb.Number(1)
		if err != nil {
			t.Error(err)
		}
		s, _, err := tb.Number(2)
		if err != nil {
			t.Error(err)
		}
		pops, shares = append(pops, p), append(shares, s)
	}
	if !reflect.DeepEqual(pops, []float64{1234, 22345}) || !reflect.DeepEqual(shares, []float64{0.5, 0.25}) {
		t.Errorf("numbers %v %v, want [1234 22345] [0.5 0.25]", pops, shares)
	}
}

func TestCSVQuotedNewlines(t *testing.T) {
	_, tb := openTable(t, filepath.Join("testdata", "quoted_newlines.csv"))
	var got []string
	var refs []string
	for tb.Next() {
		got = append(got, tb.Row()[1])
		refs = append(refs, tb.Ref(2))
	}
	if err := tb.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{"first line\nsecond line", `she said "так"`, "a; b"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("comments %q, want %q", got, want)
	}
	// Record 2 starts on line 4 but is row 3 in a spreadsheet program.
	if wantRefs := []string{"C2", "C3 (line 4)", "C4 (line 5)"}; !reflect.DeepEqual(refs, wantRefs) {
		t.Errorf("Ref(2) = %q, want %q", refs, wantRefs)
	}
	ps := tb.Problems()
	if len(ps) != 1 || ps[0].Cell != "D3 (line 4)" || ps[0].Sheet != "" {
		t.Errorf("Problems() = %v, want one warning at D3 (line 4) about the unquoted 12,5", ps)
	}
}

func TestCSVDelimiters(t *testing.T) {
	tests := []struct {
		name, content string
		want          []string
	}{
		{"comma.csv", "a,b,c\n1,2,3\n", []string{"a", "b", "c"}},
		{"semicolon.csv", "a;b;c\r\n1;2,5;3\r\n", []string{"a", "b", "c"}},
		{"tab.txt", "a\tb\tc\n1\t2\t3\n", []string{"a", "b", "c"}},
		{"quoted.csv", "\"a;x\",\"b;y\",c\n1,2,3\n", []string{"a;x", "b;y", "c"}},
		{"one.csv", "only\n1\n", []string{"only"}},
		{"blank-first.csv", "\n\nx;y\n1;2\n", []string{"x", "y"}},
		{"sheet.tsv", "a b\tc,d\n1\t2\n", []string{"a b", "c,d"}},
	}
	for _, tt := range tests {
		_, tb := openTable(t, xlsxtest.WriteFile(t, tt.name, []byte(tt.content)))
		if got := tb.Header(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Header() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCSVUTF16(t *testing.T) {
	// Excel's "Unicode text": UTF-16 little-endian with a BOM, tab-separated.
	text := "громада\tсімей\r\nКиївська\t12\r\n"
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(text)) {
		b = append(b, byte(u), byte(u>>8))
	}
	_, tb := openTable(t, xlsxtest.WriteFile(t, "unicode.txt", b))
	rows, _ := readAll(t, tb)
	if !reflect.DeepEqual(tb.Header(), []string{"громада", "сімей"}) || !reflect.DeepEqual(rows, [][]string{{"Київська", "12"}}) {
		t.Errorf("header %q rows %q", tb.Header(), rows)
	}
}

func TestCSVWindows1251(t *testing.T) {
	// "громада;сімей" in Windows-1251, as Excel saves "CSV" on a Ukrainian Windows.
	cp1251 := []byte{0xE3, 0xF0, 0xEE, 0xEC, 0xE0, 0xE4, 0xE0, ';', 0xF1, 0xB3, 0xEC, 0xE5, 0xE9, '\n', '1', ';', '2', '\n'}
	_, err := Open(xlsxtest.WriteFile(t, "registry.csv", append([]byte("x;y\n"), cp1251...)), OpenOptions{})
	ie := wantCause(t, err, ErrEncoding)
	for _, want := range []string{"not UTF-8", "line 2", "Windows-1251", "CSV UTF-8"} {
		if !strings.Contains(ie.Error(), want) {
			t.Errorf("error %q does not say %q", ie, want)
		}
	}
}

func TestCSVMalformed(t *testing.T) {
	_, tb := openTable(t, xlsxtest.WriteFile(t, "bad.csv", []byte("a,b\n1,2\n3,say \"yes\"\n5,6\n")))
	n := 0
	for tb.Next() {
		n++
	}
	ie := wantCause(t, tb.Err(), ErrCSV)
	if n != 1 || ie.Cell != "line 3, column 7" || !strings.Contains(ie.Hint.EN, `""`) {
		t.Errorf("after %d rows: %v; want the error at line 3, column 7 with a hint on quotes", n, ie)
	}
}

func TestCSVEmpty(t *testing.T) {
	f, err := Open(xlsxtest.WriteFile(t, "empty.csv", nil), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = f.Table("")
	wantCause(t, err, ErrEmpty)
	_, err = f.Table("Sheet1")
	wantCause(t, err, ErrNoSheet)
}

func TestCSVSharedData(t *testing.T) {
	path := filepath.Join(xlsxtest.SharedData(t), "population", "ua-pop-2022.csv")
	_, tb := openTable(t, path)
	col := slices.Index(tb.Header(), "total_population_2022")
	if col < 0 {
		t.Fatalf("no column total_population_2022 in %q", tb.Header())
	}
	n, sum := 0, 0.0
	for tb.Next() {
		v, ok, err := tb.Number(col)
		if err != nil || !ok {
			t.Fatalf("line %d: %v", tb.Line(), err)
		}
		n, sum = n+1, sum+v
	}
	// 1470 hromadas, 41 167 335 people: awk -F, 'NR>1{s+=$3} END{print NR-1, s}'.
	if n != 1470 || sum != 41167335 {
		t.Errorf("%d hromadas, %g people", n, sum)
	}
}
