package assess

import (
	"math"
	"testing"
)

// TestAnyNeedAgreesWithR: the derived need and its logit interval agree
// with R survey (testdata/anyneed.R, R 4.2.2 / survey 4.1-1):
// 0.400000000000, SE 0.226274169980, [0.032111450712, 0.930537416313].
func TestAnyNeedAgreesWithR(t *testing.T) {
	nan := math.NaN()
	a := []float64{1, 0, 0, nan, 0, 0, 1, 0, 0, 0}
	b := []float64{0, 1, 0, 0, nan, 0, 1, 0, nan, 0}
	d, err := NewDesign(DesignSpec{
		Weight:  []float64{10, 10, 20, 20, 10, 10, 20, 20, 10, 10},
		Strata:  []string{"1", "1", "1", "1", "1", "2", "2", "2", "2", "2"},
		Cluster: []string{"1", "1", "2", "2", "3", "4", "4", "5", "5", "6"},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := AnyNeed(Survey{Design: d, Needs: []Need{{Service: "a", Y: a}, {Service: "b", Y: b}}}, Options{MinCount: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rates) != 1 {
		t.Fatalf("%d rates, want 1 (all households)", len(res.Rates))
	}
	r := res.Rates[0]
	if r.Service != AnyService || !near(r.Stat, 0.4, 1e-12) || !near(r.SE, 0.226274169980, 1e-10) ||
		!near(r.StatLow, 0.032111450712, 1e-10) || !near(r.StatUpp, 0.930537416313, 1e-10) {
		t.Errorf("any need %s: %v SE %v [%v, %v], want R's 0.4 SE 0.22627417 [0.03211145, 0.93053742]", r.Service, r.Stat, r.SE, r.StatLow, r.StatUpp)
	}
	// Three households are missing: no yes and an unanswered need.
	if r.N != 3 || r.NTotal != 7 {
		t.Errorf("n = %d of %d answered, want 3 of 7", r.N, r.NTotal)
	}
}

// TestAnyNeedRule: yes wins over a missing answer; all no is no; no yes
// with a missing answer is missing.
func TestAnyNeedRule(t *testing.T) {
	nan := math.NaN()
	needs := []Need{{Service: "a", Y: []float64{1, 0, nan, 0, nan}}, {Service: "b", Y: []float64{nan, 0, 1, nan, nan}}}
	want := []float64{1, 0, 1, nan, nan}
	for i, w := range want {
		if got := anyOf(needs, i); !(got == w || (got != got && w != w)) {
			t.Errorf("household %d: %v, want %v", i, got, w)
		}
	}
	if _, err := AnyNeed(Survey{}, Options{}); err == nil {
		t.Error("no design: no error")
	}
}
