package budget

import (
	"maps"
	"slices"

	"github.com/hromada-tool/hromada"
)

// Scenario is a named bundle of assumptions laid over an [Input]. A zero
// field keeps the input's value.
type Scenario struct {
	Name   string
	Source string // where the values come from, for the Assumptions sheet

	CPI        []float64 // consumer price growth a year (one, or one per year); nil: the input's
	WageGrowth []float64 // salary growth a year (one, or one per year); nil: the input's
	// Caseload multiplies the clients one FTE serves, so the staff of every
	// service is divided by it: FTE' = FTE / Caseload. 0: 1.
	Caseload float64
	// Ramp multiplies the clients of every service by year, and their staff
	// with them: clients' = clients · Ramp_t, FTE' = FTE · Ramp_t.
	// nil: 1 every year.
	Ramp []float64
	// Funding replaces the input's schedules; nil: the input's.
	Funding *Funding
}

// Apply returns a copy of in with the scenario's assumptions in place.
// Staff follow clients and caseload in proportion,
//
//	FTE'_{p,t} = FTE_{p,t} · Ramp_t / Caseload,
//
// without the plan's rounding to a step or its minimum staff (a
// continuous approximation). in is not changed.
func (sc Scenario) Apply(in Input) Input {
	out := in.clone()
	if sc.CPI != nil {
		out.Params.CPI = slices.Clone(sc.CPI)
	}
	if sc.WageGrowth != nil {
		out.Params.WageGrowth = slices.Clone(sc.WageGrowth)
	}
	k := sc.Caseload
	if k == 0 {
		k = 1
	}
	for i := range out.Services {
		s := &out.Services[i]
		for t := range s.Clients {
			ramp := 1.0
			if sc.Ramp != nil && t < len(sc.Ramp) {
				ramp = sc.Ramp[t]
			}
			s.Clients[t] *= ramp
			s.FTE[t] *= ramp / k
			for _, v := range s.PostFTE {
				if t < len(v) {
					v[t] *= ramp / k
				}
			}
		}
	}
	if sc.Funding != nil {
		out.Funding = sc.Funding.clone()
	}
	return out
}

// ScenarioResult is the projection of one scenario.
type ScenarioResult struct {
	Scenario Scenario
	*Result
}

// Scenarios projects in under each scenario, in order. An error names the
// scenario and wraps the input's problems ([ErrInput]).
func Scenarios(in Input, scenarios []Scenario) ([]ScenarioResult, error) {
	out := make([]ScenarioResult, 0, len(scenarios))
	for _, sc := range scenarios {
		if sc.Ramp != nil && len(sc.Ramp) != in.Years {
			return nil, hromada.Errorf("сценарій «%s»: %w", "scenario %q: %w", sc.Name, InputErrors{{Table: "scenario", Index: -1, Line: hromada.T("сценарій %s", "scenario %s", sc.Name),
				Field: "Ramp", Msg: hromada.T("значень: %d, а років планування: %d", "%d values for %d planning years", len(sc.Ramp), in.Years)}})
		}
		r, err := Project(sc.Apply(in))
		if err != nil {
			return nil, hromada.Errorf("сценарій «%s»: %w", "scenario %q: %w", sc.Name, err)
		}
		out = append(out, ScenarioResult{Scenario: sc, Result: r})
	}
	return out, nil
}

// Forecast of consumer prices (December on December) in the optimistic
// scenario of the Cabinet of Ministers' forecast for 2026–2028: Resolution
// No 946 of 06.08.2025, as reported by UNN (unn.ua, "The government made
// an economic forecast under the worst-case scenario", 2025). Its other
// scenario (9.9 % in 2026, 9.4 % in 2027, 7.5 % in 2028) is the one the
// 2026 State Budget's 9.9 % comes from. The resolution's own text was not
// retrieved; other reports (Interfax-Ukraine via Ukrainska Pravda) give
// 7.1 % and 5.6 % for 2027 and 2028, probably annual averages.
var optimisticCPI = map[int]float64{2026: 0.086, 2027: 0.059, 2028: 0.053}

// Presets returns the low, base and high scenarios for in. They are
// hromada's starting point, not a forecast of its own; a planner edits
// them.
//
//	         CPI                         wage growth   caseload  ramp (clients)      donor
//	low      optimistic forecast (below) input × 0.8   × 1       0.8, 0.9, then 1    as planned
//	base     input                       input         × 1       1                   as planned
//	high     input × 1.2                 input × 1.2   × 0.8     1                   ends a year earlier
//
// Sources: the low CPI is the optimistic scenario of Cabinet Resolution
// No 946 of 06.08.2025 (8.6 % in 2026, 5.9 % in 2027, 5.3 % in 2028;
// December on December, as reported by UNN), the 2028 rate held for later
// years and the 2026 rate used for earlier ones. Every other factor is a
// hromada assumption: ±20 % is the tornado's step; a caseload 20 % lower
// stands for heavier cases; the low ramp stands for a new service that
// reaches its planned clients in the third year; a donor that ends a year
// earlier drops the last year of donor money in the horizon (a donor still
// paying in the last year is left as it is, since when it ends is not
// known).
func Presets(in Input) []Scenario {
	n := in.Years
	low := make([]float64, n)
	for t := range n {
		y := min(max(in.FirstYear+t, 2026), 2028)
		low[t] = optimisticCPI[y]
	}
	ramp := make([]float64, n)
	for t := range n {
		ramp[t] = 1
	}
	for t, x := range []float64{0.8, 0.9} {
		if t < n {
			ramp[t] = x
		}
	}
	early := earlier(in.Funding, n)
	return []Scenario{
		{Name: "low", CPI: low, WageGrowth: scale(in.Params.WageGrowth, 0.8), Ramp: ramp,
			Source: "CPI: Cabinet Resolution No 946 of 06.08.2025, optimistic scenario (UNN); wage growth × 0.8, ramp 0.8, 0.9, 1: hromada assumptions"},
		{Name: "base", Source: "the project's inputs"},
		{Name: "high", CPI: scale(in.Params.CPI, 1.2), WageGrowth: scale(in.Params.WageGrowth, 1.2), Caseload: 0.8, Funding: &early,
			Source: "CPI and wage growth × 1.2, caseload × 0.8, donor money ends a year earlier: hromada assumptions"},
	}
}

// scale returns v with every value times f.
func scale(v []float64, f float64) []float64 {
	if v == nil {
		return nil
	}
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x * f
	}
	return out
}

// earlier returns f with the last year of donor money in each schedule
// dropped, when that year is not the horizon's last.
func earlier(f Funding, n int) Funding {
	out := f.clone()
	out.Default = out.Default.earlier(n)
	for k, s := range out.Services {
		out.Services[k] = s.earlier(n)
	}
	return out
}

func (s Schedule) earlier(n int) Schedule {
	switch s.Kind {
	case Cap:
		last := lastPositive(s.Cap)
		if last >= 0 && last < n-1 {
			s.Cap = slices.Clone(s.Cap)
			s.Cap[last] = 0
		}
		return s
	case Linear:
		d := make([]float64, n)
		for t := range n {
			d[t], _, _ = s.Shares(t, 0)
		}
		s = Schedule{Kind: Explicit, Donor: d, State: s.State}
	}
	last := lastPositive(s.Donor)
	if last >= 0 && last < n-1 {
		s.Donor = slices.Clone(s.Donor)
		s.Donor[last] = 0
		s.Local = nil // the local budget carries the rest
	}
	return s
}

func lastPositive(v []float64) int {
	for t := len(v) - 1; t >= 0; t-- {
		if v[t] > 0 {
			return t
		}
	}
	return -1
}

// clone returns a deep copy of in, so a scenario or a tornado bar can
// change it.
func (in Input) clone() Input {
	out := in
	out.Services = make([]Service, len(in.Services))
	for i, s := range in.Services {
		s.Clients = slices.Clone(s.Clients)
		s.FTE = slices.Clone(s.FTE)
		if s.PostFTE != nil {
			m := make(map[string][]float64, len(s.PostFTE))
			for k, v := range s.PostFTE {
				m[k] = slices.Clone(v)
			}
			s.PostFTE = m
		}
		out.Services[i] = s
	}
	out.Posts = slices.Clone(in.Posts)
	out.Other = slices.Clone(in.Other)
	out.Startup = slices.Clone(in.Startup)
	out.Funding = in.Funding.clone()
	out.Params.MinimumWage = slices.Clone(in.Params.MinimumWage)
	out.Params.WageGrowth = slices.Clone(in.Params.WageGrowth)
	out.Params.CPI = slices.Clone(in.Params.CPI)
	return out
}

func (f Funding) clone() Funding {
	out := Funding{Default: f.Default.clone()}
	if f.Services != nil {
		out.Services = make(map[string]Schedule, len(f.Services))
		for k, s := range maps.All(f.Services) {
			out.Services[k] = s.clone()
		}
	}
	return out
}

func (s Schedule) clone() Schedule {
	s.Donor = slices.Clone(s.Donor)
	s.Local = slices.Clone(s.Local)
	s.Cap = slices.Clone(s.Cap)
	s.State = slices.Clone(s.State)
	return s
}
