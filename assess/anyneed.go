package assess

import (
	"math"

	"github.com/hromada-tool/hromada"
)

// AnyService is the service key of the derived need "at least one of the
// services" that [AnyNeed] estimates.
const AnyService = "any_service"

// AnyNeed estimates, for every group, the share and number of families
// that need at least one of the survey's services: the figure that adds
// up without counting a family twice when it needs several services.
//
// The derived answer of a household is
//
//	1    when it needs any service (any need is 1),
//	0    when it answered every need and needs none,
//	NaN  otherwise (no yes, and at least one need unanswered),
//
// and it is estimated exactly as a need by [Analyse] — same design,
// domains, interval and reliability rules — in families, whatever the
// services' units. Options.Units is ignored.
func AnyNeed(s Survey, opt Options) (Result, error) {
	if s.Design == nil {
		return Result{}, hromada.Errorf("опитування не має плану вибірки", "survey has no design")
	}
	if len(s.Needs) == 0 {
		return Result{}, hromada.Errorf("в опитуванні немає потреб", "survey has no needs")
	}
	n := s.Design.N()
	y := make([]float64, n)
	for i := range y {
		y[i] = anyOf(s.Needs, i)
	}
	opt.Units = map[string]hromada.Unit{AnyService: hromada.Family}
	derived := Survey{Design: s.Design, Groups: s.Groups, Needs: []Need{{Service: AnyService, Y: y}},
		Children: s.Children, Persons: s.Persons}
	return Analyse(derived, opt)
}

// anyOf is household i's derived answer to "needs at least one service".
func anyOf(needs []Need, i int) float64 {
	v := 0.0
	for _, nd := range needs {
		if i >= len(nd.Y) {
			return math.NaN()
		}
		switch y := nd.Y[i]; {
		case y > 0:
			return 1
		case y != y:
			v = math.NaN()
		}
	}
	return v
}
