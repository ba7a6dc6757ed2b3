package project

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/hromada-tool/hromada"
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

const kobo = `hromada;stratum;village;w;household/idp;needs;needs/counselling;needs/day_care;needs/none;status
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
	path := writeCSV(t, kobo)
	s, ps := ReadSurvey(SurveyMap{
		File: path, Weight: "w", Stratum: "stratum", Cluster: "village",
		Community: "hromada", CommunityValue: "A",
		Groups: []GroupColumn{{ID: "idp", Column: "idp"}},
		Needs:  []NeedColumn{{Service: "002.0", Column: "needs", Option: "counselling"}, {Column: "needs", Option: "day_care"}},
	})
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
	// The missing stratum column stops the reading before the rows.
	if len(ps) != 1 || ps[0].Severity != hromada.Error {
		t.Fatalf("problems %v", ps)
	}
	_, ps = ReadSurvey(SurveyMap{File: path, Weight: "w", Needs: []NeedColumn{{Column: "needs"}},
		Groups: []GroupColumn{{ID: "idp", Column: "idp"}}})
	var got []string
	for _, p := range ps {
		got = append(got, p.Cell)
	}
	if want := []string{"A2", "A3", "C3", "B4"}; !reflect.DeepEqual(got, want) {
		t.Errorf("problem cells %v, want %v\n%v", got, want, ps)
	}
}
