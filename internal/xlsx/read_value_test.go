package xlsx

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

func TestParseNumber(t *testing.T) {
	good := map[string]float64{
		"12": 12, " 12.5 ": 12.5, "12,5": 12.5, "-3": -3, "+4": 4, "−7,25": -7.25,
		"1 234,5": 1234.5, "1\u00a0234,5": 1234.5, "1\u202f234\u202f567.25": 1234567.25, "1 234": 1234,
		"1.2E-05": 1.2e-05, "0.30000000000000004": 0.30000000000000004, ".5": 0.5, ",5": 0.5, "1,234": 1.234,
	}
	for s, want := range good {
		if got, err := ParseNumber(s); err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	bad := map[string]string{
		"12,5 грн": "without units", "45%": "% sign", "1,234.5": "one decimal separator", "1.234,5": "one decimal separator",
		"NaN": "", "Inf": "", "0x10": "", "1_000": "", "12 34": "", "1 2345": "", ".": "", ",": "", "--1": "", "1e999": "", "так": "",
	}
	for s, hint := range bad {
		_, err := ParseNumber(s)
		if !errors.Is(err, ErrNotNumber) {
			t.Errorf("ParseNumber(%q) = %v, want ErrNotNumber", s, err)
			continue
		}
		if !strings.Contains(err.Error(), "is not a number") || !strings.Contains(err.Error(), hint) {
			t.Errorf("ParseNumber(%q) error %q, want it to say not a number and %q", s, err, hint)
		}
	}
	if _, err := ParseNumber(" "); !errors.Is(err, ErrBlank) {
		t.Errorf("ParseNumber(blank) = %v, want ErrBlank", err)
	}
	if _, err := ParseNumber("#DIV/0!"); !errors.Is(err, ErrErrorValue) {
		t.Errorf("ParseNumber(#DIV/0!) = %v, want ErrErrorValue", err)
	}
}

func TestParseYesNo(t *testing.T) {
	for _, s := range []string{"yes", "YES", " Так ", "1", "true", "TRUE"} {
		if v, err := ParseYesNo(s); err != nil || !v {
			t.Errorf("ParseYesNo(%q) = %v, %v; want true", s, v, err)
		}
	}
	for _, s := range []string{"no", "No", "ні", "НІ", "0", "false"} {
		if v, err := ParseYesNo(s); err != nil || v {
			t.Errorf("ParseYesNo(%q) = %v, %v; want false", s, v, err)
		}
	}
	for _, s := range []string{"так?", "dnk", "2", "y"} {
		if _, err := ParseYesNo(s); !errors.Is(err, ErrNotYesNo) {
			t.Errorf("ParseYesNo(%q) = %v, want ErrNotYesNo", s, err)
		}
	}
}

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	plus2 := time.FixedZone("", 2*3600)
	tests := []struct {
		in       string
		date1904 bool
		want     time.Time
	}{
		{"45503", false, utc(2024, 7, 30, 0, 0, 0)},
		{"45503.5", false, utc(2024, 7, 30, 12, 0, 0)},
		{"44197", false, utc(2021, 1, 1, 0, 0, 0)},  // date.xlsx A1
		{"42735", true, utc(2021, 1, 1, 0, 0, 0)},   // date_1904.xlsx A1
		{"1", false, utc(1900, 1, 1, 0, 0, 0)},      // day 1 of the 1900 system
		{"59", false, utc(1900, 2, 28, 0, 0, 0)},    // before Lotus's 29 February
		{"61", false, utc(1900, 3, 1, 0, 0, 0)},     // after it
		{"0", true, utc(1904, 1, 1, 0, 0, 0)},       // day 0 of the 1904 system
		{"0.25", false, utc(1899, 12, 31, 6, 0, 0)}, // a time alone
		{"2024-07-30", false, utc(2024, 7, 30, 0, 0, 0)},
		{"2024-07-30T15:50:17+0200", false, time.Date(2024, 7, 30, 15, 50, 17, 0, plus2)},
		{"2024-07-30T15:50:17.250+02:00", false, time.Date(2024, 7, 30, 15, 50, 17, 250e6, plus2)},
		{"2021-01-01T10:10:10", false, utc(2021, 1, 1, 10, 10, 10)}, // date_iso.xlsx A2
		{"2024-07-30 15:50:17", false, utc(2024, 7, 30, 15, 50, 17)},
		{"30.07.2024", false, utc(2024, 7, 30, 0, 0, 0)},
		{"1.7.2024", false, utc(2024, 7, 1, 0, 0, 0)},
		{"30.07.2024 15:50", false, utc(2024, 7, 30, 15, 50, 0)},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, tt.date1904)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q, 1904=%v) = %v, %v; want %v", tt.in, tt.date1904, got, err, tt.want)
		}
	}
	for _, s := range []string{"07/30/2024", "30.13.2024", "-1", "yesterday", "2024-7-30x", "3000000"} {
		if _, err := ParseDate(s, false); !errors.Is(err, ErrNotDate) {
			t.Errorf("ParseDate(%q) = %v, want ErrNotDate", s, err)
		}
	}
}

func TestTableDate1904(t *testing.T) {
	f, tb := openTable(t, filepath.Join("testdata", "date_1904.xlsx"))
	if !f.Date1904() {
		t.Fatal("Date1904() = false for a workbook with date1904=\"true\"")
	}
	// The header row holds the first date: 2021-01-01.
	if d, err := ParseDate(tb.Header()[0], f.Date1904()); err != nil || !d.Equal(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("header date %v, %v; want 2021-01-01", d, err)
	}
	var got []string
	for tb.Next() {
		d, ok, err := tb.Date(0)
		if err != nil || !ok {
			t.Fatalf("Date: %v", err)
		}
		got = append(got, d.Format("2006-01-02 15:04:05"))
	}
	// 10.6320601851852 days from 1904-01-01: 11 January 1904, 15:10:10.
	want := []string{"2021-01-02 00:00:00", "1904-01-11 15:10:10"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("dates %q, want %q", got, want)
	}
}

// TestTableMissingValues checks that blank, and what OpenOptions.Missing
// names, read as missing; without Missing "dnk" is a bad number.
func TestTableMissingValues(t *testing.T) {
	path := xlsxtest.Write(t, "m.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "n", "yn", "d"),
		xlsxtest.Row(2, "dnk", "pnta", "NA"),
		xlsxtest.Row(3, nil, nil, "x"), // blank
	)})
	_, tb := openTableWith(t, path, OpenOptions{Missing: func(s string) bool { return s == "dnk" || s == "pnta" }})
	for tb.Next() {
		if _, ok, err := tb.Number(0); ok || err != nil {
			t.Errorf("row %d: Number ok=%v err=%v, want missing", tb.Line(), ok, err)
		}
		if _, ok, err := tb.YesNo(1); ok || err != nil {
			t.Errorf("row %d: YesNo ok=%v err=%v, want missing", tb.Line(), ok, err)
		}
	}
	_, plain := openTable(t, path)
	if !plain.Next() {
		t.Fatal(plain.Err())
	}
	_, _, err := plain.Number(0)
	wantCause(t, err, ErrNotNumber)
}
