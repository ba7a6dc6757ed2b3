package hromada

import "testing"

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "survey.xlsx", Sheet: "Survey", Cell: "D17", Msg: Text{EN: `"так?" is not yes/no`}, Hint: Text{EN: "allowed: yes, no"}},
			`survey.xlsx: Survey!D17: "так?" is not yes/no; allowed: yes, no`},
		{Problem{File: "survey.xlsx", Sheet: "main", Cell: "row 1", Msg: Text{EN: `no column "weight"`}},
			`survey.xlsx: main, row 1: no column "weight"`},
		{Problem{File: "s.csv", Cell: "C3 (line 4)", Msg: Text{EN: "bad"}}, `s.csv: C3 (line 4): bad`},
		{Problem{File: "project.xlsx", Sheet: "Groups", Msg: Text{EN: "no groups"}}, `project.xlsx: Groups: no groups`},
		{Problem{Msg: Text{EN: "alone"}}, `alone`},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("Problem%+v.Error() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestProblemsErr(t *testing.T) {
	ps := Problems{{Severity: Warning, Msg: Text{EN: "w"}}}
	if ps.Err() != nil {
		t.Error("warnings alone are not an error")
	}
	ps = append(ps, Problem{Msg: Text{EN: "e"}})
	if ps.Err() == nil || ps.Errors() != 1 {
		t.Errorf("Err() = %v, Errors() = %d; want an error and 1", ps.Err(), ps.Errors())
	}
}

// TestParseUnit: the unit words a planner or a reader of a workbook types,
// in Ukrainian and English, singular or plural, with any apostrophe; the
// expected units are the meanings of the words.
func TestParseUnit(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Unit
	}{
		{"family", Family},
		{" Сім'я ", Family},
		{"сім’ї", Family}, // typographic apostrophe, as Excel autocorrects it
		{"сімʼї", Family}, // the modifier letter of the Ukrainian orthography
		{"родини", Family},
		{"Родин", Family},
		{"дітей", Child},
		{"children", Child},
		{"осіб", Person},
		{"people", Person},
	} {
		got, err := ParseUnit(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseUnit(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := ParseUnit("household"); err == nil {
		t.Errorf("ParseUnit(%q) accepted an unknown unit", "household")
	}
}
