package plan

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
)

// TestDemandBasis checks which demand the plan acts on (METHODS.md §2):
// only publishable survey demand whose lower bound is above 0, else a
// group floor, known clients as demand or as floor, else more data.
func TestDemandBasis(t *testing.T) {
	survey := func(d, lo, hi float64) ServiceInput {
		return ServiceInput{Service: svc("a", 10, 0, 1), Known: true, Demand: d, DemandLow: lo, DemandHigh: hi}
	}
	suppressed := ServiceInput{Service: svc("a", 10, 0, 1), Demand: nan, DemandLow: nan, DemandHigh: nan}
	withGroups := suppressed
	withGroups.Groups = []GroupDemand{
		{Group: "idp", People: 12, Low: 4, High: 20},
		{Group: "low_income", People: 18, Low: 0, High: 40}, // larger, but its interval reaches 0
		{Group: "disab", People: 8, Low: 2, High: 14},
	}
	kc := func(n float64, use Use) map[string]KnownClients {
		return map[string]KnownClients{"a": {Count: n, Use: use, Source: "case records"}}
	}
	need := []Reason{ReasonNeedKnown, ReasonNeedSample}
	tests := []struct {
		name         string
		si           ServiceInput
		known        map[string]KnownClients
		basis        Basis
		group        string
		d, low, high float64
		action       Action
		reasons      []Reason // the first reasons of the service
	}{
		{"publishable survey", survey(40, 20, 60), nil, BasisSurvey, "", 40, 20, 60, Create, []Reason{ReasonNoProvider}},
		// An edited figure without an interval is planned as it stands.
		{"no interval", survey(40, nan, nan), nil, BasisSurvey, "", 40, nan, nan, Create, []Reason{ReasonNoProvider}},
		{"interval reaches 0", survey(10, 0, 25), nil, BasisNone, "", nan, nan, nan, MoreData, append([]Reason{ReasonIntervalZero}, need...)},
		{"not observed", survey(0, 0, 15), nil, BasisNone, "", nan, nan, nan, MoreData, append([]Reason{ReasonNotObserved}, need...)},
		{"suppressed", suppressed, nil, BasisNone, "", nan, nan, nan, MoreData, append([]Reason{ReasonSuppressed}, need...)},
		// idp 12 [4, 20] is the largest usable group; the union may be
		// larger, so the upper bound is unknown.
		{"group floor", withGroups, nil, BasisGroupFloor, "idp", 12, 4, nan, Create, []Reason{ReasonGroupFloor, ReasonNoProvider}},
		{"known clients as demand", survey(40, 20, 60), kc(25, UseDemand), BasisKnownClients, "", 25, 25, 25, Create, []Reason{ReasonKnownClients, ReasonNoProvider}},
		// The count replaces even a demand the survey cannot estimate.
		{"known clients as demand, survey suppressed", suppressed, kc(9, UseDemand), BasisKnownClients, "", 9, 9, 9, Create, []Reason{ReasonKnownClients}},
		// max(40, 50) = 50; bounds max(20, 50) = 50 and max(60, 50) = 60.
		{"floor above survey", survey(40, 20, 60), kc(50, UseFloor), BasisKnownFloor, "", 50, 50, 60, Create, []Reason{ReasonKnownFloor}},
		// max(40, 30) = 40: the survey stands.
		{"floor below survey", survey(40, 20, 60), kc(30, ""), BasisSurvey, "", 40, 20, 60, Create, []Reason{ReasonNoProvider}},
		// The survey is not usable: the count alone.
		{"floor, survey reaches 0", survey(10, 0, 25), kc(7, UseFloor), BasisKnownFloor, "", 7, 7, 7, Create, []Reason{ReasonKnownFloor}},
		{"floor 0, survey suppressed", suppressed, kc(0, UseFloor), BasisNone, "", nan, nan, nan, MoreData, append([]Reason{ReasonSuppressed}, need...)},
		// max(group 12, count 15) = 15; bounds max(4, 15) = 15 and unknown.
		{"floor above group floor", withGroups, kc(15, UseFloor), BasisKnownFloor, "", 15, 15, nan, Create, []Reason{ReasonKnownFloor}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(tt.si)
			in.Groups = []hromada.Group{{ID: "idp", Vulnerability: 1}, {ID: "low_income", Vulnerability: 1}, {ID: "disab", Vulnerability: 1}}
			in.KnownClients = tt.known
			r, err := Make(in)
			if err != nil {
				t.Fatal(err)
			}
			sp := r.Services[0]
			if sp.Basis != tt.basis || sp.FloorGroup != tt.group || sp.Known != (tt.basis != BasisNone) {
				t.Errorf("basis %q group %q known %v; want %q %q", sp.Basis, sp.FloorGroup, sp.Known, tt.basis, tt.group)
			}
			if !same(sp.Demand, tt.d) || !same(sp.DemandLow, tt.low) || !same(sp.DemandHigh, tt.high) {
				t.Errorf("demand %v [%v, %v], want %v [%v, %v]", sp.Demand, sp.DemandLow, sp.DemandHigh, tt.d, tt.low, tt.high)
			}
			if sp.Action != tt.action || len(sp.Reasons) < len(tt.reasons) || !reflect.DeepEqual(sp.Reasons[:len(tt.reasons)], tt.reasons) {
				t.Errorf("action %s %v, want %s starting %v", sp.Action, sp.Reasons, tt.action, tt.reasons)
			}
			if tt.action == MoreData {
				// Never posts, never a target, counted as more data.
				if sp.Years != nil || !math.IsNaN(sp.Target) || r.Summary.HireFTE != 0 || r.Summary.MoreData != 1 {
					t.Errorf("more data planned: years %v, target %v, summary %+v", sp.Years, sp.Target, r.Summary)
				}
			}
		})
	}
}

// TestUptake checks expected users E = u·D and the gap, coverage and
// target on E, also at the interval bounds.
func TestUptake(t *testing.T) {
	s := svc("a", 10, 0, 0.8)
	s.Uptake = 0.5
	si := ServiceInput{Service: s, Known: true, Demand: 100, DemandLow: 60, DemandHigh: 140}
	tests := []struct {
		name                     string
		targets                  map[string]Target
		uptake                   float64
		e, eLo, eHi              float64
		gap, gapLo, gapHi, cover float64
		target, tLo, tHi, tGap   float64
		action                   Action
	}{
		// Catalogue uptake 0.5: E = 50 [30, 70]; capacity 20: gap 30
		// [10, 50]; coverage 20/50 = 0.4; target 0.8·50 = 40 [24, 56];
		// target gap 40 − 20 = 20.
		{"catalogue", nil, 0.5, 50, 30, 70, 30, 10, 50, 0.4, 40, 24, 56, 20, Enhance},
		// Project uptake 0.25: E = 25 [15, 35]; gap 5 [0, 15]; coverage
		// 20/25 = 0.8; target 20 [12, 28]; target gap 0: sufficient.
		{"project", map[string]Target{"a": {Coverage: nan, Uptake: 0.25}}, 0.25, 25, 15, 35, 5, 0, 15, 0.8, 20, 12, 28, 0, Sufficient},
		// A project row without uptake (NaN) keeps the catalogue's.
		{"project row, no uptake", map[string]Target{"a": {Coverage: nan, Uptake: nan}}, 0.5, 50, 30, 70, 30, 10, 50, 0.4, 40, 24, 56, 20, Enhance},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(si)
			in.Targets = tt.targets
			in.Providers = []Provider{{Service: "a", Capacity: 20, Clients: 20, StaffFTE: 2}}
			r, err := Make(in)
			if err != nil {
				t.Fatal(err)
			}
			sp := r.Services[0]
			got := []float64{sp.Uptake, sp.Expected, sp.ExpectedLow, sp.ExpectedHigh, sp.Gap, sp.GapLow, sp.GapHigh, sp.Coverage, sp.Target, sp.TargetLow, sp.TargetHigh, sp.TargetGap}
			want := []float64{tt.uptake, tt.e, tt.eLo, tt.eHi, tt.gap, tt.gapLo, tt.gapHi, tt.cover, tt.target, tt.tLo, tt.tHi, tt.tGap}
			if !sameAll(got, want) {
				t.Errorf("uptake, E, gap, coverage, target = %v, want %v", got, want)
			}
			if sp.Action != tt.action {
				t.Errorf("action %s, want %s", sp.Action, tt.action)
			}
		})
	}
	// An uptake of 0 in the catalogue reads as 1: E = D = 100.
	in := input(known(svc("a", 10, 0, 0.8), 100))
	r, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	if sp := r.Services[0]; sp.Uptake != 1 || sp.Expected != 100 {
		t.Errorf("uptake %v, expected %v; want 1, 100", sp.Uptake, sp.Expected)
	}
}

// TestDefaultPath checks that a service without a path reaches its
// target in equal steps over the plan's years.
func TestDefaultPath(t *testing.T) {
	tests := []struct {
		name    string
		targets map[string]Target
		clients []float64
		years   int
	}{
		// Current 10, target 1·50 = 50, 4 years: 10 + 40·k/4.
		{"no target row", nil, []float64{20, 30, 40, 50}, 4},
		{"row without path", map[string]Target{"a": {Coverage: nan}}, []float64{20, 30, 40, 50}, 4},
		// Linear over 2 years: 10 + 40·min(k, 2)/2.
		{"linear 2 years", map[string]Target{"a": {Coverage: nan, Path: Linear, Years: 2}}, []float64{30, 50, 50, 50}, 2},
		{"step", map[string]Target{"a": {Coverage: nan, Path: Step}}, []float64{50, 50, 50, 50}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(known(svc("a", 10, 0, 1), 50))
			in.Years = 4
			in.Targets = tt.targets
			in.Providers = []Provider{{Service: "a", Capacity: 10, Clients: 10, StaffFTE: 1}}
			r, err := Make(in)
			if err != nil {
				t.Fatal(err)
			}
			sp := r.Services[0]
			var got []float64
			for _, y := range sp.Years {
				got = append(got, y.Clients)
			}
			if !sameAll(got, tt.clients) || (sp.Path == Linear && sp.PathYears != tt.years) {
				t.Errorf("clients %v (%s over %d years), want %v over %d", got, sp.Path, sp.PathYears, tt.clients, tt.years)
			}
		})
	}
}

// TestFlags checks the plausibility flags and the figures they compare.
func TestFlags(t *testing.T) {
	// One new service: 200 families, caseload 10, coverage 1, one year:
	// 200/10 = 20 posts hired. Community of 10,000 residents: 20 / 10 =
	// 2 posts per 1,000. Inventory: 5 in post + 1 vacant = 6 (a provider
	// of a service outside the plan); growth (6 + 20) / 6 = 4.333.
	base := func() Input {
		in := input(known(svc("a", 10, 0, 1), 200))
		in.Community.Population = 10000
		in.Providers = []Provider{{Service: "other", StaffFTE: 5, Vacancies: 1}}
		return in
	}
	posts := func(v, lim float64, src string) Flag {
		return Flag{Code: FlagPostsPer1000, Value: v, Limit: lim, Source: src, Hires: 20, Base: 10}
	}
	growth := func(v, lim, staff float64) Flag {
		return Flag{Code: FlagWorkforceGrowth, Value: v, Limit: lim, Hires: 20, Base: staff,
			Source: "hromada default: a plan that more than doubles the community's social workforce (METHODS.md §2)"}
	}
	tests := []struct {
		name   string
		change func(*Input)
		per    float64
		want   []Flag
	}{
		{"defaults", func(*Input) {}, 2, []Flag{posts(2, 1, DefaultPostsPer1000Source), growth(26.0/6, 2, 6)}},
		// A band of exactly 2 is not exceeded by 2; growth limit 5 > 4.33.
		{"at the band", func(in *Input) { in.PostsPer1000High, in.PostsPer1000Source, in.WorkforceGrowthHigh = 2, "src", 5 }, 2, nil},
		{"band with source", func(in *Input) { in.PostsPer1000High, in.PostsPer1000Source = 1.5, "catalogue" }, 2, []Flag{posts(2, 1.5, "catalogue"), growth(26.0/6, 2, 6)}},
		// The plain source travels with the band; the default band has none.
		{"band with plain source", func(in *Input) {
			in.PostsPer1000High, in.PostsPer1000Source, in.PostsPer1000Plain = 1.5, "catalogue", hromada.T("каталог", "catalogue")
		}, 2, []Flag{func() Flag {
			f := posts(2, 1.5, "catalogue")
			f.Plain = hromada.T("каталог", "catalogue")
			return f
		}(), growth(26.0/6, 2, 6)}},
		{"default band, no plain source", func(in *Input) { in.PostsPer1000Plain = hromada.T("каталог", "catalogue") }, 2, []Flag{posts(2, 1, DefaultPostsPer1000Source), growth(26.0/6, 2, 6)}},
		// No population: no per-resident figure; no staff at all: growth +Inf.
		{"no population, no staff", func(in *Input) { in.Community.Population = 0; in.Providers = nil }, nan, []Flag{growth(math.Inf(1), 2, 0)}},
		// 20 posts for 40,000 residents: 0.5 per 1,000; staff 30: 50/30 = 1.67.
		{"inside both", func(in *Input) { in.Community.Population = 40000; in.Providers[0].StaffFTE = 29 }, 0.5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base()
			tt.change(&in)
			r, err := Make(in)
			if err != nil {
				t.Fatal(err)
			}
			if r.Summary.HireFTE != 20 || !same(r.PostsPer1000, tt.per) {
				t.Fatalf("hires %v, per 1,000 %v; want 20, %v", r.Summary.HireFTE, r.PostsPer1000, tt.per)
			}
			if len(r.Flags) != len(tt.want) {
				t.Fatalf("flags %+v, want %+v", r.Flags, tt.want)
			}
			for i, f := range r.Flags {
				w := tt.want[i]
				if f.Code != w.Code || (f.Value != w.Value && !same(f.Value, w.Value)) || f.Limit != w.Limit || f.Source != w.Source || f.Plain != w.Plain || f.Hires != w.Hires || f.Base != w.Base {
					t.Errorf("flag %+v, want %+v", f, w)
				}
			}
		})
	}
}

// TestFlagMessage checks the words of the flags with the figures of
// TestFlags, in both languages: the Ukrainian with a decimal comma.
func TestFlagMessage(t *testing.T) {
	for _, tt := range []struct {
		f      Flag
		en, uk string
	}{
		// 20 posts for 10 thousand residents: 2.00 per 1,000.
		{Flag{Code: FlagPostsPer1000, Value: 2, Limit: 1, Source: "src", Hires: 20, Base: 10},
			"new posts per 1,000 residents: 2.00 (20.00 posts for 10.0 thousand residents), above the band's top of 1 (src)",
			"нових ставок на 1 000 мешканців: 2,00 (ставок: 20,00 на 10,0 тис. мешканців), вище за верхню межу 1 (src)"},
		// The catalogue's plain source is quoted in each language, not
		// its research note.
		{Flag{Code: FlagPostsPer1000, Value: 2, Limit: 1, Source: "ASSUMPTION of hromada, no norm was read", Plain: hromada.T("припущення hromada", "hromada's assumption"), Hires: 20, Base: 10},
			"new posts per 1,000 residents: 2.00 (20.00 posts for 10.0 thousand residents), above the band's top of 1 (hromada's assumption)",
			"нових ставок на 1 000 мешканців: 2,00 (ставок: 20,00 на 10,0 тис. мешканців), вище за верхню межу 1 (припущення hromada)"},
		{Flag{Code: FlagPostsPer1000, Value: 1.5, Limit: 1, Source: DefaultPostsPer1000Source, Hires: 15, Base: 10},
			"new posts per 1,000 residents: 1.50 (15.00 posts for 10.0 thousand residents), above the band's top of 1 (hromada default: no published benchmark found)",
			"нових ставок на 1 000 мешканців: 1,50 (ставок: 15,00 на 10,0 тис. мешканців), вище за верхню межу 1 (вибір hromada: опублікованого орієнтиру не знайдено)"},
		// (20 + 6) / 6 = 4.33.
		{Flag{Code: FlagWorkforceGrowth, Value: 26.0 / 6, Limit: 2, Hires: 20, Base: 6},
			"20.00 new posts on top of 6.00 existing (filled and vacant) multiply the staff by 4.33, above the limit of 2",
			"нові ставки (20,00) разом із наявними (6,00, зайняті й вакантні) збільшують персонал у 4,33 раза, більше за межу 2"},
		{Flag{Code: FlagWorkforceGrowth, Value: math.Inf(1), Limit: 2, Hires: 20},
			"20.00 new posts, while the provider inventory lists no staff to compare them with",
			"нових ставок: 20,00, а в реєстрі надавачів немає персоналу, з яким їх порівняти"},
		// 1.5 posts for 3 clients: 2 per post, below half a caseload of 9.
		{Flag{Code: FlagMinStaffSmall, Value: 2, Limit: 4.5, Hires: 1.5, Base: 3, Service: "s"},
			"service s: its minimum staff of 1.50 posts serves 3.00 clients, 2.00 per post, below 4.5, half its caseload; share the service with a neighbouring community or buy it (social commissioning)",
			"послуга s: її мінімальний персонал, 1,50 ставки, обслуговуватиме лише 3,00 клієнта, 2,00 на ставку — менше за половину нормативного навантаження (4,5); надавайте послугу спільно із сусідньою громадою або купуйте її (соціальне замовлення)"},
	} {
		got := tt.f.Message()
		if got.EN != tt.en {
			t.Errorf("Message().EN = %q, want %q", got.EN, tt.en)
		}
		if got.UK != tt.uk {
			t.Errorf("Message().UK = %q, want %q", got.UK, tt.uk)
		}
	}
}

// TestStaffReasons: a plan whose posts and places disagree says why.
// Respite: a provider with capacity 12 and 1 post in place, 10 families
// in need, coverage 0.8 → target 8 ≤ 12: sufficient; but the norm is 4
// clients a post, so the clients served now (8, one year) need
// ceil(8/4) = 2 posts: 1 hire ("staff below norm"). Day care: capacity
// 10 with 5 posts in place, demand 15, target 12 > 10: enhance; 12 clients
// at 3 a post need 4 posts ≤ 5 in place: 0 hires ("staff covers target").
func TestStaffReasons(t *testing.T) {
	in := input(known(svc("resp", 4, 0, 0.8), 10), known(svc("day", 3, 0, 0.8), 15))
	in.Providers = []Provider{
		{Service: "resp", Capacity: 12, Clients: 8, StaffFTE: 1},
		{Service: "day", Capacity: 10, Clients: 10, StaffFTE: 5},
	}
	r, err := Make(in)
	if err != nil {
		t.Fatal(err)
	}
	has := func(sp ServicePlan, want Reason) bool {
		for _, x := range sp.Reasons {
			if x == want {
				return true
			}
		}
		return false
	}
	resp, day := find(t, r, "resp"), find(t, r, "day")
	if resp.Action != Sufficient || resp.Years[0].Hires != 1 || !has(resp, ReasonStaffBelowNorm) {
		t.Errorf("respite: %s, hires %v, reasons %v; want sufficient, 1 hire, staff_below_norm", resp.Action, resp.Years[0].Hires, resp.Reasons)
	}
	if day.Action != Enhance || day.Years[0].Hires != 0 || !has(day, ReasonStaffCovers) {
		t.Errorf("day care: %s, hires %v, reasons %v; want enhance, 0 hires, staff_covers_target", day.Action, day.Years[0].Hires, day.Reasons)
	}
	if has(resp, ReasonStaffCovers) || has(day, ReasonStaffBelowNorm) {
		t.Errorf("reasons mixed: respite %v, day care %v", resp.Reasons, day.Reasons)
	}
}

// TestMinStaffFlag checks the flag on a new service whose minimum staff
// serves fewer clients per post than half its caseload. One-year plans,
// coverage 1, no interval: clients = demand; FTE = max(min_staff,
// ceil_0.25(clients / caseload)); clients per post = clients / FTE.
func TestMinStaffFlag(t *testing.T) {
	tests := []struct {
		name                         string
		caseload, minStaff, demand   float64
		provider                     bool
		flag                         bool
		perPost, limit, posts, count float64
	}{
		// Day care, 6 children: max(5, ceil(6/4 = 1.5)) = 5 posts; 6/5 =
		// 1.2 per post < 4/2 = 2.
		{"day care, 6 children", 4, 5, 6, false, true, 1.2, 2, 5, 6},
		// Early intervention, 7 families: max(3, ceil_0.25(7/13 = 0.538) =
		// 0.75) = 3 posts; 7/3 = 2.333 per post < 13/2 = 6.5.
		{"early intervention, 7 families", 13, 3, 7, false, true, 7.0 / 3, 6.5, 3, 7},
		// 10 children: max(5, 2.5) = 5 posts; 10/5 = 2 per post, not below 2.
		{"at half the caseload", 4, 5, 10, false, false, 0, 0, 0, 0},
		// 16 children: 16/4 = 4 posts ≥ min 3: the caseload sets the staff.
		{"minimum does not bind", 4, 3, 16, false, false, 0, 0, 0, 0},
		// A provider exists (enhance, not create): no flag.
		{"existing service", 4, 5, 6, true, false, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := input(known(svc("s", tt.caseload, tt.minStaff, 1), tt.demand))
			if tt.provider {
				in.Providers = []Provider{{Service: "s", Capacity: 1, Clients: 1}}
			}
			r, err := Make(in)
			if err != nil {
				t.Fatal(err)
			}
			var got []Flag
			for _, f := range r.Flags {
				if f.Code == FlagMinStaffSmall {
					got = append(got, f)
				}
			}
			if !tt.flag {
				if len(got) > 0 {
					t.Fatalf("flags %+v, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("flags %+v, want one", got)
			}
			f := got[0]
			if !same(f.Value, tt.perPost) || f.Limit != tt.limit || f.Hires != tt.posts || f.Base != tt.count || f.Service != "s" {
				t.Errorf("flag %+v, want %.4f per post, limit %v, %v posts, %v clients", f, tt.perPost, tt.limit, tt.posts, tt.count)
			}
			want := "service s: its minimum staff of " + fmt.Sprintf("%.2f posts serves %.2f clients, %.2f per post, below %g, half its caseload", tt.posts, tt.count, tt.perPost, tt.limit)
			if !strings.HasPrefix(f.Message().EN, want) {
				t.Errorf("message %q, want it to start %q", f.Message().EN, want)
			}
		})
	}
}
