package plan

import (
	"errors"

	"github.com/hromada-tool/hromada"
)

// ErrInput is the cause every input error of [Make] wraps: errors.Is(err,
// plan.ErrInput) tells a bad input from a bug.
var ErrInput = errors.New("invalid plan input")

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

	// Targets override the catalogue's coverage and set the scale-up path,
	// by classifier code. A service without a target gets the catalogue's
	// coverage, reached in the first year (path step).
	Targets map[string]Target

	// Posts split a service's FTE into post types, by classifier code. The
	// shares of a service sum to 1. A service without posts gets the total
	// FTE only.
	Posts map[string][]PostShare

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
	// few respondents, an unreliable estimate) or has none: the plan then
	// says "unknown" and computes no gap, target or staff.
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

// Path is how target clients grow from the current clients to the target.
type Path string

// Scale-up paths.
const (
	// Step reaches the target in the first year.
	Step Path = "step"
	// Linear closes the distance in equal steps over Target.Years years.
	Linear Path = "linear"
	// Ramp sets explicit shares of the target by year; past the end of
	// the ramp, its last share holds.
	Ramp Path = "ramp"
)

// Target is the coverage a project plans for a service and the path to it.
type Target struct {
	Coverage float64   // share of demand to cover, 0..1; NaN: the catalogue's
	Path     Path      // "" means Step
	Years    int       // for Linear: years to reach the target, ≥ 1
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
	// Sufficient: capacity meets the target (also when there is no demand).
	Sufficient Action = "sufficient"
	// Unknown: the demand is suppressed or missing; the plan does not guess.
	Unknown Action = "unknown"
)

// Reason is a machine code for why a service got its action or its score;
// the plan workbook turns codes into words.
type Reason string

// Reasons.
const (
	ReasonNoProvider     Reason = "no_provider"           // no provider offers the service
	ReasonBelowTarget    Reason = "capacity_below_target" // capacity < target clients
	ReasonTargetMet      Reason = "target_met"            // capacity ≥ target clients
	ReasonNoDemand       Reason = "no_demand"             // demand is 0
	ReasonSuppressed     Reason = "suppressed_demand"     // demand unknown: suppressed or missing
	ReasonBasic          Reason = "basic_service"         // a basic service the law obliges
	ReasonMinimumPackage Reason = "minimum_package"       // in the minimum package for families with children
	ReasonVulnerable     Reason = "vulnerable_groups"     // groups weighted above 1 need it
	ReasonMinStaff       Reason = "min_staff"             // staff set by the minimum for a service, not by caseload
	ReasonVacancies      Reason = "vacancies"             // the providers have vacant posts to fill
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
}

// ServicePlan is the plan of one service: demand against capacity, the
// action, the target path and the staff it needs, and its priority.
type ServicePlan struct {
	Service hromada.Service
	Known   bool // false: demand unknown, Action is Unknown

	// Demand and its interval bounds (union, in the service's unit); NaN
	// when unknown.
	Demand, DemandLow, DemandHigh float64

	// Inventory totals over the community's providers of the service.
	Providers int     // provider rows
	Capacity  float64 // Σ capacity
	Clients   float64 // Σ current clients
	StaffFTE  float64 // Σ staff in post
	Vacancies float64 // Σ vacant posts

	// Gap = max(0, Demand − Capacity), and the same at DemandLow and
	// DemandHigh; NaN where the demand is NaN.
	Gap, GapLow, GapHigh float64
	// Coverage = Capacity / Demand; NaN when Demand is 0 or unknown.
	Coverage float64

	TargetCoverage float64 // share of demand to cover
	Path           Path
	// Target = TargetCoverage × Demand: clients to serve once the path
	// ends. TargetGap = max(0, Target − Capacity): capacity to add.
	Target, TargetGap float64

	Action  Action
	Reasons []Reason

	// Years are target clients and staff, year by year over the horizon;
	// nil when the demand is unknown.
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
	Unknown    int

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
