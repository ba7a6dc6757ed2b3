package project

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/workbook"
)

// TestReadSurveyClientsRoster: the clients of a child service are the
// household's members whose member-level select_multiple has the service's
// option, joined by _submission__uuid → _uuid; a person service reads a
// yes/no member column of the same roster.
func TestReadSurveyClientsRoster(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.xlsx")
	b := workbook.NewBook()
	b.AddSheet(workbook.Sheet{Name: "main", Columns: cols("_uuid", "children", "needs"), Rows: [][]any{
		{"u1", 2.0, "day_care"}, {"u2", 1.0, "none"}, {"u3", 3.0, "day_care care"}, {"u4", 0.0, "day_care"}, {"u5", 1.0, ""}}})
	b.AddSheet(workbook.Sheet{Name: "roster", Columns: cols("_submission__uuid", "member_age", "member_needs", "member_care"), Rows: [][]any{
		// u1: both children need day care, the adult needs care.
		{"u1", 4.0, "day_care", "no"}, {"u1", 9.0, "day_care", "no"}, {"u1", 40.0, "none", "yes"},
		// u2: nobody.
		{"u2", 7.0, "none", "no"},
		// u3: one of three children; two members need care.
		{"u3", 2.0, "day_care", "yes"}, {"u3", 5.0, "none", "yes"}, {"u3", 8.0, "none", "no"},
		// u4: no roster rows; u5: not asked, no roster rows.
	}})
	if err := b.Save(path); err != nil {
		t.Fatal(err)
	}
	s, ps := ReadSurvey(SurveyMap{File: path, Sheet: "main", Children: "children",
		Needs: []NeedColumn{
			{Service: "day_care", Column: "needs", Option: "day_care", Unit: hromada.Child, ClientsRepeat: "roster", ClientsColumn: "member_needs"},
			{Service: "care", Column: "needs", Option: "care", Unit: hromada.Person, ClientsRepeat: "roster", ClientsColumn: "member_care"},
		}})
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	// day_care: u1 2, u2 0, u3 1; u4 needs it but has no roster rows
	// (unknown); u5 was not asked (unknown).
	sameFloats(t, "day_care clients", s.Needs[0].Clients, []float64{2, 0, 1, nan(), nan()})
	// care: u1 1 (y = 0 in the household question, the roster says 1),
	// u2 0, u3 2 (y = 1); u4 does not need it and has no rows: 0.
	sameFloats(t, "care clients", s.Needs[1].Clients, []float64{1, 0, 2, 0, nan()})
	if s.Needs[0].ClientsFrom != assess.ClientsRoster || s.Needs[1].ClientsFrom != assess.ClientsRoster {
		t.Errorf("clients from %q %q, want roster", s.Needs[0].ClientsFrom, s.Needs[1].ClientsFrom)
	}
}

// TestReadSurveyClientsCount: a household count question, capped at the
// household's children with a warning naming the cell.
func TestReadSurveyClientsCount(t *testing.T) {
	path := writeCSV(t, `w;children;needs;needs/day_care;n_day_care
10;2;day_care;1;1
10;1;day_care;1;3
10;3;none;0;
10;2;day_care;1;
`)
	s, ps := ReadSurvey(SurveyMap{File: path, Weight: "w", Children: "children",
		Needs: []NeedColumn{{Service: "day_care", Column: "needs", Option: "day_care", Unit: hromada.Child, ClientsColumn: "n_day_care"}}})
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	// Row 3 (line 3) says 3 children for a household of 1: counted as 1.
	// Row 4 does not need it: 0. Row 5 needs it, no answer: unknown.
	sameFloats(t, "clients", s.Needs[0].Clients, []float64{1, 1, 0, nan()})
	if s.Needs[0].ClientsFrom != assess.ClientsCount {
		t.Errorf("clients from %q, want count", s.Needs[0].ClientsFrom)
	}
	if len(ps) != 1 || ps[0].Severity != hromada.Warning || ps[0].Cell != "E3" ||
		!strings.Contains(ps[0].Msg.EN, "3 children need day_care, but the household has 1; counted as 1") {
		t.Errorf("problems %v, want one warning at E3 about 3 children in a household of 1", ps)
	}
}

// TestReadSurveyClientsProblems: a missing roster sheet, a missing member
// column and a missing option are errors with file, sheet and cell.
func TestReadSurveyClientsProblems(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.xlsx")
	b := workbook.NewBook()
	b.AddSheet(workbook.Sheet{Name: "main", Columns: cols("_index", "needs"), Rows: [][]any{{1.0, "day_care"}}})
	b.AddSheet(workbook.Sheet{Name: "roster", Columns: cols("_parent_index", "member_needs/day_care", "member_needs/care"), Rows: [][]any{{1.0, 1.0, 0.0}}})
	if err := b.Save(path); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		nc         NeedColumn
		sheet, msg string
	}{
		{"no sheet", NeedColumn{ClientsRepeat: "members", ClientsColumn: "member_needs"}, "", "members"},
		{"no column", NeedColumn{ClientsRepeat: "roster", ClientsColumn: "member_help"}, "roster", "member_help"},
		{"no option", NeedColumn{ClientsRepeat: "roster", ClientsColumn: "member_needs", ClientsOption: "respite"}, "roster", `no column for option "respite"`},
	} {
		nc := c.nc
		nc.Service, nc.Column, nc.Option, nc.Unit = "day_care", "needs", "day_care", hromada.Child
		_, ps := ReadSurvey(SurveyMap{File: path, Sheet: "main", Needs: []NeedColumn{nc}})
		xlsxtest.BilingualProblems(t, ps)
		if ps.Errors() != 1 || ps[0].File != path || ps[0].Sheet != c.sheet && c.sheet != "" || !strings.Contains(ps[0].Error(), c.msg) {
			t.Errorf("%s: problems %v, want one error in %s sheet %q naming %q", c.name, ps, path, c.sheet, c.msg)
		}
		if c.sheet != "" && ps[0].Cell == "" {
			t.Errorf("%s: problem %v has no cell", c.name, ps[0])
		}
	}
	// The member-level option columns read as the select_multiple.
	s, ps := ReadSurvey(SurveyMap{File: path, Sheet: "main", Needs: []NeedColumn{{Service: "day_care", Column: "needs", Option: "day_care",
		Unit: hromada.Child, ClientsRepeat: "roster", ClientsColumn: "member_needs"}}})
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	sameFloats(t, "clients", s.Needs[0].Clients, []float64{1})
}
