package assessbook

import (
	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
)

// Assessment is everything the assessment workbook of one community shows:
// the estimates and demand from assess, and what they were made from.
type Assessment struct {
	Lang      hromada.Lang
	Project   string // project name; "" in quick mode
	Community hromada.Community
	Survey    SurveyInfo
	Options   AssessOptions
	// Services are the services in the order of the survey's needs, by the
	// key assess.Result uses (Service.Code in project mode; the column or
	// option name in quick mode, with only Name set).
	Services map[string]hromada.Service
	// Groups names the groups by the ids assess.Result uses.
	Groups   map[string]hromada.Group
	Registry []RegistryRow
	// Known are the community's known clients of services (administrative
	// counts from case records or registers) that the plan uses as demand
	// or as a floor under the survey's estimate.
	Known    []KnownClientRow
	Result   assess.Result
	Quality  []hromada.AnswerCount
	Warnings []string
	// Catalogue says where the service catalogue comes from and its date.
	Catalogue string
}

// SurveyInfo describes the survey behind an assessment.
type SurveyInfo struct {
	File, Sheet                   string
	Rows, Skipped                 int
	Strata, PSUs                  int
	Weight, Stratum, Cluster, FPC string // column names; "" when not used
	LonelyPSU                     string
	LonelyStrata                  []string
	NormalisedWeights             bool
	// Date is when the survey was made, as the user gives it ("2026-03",
	// "2026-03-02 – 2026-03-20"); "" when not known.
	Date string
}

// AssessOptions are the estimation options an assessment was made with.
type AssessOptions struct {
	CI       assess.CIMethod
	Level    float64
	MinCount int
	Suppress bool // suppressed cells are hidden (published tables)
	// Reach: REACH's conventions (METHODS.md §1.6b), don't-know and
	// refused kept as answers and intervals on the degrees of freedom of
	// every answered row; otherwise hromada's own (§1.6).
	Reach bool
	// Where are the row filters of quick mode, as given ("" none).
	Where string
}

// RegistryRow is a registry count used for demand.
type RegistryRow struct {
	Group  string
	Unit   hromada.Unit
	Count  float64
	AsOf   string
	Source string
}

// KnownClientRow is a count of a service's known clients in the
// community, from case records or registers rather than the survey.
type KnownClientRow struct {
	Service string // key of the service, as in Assessment.Services
	Unit    hromada.Unit
	Count   float64
	AsOf    string // date of the count, as written; "" when not given
	Source  string
	// Floor: the plan takes the count as a floor under the survey's
	// estimate; otherwise as the service's demand.
	Floor bool
}
