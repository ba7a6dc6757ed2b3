package project

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/workbook"
)

// TestReadSurveyRosterMatchesR reads the roster of assess/testdata/clients.R
// (roster.csv: one row per member of the 57 households of districts.csv,
// member_needs a select_multiple of codes) as a Kobo export — the main
// sheet joined by _parent_index → _index — and wants, per household, the
// members who need day care and the psych service that R summed
// (clients.csv: m_roster, m_person; "R 4.2.2, survey 4.1-1").
func TestReadSurveyRosterMatchesR(t *testing.T) {
	dist := readCSV(t, filepath.Join("..", "assess", "testdata", "districts.csv"))
	roster := readCSV(t, filepath.Join("..", "assess", "testdata", "roster.csv"))
	want := readCSV(t, filepath.Join("..", "assess", "testdata", "clients.csv"))

	var mainRows, rosterRows [][]any
	for _, r := range dist[1:] { // hh, stratum, cluster, w, N_h, idp, lowinc, children, persons, y1, y2, hours
		mainRows = append(mainRows, []any{num(t, r[0]), r[9], r[10]})
	}
	for i, r := range roster[1:] { // member, hh, member_age, member_needs
		rosterRows = append(rosterRows, []any{float64(i + 1), num(t, r[1]), num(t, r[2]), r[3]})
	}
	path := filepath.Join(t.TempDir(), "export.xlsx")
	b := workbook.NewBook()
	b.AddSheet(workbook.Sheet{Name: "main", Columns: cols("_index", "y1", "y2"), Rows: mainRows})
	b.AddSheet(workbook.Sheet{Name: "roster", Columns: cols("_index", "_parent_index", "member_age", "member_needs"), Rows: rosterRows})
	if err := b.Save(path); err != nil {
		t.Fatal(err)
	}
	s, ps := ReadSurvey(SurveyMap{File: path, Sheet: "main", Needs: []NeedColumn{
		{Service: "day_care", Column: "y1", Unit: hromada.Child, ClientsRepeat: "roster", ClientsColumn: "member_needs", ClientsOption: "day_care"},
		{Service: "psych", Column: "y2", Unit: hromada.Person, ClientsRepeat: "roster", ClientsColumn: "member_needs", ClientsOption: "psych"},
	}})
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	for k, col := range []int{1, 4} { // m_roster, m_person
		w := make([]float64, len(want)-1)
		for i, r := range want[1:] {
			w[i] = num(t, r[col]).(float64)
		}
		sameFloats(t, want[0][col], s.Needs[k].Clients, w)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// num reads a number of the R files; NA is nil, an empty cell.
func num(t *testing.T, s string) any {
	t.Helper()
	if s == "NA" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
