package budget

import (
	"math"
	"slices"

	"github.com/hromada-tool/hromada"
)

// Driver is an input the tornado varies.
type Driver string

// Drivers of the cost. Each is varied by a factor f (1 − δ and 1 + δ):
const (
	DriverSalary      Driver = "salary"       // every post's salary × f
	DriverMinimumWage Driver = "minimum_wage" // the minimum wage of every month × f
	DriverWageGrowth  Driver = "wage_growth"  // the salary growth rates × f
	DriverCPI         Driver = "cpi"          // the CPI rates × f
	DriverCaseload    Driver = "caseload"     // the clients an FTE serves × f: FTE ÷ f
	DriverClients     Driver = "clients"      // clients × f, and FTE with them
	DriverDonor       Driver = "donor_share"  // donor shares (or caps) × f, a share at most 1 − state
	DriverAdmin       Driver = "admin_share"  // the admin share × f
	DriverOther       Driver = "other_costs"  // the amounts of the other costs × f
	DriverStartup     Driver = "startup"      // the amounts of the start-up items × f
)

// Drivers lists every driver in the order a tornado shows ties.
var Drivers = []Driver{DriverSalary, DriverMinimumWage, DriverWageGrowth, DriverCPI, DriverCaseload,
	DriverClients, DriverDonor, DriverAdmin, DriverOther, DriverStartup}

// Vary returns a copy of in with driver d multiplied by f. A rate is
// scaled itself (a 10 % growth × 1.2 is 12 %, not 10 % + 20 pp). Staff
// follow clients and caseload in proportion, as in [Scenario.Apply].
// A donor share scaled above 1 − state is cut there, and explicit local
// shares are dropped so the local budget carries the rest.
func Vary(in Input, d Driver, f float64) (Input, error) {
	out := in.clone()
	switch d {
	case DriverSalary:
		for i := range out.Posts {
			out.Posts[i].Salary *= f
		}
	case DriverMinimumWage:
		for t := range out.Params.MinimumWage {
			for m := range out.Params.MinimumWage[t] {
				out.Params.MinimumWage[t][m] *= f
			}
		}
	case DriverWageGrowth:
		out.Params.WageGrowth = scale(out.Params.WageGrowth, f)
	case DriverCPI:
		out.Params.CPI = scale(out.Params.CPI, f)
	case DriverCaseload:
		return Scenario{Caseload: f}.Apply(in), nil
	case DriverClients:
		ramp := make([]float64, in.Years)
		for t := range ramp {
			ramp[t] = f
		}
		return Scenario{Ramp: ramp}.Apply(in), nil
	case DriverDonor:
		out.Funding.Default = out.Funding.Default.vary(f)
		for k, s := range out.Funding.Services {
			out.Funding.Services[k] = s.vary(f)
		}
	case DriverAdmin:
		out.Params.Admin *= f
	case DriverOther:
		for i := range out.Other {
			out.Other[i].Amount *= f
		}
	case DriverStartup:
		for i := range out.Startup {
			out.Startup[i].Amount *= f
		}
	default:
		return Input{}, hromada.Errorf("%v: «%s» — не чинник", "%w: %q is not a driver", ErrInput, d)
	}
	return out, nil
}

// vary scales the donor side of a schedule by f.
func (s Schedule) vary(f float64) Schedule {
	switch s.Kind {
	case Cap:
		s.Cap = scale(s.Cap, f)
		return s
	case Linear:
		s.Start = math.Min(s.Start*f, 1-slices.Max(append([]float64{0}, s.State...)))
		return s
	}
	if s.Donor == nil {
		return s
	}
	d := make([]float64, len(s.Donor))
	for t, x := range s.Donor {
		d[t] = math.Min(x*f, 1-at(s.State, t))
	}
	s.Donor, s.Local = d, nil
	return s
}

// Bar is one driver of a tornado: the cumulative local commitment
// ([Horizon].Local) with the driver at 1 − δ (Low) and at 1 + δ (High).
type Bar struct {
	Driver    Driver
	Base      float64 // with every driver as given
	Low, High float64
}

// Swing returns |High − Low|, the length of the bar.
func (b Bar) Swing() float64 { return math.Abs(b.High - b.Low) }

// Tornado varies each driver by ±delta (0.2 for ±20 %) one at a time and
// returns the cumulative local commitment of each, longest bar first
// (ties in the order of drivers). nil drivers means [Drivers].
func Tornado(in Input, drivers []Driver, delta float64) ([]Bar, error) {
	if !finite(delta) || delta <= 0 || delta >= 1 {
		return nil, hromada.Errorf("%v: крок діаграми чутливості %v; задайте частку між 0 і 1, наприклад 0,2", "%w: a tornado step of %v: give a share between 0 and 1, e.g. 0.2", ErrInput, hromada.Number(delta, 6))
	}
	if drivers == nil {
		drivers = Drivers
	}
	base, err := Project(in)
	if err != nil {
		return nil, err
	}
	bars := make([]Bar, 0, len(drivers))
	for _, d := range drivers {
		b := Bar{Driver: d, Base: base.Horizon.Local}
		for _, side := range []struct {
			f   float64
			out *float64
		}{{1 - delta, &b.Low}, {1 + delta, &b.High}} {
			v, err := Vary(in, d, side.f)
			if err != nil {
				return nil, err
			}
			r, err := Project(v)
			if err != nil {
				return nil, hromada.Errorf("діаграма чутливості, %s × %v: %w", "tornado, %s × %v: %w", d, hromada.Number(side.f, 6), err)
			}
			*side.out = r.Horizon.Local
		}
		bars = append(bars, b)
	}
	slices.SortStableFunc(bars, func(a, b Bar) int {
		switch sa, sb := a.Swing(), b.Swing(); {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	return bars, nil
}
