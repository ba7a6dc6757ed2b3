package plan_test

import (
	"fmt"
	"log"
	"math"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/plan"
)

// A community with one basic service, social support, that a centre
// provides below its target, and one minimum-package service, early
// intervention, that nobody provides.
func ExampleMake() {
	support := hromada.Service{Code: "010.1", Name: hromada.Text{EN: "social support"}, Unit: hromada.Family,
		Basic: true, Caseload: 30, MinStaff: 1, Coverage: 0.8}
	early := hromada.Service{Code: "013.0", Name: hromada.Text{EN: "early intervention"}, Unit: hromada.Child,
		MinimumPackage: true, Caseload: 20, MinStaff: 2, Coverage: 0.5}

	r, err := plan.Make(plan.Input{
		Community: hromada.Community{Code: "UA18020010000059904"},
		FirstYear: 2026, Years: 3, FTEStep: 0.25,
		Services: []plan.ServiceInput{
			{Service: support, Known: true, Demand: 120, DemandLow: 100, DemandHigh: 150},
			{Service: early, Known: true, Demand: 30, DemandLow: math.NaN(), DemandHigh: math.NaN()},
		},
		Providers: []plan.Provider{
			{Name: "ЦНСП", Service: "010.1", Capacity: 40, Clients: 35, StaffFTE: 1.5, Vacancies: 0.5},
		},
		Targets: map[string]plan.Target{"010.1": {Coverage: math.NaN(), Path: plan.Linear, Years: 2}},
	})
	if err != nil {
		log.Fatal(err)
	}
	s := r.Summary
	fmt.Printf("%d new, %d enhanced, %d sufficient, %d more data needed; %.2f new posts\n", s.Create, s.Enhance, s.Sufficient, s.MoreData, s.HireFTE)
	for _, sp := range r.Services {
		var reasons []string
		for _, x := range sp.Reasons {
			reasons = append(reasons, string(x))
		}
		fmt.Printf("%d. %s %s, score %.1f: gap %g (%g–%g), target %g; %s\n", sp.Rank, sp.Service.Code, sp.Action,
			sp.Score, sp.Gap, sp.GapLow, sp.GapHigh, sp.Target, strings.Join(reasons, " "))
		for _, y := range sp.Years {
			fmt.Printf("   %d: %g clients, %g FTE, hire %g\n", y.Year, y.Clients, y.FTE, y.Hires)
		}
	}
	// Output:
	// 1 new, 1 enhanced, 0 sufficient, 0 more data needed; 3.25 new posts
	// 1. 010.1 enhance, score 70.0: gap 80 (60–110), target 96; capacity_below_target vacancies basic_service
	//    2026: 65.5 clients, 2.25 FTE, hire 0.25
	//    2027: 96 clients, 3.25 FTE, hire 1
	//    2028: 96 clients, 3.25 FTE, hire 0
	// 2. 013.0 create, score 62.5: gap 30 (NaN–NaN), target 15; no_provider min_staff minimum_package
	//    2026: 5 clients, 2 FTE, hire 2
	//    2027: 10 clients, 2 FTE, hire 0
	//    2028: 15 clients, 2 FTE, hire 0
}
