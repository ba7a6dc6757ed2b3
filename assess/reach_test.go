package assess

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
)

// reachSurvey reads testdata/reach.csv as quick mode does: the
// select_multiple "needs" through kobo (keepMissing: don't-know and
// refused are answers, REACH's convention), the select_one shelter_type as
// one 0/1 need per option, days_help as a mean.
func reachSurvey(t *testing.T, keepMissing bool) (cols map[string][]string, needs []Need) {
	t.Helper()
	f, err := kobo.Open(filepath.Join("testdata", "reach.csv"), xlsx.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := kobo.OpenTable(f, "")
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	m, ok := tb.SelectMultiple("needs")
	if !ok {
		t.Fatal("no needs")
	}
	m.KeepMissing = keepMissing
	options := []string{"day_care", "home_care", "shelter"}
	if keepMissing {
		options = append(options, "none", "dnk", "pnta")
	}
	cols = map[string][]string{}
	names := []string{"stratum", "cluster", "w", "idp_status", "shelter_type", "days_help", "school_need"}
	idx := map[string]int{}
	for _, n := range names {
		if idx[n], err = tb.Lookup(n); err != nil {
			t.Fatal(err)
		}
	}
	y := map[string][]float64{}
	for tb.Next() {
		for _, n := range names {
			cols[n] = append(cols[n], tb.Row()[idx[n]])
		}
		for _, o := range options {
			a, err := tb.Selected(m, o)
			if err != nil {
				t.Fatal(err)
			}
			v := math.NaN()
			switch a {
			case kobo.Selected:
				v = 1
			case kobo.NotSelected:
				v = 0
			}
			y[o] = append(y[o], v)
		}
	}
	if err := tb.Err(); err != nil {
		t.Fatal(err)
	}
	for _, o := range options {
		needs = append(needs, Need{Service: o, Y: y[o], Var: "needs", Value: o, Type: TypeSelectMultiple})
	}
	for _, o := range []string{"owned", "rented", "collective"} {
		yo := make([]float64, len(cols["shelter_type"]))
		for i, v := range cols["shelter_type"] {
			switch v {
			case "":
				yo[i] = math.NaN()
			case o:
				yo[i] = 1
			}
		}
		needs = append(needs, Need{Service: "shelter_type/" + o, Y: yo, Var: "shelter_type", Value: o, Type: TypeSelectOne})
	}
	days := make([]float64, len(cols["days_help"]))
	for i, v := range cols["days_help"] {
		days[i] = math.NaN()
		if v != "" {
			fmt.Sscan(v, &days[i])
		}
	}
	needs = append(needs, Need{Service: "days_help", Y: days, Type: TypeMean})
	school := make([]float64, len(cols["school_need"]))
	for i, v := range cols["school_need"] {
		school[i] = map[string]float64{"": math.NaN(), "yes": 1, "no": 0}[v]
	}
	needs = append(needs, Need{Service: "school_need", Y: school})
	return cols, needs
}

// TestReachAgreesWithR compares every row of testdata/reach_ref.csv with
// R: "R 4.2.2, survey 4.1-1 (testdata/reach.R)": a weighted stratified
// cluster design and an unweighted one; the select_multiple "needs" with
// don't-know ticked alone and with real options, the select_one
// shelter_type, the mean of days_help and the yes/no school_need, not
// asked in two of the 7 clusters; in hromada's conventions (METHODS.md
// §1.6: one denominator per question, logit intervals on the domain's
// degrees of freedom) and REACH's (§1.6b: don't-know an answer, Wald
// intervals on the degrees of freedom of the design cut to the answered
// rows, as analysistools over srvyr). Tolerance 1e-9.
func TestReachAgreesWithR(t *testing.T) {
	ref := readTable(t, filepath.Join("testdata", "reach_ref.csv"))
	type key struct{ design, mode, v, value, group string }
	got := map[key]Rate{}
	for _, mode := range []string{"hromada", "reach"} {
		cols, needs := reachSurvey(t, mode == "reach")
		n := len(cols["w"])
		w := make([]float64, n)
		for i, v := range cols["w"] {
			fmt.Sscan(v, &w[i])
		}
		designs := map[string]*Design{
			"weighted":   mustDesign(t, DesignSpec{Weight: w, Strata: cols["stratum"], Cluster: cols["cluster"]}),
			"unweighted": mustDesign(t, DesignSpec{Rows: n}),
		}
		var groups []Membership
		for _, v := range []string{"yes", "no"} {
			m := make([]bool, n)
			for i, s := range cols["idp_status"] {
				m[i] = s == v
			}
			groups = append(groups, Membership{Group: "idp_status=" + v, Member: m, Var: "idp_status", Value: v})
		}
		opt := Options{CI: Logit, MinCount: -1}
		if mode == "reach" {
			opt = Options{CI: Wald, MinCount: -1, DesignDF: true}
		}
		for name, d := range designs {
			res, err := Analyse(Survey{Design: d, Groups: groups, Needs: needs}, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res.Rates {
				got[key{name, mode, r.AnalysisVar, r.AnalysisVarValue, r.Group}] = r
			}
		}
	}
	checked := 0
	na := func(s string) string {
		if s == "" {
			return "NA"
		}
		return s
	}
	for i := 0; i < ref.rows; i++ {
		c := func(name string) string { return ref.cols[name][i] }
		value := c("analysis_var_value")
		if value == "NA" {
			value = ""
		}
		k := key{c("design"), c("mode"), c("analysis_var"), value, c("group")}
		r, ok := got[k]
		if !ok {
			t.Errorf("no rate for %+v", k)
			continue
		}
		if r.AnalysisType != c("analysis_type") {
			t.Errorf("%+v: analysis_type %q, want %q", k, r.AnalysisType, c("analysis_type"))
		}
		for _, f := range []struct {
			name string
			got  float64
		}{
			{"stat", r.Stat}, {"se", r.SE}, {"df", float64(r.DF)},
			{"stat_low", r.StatLow}, {"stat_upp", r.StatUpp},
			{"n", float64(r.N)}, {"n_total", float64(r.NTotal)},
			{"n_w", r.NW}, {"n_w_total", r.NWTotal},
		} {
			want := ref.num(t, f.name)[i]
			if !near(f.got, want, 1e-9) {
				t.Errorf("%+v: %s = %.12g, want %.12g (R)", k, f.name, f.got, want)
			}
		}
		// analysis_key as analysistools' adding_analysis_key builds it.
		group := "NA %/% NA"
		if g := c("group"); g != "all" {
			group = strings.Replace(g, "=", " %/% ", 1)
		}
		if want := c("analysis_type") + " @/@ " + c("analysis_var") + " %/% " + na(value) + " @/@ " + group; r.AnalysisKey != want {
			t.Errorf("analysis_key %q, want %q", r.AnalysisKey, want)
		}
		checked++
	}
	if checked != 114 {
		t.Errorf("%d rows of R checked, want 114", checked)
	}
}

// TestReachZero: with DesignDF and Wald a proportion of 0 has the interval
// [0, 0] (R confint of svymean: p ± t·SE with SE = 0), flagged p_0_or_1,
// and df the whole design's: 6 rows, 3 PSUs of 2 rows in 1 stratum gives
// 3 − 1 = 2 even for a domain of one PSU (hand-counted).
func TestReachZero(t *testing.T) {
	d := mustDesign(t, DesignSpec{Cluster: []string{"a", "a", "b", "b", "c", "c"}})
	dom := []bool{true, true, false, false, false, false}
	res, err := Analyse(Survey{Design: d, Needs: []Need{{Service: "s", Y: []float64{0, 0, 1, 0, 1, 1}}},
		Groups: []Membership{{Group: "g", Member: dom}}}, Options{CI: Wald, DesignDF: true, MinCount: -1})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Rates[1]
	if r.Group != "g" || r.Stat != 0 || r.StatLow != 0 || r.StatUpp != 0 || r.DF != 2 || !slices.Contains(r.Flags, FlagP0or1) {
		t.Errorf("group g: %+v; want p 0 in [0, 0], df 2, flagged p_0_or_1", r)
	}
}
