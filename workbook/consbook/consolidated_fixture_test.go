package consbook

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/consolidate"
)

// testConsolidated is the consolidated workbook of four communities of
// the example oblast over 2026–2028, totalled by consolidate.Sum:
//
//   - Андрушівська ran: its local cost in 2028 is 0.55 % of revenue,
//     above the threshold of 0.4 %, and donor money ends in 2028;
//   - Олевська ran: its estimate for IDP families is suppressed and the
//     one for children with disabilities missing (no answers); the donor
//     pays every year, so there is no cliff. Its IDP estimate is the only
//     suppressed one of the IDP total, so consolidate.Protect hides the
//     smallest published one as a complement: Андрушівська's 335.5
//     (610 · 0.55) below Коростенська's 900 (1,800 · 0.5);
//   - Хорошівська failed at the plan with two problems, after its
//     assessment workbook was written;
//   - Коростенська ran without revenue or population: its share of
//     revenue and cost per resident are not known; its cliff is in 2027.
//
// The figures are made up for the test; names and codes are those of the
// example project.
func testConsolidated(lang hromada.Lang) *Consolidated {
	nan := math.NaN()
	need := func(group string, rate, n, se float64) consolidate.Need {
		f := n * rate
		return consolidate.Need{Group: group, Rate: rate, Families: f, SE: se, Low: math.Max(0, f-1.96*se), Upp: f + 1.96*se}
	}
	none := func(group string) consolidate.Need {
		return consolidate.Need{Group: group, Rate: nan, Families: nan, Low: nan, Upp: nan, SE: nan}
	}
	svc := func(code, action string, demand, se, hires float64) consolidate.Service {
		return consolidate.Service{Code: code, Demand: demand, Low: math.Max(0, demand-1.96*se), Upp: demand + 1.96*se,
			SE: se, Basis: "survey", Action: action, Hires: hires, Included: action == "create" || action == "enhance"}
	}
	idp := need("idp", 0.61, 250, 90)
	idp.Suppressed = true
	rows := []consolidate.Row{
		{
			Community: hromada.Community{Code: "UA18020010000059904", Name: hromada.Text{UK: "Андрушівська", EN: "Andrushivska"}, Population: 19530},
			Status:    consolidate.OK, Warnings: 2,
			Files:      []string{"andrushivska-assessment.xlsx", "andrushivska-plan.xlsx", "andrushivska-budget.xlsx"},
			Households: 330,
			Needs: []consolidate.Need{need("all", 0.42, 7812, 180), need("idp", 0.55, 610, 40),
				need("child_disability", 0.48, 95, 12), need("any", 0.51, 2950, 120)},
			Services: []consolidate.Service{svc("002.0", "create", 640, 60, 2.5), svc("015.1", "enhance", 120, 25, 1),
				svc("903.0", "sufficient", 40, 10, 0)},
			Create: 1, Enhance: 1, Sufficient: 1, Hires: 3.5,
			Total: []float64{900000, 1000000, 1100000}, Donor: []float64{900000, 500000, 0},
			State: []float64{0, 0, 0}, Local: []float64{0, 500000, 1100000},
			HorizonTotal: 3000000, HorizonDonor: 1400000, HorizonLocal: 1600000,
			CliffYear: 2028, CliffJump: 600000, LocalAfter: 1100000,
			MaxShare: 0.0055, MaxShareYear: 2028, OverThreshold: true, PerResident: 1100000.0 / 19530,
		},
		{
			Community:  hromada.Community{Code: "UA18060190000071101", Name: hromada.Text{UK: "Олевська", EN: "Olevska"}, Population: 34193},
			Status:     consolidate.OK,
			Files:      []string{"olevska-assessment.xlsx", "olevska-plan.xlsx", "olevska-budget.xlsx"},
			Households: 460,
			Needs:      []consolidate.Need{need("all", 0.38, 13677, 260), idp, none("child_disability"), need("any", 0.47, 5100, 210)},
			Services: []consolidate.Service{svc("002.0", "enhance", 1100, 95, 1.5),
				{Code: "015.1", Demand: nan, Low: nan, Upp: nan, SE: nan, Action: "unknown"}, svc("903.0", "create", 85, 20, 3)},
			Enhance: 1, Create: 1, Unk: 1, Hires: 4.5,
			Total: []float64{1200000, 1300000, 1350000}, Donor: []float64{1200000, 1040000, 810000},
			State: []float64{0, 130000, 270000}, Local: []float64{0, 130000, 270000},
			HorizonTotal: 3850000, HorizonDonor: 3050000, HorizonState: 400000, HorizonLocal: 400000,
			LocalAfter: 270000, MaxShare: 0.00091, MaxShareYear: 2028, PerResident: 270000.0 / 34193,
		},
		{
			Community: hromada.Community{Code: "UA18040570000099817", Name: hromada.Text{UK: "Хорошівська", EN: "Khoroshivska"}, Population: 17575},
			Status:    consolidate.Failed, Stage: "plan", Warnings: 1,
			Problems: []string{
				"providers.xlsx, Providers!D7: capacity «багато» is not a number",
				"providers.xlsx, Providers!B12: service 015.9 is not in the catalogue",
			},
			Files:      []string{"khoroshivska-assessment.xlsx"},
			Households: 300, // assessed before the plan failed: not shown, not counted
		},
		{
			Community:  hromada.Community{Code: "UA18060090000061708", Name: hromada.Text{UK: "Коростенська", EN: "Korostenska"}},
			Status:     consolidate.OK,
			Files:      []string{"korostenska-assessment.xlsx", "korostenska-plan.xlsx", "korostenska-budget.xlsx"},
			Households: 680,
			Needs: []consolidate.Need{need("all", 0.35, 28599, 400), need("idp", 0.5, 1800, 110),
				need("child_disability", 0.52, 310, 30), need("any", 0.44, 10400, 330)},
			Services: []consolidate.Service{svc("002.0", "create", 2300, 150, 5), svc("015.1", "create", 410, 60, 6),
				// known clients used as the demand: a count, no interval
				{Code: "903.0", Demand: 150, Low: 150, Upp: 150, SE: nan, Basis: "known_clients", Action: "enhance", Hires: 2, Included: true}},
			Create: 2, Enhance: 1, Hires: 13,
			Total: []float64{2500000, 2700000, 2900000}, Donor: []float64{1250000, 0, 0},
			State: []float64{500000, 540000, 580000}, Local: []float64{750000, 2160000, 2320000},
			HorizonTotal: 8100000, HorizonDonor: 1250000, HorizonState: 1620000, HorizonLocal: 5230000,
			CliffYear: 2027, CliffJump: 1410000, LocalAfter: 2320000,
			MaxShare: nan, PerResident: nan,
		},
	}
	return &Consolidated{
		Lang: lang, Project: "Мінімальний пакет послуг: Житомирщина", Level: 0.95, Years: []int{2026, 2027, 2028},
		Threshold: 0.004,
		Groups: []hromada.Group{
			{ID: "all"},
			{ID: "idp", Name: hromada.Text{UK: "Сім'ї внутрішньо переміщених осіб з дітьми", EN: "IDP families with children"}, Unit: hromada.Family},
			{ID: "child_disability", Name: hromada.Text{UK: "Діти з інвалідністю", EN: "Children with disabilities"}, Unit: hromada.Child},
			{ID: "any"},
		},
		Services: []hromada.Service{
			{Code: "002.0", Name: hromada.Text{UK: "Консультування", EN: "Counselling (incl. psychological counselling)"}, Unit: hromada.Family},
			{Code: "015.1", Name: hromada.Text{UK: "Догляд вдома", EN: "Home care"}, Unit: hromada.Person},
			{Code: "903.0", Name: hromada.Text{UK: "Раннє втручання", EN: "Early intervention"}, Unit: hromada.Family},
		},
		Rows:   consolidate.Protect(rows),
		Totals: consolidate.Sum(consolidate.Protect(rows), 0.95),
	}
}

// syntheticConsolidated is a project of n made-up communities with the
// example's six groups and seven more (fifteen needs), fourteen services
// and five budget years, for the benchmark and the many-community layout:
// every 40th community failed, every 7th has a suppressed estimate, every
// 11th a missing one, and every 9th has no cliff.
func syntheticConsolidated(lang hromada.Lang, n int) *Consolidated {
	rng := rand.New(rand.NewPCG(20260101, uint64(n)))
	years := []int{2026, 2027, 2028, 2029, 2030}
	c := &Consolidated{Lang: lang, Project: "Synthetic national project", Level: 0.95, Years: years, Threshold: 0.004}
	c.Groups = append(c.Groups, hromada.Group{ID: "all"})
	for g := range 13 {
		c.Groups = append(c.Groups, hromada.Group{ID: fmt.Sprintf("g%d", g+1),
			Name: hromada.Text{UK: fmt.Sprintf("Група %d", g+1), EN: fmt.Sprintf("Group %d", g+1)}, Unit: hromada.Family})
	}
	c.Groups = append(c.Groups, hromada.Group{ID: "any"})
	for s := range 14 {
		c.Services = append(c.Services, hromada.Service{Code: fmt.Sprintf("%03d.0", s+1),
			Name: hromada.Text{UK: fmt.Sprintf("Послуга %d", s+1), EN: fmt.Sprintf("Service %d", s+1)}, Unit: hromada.Family})
	}
	actions := []string{"create", "enhance", "sufficient", "unknown"}
	for i := range n {
		pop := 3000 + rng.IntN(120000)
		r := consolidate.Row{
			Community: hromada.Community{Code: fmt.Sprintf("UA%017d", 1000+i*7919),
				Name: hromada.Text{UK: fmt.Sprintf("Громада %d", i+1), EN: fmt.Sprintf("Community %d", i+1)}, Population: pop},
			Status: consolidate.OK,
			Files:  []string{fmt.Sprintf("c%d-assessment.xlsx", i+1), fmt.Sprintf("c%d-plan.xlsx", i+1), fmt.Sprintf("c%d-budget.xlsx", i+1)},
		}
		if i%40 == 39 {
			r.Status, r.Stage = consolidate.Failed, "assess"
			r.Problems = []string{"survey.xlsx, row 12: weight is not a number", "survey.xlsx, row 40: cluster is empty"}
			r.Files = nil
			c.Rows = append(c.Rows, r)
			continue
		}
		households := float64(pop) / 2.5
		r.Households = 300 + rng.IntN(1200)
		for g := range c.Groups {
			size := households
			if g > 0 && g < len(c.Groups)-1 {
				size = households * (0.02 + 0.2*rng.Float64())
			}
			rate := 0.2 + 0.5*rng.Float64()
			se := size * (0.01 + 0.04*rng.Float64())
			f := size * rate
			nd := consolidate.Need{Group: c.Groups[g].ID, Rate: rate, Families: f, SE: se, Low: math.Max(0, f-1.96*se), Upp: f + 1.96*se}
			switch {
			case g > 0 && i%11 == 3 && g == 5:
				nd = consolidate.Need{Group: c.Groups[g].ID, Rate: math.NaN(), Families: math.NaN(), Low: math.NaN(), Upp: math.NaN(), SE: math.NaN()}
			case g > 0 && i%7 == 2 && g%4 == 1:
				nd.Suppressed = true
			}
			r.Needs = append(r.Needs, nd)
		}
		for s := range c.Services {
			a := actions[rng.IntN(len(actions))]
			d := households * 0.05 * rng.Float64()
			sv := consolidate.Service{Code: c.Services[s].Code, Demand: d, Low: d * 0.8, Upp: d * 1.2, SE: d * 0.1,
				Action: a, Included: a == "create" || a == "enhance"}
			switch a {
			case "create":
				r.Create++
				sv.Hires = 0.5 + float64(rng.IntN(8))*0.5
			case "enhance":
				r.Enhance++
				sv.Hires = float64(rng.IntN(4)) * 0.5
			case "sufficient":
				r.Sufficient++
			default:
				r.Unk++
				sv.Demand, sv.Low, sv.Upp, sv.SE = math.NaN(), math.NaN(), math.NaN(), math.NaN()
			}
			r.Hires += sv.Hires
			r.Services = append(r.Services, sv)
		}
		cost := 200000 + 30*float64(pop)*rng.Float64()
		cliff := 2 + rng.IntN(3)
		if i%9 == 4 {
			cliff = len(years)
		}
		revenue := float64(pop) * (6000 + 4000*rng.Float64())
		r.MaxShare = -1
		for t := range years {
			total := cost * (1 + 0.1*float64(t))
			donor := 0.0
			if t < cliff {
				donor = total * max(0.1, 1-0.3*float64(t))
			}
			state := 0.1 * total
			local := math.Max(0, total-donor-state)
			r.Total, r.Donor, r.State, r.Local = append(r.Total, total), append(r.Donor, donor), append(r.State, state), append(r.Local, local)
			r.HorizonTotal += total
			r.HorizonDonor += donor
			r.HorizonState += state
			r.HorizonLocal += local
			if share := local / revenue; share > r.MaxShare {
				r.MaxShare, r.MaxShareYear = share, years[t]
			}
			if t == cliff {
				r.CliffYear, r.CliffJump = years[t], local-r.Local[t-1]
			}
		}
		r.LocalAfter = r.Local[len(years)-1]
		r.OverThreshold = r.MaxShare > c.Threshold
		r.PerResident = r.LocalAfter / float64(pop)
		if i%13 == 6 {
			r.MaxShare, r.MaxShareYear, r.OverThreshold = math.NaN(), 0, false
		}
		c.Rows = append(c.Rows, r)
	}
	c.Totals = consolidate.Sum(c.Rows, c.Level)
	return c
}
