package consolidate

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

// TestSum: totals by hand. Two communities ran, one failed.
//
//	families in need (any group): 120 (SE 30) + 80 (SE 40) = 200,
//	SE = sqrt(30² + 40²) = 50, 95 %: 200 ± 1.959963985 · 50 = [102.0018, 297.9982]
//	all households: 300 (SE 60) + unknown → 300, SE 60, one missing
func TestSum(t *testing.T) {
	nan := math.NaN()
	rows := []Row{
		{Status: OK, Households: 500,
			Needs: []Need{{Group: "all", Families: 300, SE: 60}, {Group: "any", Families: 120, SE: 30, Suppressed: true}},
			Services: []Service{
				{Code: "002.0", Demand: 50, SE: 5, Action: "create", Hires: 2.5, Included: true},
				{Code: "015.1", Demand: nan, SE: nan, Action: "unknown", Included: true},
			},
			Create: 1, Unk: 1, Hires: 2.5,
			Total: []float64{100, 200}, Donor: []float64{100, 0}, Local: []float64{0, 200}, State: []float64{0, 0},
			HorizonTotal: 300, HorizonDonor: 100, HorizonLocal: 200, LocalAfter: 200, CliffYear: 2027, OverThreshold: true},
		{Status: OK, Households: 700,
			Needs: []Need{{Group: "all", Families: nan, SE: nan}, {Group: "any", Families: 80, SE: 40}},
			Services: []Service{
				{Code: "002.0", Demand: 30, SE: 12, Action: "enhance", Hires: 1, Included: true},
				{Code: "015.1", Demand: nan, SE: nan, Action: "unknown", Included: true},
			},
			Enhance: 1, Unk: 1, Hires: 1,
			Total: []float64{10, 20}, Donor: []float64{5, 5}, Local: []float64{5, 15}, State: []float64{0, 0},
			HorizonTotal: 30, HorizonDonor: 10, HorizonLocal: 20, LocalAfter: 15},
		{Status: Failed, Stage: "assess", Households: 999, Total: []float64{1e9, 1e9}},
	}
	tot := Sum(rows, 0.95)
	if tot.Communities != 3 || tot.Failed != 1 || tot.Households != 1200 {
		t.Errorf("communities %d failed %d households %d; want 3, 1, 1200", tot.Communities, tot.Failed, tot.Households)
	}
	any := tot.Needs[1]
	if any.Families != 200 || !near(any.SE, 50, 1e-12) || !near(any.Low, 102.0018007, 1e-9) || !near(any.Upp, 297.9981993, 1e-9) {
		t.Errorf("any group: %+v; want 200, SE 50, [102.0018, 297.9982]", any)
	}
	if all := tot.Needs[0]; all.Families != 300 || all.SE != 60 || tot.Missing[0] != 1 || tot.Missing[1] != 0 {
		t.Errorf("all households: %+v, missing %v; want 300, SE 60, one missing", all, tot.Missing)
	}
	// 002.0: 50 + 30 = 80, SE sqrt(25 + 144) = 13; 015.1 unknown everywhere.
	s := tot.Services[0]
	if s.Code != "002.0" || s.Demand != 80 || !near(s.Upp-80, 1.959963985*13, 1e-9) || s.Create != 1 || s.Enhance != 1 || s.Hires != 3.5 {
		t.Errorf("002.0: %+v", s)
	}
	if u := tot.Services[1]; !math.IsNaN(u.Demand) || u.Missing != 2 {
		t.Errorf("015.1: %+v; want NaN demand, 2 missing", u)
	}
	if tot.Create != 1 || tot.Enhance != 1 || tot.Unk != 2 || tot.Hires != 3.5 {
		t.Errorf("actions %d/%d/%d, hires %v", tot.Create, tot.Enhance, tot.Unk, tot.Hires)
	}
	if tot.Total[0] != 110 || tot.Total[1] != 220 || tot.Local[1] != 215 || tot.HorizonLocal != 220 || tot.LocalAfter != 215 {
		t.Errorf("money: total %v local %v horizon local %v after %v", tot.Total, tot.Local, tot.HorizonLocal, tot.LocalAfter)
	}
	if len(tot.Cliffs) != 1 || tot.Cliffs[0] != (YearCount{2027, 1}) || tot.OverThreshold != 1 {
		t.Errorf("cliffs %v, over threshold %d", tot.Cliffs, tot.OverThreshold)
	}
}

// TestSumEmpty: no community ran.
func TestSumEmpty(t *testing.T) {
	tot := Sum([]Row{{Status: Failed}}, 0)
	if tot.Communities != 1 || tot.Failed != 1 || tot.Needs != nil || tot.Total != nil {
		t.Errorf("%+v", tot)
	}
}
