package project

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/kobo"
)

// TestReadSurveyDontKnowCodes: a codes column without option columns, with
// don't-know alone and beside real options. hromada's convention (one
// denominator per question): dnk alone is missing, dnk with food counts with
// food; with KeepMissing (--reach) dnk is an answer and an option. Where
// keeps the rows of one value. The expected columns are read off the rows.
func TestReadSurveyDontKnowCodes(t *testing.T) {
	path := writeCSV(t, "needs;consent\nfood dnk;yes\ndnk;yes\nfood shelter;yes\n;yes\nshelter;no\n")
	s, ps := ReadSurvey(SurveyMap{File: path, Needs: []NeedColumn{{Column: "needs", AllOptions: true}}})
	xlsxtest.BilingualProblems(t, ps)
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
	xlsxtest.BilingualProblems(t, ps)
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
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	if len(s.Notes) != 1 || s.Needs[0].Type != assess.TypeSelectOne || s.Needs[2].Type != assess.TypeMean {
		t.Fatalf("notes %q, types %q %q; want one note, prop_select_one, mean", s.Notes, s.Needs[0].Type, s.Needs[2].Type)
	}
	sameFloats(t, "owned", s.Needs[0].Y, []float64{1, 0, nan(), 1})
	sameFloats(t, "days", s.Needs[2].Y, []float64{3, 0, 7, nan()})

	_, ps = ReadSurvey(SurveyMap{File: path, Needs: []NeedColumn{{Column: "days", AllOptions: true}}})
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() != 1 || ps[0].Hint.EN != "a need is a yes/no, select_one or select_multiple question; for the mean of a number give --mean days" {
		t.Errorf("days as a need: %v", ps)
	}
}

// TestReadSurveyLabelExport: a label export is read through the project's
// questionnaire (FormPath), headers and select_one answers alike; without
// a questionnaire it is one error that says how to download again.
func TestReadSurveyLabelExport(t *testing.T) {
	form := xlsxtest.Write(t, "questionnaire.xlsx",
		xlsxtest.Sheet{Name: "survey", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "type", "name", "label::English (en)", "label::Українська (uk)"),
			xlsxtest.Row(2, "select_one st", "status", "Status", "Статус"),
			xlsxtest.Row(3, "select_multiple needs", "needs", "Needs", "Потреби"),
		)},
		xlsxtest.Sheet{Name: "choices", Cells: xlsxtest.Cells(
			xlsxtest.Row(1, "list_name", "name", "label::English (en)", "label::Українська (uk)"),
			xlsxtest.Row(2, "st", "idp", "Displaced", "ВПО"),
			xlsxtest.Row(3, "st", "host", "Host", "Місцеві"),
			xlsxtest.Row(4, "needs", "day_care", "Day care", "Денний догляд"),
			xlsxtest.Row(5, "needs", "dnk", "Don't know", "Не знаю"),
		)},
	)
	path := writeCSV(t, "Статус;Потреби;Потреби/Денний догляд;Потреби/Не знаю\nВПО;Денний догляд;1;0\nМісцеві;Не знаю;0;1\nВПО;;;\n")
	m := SurveyMap{File: path, FormPath: form,
		Groups: []GroupColumn{{ID: "status", Column: "status", ByValue: true}},
		Needs:  []NeedColumn{{Column: "needs", AllOptions: true}}}
	s, ps := ReadSurvey(m)
	xlsxtest.BilingualProblems(t, ps)
	if ps.Errors() > 0 {
		t.Fatal(ps)
	}
	if len(s.Needs) != 1 || s.Needs[0].Service != "day_care" || len(s.Notes) != 1 {
		t.Fatalf("needs %+v, notes %q; want day_care and one note", s.Needs, s.Notes)
	}
	// Row 2 ticked only don't know: missing; row 3 was not asked.
	sameFloats(t, "day_care", s.Needs[0].Y, []float64{1, nan(), nan()})
	if len(s.Groups) != 2 || s.Groups[0].Group != "status=idp" || s.Groups[1].Group != "status=host" {
		t.Errorf("groups %+v, want status=idp, status=host", s.Groups)
	}

	m.FormPath = ""
	_, ps = ReadSurvey(m)
	xlsxtest.BilingualProblems(t, ps)
	if len(ps) != 1 || ps.Errors() != 1 || !strings.Contains(ps[0].Hint.EN, `"XML values and headers"`) {
		t.Errorf("a label export without a questionnaire: %v; want one error naming XML values and headers", ps)
	}
}

// TestReadSurveyREACHDenominator: on the REACH dummy export (../shared),
// every option of aap_priority_support_ngo has the same denominator, the
// rows that ticked a real option (one denominator per question, METHODS.md
// §1.6), and the warning counts the rows that ticked dnk or pnta besides;
// with KeepMissing every option, dnk and pnta too, has the rows that
// answered at all. The expected counts come from the codes column, read
// here apart from the reader.
func TestReadSurveyREACHDenominator(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "kobo", "dummy_raw_data.xlsx")
	if _, err := os.Stat(path); err != nil {
		t.Skip("../shared is absent")
	}
	const q = "aap_priority_support_ngo"
	f, err := kobo.Open(path, xlsx.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := kobo.OpenTable(f, "main")
	if err != nil {
		t.Fatal(err)
	}
	col, err := tb.Lookup(q)
	if err != nil {
		t.Fatal(err)
	}
	answered, real, mixed := 0, 0, 0
	for tb.Next() {
		codes := strings.Fields(tb.Row()[col])
		if len(codes) == 0 {
			continue
		}
		answered++
		r, m := false, false
		for _, c := range codes {
			if kobo.IsMissing(c) {
				m = true
			} else {
				r = true
			}
		}
		if r {
			real++
		}
		if r && m {
			mixed++
		}
	}
	tb.Close()
	f.Close()

	for _, keep := range []bool{false, true} {
		s, ps := ReadSurvey(SurveyMap{File: path, Sheet: "main", Weight: "weight", KeepMissing: keep,
			Needs: []NeedColumn{{Column: q, AllOptions: true}}})
		xlsxtest.BilingualProblems(t, ps)
		if ps.Errors() > 0 {
			t.Fatal(ps)
		}
		want, warned := real, false
		if keep {
			want = answered
		}
		for _, p := range ps {
			warned = warned || strings.Contains(p.Msg.EN, fmt.Sprintf("%d households ticked don't know or refused in %q", mixed, q))
		}
		if warned == keep || mixed == 0 {
			t.Errorf("keep %v: warning of %d mixed rows given %v: %v", keep, mixed, warned, ps)
		}
		services := []string{}
		for _, n := range s.Needs {
			services = append(services, n.Service)
			got := 0
			for _, y := range n.Y {
				if y == y {
					got++
				}
			}
			if got != want {
				t.Errorf("keep %v: %s has %d answers, want %d", keep, n.Service, got, want)
			}
		}
		if hasDnk := slices.Contains(services, "dnk"); hasDnk != keep {
			t.Errorf("keep %v: services %v", keep, services)
		}
	}
}
