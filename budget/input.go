package budget

import (
	"fmt"
	"math"
	"strings"

	"github.com/hromada-tool/hromada"
)

// Input is everything one community's budget projection is computed from.
// Every amount is in UAH at the prices of the first planning year; every
// per-year slice holds one value per planning year, first year first.
type Input struct {
	FirstYear int // first planning year, e.g. 2026
	Years     int // number of planning years, e.g. 5 for 2026–2030

	Services []Service   // the plan: clients and staff per service and year
	Posts    []Post      // staff posts of the services, with salaries
	Other    []OtherCost // recurrent non-staff costs
	Startup  []Startup   // one-off purchases, re-bought after their life

	Funding Funding // donor and state shares; the local budget carries the rest
	Params  Params  // rates and indexes
	Revenue Revenue // the community's budget, for affordability

	Population int     // residents, for the cost per resident; 0: not shown
	Threshold  float64 // flag years whose local cost exceeds this share of revenue; 0: no flag
}

// Service is one service of the plan as the budget needs it: its codes and,
// for every planning year, the target clients and the staff to pay.
type Service struct {
	Code      string    // classifier code of the service, e.g. "010.1"
	Programme string    // budget programme code (КПКВК МБ) its costs go to, e.g. "3121"
	Clients   []float64 // target clients by year, in the service's unit
	// FTE is the staff paid each year, in full-time equivalents: the
	// establishment the plan keeps (plan.Year.Staff, which never cuts a
	// post), or the staff the caseload needs (plan.Year.FTE) — the caller
	// chooses and says which.
	FTE []float64
	// PostFTE gives, for a post named as in [Post].Post, its FTE by year
	// (the plan's split by post type). A post not listed has Share × FTE.
	PostFTE map[string][]float64
}

// Post is a staff post of a service: its share of the service's FTE and
// its pay.
type Post struct {
	Service string
	Post    string
	// PostEN is the post's name in English workbooks, "" for Post.
	PostEN      string
	Share       float64 // FTE of this post per FTE of the service (the project's shares sum to 1)
	Salary      float64 // monthly salary in the first year, UAH
	ExtraMonths float64 // months of pay a year beyond 12 (bonuses, leave pay)
}

// Basis says what a recurrent non-staff cost is counted per.
type Basis string

// Bases of other costs.
const (
	Fixed     Basis = "fixed"      // an amount a year while the service runs
	PerClient Basis = "per_client" // an amount a year per client
)

// OtherCost is a recurrent non-staff cost line of a service.
type OtherCost struct {
	Service string
	Item    string
	ItemEN  string // the item's name in English workbooks, "" for Item
	Basis   Basis
	Amount  float64 // a year (per client for PerClient), first-year prices
	KEKV    string  // economic code, e.g. "2240"
}

// Startup is a one-off purchase of a service (renovation, equipment,
// vehicle), bought in Year and again every Life years.
type Startup struct {
	Service string
	Item    string
	ItemEN  string  // the item's name in English workbooks, "" for Item
	Amount  float64 // first-year prices
	Year    int     // calendar year of the first purchase; may precede the horizon
	Life    int     // useful life in years, ≥ 1
	KEKV    string  // economic code, e.g. "3110"
}

// Params are the rates and indexes of a projection.
//
// A rate slice holds either one rate for every year or one per planning
// year; rate t is the growth from year t−1 to year t, so the first year's
// rate does not enter the indexes (see [Index]).
type Params struct {
	ESV         float64       // employer's single social contribution (ЄСВ), share of pay: 0.22
	MinimumWage [][12]float64 // monthly minimum wage in force in each month, by planning year
	WageGrowth  []float64     // growth of salaries a year, g_w
	CPI         []float64     // consumer price growth a year, π
	Admin       float64       // admin share α on a service's direct recurrent cost
	AdminKEKV   string        // economic code of the admin lines; "" is "2240"
	CapitalRate float64       // rate r of the equivalent annual cost of start-up items; 0: C/n
	Discount    float64       // rate of the discounted totals; 0: same as undiscounted
}

// Revenue is a community's local budget in a base year and how fast it is
// expected to grow. A zero Year means no revenue is known: the ratios to it
// are NaN and no year is flagged.
type Revenue struct {
	Year    int     // year the amounts are from
	Revenue float64 // local budget revenue, UAH
	Social  float64 // social-protection spending, UAH; 0: unknown
	Growth  float64 // growth a year of both
}

// ErrInput is matched (with errors.Is) by every error a projection returns
// for bad input.
var ErrInput = hromada.Errorf("неправильні вхідні дані бюджету", "bad budget input")

// InputError is one problem of an input: which table and row, which
// field, and what is wrong.
type InputError struct {
	Table string       // "input", "services", "posts", "other", "startup", "funding", "params", "revenue"
	Index int          // position of the row in its slice of Input; -1 when the table has no rows
	Line  hromada.Text // the row as a person names it: `post "psychologist" of service 010.1`
	Field string       // the field, as in the Go struct
	Msg   hromada.Text // what is wrong
}

// Error returns "line: field: msg" in English.
func (e InputError) Error() string { return e.In(hromada.English) }

// In returns "line: field: msg" in lang.
func (e InputError) In(lang hromada.Lang) string {
	var b strings.Builder
	if l := e.Line.In(lang); l != "" {
		b.WriteString(l)
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg.In(lang))
	return b.String()
}

// Is reports whether target is ErrInput.
func (e InputError) Is(target error) bool { return target == ErrInput }

// InputErrors are all the problems found in an input, in input order.
type InputErrors []InputError

// Error returns the problems one a line, in English.
func (es InputErrors) Error() string { return es.In(hromada.English) }

// In returns the problems one a line, in lang.
func (es InputErrors) In(lang hromada.Lang) string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.In(lang)
	}
	return strings.Join(s, "\n")
}

// Unwrap returns the problems, so errors.Is(err, ErrInput) and errors.As
// see each.
func (es InputErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// checker collects the problems of an input.
type checker struct {
	n    int // planning years
	errs InputErrors
}

// add adds a problem: uk and en are fmt formats of the same args.
func (c *checker) add(table string, index int, line hromada.Text, field, uk, en string, args ...any) {
	c.errs = append(c.errs, InputError{Table: table, Index: index, Line: line, Field: field, Msg: hromada.T(uk, en, args...)})
}

// noLine is the line of a problem of the input as a whole.
var noLine hromada.Text

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// amount checks that x is a finite number ≥ 0.
func (c *checker) amount(table string, index int, line hromada.Text, field string, x float64) {
	if !finite(x) || x < 0 {
		c.add(table, index, line, field, "%v — не сума ≥ 0", "%v is not an amount ≥ 0", x)
	}
}

// share checks that x is in [0, 1].
func (c *checker) share(table string, index int, line hromada.Text, field string, x float64) {
	if !finite(x) || x < 0 || x > 1 {
		c.add(table, index, line, field, "%v — не частка від 0 до 1", "%v is not a share between 0 and 1", x)
	}
}

// rate checks that x is a finite growth rate above −100 %.
func (c *checker) rate(table string, index int, line hromada.Text, field string, x float64) {
	if !finite(x) || x <= -1 {
		c.add(table, index, line, field, "%v — не темп, більший за −1 (−100 %%)", "%v is not a rate above −1 (−100 %%)", x)
	}
}

// years checks that v has one value per planning year; a nil v is
// allowed when optional. It reports whether v can be used.
func (c *checker) years(table string, index int, line hromada.Text, field string, v []float64, optional bool) bool {
	if v == nil && optional {
		return true
	}
	if len(v) != c.n {
		c.add(table, index, line, field, "значень: %d, а років планування: %d", "%d values for %d planning years", len(v), c.n)
		return false
	}
	return true
}

// rates checks a rate slice: one value or one per year.
func (c *checker) rates(field string, v []float64) {
	if len(v) != 1 && len(v) != c.n {
		c.add("params", -1, noLine, field, "значень: %d; задайте один темп на всі роки або по одному на кожен рік планування (%d)", "%d values: give one rate for every year or one per planning year (%d)", len(v), c.n)
		return
	}
	for i, x := range v {
		c.rate("params", -1, noLine, fmt.Sprintf("%s[%d]", field, i), x)
	}
}

// validate returns every problem of in, or nil. Rows of a service not in
// the plan are not checked: they are left out (see skipped).
func (in *Input) validate() error {
	c := &checker{n: in.Years}
	if in.FirstYear < 1 {
		c.add("input", -1, noLine, "FirstYear", "перший рік планування %d — не рік", "first planning year %d is not a year", in.FirstYear)
	}
	if in.Years < 1 {
		c.add("input", -1, noLine, "Years", "років планування: %d; задайте 1 або більше", "%d planning years: give 1 or more", in.Years)
		return c.errs
	}
	if in.Population < 0 {
		c.add("input", -1, noLine, "Population", "мешканців %d — від'ємне число", "%d residents is negative", in.Population)
	}
	if !finite(in.Threshold) || in.Threshold < 0 {
		c.add("input", -1, noLine, "Threshold", "%v — не частка ≥ 0", "%v is not a share ≥ 0", in.Threshold)
	}
	services := in.checkServices(c)
	posts := in.checkPosts(c, services)
	in.checkStaffed(c, services, posts)
	in.checkCosts(c, services)
	in.Funding.check(c, services)
	in.checkParams(c)
	if len(c.errs) > 0 {
		return c.errs
	}
	return nil
}

// checkServices checks every service and returns them by code, the
// first of a code listed twice.
func (in *Input) checkServices(c *checker) map[string]*Service {
	services := map[string]*Service{}
	for i := range in.Services {
		s := &in.Services[i]
		line := hromada.T("послуга %s", "service %s", s.Code)
		if s.Code == "" {
			c.add("services", i, hromada.T("послуга №%d", "service #%d", i+1), "Code", "немає коду послуги", "no service code")
			continue
		}
		if _, dup := services[s.Code]; dup {
			c.add("services", i, line, "Code", "послугу наведено двічі", "the service is listed twice")
			continue
		}
		services[s.Code] = s
		if s.Programme == "" {
			c.add("services", i, line, "Programme", "немає коду бюджетної програми (КПКВК МБ)", "no budget programme code (КПКВК МБ)")
		}
		if c.years("services", i, line, "Clients", s.Clients, false) {
			for t, x := range s.Clients {
				c.amount("services", i, line, fmt.Sprintf("Clients[%d]", t), x)
			}
		}
		if c.years("services", i, line, "FTE", s.FTE, false) {
			for t, x := range s.FTE {
				c.amount("services", i, line, fmt.Sprintf("FTE[%d]", t), x)
			}
		}
		for _, p := range sortedKeys(s.PostFTE) {
			f := "PostFTE[" + p + "]"
			if c.years("services", i, line, f, s.PostFTE[p], false) {
				for t, x := range s.PostFTE[p] {
					c.amount("services", i, line, fmt.Sprintf("%s[%d]", f, t), x)
				}
			}
		}
	}
	return services
}

// checkPosts checks the posts of the services and returns, by service,
// the names of its posts.
func (in *Input) checkPosts(c *checker, services map[string]*Service) map[string]map[string]bool {
	posts := map[string]map[string]bool{}
	for i, p := range in.Posts {
		line := hromada.T("посада «%s» послуги %s", "post %q of service %s", p.Post, p.Service)
		if services[p.Service] == nil {
			continue
		}
		if p.Post == "" {
			c.add("posts", i, line, "Post", "посада не має назви", "the post has no name")
		}
		if posts[p.Service] == nil {
			posts[p.Service] = map[string]bool{}
		}
		if posts[p.Service][p.Post] {
			c.add("posts", i, line, "Post", "посаду наведено для послуги двічі", "the post is listed twice for the service")
		}
		posts[p.Service][p.Post] = true
		c.amount("posts", i, line, "Share", p.Share)
		c.amount("posts", i, line, "Salary", p.Salary)
		c.amount("posts", i, line, "ExtraMonths", p.ExtraMonths)
	}
	return posts
}

// checkStaffed checks that every service with staff has posts to pay
// them: a post for each FTE given by post, and one at least for FTE.
func (in *Input) checkStaffed(c *checker, services map[string]*Service, posts map[string]map[string]bool) {
	for i := range in.Services {
		s := &in.Services[i]
		if services[s.Code] != s {
			continue
		}
		for _, p := range sortedKeys(s.PostFTE) {
			if !posts[s.Code][p] {
				c.add("services", i, hromada.T("послуга %s", "service %s", s.Code), "PostFTE", "посада «%s» має ставки, але не має рядка серед посад", "post %q has FTE but no row in the posts", p)
			}
		}
		if len(posts[s.Code]) == 0 && anyPositive(s.FTE) {
			c.add("services", i, hromada.T("послуга %s", "service %s", s.Code), "FTE", "послуга має персонал, але не має посади з окладом", "the service has staff but no post with a salary")
		}
	}
}

// checkCosts checks the other costs and the start-up items of the
// services.
func (in *Input) checkCosts(c *checker, services map[string]*Service) {
	for i, o := range in.Other {
		if services[o.Service] == nil {
			continue
		}
		line := hromada.T("інша витрата «%s» послуги %s", "other cost %q of service %s", o.Item, o.Service)
		if o.Basis != Fixed && o.Basis != PerClient {
			c.add("other", i, line, "Basis", "«%s» — не основа розрахунку; можливі: %s, %s", "%q is not a basis; allowed: %s, %s", o.Basis, Fixed, PerClient)
		}
		c.amount("other", i, line, "Amount", o.Amount)
		if o.KEKV == "" {
			c.add("other", i, line, "KEKV", "немає коду економічної класифікації (КЕКВ)", "no economic code (КЕКВ)")
		}
	}
	for i, s := range in.Startup {
		if services[s.Service] == nil {
			continue
		}
		line := hromada.T("стартова витрата «%s» послуги %s", "start-up item %q of service %s", s.Item, s.Service)
		c.amount("startup", i, line, "Amount", s.Amount)
		if s.Life < 1 {
			c.add("startup", i, line, "Life", "строк корисного використання %d років; задайте 1 або більше", "useful life of %d years: give 1 or more", s.Life)
		}
		if s.Year < 1 {
			c.add("startup", i, line, "Year", "%d — не рік", "%d is not a year", s.Year)
		}
		if s.KEKV == "" {
			c.add("startup", i, line, "KEKV", "немає коду економічної класифікації (КЕКВ)", "no economic code (КЕКВ)")
		}
	}
}

// checkParams checks the parameters and the revenue.
func (in *Input) checkParams(c *checker) {
	p := in.Params
	if !finite(p.ESV) || p.ESV < 0 || p.ESV >= 1 {
		c.add("params", -1, noLine, "ESV", "%v — не ставка внеску від 0 до 1", "%v is not a contribution rate between 0 and 1", p.ESV)
	}
	if len(p.MinimumWage) != in.Years {
		c.add("params", -1, noLine, "MinimumWage", "мінімальна зарплата на %d років, а років планування: %d", "%d years of minimum wage for %d planning years", len(p.MinimumWage), in.Years)
	} else {
		for t, months := range p.MinimumWage {
			for m, x := range months {
				c.amount("params", -1, noLine, fmt.Sprintf("MinimumWage[%d][%d]", t, m), x)
			}
		}
	}
	c.rates("WageGrowth", p.WageGrowth)
	c.rates("CPI", p.CPI)
	c.amount("params", -1, noLine, "Admin", p.Admin)
	c.amount("params", -1, noLine, "CapitalRate", p.CapitalRate)
	c.rate("params", -1, noLine, "Discount", p.Discount)
	r := in.Revenue
	c.amount("revenue", -1, noLine, "Revenue", r.Revenue)
	c.amount("revenue", -1, noLine, "Social", r.Social)
	c.rate("revenue", -1, noLine, "Growth", r.Growth)
	if r.Year < 0 {
		c.add("revenue", -1, noLine, "Year", "%d — не рік", "%d is not a year", r.Year)
	}
}

// skipped lists the cost rows and funding schedules whose service is not
// in the plan.
func (in *Input) skipped() []Skipped {
	has := map[string]bool{}
	for _, s := range in.Services {
		has[s.Code] = true
	}
	var out []Skipped
	for _, p := range in.Posts {
		if !has[p.Service] {
			out = append(out, Skipped{Kind: SkippedPost, Name: p.Post, Service: p.Service})
		}
	}
	for _, o := range in.Other {
		if !has[o.Service] {
			out = append(out, Skipped{Kind: SkippedOther, Name: o.Item, Service: o.Service})
		}
	}
	for _, s := range in.Startup {
		if !has[s.Service] {
			out = append(out, Skipped{Kind: SkippedStartup, Name: s.Item, Service: s.Service})
		}
	}
	for _, code := range sortedKeys(in.Funding.Services) {
		if !has[code] {
			out = append(out, Skipped{Kind: SkippedFunding, Service: code})
		}
	}
	return out
}

// Skipped is a cost row or funding schedule left out of every figure
// because its service is not in the plan (a service the planner dropped).
type Skipped struct {
	Kind    SkippedKind
	Name    string // the post or item; "" for a funding schedule
	Service string // classifier code
}

// SkippedKind says what a skipped row is.
type SkippedKind string

// Kinds of skipped rows.
const (
	SkippedPost    SkippedKind = "post"
	SkippedOther   SkippedKind = "other"
	SkippedStartup SkippedKind = "startup"
	SkippedFunding SkippedKind = "funding"
)

// String names the row in English, as error messages and JSON readers see
// it.
func (s Skipped) String() string {
	switch s.Kind {
	case SkippedPost:
		return fmt.Sprintf("post %q of service %s", s.Name, s.Service)
	case SkippedOther:
		return fmt.Sprintf("other cost %q of service %s", s.Name, s.Service)
	case SkippedStartup:
		return fmt.Sprintf("start-up item %q of service %s", s.Name, s.Service)
	}
	return "funding schedule of service " + s.Service
}

func anyPositive(v []float64) bool {
	for _, x := range v {
		if x > 0 {
			return true
		}
	}
	return false
}
