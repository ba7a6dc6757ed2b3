package plan

import (
	"math"

	"github.com/hromada-tool/hromada"
)

// ErrInput is the cause every input error of [Make] wraps: errors.Is(err,
// plan.ErrInput) tells a bad input from a bug.
var ErrInput = hromada.Errorf("неправильні вхідні дані плану", "invalid plan input")

// Input is everything the plan of one community is computed from: the
// assessment's demand per service, the provider inventory, the project's
// targets and posts, and the planning horizon.
type Input struct {
	Community hromada.Community
	FirstYear int     // first calendar year of the plan, e.g. 2026
	Years     int     // planning horizon in years, ≥ 1
	FTEStep   float64 // staff are rounded up to this step: 0.25 or 0.5 post

	// Services are the services to plan, each with its demand. A service
	// appears once.
	Services []ServiceInput

	// Providers is the inventory of this community: one row per provider ×
	// service. Rows of another community are an error (see doc.go);
	// rows of a service not in Services are returned in Result.Unplanned.
	Providers []Provider

	// Targets override the catalogue's coverage and uptake and set the
	// scale-up path, by classifier code. A service without a target gets
	// the catalogue's coverage and uptake, reached in equal steps over the
	// plan's years (path linear).
	Targets map[string]Target

	// KnownClients are the community's known clients of a service from
	// case records or registers (administrative demand), by classifier
	// code: the service's demand, or a floor under the survey's.
	KnownClients map[string]KnownClients

	// PostsPer1000High is the top of the benchmark band of new posts per
	// 1,000 residents; a plan above it is flagged. 0 means
	// [DefaultPostsPer1000High]. PostsPer1000Source says where the band
	// comes from; "" means [DefaultPostsPer1000Source].
	// PostsPer1000Plain is that source in plain words in both languages
	// (the catalogue's source_uk, source_en), quoted by the flag's message
	// instead of PostsPer1000Source when set.
	PostsPer1000High   float64
	PostsPer1000Source string
	PostsPer1000Plain  hromada.Text

	// WorkforceGrowthHigh is the factor by which the plan may multiply the
	// inventory's staff (in post and vacant) before it is flagged. 0 means
	// [DefaultWorkforceGrowthHigh].
	WorkforceGrowthHigh float64

	// Posts split a service's FTE into post types, by classifier code. The
	// shares of a service sum to 1. A service without posts gets the total
	// FTE only.
	Posts map[string][]PostShare
	// PostEN are the posts' names in English workbooks, by classifier
	// code and post as typed; a post not in it shows as typed.
	PostEN map[string]map[string]string

	// Groups are the project's population groups; their Vulnerability
	// weighs the priority score. Every group of ServiceInput.Groups must be
	// here.
	Groups []hromada.Group

	// Rank is the planner's rank by classifier code (1 = first), read back
	// from an edited plan workbook. A ranked service takes that place in
	// the order; the others keep the order of their score around it.
	Rank map[string]int
}

// ServiceInput is one service with its demand from the assessment.
type ServiceInput struct {
	Service hromada.Service

	// Known is false when the assessment suppressed the union demand (too
	// few respondents, an unreliable estimate) or has none: the survey's
	// union demand is then not publishable and the plan does not act on it.
	Known bool

	// Demand is the union ("any" group) demand in the service's unit: the
	// people (families, children) who need the service, each counted once.
	// It is never a sum over groups. DemandLow and DemandHigh are the
	// interval bounds; NaN when the assessment has no interval.
	Demand, DemandLow, DemandHigh float64

	// Groups is the demand of each population group for the service, in
	// the service's unit. Groups overlap: they do not add up to Demand.
	Groups []GroupDemand
}

// GroupDemand is one group's demand for a service. People is NaN when the
// assessment suppressed it.
type GroupDemand struct {
	Group     string // group ID
	People    float64
	Low, High float64 // interval bounds; NaN when unknown
}

// Provider is one provider × service row of the inventory (Annex 2, form
// 12-соц).
type Provider struct {
	Community string // KATOTTG code; "" means the plan's community
	Name      string
	Service   string  // classifier code
	Capacity  float64 // clients the provider can serve in a year
	Clients   float64 // clients served now (last year)
	StaffFTE  float64 // staff in post, FTE
	Vacancies float64 // vacant posts in the staff schedule, FTE
	Ref       string  // file and cell of the row, for messages
}

// Use is how known clients enter the demand.
type Use string

// Uses of known clients.
const (
	// UseDemand: the count is the service's demand, in place of the
	// survey's estimate.
	UseDemand Use = "demand"
	// UseFloor: the demand is the larger of the survey's estimate (when it
	// is publishable) and the count.
	UseFloor Use = "floor"
)

// KnownClients are the known clients of a service in the community:
// people (families, children) in case records or registers who need it.
type KnownClients struct {
	Count  float64 // whole number ≥ 0, in the service's unit
	Use    Use     // "" means UseFloor
	AsOf   string  // date of the count, as written
	Source string  // where the count comes from
	Ref    string  // file and cell of the row, for messages
}

// Basis says what the demand a plan acts on rests on.
type Basis string

// Bases of demand.
const (
	// BasisSurvey: the survey's publishable union demand.
	BasisSurvey Basis = "survey"
	// BasisKnownClients: the known clients, used as the demand.
	BasisKnownClients Basis = "known_clients"
	// BasisKnownFloor: the known clients, used as a floor above the
	// survey's estimate (or in place of an estimate that is not usable).
	BasisKnownFloor Basis = "known_clients_floor"
	// BasisGroupFloor: the largest publishable group demand, used as a
	// floor when the union demand is not usable.
	BasisGroupFloor Basis = "group_floor"
	// BasisNone: no demand the plan can act on (action more data needed).
	BasisNone Basis = ""
)

// Path is how target clients grow from the current clients to the target.
type Path string

// Scale-up paths.
const (
	// Step reaches the target in the first year.
	Step Path = "step"
	// Linear closes the distance in equal steps over Target.Years years
	// (0: the plan's years). It is the default path.
	Linear Path = "linear"
	// Ramp sets explicit shares of the target by year; past the end of
	// the ramp, its last share holds.
	Ramp Path = "ramp"
)

// Target is the coverage a project plans for a service and the path to it.
type Target struct {
	Coverage float64   // share of expected users to cover, 0..1; NaN: the catalogue's
	Uptake   float64   // share of demand expected to use the service, (0,1]; NaN or 0: the catalogue's
	Path     Path      // "" means Linear
	Years    int       // for Linear: years to reach the target, ≥ 1; 0: the plan's years
	Ramp     []float64 // for Ramp: shares of the target, year 1, 2, …; each 0..1
}

// PostShare is a post type of a service and its share of the service's FTE.
type PostShare struct {
	Post  string
	Share float64 // 0..1; a service's shares sum to 1
}

// Action is what the plan does with a service in the community.
type Action string

// Actions.
const (
	// Create: no provider offers the service and there is demand to cover.
	Create Action = "create"
	// Enhance: providers exist but their capacity is below the target.
	Enhance Action = "enhance"
	// Sufficient: capacity meets the target (also when known clients are 0).
	Sufficient Action = "sufficient"
	// MoreData: no demand the plan can act on — the survey's estimate is
	// suppressed, missing, not observed or its interval reaches 0, and no
	// known clients or group floor stand in; the plan neither hires nor
	// says "sufficient".
	MoreData Action = "more_data"
)

// Reason is a machine code for why a service got its action or its score;
// the plan workbook turns codes into words.
type Reason string

// Reasons.
const (
	ReasonNoProvider     Reason = "no_provider"           // no provider offers the service
	ReasonBelowTarget    Reason = "capacity_below_target" // capacity < target clients
	ReasonTargetMet      Reason = "target_met"            // capacity ≥ target clients
	ReasonNoDemand       Reason = "no_demand"             // known clients are 0
	ReasonSuppressed     Reason = "suppressed_demand"     // survey demand suppressed or missing
	ReasonIntervalZero   Reason = "interval_reaches_zero" // survey demand's lower bound is 0
	ReasonNotObserved    Reason = "not_observed"          // no respondent with the need
	ReasonNeedKnown      Reason = "need_known_clients"    // a count of known clients would settle it
	ReasonNeedSample     Reason = "need_larger_sample"    // a larger sample in the group would settle it
	ReasonGroupFloor     Reason = "group_floor"           // the largest publishable group demand is the demand
	ReasonKnownClients   Reason = "known_clients"         // known clients are the demand
	ReasonKnownFloor     Reason = "known_clients_floor"   // known clients lift the demand above the survey's
	ReasonBasic          Reason = "basic_service"         // a basic service the law obliges
	ReasonMinimumPackage Reason = "minimum_package"       // in the minimum package for families with children
	ReasonVulnerable     Reason = "vulnerable_groups"     // groups weighted above 1 need it
	ReasonMinStaff       Reason = "min_staff"             // staff set by the minimum for a service, not by caseload
	ReasonVacancies      Reason = "vacancies"             // the providers have vacant posts to fill
	ReasonStaffBelowNorm Reason = "staff_below_norm"      // capacity meets the target, but staff is below the caseload norm: posts without new places
	ReasonStaffCovers    Reason = "staff_covers_target"   // new places, but the staff in post already meets the norm for them: no new posts
	ReasonPlannerRank    Reason = "planner_rank"          // the rank is the planner's, not the score's
)

// Result is the plan of one community.
type Result struct {
	Community hromada.Community
	FirstYear int
	Years     int
	FTEStep   float64

	// Services are the planned services in rank order (Rank 1 first).
	Services []ServicePlan

	// Unplanned are inventory rows of services that are not among
	// Input.Services: capacity the plan does not use.
	Unplanned []Provider

	Summary Summary

	// PostsPer1000 is the new posts over the horizon per 1,000 residents;
	// NaN when the community's population is not known.
	PostsPer1000 float64
	// Workforce is the inventory's staff (in post and vacant) over all
	// providers of the community, planned services or not.
	Workforce float64

	// Flags are the plausibility warnings of the plan, each with the
	// figure compared and its limit.
	Flags []Flag
}

// FlagCode names a plausibility check.
type FlagCode string

// Plausibility checks.
const (
	// FlagPostsPer1000: new posts per 1,000 residents above the band.
	FlagPostsPer1000 FlagCode = "new_posts_per_1000_high"
	// FlagWorkforceGrowth: the plan multiplies the inventory's staff by
	// more than the limit.
	FlagWorkforceGrowth FlagCode = "workforce_growth_high"
	// FlagMinStaffSmall: a new service's minimum staff serves fewer
	// clients per post than the share MinStaffShare of its caseload (a
	// community too small to run the service alone).
	FlagMinStaffSmall FlagCode = "min_staff_few_clients"
)

// MinStaffShare is the share of the caseload below which the clients per
// post of a new service staffed at its minimum are flagged: half.
const MinStaffShare = 0.5

// Defaults of the plausibility limits, used when the catalogue and the
// project give none.
const (
	// DefaultPostsPer1000High is the hromada default band top: 1 new post
	// per 1,000 residents over the horizon.
	DefaultPostsPer1000High = 1.0
	// DefaultPostsPer1000Source is said with the default band.
	DefaultPostsPer1000Source = "hromada default: no published benchmark found"
	// DefaultWorkforceGrowthHigh flags a plan that more than doubles the
	// inventory's staff.
	DefaultWorkforceGrowthHigh = 2.0
)

// Flag is one plausibility warning: Value, the figure compared, is above
// Limit. A planner may accept it; the plan workbook shows where to look.
type Flag struct {
	Code   FlagCode
	Value  float64 // the figure: posts per 1,000 residents, or staff after / staff before (+Inf with no staff before)
	Limit  float64 // the top of the band
	Source string  // where the limit comes from
	// Plain is the source in plain words in both languages, said by
	// Message instead of Source when set; not in the JSON, which gives
	// Source.
	Plain hromada.Text `json:"-"`
	// Hires, Base are the figures Value is made of: new posts, and the
	// residents (thousands) or the inventory's staff; for
	// FlagMinStaffSmall the service's posts and its clients.
	Hires, Base float64
	// Service is the classifier code of the service flagged
	// (FlagMinStaffSmall); "" for the plan as a whole.
	Service string
}

// Message says the flag in plain words with the figures compared, for
// the terminal: "new posts per 1,000 residents: 2.93 (87.50 posts for
// 29.9 thousand residents), above the band's top of 1 (source)" and its
// Ukrainian, numbers as each language writes them.
func (f Flag) Message() hromada.Text {
	switch f.Code {
	case FlagPostsPer1000:
		src := f.Plain // the catalogue's source in plain words, in each language
		switch {
		case f.Source == DefaultPostsPer1000Source:
			src = hromada.T("вибір hromada: опублікованого орієнтиру не знайдено", DefaultPostsPer1000Source)
		case src.IsZero():
			src = hromada.Text{UK: f.Source, EN: f.Source} // as it is written
		}
		return hromada.T("нових ставок на 1 000 мешканців: %s (ставок: %s на %s тис. мешканців), вище за верхню межу %s (%s)",
			"new posts per 1,000 residents: %s (%s posts for %s thousand residents), above the band's top of %s (%s)",
			hromada.Decimal(f.Value, 2), hromada.Decimal(f.Hires, 2), hromada.Decimal(f.Base, 1), hromada.Number(f.Limit, 6), src)
	case FlagWorkforceGrowth:
		if math.IsInf(f.Value, 1) {
			return hromada.T("нових ставок: %s, а в реєстрі надавачів немає персоналу, з яким їх порівняти",
				"%s new posts, while the provider inventory lists no staff to compare them with", hromada.Decimal(f.Hires, 2))
		}
		return hromada.T("нові ставки (%s) разом із наявними (%s, зайняті й вакантні) збільшують персонал у %s раза, більше за межу %s",
			"%s new posts on top of %s existing (filled and vacant) multiply the staff by %s, above the limit of %s",
			hromada.Decimal(f.Hires, 2), hromada.Decimal(f.Base, 2), hromada.Decimal(f.Value, 2), hromada.Number(f.Limit, 6))
	case FlagMinStaffSmall:
		// A number with decimals takes the genitive singular in Ukrainian:
		// «1,50 ставки», «1,60 клієнта».
		return hromada.T("послуга %s: її мінімальний персонал, %s ставки, обслуговуватиме лише %s клієнта, %s на ставку — менше за половину нормативного навантаження (%s); надавайте послугу спільно із сусідньою громадою або купуйте її (соціальне замовлення)",
			"service %s: its minimum staff of %s posts serves %s clients, %s per post, below %s, half its caseload; share the service with a neighbouring community or buy it (social commissioning)",
			f.Service, hromada.Decimal(f.Hires, 2), hromada.Decimal(f.Base, 2), hromada.Decimal(f.Value, 2), hromada.Number(f.Limit, 6))
	}
	return hromada.Text{UK: string(f.Code), EN: string(f.Code)}
}

// ServicePlan is the plan of one service: demand against capacity, the
// action, the target path and the staff it needs, and its priority.
type ServicePlan struct {
	Service hromada.Service
	Known   bool // false: no demand to act on, Action is MoreData

	// Basis says what Demand rests on; FloorGroup is the group whose
	// demand is the floor (BasisGroupFloor).
	Basis      Basis
	FloorGroup string

	// Demand and its interval bounds (in the service's unit) that the plan
	// acts on; NaN when there is none. For a known-clients demand the
	// bounds are the count; for a group floor the upper bound is NaN (the
	// union may be larger).
	Demand, DemandLow, DemandHigh float64

	// Survey is the assessment's union demand and its bounds as read;
	// NaN when suppressed or missing.
	Survey, SurveyLow, SurveyHigh float64

	// Known are the known clients of the service; nil when none.
	KnownClients *KnownClients

	// Uptake is the share of demand expected to use the service;
	// Expected = Uptake × Demand, and the same at the bounds.
	Uptake                              float64
	Expected, ExpectedLow, ExpectedHigh float64

	// Inventory totals over the community's providers of the service.
	Providers int     // provider rows
	Capacity  float64 // Σ capacity
	Clients   float64 // Σ current clients
	StaffFTE  float64 // Σ staff in post
	Vacancies float64 // Σ vacant posts

	// Gap = max(0, Expected − Capacity), and the same at ExpectedLow and
	// ExpectedHigh; NaN where the demand is NaN.
	Gap, GapLow, GapHigh float64
	// Coverage = Capacity / Expected; NaN when Expected is 0 or unknown.
	Coverage float64

	TargetCoverage float64 // share of expected users to cover
	Path           Path
	PathYears      int // for Linear: years to reach the target
	// Target = TargetCoverage × Expected: clients to serve once the path
	// ends, and TargetLow, TargetHigh the same at the bounds.
	// TargetGap = max(0, Target − Capacity): capacity to add.
	TargetLow, TargetHigh float64
	Target, TargetGap     float64

	Action  Action
	Reasons []Reason

	// Years are target clients and staff, year by year over the horizon;
	// nil when the action is MoreData.
	Years []Year

	// UnmetByGroup is each group's share of the gap.
	UnmetByGroup []GroupGap

	// Vulnerability is the demand-weighted mean vulnerability of the
	// groups that need the service (1 when no group data); Score is the
	// priority score and Rank the place in the plan (1 = first).
	Vulnerability float64
	Score         float64
	Rank          int
	Overridden    bool // Rank is the planner's (Input.Rank)
}

// Year is one year of a service's plan.
type Year struct {
	Year    int     // calendar year
	Clients float64 // target clients served this year
	// FTE is the staff the clients need by the caseload norm:
	// max(min_staff, ceil_to_step(Clients / caseload, step)); 0 for a
	// service that has no provider and no clients yet.
	FTE float64
	// Staff is the staff establishment after this year's hires: the
	// existing staff (in post and vacant) or the largest FTE so far,
	// whichever is more. The plan never cuts posts.
	Staff float64
	// Hires are the new posts this year: Staff − last year's Staff (the
	// existing staff before the first year).
	Hires float64
	// Posts split FTE by post type, in step units; nil when the service
	// has no posts in Input.Posts.
	Posts []PostFTE
}

// PostFTE is the FTE of one post type in one year.
type PostFTE struct {
	Post string
	FTE  float64
}

// GroupGap is one group's demand for a service and its share of the gap.
type GroupGap struct {
	Group         string
	Vulnerability float64
	Demand        float64 // the group's demand; NaN when suppressed
	// Unmet = Demand × Gap / service Demand: the gap shared in proportion
	// to demand; NaN when the group's or the service's demand is unknown,
	// 0 when the service's demand is 0.
	Unmet float64
}

// Summary counts the plan's actions and totals its staff.
type Summary struct {
	Services   int
	Create     int
	Enhance    int
	Sufficient int
	MoreData   int

	HireFTE float64     // new posts over the whole horizon
	Years   []YearTotal // staff totals by year over the planned services
}

// YearTotal is the staff of all services of the plan in one year.
type YearTotal struct {
	Year  int
	FTE   float64
	Staff float64
	Hires float64
}
