package assess

import (
	"testing"
)

// The reference values of METHODS.md §1.7, source "R survey 4.5
// (METHODS.md §1.7)": 24 households, strata A/B × 3 PSUs × 4 households,
// svydesign(ids=~cluster, strata=~stratum, weights=~w, nest=TRUE). They are
// given to 10 significant digits or fewer; the tolerance follows the digits.

type methodsData struct {
	w, y, children  []float64
	strata, cluster []string
	idp             []bool
}

func loadMethods(t testing.TB) methodsData {
	tb := readTable(t, "testdata/methods24.csv")
	return methodsData{
		w: tb.num(t, "w"), y: tb.num(t, "y"), children: tb.num(t, "n_children"),
		strata: tb.str(t, "stratum"), cluster: tb.str(t, "cluster"),
		idp: tb.is(t, "idp", "yes"),
	}
}

func (m methodsData) design(t testing.TB) *Design {
	return mustDesign(t, DesignSpec{Weight: m.w, Strata: m.strata, Cluster: m.cluster})
}

func TestMethodsReference(t *testing.T) {
	m := loadMethods(t)
	d := m.design(t)

	e, err := d.Mean(m.y, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"p", e.Value, 0.4638888889, 1e-10},
		{"SE", e.SE, 0.1091345674, 1e-10},
		{"deff", e.Deff, 1.1801764470, 1e-9},
		{"df", float64(e.DF), 4, 0},
	} {
		if !near(c.got, c.want, c.tol) {
			t.Errorf("Mean(y) %s = %.12g, want %.12g", c.name, c.got, c.want)
		}
	}

	for _, c := range []struct {
		m         CIMethod
		low, high float64
	}{
		{Wald, 0.1608827535, 0.7668950243},
		{Logit, 0.2037408189, 0.7452967451},
		{Wilson, 0.2144892320, 0.7327621111},
		{Beta, 0.1802852784, 0.7661093806},
	} {
		iv, err := CI(e, c.m, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if !near(iv.Low, c.low, 1e-9) || !near(iv.High, c.high, 1e-9) || len(iv.Flags) != 0 {
			t.Errorf("CI(%s) = [%.10f, %.10f] %v, want [%.10f, %.10f]", c.m, iv.Low, iv.High, iv.Flags, c.low, c.high)
		}
	}

	tot, err := d.Total(m.y, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !near(tot.Value, 167, 1e-12) || !near(tot.SE, 35.818989, 1e-7) {
		t.Errorf("Total(y) = %.10g SE %.10g, want 167 SE 35.818989", tot.Value, tot.SE)
	}

	r, err := d.Ratio(m.y, m.children, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !near(r.Value, 0.3736018, 1e-7) || !near(r.SE, 0.04372689, 1e-8) {
		t.Errorf("Ratio(y, n_children) = %.10g SE %.10g, want 0.3736018 SE 0.04372689", r.Value, r.SE)
	}

	wo := mustDesign(t, DesignSpec{Weight: m.w})
	e, err = wo.Mean(m.y, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !near(e.Value, 0.4638888889, 1e-10) || !near(e.SE, 0.1115421969, 1e-10) || e.DF != 23 {
		t.Errorf("weights only: p %.10g SE %.10g df %d, want 0.4638888889 0.1115421969 23", e.Value, e.SE, e.DF)
	}

	for _, c := range []struct {
		name                       string
		domain                     []bool
		p, se, deff, low, high, tl float64
	}{
		{"idp=no", not(m.idp), 0.2916667, 0.1498781, 1.747456, 0.05207927, 0.7552659, 1e-7},
		{"idp=yes", m.idp, 0.8083333, 0.1739497, 1.464777, 0.15735218, 0.9896103, 1e-7},
	} {
		e, err := d.Mean(m.y, c.domain)
		if err != nil {
			t.Fatal(err)
		}
		iv, err := CI(e, Logit, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if !near(e.Value, c.p, c.tl) || !near(e.SE, c.se, c.tl) || !near(e.Deff, c.deff, 1e-6) ||
			!near(iv.Low, c.low, c.tl) || !near(iv.High, c.high, c.tl) {
			t.Errorf("domain %s: p %.8g SE %.8g deff %.8g logit [%.8g, %.8g], want %.8g %.8g %.8g [%.8g, %.8g]",
				c.name, e.Value, e.SE, e.Deff, iv.Low, iv.High, c.p, c.se, c.deff, c.low, c.high)
		}
	}
}

func TestMethodsLonelyPSU(t *testing.T) {
	// METHODS.md §1.7: the 24 households less clusters B2 and B3, so that
	// stratum B has the single PSU B1. R survey 4.5 (METHODS.md §1.7).
	m := loadMethods(t)
	var w, y []float64
	var strata, cluster []string
	for i := range m.w {
		if m.cluster[i] == "B2" || m.cluster[i] == "B3" {
			continue
		}
		w, y = append(w, m.w[i]), append(y, m.y[i])
		strata, cluster = append(strata, m.strata[i]), append(cluster, m.cluster[i])
	}
	for _, c := range []struct {
		rule LonelyPSU
		se   float64
	}{
		{LonelyAdjust, 0.0842928229},
		{LonelyRemove, 0.0364592924},
		{LonelyAverage, 0.0515612257},
		{"", 0.0842928229}, // adjust is the default
	} {
		d := mustDesign(t, DesignSpec{Weight: w, Strata: strata, Cluster: cluster, Lonely: c.rule})
		e, err := d.Mean(y, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !near(e.Value, 0.56, 1e-12) || !near(e.SE, c.se, 1e-10) || e.DF != 2 {
			t.Errorf("lonely %q: p %.10g SE %.10g df %d, want 0.56 %.10g 2", c.rule, e.Value, e.SE, e.DF, c.se)
		}
		if len(e.LonelyStrata) != 1 || e.LonelyStrata[0] != "B" {
			t.Errorf("lonely %q: LonelyStrata = %v, want [B]", c.rule, e.LonelyStrata)
		}
	}
	if _, err := NewDesign(DesignSpec{Weight: w, Strata: strata, Cluster: cluster, Lonely: LonelyFail}); err == nil {
		t.Errorf("NewDesign(Lonely: fail) with stratum B lonely: no error")
	}
}
