package assess_test

import (
	"fmt"
	"math"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
)

// Twelve households in two strata of two villages each. Three need day care
// for a child with a disability (two children in the first, one in each of
// the others, from the roster); one did not answer. The rates and logit
// intervals are those of R survey (svyciprop on the same design); the
// demand is 540·(40·2 + 60·1 + 30·1)/480 children for all families and
// 350·170/220 for the IDP families.
func Example() {
	nan := math.NaN()
	d, err := assess.NewDesign(assess.DesignSpec{
		Weight:  []float64{40, 40, 40, 60, 60, 60, 50, 50, 50, 30, 30, 30},
		Strata:  []string{"north", "north", "north", "north", "north", "north", "south", "south", "south", "south", "south", "south"},
		Cluster: []string{"Bila", "Bila", "Bila", "Hora", "Hora", "Hora", "Lis", "Lis", "Lis", "Ozero", "Ozero", "Ozero"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := assess.Analyse(assess.Survey{
		Design: d,
		Groups: []assess.Membership{
			{Group: "idp", Member: []bool{true, false, true, false, false, true, true, false, false, true, false, false}},
		},
		Needs: []assess.Need{
			{Service: "day_care", Y: []float64{1, 0, 0, 0, nan, 1, 0, 0, 0, 1, 0, 0},
				Clients: []float64{2, 0, 0, 0, nan, 1, 0, 0, 0, 1, 0, 0}, ClientsFrom: assess.ClientsRoster},
		},
		Children: []float64{2, 1, 0, 3, 1, 1, 2, 0, 1, 1, 2, 0},
	}, assess.Options{
		Units:  map[string]hromada.Unit{"day_care": hromada.Child},
		Counts: map[string]assess.Count{"idp": {Value: 350, Unit: hromada.Family, AsOf: "2026-01-01"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res.Rates {
		fmt.Printf("%s: %.3f [%.3f, %.3f] df %d, n %d of %d, suppress %v %v\n",
			r.AnalysisKey, r.Stat, r.StatLow, r.StatUpp, r.DF, r.N, r.NTotal, r.Verdict.Suppress, r.Verdict.Reasons)
	}
	for _, dm := range res.Demand {
		fmt.Printf("%s, %s: %.0f %s (%s count %.0f %s)\n", dm.Group, dm.Service, dm.People, dm.Unit.Name(hromada.English),
			dm.Basis, dm.Count, dm.CountUnit.Name(hromada.English))
	}
	// Output:
	// prop_select_one @/@ day_care %/% yes @/@ NA %/% NA: 0.271 [0.036, 0.785] df 2, n 3 of 11, suppress true [small_count neff_lt_30 wide_ci wide_relative_ci df_lt_8]
	// prop_select_one @/@ day_care %/% yes @/@ idp %/% yes: 0.591 [0.020, 0.990] df 2, n 3 of 5, suppress true [small_count neff_lt_30 wide_ci wide_relative_ci df_lt_8]
	// all, day_care: 191 children (survey count 540 families)
	// idp, day_care: 270 children (registry count 350 families)
}
