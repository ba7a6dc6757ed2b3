package consolidate

import (
	"math"
	"testing"

	"github.com/hromada-tool/hromada"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

// TestSum: totals by hand. Two communities ran, one failed. Both
// estimates of "any" are suppressed, so the total gives back only their sum
// and is published.
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
			Needs: []Need{{Group: "all", Families: nan, SE: nan}, {Group: "any", Families: 80, SE: 40, Suppressed: true}},
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

// protectRows: four OK communities and a failed one, five groups.
//
//	g0: 120 suppressed, 80, 50, 60          → the smallest published, 50 (C), is the complement
//	g1: 30 suppressed, the rest missing     → no complement: the total is hidden
//	g2: 10 and 20 suppressed, 5, 7          → two hidden already: nothing more
//	g3: 40, 50, 60, 70, none suppressed     → nothing
//	g4: 9 suppressed, 15, 15, 40            → a tie: the first of the project's order, B
//
// The failed community holds a suppressed g0 estimate; it enters no total.
func protectRows() []Row {
	nan := math.NaN()
	need := func(g string, f, se float64, supp bool) Need {
		return Need{Group: g, Rate: nan, Families: f, Low: f, Upp: f, SE: se, Suppressed: supp}
	}
	return []Row{
		{Community: hromada.Community{Code: "A"}, Status: OK, Needs: []Need{need("g0", 120, 30, true), need("g1", 30, 10, true),
			need("g2", 10, 3, true), need("g3", 40, 4, false), need("g4", 9, 3, true)}},
		{Community: hromada.Community{Code: "B"}, Status: OK, Needs: []Need{need("g0", 80, 40, false), need("g1", nan, nan, false),
			need("g2", 20, 4, true), need("g3", 50, 4, false), need("g4", 15, 4, false)}},
		{Community: hromada.Community{Code: "C"}, Status: OK, Needs: []Need{need("g0", 50, 12, false), need("g1", nan, nan, false),
			need("g2", 5, 1, false), need("g3", 60, 4, false), need("g4", 15, 4, false)}},
		{Community: hromada.Community{Code: "X"}, Status: Failed, Needs: []Need{need("g0", 1, 1, true)}},
		{Community: hromada.Community{Code: "D"}, Status: OK, Needs: []Need{need("g0", 60, 9, false), need("g1", nan, nan, false),
			need("g2", 7, 2, false), need("g3", 70, 4, false), need("g4", 40, 5, false)}},
	}
}

// TestProtect: the complements chosen by hand (protectRows), the input
// left as it was, and the totals of Sum over the protected rows.
func TestProtect(t *testing.T) {
	in := protectRows()
	out := Protect(in)
	// want[k][i]: community k's estimate of group i is a complement.
	want := map[string][]bool{
		"A": {false, false, false, false, false},
		"B": {false, false, false, false, true},
		"C": {true, false, false, false, false},
		"X": {false},
		"D": {false, false, false, false, false},
	}
	for k, r := range out {
		for i, n := range r.Needs {
			w := want[r.Community.Code][i]
			if n.Complementary != w || (w && !n.Suppressed) {
				t.Errorf("%s g%d: complementary %v suppressed %v; want complementary %v", r.Community.Code, i, n.Complementary, n.Suppressed, w)
			}
			if in[k].Needs[i].Complementary || in[k].Needs[i].Suppressed != protectRows()[k].Needs[i].Suppressed {
				t.Errorf("%s g%d: Protect changed its input", r.Community.Code, i)
			}
			if !sameFloat(n.Families, in[k].Needs[i].Families) {
				t.Errorf("%s g%d: families %v; want %v", r.Community.Code, i, n.Families, in[k].Needs[i].Families)
			}
		}
	}
	tot := Sum(out, 0.95)
	// g0: 120 + 80 + 50 + 60 = 310, SE sqrt(900 + 1600 + 144 + 81) = sqrt(2725);
	// the failed community's 1 is left out.
	if g := tot.Needs[0]; g.Suppressed || g.Families != 310 || !near(g.SE, math.Sqrt(2725), 1e-12) {
		t.Errorf("g0 total %+v; want 310, SE √2725, published", g)
	}
	// g1: only A's suppressed 30 → the total is hidden; three missing.
	if g := tot.Needs[1]; !g.Suppressed || !math.IsNaN(g.Families) || !math.IsNaN(g.Low) || !math.IsNaN(g.Upp) || !math.IsNaN(g.SE) || tot.Missing[1] != 3 {
		t.Errorf("g1 total %+v, missing %d; want hidden, no figure, 3 missing", g, tot.Missing[1])
	}
	// g2: 10 + 20 + 5 + 7 = 42; g4: 9 + 15 + 15 + 40 = 79.
	if g := tot.Needs[2]; g.Suppressed || g.Families != 42 {
		t.Errorf("g2 total %+v; want 42, published", g)
	}
	if g := tot.Needs[4]; g.Suppressed || g.Families != 79 {
		t.Errorf("g4 total %+v; want 79, published", g)
	}
}

// TestSumHidesAGivenBackTotal: without Protect, a total with one
// suppressed contribution is hidden (g0: 120 suppressed, the rest
// published), one with two is not (g2).
func TestSumHidesAGivenBackTotal(t *testing.T) {
	tot := Sum(protectRows(), 0.95)
	if g := tot.Needs[0]; !g.Suppressed || !math.IsNaN(g.Families) {
		t.Errorf("g0 total %+v; want hidden", g)
	}
	if g := tot.Needs[2]; g.Suppressed || g.Families != 42 {
		t.Errorf("g2 total %+v; want 42, published", g)
	}
}

// TestNoTotalGivesBack: over the protected rows, every published total
// minus its published contributions leaves either nothing or the sum of
// at least two hidden estimates — never a single one.
func TestNoTotalGivesBack(t *testing.T) {
	rows := Protect(protectRows())
	tot := Sum(rows, 0.95)
	for i, g := range tot.Needs {
		if g.Suppressed {
			continue
		}
		hidden := 0
		for _, r := range rows {
			if r.Status == OK && i < len(r.Needs) && r.Needs[i].Known() && r.Needs[i].Suppressed {
				hidden++
			}
		}
		if hidden == 1 {
			t.Errorf("group %s: the published total %v gives back its single suppressed estimate", g.Group, g.Families)
		}
	}
}

func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
