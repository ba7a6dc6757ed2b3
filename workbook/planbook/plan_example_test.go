package planbook_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/workbook/planbook"
)

// A plan written for a planner and read back as budget reads it: the
// Actions sheet gives, for each action kept in the plan, its place and
// its target clients and staff by year.
func ExampleRead() {
	support := hromada.Service{Code: "010.1", Name: hromada.Text{EN: "Social support"}, Unit: hromada.Family,
		Basic: true, Caseload: 30, MinStaff: 1, Coverage: 0.8}
	early := hromada.Service{Code: "013.0", Name: hromada.Text{EN: "Early intervention"}, Unit: hromada.Child,
		MinimumPackage: true, Caseload: 20, MinStaff: 2, Coverage: 0.5}
	in := plan.Input{
		Community: hromada.Community{Code: "UA18060190000071101", Name: hromada.Text{EN: "Olevsk community"}},
		FirstYear: 2026, Years: 2, FTEStep: 0.25,
		Services: []plan.ServiceInput{
			{Service: support, Known: true, Demand: 120, DemandLow: 100, DemandHigh: 150},
			{Service: early, Known: true, Demand: 30, DemandLow: 20, DemandHigh: 40},
		},
		Providers: []plan.Provider{{Name: "Centre of social services", Service: "010.1", Capacity: 40, Clients: 35, StaffFTE: 2}},
	}
	res, err := plan.Make(in)
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "plan")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "olevska-plan.xlsx")
	if err := planbook.Write(path, &planbook.Plan{Lang: hromada.English, Input: in, Result: res}); err != nil {
		log.Fatal(err)
	}

	// A planner may now change targets, drop actions or rank them in
	// Excel; budget reads what they leave.
	pr, problems := planbook.Read(path)
	if problems.Err() != nil {
		log.Fatal(problems)
	}
	for _, a := range pr.Actions {
		fmt.Printf("%d. %s %s (%s), include %v\n", a.Order, a.Code, a.Name, a.Action, a.Include)
		for _, y := range a.Years {
			fmt.Printf("   %d: %g clients, %g FTE, %g posts, %g new\n", y.Year, y.Clients, y.FTE, y.Staff, y.Hires)
		}
	}
	// Output:
	// 1. 010.1 Social support (enhance), include true
	//    2026: 65.5 clients, 2.25 FTE, 2.25 posts, 0.25 new
	//    2027: 96 clients, 3.25 FTE, 3.25 posts, 1 new
	// 2. 013.0 Early intervention (create), include true
	//    2026: 7.5 clients, 2 FTE, 2 posts, 2 new
	//    2027: 15 clients, 2 FTE, 2 posts, 0 new
}
