package assessbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/workbook/internal/booktest"
)

// TestComplementaryNote: a cell hidden to protect another group's small
// cell says so in its note and its reasons, in both languages.
func TestComplementaryNote(t *testing.T) {
	v := assess.Verdict{Suppress: true, Reasons: []assess.Flag{assess.FlagComplementary}}
	for _, c := range []struct {
		lang        hromada.Lang
		note, words string
	}{
		{hromada.English, "suppressed: protects a small cell",
			"complementary suppression: otherwise a small cell of another group could be recovered by subtraction from “all”"},
		{hromada.Ukrainian, "приховано: захист малої комірки",
			"додаткове приховування: інакше малу комірку іншої групи можна було б відновити відніманням від «усіх»"},
	} {
		if got := suppressedNote(c.lang, v, 5); got != c.note {
			t.Errorf("%s note = %q, want %q", c.lang, got, c.note)
		}
		if got := reasons(c.lang, v, 5); got != c.words {
			t.Errorf("%s reasons = %q, want %q", c.lang, got, c.words)
		}
	}
	// The small cell's own words name both counts: 5 and 1 to 4.
	if got, want := flagWords(hromada.English, assess.FlagSmallCount, 5), "small cell: fewer than 5 respondents in the group, or 1 to 4 with the need or without it (for a count of people: fewer than 5 households in need)"; got != want {
		t.Errorf("small_count = %q, want %q", got, want)
	}
}

// TestSmallGroupSize: when a group's count is its number of respondents
// (no weights, or normalised ones) and below the minimum, neither the
// Summary nor the Demand sheet prints it. The test assessment's large
// families are given 3 respondents here.
func TestSmallGroupSize(t *testing.T) {
	a := testAssessment(t, hromada.English, true)
	a.Survey.NormalisedWeights = true
	res := a.Result
	res.Demand = slices.Clone(res.Demand)
	for i, d := range res.Demand {
		if d.Group == "large_family" {
			res.Demand[i].Count = 3
			res.Demand[i].Basis = assess.BasisSurvey
		}
	}
	a.Result = res
	path := writeTestAssessment(t, "small-group", a)
	heads := 0
	for _, row := range booktest.SheetRows(t, path, "Summary") {
		for _, cell := range row {
			if strings.HasPrefix(cell, "Large families") {
				heads++
				if !strings.Contains(cell, ": < 5 families") {
					t.Errorf("Summary: %q, want the group's size as < 5", cell)
				}
			}
		}
	}
	if heads == 0 {
		t.Fatal("no large-family heading on the Summary")
	}
	rows := booktest.SheetRows(t, path, "Demand")
	seen := 0
	for _, row := range rows[1:] {
		if row[0] != "large_family" {
			continue
		}
		seen++
		if c := row[demandColumn("count")]; !strings.HasPrefix(c, "suppressed: ") {
			t.Errorf("Demand count of large families = %q, want a suppressed note", c)
		}
	}
	if seen == 0 {
		t.Fatal("no large-family rows on the Demand sheet")
	}
	// An internal workbook prints it.
	a.Options.Suppress = false
	path = writeTestAssessment(t, "small-group-internal", a)
	for _, row := range booktest.SheetRows(t, path, "Demand")[1:] {
		if row[0] == "large_family" && row[demandColumn("count")] != "3" {
			t.Errorf("internal Demand count of large families = %q, want 3", row[demandColumn("count")])
		}
	}
}
