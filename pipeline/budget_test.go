package pipeline

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/project"
	"github.com/hromada-tool/hromada/workbook/planbook"
)

func defaultCatalogue(t *testing.T) *catalogue.Catalogue {
	t.Helper()
	cat, err := catalogue.Default()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestBudgetInputCostsWhatThePlanAdds: the budget's clients and FTE are
// what the plan adds to what the community's providers have now, never
// below zero; an action left out is not costed.
func TestBudgetInputCostsWhatThePlanAdds(t *testing.T) {
	const com = "UA1"
	p := &project.Project{Catalogue: defaultCatalogue(t), Budget: DefaultBudgetSettings(),
		Providers: []project.Provider{
			// Counselling (002.0) in UA1: 30 + 20 = 50 clients now.
			{Community: com, Service: "002.0", Clients: 30, StaffFTE: 1},
			{Community: com, Service: "002.0", Clients: 20, StaffFTE: 0.5},
			// Another community's clients do not count.
			{Community: "UA2", Service: "002.0", Clients: 1000},
			// Information (001.0): 10 clients now.
			{Community: com, Service: "001.0", Clients: 10},
		}}
	pr := &planbook.PlanRead{FirstYear: 2027, Years: 3, Actions: []planbook.PlanAction{
		{Code: "002.0", Include: true, Existing: 1.5, Years: []plan.Year{
			{Year: 2027, Clients: 40, Staff: 1.5},  // below the 50 served: 0 clients, 0 posts
			{Year: 2028, Clients: 90, Staff: 2.25}, // 90 − 50 = 40 clients, 2.25 − 1.5 = 0.75 FTE
			{Year: 2029, Clients: 150, Staff: 3},   // 150 − 50 = 100 clients, 3 − 1.5 = 1.5 FTE
		}},
		{Code: "003.0", Include: false, Years: []plan.Year{{Year: 2027, Clients: 5, Staff: 1}}},
		{Code: "001.0", Include: true, Existing: 0, Years: []plan.Year{
			{Year: 2027, Clients: 10, Staff: 0.25}, // 10 − 10 = 0 clients, 0.25 − 0 = 0.25 FTE
			{Year: 2028, Clients: 25, Staff: 0.25}, // 25 − 10 = 15 clients
			{Year: 2029, Clients: 35.5, Staff: 0.5},
		}},
	}}
	in, _ := BudgetInput(p, hromada.Community{Code: com}, pr)
	want := []struct {
		code, programme string
		clients, fte    []float64
	}{
		{"002.0", "3121", []float64{0, 40, 100}, []float64{0, 0.75, 1.5}},
		{"001.0", "3121", []float64{0, 15, 25.5}, []float64{0.25, 0.25, 0.5}},
	}
	if len(in.Services) != len(want) {
		t.Fatalf("%d services, want %d (the action left out is not costed): %+v", len(in.Services), len(want), in.Services)
	}
	for i, w := range want {
		s := in.Services[i]
		if s.Code != w.code || s.Programme != w.programme {
			t.Errorf("service %d = %s (programme %s), want %s (%s)", i, s.Code, s.Programme, w.code, w.programme)
		}
		if !slices.Equal(s.Clients, w.clients) {
			t.Errorf("%s: added clients %v, want %v", w.code, s.Clients, w.clients)
		}
		if !slices.Equal(s.FTE, w.fte) {
			t.Errorf("%s: new posts %v, want %v", w.code, s.FTE, w.fte)
		}
	}
}

// TestBudgetInputWithoutCommunity: without a community code (a budget
// made from a bare plan), every provider's clients are the clients now.
func TestBudgetInputWithoutCommunity(t *testing.T) {
	p := &project.Project{Catalogue: defaultCatalogue(t), Budget: DefaultBudgetSettings(),
		Providers: []project.Provider{{Community: "UA1", Service: "002.0", Clients: 30}, {Community: "UA2", Service: "002.0", Clients: 20}}}
	pr := &planbook.PlanRead{FirstYear: 2027, Years: 1, Actions: []planbook.PlanAction{
		{Code: "002.0", Include: true, Years: []plan.Year{{Year: 2027, Clients: 80, Staff: 1}}}}}
	in, _ := BudgetInput(p, hromada.Community{}, pr)
	// 80 − (30 + 20) = 30 added clients.
	if got := in.Services[0].Clients; !slices.Equal(got, []float64{30}) {
		t.Errorf("added clients %v, want [30]", got)
	}
}

// TestBudgetInputRefusesUncostedPosts: a service with new posts and no
// post in costs.xlsx is named in one error (not a warning and then the
// budget's error); one without new posts is not.
func TestBudgetInputRefusesUncostedPosts(t *testing.T) {
	p := &project.Project{Catalogue: defaultCatalogue(t), Budget: DefaultBudgetSettings(), Lang: hromada.English,
		Posts: []project.Post{{Service: "001.0", Post: "social worker", Share: 1, Salary: 10000}}}
	pr := &planbook.PlanRead{FirstYear: 2027, Years: 1, Actions: []planbook.PlanAction{
		{Code: "001.0", Include: true, Years: []plan.Year{{Year: 2027, Clients: 1, Staff: 1}}},
		{Code: "002.0", Include: true, Years: []plan.Year{{Year: 2027, Clients: 1, Staff: 1}}},
		{Code: "003.0", Include: true, Existing: 1, Years: []plan.Year{{Year: 2027, Clients: 1, Staff: 1}}},
	}}
	_, ps := BudgetInput(p, hromada.Community{}, pr)
	if len(ps) != 1 || ps[0].Severity != hromada.Error || !strings.Contains(ps[0].Msg.EN, "service 002.0") || ps[0].Sheet != "Posts" {
		t.Errorf("problems %v, want one error naming 002.0 and the Posts sheet (001.0 has posts, 003.0 adds none)", ps)
	}
}

// TestFundingSchedule: the donor and state shares of each planning year
// are the community's rows of the Funding sheet.
func TestFundingSchedule(t *testing.T) {
	rows := []project.FundingShare{
		{Community: "UA1", Year: 2027, Donor: 0.8, State: 0.1},
		{Community: "UA1", Year: 2028, Donor: 0.5, State: 0.2},
		{Community: "UA2", Year: 2027, Donor: 0.9, State: 0.05}, // another community
		{Community: "UA1", Year: 2026, Donor: 1, State: 0},      // before the plan
		{Community: "UA1", Year: 2030, Donor: 1, State: 0},      // after the plan (2027–2029)
	}
	s := FundingSchedule(rows, "UA1", 2027, 3)
	// 2029 has no row: no donor, no state money.
	if want := []float64{0.8, 0.5, 0}; !slices.Equal(s.Donor, want) {
		t.Errorf("donor %v, want %v", s.Donor, want)
	}
	if want := []float64{0.1, 0.2, 0}; !slices.Equal(s.State, want) {
		t.Errorf("state %v, want %v", s.State, want)
	}
}

// TestBudgetParams: the rates of the projection, from
// catalogue/parameters.csv: CPI forecasts 9.9 % (2026, draft State Budget
// 2026), 7.1 % (2027) and 5.6 % (2028 on, draft Budget Declaration
// 2026–2028); pay growth 8.1 % (2026, 2027) and 6.95 % (2028 on), the
// minimum-wage path 8,000 → 8,647 → 9,347 → 9,997 UAH. Later years hold
// the last forecast. ЄСВ is 22 %. A project's own rate wins.
func TestBudgetParams(t *testing.T) {
	pars := defaultCatalogue(t).Parameters()
	nan := math.NaN()
	tests := []struct {
		name            string
		cpi, wageGrowth float64
		first, years    int
		wantCPI, wantWG []float64
	}{
		{"catalogue CPI and pay growth", nan, nan, 2026, 3, []float64{0.099, 0.071, 0.056}, []float64{0.081, 0.081, 0.0695}},
		{"the last forecast holds", nan, nan, 2029, 2, []float64{0.056, 0.056}, []float64{0.0695, 0.0695}},
		{"project CPI, catalogue pay growth", 0.05, nan, 2027, 2, []float64{0.05, 0.05}, []float64{0.081, 0.0695}},
		{"project CPI and wage growth", 0.05, 0.08, 2027, 2, []float64{0.05, 0.05}, []float64{0.08, 0.08}},
		{"catalogue CPI, project wage growth", nan, 0.07, 2026, 2, []float64{0.099, 0.071}, []float64{0.07, 0.07}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := DefaultBudgetSettings()
			b.CPI, b.WageGrowth, b.Admin, b.Discount = tt.cpi, tt.wageGrowth, 0.12, 0.03
			p := BudgetParams(b, pars, tt.first, tt.years)
			if !slices.Equal(p.CPI, tt.wantCPI) {
				t.Errorf("CPI %v, want %v", p.CPI, tt.wantCPI)
			}
			if !slices.Equal(p.WageGrowth, tt.wantWG) {
				t.Errorf("wage growth %v, want %v", p.WageGrowth, tt.wantWG)
			}
			if p.ESV != 0.22 || p.Admin != 0.12 || p.Discount != 0.03 {
				t.Errorf("ESV %v admin %v discount %v, want 0.22, 0.12, 0.03", p.ESV, p.Admin, p.Discount)
			}
			if len(p.MinimumWage) != tt.years || p.MinimumWage[0][0] != 8647 || p.MinimumWage[0][11] != 8647 {
				t.Errorf("minimum wage %v, want %d years of 8647", p.MinimumWage, tt.years)
			}
		})
	}
}

// TestBudgetInputFunding: BudgetInput takes the state and donor shares
// from the Funding sheet and the revenue of its community.
func TestBudgetInputFunding(t *testing.T) {
	p := &project.Project{Catalogue: defaultCatalogue(t), Budget: DefaultBudgetSettings(),
		Funding: []project.FundingShare{{Community: "UA1", Year: 2027, Donor: 0.6, State: 0.25}},
		Revenue: []project.BudgetRevenue{{Community: "UA2", Year: 2025, Revenue: 1}, {Community: "UA1", Year: 2025, Revenue: 5e7, Social: 4e6, Growth: 0.05}}}
	in, _ := BudgetInput(p, hromada.Community{Code: "UA1", Population: 12000}, &planbook.PlanRead{FirstYear: 2027, Years: 2})
	if got := in.Funding.Default.State; !slices.Equal(got, []float64{0.25, 0}) {
		t.Errorf("state shares %v, want [0.25 0]", got)
	}
	if got := in.Funding.Default.Donor; !slices.Equal(got, []float64{0.6, 0}) {
		t.Errorf("donor shares %v, want [0.6 0]", got)
	}
	if in.Revenue.Revenue != 5e7 || in.Revenue.Growth != 0.05 || in.Population != 12000 || in.Threshold != 0.03 {
		t.Errorf("revenue %+v population %d threshold %v, want UA1's 5e7 at 5 %%, 12000, 0.03", in.Revenue, in.Population, in.Threshold)
	}
}
