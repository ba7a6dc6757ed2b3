package budget

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/hromada-tool/hromada"
)

// ScheduleKind is how a donor's share is given.
type ScheduleKind string

// Kinds of donor schedule.
const (
	// Explicit: a donor share for each year ([Schedule].Donor).
	Explicit ScheduleKind = "explicit"
	// Linear: the donor share falls in a straight line from Start in the
	// first year to 0 after Over years: d_t = Start · max(0, 1 − t/Over).
	Linear ScheduleKind = "linear"
	// Cap: the donor pays up to Cap_t UAH a year and never more than the
	// part the state leaves: D_t = min(Cap_t, (1 − s_t) · T_t), so the
	// share is d_t = D_t / T_t (0 when T_t = 0), T_t being the total cost
	// of the lines the schedule covers.
	Cap ScheduleKind = "cap"
)

// Schedule gives, for every year, the shares of a set of cost lines that
// the donor and the state pay; the local budget pays the rest:
// local_t = 1 − d_t − s_t. The zero Schedule is "no donor, no state":
// the local budget pays everything.
type Schedule struct {
	Kind ScheduleKind // "" is Explicit

	// Donor shares by year (Explicit); nil: 0 every year.
	Donor []float64
	// Local shares by year (Explicit, optional): when given, donor, state
	// and local must add up to 1 every year.
	Local []float64

	// Start share and years Over to reach 0 (Linear).
	Start float64
	Over  int

	// Cap is the most the donor pays each year, UAH (Cap).
	Cap []float64

	// State shares by year, any kind; nil: 0 every year.
	State []float64
}

// Funding is the schedule of a community's budget: one for all services,
// and optionally one of its own for some services (a donor that funds one
// centre only).
type Funding struct {
	Default  Schedule
	Services map[string]Schedule // by service code
}

// schedule returns the schedule of service code.
func (f Funding) schedule(code string) (Schedule, string) {
	if s, ok := f.Services[code]; ok {
		return s, code
	}
	return f.Default, ""
}

// check adds the problems of the funding to c.
func (f Funding) check(c *checker, services map[string]*Service) {
	f.Default.check(c, hromada.T("графік фінансування", "funding schedule"))
	for _, code := range sortedKeys(f.Services) {
		if services[code] == nil {
			continue // named in Result.Skipped
		}
		f.Services[code].check(c, hromada.T("графік фінансування послуги %s", "funding schedule of service %s", code))
	}
}

func (s Schedule) check(c *checker, line hromada.Text) {
	state := make([]float64, c.n)
	if c.years("funding", -1, line, "State", s.State, true) && s.State != nil {
		for t, x := range s.State {
			c.share("funding", -1, line, fmt.Sprintf("State[%d]", t), x)
			state[t] = x
		}
	}
	switch s.Kind {
	case Explicit, "":
		if s.Cap != nil || s.Start != 0 || s.Over != 0 {
			c.add("funding", -1, line, "Kind", "явний графік задають частками Donor, а не Start, Over чи Cap", "an explicit schedule takes Donor shares, not Start, Over or Cap")
		}
		okD := c.years("funding", -1, line, "Donor", s.Donor, true)
		okL := c.years("funding", -1, line, "Local", s.Local, true)
		if !okD || !okL {
			return
		}
		for t := range c.n {
			d, l := at(s.Donor, t), at(s.Local, t)
			c.share("funding", -1, line, fmt.Sprintf("Donor[%d]", t), d)
			if s.Local != nil {
				c.share("funding", -1, line, fmt.Sprintf("Local[%d]", t), l)
				if sum := d + state[t] + l; math.Abs(sum-1) > 1e-9 {
					c.add("funding", -1, line, fmt.Sprintf("Local[%d]", t),
						"донор %s %% + держбюджет %s %% + місцевий бюджет %s %% = %s %%, а не 100 %%", "donor %s %% + state %s %% + local %s %% = %s %%, not 100 %%", pct(d), pct(state[t]), pct(l), pct(sum))
				}
			} else if d+state[t] > 1+1e-9 {
				c.add("funding", -1, line, fmt.Sprintf("Donor[%d]", t),
					"донор %s %% + держбюджет %s %% — більше 100 %%", "donor %s %% + state %s %% is more than 100 %%", pct(d), pct(state[t]))
			}
		}
	case Linear:
		if s.Donor != nil || s.Local != nil || s.Cap != nil {
			c.add("funding", -1, line, "Kind", "поступовий вихід донора задають через Start і Over, а не Donor, Local чи Cap", "a linear phase-out takes Start and Over, not Donor, Local or Cap")
		}
		c.share("funding", -1, line, "Start", s.Start)
		if s.Over < 1 {
			c.add("funding", -1, line, "Over", "вихід донора за %d років; задайте 1 або більше", "a phase-out over %d years: give 1 or more", s.Over)
		}
		for t := range c.n {
			if s.Start+state[t] > 1+1e-9 {
				c.add("funding", -1, line, "Start", "донор %s %% + держбюджет %s %% у році %d — більше 100 %%", "donor %s %% + state %s %% in year %d is more than 100 %%", pct(s.Start), pct(state[t]), t)
				break
			}
		}
	case Cap:
		if s.Donor != nil || s.Local != nil || s.Start != 0 || s.Over != 0 {
			c.add("funding", -1, line, "Kind", "ліміт донора задають сумами Cap, а не Donor, Local, Start чи Over", "a donor cap takes Cap amounts, not Donor, Local, Start or Over")
		}
		if c.years("funding", -1, line, "Cap", s.Cap, false) {
			for t, x := range s.Cap {
				c.amount("funding", -1, line, fmt.Sprintf("Cap[%d]", t), x)
			}
		}
	default:
		c.add("funding", -1, line, "Kind", "«%s» — не графік; можливі: %s, %s, %s", "%q is not a schedule; allowed: %s, %s, %s", s.Kind, Explicit, Linear, Cap)
	}
}

// Shares returns the donor, state and local shares of year t (t = 0 for
// the first year) for lines whose total cost that year is total (used by
// a Cap only):
//
//	Explicit: d_t = Donor_t
//	Linear:   d_t = Start · max(0, 1 − t/Over)
//	Cap:      d_t = min(Cap_t, (1 − s_t) · total) / total, 0 when total = 0
//	local_t = 1 − d_t − s_t
func (s Schedule) Shares(t int, total float64) (donor, state, local float64) {
	state = at(s.State, t)
	switch s.Kind {
	case Linear:
		donor = s.Start * math.Max(0, 1-float64(t)/float64(s.Over))
	case Cap:
		if total > 0 {
			donor = math.Min(at(s.Cap, t), (1-state)*total) / total
		}
	default:
		donor = at(s.Donor, t)
	}
	return donor, state, 1 - donor - state
}

// at returns v[t], or 0 for a nil v.
func at(v []float64, t int) float64 {
	if v == nil {
		return 0
	}
	return v[t]
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// pct returns a share as a percentage number for a message: 0.805 gives
// «80,5», "80.5" (at most 2 decimals, as the language writes it).
func pct(share float64) hromada.Text { return hromada.Number(share*100, 2) }
