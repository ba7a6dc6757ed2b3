package xlsx

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

func TestTableHeaderAndRows(t *testing.T) {
	path := xlsxtest.Write(t, "survey.xlsx", xlsxtest.Sheet{Name: "Survey", Cells: xlsxtest.Cells(
		xlsxtest.Row(3, "hh_size", "idp", nil, "weight"), // header below two empty rows; C has no name
		xlsxtest.Row(4, "#affected", "#status", nil, "#weight"),
		xlsxtest.Row(5, 4, "yes", nil, 1.5),
		xlsxtest.Row(7, 2, "так?", nil, 2), // row 6 empty
	)})
	// A tag row is skipped when OpenOptions.SkipTagRow says so (kobo.IsHXL
	// does for HXL rows); this one takes a row whose first cell starts with #.
	_, tb := openTableWith(t, path, OpenOptions{SkipTagRow: func(r []string) bool { return strings.HasPrefix(r[0], "#") }})
	if got, want := tb.Header(), []string{"hh_size", "idp", "", "weight"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Header() = %q, want %q", got, want)
	}
	if tb.HeaderLine() != 3 {
		t.Errorf("HeaderLine() = %d, want 3", tb.HeaderLine())
	}
	rows, lines := readAll(t, tb)
	wantRows := [][]string{{"4", "yes", "", "1.5"}, {"2", "так?", "", "2"}}
	if !reflect.DeepEqual(rows, wantRows) || !reflect.DeepEqual(lines, []int{5, 7}) {
		t.Errorf("rows %q on lines %v, want %q on [5 7] (tag row 4 skipped)", rows, lines, wantRows)
	}
	_, plain := openTable(t, path)
	if rows, _ := readAll(t, plain); len(rows) != 3 || rows[0][0] != "#affected" {
		t.Errorf("without SkipTagRow rows = %q, want the tag row first", rows)
	}
	if len(tb.Problems()) != 0 {
		t.Errorf("Problems() = %v, want none", tb.Problems())
	}
}

// TestTableProblemMessage checks the message a person reads for a bad cell.
func TestTableProblemMessage(t *testing.T) {
	path := xlsxtest.Write(t, "survey.xlsx", xlsxtest.Sheet{Name: "Survey", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "a", "b", "c", "idp"),
		xlsxtest.Row(17, 1, 2, 3, "так?"),
	)})
	_, tb := openTable(t, path)
	if !tb.Next() {
		t.Fatal(tb.Err())
	}
	col := 3 // idp
	if got := tb.Ref(col); got != "D17" {
		t.Errorf("Ref(%d) = %q, want D17", col, got)
	}
	_, _, err := tb.YesNo(col)
	want := filepath.Join(filepath.Dir(path), "survey.xlsx") + `: Survey!D17: "так?" is not yes/no; allowed: yes, no, так, ні, 1, 0`
	if err == nil || err.Error() != want {
		t.Errorf("YesNo error = %v, want %s", err, want)
	}
	ie := wantCause(t, err, ErrNotYesNo)
	if ie.Sheet != "Survey" || ie.Cell != "D17" || ie.Severity != hromada.Error {
		t.Errorf("problem %+v, want Survey D17 error", ie.Problem)
	}
	p := tb.Problem(-1, hromada.T("рядок непарний", "row is odd"), hromada.Text{})
	if p.Cell != "row 17" {
		t.Errorf("Problem(-1).Cell = %q, want row 17", p.Cell)
	}
}

func TestTableDuplicateHeader(t *testing.T) {
	path := xlsxtest.Write(t, "dup.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "age", "idp", "age "),
		xlsxtest.Row(2, 30, "no", 31),
	)})
	_, tb := openTable(t, path)
	ps := tb.Problems()
	if len(ps) != 1 || !strings.Contains(ps[0].Msg.EN, "in A1 and C1") || ps[0].Severity != hromada.Warning {
		t.Fatalf("Problems() = %v, want one warning naming A1 and C1", ps)
	}
}

func TestTableEmptyRowsCutOff(t *testing.T) {
	// A stray value far below the data: the sheet claims a million rows.
	path := xlsxtest.Write(t, "far.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "a", "b"),
		xlsxtest.Row(2, 1, 2),
		xlsxtest.Row(3, 3, 4),
		map[string]any{"A1000000": "stray"},
	)})
	f, err := Open(path, OpenOptions{MaxEmptyRows: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := f.Table("main")
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	rows, _ := readAll(t, tb)
	if len(rows) != 2 {
		t.Errorf("read %d rows, want 2", len(rows))
	}
	ps := tb.Problems()
	if len(ps) != 1 || ps[0].Severity != hromada.Warning || !strings.Contains(ps[0].Msg.EN, "100 empty rows in a row (4 to 103)") {
		t.Errorf("Problems() = %v, want a warning about 100 empty rows from row 4", ps)
	}
}

// TestTableMillionEmptyRows reads a sheet with a million empty row elements
// (rows with formatting only), as some programs write.
func TestTableMillionEmptyRows(t *testing.T) {
	path := filepath.Join(xlsxtest.SharedData(t), "xlsx-edge", "issue_174.xlsx")
	_, tb := openTable(t, path)
	rows, _ := readAll(t, tb)
	if len(rows) != 1 || rows[0][1] != "Test Contact Name" {
		t.Errorf("rows = %q, want the one data row", rows)
	}
	if ps := tb.Problems(); len(ps) != 1 || !strings.Contains(ps[0].Msg.EN, "1000 empty rows") {
		t.Errorf("Problems() = %v, want the cut-off warning", ps)
	}
}

func TestTableUnnamedColumns(t *testing.T) {
	path := xlsxtest.Write(t, "wide.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, "a", nil, "c"),
		xlsxtest.Row(2, 1, 2, 3, 4),
		xlsxtest.Row(3, 5, 6, 7, 8),
	)})
	_, tb := openTable(t, path)
	rows, _ := readAll(t, tb)
	if want := [][]string{{"1", "2", "3"}, {"5", "6", "7"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("rows = %q, want %q", rows, want)
	}
	var cellsWarned []string
	for _, p := range tb.Problems() {
		cellsWarned = append(cellsWarned, p.Cell)
	}
	if want := []string{"B2", "D2"}; !reflect.DeepEqual(cellsWarned, want) {
		t.Errorf("warnings at %q, want once for each unnamed column: %q", cellsWarned, want)
	}
}

func TestTableErrorValues(t *testing.T) {
	_, tb := openTable(t, filepath.Join("testdata", "errors.xlsx"))
	// The first row, #DIV/0!, is taken as the header; the rest are values.
	if got := tb.Header(); !reflect.DeepEqual(got, []string{"#DIV/0!"}) {
		t.Fatalf("Header() = %q", got)
	}
	want := []string{"#NAME?", "#VALUE!", "#NULL!", "#REF!", "#NUM!", "#N/A"}
	var got []string
	for tb.Next() {
		got = append(got, tb.Row()[0])
		if _, ok, err := tb.Number(0); ok || err == nil {
			t.Errorf("Number(%s) = ok %v, err %v; want an error", tb.Row()[0], ok, err)
		} else {
			ie := wantCause(t, err, ErrErrorValue)
			if !strings.Contains(ie.Msg.EN, tb.Row()[0]) || ie.Cell != fmt.Sprintf("A%d", tb.Line()) {
				t.Errorf("error %q does not name the value and its cell", ie)
			}
		}
		if _, err := tb.Text(0); err == nil {
			t.Errorf("Text(%s): no error", tb.Row()[0])
		}
		if _, _, err := tb.YesNo(0); err == nil {
			t.Errorf("YesNo(%s): no error", tb.Row()[0])
		}
		if _, _, err := tb.Date(0); err == nil {
			t.Errorf("Date(%s): no error", tb.Row()[0])
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("values %q, want %q", got, want)
	}
}

func TestTableMergedCells(t *testing.T) {
	f, err := Open(filepath.Join("testdata", "merged_range.xlsx"), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := f.Table("Sheet2")
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	rows, lines := readAll(t, tb)
	// A1:A4 and C3:D4 are merged: their other cells read blank.
	want := [][]string{{"", "B3", "C3", "", "E3", ""}, {"", "B4", "", "", "E4", ""}}
	if !reflect.DeepEqual(rows, want) || !reflect.DeepEqual(lines, []int{3, 4}) {
		t.Errorf("rows %q on lines %v, want %q on [3 4]", rows, lines, want)
	}
	ps := tb.Problems()
	if len(ps) == 0 || !strings.Contains(ps[0].Msg.EN, "A1:A4") || !strings.Contains(ps[0].Msg.EN, "merged") {
		t.Errorf("Problems() = %v, want a warning naming the merged ranges", ps)
	}
}

func TestTableSheets(t *testing.T) {
	path := xlsxtest.Write(t, "two.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Row(1, "a")}, xlsxtest.Sheet{Name: "Roster", Cells: xlsxtest.Row(1, "b")})
	f, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.Sheets(); !reflect.DeepEqual(got, []string{"main", "Roster"}) {
		t.Errorf("Sheets() = %q", got)
	}
	tb, err := f.Table("roster") // case-insensitive, as in Excel
	if err != nil {
		t.Fatal(err)
	}
	if tb.Sheet() != "Roster" || tb.Header()[0] != "b" {
		t.Errorf("Table(roster) = sheet %q header %q", tb.Sheet(), tb.Header())
	}
	tb.Close()
	_, err = f.Table("households")
	ie := wantCause(t, err, ErrNoSheet)
	if !strings.Contains(ie.Hint.EN, `"main", "Roster"`) {
		t.Errorf("hint %q does not list the sheets", ie.Hint.EN)
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{0: "A", 3: "D", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
	}
}
