package budget_test

import (
	"fmt"

	"github.com/hromada-tool/hromada/budget"
)

// A centre of social services opens social support of families (010.1)
// in 2026 with a donor paying all of the first year, then 70 % and 40 %.
// Minimum wage 8,647 UAH a month (State Budget 2026), ЄСВ 22 %, CPI
// 9.9 % a year (the 2026 State Budget's assumption); the rest are example
// values.
func Example() {
	mw := make([][12]float64, 5)
	for t := range mw {
		for m := range mw[t] {
			mw[t][m] = 8647
		}
	}
	r, err := budget.Project(budget.Input{
		FirstYear: 2026, Years: 5,
		Services: []budget.Service{{Code: "010.1", Programme: "3121",
			Clients: []float64{24, 36, 48, 48, 48}, FTE: []float64{1, 1.5, 2, 2, 2}}},
		Posts:      []budget.Post{{Service: "010.1", Post: "social worker", Share: 1, Salary: 8000, ExtraMonths: 1}},
		Other:      []budget.OtherCost{{Service: "010.1", Item: "materials", Basis: budget.PerClient, Amount: 1000, KEKV: "2210"}},
		Startup:    []budget.Startup{{Service: "010.1", Item: "laptops", Amount: 60000, Year: 2026, Life: 3, KEKV: "3110"}},
		Funding:    budget.Funding{Default: budget.Schedule{Donor: []float64{1, 0.7, 0.4, 0, 0}}},
		Params:     budget.Params{ESV: 0.22, MinimumWage: mw, WageGrowth: []float64{0.05}, CPI: []float64{0.099}, Admin: 0.1},
		Revenue:    budget.Revenue{Year: 2022, Revenue: 182563937.14, Growth: 0.05},
		Population: 19530,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("year      total      donor      local  % revenue")
	for _, y := range r.Totals {
		fmt.Printf("%d %10.0f %10.0f %10.0f %9.3f\n", y.Year, y.Total, y.Donor, y.Local, 100*y.ShareOfRevenue)
	}
	c := r.Cliff
	fmt.Printf("cliff %d: local +%.0f = donor exit %.0f + indexation %.0f\n", c.Year, c.Jump, c.DonorExit, c.Indexation)
	fmt.Printf("local commitment 2026–2030: %.0f\n", r.Horizon.Local)
	for _, p := range r.ByKEKV {
		fmt.Printf("КЕКВ %s: %.0f\n", p.Code, p.Amount[0]+p.Amount[1]+p.Amount[2]+p.Amount[3]+p.Amount[4])
	}
	// Output:
	// year      total      donor      local  % revenue
	// 2026     237256     237256          0     0.000
	// 2027     269804     188863      80941     0.035
	// 2028     371519     148608     222912     0.091
	// 2029     472863          0     472863     0.184
	// 2030     416315          0     416315     0.154
	// cliff 2029: local +249951 = donor exit 148608 + indexation 101343
	// local commitment 2026–2030: 1193031
	// КЕКВ 2111: 1003959
	// КЕКВ 2120: 220871
	// КЕКВ 2210: 255274
	// КЕКВ 2240: 148010
	// КЕКВ 3110: 139642
}
