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
