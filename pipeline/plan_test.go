package pipeline

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
)

func demandRow(row int, service, group string, people, low, upp float64) assessbook.DemandRow {
	return assessbook.DemandRow{Row: row, Service: service, Group: group, People: people, PeopleLow: low, PeopleUpp: upp}
}

// same tells two demands apart, NaN equal to NaN.
func same(a, b float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b)
}

// TestPlanInputDemand: a service's demand is its "any" row (the union,
// each family once), whatever the order of the rows; without one, its
// "all" row. Groups the project knows carry their own demand.
func TestPlanInputDemand(t *testing.T) {
	nan := math.NaN()
	rows := []assessbook.DemandRow{
		// 001.0: all, a group, then any → any (70, 60–80).
		demandRow(2, "001.0", assess.AllGroup, 100, 80, 120),
		demandRow(3, "001.0", "idp", 40, 30, 50),
		demandRow(4, "001.0", "veterans", 9, 5, 13), // not a group of the project
		demandRow(5, "001.0", assess.AnyGroup, 70, 60, 80),
		// 002.0: any before all → still any (25, 20–30).
		demandRow(6, "002.0", assess.AnyGroup, 25, 20, 30),
		demandRow(7, "002.0", assess.AllGroup, 90, 70, 110),
		// 003.0: all only (a project without target groups) → all (12, 8–16).
		demandRow(8, "003.0", assess.AllGroup, 12, 8, 16),
		// 004.0: suppressed (notes in the number cells, read as NaN) →
		// unknown, no figures.
		{Row: 9, Service: "004.0", Group: assess.AllGroup, People: nan, PeopleLow: nan, PeopleUpp: nan, Suppressed: true},
		// not a service of the catalogue → left out, with a warning.
		demandRow(10, "999.9", assess.AllGroup, 5, 4, 6),
		// 009.1: no respondent had the need (suppressed, with the note "not
		// observed") → known, demand 0 without an interval: the plan's
		// "not observed", never "suppressed".
		{Row: 11, Service: "009.1", Group: assess.AllGroup, People: nan, PeopleLow: nan, PeopleUpp: nan, Suppressed: true, NotObserved: true},
	}
	s := PlanSettings{FirstYear: 2027, Years: 5, FTEStep: 0.25, Groups: []hromada.Group{{ID: "idp"}}}
	in, ps := PlanInput(hromada.Community{Code: "UA1"}, rows, nil, defaultCatalogue(t), s)
	want := []struct {
		code             string
		known            bool
		demand, low, upp float64
		groups           int
	}{
		{"001.0", true, 70, 60, 80, 1},
		{"002.0", true, 25, 20, 30, 0},
		{"003.0", true, 12, 8, 16, 0},
		{"004.0", false, nan, nan, nan, 0},
		{"009.1", true, 0, nan, nan, 0},
	}
	if len(in.Services) != len(want) {
		t.Fatalf("%d services, want %d", len(in.Services), len(want))
	}
	for i, w := range want {
		sv := in.Services[i]
		if sv.Service.Code != w.code || sv.Known != w.known || !same(sv.Demand, w.demand) || !same(sv.DemandLow, w.low) || !same(sv.DemandHigh, w.upp) {
			t.Errorf("service %d: %s known=%v %v (%v–%v), want %s known=%v %v (%v–%v)", i, sv.Service.Code, sv.Known, sv.Demand, sv.DemandLow, sv.DemandHigh,
				w.code, w.known, w.demand, w.low, w.upp)
		}
		if len(sv.Groups) != w.groups {
			t.Errorf("%s: %d group demands, want %d", w.code, len(sv.Groups), w.groups)
		}
	}
	if g := in.Services[0].Groups; len(g) == 1 && (g[0].Group != "idp" || g[0].People != 40 || g[0].Low != 30 || g[0].High != 50) {
		t.Errorf("001.0 idp demand %+v, want 40 (30–50)", g[0])
	}
	if len(ps) != 1 || !strings.Contains(ps[0].Msg.EN, `"999.9"`) || ps[0].Severity != hromada.Warning {
		t.Errorf("problems %v, want one warning of service 999.9", ps)
	}
}

// TestPlanInputEditedDemand: a demand outside its own interval was typed
// over; the figure stands, its interval is dropped and a warning names
// the row. A demand on a bound of its interval is not an edit. A demand
// typed over the note of a suppressed (or not observed) estimate is used
// as typed, with a warning naming its cell; its interval is the one typed
// beside it when that holds the figure, else none.
func TestPlanInputEditedDemand(t *testing.T) {
	nan := math.NaN()
	typed := func(people, low, upp float64, notObserved bool) assessbook.DemandRow {
		return assessbook.DemandRow{Row: 7, Sheet: "Потреба", PeopleCell: "O7", Service: "002.0", Group: assess.AnyGroup,
			People: people, PeopleLow: low, PeopleUpp: upp, Suppressed: true, NotObserved: notObserved}
	}
	tests := []struct {
		name             string
		row              assessbook.DemandRow
		known            bool
		demand, low, upp float64
		warnCell         string // "" for no warning
		warnText         string
	}{
		{"above the interval", demandRow(7, "002.0", assess.AnyGroup, 150, 60, 80), true, 150, nan, nan, "row 7", "outside its interval"},
		{"below the interval", demandRow(12, "002.0", assess.AllGroup, 10, 60, 80), true, 10, nan, nan, "row 12", "outside its interval"},
		{"on the upper bound", demandRow(7, "002.0", assess.AnyGroup, 80, 60, 80), true, 80, 60, 80, "", ""},
		{"on the lower bound", demandRow(7, "002.0", assess.AnyGroup, 60, 60, 80), true, 60, 60, 80, "", ""},
		{"suppressed, not typed over", typed(nan, nan, nan, false), false, nan, nan, nan, "", ""},
		{"typed over a suppressed estimate", typed(150, nan, nan, false), true, 150, nan, nan, "O7", "typed over a suppressed"},
		{"typed over, with an interval that holds it", typed(150, 120, 180, false), true, 150, 120, 180, "O7", "typed over a suppressed"},
		{"typed over, with an interval that does not", typed(150, 60, 80, false), true, 150, nan, nan, "O7", "typed over a suppressed"},
		{"typed over a not-observed estimate", typed(4, nan, nan, true), true, 4, nan, nan, "O7", "typed over a suppressed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, ps := PlanInput(hromada.Community{}, []assessbook.DemandRow{tt.row}, nil, defaultCatalogue(t), PlanSettings{FirstYear: 2027, Years: 1, FTEStep: 0.25})
			sv := in.Services[0]
			if sv.Known != tt.known || !same(sv.Demand, tt.demand) || !same(sv.DemandLow, tt.low) || !same(sv.DemandHigh, tt.upp) {
				t.Errorf("known=%v demand %v (%v–%v), want known=%v %v (%v–%v)", sv.Known, sv.Demand, sv.DemandLow, sv.DemandHigh, tt.known, tt.demand, tt.low, tt.upp)
			}
			if tt.warnCell == "" {
				if len(ps) != 0 {
					t.Errorf("problems %v, want none", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Cell != tt.warnCell || ps[0].Severity != hromada.Warning || !strings.Contains(ps[0].Msg.EN, tt.warnText) {
				t.Errorf("problems %v, want one warning at %s", ps, tt.warnCell)
			}
			if tt.warnCell == "O7" && (ps[0].Sheet != "Потреба" || !strings.Contains(ps[0].Msg.UK, "поверх прихованої оцінки")) {
				t.Errorf("warning %+v, want it on sheet Потреба, in Ukrainian too", ps[0])
			}
		})
	}
}

// TestPlanInputTypedOverGroup: a group's demand typed over its suppressed
// estimate is the group's demand (a floor the plan may use), with a
// warning at its cell; a suppressed group's demand not typed over stays
// unknown.
func TestPlanInputTypedOverGroup(t *testing.T) {
	nan := math.NaN()
	rows := []assessbook.DemandRow{
		{Row: 2, Sheet: "Demand", PeopleCell: "O2", Service: "002.0", Group: "idp", People: 30, PeopleLow: nan, PeopleUpp: nan, Suppressed: true},
		{Row: 3, Sheet: "Demand", PeopleCell: "O3", Service: "002.0", Group: "local", People: nan, PeopleLow: nan, PeopleUpp: nan, Suppressed: true},
		{Row: 4, Sheet: "Demand", PeopleCell: "O4", Service: "002.0", Group: assess.AnyGroup, People: nan, PeopleLow: nan, PeopleUpp: nan, Suppressed: true},
	}
	s := PlanSettings{FirstYear: 2027, Years: 1, FTEStep: 0.25, Groups: []hromada.Group{{ID: "idp"}, {ID: "local"}}}
	in, ps := PlanInput(hromada.Community{}, rows, nil, defaultCatalogue(t), s)
	g := in.Services[0].Groups
	if len(g) != 2 || g[0].People != 30 || !math.IsNaN(g[0].Low) || !math.IsNaN(g[1].People) {
		t.Errorf("group demands %+v, want idp 30 without an interval and local unknown", g)
	}
	if in.Services[0].Known {
		t.Errorf("the union demand is known; want it unknown (suppressed, not typed over)")
	}
	if len(ps) != 1 || ps[0].Cell != "O2" || ps[0].Sheet != "Demand" || ps[0].Severity != hromada.Warning {
		t.Errorf("problems %v, want one warning at Demand!O2", ps)
	}
}

// TestPlanInputProvidersTargetsPosts: the community's providers (and
// those without a community), the targets and post shares pass on.
func TestPlanInputProvidersTargetsPosts(t *testing.T) {
	providers := []project.Provider{
		{Community: "UA1", Name: "A", Service: "002.0", Clients: 30},
		{Community: "UA2", Name: "B", Service: "002.0", Clients: 50},
		{Name: "C", Service: "001.0", Clients: 5},
	}
	s := PlanSettings{FirstYear: 2027, Years: 3, FTEStep: 0.5,
		Targets: []project.Target{{Service: "002.0", Coverage: 0.6, Years: 3}},
		Posts:   []project.Post{{Service: "002.0", Post: "psychologist", Share: 0.4}, {Service: "002.0", Post: "social worker", Share: 0.6}}}
	in, _ := PlanInput(hromada.Community{Code: "UA1"}, nil, providers, defaultCatalogue(t), s)
	if len(in.Providers) != 2 || in.Providers[0].Name != "A" || in.Providers[1].Name != "C" || in.Providers[1].Community != "UA1" {
		t.Errorf("providers %+v, want A and C, both of UA1", in.Providers)
	}
	if tg := in.Targets["002.0"]; tg.Coverage != 0.6 || tg.Years != 3 {
		t.Errorf("target %+v, want coverage 0.6 over 3 years", tg)
	}
	if ps := in.Posts["002.0"]; len(ps) != 2 || ps[1].Share != 0.6 {
		t.Errorf("posts %+v, want two, the second 0.6", ps)
	}
	if in.FirstYear != 2027 || in.Years != 3 || in.FTEStep != 0.5 {
		t.Errorf("years %d+%d step %v, want 2027+3 step 0.5", in.FirstYear, in.Years, in.FTEStep)
	}
}

// TestKnownClientsOf: the plan takes a community's known clients by
// classifier code, with the date as written on the sheet; rows of other
// communities are not its own.
func TestKnownClientsOf(t *testing.T) {
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	known := []project.KnownClient{
		{Community: "UA1", Service: "015.3", Count: 12, Use: "floor", AsOf: asOf, Source: "журнал центру"},
		{Community: "UA1", Service: "009.1", Count: 3, Use: "demand", AsOf: asOf, Source: "реєстр"},
		{Community: "UA2", Service: "015.3", Count: 7, Use: "floor", AsOf: asOf, Source: "журнал"},
	}
	m := KnownClientsOf("UA1", known)
	if len(m) != 2 || m["015.3"].Count != 12 || m["015.3"].Use != plan.UseFloor || m["009.1"].Use != plan.UseDemand || m["015.3"].AsOf != "2026-01-01" {
		t.Errorf("KnownClientsOf(UA1) = %+v, want 015.3 floor 12 and 009.1 demand 3 as of 2026-01-01", m)
	}
	if m := KnownClientsOf("UA3", known); len(m) != 0 {
		t.Errorf("KnownClientsOf(UA3) = %+v, want none", m)
	}
}

// TestPlainPlanSources: the plan's council-facing sources are the
// catalogue's plain words — the limit of new posts is hromada's
// assumption (parameters.csv, new_posts_per_1000_high), a group keeps the
// catalogue's source of its weight only when the weight is the
// catalogue's (groups.csv: idp 1.3, child_disability 1.5).
func TestPlainPlanSources(t *testing.T) {
	in := plan.Input{FirstYear: 2027, Groups: []hromada.Group{{ID: "idp", Vulnerability: 1.3}, {ID: "child_disability", Vulnerability: 2}, {ID: "veterans", Vulnerability: 1}}}
	posts, groups := plainPlanSources(defaultCatalogue(t), in)
	if !strings.Contains(posts.EN, "hromada's assumption") || !strings.Contains(posts.UK, "Припущення hromada") {
		t.Errorf("posts source %q, want hromada's assumption in both languages", posts)
	}
	if len(groups) != 1 || !strings.HasPrefix(groups["idp"].EN, "Weight 1.3: hromada's choice") || !strings.HasPrefix(groups["idp"].UK, "Вага 1,3") {
		t.Errorf("group sources %q, want idp's only (child_disability has its own weight, veterans is not in the catalogue)", groups)
	}
}
