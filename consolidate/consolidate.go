// Package consolidate sums the communities of a project into the picture a
// consortium reads: one row per community, and totals across communities
// that count no family twice.
//
// Families are counted once within a community by the derived need "at
// least one service" ([assess.AnyNeed]) on the union of the groups, and
// communities do not overlap, so the project's families in need are the
// sum over communities. Their interval assumes the communities' surveys
// are independent samples:
//
//	T = Σ_c F_c,   SE(T) = sqrt(Σ_c SE_c²),   T ± z_{1−α/2} · SE(T), cut at 0
//
// with SE_c = N_c · SE(R_c) the standard error of community c's families
// in need (the registry count N_c taken as known, as in each community's
// demand). A community's estimate that is too unreliable to publish on its
// own still enters the total — the sum is far more precise than its parts —
// and a community without an estimate (no answers, or a failed run) makes
// the total incomplete; Totals says how many are missing.
//
// # Complementary suppression across communities
//
// A total that holds exactly one suppressed estimate gives it back: the
// total minus the published communities of its group is that estimate.
// Each group's total is its own sum (one equation per group; "all" and
// "any" are not sums of the groups), so a suppressed estimate can be
// recovered, alone or one after another, only where it is the single
// hidden contribution of its total. [Protect] then hides, as statistical
// offices do, the published community of that group with the smallest
// figure (the first in the project's order on a tie), marked Complementary
// («приховано: захист малої комірки», "suppressed: protects a small
// cell"); the workbook masks it as a suppressed estimate, and it keeps
// entering the total. Two hidden contributions give back only their sum.
// Where no published community is left to hide (the suppressed one is the
// only estimate of the group), [Sum] hides the total itself
// (Need.Suppressed on the total: no figure, no bounds, no SE). Sum hides a
// total with a single suppressed contribution whether or not Protect ran,
// so its totals never give a suppressed estimate back.
//
// Service demand needs no protection: a survey demand the community
// suppressed is unknown to its plan (NaN) and enters no total; the
// demand that does — a published survey demand, a published group's
// floor, the known clients of the community's records — is published in
// the community's plan workbook.
//
// Complementary suppression protects a reader of the consolidated
// workbook. The published figure hidden as a complement is still printed
// in its own community's assessment workbook.
//
// The package takes values and returns values: no files, no printing.
package consolidate

import (
	"math"

	"github.com/hromada-tool/hromada"
	"gonum.org/v1/gonum/stat/distuv"
)

// Status says how far a community's run got.
type Status string

// Statuses of a community's run.
const (
	OK     Status = "ok"     // every stage done, every workbook written
	Failed Status = "failed" // a stage stopped on bad input; see Row.Stage
)

// Need is the families of a group that need at least one service.
type Need struct {
	Group    string  // group ID; assess.AllGroup or assess.AnyGroup
	Rate     float64 // share of the group's families; NaN when not estimated
	Families float64 // N_g · Rate; NaN when not estimated
	Low, Upp float64 // interval of Families
	SE       float64 // standard error of Families: N_g · SE(Rate)
	// Suppressed: too unreliable to publish on its own (the community's
	// reliability rules), or hidden as a complement; it still enters the
	// totals. On a total: hidden, as it would give back a single
	// suppressed estimate (see the package comment).
	Suppressed bool
	// Complementary: published by its community, hidden by Protect so that
	// the total of its group does not give back a suppressed estimate.
	// Suppressed is true too.
	Complementary bool
}

// Known reports whether the need was estimated.
func (n Need) Known() bool { return !math.IsNaN(n.Families) }

// Service is one service of a community's plan.
type Service struct {
	Code string // service code
	// Demand is the unduplicated demand in the service's unit (the union
	// of the groups, or all households without groups), with its interval;
	// NaN when unknown.
	Demand, Low, Upp float64
	SE               float64 // standard error of Demand: N_g · SE(R)
	// Basis is what the demand rests on, as plan.Basis: "survey",
	// "known_clients", "known_clients_floor", "group_floor"; "" none.
	Basis    string
	Action   string  // plan action: create, enhance, sufficient, unknown
	Hires    float64 // new posts (FTE) over the horizon
	Included bool    // the planner kept the service in the plan
}

// Row is one community of the project.
type Row struct {
	Community hromada.Community
	Status    Status
	Stage     string   // the stage that failed: check, assess, plan or budget; empty when OK
	Problems  []string // the errors that stopped it, one line each
	Warnings  int      // warnings of its inputs and stages
	Files     []string // workbooks written for it, as file names
	// Stale is true when some of its workbooks are older than their
	// inputs (Problems names them): their figures are not current.
	Stale bool

	Households int    // surveyed households (rows used)
	Needs      []Need // AllGroup, the project's groups in order, AnyGroup

	Services                         []Service
	Create, Enhance, Sufficient, Unk int
	Hires                            float64 // new posts (FTE) over the horizon

	// By year of Years: the cost of what the plan adds and its funding.
	Total, Donor, State, Local []float64
	// Over the horizon.
	HorizonTotal, HorizonDonor, HorizonState, HorizonLocal float64
	CliffYear                                              int     // first year without donor money after one with some; 0 none
	CliffJump                                              float64 // rise of local cost that year
	// LocalAfter is the local cost of the last year of the horizon: what
	// the local budget carries once the project is over.
	LocalAfter float64
	// MaxShare is the highest yearly local cost as a share of revenue, in
	// MaxShareYear; NaN when revenue is unknown.
	MaxShare      float64
	MaxShareYear  int
	OverThreshold bool    // some year's share is above the project's threshold
	PerResident   float64 // local cost per resident in the last year; NaN without population
}

// Totals sums the communities that ran.
type Totals struct {
	Communities, Failed int
	Households          int
	// Needs by group as in Row.Needs: sums of Families with the interval
	// of the package comment; Rate is NaN. Missing counts communities without an estimate.
	Needs   []Need
	Missing []int

	Services                         []ServiceTotal
	Create, Enhance, Sufficient, Unk int
	Hires                            float64

	Total, Donor, State, Local                             []float64
	HorizonTotal, HorizonDonor, HorizonState, HorizonLocal float64
	LocalAfter                                             float64
	// Cliffs counts communities by cliff year, in year order.
	Cliffs        []YearCount
	OverThreshold int // communities above the threshold in some year
}

// ServiceTotal is one service across communities.
type ServiceTotal struct {
	Code             string
	Demand, Low, Upp float64 // summed like Needs; NaN when no community knows it
	Missing          int     // communities that plan it without a known demand
	Create, Enhance  int     // communities creating / enhancing it (included in the plan)
	Hires            float64
}

// YearCount is a number of communities in a year.
type YearCount struct {
	Year, Communities int
}

// Sum totals the rows that ran (Status OK). level is the confidence level
// of the intervals (0 means 0.95). Rows must share their groups and years,
// as the communities of one project do.
func Sum(rows []Row, level float64) Totals {
	if level == 0 {
		level = 0.95
	}
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	sm := summer{svc: map[string]int{}, cliffs: map[int]int{}}
	t := &sm.t
	for _, r := range rows {
		t.Communities++
		if r.Status != OK {
			t.Failed++
			continue
		}
		t.Households += r.Households
		sm.addNeeds(r)
		sm.addServices(r)
		sm.addPlanAndBudget(r)
	}
	return sm.totals(z)
}

// summer holds the running sums of Sum: the totals, and the variances and
// counts their intervals and suppression are computed from.
type summer struct {
	t        Totals
	needVar  []float64      // variance of each group's total
	hidden   []int          // suppressed contributions to each group's total
	svc      map[string]int // the index of each service in t.Services
	svcVar   []float64      // variance of each service's total
	svcKnown []int          // communities that ran and know the service's demand
	cliffs   map[int]int    // communities by cliff year
}

// addNeeds adds the families in need of each group of row r.
func (sm *summer) addNeeds(r Row) {
	t := &sm.t
	if t.Needs == nil {
		t.Needs = make([]Need, len(r.Needs))
		t.Missing = make([]int, len(r.Needs))
		sm.needVar = make([]float64, len(r.Needs))
		sm.hidden = make([]int, len(r.Needs))
		for i, n := range r.Needs {
			t.Needs[i] = Need{Group: n.Group, Rate: math.NaN()}
		}
	}
	for i, n := range r.Needs {
		if i >= len(t.Needs) {
			break
		}
		if !n.Known() {
			t.Missing[i]++
			continue
		}
		t.Needs[i].Families += n.Families
		if n.Suppressed {
			sm.hidden[i]++
		}
		if !math.IsNaN(n.SE) {
			sm.needVar[i] += n.SE * n.SE
		}
	}
}

// addServices adds the demand, the actions and the new posts of each
// service of row r.
func (sm *summer) addServices(r Row) {
	t := &sm.t
	for _, s := range r.Services {
		k, seen := sm.svc[s.Code]
		if !seen {
			k = len(t.Services)
			sm.svc[s.Code] = k
			t.Services = append(t.Services, ServiceTotal{Code: s.Code})
			sm.svcVar = append(sm.svcVar, 0)
			sm.svcKnown = append(sm.svcKnown, 0)
		}
		st := &t.Services[k]
		if math.IsNaN(s.Demand) {
			st.Missing++
		} else {
			sm.svcKnown[k]++
			st.Demand += s.Demand
			if !math.IsNaN(s.SE) {
				sm.svcVar[k] += s.SE * s.SE
			}
		}
		if s.Included {
			switch s.Action {
			case "create":
				st.Create++
			case "enhance":
				st.Enhance++
			}
			st.Hires += s.Hires
		}
	}
}

// addPlanAndBudget adds row r's actions, new posts, costs by year and
// payer, cliff year and affordability.
func (sm *summer) addPlanAndBudget(r Row) {
	t := &sm.t
	t.Create += r.Create
	t.Enhance += r.Enhance
	t.Sufficient += r.Sufficient
	t.Unk += r.Unk
	t.Hires += r.Hires
	t.Total = addInto(t.Total, r.Total)
	t.Donor = addInto(t.Donor, r.Donor)
	t.State = addInto(t.State, r.State)
	t.Local = addInto(t.Local, r.Local)
	t.HorizonTotal += r.HorizonTotal
	t.HorizonDonor += r.HorizonDonor
	t.HorizonState += r.HorizonState
	t.HorizonLocal += r.HorizonLocal
	t.LocalAfter += r.LocalAfter
	if r.CliffYear != 0 {
		sm.cliffs[r.CliffYear]++
	}
	if r.OverThreshold {
		t.OverThreshold++
	}
}

// totals finishes the totals: the intervals (z: the normal quantile of
// the level), a group's total suppressed when exactly one of its
// contributions is, and the cliff years.
func (sm *summer) totals(z float64) Totals {
	t := sm.t
	for i := range t.Needs {
		se := math.Sqrt(sm.needVar[i])
		t.Needs[i].SE = se
		t.Needs[i].Low = math.Max(0, t.Needs[i].Families-z*se)
		t.Needs[i].Upp = t.Needs[i].Families + z*se
		if sm.hidden[i] == 1 {
			t.Needs[i] = Need{Group: t.Needs[i].Group, Rate: math.NaN(), Families: math.NaN(), Low: math.NaN(), Upp: math.NaN(),
				SE: math.NaN(), Suppressed: true}
		}
	}
	for k := range t.Services {
		st := &t.Services[k]
		if sm.svcKnown[k] == 0 {
			st.Demand, st.Low, st.Upp = math.NaN(), math.NaN(), math.NaN()
			continue
		}
		se := math.Sqrt(sm.svcVar[k])
		st.Low = math.Max(0, st.Demand-z*se)
		st.Upp = st.Demand + z*se
	}
	for y := range sm.cliffs {
		t.Cliffs = append(t.Cliffs, YearCount{Year: y, Communities: sm.cliffs[y]})
	}
	sortYears(t.Cliffs)
	return t
}

// Protect returns rows with complementary suppression applied (see the
// package comment): in each group whose total would hold exactly one
// suppressed estimate of the communities that ran, the published estimate
// with the smallest figure is marked Suppressed and Complementary. It
// repeats until no total holds a single suppressed estimate. rows are not
// changed; the result shares nothing with them but what Protect leaves
// alone (a row's Needs are copied).
func Protect(rows []Row) []Row {
	out := make([]Row, len(rows))
	copy(out, rows)
	for k := range out {
		out[k].Needs = append([]Need(nil), out[k].Needs...)
	}
	groups := 0
	for _, r := range out {
		if r.Status == OK {
			groups = max(groups, len(r.Needs))
		}
	}
	for i := 0; i < groups; i++ {
		for {
			hidden, best := 0, -1
			for k, r := range out {
				if r.Status != OK || i >= len(r.Needs) || !r.Needs[i].Known() {
					continue
				}
				switch n := r.Needs[i]; {
				case n.Suppressed:
					hidden++
				case best < 0 || n.Families < out[best].Needs[i].Families:
					best = k
				}
			}
			if hidden != 1 || best < 0 {
				break
			}
			n := &out[best].Needs[i]
			n.Suppressed, n.Complementary = true, true
		}
	}
	return out
}

func addInto(sum, v []float64) []float64 {
	if sum == nil {
		sum = make([]float64, len(v))
	}
	for i := range v {
		if i < len(sum) {
			sum[i] += v[i]
		}
	}
	return sum
}

func sortYears(c []YearCount) {
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j].Year < c[j-1].Year; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
}
