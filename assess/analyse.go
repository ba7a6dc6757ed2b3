package assess

import (
	"errors"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hromada-tool/hromada"
)

// Names of the groups that Analyse adds to those of the survey.
const (
	// AllGroup is every family of the community (every row of the survey).
	AllGroup = "all"
	// AnyGroup is the union of the survey's groups: families in at least
	// one of them.
	AnyGroup = "any"
)

// Need is one service's need indicator: per household 1 (needs the
// service), 0 (does not) or NaN (not answered). Other values make the
// need a mean instead of a proportion.
type Need struct {
	Service string // service key, e.g. "day_care"
	Y       []float64
	// Clients is, per household, m_i: the members who need the service, in
	// the service's unit (children or persons); NaN unknown. Nil for a
	// service counted in children or persons means one client per household
	// in need, m_i = y_i (a choice, with a warning). Not used for services
	// counted in families (METHODS.md §1.5).
	Clients []float64
	// ClientsFrom says where Clients comes from; "" with Clients is
	// ClientsCount.
	ClientsFrom ClientsSource
	// Var and Value name the need's rows as analysistools does:
	// analysis_var the question and analysis_var_value the option (for
	// an option of a select_multiple or select_one question). Empty Var
	// is the service, empty Value "yes" for a 0/1 need.
	Var, Value string
	// Type is the analysis_type of the need's rows; "" is
	// TypeSelectOne for a 0/1 need and TypeMean otherwise.
	Type AnalysisType
}

// AnalysisType is analysistools' analysis_type of a results row.
type AnalysisType string

// Analysis types, as analysistools names them.
const (
	// TypeSelectMultiple: the share of respondents who ticked an option of
	// a select_multiple question.
	TypeSelectMultiple AnalysisType = "prop_select_multiple"
	// TypeSelectOne: the share of respondents who gave an answer to a
	// select_one (or yes/no) question.
	TypeSelectOne AnalysisType = "prop_select_one"
	// TypeMean: the mean of a numeric question.
	TypeMean AnalysisType = "mean"
	// TypeRatio: a ratio of two weighted totals.
	TypeRatio AnalysisType = "ratio"
)

// ClientsSource says where a service's clients per household come from
// (METHODS.md §1.5), best first.
type ClientsSource string

// Sources of the clients per household.
const (
	// ClientsRoster: members who need the service, summed over the
	// household's rows of a repeat group (roster).
	ClientsRoster ClientsSource = "roster"
	// ClientsCount: a household question "how many children / members
	// need the service", capped at the household's members of the unit.
	ClientsCount ClientsSource = "count"
	// ClientsHousehold: no member-level answer; each household in need
	// counts as one client.
	ClientsHousehold ClientsSource = "household"
)

// Membership is a population group as a domain: Member[i] says whether
// household i belongs to the group. Groups may overlap.
type Membership struct {
	Group  string // group ID, e.g. "idp"
	Member []bool
	// Var and Value name the group in analysistools' group_var and
	// group_var_value, for a group made from one value of a column (such
	// as idp_status = "returnee"); empty means Group and "yes".
	Var, Value string
}

// Survey is what Analyse estimates from: a design and columns of the same
// length. The slices are read, never changed or kept.
type Survey struct {
	Design *Design
	Groups []Membership // target groups: IDP, low-income, child with disability…
	Needs  []Need
	// Children is the number of children of each household (NaN unknown),
	// needed when a service or a registry count is in children.
	Children []float64
	// Persons is the household size (NaN unknown), needed when a service
	// or a registry count is in persons.
	Persons []float64
}

// Count is a registry count of a group in the community (Annex 1).
type Count struct {
	Value  float64
	Unit   hromada.Unit // what is counted; "" means families
	AsOf   string       // date of the count
	Source string       // where it comes from
}

// Options tune Analyse; the zero value is usable.
type Options struct {
	CI       CIMethod // interval method for proportions; "" is Logit
	Level    float64  // confidence level; 0 is 0.95
	MinCount int      // fewest respondents to publish; 0 is DefaultMinCount, negative turns the rule off
	// Units gives the unit of each service by key; services not named
	// are counted in families.
	Units map[string]hromada.Unit
	// Counts gives registry counts by group ID; AllGroup (or "") is every
	// family of the community and AnyGroup the union of the groups.
	Counts map[string]Count
	// Registered gives, by group ID and unit, the registered size of a
	// group (for instance the children with disabilities registered), for
	// the plausibility check: a group's published demand above its size in
	// the service's unit is a warning. A group's Counts entry serves too.
	Registered map[string]map[hromada.Unit]float64
	// Population is the community's population (0 unknown): a published
	// demand for a person service above it is a warning.
	Population float64
	// DesignDF puts every interval of a need on the degrees of freedom
	// of the whole design cut to the rows that answered the need (R
	// degf(subset(design, !is.na(y)))), in every group, as analysistools
	// does (it filters the answered rows, and srvyr's survey_mean takes
	// degf of the filtered design before grouping), instead of the
	// domain's (R svyciprop on a subset). It also makes the Wald interval
	// of a proportion of 0 or 1 [p, p] as R's confint does (flagged
	// p_0_or_1). Demand conversions use the whole design's df, R
	// degf(design). METHODS.md §1.6b.
	DesignDF bool
	// NoSurveyBasisWarning leaves out the warnings on groups without a
	// registry count, for a caller that says it once itself.
	NoSurveyBasisWarning bool
}

// Basis says where the count N_g of a demand comes from.
type Basis string

// Bases of a demand's count.
const (
	BasisRegistry Basis = "registry" // a registry count from Options.Counts
	BasisSurvey   Basis = "survey"   // the survey's own weighted count Σ w
)

// Rate is one estimate as a row of an analysistools results table (the
// JSON names are its columns), plus the design information hromada adds.
//
// For a 0/1 need the row is analysis_type "prop_select_one" with
// analysis_var the service and analysis_var_value "yes", or, for an option
// of a question (Need.Var, Need.Value, Need.Type), "prop_select_multiple"
// or "prop_select_one" with the question and the option; as in
// analysistools, n the respondents with the need, n_total those who
// answered, n_w and n_w_total their weighted counts. For a mean (and for
// ratios) n = n_total are the respondents and analysis_var_value is empty
// (NA). group_var and group_var_value are empty for the whole population.
// analysis_key follows analysistools:
//
//	prop_select_one @/@ day_care %/% yes @/@ idp %/% yes
//	prop_select_multiple @/@ needs %/% day_care @/@ idp_status %/% no
//	mean @/@ day_care*children %/% NA @/@ NA %/% NA
//	ratio @/@ day_care*children %/% NA -/- children %/% NA @/@ idp %/% yes
//
// In JSON, NaN numbers and empty analysis_var_value, group_var and
// group_var_value are null.
type Rate struct {
	AnalysisType     string  `json:"analysis_type"`
	AnalysisVar      string  `json:"analysis_var"`
	AnalysisVarValue string  `json:"analysis_var_value"`
	GroupVar         string  `json:"group_var"`
	GroupVarValue    string  `json:"group_var_value"`
	Stat             float64 `json:"stat"`
	StatLow          float64 `json:"stat_low"`
	StatUpp          float64 `json:"stat_upp"`
	N                int     `json:"n"`
	NTotal           int     `json:"n_total"`
	NW               float64 `json:"n_w"`
	NWTotal          float64 `json:"n_w_total"`
	AnalysisKey      string  `json:"analysis_key"`

	Kind Kind    `json:"kind"` // proportion, mean or ratio
	SE   float64 `json:"se"`
	DF   int     `json:"df"`
	Deff float64 `json:"deff"`
	NEff float64 `json:"n_eff"`
	// Flags are the verdict's reasons and then the interval's flags,
	// each once.
	Flags   []Flag  `json:"flags"`
	Verdict Verdict `json:"verdict"`
	// NotObserved is true when respondents answered but none has the need
	// (FlagNotObserved): the estimate is "not observed", never 0.
	NotObserved bool `json:"not_observed"`
	// UpperBound is, for a proportion not observed, the one-sided
	// Korn–Graubard upper bound of the share at the confidence level (the
	// upper end of the two-sided beta interval at level 2·level − 1);
	// NaN otherwise.
	UpperBound float64 `json:"upper_bound"`

	Service  string   `json:"service"`    // service key
	Group    string   `json:"group"`      // group ID, AllGroup or AnyGroup
	Method   CIMethod `json:"ci_method"`  // interval method used
	Level    float64  `json:"ci_level"`   // confidence level
	NDomain  int      `json:"n_domain"`   // group members, answered or not
	NWDomain float64  `json:"n_w_domain"` // their weighted count
	// Hidden marks a suppressed row as a published table shows it (Hide):
	// its JSON has null figures and counts.
	Hidden bool `json:"-"`
}

// Demand is the number of clients of a service in a group:
//
//	People = N_g · R,   interval N_g · [L, U]
//
// N_g is the group's registry count, or without one the survey's weighted
// count Σ_{i∈g} w of families (Basis says which). For a family service R
// is the need rate p. For a service counted in children or persons the
// clients are the members who need it, m_i (Need.Clients, METHODS.md §1.5):
//
//	R = Σ_{i∈g} w_i m_i / Σ_{i∈g} w_i        with a count in families
//	R = Σ_{i∈g} w_i m_i / Σ_{i∈g} w_i x_i    with a count in children or persons
//
// x_i the household's children or size (R svyratio), with a Wald t interval
// and the reliability rules of means and ratios, even when m is 0/1. The
// bounds are kept within [0, N_g] for proportions and ≥ 0 otherwise.
//
// A demand whose group has respondents but none in need is NotObserved,
// with ShareUpp the one-sided upper bound of the share of families in need.
type Demand struct {
	Service   string       `json:"service"`
	Group     string       `json:"group"`      // group ID, AllGroup or AnyGroup
	Unit      hromada.Unit `json:"unit"`       // the service's unit: what People counts
	Basis     Basis        `json:"basis"`      // registry or survey
	CountOf   string       `json:"count_of"`   // the group whose count N_g is
	Count     float64      `json:"count"`      // N_g
	CountUnit hromada.Unit `json:"count_unit"` // unit of N_g
	AsOf      string       `json:"as_of"`      // registry count's date
	Source    string       `json:"source"`     // registry count's source
	Rate      Rate         `json:"rate"`       // R with its interval and verdict
	People    float64      `json:"people"`
	PeopleLow float64      `json:"people_low"`
	PeopleUpp float64      `json:"people_upp"`
	// ClientsFrom says where the clients per household come from, for a
	// service counted in children or persons; "" for a family service.
	ClientsFrom ClientsSource `json:"clients_from"`
	// NotObserved: respondents of the group answered, none has the need.
	NotObserved bool `json:"not_observed"`
	// ShareUpp is, when NotObserved, the one-sided Korn–Graubard upper
	// bound of the share of the group's families in need; NaN otherwise.
	ShareUpp float64 `json:"share_upp"`
}

// Result is what Analyse returns.
type Result struct {
	// Rates has one row per group (AllGroup first, then the survey's
	// groups in order) and need (in order): the share of families in need.
	Rates []Rate `json:"rates"`
	// Demand has one row per group and need, in the order of Rates.
	Demand []Demand `json:"demand"`
	// Union has one row per need: the unduplicated demand of the union of
	// the groups (AnyGroup). Empty without groups.
	Union []Demand `json:"union"`
	// Warnings are plain sentences for the user.
	Warnings []hromada.Text `json:"warnings"`
}

type analysis struct {
	d        *Design
	s        Survey
	method   CIMethod
	level    float64
	minCount int
	units    map[string]hromada.Unit
	counts   map[string]Count
	sizes    map[string]map[hromada.Unit]float64
	pop      float64
	labels   map[string][2]string // group → group_var, group_var_value
	ddf      int                  // the whole design's df, when Options.DesignDF; else -1
	designDF bool                 // Options.DesignDF
	noBasis  bool                 // no survey-basis warnings
	warn     []hromada.Text
}

// Analyse turns a survey into the assessment: the need rate of every group
// for every service, the demand in the service's unit, and the
// unduplicated demand of the union of the groups.
//
// The union's demand is estimated on the union as one domain — y = needs
// the service, domain = any target group — and never by adding the
// groups' demands, which would count twice the families in two groups
// (METHODS.md §1.5). Its count is, in this order: the registry count of
// AnyGroup with the rate on the union; or the registry count of AllGroup
// with the share of all families that are in a group and need the service;
// or the survey's weighted count of the union.
//
// The error is non-nil when the survey or the options are inconsistent:
// columns of the wrong length, repeated or reserved names, unknown
// services or groups in the options, unknown units, or a unit whose
// column (Children, Persons) is missing.
func Analyse(s Survey, opt Options) (Result, error) {
	a, err := newAnalysis(s, opt)
	if err != nil {
		return Result{}, err
	}
	return a.run()
}

func newAnalysis(s Survey, opt Options) (*analysis, error) {
	if s.Design == nil {
		return nil, hromada.Errorf("опитування не має плану вибірки", "survey has no design")
	}
	d := s.Design
	n := d.N()
	a := &analysis{d: d, s: s, units: map[string]hromada.Unit{}, counts: map[string]Count{}, labels: map[string][2]string{}, ddf: -1, noBasis: opt.NoSurveyBasisWarning}
	if opt.DesignDF {
		a.ddf, a.designDF = d.DF(), true
	}
	for _, g := range s.Groups {
		if g.Var != "" {
			a.labels[g.Group] = [2]string{g.Var, g.Value}
		}
	}

	if err := a.setInterval(opt); err != nil {
		return nil, err
	}
	groups, err := checkGroups(s.Groups, n)
	if err != nil {
		return nil, err
	}
	services, err := checkNeeds(s.Needs, n)
	if err != nil {
		return nil, err
	}
	if err := checkCounts(s, n); err != nil {
		return nil, err
	}
	if err := a.setUnits(opt.Units, services); err != nil {
		return nil, err
	}
	if err := a.setCounts(opt.Counts, groups); err != nil {
		return nil, err
	}
	if err := a.setSizes(opt.Registered, groups); err != nil {
		return nil, err
	}
	if opt.Population < 0 || math.IsNaN(opt.Population) || math.IsInf(opt.Population, 0) {
		return nil, hromada.Errorf("населення %v — не число від 0", "population %v is not a number of 0 or more", hromada.Number(opt.Population, 6))
	}
	a.pop = opt.Population
	for _, nd := range s.Needs {
		if u := a.unitOf(nd.Service); u != hromada.Family && nd.Clients == nil {
			a.warnf("послугу «%[1]s» рахують за кількістю %[2]s, але в опитуванні немає питання, скільки з них її потребують: кожне домогосподарство з потребою рахується одним клієнтом (це вибір); поставте питання реєстру членів домогосподарства, щоб їх порахувати",
				"service %q is counted in %s, but the survey has no question on how many %s need it: each household in need counts as one client (a choice); ask the roster question to count them", nd.Service, unitDen(u), unitDen(u))
		}
	}
	return a, nil
}

// setInterval sets the interval method, the confidence level and the
// minimum count of the options, or their defaults.
func (a *analysis) setInterval(opt Options) error {
	var err error
	if a.method, err = ParseCIMethod(string(opt.CI)); err != nil {
		return err
	}
	a.level = opt.Level
	if a.level == 0 {
		a.level = 0.95
	}
	if !(a.level > 0 && a.level < 1) {
		return hromada.Errorf("рівень довіри %v — не між 0 і 1", "confidence level %v is not between 0 and 1", hromada.Number(opt.Level, 6))
	}
	switch {
	case opt.MinCount == 0:
		a.minCount = DefaultMinCount
	case opt.MinCount > 0:
		a.minCount = opt.MinCount
	}
	return nil
}

// checkGroups checks the survey's groups, of n households each: an ID
// each, none reserved or given twice. It returns their IDs.
func checkGroups(gs []Membership, n int) (map[string]bool, error) {
	groups := map[string]bool{}
	for _, g := range gs {
		switch {
		case g.Group == "":
			return nil, hromada.Errorf("група не має коду", "a group has no ID")
		case g.Group == AllGroup || g.Group == AnyGroup:
			return nil, hromada.Errorf("код групи «%s» зарезервовано; перейменуйте групу", "group ID %q is reserved; rename the group", g.Group)
		case groups[g.Group]:
			return nil, hromada.Errorf("групу «%s» задано двічі", "group %q is given twice", g.Group)
		case len(g.Member) != n:
			return nil, hromada.Errorf("група «%s»: %v: рядків %d, у плані вибірки %d", "group %q: %w: %d rows, design %d", g.Group, ErrLength, len(g.Member), n)
		}
		groups[g.Group] = true
	}
	return groups, nil
}

// checkNeeds checks the survey's needs, of n households each: a service
// each, given once, with answers and clients a need can have. It returns
// their services.
func checkNeeds(needs []Need, n int) (map[string]bool, error) {
	services := map[string]bool{}
	for _, nd := range needs {
		switch {
		case nd.Service == "":
			return nil, hromada.Errorf("потреба не має послуги", "a need has no service")
		case services[nd.Service]:
			return nil, hromada.Errorf("послуга «%s» має дві потреби", "service %q has two needs", nd.Service)
		case len(nd.Y) != n:
			return nil, hromada.Errorf("потреба «%s»: %v: рядків %d, у плані вибірки %d", "need %q: %w: %d rows, design %d", nd.Service, ErrLength, len(nd.Y), n)
		case nd.Clients != nil && len(nd.Clients) != n:
			return nil, hromada.Errorf("потреба «%s», клієнти: %v: рядків %d, у плані вибірки %d", "need %q, clients: %w: %d rows, design %d", nd.Service, ErrLength, len(nd.Clients), n)
		}
		for i, m := range nd.Clients {
			if m < 0 || math.IsInf(m, 0) {
				return nil, hromada.Errorf("потреба «%s», клієнти: у рядку %d — %v; впишіть кількість від 0 або залиште порожнім", "need %q, clients: row %d is %v; give a count of 0 or more, or leave it blank", nd.Service, i+1, hromada.Number(m, 6))
			}
		}
		switch nd.ClientsFrom {
		case "", ClientsRoster, ClientsCount, ClientsHousehold:
		default:
			return nil, hromada.Errorf("потреба «%s»: джерело клієнтів «%s» невідоме; можливі: roster, count, household", "need %q: clients source %q is not known; allowed: roster, count, household", nd.Service, nd.ClientsFrom)
		}
		switch nd.Type {
		case "", TypeSelectMultiple, TypeSelectOne, TypeMean:
		default:
			return nil, hromada.Errorf("потреба «%s»: тип аналізу «%s» невідомий; можливі: prop_select_multiple, prop_select_one, mean", "need %q: analysis type %q is not known; allowed: prop_select_multiple, prop_select_one, mean", nd.Service, nd.Type)
		}
		if (nd.Type == TypeSelectMultiple || nd.Type == TypeSelectOne) && !isBinary(nd.Y) {
			return nil, hromada.Errorf("потреба «%s» — це %s, але не всі її відповіді 0 чи 1", "need %q is a %s, but its answers are not all 0 or 1", nd.Service, nd.Type)
		}
		services[nd.Service] = true
	}
	return services, nil
}

// checkCounts checks the survey's children and persons per household, of
// n households: counts of 0 or more.
func checkCounts(s Survey, n int) error {
	for name, col := range map[string][]float64{"children": s.Children, "persons": s.Persons} {
		if col == nil {
			continue
		}
		if len(col) != n {
			return hromada.Errorf("%s: %v: рядків %d, у плані вибірки %d", "%s: %w: %d rows, design %d", name, ErrLength, len(col), n)
		}
		for i, v := range col {
			if v < 0 || math.IsInf(v, 0) {
				return hromada.Errorf("%s: у рядку %d — %v; впишіть кількість від 0 або залиште порожнім", "%s: row %d is %v; give a count of 0 or more, or leave it blank", name, i+1, hromada.Number(v, 6))
			}
		}
	}
	return nil
}

// needColumn checks that the survey has the column that counts unit u,
// for what (a service or a registry count).
func (a *analysis) needColumn(u hromada.Unit, what string) error {
	s := a.s
	switch u {
	case hromada.Family:
	case hromada.Child:
		if s.Children == nil {
			return hromada.Errorf("%s рахують у дітях, але в опитуванні немає кількості дітей у домогосподарстві", "%s is counted in children, but the survey has no number of children per household", what)
		}
	case hromada.Person:
		if s.Persons == nil {
			return hromada.Errorf("%s рахують в особах, але в опитуванні немає розміру домогосподарства", "%s is counted in persons, but the survey has no household size", what)
		}
	default:
		return hromada.Errorf("%s: одиниця «%s» невідома; можливі: family, child, person (сім'я, дитина, особа)", "%s: unit %q is not known; allowed: family, child, person", what, u)
	}
	return nil
}

// setUnits sets the unit each service is counted in; the services are
// those the survey has needs of.
func (a *analysis) setUnits(units map[string]hromada.Unit, services map[string]bool) error {
	for svc, u := range units {
		if !services[svc] {
			return hromada.Errorf("одиницю задано для послуги «%s», якої немає серед потреб опитування", "unit given for service %q, which has no need in the survey", svc)
		}
		if u == "" {
			u = hromada.Family
		}
		if err := a.needColumn(u, "service "+svc); err != nil {
			return err
		}
		a.units[svc] = u
	}
	return nil
}

// setCounts sets the registry counts by group; the groups are the
// survey's.
func (a *analysis) setCounts(counts map[string]Count, groups map[string]bool) error {
	for g, c := range counts {
		key, ok := registryGroup(g, groups)
		if !ok {
			return hromada.Errorf("дані реєстру задано для групи «%s», якої немає в опитуванні", "registry count given for group %q, which is not in the survey", g)
		}
		if _, dup := a.counts[key]; dup {
			return hromada.Errorf("два значення реєстру для всіх сімей (\"\" і «%s»)", "two registry counts for all families (\"\" and %q)", AllGroup)
		}
		if !validCount(c.Value) {
			return hromada.Errorf("дані реєстру групи «%s» — %v; впишіть число від 0", "registry count of group %q is %v; give a number of 0 or more", key, hromada.Number(c.Value, 6))
		}
		if c.Unit == "" {
			c.Unit = hromada.Family
		}
		if err := a.needColumn(c.Unit, "the registry count of group "+key); err != nil {
			return err
		}
		a.counts[key] = c
	}
	return nil
}

// setSizes sets the registered sizes of the groups by unit; the groups
// are the survey's.
func (a *analysis) setSizes(registered map[string]map[hromada.Unit]float64, groups map[string]bool) error {
	a.sizes = map[string]map[hromada.Unit]float64{}
	for g, byUnit := range registered {
		key, ok := registryGroup(g, groups)
		if !ok {
			return hromada.Errorf("зареєстровану чисельність задано для групи «%s», якої немає в опитуванні", "registered size given for group %q, which is not in the survey", g)
		}
		for u, v := range byUnit {
			if u == "" {
				u = hromada.Family
			}
			if !validCount(v) {
				return hromada.Errorf("зареєстрована чисельність групи «%s» в одиницях %s — %v; впишіть число від 0", "registered size of group %q in %s is %v; give a number of 0 or more", key, u, hromada.Number(v, 6))
			}
			if a.sizes[key] == nil {
				a.sizes[key] = map[hromada.Unit]float64{}
			}
			a.sizes[key][u] = v
		}
	}
	return nil
}

// registryGroup is the key of a group a registry count is given for: ""
// is AllGroup. It is known when it is AllGroup, AnyGroup or one of the
// survey's groups.
func registryGroup(g string, groups map[string]bool) (string, bool) {
	if g == "" {
		return AllGroup, true
	}
	return g, g == AllGroup || g == AnyGroup || groups[g]
}

// validCount reports whether v can be a registry count: a number, 0 or more.
func validCount(v float64) bool { return v >= 0 && !math.IsInf(v, 0) }

// clients returns m, the clients per household of need nd in unit us, and
// where they come from: nil and "" for a family service (the client is the
// family, m = y).
func clients(nd Need, us hromada.Unit) ([]float64, ClientsSource) {
	switch {
	case us == hromada.Family:
		return nil, ""
	case nd.Clients == nil:
		return nd.Y, ClientsHousehold
	case nd.ClientsFrom == "":
		return nd.Clients, ClientsCount
	}
	return nd.Clients, nd.ClientsFrom
}

func (a *analysis) unitOf(service string) hromada.Unit {
	if u, ok := a.units[service]; ok {
		return u
	}
	return hromada.Family
}

// column returns u(i) for unit u: nil for families (u = 1).
func (a *analysis) column(u hromada.Unit) []float64 {
	switch u {
	case hromada.Child:
		return a.s.Children
	case hromada.Person:
		return a.s.Persons
	}
	return nil
}

// unitVar names u_s·y in analysis_var.
func unitVar(service string, u hromada.Unit) string {
	switch u {
	case hromada.Child:
		return service + "*children"
	case hromada.Person:
		return service + "*persons"
	}
	return service
}

func unitDen(u hromada.Unit) hromada.Text {
	switch u {
	case hromada.Child:
		return hromada.Text{UK: "дітей", EN: "children"}
	case hromada.Person:
		return hromada.Text{UK: "осіб", EN: "persons"}
	}
	return hromada.Text{UK: "сімей", EN: "families"}
}

type domainDef struct {
	name   string
	member []bool // nil: everyone
}

func (a *analysis) run() (Result, error) {
	d, s := a.d, a.s
	n := d.N()
	doms := make([]domainDef, 0, len(s.Groups)+1)
	doms = append(doms, domainDef{AllGroup, nil})
	for _, g := range s.Groups {
		doms = append(doms, domainDef{g.Group, g.Member})
	}
	var union []bool
	if len(s.Groups) > 0 {
		union = make([]bool, n)
		for _, g := range s.Groups {
			for i, m := range g.Member {
				union[i] = union[i] || m
			}
		}
	}

	if lonely := d.LonelyStrata(); len(lonely) > 0 {
		a.warnf("страти з одним кластером (PSU): %s; їхню дисперсію оцінено за правилом для одиночного PSU «%s»",
			"strata with a single PSU: %s; their variance follows the lonely PSU rule %q", strings.Join(lonely, ", "), d.Lonely())
	}
	wcount := a.domainCounts(doms, union)
	res := Result{
		Rates:  make([]Rate, len(doms)*len(s.Needs)),
		Demand: make([]Demand, len(doms)*len(s.Needs)),
	}
	if union != nil {
		res.Union = make([]Demand, len(s.Needs))
	}
	if err := a.needs(&res, doms, wcount, union); err != nil {
		return Result{}, err
	}
	complement(&res, len(s.Needs), a.partitions(doms))
	for _, dem := range res.Demand {
		a.plausible(dem)
	}
	for _, dem := range res.Union {
		a.plausible(dem)
	}
	res.Warnings = append([]hromada.Text{}, a.warn...)
	if res.Union == nil {
		res.Union = []Demand{}
	}
	return res, nil
}

// domainCounts returns the weighted count of each domain, for the survey
// basis, and warns about an empty group and about each domain (and the
// union of the groups) without a registry count.
func (a *analysis) domainCounts(doms []domainDef, union []bool) []float64 {
	wcount := make([]float64, len(doms))
	for k, dm := range doms {
		wcount[k] = a.weightIn(dm.member)
		if dm.member != nil && wcount[k] == 0 {
			a.warnf("у групі «%s» немає жодного респондента опитування (з додатною вагою)", "group %q has no member in the survey (of positive weight)", dm.name)
		}
	}
	for k, dm := range doms {
		if _, ok := a.counts[dm.name]; !ok && !a.noBasis {
			a.surveyBasisWarning(dm.name, wcount[k])
		}
	}
	if union != nil && !a.noBasis {
		if _, ok := a.counts[AnyGroup]; !ok {
			if _, ok := a.counts[AllGroup]; !ok {
				a.surveyBasisWarning(AnyGroup, a.weightIn(union))
			}
		}
	}
	return wcount
}

// needs estimates every need into res, the needs in parallel: they are
// independent, so each worker takes the next one and writes only its own
// slots of the result.
func (a *analysis) needs(res *Result, doms []domainDef, wcount []float64, union []bool) error {
	s := a.s
	errs := make([]error, len(s.Needs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(s.Needs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf buffers
			for {
				j := int(next.Add(1)) - 1
				if j >= len(s.Needs) {
					return
				}
				errs[j] = a.need(j, res, doms, wcount, union, &buf)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// plausible warns when a published demand exceeds the registered size of
// its group in the demand's unit, or, for persons, the community's
// population (METHODS.md §1.5), naming both figures.
func (a *analysis) plausible(dem Demand) {
	if dem.Rate.Verdict.Suppress || math.IsNaN(dem.People) {
		return
	}
	size, ok := a.sizes[dem.Group][dem.Unit]
	if c, has := a.counts[dem.Group]; !ok && has && c.Unit == dem.Unit {
		size, ok = c.Value, true
	}
	if ok && dem.People > size {
		a.warnf("потреба в послузі «%[1]s» у групі «%[2]s» — %[3]s %[4]s, більше, ніж %[5]s %[4]s, зареєстрованих у групі; перевірте питання про клієнтів і дані реєстру",
			"demand for service %q in group %q is %s %s, more than the %s %s registered in the group; check the clients question and the registry count",
			dem.Service, dem.Group, hromada.Decimal(dem.People, 1), unitDen(dem.Unit), hromada.Count(size), unitDen(dem.Unit))
	}
	if dem.Unit == hromada.Person && a.pop > 0 && dem.People > a.pop {
		a.warnf("потреба в послузі «%s» у групі «%s» — %s осіб, більше, ніж усе населення громади (%s); перевірте питання про клієнтів і дані реєстру",
			"demand for service %q in group %q is %s persons, more than the community's population of %s; check the clients question and the registry count",
			dem.Service, dem.Group, hromada.Decimal(dem.People, 1), hromada.Count(a.pop))
	}
}

// buffers are the per-row scratch columns of one worker.
type buffers struct {
	masked, maskedProd []float64
}

func grow(b *[]float64, n int) []float64 {
	if len(*b) < n {
		*b = make([]float64, n)
	}
	return (*b)[:n]
}

// need estimates need j for every group and the union.
func (a *analysis) need(j int, res *Result, doms []domainDef, wcount []float64, union []bool, buf *buffers) error {
	d, nd := a.d, a.s.Needs[j]
	binary := isBinary(nd.Y)
	us := a.unitOf(nd.Service)
	// The clients per household m, shared by the groups; y for families.
	num, from := clients(nd, us)
	if num == nil {
		num = nd.Y
	}
	name := needName(nd)
	for k, dm := range doms {
		e, err := d.Mean(nd.Y, dm.member)
		if err != nil {
			return hromada.Errorf("потреба «%s», група «%s»: %v", "need %q, group %q: %w", nd.Service, dm.name, err)
		}
		if k == 0 { // AllGroup: every answered row
			name.df, name.hasDF = e.DF, true
		}
		rate, err := a.rate(e, binary, name, "", dm.name)
		if err != nil {
			return hromada.Errorf("потреба «%s», група «%s»: %v", "need %q, group %q: %w", nd.Service, dm.name, err)
		}
		idx := k*len(a.s.Needs) + j
		res.Rates[idx] = rate
		dem, err := a.demand(nd, binary, us, num, dm, rate, wcount[k])
		if err != nil {
			return err
		}
		dem.ClientsFrom = from
		res.Demand[idx] = dem
	}
	if union == nil {
		return nil
	}
	dem, err := a.unionDemand(nd, binary, us, num, name, union, buf)
	if err != nil {
		return err
	}
	dem.ClientsFrom = from
	res.Union[j] = dem
	return nil
}

// unionDemand estimates the demand for need nd (counted in unit us, num
// the clients per household) of the union of the groups: with the
// registry count of all families only, from the share of all families
// that are in a group and need the service; otherwise on the union as one
// domain.
func (a *analysis) unionDemand(nd Need, binary bool, us hromada.Unit, num []float64, name rowName, union []bool, buf *buffers) (Demand, error) {
	d, n := a.d, a.d.N()
	var dem Demand
	_, haveAny := a.counts[AnyGroup]
	_, haveAll := a.counts[AllGroup]
	if !haveAny && haveAll {
		// Share of all families that are in a group and need the service:
		// y·1{any}, on the whole population.
		masked := grow(&buf.masked, n)
		for i, y := range nd.Y {
			if union[i] {
				masked[i] = y
			} else {
				masked[i] = 0
			}
		}
		mnum := masked
		if us != hromada.Family {
			mnum = grow(&buf.maskedProd, n)
			for i, m := range num {
				if union[i] {
					mnum[i] = m
				} else {
					mnum[i] = 0
				}
			}
		}
		return a.unionOfAll(nd, binary, us, masked, mnum)
	}
	e, err := d.Mean(nd.Y, union)
	if err != nil {
		return dem, hromada.Errorf("потреба «%s», група «%s»: %v", "need %q, group %q: %w", nd.Service, AnyGroup, err)
	}
	rate, err := a.rate(e, binary, name, "", AnyGroup)
	if err != nil {
		return dem, hromada.Errorf("потреба «%s», група «%s»: %v", "need %q, group %q: %w", nd.Service, AnyGroup, err)
	}
	return a.demand(nd, binary, us, num, domainDef{AnyGroup, union}, rate, e.NWDomain)
}

func (a *analysis) warnf(uk, en string, args ...any) {
	a.warn = append(a.warn, hromada.T(uk, en, args...))
}

// surveyBasisWarning warns that group has no registry count: its demand
// rests on the survey's weighted count w. The groups hromada makes, all
// and any, are named in words.
func (a *analysis) surveyBasisWarning(id string, w float64) {
	var group any = id
	switch id {
	case AllGroup:
		group = hromada.T("усі домогосподарства", "all households")
	case AnyGroup:
		group = hromada.T("будь-яка цільова група", "any target group")
	}
	if a.d.NormalisedWeights() {
		a.warnf("для групи «%s» немає даних реєстру: її потреба спирається на зважену кількість з опитування (%s), але ваги в сумі дають кількість респондентів, тож це кількість респондентів, а не сімей у громаді; внесіть дані реєстру",
			"no registry count for group %q: its demand uses the survey's weighted count (%s), but the weights sum to the number of respondents, so it counts respondents, not families in the community; give a registry count", group, hromada.Count(w))
		return
	}
	a.warnf("для групи «%s» немає даних реєстру: її потреба спирається на зважену кількість сімей з опитування (%s)",
		"no registry count for group %q: its demand uses the survey's weighted count of families (%s)", group, hromada.Count(w))
}

func (a *analysis) weightIn(member []bool) float64 {
	var sum float64
	for i := 0; i < a.d.n; i++ {
		if member != nil && !member[i] {
			continue
		}
		if a.d.w == nil {
			sum++
		} else {
			sum += a.d.w[i]
		}
	}
	return sum
}

func isBinary(y []float64) bool {
	for _, v := range y {
		if v != 0 && v != 1 && !math.IsNaN(v) {
			return false
		}
	}
	return true
}

// rowName names a results row: the service it belongs to, analysis_var,
// analysis_var_value and analysis_type ("" from the estimate).
type rowName struct {
	service, v, value string
	typ               AnalysisType
	// df, with hasDF, is the df of the need's answered rows, for
	// Options.DesignDF.
	df    int
	hasDF bool
}

// needName names the rows of a need's rates.
func needName(nd Need) rowName {
	r := rowName{service: nd.Service, v: nd.Var, value: nd.Value, typ: nd.Type}
	if r.v == "" {
		r.v = nd.Service
	}
	return r
}

// rate builds a results row from an estimate. name.v is the question,
// service or service*unit; den, when not empty, makes it a ratio row.
func (a *analysis) rate(e Estimate, binary bool, name rowName, den, group string) (Rate, error) {
	if (!binary || name.typ == TypeMean) && e.Kind == KindProportion {
		e.Kind = KindMean
		e.NEff = math.NaN()
		e.NYes = 0
	}
	if a.designDF && e.N > 0 {
		e.DF = a.ddf
		if name.hasDF {
			e.DF = name.df
		}
	}
	method := a.method
	if e.Kind != KindProportion {
		method = Wald
	}
	iv, err := CI(e, method, a.level)
	if err != nil {
		return Rate{}, err
	}
	if a.designDF && method == Wald && e.Kind == KindProportion && (e.Value == 0 || e.Value == 1) && slices.Contains(iv.Flags, FlagP0or1) {
		// REACH's p ± t·SE with SE = 0: [p, p], still flagged.
		iv.Low, iv.High = e.Value, e.Value
	}
	r := Rate{
		Kind: e.Kind, Stat: e.Value, StatLow: iv.Low, StatUpp: iv.High,
		SE: e.SE, DF: e.DF, Deff: e.Deff, NEff: e.NEff,
		Flags:   append([]Flag(nil), iv.Flags...),
		Verdict: Reliability(e, iv, a.minCount),
		Service: name.service, Group: group,
		Method: method, Level: a.level,
		NDomain: e.NDomain, NWDomain: e.NWDomain,
		N: e.N, NTotal: e.N, NW: e.NW, NWTotal: e.NW,
		AnalysisVar: name.v,
	}
	if len(e.LonelyStrata) > 0 {
		r.Flags = append(r.Flags, FlagLonelyPSU)
	}
	// Flags carry the verdict's reasons too, first, so that a suppressed
	// row's flags say why wherever it is shown.
	flags := slices.Clone(r.Verdict.Reasons)
	for _, f := range r.Flags {
		if !slices.Contains(flags, f) {
			flags = append(flags, f)
		}
	}
	r.Flags = flags
	r.UpperBound = math.NaN()
	if slices.Contains(r.Verdict.Reasons, FlagNotObserved) {
		r.NotObserved = true
		if e.Kind == KindProportion {
			// One-sided bound at the level: the upper end of the two-sided
			// interval at level 2·level − 1.
			up, err := CI(e, Beta, 2*a.level-1)
			if err != nil {
				return Rate{}, err
			}
			r.UpperBound = up.High
		}
	}
	if r.Flags == nil {
		r.Flags = []Flag{}
	}
	a.describe(&r, e, name, den, group)
	return r, nil
}

// describe sets what an analysistools results table says of rate r
// (estimate e of name in group; den, the denominator of a ratio): its
// analysis type, variables and their values, and its key.
func (a *analysis) describe(r *Rate, e Estimate, name rowName, den, group string) {
	switch {
	case den != "":
		r.AnalysisType = string(TypeRatio)
		r.AnalysisVar = name.v + " %/% " + den
		r.AnalysisVarValue = "NA %/% NA"
	case e.Kind == KindProportion:
		r.AnalysisType = string(TypeSelectOne)
		if name.typ == TypeSelectMultiple {
			r.AnalysisType = string(TypeSelectMultiple)
		}
		r.AnalysisVarValue = name.value
		if r.AnalysisVarValue == "" {
			r.AnalysisVarValue = "yes"
		}
		r.N = e.NYes
		r.NW = e.Value * e.NW
		if e.N == 0 {
			r.NW = 0
		}
	default:
		r.AnalysisType = string(TypeMean)
	}
	if group != AllGroup {
		r.GroupVar, r.GroupVarValue = group, "yes"
		if l, ok := a.labels[group]; ok {
			r.GroupVar, r.GroupVarValue = l[0], l[1]
		}
	}
	r.AnalysisKey = analysisKey(*r)
}

// analysisKey writes the key of analysistools: type @/@ var %/% value
// [-/- var %/% value] @/@ group %/% value, with NA for empty values.
func analysisKey(r Rate) string {
	na := func(s string) string {
		if s == "" {
			return "NA"
		}
		return s
	}
	var b strings.Builder
	b.WriteString(r.AnalysisType)
	b.WriteString(" @/@ ")
	if r.AnalysisType == "ratio" {
		vars := strings.SplitN(r.AnalysisVar, " %/% ", 2)
		b.WriteString(vars[0] + " %/% NA -/- " + vars[1] + " %/% NA")
	} else {
		b.WriteString(r.AnalysisVar + " %/% " + na(r.AnalysisVarValue))
	}
	b.WriteString(" @/@ " + na(r.GroupVar) + " %/% " + na(r.GroupVarValue))
	return b.String()
}

// demand turns the group's rate into clients of the service.
func (a *analysis) demand(nd Need, binary bool, us hromada.Unit, num []float64, dm domainDef, rate Rate, wcount float64) (Demand, error) {
	dem := Demand{Service: nd.Service, Group: dm.name, Unit: us, CountOf: dm.name}
	uc := hromada.Family
	if c, ok := a.counts[dm.name]; ok {
		dem.Basis, dem.Count, dem.AsOf, dem.Source = BasisRegistry, c.Value, c.AsOf, c.Source
		uc = c.Unit
	} else {
		dem.Basis, dem.Count = BasisSurvey, wcount
	}
	dem.CountUnit = uc
	r, err := a.conversion(nd, binary, us, uc, num, dm.member, dm.name, rate)
	if err != nil {
		return Demand{}, err
	}
	dem.Rate = r
	dem.setPeople()
	dem.observed(rate)
	return dem, nil
}

// unionOfAll is the union's demand on the count of all families: the rate
// is the share of all families in any group with the need, y·1{any}.
func (a *analysis) unionOfAll(nd Need, binary bool, us hromada.Unit, masked, num []float64) (Demand, error) {
	c := a.counts[AllGroup]
	dem := Demand{
		Service: nd.Service, Group: AnyGroup, Unit: us, Basis: BasisRegistry,
		CountOf: AllGroup, Count: c.Value, CountUnit: c.Unit, AsOf: c.AsOf, Source: c.Source,
	}
	name := nd.Service + "*" + AnyGroup
	e, err := a.d.Mean(masked, nil)
	if err != nil {
		return Demand{}, hromada.Errorf("потреба «%s», група «%s»: %v", "need %q, group %q: %w", nd.Service, AnyGroup, err)
	}
	rate, err := a.rate(e, binary, rowName{service: nd.Service, v: name}, "", AllGroup)
	if err != nil {
		return Demand{}, hromada.Errorf("потреба «%s», група «%s»: %v", "need %q, group %q: %w", nd.Service, AnyGroup, err)
	}
	r, err := a.conversion(Need{Service: name, Y: masked}, binary, us, c.Unit, num, nil, AllGroup, rate)
	if err != nil {
		return Demand{}, err
	}
	dem.Rate = r
	dem.setPeople()
	dem.observed(rate)
	return dem, nil
}

// conversion estimates R over the domain: Σ w m / Σ w with a count in
// families, Σ w m / Σ w x with a count in children or persons (x the
// household's children or size); num is m (y for a family service). rate
// is the family rate p, which R is when both units are families.
func (a *analysis) conversion(nd Need, binary bool, us, uc hromada.Unit, num []float64, member []bool, group string, rate Rate) (Rate, error) {
	if us == hromada.Family && uc == hromada.Family {
		return rate, nil
	}
	var e Estimate
	var err error
	den := a.column(uc)
	if den == nil {
		e, err = a.d.Mean(num, member)
	} else {
		e, err = a.d.Ratio(num, den, member)
	}
	if err != nil {
		return Rate{}, hromada.Errorf("потреба «%s», група «%s»: %v", "need %q, group %q: %w", nd.Service, group, err)
	}
	// Clients per family or per child (person) is a mean or a ratio, with
	// their reliability rules, even when each household has at most one
	// client: a share of families would publish one household in need.
	isProp := us == hromada.Family && den == nil && binary
	denName := ""
	if den != nil {
		denName = unitDen(uc).EN // a code in the results, as analysistools names it
	}
	r, err := a.rate(e, isProp, rowName{service: nd.Service, v: unitVar(nd.Service, us)}, denName, group)
	if err != nil {
		return Rate{}, hromada.Errorf("потреба «%s», група «%s»: %v", "need %q, group %q: %w", nd.Service, group, err)
	}
	return r, nil
}

// observed marks a demand whose group has respondents but none in need,
// rate being the group's family rate.
func (dem *Demand) observed(rate Rate) {
	dem.ShareUpp = math.NaN()
	if rate.NotObserved || dem.Rate.NotObserved {
		dem.NotObserved = true
		if rate.NotObserved {
			dem.ShareUpp = rate.UpperBound
		}
	}
}

// setPeople turns the rate into people. Needs, children and persons are
// never negative, so a Wald interval of a count per family that reaches
// below zero is cut at zero, in the rate and in people alike.
func (dem *Demand) setPeople() {
	if !math.IsNaN(dem.Rate.StatLow) && dem.Rate.StatLow < 0 {
		dem.Rate.StatLow = 0
	}
	r := dem.Rate
	dem.People = dem.Count * r.Stat
	lo, hi := dem.Count*r.StatLow, dem.Count*r.StatUpp
	if !math.IsNaN(lo) {
		lo = math.Max(lo, 0)
	}
	if r.Kind == KindProportion {
		if !math.IsNaN(hi) {
			hi = math.Min(hi, dem.Count)
		}
	}
	dem.PeopleLow, dem.PeopleUpp = lo, hi
}
