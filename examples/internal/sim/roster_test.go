package sim

import (
	"slices"
	"testing"
	"time"

	"github.com/hromada-tool/hromada/project"
)

// TestRosterSheet builds the roster of a survey of two interviews by hand:
// the first household refused (three members, no roster rows), the second
// has an adult of 40 who needs nothing and a girl of 9 with a disability
// who needs day care and respite care. The roster has two rows, _index 1
// and 2, both with _parent_index 2 (the household's row of the main
// sheet) and its uuid; the girl's member_needs is
// "day_care_children respite_care", with 1 in those option columns and 0
// in the others; the adult's is NoNeed.
func TestRosterSheet(t *testing.T) {
	day, resp := option(t, "day_care_children"), option(t, "respite_care")
	needs := make([]bool, len(project.NeedOptions))
	needs[day], needs[resp] = true, true
	when := time.Date(2025, 11, 3, 10, 0, 0, 0, time.UTC)
	s := &Survey{Version: "v1", Interviews: []*Interview{
		{Consent: false, Household: &Household{Members: []Member{{Age: 30}, {Age: 31}, {Age: 5}}}, UUID: "u1", ID: 1, Submitted: when},
		{Consent: true, Household: &Household{Members: []Member{{Age: 40}, {Age: 9, Disabled: true, Needs: needs}}}, UUID: "u2", ID: 2, Submitted: when, Enumerator: "enum_1"},
	}}
	cols, err := RosterColumns(s)
	if err != nil {
		t.Fatal(err)
	}
	header := make([]string, len(cols))
	for j, c := range cols {
		header[j] = c.Header
	}
	want := []string{"roster/member_age", "roster/member_disability", "roster/member_needs",
		"roster/member_needs/day_care_children", "roster/member_needs/inclusive_support", "roster/member_needs/respite_care",
		"roster/member_needs/home_care", "roster/member_needs/supported_living", "roster/member_needs/" + NoNeed}
	want = append(want, rosterMetadata...)
	if !slices.Equal(header, want) {
		t.Fatalf("roster header\n%q, want\n%q", header, want)
	}
	rows := RosterRows(s)
	if len(rows) != 2 {
		t.Fatalf("%d roster rows, want 2", len(rows))
	}
	cell := func(r RosterRow, h string) any { return cols[slices.Index(header, h)].Value(r) }
	for i, c := range []map[string]any{
		{"roster/member_age": 40, "roster/member_disability": "no", "roster/member_needs": NoNeed, "roster/member_needs/" + NoNeed: 1,
			"roster/member_needs/day_care_children": 0, "_index": 1, "_parent_index": 2, "_submission__uuid": "u2"},
		{"roster/member_age": 9, "roster/member_disability": "yes", "roster/member_needs": "day_care_children respite_care",
			"roster/member_needs/day_care_children": 1, "roster/member_needs/respite_care": 1, "roster/member_needs/inclusive_support": 0,
			"roster/member_needs/" + NoNeed: 0, "_index": 2, "_parent_index": 2, "_submission__id": 2, "_submission___version__": "v1",
			"_submission__submitted_by": "enum_1", "_parent_table_name": "Потреби домогосподарств у соціа"},
	} {
		for h, w := range c {
			if got := cell(rows[i], h); got != w {
				t.Errorf("row %d, %s = %v, want %v", i+1, h, got, w)
			}
		}
	}
}
