package assess

import (
	"math"
	"slices"
	"testing"
)

func TestComplementarySuppression(t *testing.T) {
	// 200 households of weight 1. idp_status is "idp" for the first 40
	// and "local" for the other 160. Households 0–2 need the service (3
	// of the 40 IDPs) and 40–79 do (40 of the 160 locals): all 43 of 200.
	// With the minimum count 5, the IDPs' 3 are a small cell; the locals'
	// 40 are not, but 43 − 40 = 3 recovers the IDPs from "all" — so the
	// locals are suppressed too, for that reason alone.
	const n = 200
	w := make([]float64, n)
	y := make([]float64, n)
	idp, local, old := make([]bool, n), make([]bool, n), make([]bool, n)
	for i := range n {
		w[i] = 1
		idp[i], local[i] = i < 40, i >= 40
		old[i] = i >= 20 && i < 120 // another column, overlapping both: 40 of 100 in need
		if i < 3 || i >= 40 && i < 80 {
			y[i] = 1
		}
	}
	d, err := NewDesign(DesignSpec{Weight: w})
	if err != nil {
		t.Fatal(err)
	}
	need := []Need{{Service: "day_care", Y: y}}
	for _, c := range []struct {
		name   string
		groups []Membership
		// want suppressed, and complementary, per row: all, then groups.
		suppress, compl []bool
	}{
		{"idp_status yes/no", []Membership{
			{Group: "idp", Member: idp, Var: "idp_status", Value: "idp"},
			{Group: "local", Member: local, Var: "idp_status", Value: "local"},
		}, []bool{false, true, true}, []bool{false, false, true}},
		// Two groups without a column that together hold every household.
		{"disjoint covering groups", []Membership{
			{Group: "idp", Member: idp},
			{Group: "local", Member: local},
		}, []bool{false, true, true}, []bool{false, false, true}},
		// IDPs and the elderly: not a partition, nothing to recover.
		{"overlapping groups", []Membership{
			{Group: "idp", Member: idp},
			{Group: "old", Member: old},
		}, []bool{false, true, false}, []bool{false, false, false}},
		// Only the IDPs: "all" minus them is the locals, never published.
		{"one group", []Membership{
			{Group: "idp", Member: idp, Var: "idp_status", Value: "idp"},
		}, []bool{false, true}, []bool{false, false}},
	} {
		res, err := Analyse(Survey{Design: d, Groups: c.groups, Needs: need}, Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for k, r := range res.Rates {
			comp := slices.Contains(r.Verdict.Reasons, FlagComplementary)
			if r.Verdict.Suppress != c.suppress[k] || comp != c.compl[k] {
				t.Errorf("%s: rate of %s: suppress %v reasons %v, want suppress %v complementary %v",
					c.name, r.Group, r.Verdict.Suppress, r.Verdict.Reasons, c.suppress[k], c.compl[k])
			}
			if comp && (r.Verdict.Reasons[0] != FlagComplementary || r.Flags[0] != FlagComplementary) {
				t.Errorf("%s: %s: reasons %v flags %v, want complementary first", c.name, r.Group, r.Verdict.Reasons, r.Flags)
			}
			if d := res.Demand[k]; d.Rate.Verdict.Suppress != r.Verdict.Suppress || !slices.Equal(d.Rate.Verdict.Reasons, r.Verdict.Reasons) {
				t.Errorf("%s: demand of %s: verdict %+v, rate's %+v", c.name, r.Group, d.Rate.Verdict, r.Verdict)
			}
		}
	}
}

func TestComplementNotObserved(t *testing.T) {
	// Rows of a partition {a, b, c}: a is a small cell, b not observed,
	// c published: c (the only published group) is suppressed. With c
	// not observed as well, "all" is suppressed instead. Rows are all, a,
	// b, c.
	small := Rate{NTotal: 20, Verdict: Verdict{Suppress: true, Reasons: []Flag{FlagSmallCount}}}
	notObs := Rate{NTotal: 30, NotObserved: true, Verdict: Verdict{Suppress: true, Reasons: []Flag{FlagNotObserved}}}
	pub := Rate{NTotal: 50, UpperBound: math.NaN()}
	rows := []Rate{pub, small, notObs, pub}
	ptrs := []*Rate{&rows[0], &rows[1], &rows[2], &rows[3]}
	protect(ptrs, [][]int{{1, 2, 3}})
	if rows[0].Verdict.Suppress || !rows[3].Verdict.Suppress || rows[3].Verdict.Reasons[0] != FlagComplementary {
		t.Errorf("a small, b not observed, c published: all %+v, c %+v; want c suppressed as complementary", rows[0].Verdict, rows[3].Verdict)
	}
	rows = []Rate{pub, small, notObs, notObs}
	ptrs = []*Rate{&rows[0], &rows[1], &rows[2], &rows[3]}
	protect(ptrs, [][]int{{1, 2, 3}})
	if !rows[0].Verdict.Suppress || rows[0].Verdict.Reasons[0] != FlagComplementary {
		t.Errorf("a small, b and c not observed: all %+v, want suppressed as complementary", rows[0].Verdict)
	}
}
