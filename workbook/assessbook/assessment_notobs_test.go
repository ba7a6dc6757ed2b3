package assessbook

import (
	"math"
	"slices"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
)

// TestNotObservedNote: a need no respondent has shows "not observed" with
// the upper bound of the share of families, never 0.
func TestNotObservedNote(t *testing.T) {
	for _, c := range []struct {
		lang  hromada.Lang
		upper float64
		want  string
	}{
		{hromada.English, 0.0283, "not observed (upper bound 2.8\u00a0% of families)"},
		{hromada.Ukrainian, 0.0283, "не виявлено (верхня межа 2,8\u00a0% сімей)"},
		{hromada.English, math.NaN(), "not observed"},
	} {
		got := notObservedNote(c.lang, c.upper)
		if got != c.want {
			t.Errorf("notObservedNote(%s, %v) = %q, want %q", c.lang, c.upper, got, c.want)
		}
		if !isSuppressedNote(got) || !isNotObservedNote(got) {
			t.Errorf("%q is not read back as a not-observed note", got)
		}
	}
}

// TestTopNeedsSkipUnreliable: a group's top needs leave out suppressed
// estimates and estimates of 0 or not observed, in the internal workbook
// too, so that the list never ranks what the survey cannot tell.
func TestTopNeedsSkipUnreliable(t *testing.T) {
	a := testAssessment(t, hromada.English, false)
	// idp's counselling as a 0, its social support as suppressed.
	for i, r := range a.Result.Rates {
		if r.Group != "idp" {
			continue
		}
		switch r.Service {
		case tCounselling:
			a.Result.Rates[i].Stat, a.Result.Rates[i].StatLow, a.Result.Rates[i].StatUpp = 0, 0, 0.02
			a.Result.Rates[i].Verdict = assess.Verdict{}
		case tSupport:
			a.Result.Rates[i].Verdict = assess.Verdict{Suppress: true, Reasons: []assess.Flag{assess.FlagHighRSE}}
		}
	}
	w := newAssessWriter(a)
	var got []string
	for _, r := range w.topNeeds("idp") {
		got = append(got, r.Service)
	}
	// Only day care is left: 0 and suppressed estimates are not ranked.
	if want := []string{tDayCare}; !slices.Equal(got, want) {
		t.Errorf("top needs of idp = %v, want %v", got, want)
	}
}
