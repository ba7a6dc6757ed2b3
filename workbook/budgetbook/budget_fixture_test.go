package budgetbook

import (
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/budget"
)

// budgetInput is the budget of the example workbook: budget's hand-checked
// case (social support of families, 010.1, in a centre of social services,
// 2026–2030) with a second service, a minimum-wage step in April 2027, a
// donor cap with a state share, and a start-up item bought before the
// horizon.
//
// Sources of the numbers, as in budget's handInput:
//   - minimum wage 8,647 UAH a month from 01.01.2026: Law No 4695-IX
//     (State Budget 2026), art. 8 (catalogue/parameters.csv);
//   - ЄСВ 22 %: Law No 2464-VI of 08.07.2010, art. 8;
//   - CPI 9.9 % a year: the rate assumed in the 2026 State Budget, held
//     for 2027–2030;
//   - services 010.1 (programme 3121, 24 families per FTE) and 015.1 home
//     care (programme 3104, 10 persons per FTE): catalogue/services.csv;
//   - revenue 182,563,937.14 UAH in 2022, Андрушівська громада (KSE Loc
//     Data Hub), population 19,530 (ua-pop-2022.csv);
//   - test assumptions: the step to 9,347 UAH from April 2027 (bill 14363
//     proposed it for April 2026 and was not passed), salaries, extra
//     months, other costs, start-up items, the donor shares
//     100/70/40/0/0 %, the home-care donor's cap of 300,000, 300,000 and
//     150,000 UAH, a state share of 20 % from 2028, social spending
//     9,000,000 UAH in 2022, capital rate 5 %, discount rate 10 %,
//     threshold 0.4 %.
//
// Three of its names have an English name (the psychologist, electricity,
// the vehicle); the others show as typed in both languages.
func budgetInput() budget.Input {
	mw := make([][12]float64, 5)
	for t := range mw {
		for m := range mw[t] {
			mw[t][m] = 8647
			if t > 1 || t == 1 && m >= 3 {
				mw[t][m] = 9347
			}
		}
	}
	return budget.Input{
		FirstYear: 2026, Years: 5,
		Services: []budget.Service{
			{Code: "010.1", Programme: "3121", Clients: []float64{24, 36, 48, 48, 48}, FTE: []float64{1, 1.5, 2, 2, 2}},
			{Code: "015.1", Programme: "3104", Clients: []float64{10, 20, 30, 30, 30}, FTE: []float64{1, 2, 3, 3, 3}},
		},
		Posts: []budget.Post{
			{Service: "010.1", Post: "фахівець із соціальної роботи", Share: 1, Salary: 8000, ExtraMonths: 1},
			{Service: "010.1", Post: "психолог", PostEN: "psychologist", Share: 0.5, Salary: 12000},
			{Service: "015.1", Post: "соціальний робітник", Share: 1, Salary: 8500, ExtraMonths: 1},
			{Service: "903.0", Post: "фахівець з раннього втручання", Share: 1, Salary: 11000},
		},
		Other: []budget.OtherCost{
			{Service: "010.1", Item: "електроенергія", ItemEN: "electricity", Basis: budget.Fixed, Amount: 36000, KEKV: "2273"},
			{Service: "010.1", Item: "матеріали", Basis: budget.PerClient, Amount: 1000, KEKV: "2210"},
			{Service: "015.1", Item: "проїзд соціальних робітників", Basis: budget.Fixed, Amount: 18000, KEKV: "2240"},
			{Service: "015.1", Item: "засоби догляду", Basis: budget.PerClient, Amount: 2500, KEKV: "2210"},
		},
		Startup: []budget.Startup{
			{Service: "010.1", Item: "ноутбуки", Amount: 60000, Year: 2026, Life: 3, KEKV: "3110"},
			{Service: "010.1", Item: "ремонт приміщення", Amount: 150000, Year: 2026, Life: 10, KEKV: "3132"},
			{Service: "015.1", Item: "автомобіль", ItemEN: "vehicle", Amount: 450000, Year: 2027, Life: 8, KEKV: "3110"},
			{Service: "015.1", Item: "ноутбук", Amount: 25000, Year: 2024, Life: 3, KEKV: "3110"},
		},
		Funding: budget.Funding{
			Default: budget.Schedule{Kind: budget.Explicit, Donor: []float64{1, 0.7, 0.4, 0, 0}},
			Services: map[string]budget.Schedule{"015.1": {Kind: budget.Cap, Cap: []float64{300000, 300000, 150000, 0, 0},
				State: []float64{0, 0, 0.2, 0.2, 0.2}}},
		},
		Params: budget.Params{ESV: 0.22, MinimumWage: mw, WageGrowth: []float64{0.05}, CPI: []float64{0.099},
			Admin: 0.1, CapitalRate: 0.05, Discount: 0.1},
		Revenue:    budget.Revenue{Year: 2022, Revenue: 182563937.14, Social: 9000000, Growth: 0.05},
		Population: 19530,
		Threshold:  0.004,
	}
}

// budgetEdgeInput is a three-year budget that takes the other paths of
// the formulas: a linear phase-out, FTE by post from the plan, a rate a
// year, a service with no clients in its first year, a service with no
// staff, no start-up items, no revenue, no population, no threshold.
func budgetEdgeInput() budget.Input {
	mw := make([][12]float64, 3)
	for t := range mw {
		for m := range mw[t] {
			mw[t][m] = 8647 + 500*float64(t)
		}
	}
	return budget.Input{
		FirstYear: 2027, Years: 3,
		Services: []budget.Service{
			{Code: "903.0", Programme: "3241", Clients: []float64{0, 13, 26}, FTE: []float64{0, 1, 2},
				PostFTE: map[string][]float64{"психолог": {0, 0.5, 0.75}}},
			{Code: "902.0", Programme: "3242", Clients: []float64{5, 5, 6}, FTE: []float64{0, 0, 0}},
		},
		Posts: []budget.Post{
			{Service: "903.0", Post: "фахівець з раннього втручання", Share: 1, Salary: 11000, ExtraMonths: 0.5},
			{Service: "903.0", Post: "психолог", Share: 0.5, Salary: 9000},
		},
		Other: []budget.OtherCost{
			{Service: "903.0", Item: "оренда", Basis: budget.Fixed, Amount: 48000, KEKV: "2240"},
			{Service: "902.0", Item: "продуктові набори", Basis: budget.PerClient, Amount: 3000, KEKV: "2730"},
		},
		Funding: budget.Funding{Default: budget.Schedule{Kind: budget.Linear, Start: 0.8, Over: 2}},
		Params: budget.Params{ESV: 0.22, MinimumWage: mw, WageGrowth: []float64{0.07, 0.06, 0.05}, CPI: []float64{0.1, 0.08, 0.06},
			Admin: 0.12, AdminKEKV: "2282"},
	}
}

// testBudget is the example budget workbook's content in lang, with its
// scenarios and tornado.
func testBudget(t *testing.T, lang hromada.Lang, in budget.Input) *Budget {
	t.Helper()
	r, err := budget.Project(in)
	if err != nil {
		t.Fatal(err)
	}
	scs, err := budget.Scenarios(in, budget.Presets(in))
	if err != nil {
		t.Fatal(err)
	}
	bars, err := budget.Tornado(in, nil, 0.2)
	if err != nil {
		t.Fatal(err)
	}
	return &Budget{
		Lang:    lang,
		Project: "Мінімальний пакет послуг",
		Community: hromada.Community{Code: "UA18020010000059904",
			Name: hromada.Text{UK: "Андрушівська громада", EN: "Andrushivka community"}, Population: 19530},
		Input: in, Result: *r, Scenarios: scs, Tornado: bars, TornadoStep: 0.2,
		Services: map[string]hromada.Service{
			"010.1": {Code: "010.1", Name: hromada.Text{UK: "Соціальний супровід сімей (осіб), які перебувають у складних життєвих обставинах",
				EN: "Social support (case management) of families in difficult life circumstances"}, Unit: hromada.Family},
			"015.1": {Code: "015.1", Name: hromada.Text{UK: "Догляд вдома", EN: "Home care"}, Unit: hromada.Person},
			"903.0": {Code: "903.0", Name: hromada.Text{UK: "Раннє втручання", EN: "Early intervention"}, Unit: hromada.Family},
			"902.0": {Code: "902.0", Name: hromada.Text{UK: "Натуральна допомога", EN: "Natural aid"}, Unit: hromada.Family},
		},
		Codes: map[string]hromada.Text{
			"3104": {UK: "Забезпечення соціальними послугами за місцем проживання громадян, які не здатні до самообслуговування", EN: "Social services at the place of residence for persons unable to care for themselves"},
			"3121": {UK: "Утримання та забезпечення діяльності центрів соціальних служб", EN: "Maintenance and operation of centres of social services"},
			"2111": {UK: "Заробітна плата", EN: "Wages"},
			"2120": {UK: "Нарахування на оплату праці", EN: "Payroll charges (single social contribution)"},
			"2210": {UK: "Предмети, матеріали, обладнання та інвентар", EN: "Items, materials, equipment and inventory"},
			"2240": {UK: "Оплата послуг (крім комунальних)", EN: "Services (other than utilities)"},
			"2273": {UK: "Оплата електроенергії", EN: "Electricity"},
			"3110": {UK: "Придбання обладнання і предметів довгострокового користування", EN: "Purchase of equipment and durable items"},
			"3132": {UK: "Капітальний ремонт інших об'єктів", EN: "Capital repair of other objects"},
		},
		Sources: BudgetSources{
			Plan:        "plan.xlsx, Actions: target clients and the establishment kept (plan.Year.Staff), 2026-03",
			Posts:       "costs.xlsx, Posts: salaries of the centre's staff schedule, 2026-01",
			MinimumWage: "8,647 UAH from 01.01.2026: Law No 4695-IX (State Budget 2026), art. 8; 9,347 from April 2027: test assumption",
			ESV:         "22 %: Law No 2464-VI of 08.07.2010, art. 8",
			WageGrowth:  "5 % a year: assumption",
			CPI:         "9.9 %: the draft State Budget 2026 (bill No 14000 of 15.09.2025), held for later years",
			Other:       "costs.xlsx, Other costs, 2026-01",
			Admin:       "10 %: assumption",
			Startup:     "costs.xlsx, Start-up items, 2026-01",
			CapitalRate: "5 %: assumption",
			Funding:     "memorandum with the donor, 2025-12 (test)",
			Revenue:     "KSE Loc Data Hub, hromada_budget_2020_2022.xlsx, income_total 2022; growth 5 %: assumption",
			Population:  "ua-pop-2022.csv",
			Threshold:   "0.4 % of revenue: the working group's choice",
			Discount:    "10 %: assumption",
		},
	}
}
