package project

import (
	"reflect"
	"testing"

	"github.com/hromada-tool/hromada/assess"
)

// TestReadSurveyDontKnowCodes: a codes column without option columns, with
// don't-know alone and beside real options. hromada's convention (one
// denominator per question): dnk alone is missing, dnk with food counts with
// food; with KeepMissing (--reach) dnk is an answer and an option. Where
// keeps the rows of one value. The expected columns are read off the rows.
func TestReadSurveyDontKnowCodes(t *testing.T) {
	path := writeCSV(t, "needs;consent\nfood dnk;yes\ndnk;yes\nfood shelter;yes\n;yes\nshelter;no\n")
	s, ps := ReadSurvey(SurveyMap{File: path, Needs: []NeedColumn{{Column: "needs", AllOptions: true}}})
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	if len(s.Needs) != 2 || s.Needs[0].Service != "food" || s.Needs[1].Service != "shelter" {
		t.Fatalf("needs %+v, want food, shelter", s.Needs)
	}
	sameFloats(t, "food", s.Needs[0].Y, []float64{1, nan(), 1, nan(), 0})
	sameFloats(t, "shelter", s.Needs[1].Y, []float64{0, nan(), 1, nan(), 1})
	if n := s.Needs[0]; n.Var != "needs" || n.Value != "food" || n.Type != assess.TypeSelectMultiple {
		t.Errorf("food: var %q value %q type %q; want needs, food, prop_select_multiple", n.Var, n.Value, n.Type)
	}

	s, ps = ReadSurvey(SurveyMap{File: path, KeepMissing: true, Where: []Where{{Column: "consent", Value: "yes"}},
		Needs: []NeedColumn{{Column: "needs", AllOptions: true}}})
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	var names []string
	for _, n := range s.Needs {
		names = append(names, n.Service)
	}
	if want := []string{"food", "dnk", "shelter"}; !reflect.DeepEqual(names, want) || s.Rows != 4 || s.Filtered != 1 {
		t.Fatalf("needs %v, %d rows, %d filtered; want %v, 4, 1", names, s.Rows, s.Filtered, want)
	}
	sameFloats(t, "food", s.Needs[0].Y, []float64{1, 0, 1, nan()})
	sameFloats(t, "dnk", s.Needs[1].Y, []float64{1, 1, 0, nan()})
}

// TestReadSurveySelectOneAndNumbers: one code per row without option
// columns is a select_one, said in a note; a column of numbers as a need
// is an error naming --mean; Mean reads it as numbers.
func TestReadSurveySelectOneAndNumbers(t *testing.T) {
	path := writeCSV(t, "shelter;days\nowned;3\nrented;0\n;7\nowned;\n")
	s, ps := ReadSurvey(SurveyMap{File: path, Needs: []NeedColumn{{Column: "shelter", AllOptions: true}, {Column: "days", Mean: true}}})
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	if len(s.Notes) != 1 || s.Needs[0].Type != assess.TypeSelectOne || s.Needs[2].Type != assess.TypeMean {
		t.Fatalf("notes %q, types %q %q; want one note, prop_select_one, mean", s.Notes, s.Needs[0].Type, s.Needs[2].Type)
	}
	sameFloats(t, "owned", s.Needs[0].Y, []float64{1, 0, nan(), 1})
	sameFloats(t, "days", s.Needs[2].Y, []float64{3, 0, 7, nan()})

	_, ps = ReadSurvey(SurveyMap{File: path, Needs: []NeedColumn{{Column: "days", AllOptions: true}}})
	if ps.Errors() != 1 || ps[0].Hint != "a need is a yes/no, select_one or select_multiple question; for the mean of a number give --mean days" {
		t.Errorf("days as a need: %v", ps)
	}
}
