package workbook

import (
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
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
