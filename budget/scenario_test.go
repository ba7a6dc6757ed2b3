package budget

import (
	"errors"
	"strings"
	"testing"
)

func TestScenarioApply(t *testing.T) {
	in := handInput()
	in.Services[0].PostFTE = map[string][]float64{"психолог": {0.5, 0.5, 1, 1, 1}}
	out := Scenario{Caseload: 0.8, Ramp: []float64{0.5, 1, 1, 1, 2}}.Apply(in)
	// clients · ramp: 24·0.5 = 12, 36, 48, 48, 48·2 = 96.
	checkAll(t, "Clients", out.Services[0].Clients, []float64{12, 36, 48, 48, 96})
	// FTE · ramp / caseload: 1·0.5/0.8 = 0.625, 1.5/0.8 = 1.875, 2/0.8 = 2.5, 2.5, 2·2/0.8 = 5.
	checkAll(t, "FTE", out.Services[0].FTE, []float64{0.625, 1.875, 2.5, 2.5, 5})
	checkAll(t, "PostFTE", out.Services[0].PostFTE["психолог"], []float64{0.3125, 0.625, 1.25, 1.25, 2.5})
	// The input is not changed.
	checkAll(t, "input Clients", in.Services[0].Clients, []float64{24, 36, 48, 48, 48})
	checkAll(t, "input PostFTE", in.Services[0].PostFTE["психолог"], []float64{0.5, 0.5, 1, 1, 1})
}

// TestPresets checks the preset values against their sources (see
// Presets): the low CPI is the optimistic scenario of Cabinet Resolution
// No 946 of 06.08.2025 — 8.6 % (2026), 5.9 % (2027), 5.3 % (2028, held
// for 2029–2030); the rest scale the hand input's 5 % wage growth and
// 9.9 % CPI by 0.8 and 1.2.
func TestPresets(t *testing.T) {
	in := handInput()
	ps := Presets(in)
	if len(ps) != 3 || ps[0].Name != "low" || ps[1].Name != "base" || ps[2].Name != "high" {
		t.Fatalf("Presets = %+v", ps)
	}
	low, base, high := ps[0], ps[1], ps[2]
	checkAll(t, "low CPI", low.CPI, []float64{0.086, 0.059, 0.053, 0.053, 0.053})
	checkAll(t, "low WageGrowth", low.WageGrowth, []float64{0.04})
	checkAll(t, "low Ramp", low.Ramp, []float64{0.8, 0.9, 1, 1, 1})
	if base.CPI != nil || base.WageGrowth != nil || base.Ramp != nil || base.Funding != nil || base.Caseload != 0 {
		t.Errorf("base = %+v, want the inputs as they are", base)
	}
	checkAll(t, "high CPI", high.CPI, []float64{0.1188})
	checkAll(t, "high WageGrowth", high.WageGrowth, []float64{0.06})
	checkNear(t, "high Caseload", high.Caseload, 0.8)
	// Donor 100/70/40/0/0 ending a year earlier: 100/70/0/0/0.
	checkAll(t, "high donor", high.Funding.Default.Donor, []float64{1, 0.7, 0, 0, 0})
	checkAll(t, "input donor", in.Funding.Default.Donor, []float64{1, 0.7, 0.4, 0, 0})
	for _, p := range ps {
		if p.Source == "" {
			t.Errorf("preset %s has no source", p.Name)
		}
	}
}

// TestEarlier: a donor that ends a year earlier, for each kind of
// schedule; a donor still paying in the last year is left alone.
func TestEarlier(t *testing.T) {
	lin := Schedule{Kind: Linear, Start: 1, Over: 2}.earlier(5) // 1, 0.5, 0 → 1, 0, 0
	checkAll(t, "linear", lin.Donor, []float64{1, 0, 0, 0, 0})
	capped := Schedule{Kind: Cap, Cap: []float64{5, 5, 5, 0, 0}}.earlier(5)
	checkAll(t, "cap", capped.Cap, []float64{5, 5, 0, 0, 0})
	to := Schedule{Donor: []float64{1, 1, 1, 1, 1}}.earlier(5)
	checkAll(t, "to the end", to.Donor, []float64{1, 1, 1, 1, 1})
}

// TestScenarios projects the presets over the hand input. The first year
// is checked by hand (the CPI and wage rates do not enter it):
//
//	high: FTE 1/0.8 = 1.25, psychologist 0.625; social worker 1.25 ·
//	      112,411 = 140,513.75 + ЄСВ 30,913.025; psychologist 0.625 ·
//	      144,000 = 90,000 + ЄСВ 19,800; other 36,000 + 24,000; direct
//	      341,226.775; admin 34,122.6775; start-up 210,000: total
//	      585,349.4525; the donor leaves in 2028, the cliff year.
//	low:  clients 24·0.8 = 19.2, FTE 0.8, psychologist 0.4; social
//	      worker 89,928.8 + 19,784.336; psychologist 57,600 + 12,672;
//	      other 36,000 + 19,200; direct 235,185.136; admin 23,518.5136;
//	      total 258,703.6496 + 210,000 = 468,703.6496.
func TestScenarios(t *testing.T) {
	in := handInput()
	rs, err := Scenarios(in, Presets(in))
	if err != nil {
		t.Fatal(err)
	}
	low, base, high := rs[0], rs[1], rs[2]
	checkNear(t, "high total 2026", high.Totals[0].Total, 585349.4525)
	checkNear(t, "low total 2026", low.Totals[0].Total, 468703.6496)
	if high.Cliff.Year != 2028 {
		t.Errorf("high Cliff.Year = %d, want 2028", high.Cliff.Year)
	}
	// base is the hand calculation's cumulative local commitment.
	checkNear(t, "base Horizon.Local", base.Horizon.Local, 1977207.0823251324)
	if !(low.Horizon.Local < base.Horizon.Local && base.Horizon.Local < high.Horizon.Local) {
		t.Errorf("local commitment low %v, base %v, high %v: want increasing", low.Horizon.Local, base.Horizon.Local, high.Horizon.Local)
	}

	_, err = Scenarios(in, []Scenario{{Name: "short", Ramp: []float64{1, 1}}})
	if !errors.Is(err, ErrInput) {
		t.Errorf("a ramp of 2 years for 5: error %v, want ErrInput", err)
	}
	_, err = Scenarios(in, []Scenario{{Name: "bad cpi", CPI: []float64{0.1, 0.1}}})
	if !errors.Is(err, ErrInput) || !strings.HasPrefix(err.Error(), `scenario "bad cpi"`) {
		t.Errorf("a CPI of 2 years for 5: error %v, want ErrInput naming the scenario", err)
	}
}

// TestTornado varies the drivers of the hand input by ±20 % (base
// cumulative local commitment 1,977,207.0823251324). Three bars by hand:
//
//	donor × 1.2: shares 100 (cut at 100), 84, 48, 0, 0 %; local =
//	  0 + 465,506.943·0.16 + 632,404.1724·0.52 + 749,135.2187676 +
//	  708,977.2772175324 = 74,481.11088 + 328,850.169648 + … =
//	  1,861,443.7765131324
//	donor × 0.8: 80, 56, 32 %: 523,479.562·0.2 + 465,506.943·0.44 +
//	  632,404.1724·0.68 + … = 104,695.9124 + 204,823.05492 +
//	  430,034.837232 + … = 2,197,666.3005371324
//	admin 10 % ± 2 pp: ± 0.02 · Σ local share · direct = ± 0.02 ·
//	  (0.3·423,188.13 + 0.6·574,912.884 + 608,629.837116 +
//	  644,524.797470484) = ± 0.02 · 1,725,058.803986484 = ± 34,501.17608
//	start-up ± 20 %: only the 2029 laptops are local: ± 0.2 ·
//	  79,642.39794 = ± 15,928.479588
func TestTornado(t *testing.T) {
	in := handInput()
	bars, err := Tornado(in, nil, 0.2)
	if err != nil {
		t.Fatal(err)
	}
	if len(bars) != len(Drivers) {
		t.Fatalf("%d bars, want %d", len(bars), len(Drivers))
	}
	by := map[Driver]Bar{}
	for i, b := range bars {
		by[b.Driver] = b
		checkNear(t, string(b.Driver)+" Base", b.Base, 1977207.0823251324)
		if i > 0 && b.Swing() > bars[i-1].Swing() {
			t.Errorf("bar %s (swing %v) after %s (swing %v): not longest first", b.Driver, b.Swing(), bars[i-1].Driver, bars[i-1].Swing())
		}
	}
	checkNear(t, "donor High", by[DriverDonor].High, 1861443.7765131324)
	checkNear(t, "donor Low", by[DriverDonor].Low, 2197666.3005371324)
	checkNear(t, "admin High", by[DriverAdmin].High, 1977207.0823251324+34501.17607972968)
	checkNear(t, "admin Low", by[DriverAdmin].Low, 1977207.0823251324-34501.17607972968)
	checkNear(t, "startup High", by[DriverStartup].High, 1977207.0823251324+15928.479588)
	// Every driver moves the commitment; more of any cost driver costs
	// more, a larger donor share less.
	for _, d := range Drivers {
		b := by[d]
		if d == DriverDonor || d == DriverCaseload {
			if !(b.High < b.Base && b.Base < b.Low) {
				t.Errorf("%s: low %v, base %v, high %v: want decreasing", d, b.Low, b.Base, b.High)
			}
			continue
		}
		if !(b.Low < b.Base && b.Base < b.High) {
			t.Errorf("%s: low %v, base %v, high %v: want increasing", d, b.Low, b.Base, b.High)
		}
	}
	// The input is not changed.
	checkAll(t, "input donor", in.Funding.Default.Donor, []float64{1, 0.7, 0.4, 0, 0})
	checkNear(t, "input salary", in.Posts[0].Salary, 8000)

	if _, err := Tornado(in, nil, 0); !errors.Is(err, ErrInput) {
		t.Errorf("Tornado step 0: error %v, want ErrInput", err)
	}
	if _, err := Tornado(in, []Driver{"weather"}, 0.2); !errors.Is(err, ErrInput) {
		t.Errorf("Tornado of an unknown driver: error %v, want ErrInput", err)
	}
}

// TestVaryMinimumWage: the floor × 1.2 = 10,376.4 lifts the social
// worker's 8,000 · W_t in every year (9,724.05 in 2030 is below it):
// 2030 pay 10,376.4 · 13 = 134,893.2.
func TestVaryMinimumWage(t *testing.T) {
	v, err := Vary(handInput(), DriverMinimumWage, 1.2)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Project(v)
	if err != nil {
		t.Fatal(err)
	}
	checkNear(t, "pay 2030", r.Staff[0].Pay[4], 134893.2)
	if r.Staff[0].Floored[4] != 12 {
		t.Errorf("floored months 2030 = %d, want 12", r.Staff[0].Floored[4])
	}
}
