package budget

import (
	"errors"
	"math"
	"testing"

	"github.com/hromada-tool/hromada"
)

// handInput is one full service over five years, 2026–2030: social support
// of families in difficult life circumstances (010.1) in a centre of
// social services, computed by hand in TestProjectHandCalculation.
//
// Sources of the numbers:
//   - minimum wage 8,647 UAH a month from 01.01.2026: Law No 4695-IX
//     (State Budget 2026), art. 8 — METHODS.md §3 and
//     catalogue/parameters.csv; no later step is law, so 2027–2030 keep it;
//   - ЄСВ 22 %: Law No 2464-VI of 08.07.2010, art. 8 — METHODS.md §3;
//   - CPI 9.9 % a year: the rate assumed in the 2026 State Budget —
//     METHODS.md §3; held for 2027–2030;
//   - service 010.1, programme 3121, caseload 24 families a year per FTE:
//     catalogue/services.csv; clients 24, 36, 48, 48, 48 give FTE
//     24/24 = 1, 36/24 = 1.5, 48/24 = 2;
//   - revenue 182,563,937.14 UAH in 2022, Андрушівська громада: KSE
//     Loc Data Hub, hromada_budget_2020_2022.xlsx, income_total;
//     population 19,530: ua-pop-2022.csv (both in shared/data/population);
//     growth 5 % a year: the default of the Revenue sheet;
//   - everything else is a test assumption: salaries 8,000 (below the
//     minimum wage, so the floor binds) and 12,000 UAH, one extra month
//     for the social worker, the psychologist at half the service's FTE,
//     wage growth 5 %, electricity 36,000 UAH a year, materials 1,000 UAH
//     per family, admin 10 %, laptops 60,000 UAH for 3 years, renovation
//     150,000 UAH for 10 years, donor 100/70/40/0/0 %, social-protection
//     spending 9,000,000 UAH in 2022, discount rate 10 %, threshold 0.25 %.
func handInput() Input {
	return Input{
		FirstYear: 2026, Years: 5,
		Services: []Service{{Code: "010.1", Programme: "3121",
			Clients: []float64{24, 36, 48, 48, 48}, FTE: []float64{1, 1.5, 2, 2, 2}}},
		Posts: []Post{
			{Service: "010.1", Post: "фахівець із соціальної роботи", Share: 1, Salary: 8000, ExtraMonths: 1},
			{Service: "010.1", Post: "психолог", Share: 0.5, Salary: 12000},
		},
		Other: []OtherCost{
			{Service: "010.1", Item: "електроенергія", Basis: Fixed, Amount: 36000, KEKV: "2273"},
			{Service: "010.1", Item: "матеріали", Basis: PerClient, Amount: 1000, KEKV: "2210"},
		},
		Startup: []Startup{
			{Service: "010.1", Item: "ноутбуки", Amount: 60000, Year: 2026, Life: 3, KEKV: "3110"},
			{Service: "010.1", Item: "ремонт приміщення", Amount: 150000, Year: 2026, Life: 10, KEKV: "3132"},
		},
		Funding: Funding{Default: Schedule{Kind: Explicit, Donor: []float64{1, 0.7, 0.4, 0, 0}}},
		Params: Params{ESV: 0.22, MinimumWage: flat(5, 8647), WageGrowth: []float64{0.05}, CPI: []float64{0.099},
			Admin: 0.1, Discount: 0.1},
		Revenue:    Revenue{Year: 2022, Revenue: 182563937.14, Social: 9000000, Growth: 0.05},
		Population: 19530,
		Threshold:  0.0025,
	}
}

func TestProjectHandCalculation(t *testing.T) {
	r, err := Project(handInput())
	if err != nil {
		t.Fatal(err)
	}
	const svc = "010.1"

	// Indexes, base 2026 = 1.
	// W_t = 1.05^t: 1, 1.05, 1.1025, 1.157625, 1.21550625.
	checkAll(t, "WageIndex", r.WageIndex, []float64{1, 1.05, 1.1025, 1.157625, 1.21550625})
	// I_t = 1.099^t: 1, 1.099, 1.207801, 1.327373299, 1.458783255601.
	checkAll(t, "CPIIndex", r.CPIIndex, []float64{1, 1.099, 1.207801, 1.327373299, 1.458783255601})

	// Social worker: S_0 · W_t = 8000, 8400, 8820, 9261, 9724.05; the
	// minimum wage 8,647 lifts 2026 and 2027 (12 months each), not later.
	// Pay = floored salary × (12 + 1): 8647·13 = 112,411 (2026, 2027),
	// 8820·13 = 114,660, 9261·13 = 120,393, 9724.05·13 = 126,412.65.
	sw := r.Staff[0]
	checkAll(t, "social worker Salary", sw.Salary, []float64{8000, 8400, 8820, 9261, 9724.05})
	if want := []int{12, 12, 0, 0, 0}; !equalInts(sw.Floored, want) {
		t.Errorf("social worker Floored = %v, want %v", sw.Floored, want)
	}
	checkAll(t, "social worker Pay", sw.Pay, []float64{112411, 112411, 114660, 120393, 126412.65})
	// EC = Pay · 1.22: 137,141.42; 137,141.42; 139,885.2; 146,879.46; 154,223.433.
	checkAll(t, "social worker Employer", sw.Employer, []float64{137141.42, 137141.42, 139885.2, 146879.46, 154223.433})
	// FTE = 1 × service FTE.
	checkAll(t, "social worker FTE", sw.FTE, []float64{1, 1.5, 2, 2, 2})
	// Wages = FTE × Pay: 1·112,411 = 112,411; 1.5·112,411 = 168,616.5;
	// 2·114,660 = 229,320; 2·120,393 = 240,786; 2·126,412.65 = 252,825.3.
	checkAll(t, "social worker wages (2111)", findLine(t, r, svc, KindWages, "фахівець із соціальної роботи").Amount,
		[]float64{112411, 168616.5, 229320, 240786, 252825.3})
	// ЄСВ = 22 % of wages: 24,730.42; 37,095.63; 50,450.4; 52,972.92; 55,621.566.
	checkAll(t, "social worker ЄСВ (2120)", findLine(t, r, svc, KindESV, "фахівець із соціальної роботи").Amount,
		[]float64{24730.42, 37095.63, 50450.4, 52972.92, 55621.566})

	// Psychologist: 12,000 · W_t = 12,000; 12,600; 13,230; 13,891.5;
	// 14,586.075, all above the floor; no extra months, so Pay = 12 ×
	// salary: 144,000; 151,200; 158,760; 166,698; 175,032.9. FTE = 0.5 ×
	// service FTE = 0.5, 0.75, 1, 1, 1. Wages: 0.5·144,000 = 72,000;
	// 0.75·151,200 = 113,400; 158,760; 166,698; 175,032.9.
	ps := r.Staff[1]
	if want := []int{0, 0, 0, 0, 0}; !equalInts(ps.Floored, want) {
		t.Errorf("psychologist Floored = %v, want %v", ps.Floored, want)
	}
	checkAll(t, "psychologist FTE", ps.FTE, []float64{0.5, 0.75, 1, 1, 1})
	checkAll(t, "psychologist Pay", ps.Pay, []float64{144000, 151200, 158760, 166698, 175032.9})
	checkAll(t, "psychologist wages (2111)", findLine(t, r, svc, KindWages, "психолог").Amount,
		[]float64{72000, 113400, 158760, 166698, 175032.9})
	// ЄСВ: 15,840; 24,948; 34,927.2; 36,673.56; 38,507.238.
	checkAll(t, "psychologist ЄСВ (2120)", findLine(t, r, svc, KindESV, "психолог").Amount,
		[]float64{15840, 24948, 34927.2, 36673.56, 38507.238})

	// Electricity, fixed: 36,000 · I_t = 36,000; 39,564; 43,480.836;
	// 47,785.438764; 52,516.197201636.
	checkAll(t, "electricity (2273)", findLine(t, r, svc, KindOther, "електроенергія").Amount,
		[]float64{36000, 39564, 43480.836, 47785.438764, 52516.197201636})
	// Materials, per client: 1,000 · clients · I_t = 24,000; 36·1,099 =
	// 39,564; 48·1,207.801 = 57,974.448; 48·1,327.373299 = 63,713.918352;
	// 48·1,458.783255601 = 70,021.596268848.
	checkAll(t, "materials (2210)", findLine(t, r, svc, KindOther, "матеріали").Amount,
		[]float64{24000, 39564, 57974.448, 63713.918352, 70021.596268848})

	// Direct recurrent = wages + ЄСВ + other:
	// 2026: 112,411 + 24,730.42 + 72,000 + 15,840 + 36,000 + 24,000 = 284,981.42
	// 2027: 168,616.5 + 37,095.63 + 113,400 + 24,948 + 39,564 + 39,564 = 423,188.13
	// 2028: 229,320 + 50,450.4 + 158,760 + 34,927.2 + 43,480.836 + 57,974.448 = 574,912.884
	// 2029: 240,786 + 52,972.92 + 166,698 + 36,673.56 + 47,785.438764 + 63,713.918352 = 608,629.837116
	// 2030: 252,825.3 + 55,621.566 + 175,032.9 + 38,507.238 + 52,516.197201636 + 70,021.596268848 = 644,524.797470484
	// Admin = 10 % of it.
	admin := findLine(t, r, svc, KindAdmin, "admin")
	checkAll(t, "admin", admin.Amount, []float64{28498.142, 42318.813, 57491.2884, 60862.9837116, 64452.4797470484})
	if admin.KEKV != "2240" {
		t.Errorf("admin KEKV = %q, want the default 2240", admin.KEKV)
	}

	// Laptops: 60,000 in 2026, life 3, so again in 2029 at 60,000 · I_3 =
	// 60,000 · 1.327373299 = 79,642.39794. Renovation: 150,000 in 2026,
	// life 10: not again before 2036.
	checkAll(t, "laptops (3110)", findLine(t, r, svc, KindStartup, "ноутбуки").Amount, []float64{60000, 0, 0, 79642.39794, 0})
	checkAll(t, "renovation (3132)", findLine(t, r, svc, KindStartup, "ремонт приміщення").Amount, []float64{150000, 0, 0, 0, 0})

	// Totals. Recurrent = direct · 1.1:
	// 313,479.562; 465,506.943; 632,404.1724; 669,492.8208276; 708,977.2772175324.
	// Total = recurrent + start-up: 2026 + 210,000 = 523,479.562;
	// 2029 + 79,642.39794 = 749,135.2187676.
	wantTotal := []float64{523479.562, 465506.943, 632404.1724, 749135.2187676, 708977.2772175324}
	wantStaff := []float64{224981.42, 344060.13, 473457.6, 497130.48, 521987.004}
	wantRec := []float64{313479.562, 465506.943, 632404.1724, 669492.8208276, 708977.2772175324}
	// Donor = share · total: 100 % · 523,479.562; 70 % · 465,506.943 =
	// 325,854.8601; 40 % · 632,404.1724 = 252,961.66896; 0; 0.
	wantDonor := []float64{523479.562, 325854.8601, 252961.66896, 0, 0}
	// Local = total − donor: 0; 139,652.0829; 379,442.50344;
	// 749,135.2187676; 708,977.2772175324.
	wantLocal := []float64{0, 139652.0829, 379442.50344, 749135.2187676, 708977.2772175324}
	// Cumulative: 0; 139,652.0829; 519,094.58634; 1,268,229.8051076;
	// 1,977,207.0823251324.
	wantCum := []float64{0, 139652.0829, 519094.58634, 1268229.8051076, 1977207.0823251324}
	// Revenue 182,563,937.14 · 1.05^(year − 2022): 1.05^4 = 1.21550625 gives
	// 221,907,606.6182771 in 2026, then × 1.05 a year.
	wantRev := []float64{221907606.6182771, 233002986.949191, 244653136.2966505, 256885793.1114831, 269730082.7670572}
	// Social 9,000,000 · 1.05^(year − 2022): 10,939,556.25; 11,486,534.0625;
	// 12,060,860.765625; 12,663,903.80390625; 13,297,098.9941015625.
	wantSoc := []float64{10939556.25, 11486534.0625, 12060860.765625, 12663903.80390625, 13297098.9941015625}
	for i, y := range r.Totals {
		checkNear(t, "Total", y.Total, wantTotal[i])
		checkNear(t, "Staff", y.Staff, wantStaff[i])
		checkNear(t, "Recurrent", y.Recurrent, wantRec[i])
		checkNear(t, "Donor", y.Donor, wantDonor[i])
		checkNear(t, "State", y.State, 0)
		checkNear(t, "Local", y.Local, wantLocal[i])
		checkNear(t, "CumulativeLocal", y.CumulativeLocal, wantCum[i])
		checkNear(t, "Revenue", y.Revenue, wantRev[i])
		checkNear(t, "Social", y.Social, wantSoc[i])
		checkNear(t, "ShareOfRevenue", y.ShareOfRevenue, wantLocal[i]/wantRev[i])
		checkNear(t, "ShareOfSocial", y.ShareOfSocial, wantLocal[i]/wantSoc[i])
		checkNear(t, "PerResident", y.PerResident, wantLocal[i]/19530)
	}
	// Local / revenue: 0; 0.0599 %; 0.1551 %; 0.2916 %; 0.2628 %: above the
	// 0.25 % threshold in 2029 and 2030. Per resident in 2029:
	// 749,135.2187676 / 19,530 = 38.358 UAH.
	checkNear(t, "ShareOfRevenue 2029", r.Totals[3].ShareOfRevenue, 0.0029162189535428726)
	checkNear(t, "PerResident 2029", r.Totals[3].PerResident, 38.35817812430108)
	for i, want := range []bool{false, false, false, true, true} {
		if r.Totals[i].OverThreshold != want {
			t.Errorf("%d OverThreshold = %v, want %v", r.Totals[i].Year, r.Totals[i].OverThreshold, want)
		}
	}

	// The cliff: 2029 is the first year without donor money. Jump =
	// 749,135.2187676 − 379,442.50344 = 369,692.7153276. Donor exit = the
	// local share's rise (100 % − 60 % = 40 %) × the 2028 total
	// 632,404.1724 = 252,961.66896, the donor money of 2028. Indexation =
	// the rest, 116,731.0463676 = 100 % × (749,135.2187676 − 632,404.1724).
	c := r.Cliff
	if c.Year != 2029 {
		t.Errorf("Cliff.Year = %d, want 2029", c.Year)
	}
	checkNear(t, "Cliff.Jump", c.Jump, 369692.7153276)
	checkNear(t, "Cliff.DonorExit", c.DonorExit, 252961.66896)
	checkNear(t, "Cliff.Indexation", c.Indexation, 116731.0463676)
	checkNear(t, "Cliff.DonorBefore", c.DonorBefore, 252961.66896)
	checkNear(t, "Cliff.CumulativeToCliff", c.CumulativeToCliff, 519094.58634)

	// Horizon: total 3,079,503.1733851326; donor 1,102,296.09106; local
	// 1,977,207.0823251324. At 10 %: Σ total_t / 1.1^t = 523,479.562 +
	// 465,506.943/1.1 + 632,404.1724/1.21 + 749,135.2187676/1.331 +
	// 708,977.2772175324/1.4641 = 523,479.562 + 423,188.13 +
	// 522,648.0763636 + 562,836.3777367 + 484,241.0198877 =
	// 2,516,393.165988; local: 0 + 126,956.439 + 313,588.8458182 +
	// 562,836.3777367 + 484,241.0198877 = 1,487,622.6824426.
	h := r.Horizon
	checkNear(t, "Horizon.Total", h.Total, 3079503.1733851326)
	checkNear(t, "Horizon.Donor", h.Donor, 1102296.09106)
	checkNear(t, "Horizon.Local", h.Local, 1977207.0823251324)
	checkNear(t, "Horizon.TotalPV", h.TotalPV, 2516393.165988042)
	checkNear(t, "Horizon.LocalPV", h.LocalPV, 1487622.6824425876)

	// Unit costs, capital rate 0: EAC = 60,000/3 + 150,000/10 = 35,000
	// in first-year prices, × I_t: 35,000; 38,465; 42,273.035;
	// 46,458.065465; 51,057.413946035. Total = recurrent + capital; per
	// family = total / clients; constant = per family / I_t.
	// 2026: (313,479.562 + 35,000) / 24 = 14,519.98175.
	// 2030: (708,977.2772175324 + 51,057.413946035) / 48 = 15,834.05607,
	// / 1.458783255601 = 10,854.2897 in 2026 prices.
	var uc []UnitCost
	for _, u := range r.UnitCosts {
		if u.Service == svc {
			uc = append(uc, u)
		}
	}
	wantCap := []float64{35000, 38465, 42273.035, 46458.065465, 51057.413946035}
	wantPer := []float64{14519.98175, 13999.220638888888, 14055.775154166668, 14915.643464429166, 15834.056065907655}
	wantConst := []float64{14519.98175, 12738.144348397533, 11637.492562240524, 11236.962108297741, 10854.289700072151}
	for i, u := range uc {
		checkNear(t, "UnitCost.Recurrent", u.Recurrent, wantRec[i])
		checkNear(t, "UnitCost.Capital", u.Capital, wantCap[i])
		checkNear(t, "UnitCost.PerClient", u.PerClient, wantPer[i])
		checkNear(t, "UnitCost.Constant", u.Constant, wantConst[i])
	}

	// Pivots: one programme (3121) holds everything; КЕКВ 2111 is the sum
	// of the two wage lines, e.g. 2026: 112,411 + 72,000 = 184,411.
	if len(r.ByProgramme) != 1 || r.ByProgramme[0].Code != "3121" {
		t.Fatalf("ByProgramme = %+v, want one pivot 3121", r.ByProgramme)
	}
	checkAll(t, "ByProgramme 3121", r.ByProgramme[0].Amount, wantTotal)
	checkAll(t, "ByProgramme 3121 local", r.ByProgramme[0].Local, wantLocal)
	var codes []string
	for _, p := range r.ByKEKV {
		codes = append(codes, p.Code)
	}
	if want := []string{"2111", "2120", "2210", "2240", "2273", "3110", "3132"}; !equalStrings(codes, want) {
		t.Errorf("ByKEKV codes = %v, want %v", codes, want)
	}
	checkAll(t, "ByKEKV 2111", r.ByKEKV[0].Amount, []float64{184411, 282016.5, 388080, 407484, 427858.2})
	var kekvSum float64
	for _, p := range r.ByKEKV {
		kekvSum += sum(p.Amount)
	}
	checkNear(t, "Σ ByKEKV", kekvSum, h.Total)

	// Every line: donor + state + local = amount.
	for _, l := range r.Lines {
		for i := range l.Amount {
			if !near(l.Donor[i]+l.State[i]+l.Local[i], l.Amount[i]) {
				t.Errorf("%s %s %d: donor + state + local = %v, amount %v", l.Kind, l.Item, r.Years[i], l.Donor[i]+l.State[i]+l.Local[i], l.Amount[i])
			}
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestMidYearMinimumWageStep: in 2024 the minimum wage was 7,100 UAH from
// January to March and 8,000 from April (Law No 3460-IX of 09.11.2023,
// State Budget 2024, art. 8; catalogue/parameters.csv). A salary of 7,500
// is floored from April only: 3 · 7,500 + 9 · 8,000 = 94,500 a year;
// with one extra month at the year's average, 94,500 · 13/12 = 102,375;
// with ЄСВ 22 %, 102,375 · 1.22 = 124,897.5.
func TestMidYearMinimumWageStep(t *testing.T) {
	var mw [12]float64
	for m := range mw {
		mw[m] = 8000
		if m < 3 {
			mw[m] = 7100
		}
	}
	pay, floored := AnnualPay(7500, mw, 1)
	checkNear(t, "AnnualPay", pay, 102375)
	if floored != 9 {
		t.Errorf("floored months = %d, want 9", floored)
	}
	in := Input{FirstYear: 2024, Years: 1,
		Services: []Service{{Code: "013.0", Programme: "3121", Clients: []float64{30}, FTE: []float64{1}}},
		Posts:    []Post{{Service: "013.0", Post: "фахівець", Share: 1, Salary: 7500, ExtraMonths: 1}},
		Params:   Params{ESV: 0.22, MinimumWage: [][12]float64{mw}, WageGrowth: []float64{0}, CPI: []float64{0}},
	}
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "employer cost", r.Staff[0].Employer[0], 124897.5)
	checkNear(t, "total", r.Totals[0].Total, 124897.5)
}

// TestNoDonor: without a schedule the local budget pays everything and
// there is no cliff.
func TestNoDonor(t *testing.T) {
	in := handInput()
	in.Funding = Funding{}
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.Cliff != (Cliff{}) {
		t.Errorf("Cliff = %+v, want none", r.Cliff)
	}
	for _, y := range r.Totals {
		checkNear(t, "Local", y.Local, y.Total)
		checkNear(t, "Donor", y.Donor, 0)
	}
	// The whole horizon of the hand calculation: 3,079,503.1733851326.
	checkNear(t, "Horizon.Local", r.Horizon.Local, 3079503.1733851326)
}

// TestDonorToTheEnd: donor money in every year is no cliff either.
func TestDonorToTheEnd(t *testing.T) {
	in := handInput()
	in.Funding = Funding{Default: Schedule{Kind: Linear, Start: 1, Over: 10}}
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	if r.Cliff.Year != 0 {
		t.Errorf("Cliff.Year = %d, want 0", r.Cliff.Year)
	}
	// Linear from 100 % over 10 years: 100, 90, 80, 70, 60 %; local 2027 =
	// 10 % of 465,506.943.
	checkNear(t, "Local 2027", r.Totals[1].Local, 46550.6943)
}

// TestDonorCap: the donor pays at most 300,000 UAH a year (test
// assumption) and the state 10 % (test assumption), in 2026–2027 only.
// The totals are those of the hand calculation.
//
//	2026: total 523,479.562; state 52,347.9562; donor min(300,000,
//	      90 % · 523,479.562 = 471,131.6058) = 300,000; local 171,131.6058
//	2027: total 465,506.943; state 46,550.6943; donor 300,000;
//	      local 118,956.2487
//	2028: cap 0, state 0: local = total 632,404.1724 — the cliff.
//	      Jump = 632,404.1724 − 118,956.2487 = 513,447.9237;
//	      donor exit = (100 % − (1 − 300,000/465,506.943 − 10 %)) ·
//	      465,506.943 = 300,000 + 46,550.6943 = 346,550.6943
//	      (the state leaves too); indexation = 166,897.2294
//	      = 632,404.1724 − 465,506.943.
func TestDonorCap(t *testing.T) {
	in := handInput()
	in.Funding = Funding{Default: Schedule{Kind: Cap, Cap: []float64{300000, 300000, 0, 0, 0}, State: []float64{0.1, 0.1, 0, 0, 0}}}
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, "Donor", []float64{r.Totals[0].Donor, r.Totals[1].Donor, r.Totals[2].Donor}, []float64{300000, 300000, 0})
	checkAll(t, "State", []float64{r.Totals[0].State, r.Totals[1].State}, []float64{52347.9562, 46550.6943})
	checkAll(t, "Local", []float64{r.Totals[0].Local, r.Totals[1].Local, r.Totals[2].Local}, []float64{171131.6058, 118956.2487, 632404.1724})
	c := r.Cliff
	if c.Year != 2028 {
		t.Errorf("Cliff.Year = %d, want 2028", c.Year)
	}
	checkNear(t, "Jump", c.Jump, 513447.9237)
	checkNear(t, "DonorExit", c.DonorExit, 346550.6943)
	checkNear(t, "Indexation", c.Indexation, 166897.2294)

	// A cap above what the state leaves: the donor pays 90 %, no more.
	in.Funding.Default.Cap = []float64{1e9, 0, 0, 0, 0}
	r, err = Project(in)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "Donor 2026, cap not binding", r.Totals[0].Donor, 471131.6058)
	checkNear(t, "Local 2026, cap not binding", r.Totals[0].Local, 0)
}

// TestReplacementInsideHorizon: items are re-bought every Life years,
// also when first bought before the horizon. Prices flat (CPI 0).
//
//	life 1, bought 2026:  every year
//	life 2, bought 2026:  2026, 2028, 2030
//	life 3, bought 2024:  2027, 2030 (2024 + 3, + 6)
//	life 5, bought 2031:  after the horizon, nothing
func TestReplacementInsideHorizon(t *testing.T) {
	in := Input{FirstYear: 2026, Years: 5,
		Services: []Service{{Code: "015.3", Programme: "3241", Clients: []float64{0, 0, 0, 0, 0}, FTE: []float64{0, 0, 0, 0, 0}}},
		Startup: []Startup{
			{Service: "015.3", Item: "a", Amount: 100, Year: 2026, Life: 1, KEKV: "2210"},
			{Service: "015.3", Item: "b", Amount: 100, Year: 2026, Life: 2, KEKV: "3110"},
			{Service: "015.3", Item: "c", Amount: 100, Year: 2024, Life: 3, KEKV: "3110"},
			{Service: "015.3", Item: "d", Amount: 100, Year: 2031, Life: 5, KEKV: "3110"},
		},
		Params: Params{MinimumWage: flat(5, 8647), WageGrowth: []float64{0}, CPI: []float64{0}},
	}
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	for item, want := range map[string][]float64{
		"a": {100, 100, 100, 100, 100},
		"b": {100, 0, 100, 0, 100},
		"c": {0, 100, 0, 0, 100},
		"d": {0, 0, 0, 0, 0},
	} {
		checkAll(t, "item "+item, findLine(t, r, "015.3", KindStartup, item).Amount, want)
	}
}

// TestZeroClients: a service with no clients and no staff in 2026–2027
// (not opened yet) and with staff but no clients in 2028. Prices flat,
// ЄСВ 22 %, minimum wage 8,647 (Law No 4695-IX).
//
//	2026–2027: no staff, the fixed cost is not paid, per-client 0;
//	           the start-up item (renovation before opening) is paid
//	2028: 1 FTE at 8,647 · 12 · 1.22 = 126,592.08; fixed 10,000;
//	      admin 10 % = 13,659.208; cost per client NaN
//	2029: 10 clients: + per client 500 · 10 = 5,000; admin 14,159.208;
//	      per client (126,592.08 + 10,000 + 5,000 + 14,159.208) / 10
func TestZeroClients(t *testing.T) {
	in := Input{FirstYear: 2026, Years: 4,
		Services: []Service{{Code: "015.1", Programme: "3104",
			Clients: []float64{0, 0, 0, 10}, FTE: []float64{0, 0, 1, 1}}},
		Posts: []Post{{Service: "015.1", Post: "соціальний робітник", Share: 1, Salary: 8000}},
		Other: []OtherCost{
			{Service: "015.1", Item: "оренда", Basis: Fixed, Amount: 10000, KEKV: "2240"},
			{Service: "015.1", Item: "матеріали", Basis: PerClient, Amount: 500, KEKV: "2210"},
		},
		Startup: []Startup{{Service: "015.1", Item: "ремонт", Amount: 50000, Year: 2026, Life: 10, KEKV: "3132"}},
		Params:  Params{ESV: 0.22, MinimumWage: flat(4, 8647), WageGrowth: []float64{0}, CPI: []float64{0}, Admin: 0.1},
	}
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, "Total", []float64{r.Totals[0].Total, r.Totals[1].Total, r.Totals[2].Total, r.Totals[3].Total},
		[]float64{50000, 0, 126592.08 + 10000 + 13659.208, 126592.08 + 10000 + 5000 + 14159.208})
	checkAll(t, "rent", findLine(t, r, "015.1", KindOther, "оренда").Amount, []float64{0, 0, 10000, 10000})
	for _, u := range r.UnitCosts[:3] {
		if !math.IsNaN(u.PerClient) || !math.IsNaN(u.Constant) {
			t.Errorf("%d: cost per client = %v, %v with no clients, want NaN", u.Year, u.PerClient, u.Constant)
		}
	}
	// Capital: 50,000 / 10 = 5,000 a year from 2026.
	checkNear(t, "per client 2029", r.UnitCosts[3].PerClient, (126592.08+10000+5000+14159.208+5000)/10)
	if !math.IsNaN(r.Totals[0].ShareOfRevenue) {
		t.Errorf("ShareOfRevenue without revenue = %v, want NaN", r.Totals[0].ShareOfRevenue)
	}
}

// TestEAC: 100,000 UAH over 5 years at 5 % is the annuity
// 100,000 · 0.05 · 1.05^5 / (1.05^5 − 1) = 100,000 · 0.0638140781 /
// 0.2762815625 = 23,097.47981 (the standard annuity factor 0.230975 for
// 5 years at 5 %); at 0 % it is 100,000 / 5 = 20,000.
func TestEAC(t *testing.T) {
	checkNear(t, "EAC 5 %", EAC(100000, 0.05, 5), 23097.479812826796)
	checkNear(t, "EAC 0 %", EAC(100000, 0, 5), 20000)
	if !math.IsNaN(EAC(100000, 0.05, 0)) {
		t.Error("EAC with no life is not NaN")
	}
}

func TestIndexAndPresent(t *testing.T) {
	// One rate per year: the first year's 0.5 does not enter; 1, 1.1,
	// 1.1 · 1.2 = 1.32.
	checkAll(t, "Index", Index([]float64{0.5, 0.1, 0.2}, 3), []float64{1, 1.1, 1.32})
	// 100 + 110/1.1 + 121/1.21 = 300.
	checkNear(t, "Present", Present([]float64{100, 110, 121}, 0.1), 300)
}

func TestInputErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Input)
		want   string // the message of the first problem
	}{
		{"shares above 100 %", func(in *Input) { in.Funding.Default.State = []float64{0, 0.4, 0, 0, 0} },
			"funding schedule: Donor[1]: donor 70 % + state 40 % is more than 100 %"},
		// 70 % + 40.5 %: a share with a fraction, in each language's digits.
		{"fractional share above 100 %", func(in *Input) { in.Funding.Default.State = []float64{0, 0.405, 0, 0, 0} },
			"funding schedule: Donor[1]: donor 70 % + state 40.5 % is more than 100 %"},
		{"shares not 100 %", func(in *Input) { in.Funding.Default.Local = []float64{0, 0.3, 0.5, 1, 1} },
			"funding schedule: Local[2]: donor 40 % + state 0 % + local 50 % = 90 %, not 100 %"},
		{"negative amount", func(in *Input) { in.Other[1].Amount = -1 },
			`other cost "матеріали" of service 010.1: Amount: -1 is not an amount ≥ 0`},
		{"life 0", func(in *Input) { in.Startup[0].Life = 0 },
			`start-up item "ноутбуки" of service 010.1: Life: useful life of 0 years: give 1 or more`},
		{"years missing", func(in *Input) { in.Services[0].Clients = in.Services[0].Clients[:4] },
			"service 010.1: Clients: 4 values for 5 planning years"},
		{"minimum wage missing", func(in *Input) { in.Params.MinimumWage = in.Params.MinimumWage[:3] },
			"MinimumWage: 3 years of minimum wage for 5 planning years"},
		{"bad basis", func(in *Input) { in.Other[0].Basis = "monthly" },
			`other cost "електроенергія" of service 010.1: Basis: "monthly" is not a basis; allowed: fixed, per_client`},
		{"staff without post", func(in *Input) { in.Posts = nil },
			"service 010.1: FTE: the service has staff but no post with a salary"},
		{"duplicate post", func(in *Input) { in.Posts[1].Post = in.Posts[0].Post },
			`post "фахівець із соціальної роботи" of service 010.1: Post: the post is listed twice for the service`},
		{"no programme", func(in *Input) { in.Services[0].Programme = "" },
			"service 010.1: Programme: no budget programme code (КПКВК МБ)"},
		{"no KEKV", func(in *Input) { in.Startup[1].KEKV = "" },
			`start-up item "ремонт приміщення" of service 010.1: KEKV: no economic code (КЕКВ)`},
		{"linear over 0", func(in *Input) { in.Funding.Default = Schedule{Kind: Linear, Start: 1} },
			"funding schedule: Over: a phase-out over 0 years: give 1 or more"},
		{"unknown schedule", func(in *Input) { in.Funding.Default.Kind = "grant" },
			`funding schedule: Kind: "grant" is not a schedule; allowed: explicit, linear, cap`},
		{"ESV as percent", func(in *Input) { in.Params.ESV = 22 },
			"ESV: 22 is not a contribution rate between 0 and 1"},
		{"CPI of 3 years", func(in *Input) { in.Params.CPI = []float64{0.1, 0.1, 0.1} },
			"CPI: 3 values: give one rate for every year or one per planning year (5)"},
		{"post FTE of an unknown post", func(in *Input) {
			in.Services[0].PostFTE = map[string][]float64{"водій": {1, 1, 1, 1, 1}}
		}, `service 010.1: PostFTE: post "водій" has FTE but no row in the posts`},
	}
	for _, tt := range tests {
		in := handInput()
		tt.change(&in)
		_, err := Project(in)
		if !errors.Is(err, ErrInput) {
			t.Errorf("%s: Project error = %v, want ErrInput", tt.name, err)
			continue
		}
		var es InputErrors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Errorf("%s: error %T is not InputErrors", tt.name, err)
			continue
		}
		if got := es[0].Error(); got != tt.want {
			t.Errorf("%s: first problem %q, want %q", tt.name, got, tt.want)
		}
		if uk, ok := ukInputErrors[tt.name]; ok && es[0].In(hromada.Ukrainian) != uk {
			t.Errorf("%s: first problem in Ukrainian %q, want %q", tt.name, es[0].In(hromada.Ukrainian), uk)
		}
		for _, e := range es {
			if e.Msg.UK == "" || e.Msg.UK == e.Msg.EN || e.Line.UK == "" && e.Line.EN != "" {
				t.Errorf("%s: %q has no Ukrainian wording", tt.name, e.Error())
			}
		}
		if uk := hromada.Message(err, hromada.Ukrainian); uk == err.Error() {
			t.Errorf("%s: the error %q is not worded in Ukrainian", tt.name, uk)
		}
	}
}

// ukInputErrors are some problems of TestInputErrors in Ukrainian, by
// case.
var ukInputErrors = map[string]string{
	"shares above 100 %":           "графік фінансування: Donor[1]: донор 70 % + держбюджет 40 % — більше 100 %",
	"fractional share above 100 %": "графік фінансування: Donor[1]: донор 70 % + держбюджет 40,5 % — більше 100 %",
	"negative amount":              `інша витрата «матеріали» послуги 010.1: Amount: -1 — не сума ≥ 0`,
	"years missing":                "послуга 010.1: Clients: значень: 4, а років планування: 5",
	"staff without post":           "послуга 010.1: FTE: послуга має персонал, але не має посади з окладом",
	"unknown schedule":             `графік фінансування: Kind: «grant» — не графік; можливі: explicit, linear, cap`,
}

// TestAllProblems: every problem is reported, not just the first, and
// each names its row by position for the caller's cell reference.
func TestAllProblems(t *testing.T) {
	in := handInput()
	in.Posts[0].Salary = -8000
	in.Startup[1].Life = -1
	_, err := Project(in)
	var es InputErrors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("Project error = %v, want two problems", err)
	}
	if es[0].Table != "posts" || es[0].Index != 0 || es[1].Table != "startup" || es[1].Index != 1 {
		t.Errorf("problems at %s[%d], %s[%d], want posts[0], startup[1]", es[0].Table, es[0].Index, es[1].Table, es[1].Index)
	}
}

// TestSkipped: cost rows and the funding schedule of a service the planner
// dropped are left out, unchecked, and named.
func TestSkipped(t *testing.T) {
	in := handInput()
	in.Posts = append(in.Posts, Post{Service: "012.0", Post: "кризовий психолог", Share: 1, Salary: -1})
	in.Funding.Services = map[string]Schedule{"012.0": {Kind: "grant"}}
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range r.Skipped {
		got = append(got, s.String())
	}
	if want := []string{`post "кризовий психолог" of service 012.0`, "funding schedule of service 012.0"}; !equalStrings(got, want) {
		t.Errorf("Skipped = %q, want %q", got, want)
	}
	checkNear(t, "Horizon.Total", r.Horizon.Total, 3079503.1733851326)
}

// TestPostFTE: a post's FTE from the plan takes the place of Share × FTE.
// The psychologist at 1 FTE in 2026 instead of 0.5: wages 144,000.
func TestPostFTE(t *testing.T) {
	in := handInput()
	in.Services[0].PostFTE = map[string][]float64{"психолог": {1, 1, 1, 1, 1}}
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "psychologist wages 2026", findLine(t, r, "010.1", KindWages, "психолог").Amount[0], 144000)
	checkNear(t, "social worker wages 2026", findLine(t, r, "010.1", KindWages, "фахівець із соціальної роботи").Amount[0], 112411)
}

// twoServiceInput is the hand input with a second copy of its service,
// 015.3 under programme 3241, with the same posts and no donor.
func twoServiceInput() Input {
	in := handInput()
	s2 := in.Services[0]
	s2.Code, s2.Programme = "015.3", "3241"
	in.Services = append(in.Services, s2)
	for _, p := range in.Posts {
		p.Service = "015.3"
		in.Posts = append(in.Posts, p)
	}
	in.Funding.Services = map[string]Schedule{"015.3": {}}
	return in
}

// TestServiceSchedule: a donor that funds one service only; the other
// service's lines are local. Two copies of the hand service, the second
// under programme 3241 with no donor.
func TestServiceSchedule(t *testing.T) {
	in := twoServiceInput()
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	// 015.3 has staff and admin only: 2026 staff 224,981.42 · 1.1 = 247,479.562, all local.
	checkNear(t, "Local 2026", r.Totals[0].Local, 247479.562)
	if len(r.ByProgramme) != 2 || r.ByProgramme[1].Code != "3241" {
		t.Fatalf("ByProgramme = %+v", r.ByProgramme)
	}
	checkNear(t, "3241 local 2026", r.ByProgramme[1].Local[0], 247479.562)
	checkNear(t, "3121 local 2026", r.ByProgramme[0].Local[0], 0)
	// The cliff of the first service is still 2029; 015.3's local share
	// stays 100 %, so its jump is all indexation.
	if r.Cliff.Year != 2029 {
		t.Errorf("Cliff.Year = %d, want 2029", r.Cliff.Year)
	}
	checkNear(t, "DonorExit", r.Cliff.DonorExit, 252961.66896)
}

// TestServiceCosts: the cost and funding of each service by year and what
// the local budget takes over from the donor, on TestServiceSchedule's two
// services. 010.1 is the hand service (TestProjectHandCalculation's
// totals, donor and local); 015.3 has its staff and admin only, all local:
// staff 224,981.42; 344,060.13; 473,457.6; 497,130.48; 521,987.004 (the
// hand staff) · 1.1 admin.
//
// Taken over by 010.1, (l_t − l_{t−1}) · T_{t−1} with local shares
// 0, 30 %, 60 %, 100 %, 100 %:
//
//	2027: 30 % · 523,479.562    = 157,043.8686
//	2028: 30 % · 465,506.943    = 139,652.0829
//	2029: 40 % · 632,404.1724   = 252,961.66896 (the cliff's donor exit)
//	2030: 0
//
// 015.3's local share stays 100 %: nothing taken over.
func TestServiceCosts(t *testing.T) {
	in := twoServiceInput()
	r, err := Project(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Services) != 2 || r.Services[0].Service != "010.1" || r.Services[1].Service != "015.3" {
		t.Fatalf("Services = %+v, want 010.1 and 015.3", r.Services)
	}
	zero := []float64{0, 0, 0, 0, 0}
	a, b := r.Services[0], r.Services[1]
	checkAll(t, "010.1 Total", a.Total, []float64{523479.562, 465506.943, 632404.1724, 749135.2187676, 708977.2772175324})
	checkAll(t, "010.1 Donor", a.Donor, []float64{523479.562, 325854.8601, 252961.66896, 0, 0})
	checkAll(t, "010.1 State", a.State, zero)
	checkAll(t, "010.1 Local", a.Local, []float64{0, 139652.0829, 379442.50344, 749135.2187676, 708977.2772175324})
	checkAll(t, "010.1 TakenOver", a.TakenOver, []float64{0, 157043.8686, 139652.0829, 252961.66896, 0})
	staff := []float64{247479.562, 378466.143, 520803.36, 546843.528, 574185.7044}
	checkAll(t, "015.3 Total", b.Total, staff)
	checkAll(t, "015.3 Donor", b.Donor, zero)
	checkAll(t, "015.3 Local", b.Local, staff)
	checkAll(t, "015.3 TakenOver", b.TakenOver, zero)
	for i, want := range []float64{0, 157043.8686, 139652.0829, 252961.66896, 0} {
		checkNear(t, "YearTotal.TakenOver", r.Totals[i].TakenOver, want)
	}
	checkNear(t, "Cliff.DonorExit", r.Cliff.DonorExit, 252961.66896)
	// Jump = 2029 local − 2028 local = (749,135.2187676 + 546,843.528) −
	// (379,442.50344 + 520,803.36) = 395,732.8833276; indexation = jump −
	// donor exit = 142,771.2143676.
	checkNear(t, "Cliff.Jump", r.Cliff.Jump, 395732.8833276)
	checkNear(t, "Cliff.Indexation", r.Cliff.Indexation, 142771.2143676)
}
