package assess

import (
	"encoding/json"
	"math"
	"slices"
	"testing"
)

func TestHide(t *testing.T) {
	// Two suppressed rows, one a small cell (2 of 200 with the need, p =
	// 0.01) and one with too wide an interval (80 of 200), and a not
	// observed row: the first two are published alike — every number and
	// count null, only suppression reasons — the third as it is.
	small := Rate{Kind: KindProportion, Stat: 0.01, StatLow: 0.002, StatUpp: 0.04, N: 2, NTotal: 200, NW: 20, NWTotal: 2000,
		SE: 0.007, DF: 7, Deff: 1.1, NEff: 180, NDomain: 210, NWDomain: 2100, UpperBound: math.NaN(),
		Flags:   []Flag{FlagSmallCount, FlagDFLow, FlagP0or1},
		Verdict: Verdict{Suppress: true, Review: true, Reasons: []Flag{FlagSmallCount, FlagDFLow, FlagP0or1}}}
	wide := small
	wide.N, wide.Stat, wide.Flags = 80, 0.4, []Flag{FlagWideCI}
	wide.Verdict = Verdict{Suppress: true, Reasons: []Flag{FlagWideCI}}
	notObs := Rate{Kind: KindProportion, Stat: 0, NTotal: 200, UpperBound: 0.015, NotObserved: true,
		Flags: []Flag{FlagNotObserved, FlagP0or1}, Verdict: Verdict{Suppress: true, Review: true, Reasons: []Flag{FlagNotObserved, FlagP0or1}}}
	// Nobody of 4 with the need: the group is a small cell; hidden like
	// any other, it no longer says "not observed".
	tiny := Rate{Kind: KindProportion, Stat: 0, NTotal: 4, UpperBound: 0.6, NotObserved: true,
		Flags: []Flag{FlagNotObserved, FlagSmallCount, FlagP0or1}, Verdict: Verdict{Suppress: true, Review: true, Reasons: []Flag{FlagNotObserved, FlagSmallCount, FlagP0or1}}}
	if h := Hide(tiny, 5); !h.Hidden || h.NotObserved || !slices.Equal(h.Flags, []Flag{FlagSmallCount}) || !math.IsNaN(h.UpperBound) {
		t.Errorf("0 of 4: hidden %v not observed %v flags %v bound %v, want hidden small_count only", h.Hidden, h.NotObserved, h.Flags, h.UpperBound)
	}
	if d := HideDemand(Demand{Rate: tiny, NotObserved: true, ShareUpp: 0.6}, 5); d.NotObserved || !math.IsNaN(d.ShareUpp) {
		t.Errorf("0 of 4 demand: not observed %v share_upp %v, want false and NaN", d.NotObserved, d.ShareUpp)
	}
	published := Rate{Kind: KindProportion, Stat: 0.4, N: 80, NTotal: 200, UpperBound: math.NaN(), Flags: []Flag{FlagDFLow},
		Verdict: Verdict{Review: true, Reasons: []Flag{FlagDFLow}}}

	decode := func(r Rate) map[string]any {
		b, err := json.Marshal(Hide(r, 5))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	for name, r := range map[string]Rate{"small": small, "wide": wide} {
		m := decode(r)
		for _, k := range hiddenFields {
			if m[k] != nil {
				t.Errorf("%s: %s = %v, want null", name, k, m[k])
			}
		}
		h := Hide(r, 5)
		if slices.Contains(h.Flags, FlagP0or1) || slices.Contains(h.Flags, FlagDFLow) || h.Verdict.Review || !h.Verdict.Suppress {
			t.Errorf("%s: flags %v verdict %+v, want the suppression reasons only", name, h.Flags, h.Verdict)
		}
	}
	if got := Hide(small, 5).Flags; !slices.Equal(got, []Flag{FlagSmallCount}) {
		t.Errorf("small: flags %v, want [small_count]", got)
	}
	if m := decode(notObs); m["n"] != 0.0 || m["n_total"] != 200.0 || m["upper_bound"] != 0.015 {
		t.Errorf("not observed: n %v n_total %v upper_bound %v, want 0, 200, 0.015", m["n"], m["n_total"], m["upper_bound"])
	}
	if m := decode(published); m["n"] != 80.0 || m["stat"] != 0.4 {
		t.Errorf("published: n %v stat %v, want 80 and 0.4", m["n"], m["stat"])
	}
}
