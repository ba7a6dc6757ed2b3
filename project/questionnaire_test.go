package project

import (
	"slices"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
)

// TestMemberNeedOptions: the roster question member_needs asks, for each
// member, about exactly the services of the questionnaire that the
// catalogue counts in children or persons; the starter Needs rows of those
// services read their clients from it, and the others have no clients
// columns (METHODS.md §1.5).
func TestMemberNeedOptions(t *testing.T) {
	cat, err := catalogue.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := testStarter(hromada.English)
	s.Services = nil
	for _, o := range NeedOptions {
		sv, ok := cat.ByKey(o.Key)
		if !ok {
			t.Fatalf("the catalogue has no service %q", o.Key)
		}
		s.Services = append(s.Services, sv)
		member := sv.Unit == hromada.Child || sv.Unit == hromada.Person
		if member != slices.Contains(MemberNeedOptions, o.Key) {
			t.Errorf("service %s (%s) is counted in %s; in member_needs: %v", sv.Code, o.Key, sv.Unit, !member)
		}
	}
	rows, err := s.Rows()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows[Needs.Key] {
		key := NeedOptions[i].Key
		want := slices.Contains(MemberNeedOptions, key)
		if got := len(r) == 5 && r[3] == RosterSheet && r[4] == MemberNeedsQuestion; got != want || len(r) != 3 && len(r) != 5 {
			t.Errorf("needs row %d (%s) = %v; clients from the roster: %v, want %v", i+1, key, r, got, want)
		}
	}
	// The form's choice list of member_needs has these options and "none".
	var opts []string
	for _, c := range QuestionnaireForm(hromada.English).Lists[MemberNeedsQuestion] {
		opts = append(opts, c.Name)
	}
	if want := append(slices.Clone(MemberNeedOptions), noNeed); !slices.Equal(opts, want) {
		t.Errorf("member_needs options %v, want %v", opts, want)
	}
}
