package plan

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
)

var nan = math.NaN()

// same reports whether a and b are equal within 1e-9, NaN equal to NaN.
func same(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func sameAll(a, b []float64) bool {
	return slices.EqualFunc(a, b, same)
}

// svc is a service of the classifier with the norms the tests need.
func svc(code string, caseload, minStaff, coverage float64) hromada.Service {
	return hromada.Service{Code: code, Name: hromada.Text{EN: "service " + code}, Unit: hromada.Family,
		Caseload: caseload, MinStaff: minStaff, Coverage: coverage}
}

// known is a service input with a known demand and no interval.
func known(s hromada.Service, demand float64) ServiceInput {
	return ServiceInput{Service: s, Known: true, Demand: demand, DemandLow: nan, DemandHigh: nan}
}

// input is a one-year plan of 0.25-post steps for the community UA1.
func input(services ...ServiceInput) Input {
	return Input{Community: hromada.Community{Code: "UA1"}, FirstYear: 2026, Years: 1, FTEStep: 0.25, Services: services}
}

func find(t *testing.T, r Result, code string) ServicePlan {
	t.Helper()
	for _, sp := range r.Services {
		if sp.Service.Code == code {
			return sp
		}
	}
	t.Fatalf("service %s is not in the plan", code)
	return ServicePlan{}
}

func TestCapacityGapCoverage(t *testing.T) {
	in := input(ServiceInput{Service: svc("010.1", 30, 1, 0.8), Known: true, Demand: 120, DemandLow: 90, DemandHigh: 150})
	in.Providers = []Provider{
		{Community: "UA1", Name: "ЦНСП", Service: "010.1", Capacity: 40, Clients: 35, StaffFTE: 1.5, Vacancies: 0.5},
		{Name: "ГО Надія", Service: "010.1", Capacity: 30, Clients: 30, StaffFTE: 1},
		{Name: "ГО Надія", Service: "099.9", Capacity: 10, Clients: 5, StaffFTE: 0.5},
	}
	r, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	sp := find(t, r, "010.1")
	// Two rows of 010.1: capacity 40 + 30 = 70, clients 35 + 30 = 65,
	// staff 1.5 + 1 = 2.5, vacancies 0.5 + 0 = 0.5. The 099.9 row is of a
	// service the plan does not cover: it goes to Unplanned.
	got := []float64{float64(sp.Providers), sp.Capacity, sp.Clients, sp.StaffFTE, sp.Vacancies}
	if want := []float64{2, 70, 65, 2.5, 0.5}; !sameAll(got, want) {
		t.Errorf("providers, capacity, clients, staff, vacancies = %v, want %v", got, want)
	}
	if len(r.Unplanned) != 1 || r.Unplanned[0].Service != "099.9" {
		t.Errorf("Unplanned = %+v, want the 099.9 row", r.Unplanned)
	}
	// Gap: 120 − 70 = 50; at the bounds 90 − 70 = 20 and 150 − 70 = 80.
	// Coverage 70 / 120 = 0.583333…
	got = []float64{sp.Gap, sp.GapLow, sp.GapHigh, sp.Coverage}
	if want := []float64{50, 20, 80, 70.0 / 120}; !sameAll(got, want) {
		t.Errorf("gap, low, high, coverage = %v, want %v", got, want)
	}
}

func TestGap(t *testing.T) {
	tests := []struct {
		name                 string
		d, lo, hi, capacity  float64
		gap, gapLow, gapHigh float64
		coverage             float64
	}{
		// All three above capacity: each minus 70.
		{"all short", 120, 90, 150, 70, 50, 20, 80, 70.0 / 120},
		// The lower bound 60 is below capacity 70: no gap there.
		{"low bound covered", 100, 60, 140, 70, 30, 0, 70, 0.7},
		// Capacity 200 over demand 100: no gap anywhere, coverage 2.
		{"over capacity", 100, 80, 120, 200, 0, 0, 0, 2},
		// No interval: the bounds' gaps are NaN, not 0.
		{"no interval", 100, nan, nan, 70, 30, nan, nan, 0.7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(ServiceInput{Service: svc("010.1", 30, 0, 0.8), Known: true, Demand: tt.d, DemandLow: tt.lo, DemandHigh: tt.hi})
			in.Providers = []Provider{{Name: "P", Service: "010.1", Capacity: tt.capacity}}
			r, err := Make(in)
			if err != nil {
				t.Fatal(err)
			}
			sp := r.Services[0]
			got := []float64{sp.Gap, sp.GapLow, sp.GapHigh, sp.Coverage}
			if want := []float64{tt.gap, tt.gapLow, tt.gapHigh, tt.coverage}; !sameAll(got, want) {
				t.Errorf("gap, low, high, coverage = %v, want %v", got, want)
			}
		})
	}
}

func TestAction(t *testing.T) {
	tests := []struct {
		name      string
		in        ServiceInput
		providers []Provider
		action    Action
		reason    Reason
		target    float64
		targetGap float64
	}{
		// No provider; target 0.8 × 50 = 40 > 0.
		{"create", known(svc("a", 30, 1, 0.8), 50), nil, Create, ReasonNoProvider, 40, 40},
		// Capacity 30 below the target 40: add 10.
		{"enhance", known(svc("a", 30, 1, 0.8), 50), []Provider{{Service: "a", Capacity: 30, Clients: 30, StaffFTE: 1}}, Enhance, ReasonBelowTarget, 40, 10},
		// Capacity 40 equals the target 0.8 × 50 = 40.
		{"target met exactly", known(svc("a", 30, 1, 0.8), 50), []Provider{{Service: "a", Capacity: 40}}, Sufficient, ReasonTargetMet, 40, 0},
		// 0.1 × 3 = 0.30000000000000004 in floating point: capacity 0.3
		// still meets it.
		{"target met despite rounding", known(svc("a", 30, 0, 0.1), 3), []Provider{{Service: "a", Capacity: 0.3}}, Sufficient, ReasonTargetMet, 0.3, 0},
		// Capacity 60 above demand 50.
		{"over capacity", known(svc("a", 30, 1, 0.8), 50), []Provider{{Service: "a", Capacity: 60}}, Sufficient, ReasonTargetMet, 40, 0},
		// No respondent with the need: not observed is not "no demand";
		// more data needed, never sufficient, no target.
		{"provider, not observed", known(svc("a", 30, 1, 0.8), 0), []Provider{{Service: "a", Capacity: 20, Clients: 5}}, MoreData, ReasonNotObserved, nan, nan},
		{"no provider, not observed", known(svc("a", 30, 1, 0.8), 0), nil, MoreData, ReasonNotObserved, nan, nan},
		// The project plans no coverage (target 0 × 50 = 0): nothing to create.
		{"target coverage 0", known(svc("a", 30, 1, 0), 50), nil, Sufficient, ReasonTargetMet, 0, 0},
		// Suppressed demand: unknown, no target.
		{"unknown", ServiceInput{Service: svc("a", 30, 1, 0.8), Demand: nan, DemandLow: nan, DemandHigh: nan}, []Provider{{Service: "a", Capacity: 20}}, MoreData, ReasonSuppressed, nan, nan},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(tt.in)
			in.Providers = tt.providers
			r, err := Make(in)
			if err != nil {
				t.Fatal(err)
			}
			sp := r.Services[0]
			if sp.Action != tt.action || sp.Reasons[0] != tt.reason {
				t.Errorf("action %s (%v), want %s (%s)", sp.Action, sp.Reasons, tt.action, tt.reason)
			}
			if !same(sp.Target, tt.target) || !same(sp.TargetGap, tt.targetGap) {
				t.Errorf("target %v, target gap %v; want %v, %v", sp.Target, sp.TargetGap, tt.target, tt.targetGap)
			}
		})
	}
}

func TestUnknownDemand(t *testing.T) {
	s := svc("a", 30, 1, 0.8)
	s.Basic = true
	// The group's demand is published but its interval reaches 0, so it
	// is no floor either.
	in := input(ServiceInput{Service: s, Demand: nan, DemandLow: nan, DemandHigh: nan,
		Groups: []GroupDemand{{Group: "idp", People: 12, Low: 0, High: 30}}})
	in.Groups = []hromada.Group{{ID: "idp", Vulnerability: 2}}
	in.Providers = []Provider{{Service: "a", Capacity: 20, Clients: 10, StaffFTE: 1}}
	r, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	sp := r.Services[0]
	// Nothing is guessed: no gap, no coverage, no years, score 0; the
	// inventory is still shown.
	if !math.IsNaN(sp.Demand) || !math.IsNaN(sp.Gap) || !math.IsNaN(sp.Coverage) || sp.Years != nil || sp.Score != 0 {
		t.Errorf("unknown demand planned as %+v", sp)
	}
	if sp.Capacity != 20 || sp.TargetCoverage != 0.8 {
		t.Errorf("capacity %v, target coverage %v; want 20, 0.8", sp.Capacity, sp.TargetCoverage)
	}
	// The group's demand is known (12) but its unmet share is not.
	if g := sp.UnmetByGroup[0]; g.Demand != 12 || !math.IsNaN(g.Unmet) {
		t.Errorf("group %+v, want demand 12 and unmet NaN", g)
	}
	if r.Summary.MoreData != 1 || r.Summary.HireFTE != 0 {
		t.Errorf("summary %+v, want 1 unknown and no hires", r.Summary)
	}
	want := []Reason{ReasonSuppressed, ReasonNeedKnown, ReasonNeedSample, ReasonVulnerable, ReasonBasic}
	if !reflect.DeepEqual(sp.Reasons, want) {
		t.Errorf("reasons %v, want %v", sp.Reasons, want)
	}
}

func TestZeroDemandWithProvider(t *testing.T) {
	// A provider serves 5 families of a service whose case records know
	// no client who needs it (known clients 0, used as the demand). The
	// plan keeps what it serves (never below the current clients) and its
	// minimum staff: max(1, 5/30 = 0.17 → 0.25) = 1 post, already in place
	// (1.5 in post), so no hires.
	in := input(ServiceInput{Service: svc("a", 30, 1, 0.8), Demand: nan, DemandLow: nan, DemandHigh: nan})
	in.KnownClients = map[string]KnownClients{"a": {Count: 0, Use: UseDemand}}
	in.Years = 2
	in.Providers = []Provider{{Service: "a", Capacity: 20, Clients: 5, StaffFTE: 1.5}}
	r, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	sp := r.Services[0]
	want := []Year{{Year: 2026, Clients: 5, FTE: 1, Staff: 1.5}, {Year: 2027, Clients: 5, FTE: 1, Staff: 1.5}}
	if !reflect.DeepEqual(sp.Years, want) {
		t.Errorf("years %+v, want %+v", sp.Years, want)
	}
	if !math.IsNaN(sp.Coverage) || sp.Gap != 0 || sp.Score != 0 {
		t.Errorf("coverage %v, gap %v, score %v; want NaN, 0, 0", sp.Coverage, sp.Gap, sp.Score)
	}
	if sp.Action != Sufficient || sp.Basis != BasisKnownClients || !reflect.DeepEqual(sp.Reasons[:2], []Reason{ReasonKnownClients, ReasonNoDemand}) {
		t.Errorf("action %s on %q (%v), want sufficient on known clients (known_clients no_demand)", sp.Action, sp.Basis, sp.Reasons)
	}
}

func TestClients(t *testing.T) {
	tests := []struct {
		name            string
		current, target float64
		tg              Target
		n               int
		want            []float64
	}{
		// The target from the first year.
		{"step", 20, 80, Target{Path: Step}, 5, []float64{80, 80, 80, 80, 80}},
		// 20 + (80 − 20)·k/3 for k = 1, 2, 3, then 80.
		{"linear over 3 of 5 years", 20, 80, Target{Path: Linear, Years: 3}, 5, []float64{40, 60, 80, 80, 80}},
		// 20 + 60·k/4 for k = 1, 2 (horizon 2 < 4 years: the target is not reached).
		{"linear longer than horizon", 20, 80, Target{Path: Linear, Years: 4}, 2, []float64{35, 50}},
		// Over one year linear is step.
		{"linear over 1 year", 20, 80, Target{Path: Linear, Years: 1}, 2, []float64{80, 80}},
		// 0.3·80 = 24, 0.6·80 = 48, 1·80; past the ramp its last share.
		{"ramp shorter than horizon", 0, 80, Target{Path: Ramp, Ramp: []float64{0.3, 0.6, 1}}, 5, []float64{24, 48, 80, 80, 80}},
		// 0.1·80 = 8 and 0.2·80 = 16 are below the 20 served now: 20;
		// 0.5·80 = 40. Shares past the horizon are not used.
		{"ramp longer than horizon", 20, 80, Target{Path: Ramp, Ramp: []float64{0.1, 0.2, 0.5, 0.8, 1}}, 3, []float64{20, 20, 40}},
		// A ramp that stops at half the target stays there: 0.5·80 = 40.
		{"ramp ending below 1", 0, 80, Target{Path: Ramp, Ramp: []float64{0.25, 0.5}}, 3, []float64{20, 40, 40}},
		// The target 40 is below the 50 served now: the plan keeps 50.
		{"step below current", 50, 40, Target{Path: Step}, 2, []float64{50, 50}},
		{"linear below current", 50, 40, Target{Path: Linear, Years: 2}, 2, []float64{50, 50}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clients(tt.current, tt.target, tt.tg, tt.n)
			if !sameAll(got, tt.want) {
				t.Errorf("Clients(%v, %v, %+v, %d) = %v, want %v", tt.current, tt.target, tt.tg, tt.n, got, tt.want)
			}
		})
	}
}

func TestCeilToStep(t *testing.T) {
	tests := []struct{ x, step, want float64 }{
		{1.1, 0.25, 1.25},
		{1.1, 0.5, 1.5},
		{50.0 / 30, 0.25, 1.75}, // 1.667 → 1.75
		{50.0 / 30, 0.5, 2},     // 1.667 → 2
		{2, 0.25, 2},
		{0.1 * 3 / 0.3 * 2, 0.5, 2}, // 2.0000000000000004: not 2.5
		{0.01, 0.5, 0.5},
		{0, 0.25, 0},
	}
	for _, tt := range tests {
		if got := CeilToStep(tt.x, tt.step); !same(got, tt.want) {
			t.Errorf("CeilToStep(%v, %v) = %v, want %v", tt.x, tt.step, got, tt.want)
		}
	}
}

func TestStaff(t *testing.T) {
	tests := []struct {
		name      string
		service   hromada.Service
		operating bool
		clients   []float64
		existing  float64
		step      float64
		want      []Year
		minBinds  bool
	}{
		{
			// A new service, caseload 30, minimum 1 post, step 0.25:
			// year 1 no clients yet → 0; 20/30 = 0.67 → max(1, 0.67) = 1
			// (the minimum binds); 40/30 = 1.33 → 1.5; 75/30 = 2.5;
			// 2.5 again. Hires 0, 1, 0.5, 1, 0 = 2.5 posts.
			name: "new service, step 0.25", service: svc("a", 30, 1, 0.8),
			clients: []float64{0, 20, 40, 75, 75}, step: 0.25,
			want: []Year{
				{Clients: 0, FTE: 0, Staff: 0, Hires: 0},
				{Clients: 20, FTE: 1, Staff: 1, Hires: 1},
				{Clients: 40, FTE: 1.5, Staff: 1.5, Hires: 0.5},
				{Clients: 75, FTE: 2.5, Staff: 2.5, Hires: 1},
				{Clients: 75, FTE: 2.5, Staff: 2.5, Hires: 0},
			},
			minBinds: true,
		},
		{
			// Step 0.5: 50/30 = 1.67 → 2 (0.25 would give 1.75);
			// 70/30 = 2.33 → 2.5. The minimum 1 never binds.
			name: "step 0.5", service: svc("a", 30, 1, 0.8),
			clients: []float64{50, 70}, step: 0.5,
			want: []Year{
				{Clients: 50, FTE: 2, Staff: 2, Hires: 2},
				{Clients: 70, FTE: 2.5, Staff: 2.5, Hires: 0.5},
			},
		},
		{
			// Existing 2 posts (1.5 in post + 0.5 vacant) count: 65/30 =
			// 2.17 → 2.25, hire 0.25; 80/30 = 2.67 → 2.75, hire 0.5;
			// 100/30 = 3.33 → 3.5, hire 0.75.
			name: "existing staff and vacancies", service: svc("a", 30, 1, 0.8), operating: true,
			clients: []float64{65, 80, 100}, existing: 2, step: 0.25,
			want: []Year{
				{Clients: 65, FTE: 2.25, Staff: 2.25, Hires: 0.25},
				{Clients: 80, FTE: 2.75, Staff: 2.75, Hires: 0.5},
				{Clients: 100, FTE: 3.5, Staff: 3.5, Hires: 0.75},
			},
		},
		{
			// Existing 4 posts above the need 60/30 = 2: no hires, FTE 2.
			name: "more staff than needed", service: svc("a", 30, 1, 0.8), operating: true,
			clients: []float64{60}, existing: 4, step: 0.25,
			want: []Year{{Clients: 60, FTE: 2, Staff: 4, Hires: 0}},
		},
		{
			// 90/30 = 3, then 30/30 = 1: posts are not cut, staff stays 3.
			name: "need falls", service: svc("a", 30, 0, 0.8),
			clients: []float64{90, 30}, step: 0.25,
			want: []Year{
				{Clients: 90, FTE: 3, Staff: 3, Hires: 3},
				{Clients: 30, FTE: 1, Staff: 3, Hires: 0},
			},
		},
		{
			// A minimum of 0.3 is rounded up to 0.5 at step 0.5; 5/30 =
			// 0.17 → 0.5 too, so the minimum does not bind.
			name: "minimum off the step", service: svc("a", 30, 0.3, 0.8),
			clients: []float64{5}, step: 0.5,
			want: []Year{{Clients: 5, FTE: 0.5, Staff: 0.5, Hires: 0.5}},
		},
		{
			// An operating provider without clients keeps its minimum; a
			// caseload of 0 is no problem when there is no one to staff.
			name: "operating, no clients", service: svc("a", 0, 1, 0.8), operating: true,
			clients: []float64{0}, existing: 1, step: 0.25,
			want:     []Year{{Clients: 0, FTE: 1, Staff: 1, Hires: 0}},
			minBinds: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, minBinds, err := Staff(tt.service, tt.operating, tt.clients, tt.existing, tt.step)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d years, want %d", len(got), len(tt.want))
			}
			for i := range got {
				g, w := got[i], tt.want[i]
				if !sameAll([]float64{g.Clients, g.FTE, g.Staff, g.Hires}, []float64{w.Clients, w.FTE, w.Staff, w.Hires}) {
					t.Errorf("year %d = %+v, want %+v", i+1, g, w)
				}
			}
			if minBinds != tt.minBinds {
				t.Errorf("minimum binds = %v, want %v", minBinds, tt.minBinds)
			}
		})
	}
	if _, _, err := Staff(svc("a", 0, 1, 0.8), false, []float64{10}, 0, 0.25); !errors.Is(err, ErrInput) {
		t.Errorf("caseload 0 with 10 clients: err = %v, want ErrInput", err)
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name  string
		fte   float64
		step  float64
		posts []PostShare
		want  []float64
	}{
		// 2.5 / 0.25 = 10 steps: 6, 3, 1 exactly.
		{"exact", 2.5, 0.25, []PostShare{{"social worker", 0.6}, {"psychologist", 0.3}, {"lawyer", 0.1}}, []float64{1.5, 0.75, 0.25}},
		// 4 steps: 2, 1.2, 0.8 → 2, 1, 0 and 1 left for the largest
		// remainder 0.8 → 2, 1, 1.
		{"largest remainder", 1, 0.25, []PostShare{{"a", 0.5}, {"b", 0.3}, {"c", 0.2}}, []float64{0.5, 0.25, 0.25}},
		// 2 steps of 0.5: 1.2, 0.8 → 1, 0, then 1 to b (0.8 > 0.2).
		{"step 0.5", 1, 0.5, []PostShare{{"a", 0.6}, {"b", 0.4}}, []float64{0.5, 0.5}},
		// 1 step: 0.5, 0.5 → a tie, the earlier post gets it.
		{"tie", 0.5, 0.5, []PostShare{{"a", 0.5}, {"b", 0.5}}, []float64{0.5, 0}},
		// 2 steps: 1.8, 0.2 → 1, 0, the left step to a: a small share gets 0.
		{"small share", 1, 0.5, []PostShare{{"a", 0.9}, {"b", 0.1}}, []float64{1, 0}},
		{"no staff", 0, 0.25, []PostShare{{"a", 0.5}, {"b", 0.5}}, []float64{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.fte, tt.posts, tt.step)
			var fte []float64
			for i, p := range got {
				if p.Post != tt.posts[i].Post {
					t.Errorf("post %d is %q, want %q", i, p.Post, tt.posts[i].Post)
				}
				fte = append(fte, p.FTE)
			}
			if !sameAll(fte, tt.want) {
				t.Errorf("Split(%v, %v) = %v, want %v", tt.fte, tt.posts, fte, tt.want)
			}
		})
	}
}

func TestPostsInPlan(t *testing.T) {
	// Demand 100, target 0.8·100 = 80, 80/30 = 2.67 → 2.75 = 11 steps:
	// 0.7·11 = 7.7, 0.3·11 = 3.3 → 7, 3 and 1 left to the social worker
	// (0.7 > 0.3): 8 and 3 steps = 2 and 0.75.
	in := input(known(svc("a", 30, 1, 0.8), 100))
	in.Posts = map[string][]PostShare{"a": {{"social worker", 0.7}, {"psychologist", 0.3}}}
	r, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	y := r.Services[0].Years[0]
	want := []PostFTE{{"social worker", 2}, {"psychologist", 0.75}}
	if y.FTE != 2.75 || !reflect.DeepEqual(y.Posts, want) {
		t.Errorf("FTE %v posts %v, want 2.75 %v", y.FTE, y.Posts, want)
	}
}

// scoring is five services whose scores are worked out in TestScoreRank.
func scoring() Input {
	a := ServiceInput{Service: svc("001", 30, 0, 0.8), Known: true, Demand: 100, DemandLow: nan, DemandHigh: nan,
		Groups: []GroupDemand{{Group: "idp", People: 30, Low: nan, High: nan}, {Group: "low_income", People: 70, Low: nan, High: nan}}}
	b := known(svc("002", 30, 0, 1), 50)
	b.Service.Basic = true
	c := known(svc("003", 30, 0, 0.5), 40)
	c.Service.Basic, c.Service.MinimumPackage = true, true
	d := known(svc("004", 30, 0, 0.8), 10)
	e := ServiceInput{Service: svc("005", 30, 0, 0.8), Demand: nan, DemandLow: nan, DemandHigh: nan}
	in := input(a, b, c, d, e)
	in.Groups = []hromada.Group{{ID: "idp", Vulnerability: 2}, {ID: "low_income", Vulnerability: 1}}
	in.Providers = []Provider{
		{Service: "001", Capacity: 20, Clients: 20},
		{Service: "003", Capacity: 10, Clients: 10},
		{Service: "004", Capacity: 10, Clients: 10},
	}
	return in
}

func TestScoreRank(t *testing.T) {
	// 001: target 0.8·100 = 80, capacity 20, target gap 60, U = 0.6;
	//      W = (2·30 + 1·70) / (30 + 70) = 1.3; 100·0.6·1.3 = 78.
	// 002: no provider, target 1·50 = 50, U = 1, W = 1, basic ×1.5 = 150.
	// 003: target 0.5·40 = 20, capacity 10, U = 10/40 = 0.25; basic and
	//      minimum package ×(1 + 0.5 + 0.25) = 1.75: 100·0.25·1.75 = 43.75.
	// 004: capacity 10 ≥ target 8: 0.
	// 005: unknown: 0, before 004 at the same score.
	scores := map[string]float64{"001": 78, "002": 150, "003": 43.75, "004": 0, "005": 0}
	tests := []struct {
		name     string
		override map[string]int
		order    []string
	}{
		{"by score", nil, []string{"002", "001", "003", "005", "004"}},
		// The planner puts 004 first; the rest keep their score order.
		{"planner first", map[string]int{"004": 1}, []string{"004", "002", "001", "003", "005"}},
		// Two services at place 1: 003 (43.75) before 004 (0), then the rest.
		{"shared place", map[string]int{"003": 1, "004": 1}, []string{"003", "004", "002", "001", "005"}},
		// Place 3 among 5.
		{"middle", map[string]int{"005": 3}, []string{"002", "001", "005", "003", "004"}},
		// Place 9 of 5 is the last.
		{"past the end", map[string]int{"002": 9}, []string{"001", "003", "005", "004", "002"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := scoring()
			in.Rank = tt.override
			r, err := Make(in)
			if err != nil {
				t.Fatal(err)
			}
			var order []string
			for i, sp := range r.Services {
				order = append(order, sp.Service.Code)
				if sp.Rank != i+1 {
					t.Errorf("%s: rank %d at place %d", sp.Service.Code, sp.Rank, i+1)
				}
				if !same(sp.Score, scores[sp.Service.Code]) {
					t.Errorf("%s: score %v, want %v", sp.Service.Code, sp.Score, scores[sp.Service.Code])
				}
				_, over := tt.override[sp.Service.Code]
				if sp.Overridden != over || slices.Contains(sp.Reasons, ReasonPlannerRank) != over {
					t.Errorf("%s: overridden %v, reasons %v; want overridden %v", sp.Service.Code, sp.Overridden, sp.Reasons, over)
				}
			}
			if !slices.Equal(order, tt.order) {
				t.Errorf("order %v, want %v", order, tt.order)
			}
		})
	}
}

func TestUnmetByGroup(t *testing.T) {
	r, err := Make(scoring())
	if err != nil {
		t.Fatal(err)
	}
	sp := find(t, r, "001")
	// Gap 100 − 20 = 80, shared by demand: idp 30·80/100 = 24,
	// low_income 70·80/100 = 56 (groups overlap; these need not add up).
	want := []GroupGap{{Group: "idp", Vulnerability: 2, Demand: 30, Unmet: 24}, {Group: "low_income", Vulnerability: 1, Demand: 70, Unmet: 56}}
	if !reflect.DeepEqual(sp.UnmetByGroup, want) {
		t.Errorf("unmet by group %+v, want %+v", sp.UnmetByGroup, want)
	}
	if !same(sp.Vulnerability, 1.3) || !slices.Contains(sp.Reasons, ReasonVulnerable) {
		t.Errorf("vulnerability %v, reasons %v; want 1.3 with %s", sp.Vulnerability, sp.Reasons, ReasonVulnerable)
	}
}

func TestVulnerability(t *testing.T) {
	tests := []struct {
		name   string
		groups []GroupGap
		want   float64
	}{
		{"no groups", nil, 1},
		// (3·10 + 1·30) / 40 = 1.5
		{"weighted", []GroupGap{{Vulnerability: 3, Demand: 10}, {Vulnerability: 1, Demand: 30}}, 1.5},
		// The suppressed and the empty group do not count: 2·5/5 = 2.
		{"suppressed skipped", []GroupGap{{Vulnerability: 2, Demand: 5}, {Vulnerability: 9, Demand: nan}, {Vulnerability: 9, Demand: 0}}, 2},
	}
	for _, tt := range tests {
		if got := Vulnerability(tt.groups); !same(got, tt.want) {
			t.Errorf("%s: Vulnerability = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSummary(t *testing.T) {
	in := scoring()
	in.Years = 2
	r, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	s := r.Summary
	// 002 is created; 001 and 003 enhanced; 004 sufficient; 005 unknown.
	if s.Services != 5 || s.Create != 1 || s.Enhance != 2 || s.Sufficient != 1 || s.MoreData != 1 {
		t.Errorf("summary %+v, want 5 services: 1 create, 2 enhance, 1 sufficient, 1 unknown", s)
	}
	// Linear paths over the 2 years (the default), caseload 30, minimum 0,
	// nobody in post; clients_1 = current + (target − current)/2:
	// 001: 20 + 60/2 = 50 → 50/30 = 1.67 → 1.75; then 80/30 = 2.67 → 2.75;
	// 002: 0 + 50/2 = 25 → 0.83 → 1; then 50/30 = 1.67 → 1.75;
	// 003: 10 + 10/2 = 15 → 0.5; then 20/30 = 0.67 → 0.75;
	// 004: clients stay 10 (target 8 is below them), 10/30 → 0.5.
	// FTE 1.75 + 1 + 0.5 + 0.5 = 3.75 in 2026; 2.75 + 1.75 + 0.75 + 0.5 =
	// 5.75 in 2027, so 3.75 hired in 2026 and 2 in 2027.
	want := []YearTotal{{Year: 2026, FTE: 3.75, Staff: 3.75, Hires: 3.75}, {Year: 2027, FTE: 5.75, Staff: 5.75, Hires: 2}}
	if !reflect.DeepEqual(s.Years, want) || s.HireFTE != 5.75 {
		t.Errorf("years %+v, hires %v; want %+v, 5.75", s.Years, s.HireFTE, want)
	}
}

// ukInvalid are some problems of TestInvalid in Ukrainian, by case.
var ukInvalid = map[string]string{
	"horizon":           "горизонт планування — 0 років; має бути 1 або більше: неправильні вхідні дані плану",
	"negative capacity": "надавач «ЦНСП» послуги 001 (Providers!B2): місткість -5 має бути числом від 0",
	"caseload":          "послуга 002: навантаження 0 має бути більше 0",
	"rank 0":            "послуга 001: ранг планувальника 0 має бути 1 або більше",
	// Numbers with a decimal comma in Ukrainian (the English says 1.2, 1.5).
	"ramp share": "частка 1,2 року 2",
	"uptake":     "частка звернення 1,5",
}

// unjoined is the first of the errors err joins.
func unjoined(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		return j.Unwrap()[0]
	}
	return err
}

func TestInvalid(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Input)
		want   string // in the message
	}{
		{"horizon", func(in *Input) { in.Years = 0 }, "planning horizon is 0"},
		{"step", func(in *Input) { in.FTEStep = 0 }, "rounding step"},
		{"negative capacity", func(in *Input) { in.Providers[0].Capacity = -5 }, `provider "ЦНСП" of service 001 (Providers!B2): capacity -5`},
		{"NaN staff", func(in *Input) { in.Providers[0].StaffFTE = nan }, "staff – must be a number"}, // NaN is written "–" in either language
		{"other community", func(in *Input) { in.Providers[0].Community = "UA2" }, "belongs to community UA2"},
		{"caseload", func(in *Input) { in.Services[1].Service.Caseload = 0 }, "service 002: caseload 0"},
		{"ramp share", func(in *Input) {
			in.Targets = map[string]Target{"001": {Coverage: nan, Path: Ramp, Ramp: []float64{0.5, 1.2}}}
		}, "ramp share 1.2 of year 2"},
		{"empty ramp", func(in *Input) { in.Targets = map[string]Target{"001": {Coverage: nan, Path: Ramp}} }, "ramp path needs shares"},
		{"linear years", func(in *Input) { in.Targets = map[string]Target{"001": {Coverage: nan, Path: Linear, Years: -1}} }, "linear path needs its years"},
		{"uptake", func(in *Input) { in.Targets = map[string]Target{"001": {Coverage: nan, Uptake: 1.5}} }, "uptake 1.5"},
		{"catalogue uptake", func(in *Input) { in.Services[0].Service.Uptake = -0.5 }, "catalogue uptake -0.5"},
		{"known clients fraction", func(in *Input) {
			in.KnownClients = map[string]KnownClients{"001": {Count: 2.5, Ref: "Known clients!C2"}}
		}, "known clients 2.5 (Known clients!C2) must be a whole number"},
		{"known clients use", func(in *Input) { in.KnownClients = map[string]KnownClients{"001": {Count: 3, Use: "most"}} }, `use "most"`},
		{"posts band", func(in *Input) { in.PostsPer1000High = -1 }, "band of new posts per 1,000 residents -1"},
		{"path", func(in *Input) { in.Targets = map[string]Target{"001": {Coverage: nan, Path: "jump"}} }, `path "jump"`},
		{"coverage", func(in *Input) { in.Targets = map[string]Target{"001": {Coverage: 80, Path: Step}} }, "coverage target 80"},
		{"post shares", func(in *Input) { in.Posts = map[string][]PostShare{"001": {{"a", 1}, {"b", 1}}} }, "sum to 2"},
		{"negative demand", func(in *Input) { in.Services[0].Demand = -1 }, "service 001: demand -1"},
		{"bounds", func(in *Input) { in.Services[0].DemandLow = 150 }, "lower bound of demand 150"},
		{"group", func(in *Input) { in.Services[0].Groups[0].Group = "roma" }, `group "roma" is not among`},
		{"duplicate service", func(in *Input) { in.Services[1].Service.Code = "001" }, "service 001 is given twice"},
		{"rank code", func(in *Input) { in.Rank = map[string]int{"999": 1} }, "service 999, which is not in the plan"},
		{"rank 0", func(in *Input) { in.Rank = map[string]int{"001": 0} }, "planner's rank 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := scoring()
			in.Providers[0].Name, in.Providers[0].Ref = "ЦНСП", "Providers!B2"
			tt.change(&in)
			r, err := Make(in)
			if !errors.Is(err, ErrInput) {
				t.Fatalf("err = %v, want ErrInput", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want it to say %q", err, tt.want)
			}
			// Each problem has its own Ukrainian wording.
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				if uk := hromada.Message(e, hromada.Ukrainian); uk == e.Error() {
					t.Errorf("%q has no Ukrainian wording", e.Error())
				}
			}
			if uk, ok := ukInvalid[tt.name]; ok && !strings.Contains(hromada.Message(unjoined(err), hromada.Ukrainian), uk) {
				t.Errorf("err in Ukrainian = %q, want it to say %q", hromada.Message(unjoined(err), hromada.Ukrainian), uk)
			}
			if r.Services != nil {
				t.Errorf("a result came with the error")
			}
		})
	}
	// Every problem is reported, not just the first.
	in := scoring()
	in.Years, in.Providers[0].Capacity, in.Services[1].Service.Caseload = 0, -1, 0
	_, err := Make(in)
	for _, want := range []string{"horizon", "capacity -1", "service 002: caseload 0"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want it to say %q", err, want)
		}
	}
	// A caseload of 0 is no problem for a service with nothing to staff:
	// demand 0 and no provider.
	in = input(known(svc("a", 0, 1, 0.8), 0))
	if _, err := Make(in); err != nil {
		t.Errorf("caseload 0, nothing to staff: %v", err)
	}
}

func TestSummaryAdd(t *testing.T) {
	a := Summary{Services: 3, Create: 1, Enhance: 1, Sufficient: 1, HireFTE: 2,
		Years: []YearTotal{{2026, 4, 4, 2}, {2027, 5, 5, 0}}}
	b := Summary{Services: 2, Create: 1, MoreData: 1, HireFTE: 1.5,
		Years: []YearTotal{{2027, 1.5, 1.5, 1.5}, {2028, 1.5, 1.5, 0}}}
	// Counts add: 5 services, 2 create, 1 enhance, 1 sufficient, 1 unknown,
	// 2 + 1.5 = 3.5 hires. 2027 is in both: 5 + 1.5 = 6.5 FTE and staff,
	// 0 + 1.5 hires; 2026 and 2028 are in one each.
	want := Summary{Services: 5, Create: 2, Enhance: 1, Sufficient: 1, MoreData: 1, HireFTE: 3.5,
		Years: []YearTotal{{2026, 4, 4, 2}, {2027, 6.5, 6.5, 1.5}, {2028, 1.5, 1.5, 0}}}
	if got := a.Add(b); !reflect.DeepEqual(got, want) {
		t.Errorf("Add = %+v, want %+v", got, want)
	}
}
