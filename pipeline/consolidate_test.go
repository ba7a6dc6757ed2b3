package pipeline

import (
	"math"
	"slices"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/assessbook"
	"github.com/hromada-tool/hromada/workbook/planbook"
)

func demand(service, group string, count, rate, se float64, suppress bool) assess.Demand {
	return assess.Demand{Service: service, Group: group, Count: count, People: count * rate, PeopleLow: count * (rate - 2*se), PeopleUpp: count * (rate + 2*se),
		Rate: assess.Rate{Stat: rate, SE: se, Verdict: assess.Verdict{Suppress: suppress}}}
}

// TestFamiliesInNeed: the families in need of at least one service by
// group, with the standard error of the families: the count N_g times the
// rate's standard error. A group without an estimate is NaN.
func TestFamiliesInNeed(t *testing.T) {
	res := assess.Result{
		Demand: []assess.Demand{
			demand("any_need", assess.AllGroup, 8000, 0.4, 0.02, false), // SE 8000 × 0.02 = 160
			demand("any_need", "idp", 900, 0.5, 0.05, true),             // SE 900 × 0.05 = 45, suppressed
		},
		Union: []assess.Demand{demand("any_need", assess.AnyGroup, 2500, 0.6, 0.01, false)}, // SE 2500 × 0.01 = 25
	}
	a := &assessbook.Assessment{Options: assessbook.AssessOptions{Suppress: true}}
	got := FamiliesInNeed(a, res, []string{assess.AllGroup, "idp", "large", assess.AnyGroup})
	want := []consolidate.Need{
		{Group: assess.AllGroup, Rate: 0.4, Families: 3200, Low: 8000 * 0.36, Upp: 8000 * 0.44, SE: 160},
		{Group: "idp", Rate: 0.5, Families: 450, Low: 900 * 0.4, Upp: 900 * 0.6, SE: 45, Suppressed: true},
		{Group: "large", Rate: math.NaN(), Families: math.NaN(), Low: math.NaN(), Upp: math.NaN(), SE: math.NaN()},
		{Group: assess.AnyGroup, Rate: 0.6, Families: 1500, Low: 2500 * 0.58, Upp: 2500 * 0.62, SE: 25},
	}
	for i, w := range want {
		g := got[i]
		if g.Group != w.Group || !same(g.Rate, w.Rate) || !same(g.Families, w.Families) || !same(g.SE, w.SE) || g.Suppressed != w.Suppressed ||
			!near(g.Low, w.Low) || !near(g.Upp, w.Upp) {
			t.Errorf("need %d = %+v, want %+v", i, g, w)
		}
	}
	// Without suppression, nothing is marked suppressed.
	a.Options.Suppress = false
	if got := FamiliesInNeed(a, res, []string{"idp"}); got[0].Suppressed {
		t.Error("idp suppressed with suppression off")
	}
}

func near(a, b float64) bool {
	return same(a, b) || math.Abs(a-b) < 1e-9*math.Max(1, math.Abs(b))
}

// TestAddPlan: a community's row has each planned service with the
// standard error of its demand — the rate's standard error times the
// count, of the union row where there is one, else of "all" — and, from
// the plan workbook's Actions sheet as the planner left it, whether the
// service is kept and its new posts; the counts of services to create and
// enhance and the new posts are those of the kept actions, not of the
// plan recomputed from the assessment; and the budget's totals.
func TestAddPlan(t *testing.T) {
	a := &assessbook.Assessment{Result: assess.Result{
		Demand: []assess.Demand{
			demand("001.0", assess.AllGroup, 8000, 0.1, 0.01, false),   // SE 8000 × 0.01 = 80
			demand("001.0", "idp", 900, 0.3, 0.04, false),              // a group's row: not the service's demand
			demand("002.0", assess.AllGroup, 8000, 0.05, 0.002, false), // 16, but the union row below wins
			demand("004.0", assess.AllGroup, 8000, 0.02, 0.003, false),
			demand("005.0", assess.AllGroup, 8000, 0.01, 0.002, false), // 16, but the demand is a count of known clients
		},
		Union: []assess.Demand{demand("002.0", assess.AnyGroup, 2500, 0.1, 0.004, false)}, // SE 2500 × 0.004 = 10
	}}
	pl := plan.Result{
		Services: []plan.ServicePlan{
			{Service: hromada.Service{Code: "001.0"}, Known: true, Basis: plan.BasisSurvey, Demand: 800, DemandLow: 640, DemandHigh: 960, Action: plan.Enhance,
				Years: []plan.Year{{Hires: 0.5}, {Hires: 0.25}, {Hires: 0}}}, // 0.5 + 0.25 = 0.75 new posts
			{Service: hromada.Service{Code: "002.0"}, Known: true, Basis: plan.BasisSurvey, Demand: 250, Action: plan.Create, Years: []plan.Year{{Hires: 1}, {Hires: 1.5}}},
			{Service: hromada.Service{Code: "003.0"}, Known: true, Basis: plan.BasisSurvey, Demand: 5, Action: plan.Sufficient}, // no assessment row: no SE
			{Service: hromada.Service{Code: "004.0"}, Known: false, Demand: math.NaN(), Action: plan.MoreData},
			{Service: hromada.Service{Code: "005.0"}, Known: true, Basis: plan.BasisKnownClients, Demand: 30, Action: plan.Create, Years: []plan.Year{{Hires: 2}}}, // a count has no survey SE
		},
		// The plan as recomputed: 2 to create, 1 to enhance, 0.75 + 2.5 + 2 = 5.25 new posts.
		Summary: plan.Summary{Create: 2, Enhance: 1, Sufficient: 1, MoreData: 1, HireFTE: 5.25},
	}
	// The Actions sheet as the planner left it: 001.0 set to «ні», 002.0's
	// targets raised (1 + 2.5 = 3.5 new posts), 004.0 left out as written,
	// 005.0 kept. 003.0 (sufficient) has no row.
	actions := []planbook.PlanAction{
		{Code: "001.0", Action: plan.Enhance, Include: false, Years: []plan.Year{{Hires: 0.5}, {Hires: 0.25}, {Hires: 0}}},
		{Code: "002.0", Action: plan.Create, Include: true, Years: []plan.Year{{Hires: 1}, {Hires: 2.5}}},
		{Code: "004.0", Action: plan.MoreData, Include: false},
		{Code: "005.0", Action: plan.Create, Include: true, Years: []plan.Year{{Hires: 2}}},
	}
	res := &budget.Result{
		Totals: []budget.YearTotal{
			{Year: 2027, Total: 100, Donor: 80, State: 10, Local: 10, ShareOfRevenue: 0.01, PerResident: 1},
			{Year: 2028, Total: 120, Donor: 0, State: 12, Local: 108, ShareOfRevenue: 0.05, OverThreshold: true, PerResident: 9},
			{Year: 2029, Total: 130, Donor: 0, State: 13, Local: 117, ShareOfRevenue: math.NaN(), PerResident: 9.75},
		},
		Horizon: budget.Horizon{Total: 350, Donor: 80, State: 35, Local: 235},
		Cliff:   budget.Cliff{Year: 2028, Jump: 98},
	}
	var row consolidate.Row
	AddPlan(&row, a, pl, actions, res)
	want := []consolidate.Service{
		{Code: "001.0", Demand: 800, Low: 640, Upp: 960, SE: 80, Action: "enhance", Hires: 0.75},
		{Code: "002.0", Demand: 250, SE: 10, Action: "create", Hires: 3.5, Included: true},
		{Code: "003.0", Demand: 5, SE: math.NaN(), Action: "sufficient"},
		{Code: "004.0", Demand: math.NaN(), SE: math.NaN(), Action: "more_data"},
		{Code: "005.0", Demand: 30, SE: math.NaN(), Action: "create", Hires: 2, Included: true},
	}
	for i, w := range want {
		g := row.Services[i]
		if g.Code != w.Code || !same(g.Demand, w.Demand) || !same(g.SE, w.SE) || g.Action != w.Action || g.Hires != w.Hires || g.Included != w.Included ||
			g.Low != w.Low || g.Upp != w.Upp {
			t.Errorf("service %d = %+v, want %+v", i, g, w)
		}
	}
	// Kept: 002.0 and 005.0 to create, nothing to enhance (001.0 dropped),
	// 3.5 + 2 = 5.5 new posts; sufficient and unknown as the plan has them.
	if row.Create != 2 || row.Enhance != 0 || row.Sufficient != 1 || row.Unk != 1 || row.Hires != 5.5 {
		t.Errorf("summary %d/%d/%d/%d %v, want 2/0/1/1 5.5", row.Create, row.Enhance, row.Sufficient, row.Unk, row.Hires)
	}
	if !slices.Equal(row.Local, []float64{10, 108, 117}) || !slices.Equal(row.Donor, []float64{80, 0, 0}) || !slices.Equal(row.State, []float64{10, 12, 13}) {
		t.Errorf("local %v donor %v state %v", row.Local, row.Donor, row.State)
	}
	// The largest known share of revenue is 2028's 5 %; the last year's local cost 117, per resident 9.75.
	if row.MaxShare != 0.05 || row.MaxShareYear != 2028 || !row.OverThreshold || row.LocalAfter != 117 || row.PerResident != 9.75 {
		t.Errorf("max share %v in %d, over %v, local after %v, per resident %v", row.MaxShare, row.MaxShareYear, row.OverThreshold, row.LocalAfter, row.PerResident)
	}
	if row.HorizonLocal != 235 || row.HorizonDonor != 80 || row.CliffYear != 2028 || row.CliffJump != 98 {
		t.Errorf("horizon local %v donor %v, cliff %d +%v", row.HorizonLocal, row.HorizonDonor, row.CliffYear, row.CliffJump)
	}
}

// TestNeedGroups: all households, the project's groups, then any target
// group — only when there are groups.
func TestNeedGroups(t *testing.T) {
	tests := []struct {
		groups []project.Group
		want   []string
	}{
		{nil, []string{assess.AllGroup}},
		{[]project.Group{{Group: hromada.Group{ID: "idp"}}, {Group: hromada.Group{ID: "large"}}}, []string{assess.AllGroup, "idp", "large", assess.AnyGroup}},
	}
	for _, tt := range tests {
		if got := NeedGroups(&project.Project{Groups: tt.groups}); !slices.Equal(got, tt.want) {
			t.Errorf("NeedGroups = %v, want %v", got, tt.want)
		}
	}
}

// TestConsolidated: the consolidated workbook's frame: the level (95 %
// when the project sets none), the years of the horizon, the groups in
// the order of the rows' needs, the services, and no threshold when the
// project sets 0.
func TestConsolidated(t *testing.T) {
	p := &project.Project{Name: "Zhytomyr", FirstYear: 2027, Years: 3,
		Groups: []project.Group{{Group: hromada.Group{ID: "idp", Name: hromada.Text{EN: "IDPs"}}}},
		Needs:  []project.Need{{Service: hromada.Service{Code: "002.0"}}, {Service: hromada.Service{Code: "001.0"}}}}
	tests := []struct {
		threshold, level float64
		wantThreshold    float64
		wantLevel        float64
	}{
		{0, 0, math.NaN(), 0.95},
		{0.03, 0.9, 0.03, 0.9},
	}
	for _, tt := range tests {
		p.Budget.Threshold = tt.threshold
		c := Consolidated(p, nil, EstimateOptions{Level: tt.level}, hromada.English)
		if !same(c.Threshold, tt.wantThreshold) || c.Level != tt.wantLevel {
			t.Errorf("threshold %v, level %v: got %v, %v; want %v, %v", tt.threshold, tt.level, c.Threshold, c.Level, tt.wantThreshold, tt.wantLevel)
		}
		if !slices.Equal(c.Years, []int{2027, 2028, 2029}) {
			t.Errorf("years %v, want 2027–2029", c.Years)
		}
		var ids []string
		for _, g := range c.Groups {
			ids = append(ids, g.ID)
		}
		if !slices.Equal(ids, []string{assess.AllGroup, "idp", assess.AnyGroup}) || c.Groups[1].Name.EN != "IDPs" {
			t.Errorf("groups %v, want all, idp, any", c.Groups)
		}
		if len(c.Services) != 2 || c.Services[0].Code != "002.0" {
			t.Errorf("services %v, want 002.0, 001.0", c.Services)
		}
	}
}

// TestConsolidatedProtects: the rows reach the workbook with complementary
// suppression. Group "all": A's 40 suppressed, B's 70 and C's 25
// published → C (the smallest) is hidden as a complement; the total,
// 40 + 70 + 25 = 135, is published and the caller's rows are unchanged.
func TestConsolidatedProtects(t *testing.T) {
	p := &project.Project{Name: "Zhytomyr", FirstYear: 2027, Years: 1}
	row := func(code string, f float64, supp bool) consolidate.Row {
		return consolidate.Row{Community: hromada.Community{Code: code}, Status: consolidate.OK,
			Needs: []consolidate.Need{{Group: assess.AllGroup, Rate: math.NaN(), Families: f, Low: f, Upp: f, SE: 1, Suppressed: supp}}}
	}
	rows := []consolidate.Row{row("A", 40, true), row("B", 70, false), row("C", 25, false)}
	c := Consolidated(p, rows, EstimateOptions{}, hromada.English)
	var comp []string
	for _, r := range c.Rows {
		if n := r.Needs[0]; n.Complementary && n.Suppressed {
			comp = append(comp, r.Community.Code)
		}
	}
	if !slices.Equal(comp, []string{"C"}) {
		t.Errorf("complements %v, want [C]", comp)
	}
	if tot := c.Totals.Needs[0]; tot.Suppressed || tot.Families != 135 {
		t.Errorf("total %+v, want 135, published", tot)
	}
	if rows[2].Needs[0].Suppressed {
		t.Error("Consolidated changed the caller's rows")
	}
}
