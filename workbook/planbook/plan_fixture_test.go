package planbook

import (
	"math"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/plan"
)

// testPlanInput is the plan input of a small community, made by hand:
//
//   - 010.1 social support: providers serve 35 of 120 families, capacity
//     40, with a vacancy → enhance, on a linear path over 2 years, two
//     posts;
//   - 013.0 early intervention: 30 children, no provider, no interval →
//     create in the first year (path step), staff set by the minimum;
//   - 015.3 day care: 40 children, no provider → create on a ramp, two
//     posts;
//   - 002.0 counselling: capacity 900 against a target of 797 → sufficient
//     (default path: linear over the plan's years);
//   - 003.0 mediation: demand suppressed → more data needed, with a
//     provider;
//   - 908.0 psychosocial support: not observed (0, interval 0–12) → more
//     data needed;
//   - an inventory row of a service the plan does not cover.
func testPlanInput(years int) plan.Input {
	nan := math.NaN()
	svc := func(code, en, uk string, unit hromada.Unit, basic, pkg bool, caseload, minStaff float64) hromada.Service {
		return hromada.Service{Code: code, Name: hromada.Text{UK: uk, EN: en}, Unit: unit, Basic: basic, MinimumPackage: pkg,
			Caseload: caseload, MinStaff: minStaff, Coverage: 0.8, Source: "catalogue, test values (2026-01)"}
	}
	support := svc("010.1", "Social support (case management) of families in difficult life circumstances",
		"Соціальний супровід сімей, які перебувають у складних життєвих обставинах", hromada.Family, true, true, 30, 1)
	early := svc("013.0", "Early intervention", "Раннє втручання", hromada.Child, false, true, 20, 2)
	early.Coverage = 0.5
	care := svc("015.3", "Day care (for children with disabilities)", "Денний догляд (для дітей з інвалідністю)", hromada.Child, false, false, 8, 1)
	counsel := svc("002.0", "Counselling (incl. psychological counselling)", "Консультування", hromada.Family, true, true, 250, 0.5)
	mediation := svc("003.0", "Mediation", "Посередництво (медіація)", hromada.Family, true, true, 40, 0.25)
	psycho := svc("908.0", "Psychosocial support", "Психосоціальна підтримка", hromada.Person, false, true, 60, 0.5)
	group := func(id string, people, low, high float64) plan.GroupDemand {
		return plan.GroupDemand{Group: id, People: people, Low: low, High: high}
	}
	return plan.Input{
		Community: hromada.Community{Code: "UA18060190000071101", Name: hromada.Text{UK: "Олевська громада", EN: "Olevsk community"}, Population: 31000},
		FirstYear: 2026, Years: years, FTEStep: 0.25,
		Groups: []hromada.Group{
			{ID: "idp", Name: hromada.Text{UK: "Сім'ї ВПО з дітьми", EN: "IDP families with children"}, Unit: hromada.Family, Vulnerability: 1.5},
			{ID: "low_income", Name: hromada.Text{UK: "Малозабезпечені сім'ї", EN: "Low-income families"}, Unit: hromada.Family, Vulnerability: 1.2},
			{ID: "disability", Name: hromada.Text{UK: "Сім'ї з дітьми з інвалідністю", EN: "Families of children with disabilities"}, Unit: hromada.Family, Vulnerability: 2},
		},
		Services: []plan.ServiceInput{
			{Service: support, Known: true, Demand: 120, DemandLow: 100, DemandHigh: 150,
				Groups: []plan.GroupDemand{group("idp", 70, 50, 90), group("low_income", 80, 60, 100)}},
			{Service: early, Known: true, Demand: 30, DemandLow: nan, DemandHigh: nan,
				Groups: []plan.GroupDemand{group("disability", 25, nan, nan)}},
			{Service: care, Known: true, Demand: 40, DemandLow: 20, DemandHigh: 62,
				Groups: []plan.GroupDemand{group("disability", 40, 20, 62)}},
			{Service: counsel, Known: true, Demand: 996, DemandLow: 711, DemandHigh: 1285,
				Groups: []plan.GroupDemand{group("idp", 500, 350, 650), group("low_income", 610, 420, 800)}},
			{Service: mediation, Known: false, Demand: nan, DemandLow: nan, DemandHigh: nan},
			{Service: psycho, Known: true, Demand: 0, DemandLow: 0, DemandHigh: 12},
		},
		Providers: []plan.Provider{
			{Name: "ЦНСП Олевської міської ради", Service: "010.1", Capacity: 40, Clients: 35, StaffFTE: 1.5, Vacancies: 0.5, Ref: "providers.xlsx: Надавачі, row 2"},
			{Name: "ЦНСП Олевської міської ради", Service: "002.0", Capacity: 600, Clients: 540, StaffFTE: 2, Ref: "providers.xlsx: Надавачі, row 3"},
			{Name: "Олевська ЦРЛ, кабінет психолога", Service: "002.0", Capacity: 300, Clients: 250, StaffFTE: 1, Ref: "providers.xlsx: Надавачі, row 4"},
			{Name: "Служба у справах дітей", Service: "003.0", Capacity: 10, Clients: 8, StaffFTE: 0.5, Ref: "providers.xlsx: Надавачі, row 5"},
			{Name: "Територіальний центр", Service: "020.0", Capacity: 120, Clients: 118, StaffFTE: 6, Ref: "providers.xlsx: Надавачі, row 6"},
		},
		Targets: map[string]plan.Target{
			"010.1": {Coverage: nan, Path: plan.Linear, Years: 2},
			"013.0": {Coverage: nan, Uptake: nan, Path: plan.Step},
			"015.3": {Coverage: 0.75, Path: plan.Ramp, Ramp: []float64{0.5, 1}},
		},
		Posts: map[string][]plan.PostShare{
			"010.1": {{Post: "фахівець із соціальної роботи", Share: 0.75}, {Post: "психолог", Share: 0.25}},
			"015.3": {{Post: "соціальний працівник (догляд)", Share: 0.5}, {Post: "реабілітолог", Share: 0.5}},
		},
		PostEN: map[string]map[string]string{"010.1": {"психолог": "psychologist"}},
	}
}

// testPlan is the plan workbook's content for testPlanInput in lang.
func testPlan(t testing.TB, lang hromada.Lang, years int) *Plan {
	t.Helper()
	in := testPlanInput(years)
	res, err := plan.Make(in)
	if err != nil {
		t.Fatal(err)
	}
	return &Plan{
		Lang: lang, Project: "Minimum package, Zhytomyr oblast", Input: in, Result: res,
		Assessment: "out/olevska-assessment.xlsx", Inventory: "providers.xlsx",
		Catalogue: "built-in catalogue of hromada, 2026-01",
		Warnings:  []string{"providers.xlsx: Надавачі, row 6: service 020.0 is not in the plan"},
	}
}
