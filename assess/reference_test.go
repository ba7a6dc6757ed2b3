package assess

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestReference compares every estimate of testdata/reference.csv with R:
// "R 4.2.2, survey 4.1-1 (testdata/reference.R)". The designs, the R calls
// and the few formulas coded there by hand (Wilson, the Korn–Graubard bound
// at p = 0 or 1, the logit interval of a ratio, a total under lonely PSU
// "adjust") are described in the header of reference.R. Tolerance 1e-8,
// relative above 1.

type refData struct {
	tb     table
	design *Design
}

func refDesigns(t *testing.T) map[string]refData {
	t.Helper()
	out := map[string]refData{}

	dist := readTable(t, "testdata/districts.csv")
	w, strata, cluster := dist.num(t, "w"), dist.str(t, "stratum"), dist.str(t, "cluster")
	fpc := map[string]float64{"north": 40, "centre": 12, "south": 9}
	out["districts/fpc"] = refData{dist, mustDesign(t, DesignSpec{Weight: w, Strata: strata, Cluster: cluster, FPC: fpc})}
	out["districts/nofpc"] = refData{dist, mustDesign(t, DesignSpec{Weight: w, Strata: strata, Cluster: cluster})}

	vil := readTable(t, "testdata/village.csv")
	out["village/weights"] = refData{vil, mustDesign(t, DesignSpec{Weight: vil.num(t, "w")})}
	out["village/noweights"] = refData{vil, mustDesign(t, DesignSpec{Rows: vil.rows})}

	lon := readTable(t, "testdata/lonely.csv")
	for _, rule := range []LonelyPSU{LonelyAdjust, LonelyRemove, LonelyAverage} {
		out["lonely/"+string(rule)] = refData{lon, mustDesign(t, DesignSpec{
			Weight: lon.num(t, "w"), Strata: lon.str(t, "stratum"), Cluster: lon.str(t, "cluster"), Lonely: rule,
		})}
	}
	return out
}

// domainOf evaluates the domain expressions of reference.R: "all", "a",
// "!a", "a|b", "a&b", where a column is in the domain when it says "yes".
func domainOf(t *testing.T, tb table, expr string) []bool {
	switch {
	case expr == "all":
		return nil
	case strings.Contains(expr, "|"):
		p := strings.SplitN(expr, "|", 2)
		a, b := domainOf(t, tb, p[0]), domainOf(t, tb, p[1])
		out := make([]bool, len(a))
		for i := range a {
			out[i] = a[i] || b[i]
		}
		return out
	case strings.Contains(expr, "&"):
		p := strings.SplitN(expr, "&", 2)
		return and(domainOf(t, tb, p[0]), domainOf(t, tb, p[1]))
	case strings.HasPrefix(expr, "!"):
		return not(domainOf(t, tb, expr[1:]))
	}
	return tb.is(t, expr, "yes")
}

// varOf evaluates "y1" or "children*y1".
func varOf(t *testing.T, tb table, expr string) []float64 {
	p := strings.SplitN(expr, "*", 2)
	v := tb.num(t, p[0])
	if len(p) == 2 {
		o := tb.num(t, p[1])
		for i := range v {
			v[i] *= o[i]
		}
	}
	return v
}

func TestReference(t *testing.T) {
	designs := refDesigns(t)
	ref := readTable(t, "testdata/reference.csv")
	cases := map[string]map[string]float64{}
	var order []string
	for i, c := range ref.str(t, "case") {
		if cases[c] == nil {
			cases[c] = map[string]float64{}
			order = append(order, c)
		}
		v, err := strconv.ParseFloat(ref.cols["value"][i], 64)
		if err != nil {
			t.Fatalf("reference.csv row %d: %v", i+2, err)
		}
		cases[c][ref.cols["stat"][i]] = v
	}
	if len(order) < 60 {
		t.Fatalf("reference.csv has %d cases; run testdata/reference.R", len(order))
	}
	for _, c := range order {
		want := cases[c]
		p := strings.Split(c, ";") // design, estimator, variable(s), domain
		rd, ok := designs[p[0]]
		if !ok {
			t.Fatalf("case %s: no design %s", c, p[0])
		}
		dom := domainOf(t, rd.tb, p[3])
		var e Estimate
		var err error
		switch p[1] {
		case "mean":
			e, err = rd.design.Mean(varOf(t, rd.tb, p[2]), dom)
		case "total":
			e, err = rd.design.Total(varOf(t, rd.tb, p[2]), dom)
		case "ratio":
			nd := strings.SplitN(p[2], "/", 2)
			e, err = rd.design.Ratio(varOf(t, rd.tb, nd[0]), varOf(t, rd.tb, nd[1]), dom)
		default:
			t.Fatalf("case %s: estimator %s", c, p[1])
		}
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		got := map[string]float64{
			"value": e.Value, "se": e.SE, "df": float64(e.DF), "deff": e.Deff,
			"n": float64(e.N), "n_w": e.NW,
		}
		intervals := map[string]CIMethod{"wald": Wald, "logit": Logit, "beta": Beta, "wilson": Wilson}
		for prefix, m := range intervals {
			if _, ok := want[prefix+"_low"]; !ok {
				continue
			}
			est := e
			if p[1] == "ratio" {
				if est, err = e.Proportion(); err != nil {
					t.Fatalf("%s: %v", c, err)
				}
			}
			if est.Kind == KindProportion && (est.Value == 0 || est.Value == 1) {
				continue // degenerate: Korn–Graubard bound, checked below
			}
			iv, err := CI(est, m, 0.95)
			if err != nil {
				t.Fatalf("%s: CI(%s): %v", c, m, err)
			}
			got[prefix+"_low"], got[prefix+"_upp"] = iv.Low, iv.High
		}
		if _, ok := want["kg0_upp"]; ok {
			iv, _ := CI(e, Logit, 0.95)
			got["kg0_upp"] = iv.High
			if iv.Low != 0 || len(iv.Flags) != 1 || iv.Flags[0] != FlagP0or1 {
				t.Errorf("%s: p = 0 interval %v, want [0, U] flagged %s", c, iv, FlagP0or1)
			}
		}
		if _, ok := want["kg1_low"]; ok {
			iv, _ := CI(e, Wilson, 0.95)
			got["kg1_low"] = iv.Low
			if iv.High != 1 || len(iv.Flags) != 1 || iv.Flags[0] != FlagP0or1 {
				t.Errorf("%s: p = 1 interval %v, want [L, 1] flagged %s", c, iv, FlagP0or1)
			}
		}
		stats := make([]string, 0, len(want))
		for s := range want {
			stats = append(stats, s)
		}
		sort.Strings(stats)
		for _, s := range stats {
			g, ok := got[s]
			if !ok {
				if strings.HasSuffix(s, "_low") || strings.HasSuffix(s, "_upp") {
					continue // the degenerate intervals skipped above
				}
				t.Errorf("%s: %s not computed", c, s)
				continue
			}
			if !near(g, want[s], 1e-8) {
				t.Errorf("%s: %s = %.12g, want %.12g (R)", c, s, g, want[s])
			}
		}
		if math.IsNaN(e.Value) {
			t.Errorf("%s: no estimate", c)
		}
	}
}
