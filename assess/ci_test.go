package assess

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestCIDegenerate(t *testing.T) {
	nan := math.NaN()
	prop := func(p, se float64, df, n int) Estimate {
		return Estimate{Kind: KindProportion, Value: p, SE: se, DF: df, N: n, NEff: neff(p, se*se, n)}
	}
	for _, c := range []struct {
		name      string
		e         Estimate
		m         CIMethod
		low, high float64
		flags     []Flag
	}{
		{"no answers", Estimate{Kind: KindProportion, Value: nan, SE: nan}, Logit, nan, nan, []Flag{FlagNoData}},
		{"df 0", prop(0.3, 0.1, 0, 4), Logit, nan, nan, []Flag{FlagNoDF}},
		{"df negative", prop(0.3, 0.1, -1, 4), Beta, nan, nan, []Flag{FlagNoDF}},
		{"SE not a number", prop(0.3, nan, 3, 4), Wilson, nan, nan, []Flag{FlagNoSE}},
		// Take-all strata: no sampling error.
		{"SE 0", prop(0.3, 0, 3, 10), Logit, 0.3, 0.3, nil},
		// p = 0, n = 5, df = 4: n* = 5·(t_{4}/t_{4})² = 5; U = Beta⁻¹(0.975; 1, 5)
		// = 1 − 0.025^(1/5) (closed form of the Beta(1, n) quantile).
		{"p 0", prop(0, 0, 4, 5), Logit, 0, 1 - math.Pow(0.025, 1.0/5), []Flag{FlagP0or1}},
		{"p 0 wald", prop(0, 0, 4, 5), Wald, 0, 1 - math.Pow(0.025, 1.0/5), []Flag{FlagP0or1}},
		// p = 1, n = 5, df = 4: L = Beta⁻¹(0.025; 5, 1) = 0.025^(1/5).
		{"p 1", prop(1, 0, 4, 5), Wilson, math.Pow(0.025, 1.0/5), 1, []Flag{FlagP0or1}},
		// A mean takes the t interval: 10 ± t_{4, 0.975}·2, t = 2.776445105.
		{"mean wald", Estimate{Kind: KindMean, Value: 10, SE: 2, DF: 4, N: 9}, Wald, 10 - 2*2.7764451051977987, 10 + 2*2.7764451051977987, nil},
	} {
		iv, err := CI(c.e, c.m, 0.95)
		if err != nil {
			t.Errorf("CI(%s): %v", c.name, err)
			continue
		}
		if !near(iv.Low, c.low, 1e-12) || !near(iv.High, c.high, 1e-12) || !slices.Equal(iv.Flags, c.flags) {
			t.Errorf("CI(%s) = [%v, %v] %v, want [%v, %v] %v", c.name, iv.Low, iv.High, iv.Flags, c.low, c.high, c.flags)
		}
	}
}

func TestCIErrors(t *testing.T) {
	e := Estimate{Kind: KindProportion, Value: 0.3, SE: 0.1, DF: 5, N: 20}
	for _, c := range []struct {
		name  string
		e     Estimate
		m     CIMethod
		level float64
		want  string
	}{
		{"unknown method", e, "exact", 0.95, "not known"},
		{"level above 1", e, Logit, 95, "between 0 and 1"},
		{"level negative", e, Logit, -0.9, "between 0 and 1"},
		{"logit of a mean", Estimate{Kind: KindMean, Value: 3, SE: 1, DF: 5, N: 9}, Logit, 0.95, "needs a proportion"},
		{"beta of a total", Estimate{Kind: KindTotal, Value: 3, SE: 1, DF: 5, N: 9}, Beta, 0.95, "needs a proportion"},
	} {
		if _, err := CI(c.e, c.m, c.level); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CI(%s) error = %v, want one containing %q", c.name, err, c.want)
		}
	}
	// Defaults: "" is logit and level 0 is 0.95.
	a, _ := CI(e, "", 0)
	b, _ := CI(e, Logit, 0.95)
	if a.Low != b.Low || a.High != b.High {
		t.Errorf("CI(\"\", 0) = %v, want CI(logit, 0.95) = %v", a, b)
	}
}

func TestParseCIMethod(t *testing.T) {
	for in, want := range map[string]CIMethod{"": Logit, "logit": Logit, "wald": Wald, "mean": Wald, "wilson": Wilson, "beta": Beta, "korn-graubard": Beta} {
		if got, err := ParseCIMethod(in); err != nil || got != want {
			t.Errorf("ParseCIMethod(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	if _, err := ParseCIMethod("clopper"); err == nil {
		t.Errorf("ParseCIMethod(%q): no error", "clopper")
	}
}

func TestReliability(t *testing.T) {
	// NCHS data presentation standards for proportions (METHODS.md §1.4);
	// the numbers are chosen on either side of each threshold.
	// NYes is round(p·n): the respondents with the need.
	prop := func(p float64, df, n int, neff float64) Estimate {
		return Estimate{Kind: KindProportion, Value: p, SE: 0.01, DF: df, N: n, NEff: neff, NYes: int(math.Round(p * float64(n)))}
	}
	// A mean or ratio: n respondents, pos of them with the need.
	mean := func(v, se float64, n, pos int) Estimate {
		return Estimate{Kind: KindMean, Value: v, SE: se, DF: 20, N: n, NPos: pos}
	}
	iv := func(lo, hi float64, flags ...Flag) Interval { return Interval{Low: lo, High: hi, Flags: flags} }
	nan := math.NaN()
	for _, c := range []struct {
		name             string
		e                Estimate
		iv               Interval
		suppress, review bool
		reasons          []Flag
	}{
		{"fine", prop(0.4, 20, 200, 150), iv(0.35, 0.45), false, false, nil},
		{"neff 29.9", prop(0.4, 20, 200, 29.9), iv(0.35, 0.45), true, false, []Flag{FlagNEffLow}},
		{"neff 30", prop(0.4, 20, 200, 30), iv(0.35, 0.45), false, false, nil},
		{"width 0.30", prop(0.4, 20, 200, 100), iv(0.25, 0.55), true, false, []Flag{FlagWideCI}},
		{"width 0.29", prop(0.4, 20, 200, 100), iv(0.26, 0.55), false, false, nil},
		// width 0.12 on p 0.09: relative 1.33 > 1.30.
		{"relative 1.33", prop(0.09, 20, 200, 100), iv(0.04, 0.16), true, false, []Flag{FlagWideRelativeCI}},
		// width 0.05 on p 0.02 (8 of 400 with the need): relative 2.5, but
		// width ≤ 0.05 publishes.
		{"narrow small p", prop(0.02, 20, 400, 100), iv(0.005, 0.055), false, false, nil},
		{"df 7", prop(0.4, 7, 200, 100), iv(0.35, 0.45), false, true, []Flag{FlagDFLow}},
		{"df 8", prop(0.4, 8, 200, 100), iv(0.35, 0.45), false, false, nil},
		// No respondent with the need: not observed, never a published 0.
		{"p 0", prop(0, 20, 200, 200), iv(0, 0.02, FlagP0or1), true, true, []Flag{FlagNotObserved, FlagP0or1}},
		{"lonely", Estimate{Kind: KindProportion, Value: 0.4, SE: 0.01, DF: 20, N: 200, NEff: 100, NYes: 80, LonelyStrata: []string{"B"}},
			iv(0.35, 0.45), false, true, []Flag{FlagLonelyPSU}},
		{"4 respondents", prop(0.5, 20, 4, 100), iv(0.45, 0.55), true, false, []Flag{FlagSmallCount}},
		// The privacy rule counts the respondents with the need (and those
		// without): 0.01 of 200 is 2 households, 0.025 of 200 is 5, 0.985
		// of 200 leaves 3 without the need, 1 of 200 leaves none.
		{"2 of 200 with the need", prop(0.01, 20, 200, 100), iv(0.005, 0.03), true, false, []Flag{FlagSmallCount}},
		{"5 of 200 with the need", prop(0.025, 20, 200, 100), iv(0.01, 0.04), false, false, nil},
		{"3 of 200 without the need", prop(0.985, 20, 200, 100), iv(0.97, 0.995), true, false, []Flag{FlagSmallCount}},
		{"all 200 with the need", prop(1, 20, 200, 200), iv(0.98, 1, FlagP0or1), false, true, []Flag{FlagP0or1}},
		// Nobody of 4 with the need: not observed, and a small cell
		// (Hide publishes it as one).
		{"0 of 4", prop(0, 20, 4, 4), iv(0, 0.5, FlagP0or1), true, true, []Flag{FlagNotObserved, FlagSmallCount, FlagNEffLow, FlagWideCI, FlagP0or1}},
		// Every reason is named, not only the first.
		{"3 respondents", prop(0.4, 2, 3, 2.2), iv(0.002, 0.996), true, true,
			[]Flag{FlagSmallCount, FlagNEffLow, FlagWideCI, FlagWideRelativeCI, FlagDFLow}},
		{"no data", Estimate{Kind: KindProportion, Value: nan, SE: nan}, iv(nan, nan, FlagNoData), true, false, []Flag{FlagNoData, FlagSmallCount}},
		{"no df", prop(0.4, 0, 200, 100), iv(nan, nan, FlagNoDF), true, false, []Flag{FlagNoDF}},
		// Means, totals and ratios (METHODS.md §1.4): RSE = SE/value above
		// 0.30 suppresses (0.5/2 = 0.25 publishes, 0.62/2 = 0.31 does not);
		// fewer than 5 households with the need suppress, whatever the
		// respondents; df < 8 is for review; nobody with the need is not
		// observed.
		{"mean rse 0.5", mean(2, 1, 100, 40), iv(0, 4), true, false, []Flag{FlagHighRSE}},
		{"mean rse 0.31", mean(2, 0.62, 100, 40), iv(0.7, 3.3), true, false, []Flag{FlagHighRSE}},
		{"mean rse 0.25", mean(2, 0.5, 100, 40), iv(1, 3), false, false, nil},
		{"mean rse 0.1", mean(10, 1, 100, 40), iv(8, 12), false, false, nil},
		{"ratio 4 households in need", Estimate{Kind: KindRatio, Value: 0.1, SE: 0.01, DF: 20, N: 400, NPos: 4}, iv(0.08, 0.12), true, false, []Flag{FlagSmallCount}},
		{"ratio 5 households in need", Estimate{Kind: KindRatio, Value: 0.1, SE: 0.01, DF: 20, N: 400, NPos: 5}, iv(0.08, 0.12), false, false, nil},
		{"ratio df 6", Estimate{Kind: KindRatio, Value: 0.1, SE: 0.01, DF: 6, N: 400, NPos: 50}, iv(0.08, 0.12), false, true, []Flag{FlagDFLow}},
		{"mean not observed", mean(0, 0, 100, 0), iv(0, 0), true, false, []Flag{FlagNotObserved, FlagSmallCount}},
	} {
		v := Reliability(c.e, c.iv, DefaultMinCount)
		if v.Suppress != c.suppress || v.Review != c.review || !slices.Equal(v.Reasons, c.reasons) {
			t.Errorf("Reliability(%s) = %+v, want suppress %v review %v reasons %v", c.name, v, c.suppress, c.review, c.reasons)
		}
	}
	// minCount ≤ 0 turns the count rule off.
	if v := Reliability(Estimate{Kind: KindProportion, Value: 0.5, SE: 0.01, DF: 20, N: 4, NEff: 100, NYes: 2}, Interval{Low: 0.45, High: 0.55}, 0); v.Suppress {
		t.Errorf("Reliability(minCount 0) = %+v, want published", v)
	}
}

func TestSmallCell(t *testing.T) {
	// The privacy rule with the minimum count 5: the cases are the
	// counts themselves, on either side of 5.
	prop := func(n, yes int) Estimate { return Estimate{Kind: KindProportion, N: n, NYes: yes, NPos: yes} }
	for _, c := range []struct {
		name string
		e    Estimate
		min  int
		want bool
	}{
		{"group of 4", prop(4, 2), 5, true},
		{"group of 5, 0 with the need (not observed)", prop(5, 0), 5, false},
		{"group of 5, all with the need", prop(5, 5), 5, false},
		{"group of 100, 1 with the need", prop(100, 1), 5, true},
		{"group of 100, 4 with the need", prop(100, 4), 5, true},
		{"group of 100, 5 with the need", prop(100, 5), 5, false},
		{"group of 100, 96 with the need (4 without)", prop(100, 96), 5, true},
		{"group of 100, 95 with the need (5 without)", prop(100, 95), 5, false},
		{"group of 10, 5 and 5", prop(10, 5), 5, false},
		{"group of 9, 5 and 4", prop(9, 5), 5, true},
		{"minimum 3: 2 with the need", prop(100, 2), 3, true},
		{"minimum 3: 3 with the need", prop(100, 3), 3, false},
		{"rule off", prop(1, 1), 0, false},
		{"ratio, 4 households with the need", Estimate{Kind: KindRatio, N: 100, NPos: 4}, 5, true},
		{"ratio, 5 households with the need", Estimate{Kind: KindRatio, N: 100, NPos: 5}, 5, false},
		{"mean, none with the need", Estimate{Kind: KindMean, N: 100}, 5, true},
	} {
		if got := SmallCell(c.e, c.min); got != c.want {
			t.Errorf("SmallCell(%s, %d) = %v, want %v", c.name, c.min, got, c.want)
		}
	}
}

func TestNewDesignErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		spec DesignSpec
		want string
	}{
		{"nothing", DesignSpec{}, "no weight, strata or cluster"},
		{"lengths", DesignSpec{Weight: []float64{1, 2}, Strata: []string{"a"}}, "rows"},
		{"rows mismatch", DesignSpec{Weight: []float64{1, 2}, Rows: 3}, "row count 3"},
		{"negative weight", DesignSpec{Weight: []float64{1, -2}}, "row 2 has weight -2"},
		{"NaN weight", DesignSpec{Weight: []float64{math.NaN()}}, "row 1 has weight NaN"},
		{"empty stratum", DesignSpec{Strata: []string{"a", ""}}, "row 2 has no stratum"},
		{"empty cluster", DesignSpec{Cluster: []string{"", "b"}}, "row 1 has no cluster"},
		{"unknown lonely", DesignSpec{Rows: 3, Lonely: "certainty"}, "not known"},
		{"fpc missing stratum", DesignSpec{Strata: []string{"a", "b"}, FPC: map[string]float64{"a": 10}}, `stratum "b"`},
		{"fpc fraction", DesignSpec{Strata: []string{"a", "a"}, FPC: map[string]float64{"a": 0.1}}, "not a sampling fraction"},
		{"fpc extra", DesignSpec{Strata: []string{"a", "a"}, FPC: map[string]float64{"a": 10, "z": 5}}, `"z"`},
		{"lonely fail", DesignSpec{Strata: []string{"a", "a", "b"}, Cluster: []string{"1", "2", "1"}, Lonely: LonelyFail}, "single PSU: b"},
	} {
		_, err := NewDesign(c.spec)
		if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrDesign) {
			t.Errorf("NewDesign(%s) error = %v, want ErrDesign containing %q", c.name, err, c.want)
		}
	}
}

func TestDesignCounts(t *testing.T) {
	// Clusters are nested in strata: "1" of a and "1" of b are two PSUs.
	d := mustDesign(t, DesignSpec{
		Weight:  []float64{1, 2, 0, 4, 5},
		Strata:  []string{"a", "a", "b", "b", "c"},
		Cluster: []string{"1", "2", "1", "1", "1"},
	})
	if d.N() != 5 || d.PSUs() != 4 || !slices.Equal(d.Strata(), []string{"a", "b", "c"}) ||
		!slices.Equal(d.LonelyStrata(), []string{"b", "c"}) || d.WeightSum() != 12 || d.NormalisedWeights() {
		t.Errorf("design: N %d PSUs %d strata %v lonely %v Σw %v normalised %v",
			d.N(), d.PSUs(), d.Strata(), d.LonelyStrata(), d.WeightSum(), d.NormalisedWeights())
	}
	if d := mustDesign(t, DesignSpec{Rows: 3}); !d.NormalisedWeights() || d.Lonely() != LonelyAdjust {
		t.Errorf("no weights: normalised %v lonely %q", d.NormalisedWeights(), d.Lonely())
	}
	// Columns of the wrong length are errors that name the column.
	if _, err := d.Mean([]float64{1}, nil); !errors.Is(err, ErrLength) {
		t.Errorf("Mean(short y) error = %v, want ErrLength", err)
	}
	if _, err := d.Ratio(make([]float64, 5), nil, nil); !errors.Is(err, ErrLength) {
		t.Errorf("Ratio(nil x) error = %v, want ErrLength", err)
	}
	if _, err := d.Total(make([]float64, 5), make([]bool, 2)); !errors.Is(err, ErrLength) {
		t.Errorf("Total(short domain) error = %v, want ErrLength", err)
	}
	// An empty domain is no error: no estimate, counted as such.
	e, err := d.Mean([]float64{1, 0, 1, 0, 1}, make([]bool, 5))
	if err != nil || !math.IsNaN(e.Value) || e.N != 0 {
		t.Errorf("Mean(empty domain) = %+v, %v", e, err)
	}
	// Ratio with a zero denominator total.
	e, err = d.Ratio([]float64{1, 0, 1, 0, 1}, make([]float64, 5), nil)
	if err != nil || !math.IsNaN(e.Value) || e.N != 4 {
		t.Errorf("Ratio(x = 0) = %+v, %v", e, err)
	}
}

func TestEstimateProportion(t *testing.T) {
	e := Estimate{Kind: KindRatio, Value: 0.25, SE: 0.05, N: 40}
	p, err := e.Proportion()
	if err != nil || p.Kind != KindProportion || !near(p.NEff, 0.25*0.75/0.0025, 1e-12) {
		t.Errorf("Proportion() = %+v, %v", p, err)
	}
	if _, err := (Estimate{Kind: KindRatio, Value: 1.5}).Proportion(); err == nil {
		t.Errorf("Proportion() of 1.5: no error")
	}
}
