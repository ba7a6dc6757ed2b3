package assess

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
)

// handSurvey is six households with weights only, small enough to compute
// every demand by hand in the comments of the tests below.
//
//	hh  w   idp lowinc children persons day_care psych
//	1   10  x          2        3       1        1
//	2   10  x   x      0        2       0        1
//	3   20      x      3        5       0        0
//	4   20  x   x      1        4       1        1
//	5   30             4        6       0        0
//	6   10      x      2        3       NaN      1
func handSurvey(t *testing.T) Survey {
	nan := math.NaN()
	d := mustDesign(t, DesignSpec{Weight: []float64{10, 10, 20, 20, 30, 10}})
	return Survey{
		Design: d,
		Groups: []Membership{
			{Group: "idp", Member: []bool{true, true, false, true, false, false}},
			{Group: "lowinc", Member: []bool{false, true, true, true, false, true}},
		},
		Needs: []Need{
			{Service: "day_care", Y: []float64{1, 0, 0, 1, 0, nan}},
			{Service: "psych", Y: []float64{1, 1, 0, 1, 0, 1}},
		},
		Children: []float64{2, 0, 3, 1, 4, 2},
		Persons:  []float64{3, 2, 5, 4, 6, 3},
	}
}

func findDemand(t *testing.T, ds []Demand, group, service string) Demand {
	t.Helper()
	for _, d := range ds {
		if d.Group == group && d.Service == service {
			return d
		}
	}
	t.Fatalf("no demand for group %q, service %q", group, service)
	return Demand{}
}

func TestAnalyseUnitConversion(t *testing.T) {
	// Clients are the members who need the service (METHODS.md §1.5). A
	// roster says: in hh 1 one of its 2 children needs day care, in hh 4
	// its only child; hh 6 is unknown.
	s := handSurvey(t)
	nan := math.NaN()
	s.Needs[0].Clients = []float64{1, 0, 0, 1, 0, nan}
	s.Needs[0].ClientsFrom = ClientsRoster
	res, err := Analyse(s, Options{
		Units: map[string]hromada.Unit{"day_care": hromada.Child},
		Counts: map[string]Count{
			"idp":    {Value: 500, Unit: hromada.Family, AsOf: "2026-01-01", Source: "IDP register"},
			"lowinc": {Value: 120, Unit: hromada.Child},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		group, service string
		basis          Basis
		unit           hromada.Unit
		count, rate    float64
		people         float64
		analysisType   string
	}{
		// idp (hh 1, 2, 4), count in families, service in children:
		// R = Σ w·m / Σ w = (10·1 + 10·0 + 20·1)/40 = 0.75 children per
		// family, 500 families × 0.75 = 375 children: a mean, with its
		// rules, even though m is 0/1 here. (The old rule,
		// Σ w·children·y / Σ w, gave (10·2 + 20·1)/40 = 1 and 500 children.)
		{"idp", "day_care", BasisRegistry, hromada.Child, 500, 0.75, 375, "mean"},
		// lowinc (hh 2, 3, 4; hh 6 unknown), count in children:
		// R = Σ w·m / Σ w·children = 20·1 / (10·0 + 20·3 + 20·1)
		// = 20/80 = 0.25, 120 children × 0.25 = 30 children.
		{"lowinc", "day_care", BasisRegistry, hromada.Child, 120, 0.25, 30, "ratio"},
		// all, no count: survey basis Σw = 100 families; R = Σ w·m / Σ w
		// over those known = (10 + 20)/90; 100·30/90.
		{AllGroup, "day_care", BasisSurvey, hromada.Child, 100, 30.0 / 90, 100 * 30.0 / 90, "mean"},
		// psych is in families: the rate itself. idp: (10+10+20)/40 = 1.
		{"idp", "psych", BasisRegistry, hromada.Family, 500, 1, 500, "prop_select_one"},
		// lowinc counted in children, psych in families: R = Σ w·y / Σ w·children
		// = (10 + 20 + 10)/(0 + 60 + 20 + 20) = 0.4 families per child.
		{"lowinc", "psych", BasisRegistry, hromada.Family, 120, 0.4, 48, "ratio"},
	} {
		d := findDemand(t, res.Demand, c.group, c.service)
		if d.Basis != c.basis || d.Unit != c.unit || d.Count != c.count || d.Rate.AnalysisType != c.analysisType ||
			!near(d.Rate.Stat, c.rate, 1e-12) || !near(d.People, c.people, 1e-12) {
			t.Errorf("Demand(%s, %s) = basis %s unit %s count %v type %s rate %v people %v, want %s %s %v %s %v %v",
				c.group, c.service, d.Basis, d.Unit, d.Count, d.Rate.AnalysisType, d.Rate.Stat, d.People,
				c.basis, c.unit, c.count, c.analysisType, c.rate, c.people)
		}
	}
	d := findDemand(t, res.Demand, "idp", "day_care")
	if d.AsOf != "2026-01-01" || d.Source != "IDP register" || d.CountUnit != hromada.Family || d.ClientsFrom != ClientsRoster {
		t.Errorf("idp demand keeps count metadata %q %q %q, clients from %q", d.AsOf, d.Source, d.CountUnit, d.ClientsFrom)
	}
	if want := "mean @/@ day_care*children %/% NA @/@ idp %/% yes"; d.Rate.AnalysisKey != want {
		t.Errorf("analysis_key = %q, want %q", d.Rate.AnalysisKey, want)
	}
	if d := findDemand(t, res.Demand, "idp", "psych"); d.ClientsFrom != "" {
		t.Errorf("family service psych: clients from %q, want empty", d.ClientsFrom)
	}
	d = findDemand(t, res.Demand, "lowinc", "day_care")
	if want := "ratio @/@ day_care*children %/% NA -/- children %/% NA @/@ lowinc %/% yes"; d.Rate.AnalysisKey != want {
		t.Errorf("analysis_key = %q, want %q", d.Rate.AnalysisKey, want)
	}
	// Children in need per child is a ratio (svyratio): a Wald interval,
	// and the people's interval is the count times it.
	if d.Rate.Kind != KindRatio || d.Rate.Method != Wald ||
		!near(d.PeopleLow, 120*d.Rate.StatLow, 1e-12) || !near(d.PeopleUpp, 120*d.Rate.StatUpp, 1e-12) {
		t.Errorf("lowinc day_care: kind %s method %s people [%v, %v], rate [%v, %v]",
			d.Rate.Kind, d.Rate.Method, d.PeopleLow, d.PeopleUpp, d.Rate.StatLow, d.Rate.StatUpp)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.EN, "one client") {
			t.Errorf("warning %q, but every child service has a clients column", w)
		}
	}

	// Persons from a count question: psych clients m = 2, 1, 0, 1, 0, 1.
	// idp on the survey basis (40 families): R = Σ w·m / Σ w
	// = (10·2 + 10·1 + 20·1)/40 = 1.25, 50 persons; a mean (m is not 0/1).
	// (The old rule, Σ w·persons·y / Σ w = 3.25, gave 130.)
	s = handSurvey(t)
	s.Needs[1].Clients = []float64{2, 1, 0, 1, 0, 1}
	res, err = Analyse(s, Options{Units: map[string]hromada.Unit{"psych": hromada.Person}})
	if err != nil {
		t.Fatal(err)
	}
	d = findDemand(t, res.Demand, "idp", "psych")
	if d.Basis != BasisSurvey || d.Count != 40 || !near(d.Rate.Stat, 1.25, 1e-12) || !near(d.People, 50, 1e-12) || d.Unit != hromada.Person {
		t.Errorf("idp psych in persons: basis %s count %v rate %v people %v unit %s, want survey 40 1.25 50 person",
			d.Basis, d.Count, d.Rate.Stat, d.People, d.Unit)
	}
	if d.Rate.Kind != KindMean || d.Rate.Method != Wald || d.ClientsFrom != ClientsCount {
		t.Errorf("persons per family: kind %s method %s clients from %q, want mean wald count", d.Rate.Kind, d.Rate.Method, d.ClientsFrom)
	}

	// No clients column: one client per household in need, with a
	// warning. idp: R = (10 + 10 + 20)/40 = 1 person per family, 40.
	res, err = Analyse(handSurvey(t), Options{Units: map[string]hromada.Unit{"psych": hromada.Person}})
	if err != nil {
		t.Fatal(err)
	}
	d = findDemand(t, res.Demand, "idp", "psych")
	if !near(d.People, 40, 1e-12) || d.ClientsFrom != ClientsHousehold {
		t.Errorf("idp psych, one per household: people %v from %q, want 40 household", d.People, d.ClientsFrom)
	}
	warned := 0
	for _, w := range res.Warnings {
		if strings.Contains(w.EN, `"psych"`) && strings.Contains(w.EN, "one client") {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("%d one-client warnings for psych, want 1: %q", warned, res.Warnings)
	}
}

func TestAnalyseUnion(t *testing.T) {
	s := handSurvey(t)
	// Union of idp and lowinc: hh 1, 2, 3, 4, 6, Σw = 70.
	// psych: (10 + 10 + 20 + 10)/70 = 5/7, on the survey basis 70·5/7 = 50
	// families. Adding the groups would give 40·1 + 60·(40/60) = 80: hh 2
	// and 4 (weights 10 + 20) counted twice.
	res, err := Analyse(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := findDemand(t, res.Union, AnyGroup, "psych")
	if u.Basis != BasisSurvey || u.Count != 70 || !near(u.Rate.Stat, 5.0/7, 1e-12) || !near(u.People, 50, 1e-12) {
		t.Errorf("union psych: basis %s count %v rate %v people %v, want survey 70 5/7 50", u.Basis, u.Count, u.Rate.Stat, u.People)
	}
	sum := findDemand(t, res.Demand, "idp", "psych").People + findDemand(t, res.Demand, "lowinc", "psych").People
	if !near(sum, 80, 1e-12) {
		t.Errorf("sum of group demands = %v, want 80 (the double count the union avoids)", sum)
	}
	if want := "prop_select_one @/@ psych %/% yes @/@ any %/% yes"; u.Rate.AnalysisKey != want {
		t.Errorf("union analysis_key = %q, want %q", u.Rate.AnalysisKey, want)
	}

	for _, c := range []struct {
		name    string
		counts  map[string]Count
		countOf string
		rate    float64
		people  float64
	}{
		// A registry count of the union: 300 families × 5/7.
		{"any", map[string]Count{AnyGroup: {Value: 300}}, AnyGroup, 5.0 / 7, 300 * 5.0 / 7},
		// Only all families are counted (1000): the share of all families
		// that are in a group and need psych, y·1{any}: hh 1, 2, 4, 6 need
		// it and are in a group, hh 3 and 5 count 0: (10+10+20+10)/100.
		{"all", map[string]Count{AllGroup: {Value: 1000}}, AllGroup, 0.5, 500},
		// Both: the union's own count wins.
		{"both", map[string]Count{"": {Value: 1000}, AnyGroup: {Value: 300}}, AnyGroup, 5.0 / 7, 300 * 5.0 / 7},
	} {
		res, err := Analyse(s, Options{Counts: c.counts})
		if err != nil {
			t.Fatal(err)
		}
		u := findDemand(t, res.Union, AnyGroup, "psych")
		if u.Basis != BasisRegistry || u.CountOf != c.countOf || !near(u.Rate.Stat, c.rate, 1e-12) || !near(u.People, c.people, 1e-9) {
			t.Errorf("union psych with count %s: basis %s of %s rate %v people %v, want registry of %s %v %v",
				c.name, u.Basis, u.CountOf, u.Rate.Stat, u.People, c.countOf, c.rate, c.people)
		}
	}

	// day_care in children on the count of all families, clients m = 2
	// (hh 1), 1 (hh 4): hh 6 (in a group) is unknown; hh 5 is outside
	// every group and counts 0. R = Σ w·m·1{any} / Σ w = (10·2 + 20·1)/90,
	// × 1000 families.
	s.Needs[0].Clients = []float64{2, 0, 0, 1, 0, math.NaN()}
	res, err = Analyse(s, Options{
		Units:  map[string]hromada.Unit{"day_care": hromada.Child},
		Counts: map[string]Count{AllGroup: {Value: 1000}},
	})
	if err != nil {
		t.Fatal(err)
	}
	u = findDemand(t, res.Union, AnyGroup, "day_care")
	if !near(u.People, 1000*40.0/90, 1e-9) || u.Unit != hromada.Child || u.CountUnit != hromada.Family {
		t.Errorf("union day_care in children = %v %s (count %s), want %v child (family)", u.People, u.Unit, u.CountUnit, 1000*40.0/90)
	}
}

func TestAnalyseRates(t *testing.T) {
	s := handSurvey(t)
	res, err := Analyse(s, Options{MinCount: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rates) != 6 || len(res.Demand) != 6 || len(res.Union) != 2 {
		t.Fatalf("Analyse: %d rates, %d demand, %d union; want 6, 6, 2", len(res.Rates), len(res.Demand), len(res.Union))
	}
	// Order: all, idp, lowinc × day_care, psych.
	var got []string
	for _, r := range res.Rates {
		got = append(got, r.Group+"/"+r.Service)
	}
	if want := "all/day_care all/psych idp/day_care idp/psych lowinc/day_care lowinc/psych"; strings.Join(got, " ") != want {
		t.Errorf("rates order %q, want %q", strings.Join(got, " "), want)
	}
	// lowinc day_care: hh 2, 3, 4 answered (hh 6 did not); one needs it
	// (hh 4, weight 20): n 1, n_total 3, n_w 20, n_w_total 50, p 0.4.
	r := res.Rates[4]
	if r.N != 1 || r.NTotal != 3 || r.NW != 20 || r.NWTotal != 50 || r.NDomain != 4 || r.NWDomain != 60 || !near(r.Stat, 0.4, 1e-12) {
		t.Errorf("lowinc day_care: n %d n_total %d n_w %v n_w_total %v n_domain %d n_w_domain %v stat %v",
			r.N, r.NTotal, r.NW, r.NWTotal, r.NDomain, r.NWDomain, r.Stat)
	}
	if want := "prop_select_one @/@ day_care %/% yes @/@ lowinc %/% yes"; r.AnalysisKey != want {
		t.Errorf("analysis_key = %q, want %q", r.AnalysisKey, want)
	}
	if want := "prop_select_one @/@ day_care %/% yes @/@ NA %/% NA"; res.Rates[0].AnalysisKey != want {
		t.Errorf("analysis_key = %q, want %q", res.Rates[0].AnalysisKey, want)
	}
	// idp psych: everyone needs it, p = 1: Korn–Graubard bound, review.
	r = res.Rates[3]
	if r.Stat != 1 || r.StatUpp != 1 || !(r.StatLow < 1) || !hasFlag(r.Flags, FlagP0or1) || !hasFlag(r.Verdict.Reasons, FlagP0or1) {
		t.Errorf("idp psych p=1: [%v, %v] flags %v verdict %+v", r.StatLow, r.StatUpp, r.Flags, r.Verdict)
	}
	// With the default minimum of 5 respondents, idp (3) is suppressed.
	res, err = Analyse(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Rates[3].Verdict; !v.Suppress || !hasFlag(v.Reasons, FlagSmallCount) {
		t.Errorf("idp psych with 3 respondents: verdict %+v, want suppressed small_count", v)
	}
	// The weights are expansion weights: the survey basis is announced.
	if len(res.Warnings) == 0 || !strings.Contains(warningsEN(t, res.Warnings), `no registry count for group "idp"`) {
		t.Errorf("warnings %q, want one about idp's survey count", res.Warnings)
	}
}

func hasFlag(fs []Flag, f Flag) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

func TestAnalyseMatchesR(t *testing.T) {
	// The conversions of Analyse are the estimators checked against R in
	// TestReference: the districts design, y1 counted in children.
	// "R 4.2.2, survey 4.1-1 (testdata/reference.R)":
	//   districts/fpc;ratio;children*y1/children;idp  (children count)
	//   districts/fpc;mean;children*y1;idp            (family count)
	dist := readTable(t, "testdata/districts.csv")
	d := mustDesign(t, DesignSpec{
		Weight: dist.num(t, "w"), Strata: dist.str(t, "stratum"), Cluster: dist.str(t, "cluster"),
		FPC: map[string]float64{"north": 40, "centre": 12, "south": 9},
	})
	ref := map[string]map[string]float64{}
	rt := readTable(t, "testdata/reference.csv")
	for i, c := range rt.str(t, "case") {
		if ref[c] == nil {
			ref[c] = map[string]float64{}
		}
		ref[c][rt.cols["stat"][i]] = rt.num(t, "value")[i]
	}
	s := Survey{
		Design:   d,
		Groups:   []Membership{{Group: "idp", Member: dist.is(t, "idp", "yes")}, {Group: "lowinc", Member: dist.is(t, "lowinc", "yes")}},
		Needs:    []Need{{Service: "y1", Y: dist.num(t, "y1")}},
		Children: dist.num(t, "children"),
	}
	// The clients of R's numerator: every child of a household in need.
	kids, y1 := dist.num(t, "children"), dist.num(t, "y1")
	m := make([]float64, len(kids))
	for i := range m {
		m[i] = kids[i] * y1[i]
	}
	s.Needs[0].Clients = m
	for _, c := range []struct {
		count Count
		case_ string
	}{
		{Count{Value: 800, Unit: hromada.Child}, "districts/fpc;ratio;children*y1/children;idp"},
		{Count{Value: 300, Unit: hromada.Family}, "districts/fpc;mean;children*y1;idp"},
	} {
		res, err := Analyse(s, Options{Units: map[string]hromada.Unit{"y1": hromada.Child}, Counts: map[string]Count{"idp": c.count}})
		if err != nil {
			t.Fatal(err)
		}
		dm := findDemand(t, res.Demand, "idp", "y1")
		want := ref[c.case_]
		if !near(dm.Rate.Stat, want["value"], 1e-8) || !near(dm.Rate.SE, want["se"], 1e-8) || dm.Rate.DF != int(want["df"]) ||
			!near(dm.People, c.count.Value*want["value"], 1e-8) {
			t.Errorf("%s: rate %v SE %v df %d people %v, want %v %v %v %v", c.case_, dm.Rate.Stat, dm.Rate.SE, dm.Rate.DF, dm.People,
				want["value"], want["se"], want["df"], c.count.Value*want["value"])
		}
		// Clients per child is a ratio (METHODS.md §1.5): R's
		// confint(svyratio(...), df = degf(design)), value ± t_df·SE.
		if dm.Rate.Kind == KindRatio {
			half := tQuantile(0.975, want["df"]) * want["se"]
			if !near(dm.Rate.StatLow, max(want["value"]-half, 0), 1e-8) || !near(dm.Rate.StatUpp, want["value"]+half, 1e-8) || dm.Rate.Method != Wald {
				t.Errorf("%s: %s [%v, %v], want wald [%v, %v]", c.case_, dm.Rate.Method, dm.Rate.StatLow, dm.Rate.StatUpp, want["value"]-half, want["value"]+half)
			}
		}
		if _, ok := want["wald_low"]; ok && (!near(dm.Rate.StatLow, want["wald_low"], 1e-8) || !near(dm.Rate.StatUpp, want["wald_upp"], 1e-8)) {
			t.Errorf("%s: wald [%v, %v], want [%v, %v]", c.case_, dm.Rate.StatLow, dm.Rate.StatUpp, want["wald_low"], want["wald_upp"])
		}
	}
	// The union's rate is the domain "idp|lowinc" of the reference.
	res, err := Analyse(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := findDemand(t, res.Union, AnyGroup, "y1")
	want := ref["districts/fpc;mean;y1;idp|lowinc"]
	if !near(u.Rate.Stat, want["value"], 1e-8) || !near(u.Rate.SE, want["se"], 1e-8) ||
		!near(u.Rate.StatLow, want["logit_low"], 1e-8) || !near(u.Rate.StatUpp, want["logit_upp"], 1e-8) {
		t.Errorf("union y1: %v SE %v [%v, %v], want R %v %v [%v, %v]", u.Rate.Stat, u.Rate.SE, u.Rate.StatLow, u.Rate.StatUpp,
			want["value"], want["se"], want["logit_low"], want["logit_upp"])
	}
}

func TestAnalyseErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*Survey, *Options)
		want string
	}{
		{"no design", func(s *Survey, o *Options) { s.Design = nil }, "no design"},
		{"reserved group", func(s *Survey, o *Options) { s.Groups[0].Group = AllGroup }, "reserved"},
		{"duplicate group", func(s *Survey, o *Options) { s.Groups[1].Group = "idp" }, "twice"},
		{"short member", func(s *Survey, o *Options) { s.Groups[0].Member = s.Groups[0].Member[:3] }, "rows"},
		{"duplicate need", func(s *Survey, o *Options) { s.Needs[1].Service = "day_care" }, "two needs"},
		{"short need", func(s *Survey, o *Options) { s.Needs[0].Y = s.Needs[0].Y[:2] }, "rows"},
		{"unit of unknown service", func(s *Survey, o *Options) { o.Units = map[string]hromada.Unit{"x": hromada.Child} }, "no need"},
		{"unknown unit", func(s *Survey, o *Options) { o.Units = map[string]hromada.Unit{"psych": "hour"} }, "not known"},
		{"child unit without children", func(s *Survey, o *Options) {
			s.Children = nil
			o.Units = map[string]hromada.Unit{"psych": hromada.Child}
		}, "no number of children"},
		{"count of unknown group", func(s *Survey, o *Options) { o.Counts = map[string]Count{"roma": {Value: 3}} }, "not in the survey"},
		{"negative count", func(s *Survey, o *Options) { o.Counts = map[string]Count{"idp": {Value: -3}} }, "0 or more"},
		{"two counts of all", func(s *Survey, o *Options) { o.Counts = map[string]Count{"": {Value: 1}, "all": {Value: 2}} }, "two registry counts"},
		{"negative children", func(s *Survey, o *Options) { s.Children = []float64{1, -1, 0, 0, 0, 0} }, "row 2"},
		{"bad method", func(s *Survey, o *Options) { o.CI = "exact" }, "not known"},
		{"bad level", func(s *Survey, o *Options) { o.Level = 95 }, "between 0 and 1"},
	} {
		s := handSurvey(t)
		s.Groups = append([]Membership(nil), s.Groups...)
		s.Needs = append([]Need(nil), s.Needs...)
		var o Options
		c.edit(&s, &o)
		_, err := Analyse(s, o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Analyse(%s) error = %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestRateJSON(t *testing.T) {
	s := handSurvey(t)
	res, err := Analyse(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Rates  []map[string]any `json:"rates"`
		Demand []map[string]any `json:"demand"`
	}
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	r := back.Rates[0]
	for _, col := range []string{"analysis_type", "analysis_var", "analysis_var_value", "group_var", "group_var_value",
		"stat", "stat_low", "stat_upp", "n", "n_total", "n_w", "n_w_total", "analysis_key",
		"se", "df", "deff", "n_eff", "flags", "verdict"} {
		if _, ok := r[col]; !ok {
			t.Errorf("rate JSON has no %q: %s", col, b[:200])
		}
	}
	// All families: no group (NA → null); weights are not normalised but
	// the whole population has Σw = 100 > n, so deff is a number.
	if r["group_var"] != nil || r["group_var_value"] != nil {
		t.Errorf("group_var %v, group_var_value %v, want null", r["group_var"], r["group_var_value"])
	}
	// An estimate without interval writes null, not NaN (which JSON lacks).
	nan := math.NaN()
	rate := Rate{Stat: nan, StatLow: nan, StatUpp: math.Inf(1), Deff: nan, NEff: nan, SE: nan}
	b, err = json.Marshal(rate)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"stat":null`) || !strings.Contains(string(b), `"stat_upp":null`) || !strings.Contains(string(b), `"flags":[]`) {
		t.Errorf("NaN rate JSON = %s", b)
	}
	if _, err := json.Marshal(Demand{People: nan, Rate: rate}); err != nil {
		t.Errorf("Demand with NaN: %v", err)
	}
}

func TestAnalyseLonelyAndNormalised(t *testing.T) {
	// The lonely design of reference.R (strata s2 and s4 have one PSU),
	// analysed with weights normalised to the 31 respondents.
	lon := readTable(t, "testdata/lonely.csv")
	w := lon.num(t, "w")
	var sum float64
	for _, v := range w {
		sum += v
	}
	for i := range w {
		w[i] *= float64(len(w)) / sum
	}
	d := mustDesign(t, DesignSpec{Weight: w, Strata: lon.str(t, "stratum"), Cluster: lon.str(t, "cluster")})
	res, err := Analyse(Survey{
		Design: d,
		Groups: []Membership{{Group: "grp", Member: lon.is(t, "grp", "yes")}},
		Needs:  []Need{{Service: "y", Y: lon.num(t, "y")}},
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	warn := warningsEN(t, res.Warnings)
	for _, want := range []string{"strata with a single PSU: s2, s4", `"adjust"`, "counts respondents, not families"} {
		if !strings.Contains(warn, want) {
			t.Errorf("warnings %q lack %q", res.Warnings, want)
		}
	}
	// The whole population reaches both lonely strata, grp only s2.
	if r := res.Rates[0]; !hasFlag(r.Flags, FlagLonelyPSU) || !hasFlag(r.Verdict.Reasons, FlagLonelyPSU) || !r.Verdict.Review {
		t.Errorf("all: flags %v verdict %+v, want lonely_psu for review", r.Flags, r.Verdict)
	}
	// Normalised weights: no design effect (R: Inf or NA); the rate, its SE
	// and interval are those of the unnormalised weights:
	// "R 4.2.2, survey 4.1-1 (testdata/reference.R)", lonely/adjust;mean;y;all.
	want := map[string]float64{}
	rt := readTable(t, "testdata/reference.csv")
	vals := rt.num(t, "value")
	for i, c := range rt.str(t, "case") {
		if c == "lonely/adjust;mean;y;all" {
			want[rt.cols["stat"][i]] = vals[i]
		}
	}
	r := res.Rates[0]
	if !math.IsNaN(r.Deff) || !near(r.Stat, want["value"], 1e-8) || !near(r.SE, want["se"], 1e-8) ||
		!near(r.StatLow, want["logit_low"], 1e-8) || !near(r.StatUpp, want["logit_upp"], 1e-8) {
		t.Errorf("all: deff %v stat %v SE %v [%v, %v], want NaN and R's %v", r.Deff, r.Stat, r.SE, r.StatLow, r.StatUpp, want)
	}
}

// TestDemandNeverNegative: a Wald interval of children per family in need
// can reach below zero in a small sample; the demand's rate and people are
// cut at zero together.
func TestDemandNeverNegative(t *testing.T) {
	// 8 households, one needing the service for its 5 children: the Wald
	// interval of Σ w·m / Σ w = 5/8 is wide and its lower end,
	// 0.625 − t·SE, is below zero.
	y := []float64{1, 0, 0, 0, 0, 0, 0, 0}
	kids := []float64{5, 1, 0, 2, 1, 0, 3, 1}
	d, err := NewDesign(DesignSpec{Rows: 8})
	if err != nil {
		t.Fatal(err)
	}
	m := []float64{5, 0, 0, 0, 0, 0, 0, 0}
	res, err := Analyse(Survey{Design: d, Needs: []Need{{Service: "day_care", Y: y, Clients: m}}, Children: kids},
		Options{Units: map[string]hromada.Unit{"day_care": hromada.Child}, MinCount: -1})
	if err != nil {
		t.Fatal(err)
	}
	dem := findDemand(t, res.Demand, AllGroup, "day_care")
	if dem.Rate.StatLow != 0 || dem.PeopleLow != 0 {
		t.Errorf("lower bounds: rate %v, people %v; want 0 and 0", dem.Rate.StatLow, dem.PeopleLow)
	}
	if !(dem.Rate.StatUpp > dem.Rate.Stat) || !near(dem.Rate.Stat, 0.625, 1e-12) {
		t.Errorf("rate %v [%v, %v], want 0.625 with an upper bound above it", dem.Rate.Stat, dem.Rate.StatLow, dem.Rate.StatUpp)
	}
}

// TestNotObserved: respondents answered, none needs respite care. The
// estimate is "not observed" with the one-sided Korn–Graubard upper bound
// of the share of families, never a published 0 (METHODS.md §1.4).
func TestNotObserved(t *testing.T) {
	s := handSurvey(t)
	s.Needs = append(s.Needs, Need{Service: "respite", Y: []float64{0, 0, 0, 0, 0, math.NaN()}})
	res, err := Analyse(s, Options{Units: map[string]hromada.Unit{"respite": hromada.Child}, MinCount: -1})
	if err != nil {
		t.Fatal(err)
	}
	// All households: 5 answered, each its own PSU, df = 4 = N − 1, so
	// n* = N·(t_{N−1}/t_df)² = 5. The one-sided 95 % bound is the upper end
	// of the two-sided 90 % beta interval, Beta⁻¹(0.95; 1, 5) = 1 − 0.05^(1/5)
	// = 0.4507197...
	want := 1 - math.Pow(0.05, 1.0/5)
	var r Rate
	for _, x := range res.Rates {
		if x.Group == AllGroup && x.Service == "respite" {
			r = x
		}
	}
	if !r.NotObserved || !near(r.UpperBound, want, 1e-9) || !r.Verdict.Suppress || !hasFlag(r.Verdict.Reasons, FlagNotObserved) {
		t.Errorf("respite rate: not observed %v, upper %v, verdict %+v; want true, %v, suppressed not_observed", r.NotObserved, r.UpperBound, r.Verdict, want)
	}
	d := findDemand(t, res.Demand, AllGroup, "respite")
	if !d.NotObserved || !near(d.ShareUpp, want, 1e-9) || !d.Rate.Verdict.Suppress || d.ClientsFrom != ClientsHousehold {
		t.Errorf("respite demand: not observed %v, share_upp %v, verdict %+v, from %q; want true, %v, suppressed, household", d.NotObserved, d.ShareUpp, d.Rate.Verdict, d.ClientsFrom, want)
	}
	// A need with respondents in need is observed: no bound.
	d = findDemand(t, res.Demand, AllGroup, "psych")
	if d.NotObserved || !math.IsNaN(d.ShareUpp) || !math.IsNaN(d.Rate.UpperBound) {
		t.Errorf("psych: not observed %v, share_upp %v, upper %v; want false, NaN, NaN", d.NotObserved, d.ShareUpp, d.Rate.UpperBound)
	}
	b, err := json.Marshal(findDemand(t, res.Demand, AllGroup, "respite"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"not_observed":true`) || !strings.Contains(string(b), `"clients_from":"household"`) {
		t.Errorf("JSON %s lacks not_observed or clients_from", b)
	}
}

// TestRatioReliability: demand in children is suppressed when fewer than
// the minimum count of households have the need, whatever the respondents.
func TestRatioReliability(t *testing.T) {
	s := handSurvey(t)
	// day_care clients from a count question: hh 1 has 2, hh 4 has 1.
	s.Needs[0].Clients = []float64{2, 0, 0, 1, 0, math.NaN()}
	res, err := Analyse(s, Options{Units: map[string]hromada.Unit{"day_care": hromada.Child}, MinCount: 3})
	if err != nil {
		t.Fatal(err)
	}
	// All: 5 respondents, 2 households with clients < 3.
	d := findDemand(t, res.Demand, AllGroup, "day_care")
	if d.Rate.Kind != KindMean || !d.Rate.Verdict.Suppress || !hasFlag(d.Rate.Verdict.Reasons, FlagSmallCount) {
		t.Errorf("day_care in children: kind %s verdict %+v, want mean suppressed small_count", d.Rate.Kind, d.Rate.Verdict)
	}
	res, err = Analyse(s, Options{Units: map[string]hromada.Unit{"day_care": hromada.Child}, MinCount: 2})
	if err != nil {
		t.Fatal(err)
	}
	if d := findDemand(t, res.Demand, AllGroup, "day_care"); hasFlag(d.Rate.Verdict.Reasons, FlagSmallCount) {
		t.Errorf("2 households in need, minimum 2: verdict %+v, want no small_count", d.Rate.Verdict)
	}
}

// TestPlausibility: a published demand above the group's registered size
// or, for persons, above the community's population is a warning naming
// both figures (METHODS.md §1.5).
func TestPlausibility(t *testing.T) {
	// 20 households of weight 5 (Σw = 100), all needing psych, counted in
	// persons; clients 1, 2, 1, 2, … from a count question:
	// R = Σ w m / Σ w = 5·(10·1 + 10·2)/100 = 1.5, 150 persons on the
	// survey basis; SE ≈ 0.5/√20 ≈ 0.11, RSE 0.08, published.
	n := 20
	w, y, m, persons := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		w[i], y[i], m[i], persons[i] = 5, 1, float64(1+i%2), 4
	}
	s := Survey{Design: mustDesign(t, DesignSpec{Weight: w}), Needs: []Need{{Service: "psych", Y: y, Clients: m}}, Persons: persons}
	opt := Options{
		Units:      map[string]hromada.Unit{"psych": hromada.Person},
		Registered: map[string]map[hromada.Unit]float64{AllGroup: {hromada.Person: 140}},
		Population: 149,
	}
	res, err := Analyse(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	d := findDemand(t, res.Demand, AllGroup, "psych")
	if !near(d.People, 150, 1e-12) || d.Rate.Verdict.Suppress {
		t.Fatalf("psych: %v persons, verdict %+v; want 150 published", d.People, d.Rate.Verdict)
	}
	all := warningsEN(t, res.Warnings)
	for _, w := range []string{
		`demand for service "psych" in group "all" is 150.0 persons, more than the 140 persons registered in the group`,
		`demand for service "psych" in group "all" is 150.0 persons, more than the community's population of 149`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("warnings lack %q:\n%s", w, all)
		}
	}
	// Within both figures: no warning.
	opt.Registered, opt.Population = map[string]map[hromada.Unit]float64{AllGroup: {hromada.Person: 150}}, 1000
	if res, err = Analyse(s, opt); err != nil {
		t.Fatal(err)
	}
	if all := warningsEN(t, res.Warnings); strings.Contains(all, "more than") {
		t.Errorf("unexpected plausibility warning:\n%s", all)
	}
}
