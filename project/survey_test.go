package project

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/workbook"
)

// writeCSV writes a Kobo-style CSV export (semicolons) into a temp folder.
func writeCSV(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "survey.csv")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const koboCSV = `hromada;stratum;village;w;household/idp;needs;needs/counselling;needs/day_care;needs/none;status
A;urban;v1;10;yes;counselling;1;0;0;idp
A;urban;v1;10;no;counselling day_care;1;1;0;host
A;urban;v2;12;pnta;none;0;0;1;host
A;rural;v3;8;no;;;;;returnee
A;rural;v4;8;yes;dnk;0;0;0;idp
B;rural;v5;20;yes;day_care;0;1;0;idp
`

func nan() float64 { return math.NaN() }

func sameFloats(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", name, len(got), len(want))
	}
	for i := range got {
		if !(got[i] == want[i] || math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			t.Errorf("%s[%d] = %v, want %v (all: %v)", name, i, got[i], want[i], got)
		}
	}
}

func TestReadSurveyOptionColumns(t *testing.T) {
	path := writeCSV(t, koboCSV)
	s, ps := ReadSurvey(SurveyMap{
		File: path, Weight: "w", Stratum: "stratum", Cluster: "village",
		Community: "hromada", CommunityValue: "A",
		Groups: []GroupColumn{{ID: "idp", Column: "idp"}},
		Needs:  []NeedColumn{{Service: "002.0", Column: "needs", Option: "counselling"}, {Column: "needs", Option: "day_care"}},
	})
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	if s.Rows != 5 || s.Skipped != 1 {
		t.Errorf("rows %d skipped %d, want 5 and 1 (community B left out)", s.Rows, s.Skipped)
	}
	// Row 4 was not asked (blank), row 5 answered "don't know": both NaN.
	sameFloats(t, "counselling", s.Needs[0].Y, []float64{1, 1, 0, nan(), nan()})
	sameFloats(t, "day_care", s.Needs[1].Y, []float64{0, 1, 0, nan(), nan()})
	if s.Needs[0].Service != "002.0" || s.Needs[1].Service != "day_care" {
		t.Errorf("services %q %q", s.Needs[0].Service, s.Needs[1].Service)
	}
	// "pnta" is not a member; group path household/idp found by its name.
	if want := []bool{true, false, false, false, true}; !reflect.DeepEqual(s.Groups[0].Member, want) {
		t.Errorf("idp = %v, want %v", s.Groups[0].Member, want)
	}
	if s.Strata != 2 || s.PSUs != 4 {
		t.Errorf("strata %d PSUs %d, want 2 and 4", s.Strata, s.PSUs)
	}
	q := s.Quality[1] // counselling
	if q.Answered != 3 || q.Missing != 1 || q.NotAsked != 1 {
		t.Errorf("counselling answers %+v, want 3 answered, 1 missing, 1 not asked", q)
	}
}

func TestReadSurveyDiscoveredOptions(t *testing.T) {
	// Only the codes column: the options are found while reading, and "none"
	// is an answer, not a service.
	path := writeCSV(t, "needs;status;ok\ncounselling;idp;yes\nday_care counselling;host;no\nnone;host;так\n;returnee;\npnta;idp;ні\n")
	s, ps := ReadSurvey(SurveyMap{
		File:   path,
		Groups: []GroupColumn{{ID: "status", Column: "status", ByValue: true}},
		Needs:  []NeedColumn{{Column: "needs", AllOptions: true}, {Column: "ok", AllOptions: true}},
	})
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	var names []string
	for _, n := range s.Needs {
		names = append(names, n.Service)
	}
	if want := []string{"counselling", "day_care", "ok"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("needs %v, want %v", names, want)
	}
	sameFloats(t, "counselling", s.Needs[0].Y, []float64{1, 1, 0, nan(), nan()})
	sameFloats(t, "day_care", s.Needs[1].Y, []float64{0, 1, 0, nan(), nan()})
	// A column of yes/no answers is one yes/no need.
	sameFloats(t, "ok", s.Needs[2].Y, []float64{1, 0, 1, nan(), 0})
	var groups []string
	for _, g := range s.Groups {
		groups = append(groups, g.Group+"|"+g.Var+"|"+g.Value)
	}
	if want := []string{"status=idp|status|idp", "status=host|status|host", "status=returnee|status|returnee"}; !reflect.DeepEqual(groups, want) {
		t.Errorf("groups %v, want %v", groups, want)
	}
	if want := []bool{false, true, true, false, false}; !reflect.DeepEqual(s.Groups[1].Member, want) {
		t.Errorf("status=host = %v, want %v", s.Groups[1].Member, want)
	}
}

func TestReadSurveyProblems(t *testing.T) {
	path := writeCSV(t, "w;needs;idp\n1,5 kg;yes;yes\n-2;no;maybe\n3;perhaps;no\n")
	_, ps := ReadSurvey(SurveyMap{File: path, Weight: "w", Needs: []NeedColumn{{Column: "needs"}},
		Groups: []GroupColumn{{ID: "idp", Column: "idp"}}, Stratum: "region"})
	xlsxtest.BilingualProblems(t, ps)
	// The missing stratum column stops the reading before the rows.
	if len(ps) != 1 || ps[0].Severity != hromada.Error {
		t.Fatalf("problems %v", ps)
	}
	_, ps = ReadSurvey(SurveyMap{File: path, Weight: "w", Needs: []NeedColumn{{Column: "needs"}},
		Groups: []GroupColumn{{ID: "idp", Column: "idp"}}})
	xlsxtest.BilingualProblems(t, ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.Cell)
	}
	if want := []string{"A2", "A3", "C3", "B4"}; !reflect.DeepEqual(got, want) {
		t.Errorf("problem cells %v, want %v\n%v", got, want, ps)
	}
}

func TestReadSurveyRepeatGroup(t *testing.T) {
	// A main sheet of 4 households and a roster of members: a household is
	// in the group when any member "cannot_do" or has "a lot of" difficulty.
	path := filepath.Join(t.TempDir(), "export.xlsx")
	b := workbook.NewBook()
	b.AddSheet(workbook.Sheet{Name: "main", Columns: cols("_index", "needs"), Rows: [][]any{
		{1.0, "counselling"}, {2.0, "none"}, {3.0, "counselling"}, {4.0, "none"}}})
	b.AddSheet(workbook.Sheet{Name: "roster", Columns: cols("_parent_index", "_index", "wgq_vision"), Rows: [][]any{
		{1.0, 1.0, "no_difficulty"}, {1.0, 2.0, "cannot_do"}, {2.0, 3.0, "some_difficulty"},
		{3.0, 4.0, "lot_of_difficulty"}, {9.0, 5.0, "cannot_do"}}})
	if err := b.Save(path); err != nil {
		t.Fatal(err)
	}
	s, ps := ReadSurvey(SurveyMap{File: path, Sheet: "main",
		Groups: []GroupColumn{{ID: "vision", Column: "wgq_vision", Values: []string{"cannot_do", "lot_of_difficulty"}, Repeat: "roster"}},
		Needs:  []NeedColumn{{Column: "needs", Option: "counselling"}}})
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	if want := []bool{true, false, true, false}; !reflect.DeepEqual(s.Groups[0].Member, want) {
		t.Errorf("vision = %v, want %v", s.Groups[0].Member, want)
	}
	// The roster row of household 9, which the main sheet lacks, is a warning.
	if len(ps) != 1 || ps[0].Severity != hromada.Warning || ps[0].Sheet != "roster" {
		t.Errorf("problems = %v, want one warning about the roster row without a household", ps)
	}
	if q := s.Quality[0]; q.Answered != 3 || q.NotAsked != 1 {
		t.Errorf("roster answers %+v, want 3 households with members, 1 without", q)
	}
}

func cols(names ...string) []workbook.Col {
	out := make([]workbook.Col, len(names))
	for i, n := range names {
		out[i] = workbook.Col{Header: n}
	}
	return out
}

// TestReadSurveyREACH reads the REACH MSNA dummy export: the roster joins
// by _parent_index to the main sheet's index. Expected: 241 households;
// 197 have a member who cannot see or has a lot of difficulty seeing, 120
// one who cannot see — counted by a separate reading of the sheet XML with
// Python's zipfile and xml.etree.
func TestReadSurveyREACH(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "kobo", "dummy_raw_data.xlsx")
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared is absent")
	}
	s, ps := ReadSurvey(SurveyMap{File: path, Sheet: "main", Weight: "weight", Stratum: "stratum", Cluster: "cluster_id",
		Groups: []GroupColumn{
			{ID: "vision", Column: "wgq_vision", Values: []string{"cannot_do", "lot_of_difficulty"}, Repeat: "roster"},
			{ID: "blind", Column: "wgq_vision", Values: []string{"cannot_do"}, Repeat: "roster"},
		},
		Needs: []NeedColumn{{Column: "aap_priority_challenge", AllOptions: true}}})
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	count := func(m []bool) (n int) {
		for _, x := range m {
			if x {
				n++
			}
		}
		return n
	}
	if v, b := count(s.Groups[0].Member), count(s.Groups[1].Member); s.Rows != 241 || v != 197 || b != 120 {
		t.Errorf("rows %d, vision members %d, blind %d; want 241, 197 and 120", s.Rows, v, b)
	}
	// 21 option columns less none, other, dnk and pnta, which are answers.
	if len(s.Needs) != 17 {
		t.Errorf("%d needs from aap_priority_challenge, want 17", len(s.Needs))
	}
}

// TestNotService checks which select_multiple options are answers rather
// than services: none, other, and every don't-know code kobo.IsMissing
// names (METHODS §1.6), in any case.
func TestNotService(t *testing.T) {
	for _, tc := range []struct {
		option string
		want   bool
	}{
		{"none", true}, {"Other", true}, {"dnk", true}, {"DK", true}, {"pnta", true},
		{"prefer_not_to_answer", true}, {"dont_know", true}, {"refused", true},
		{"counselling", false}, {"day_care", false}, {"no", false},
	} {
		if got := notService(tc.option); got != tc.want {
			t.Errorf("notService(%q) = %v, want %v", tc.option, got, tc.want)
		}
	}
}

// TestReadSurveyMissingNeedColumnOnce: three services read from one
// select_multiple question "needs" that the export lacks, and a missing
// group column: each missing column is one problem (2 in all), not one per
// service that reads it.
func TestReadSurveyMissingNeedColumnOnce(t *testing.T) {
	path := writeCSV(t, "w;other\n1;x\n")
	_, ps := ReadSurvey(SurveyMap{File: path, Weight: "w",
		Needs:  []NeedColumn{{Column: "needs", Option: "a"}, {Column: "needs", Option: "b"}, {Column: "needs", Option: "c"}},
		Groups: []GroupColumn{{ID: "idp", Column: "idp"}}})
	xlsxtest.BilingualProblems(t, ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.Msg.EN)
	}
	want := []string{`group idp column: no column "idp"`, `need needs column: no column "needs"`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
}
