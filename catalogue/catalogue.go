// Package catalogue holds hromada's built-in service catalogue and reference
// parameters: the social services of the national classifier that a
// community plans (with their units, basic-service and minimum-package flags,
// caseload norms and budget programme), the population groups whose needs are
// estimated, dated budget parameters (minimum wage, ЄСВ, subsistence minimum,
// CPI forecast) and the budget classification codes a cost line maps to.
//
// Every row of the embedded files carries its source and an as-of date; a
// value for which no source was found is marked as an assumption or a
// placeholder in that source text (see SOURCES.md in this folder). A project
// overrides services with a table of the same columns: [Load] reads it from
// CSV, [FromRows] from rows another package has read from a workbook, and
// [Catalogue.Merge] lays it over the built-in catalogue.
package catalogue

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hromada-tool/hromada"
)

//go:embed services.csv groups.csv parameters.csv budget_codes.csv
var builtin embed.FS

// DefaultCoverage is the target share of demand a service is planned to
// cover when a row leaves coverage_target empty. It is a documented choice
// of hromada, not a norm.
const DefaultCoverage = 0.8

// ServiceColumns are the columns of a service table, in the order of the
// built-in services.csv. An override may hold them in any order; replaces
// is accepted in overrides only. key is the questionnaire's option name for
// the service (project.NeedOptions); an override row without a key keeps the
// key of the built-in row it replaces.
var ServiceColumns = []string{
	"code", "key", "name_uk", "name_en", "unit", "basic", "minimum_package",
	"caseload", "min_staff", "coverage_target", "uptake", "budget_programme",
	"source", "as_of",
}

// DefaultUptake is the share of a service's demand expected to use it
// when a row leaves uptake empty: 1, every person in need. It is a
// documented default of hromada; no source was found for another value.
const DefaultUptake = 1.0

// requiredOverride are the columns a project's override must have.
var requiredOverride = []string{"code", "name_uk", "unit", "basic", "minimum_package", "caseload", "source"}

var codePattern = regexp.MustCompile(`^[0-9]{3}\.[0-9]$`)

var programmePattern = regexp.MustCompile(`^[0-9]{4}$`)

var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// ValidCode reports whether code has the form of a code of the classifier of
// social services: three digits, a dot and one digit ("010.1").
func ValidCode(code string) bool { return codePattern.MatchString(code) }

// IsPlaceholder reports whether code is one of hromada's placeholder codes
// (9xx.x), used in the built-in catalogue for services whose classifier code
// could not be confirmed. A project replaces such a row by a row with the
// real code and replaces set to the placeholder.
func IsPlaceholder(code string) bool { return ValidCode(code) && code[0] == '9' }

// Row is a service of the catalogue with the fields the planning model does
// not carry in [hromada.Service].
type Row struct {
	hromada.Service
	BudgetProgramme string    // КПКВК МБ code the service's costs usually go to, e.g. "3121"
	AsOf            time.Time // date the row's source was consulted or is valid at
	Replaces        string    // in an override: code of a built-in row this row supersedes
}

// GroupRow is a population group with the source of its definition and weight.
type GroupRow struct {
	hromada.Group
	Source string
	// Plain is the source in plain words for council-facing sheets, in
	// both languages (columns source_uk, source_en); Source keeps the
	// research trail (SOURCES.md).
	Plain hromada.Text
}

// BudgetCode is a code of the budget classification: a programme code
// (kind "kpkvk", КПКВК МБ) or an economic code (kind "kekv", КЕКВ).
type BudgetCode struct {
	Kind   string
	Code   string
	Name   hromada.Text
	Source string
	Plain  hromada.Text // the source in plain words (source_uk, source_en)
}

// Parameter is one dated reference value: a value in force from ValidFrom to
// ValidTo inclusive (a zero ValidTo means open-ended).
type Parameter struct {
	Name      string
	Value     float64
	Unit      string
	ValidFrom time.Time
	ValidTo   time.Time
	Source    string
	Note      string
	// Plain is the source in plain words for council-facing sheets
	// (columns source_uk, source_en); Source keeps the research trail.
	Plain hromada.Text
}

// In reports whether the parameter is in force on date.
func (p Parameter) In(date time.Time) bool {
	d := day(date)
	if d.Before(p.ValidFrom) {
		return false
	}
	return p.ValidTo.IsZero() || !d.After(p.ValidTo)
}

// Catalogue is a set of services keyed by classifier code, with the groups,
// parameters and budget codes that came with it.
type Catalogue struct {
	rows     map[string]Row
	groups   []GroupRow
	params   *Parameters
	codes    []BudgetCode
	warnings hromada.Problems
}

// Default returns the built-in catalogue parsed from the embedded files.
// Each call returns a fresh catalogue that the caller may keep.
func Default() (*Catalogue, error) {
	var all hromada.Problems
	read := func(name string) *table {
		data, err := builtin.ReadFile(name)
		if err != nil {
			all = append(all, hromada.Problem{File: name, Msg: hromada.ErrText(err)})
			return nil
		}
		t, ps := readCSV(bytes.NewReader(data), name)
		all = append(all, ps...)
		return t
	}
	c := &Catalogue{rows: map[string]Row{}}
	if t := read("services.csv"); t != nil {
		rows, ps := parseServices(t, true)
		all = append(all, ps...)
		for _, r := range rows {
			c.rows[r.Code] = r
		}
	}
	if t := read("groups.csv"); t != nil {
		gs, ps := parseGroups(t)
		all = append(all, ps...)
		c.groups = gs
	}
	if t := read("parameters.csv"); t != nil {
		p, ps := parseParameters(t)
		all = append(all, ps...)
		c.params = p
	}
	if t := read("budget_codes.csv"); t != nil {
		bc, ps := parseBudgetCodes(t)
		all = append(all, ps...)
		c.codes = bc
	}
	if err := all.Err(); err != nil {
		return nil, err
	}
	c.warnings = all
	return c, nil
}

// Load reads a project's service override from CSV (comma or semicolon
// separated, UTF-8 with or without BOM). Columns are matched by header in any
// order; see [ServiceColumns]. name is the path as the user gave it and is
// used in problems. The error, when not nil, is a [hromada.Problems] naming
// file, line and column of every problem found.
func Load(r io.Reader, name string) (*Catalogue, error) {
	t, ps := readCSV(r, name)
	if t == nil {
		return nil, ps.Err()
	}
	c, err := fromTable(t)
	if err != nil {
		var more hromada.Problems
		if errors.As(err, &more) {
			return nil, append(ps, more...)
		}
		return nil, err
	}
	c.warnings = append(ps, c.warnings...)
	return c, nil
}

// FromRows builds a service override from a header row and data rows as read
// from a sheet by another package: rows[i] is sheet row i+2. Problems name
// name and the A1 cell. The error, when not nil, is a [hromada.Problems].
func FromRows(header []string, rows [][]string, name string) (*Catalogue, error) {
	t := &table{file: name, header: header, rows: rows, loc: a1Locator}
	return fromTable(t)
}

func fromTable(t *table) (*Catalogue, error) {
	rows, ps := parseServices(t, false)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	c := &Catalogue{rows: map[string]Row{}, warnings: ps}
	for _, r := range rows {
		c.rows[r.Code] = r
	}
	return c, nil
}

// Warnings returns the problems of severity Warning found while reading the
// catalogue (for example, an unknown column that was ignored).
func (c *Catalogue) Warnings() hromada.Problems { return c.warnings }

// Service returns the service with code, and whether there is one.
func (c *Catalogue) Service(code string) (hromada.Service, bool) {
	r, ok := c.rows[strings.TrimSpace(code)]
	return r.Service, ok
}

// Row returns the full row of the service with code, and whether there is one.
func (c *Catalogue) Row(code string) (Row, bool) {
	r, ok := c.rows[strings.TrimSpace(code)]
	return r, ok
}

// ByKey returns the service whose questionnaire key is key, and whether there
// is one.
func (c *Catalogue) ByKey(key string) (hromada.Service, bool) {
	for _, r := range c.Rows() {
		if r.Key == key {
			return r.Service, true
		}
	}
	return hromada.Service{}, false
}

// Services returns all services ordered by code.
func (c *Catalogue) Services() []hromada.Service {
	rows := c.Rows()
	out := make([]hromada.Service, len(rows))
	for i, r := range rows {
		out[i] = r.Service
	}
	return out
}

// Rows returns all service rows ordered by code.
func (c *Catalogue) Rows() []Row {
	out := make([]Row, 0, len(c.rows))
	for _, r := range c.rows {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Merge returns a new catalogue: c's services with every row of override laid
// over them. A row of override replaces c's row with the same code; a row
// with a new code is added; a row whose Replaces names a code of c also
// removes that row (the way to put a real classifier code in place of a
// placeholder). A row without a key keeps the key of the row it replaces,
// so the questionnaire still finds it. Groups, parameters and budget codes come from override when
// it has them, from c otherwise. Neither c nor override is changed.
func (c *Catalogue) Merge(override *Catalogue) *Catalogue {
	out := &Catalogue{
		rows:     make(map[string]Row, len(c.rows)),
		groups:   c.groups,
		params:   c.params,
		codes:    c.codes,
		warnings: append(hromada.Problems{}, c.warnings...),
	}
	for k, v := range c.rows {
		out.rows[k] = v
	}
	if override == nil {
		return out
	}
	for k, v := range override.rows {
		if v.Key == "" {
			if old, ok := out.rows[k]; ok {
				v.Key = old.Key
			} else if old, ok := out.rows[v.Replaces]; ok && v.Replaces != "" {
				v.Key = old.Key
			}
		}
		out.rows[k] = v
	}
	for k, v := range override.rows {
		if v.Replaces != "" && v.Replaces != k {
			delete(out.rows, v.Replaces)
		}
	}
	if len(override.groups) > 0 {
		out.groups = override.groups
	}
	if override.params != nil {
		out.params = override.params
	}
	if len(override.codes) > 0 {
		out.codes = override.codes
	}
	out.warnings = append(out.warnings, override.warnings...)
	return out
}

// Groups returns the population groups in file order.
func (c *Catalogue) Groups() []hromada.Group {
	out := make([]hromada.Group, len(c.groups))
	for i, g := range c.groups {
		out[i] = g.Group
	}
	return out
}

// GroupRows returns the population groups with their sources.
func (c *Catalogue) GroupRows() []GroupRow { return append([]GroupRow(nil), c.groups...) }

// Parameters returns the dated reference parameters; never nil.
func (c *Catalogue) Parameters() *Parameters {
	if c.params == nil {
		return &Parameters{}
	}
	return c.params
}

// BudgetCodes returns the budget classification codes in file order.
func (c *Catalogue) BudgetCodes() []BudgetCode { return append([]BudgetCode(nil), c.codes...) }

// BudgetCode returns the budget code of kind ("kpkvk" or "kekv") and code.
func (c *Catalogue) BudgetCode(kind, code string) (BudgetCode, bool) {
	for _, b := range c.codes {
		if b.Kind == kind && b.Code == code {
			return b, true
		}
	}
	return BudgetCode{}, false
}

// Parameters are dated reference values, typed access included.
type Parameters struct {
	rows []Parameter
}

// Names of the parameters the typed accessors read.
const (
	ParamMinimumWage        = "minimum_wage_monthly"
	ParamMinimumWageHourly  = "minimum_wage_hourly"
	ParamESV                = "esv_rate"
	ParamSubsistenceMinimum = "subsistence_minimum_general"
	ParamCPIForecast        = "cpi_forecast"
	ParamWorkingHours       = "working_hours_per_year"
	// ParamWageGrowthForecast is the forecast growth of the pay of social
	// services staff, one row a year (the minimum wage path; the last row
	// holds for later years).
	ParamWageGrowthForecast = "wage_growth_forecast"
	// ParamNewPostsPer1000High is the number of new posts per 1,000
	// residents above which a plan is flagged as implausible.
	ParamNewPostsPer1000High = "new_posts_per_1000_high"
	// ParamWorkforceGrowthHigh is the ratio of staff after the plan to the
	// staff of the provider inventory above which a plan is flagged (2 = the
	// plan more than doubles the staff).
	ParamWorkforceGrowthHigh = "workforce_growth_high"
)

// NeedsAssessmentProcedure cites the national procedure a community follows
// to determine its residents' needs for social services, for the Methods
// sheets: MinSocPolicy order 130-Н of 19.04.2023, registered by the Ministry
// of Justice on 11.07.2023 No 1169/40225 (issued under art. 25 part 3 of the
// Law "On Social Services"; it replaced order 28 of 20.01.2014). Title and
// registration as read on docs.dtkt.ua/doc/z1169-23 (see SOURCES.md).
var NeedsAssessmentProcedure = hromada.Text{
	UK: "Порядок визначення потреб населення адміністративно-територіальної одиниці/територіальної громади у соціальних послугах, затверджений наказом Міністерства соціальної політики України від 19.04.2023 № 130-Н, зареєстрованим у Міністерстві юстиції України 11.07.2023 за № 1169/40225",
	EN: "Procedure for determining the needs of the population of an administrative-territorial unit / territorial community for social services, approved by order of the Ministry of Social Policy of Ukraine No 130-Н of 19.04.2023, registered by the Ministry of Justice on 11.07.2023 under No 1169/40225",
}

// All returns every parameter row in file order.
func (p *Parameters) All() []Parameter { return append([]Parameter(nil), p.rows...) }

// PlainSources are the sources in plain words (Parameter.Plain) of the
// rows of parameter name in force on some day from from to to, each
// once, in the order of the file; a row without one gives its Source.
func (p *Parameters) PlainSources(name string, from, to time.Time) []hromada.Text {
	var out []hromada.Text
	seen := map[hromada.Text]bool{}
	for _, r := range p.rows {
		if r.Name != name || r.ValidFrom.After(day(to)) || (!r.ValidTo.IsZero() && r.ValidTo.Before(day(from))) {
			continue
		}
		t := r.Plain
		if t.IsZero() {
			t = hromada.Text{UK: r.Source, EN: r.Source}
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// Value returns the value of the parameter name in force on date, and whether
// one is. When periods overlap, the one that started last wins.
func (p *Parameters) Value(name string, date time.Time) (float64, bool) {
	r, ok := p.Get(name, date)
	return r.Value, ok
}

// Get returns the row of the parameter name in force on date, with its
// source, and whether one is. When periods overlap, the one that started
// last wins.
func (p *Parameters) Get(name string, date time.Time) (Parameter, bool) {
	var best *Parameter
	for i := range p.rows {
		r := &p.rows[i]
		if r.Name != name || !r.In(date) {
			continue
		}
		if best == nil || r.ValidFrom.After(best.ValidFrom) {
			best = r
		}
	}
	if best == nil {
		return Parameter{}, false
	}
	return *best, true
}

// PlanLimits returns the plausibility limits of a plan whose first year is
// year, in force on 1 July of that year: the top of the band of new posts
// per 1,000 residents with its source, and the factor of growth of the
// existing staff. A limit the catalogue does not give is 0 (source ""),
// which package plan reads as its documented default.
func (p *Parameters) PlanLimits(year int) (postsPer1000 float64, source string, workforceGrowth float64) {
	at := time.Date(year, 7, 1, 0, 0, 0, 0, time.UTC)
	if r, ok := p.Get(ParamNewPostsPer1000High, at); ok {
		postsPer1000, source = r.Value, r.Source
	}
	if r, ok := p.Get(ParamWorkforceGrowthHigh, at); ok {
		workforceGrowth = r.Value
	}
	return postsPer1000, source, workforceGrowth
}

// MinimumWage returns the monthly minimum wage (UAH) in force on date, or 0
// when the catalogue has none for that date.
func (p *Parameters) MinimumWage(date time.Time) float64 {
	v, _ := p.Value(ParamMinimumWage, date)
	return v
}

// MinimumWageMonths returns the monthly minimum wage in force on the first
// day of each month of year (index 0 = January). Steps in Ukraine take effect
// on the first day of a month.
func (p *Parameters) MinimumWageMonths(year int) [12]float64 {
	var out [12]float64
	for m := range 12 {
		out[m] = p.MinimumWage(time.Date(year, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC))
	}
	return out
}

// MinimumWageYear returns the sum of the monthly minimum wage over the twelve
// months of year, so a step inside the year counts only from its month.
func (p *Parameters) MinimumWageYear(year int) float64 {
	s := 0.0
	for _, v := range p.MinimumWageMonths(year) {
		s += v
	}
	return s
}

// ESVRate returns the employer's single social contribution rate (share of
// payroll, 0.22 = 22 %) in force on date, or 0 when unknown.
func (p *Parameters) ESVRate(date time.Time) float64 {
	v, _ := p.Value(ParamESV, date)
	return v
}

// SubsistenceMinimum returns the general subsistence minimum per person per
// month (UAH) in force on date, or 0 when unknown.
func (p *Parameters) SubsistenceMinimum(date time.Time) float64 {
	v, _ := p.Value(ParamSubsistenceMinimum, date)
	return v
}

// CPIForecast returns the consumer price growth (share, 0.099 = 9.9 %)
// assumed for year, and whether there is one.
func (p *Parameters) CPIForecast(year int) (float64, bool) {
	return p.Value(ParamCPIForecast, time.Date(year, 7, 1, 0, 0, 0, 0, time.UTC))
}

// WageGrowthForecast returns the forecast growth of staff pay (share,
// 0.081 = 8.1 %) for year, and whether there is one. The last row is
// open-ended, so years after it hold its value.
func (p *Parameters) WageGrowthForecast(year int) (float64, bool) {
	return p.Value(ParamWageGrowthForecast, time.Date(year, 7, 1, 0, 0, 0, 0, time.UTC))
}

// NewPostsPer1000High returns the new posts per 1,000 residents above which
// a plan starting on date is flagged, and whether the catalogue has one.
func (p *Parameters) NewPostsPer1000High(date time.Time) (float64, bool) {
	return p.Value(ParamNewPostsPer1000High, date)
}

// WorkforceGrowthHigh returns the ratio of staff after the plan to existing
// staff above which a plan starting on date is flagged, and whether the
// catalogue has one.
func (p *Parameters) WorkforceGrowthHigh(date time.Time) (float64, bool) {
	return p.Value(ParamWorkforceGrowthHigh, date)
}

// WorkingHours returns the working hours of a full-time post in year, and
// whether there is a value.
func (p *Parameters) WorkingHours(year int) (float64, bool) {
	return p.Value(ParamWorkingHours, time.Date(year, 7, 1, 0, 0, 0, 0, time.UTC))
}

// ---- reading tables ----

// table is a header and data rows with a way to name a cell.
type table struct {
	file   string
	header []string
	rows   [][]string
	lines  []int // line of each row in a CSV file; nil for sheet rows
	hline  int   // line of the header in a CSV file
	loc    func(t *table, row, col int) string
}

// readCSV reads a whole CSV file; row -1 addresses the header.
func readCSV(r io.Reader, name string) (*table, hromada.Problems) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, hromada.Problems{{File: name, Msg: hromada.T("не вдається прочитати файл: %v", "cannot read the file: %v", err)}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sniffComma(data)
	cr.FieldsPerRecord = -1
	t := &table{file: name, loc: csvLocator}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, hromada.Problems{{File: name,
					Cell: fmt.Sprintf("line %d, column %d", pe.Line, pe.Column),
					Msg:  notCSV(pe.Err),
					Hint: hromada.T("візьміть значення, що містить роздільник або лапки, у подвійні лапки, а кожну лапку всередині подвойте",
						"put a value that holds the separator or a quote in double quotes, and double any quote inside it")}}
			}
			return nil, hromada.Problems{{File: name, Msg: notCSV(err)}}
		}
		line, _ := cr.FieldPos(0)
		if t.header == nil {
			t.header, t.hline = rec, line
			continue
		}
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
	}
	if t.header == nil {
		return nil, hromada.Problems{{File: name, Msg: hromada.T("файл порожній", "the file is empty"),
			Hint: hromada.T("перший рядок має містити назви стовпців: %s", "the first line must name the columns: %s", strings.Join(ServiceColumns, ", "))}}
	}
	return t, nil
}

// notCSV says that a file breaks the rules of CSV, with the reader's words
// (which encoding/csv gives in English).
func notCSV(err error) hromada.Text {
	return hromada.T("файл не є правильним CSV: %v", "the file is not valid CSV: %v", err)
}

func sniffComma(data []byte) rune {
	first := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		first = data[:i]
	}
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		return ';'
	}
	return ','
}

func csvLocator(t *table, row, col int) string {
	line := t.hline
	if row >= 0 && row < len(t.lines) {
		line = t.lines[row]
	}
	if col < 0 {
		return fmt.Sprintf("line %d", line)
	}
	return fmt.Sprintf("line %d, column %d (%s)", line, col+1, t.colName(col))
}

func a1Locator(t *table, row, col int) string {
	r := row + 2
	if row < 0 {
		r = 1
	}
	if col < 0 {
		return fmt.Sprintf("row %d", r)
	}
	return fmt.Sprintf("%s%d (%s)", columnLetters(col), r, t.colName(col))
}

// where is a row's location as a message says where something is: "line
// 2" or "row 3" in English, «рядку 2», «рядку 3» in Ukrainian.
func where(loc string) hromada.Text {
	for _, p := range []string{"line ", "row "} {
		if n, ok := strings.CutPrefix(loc, p); ok {
			return hromada.Text{UK: "рядку " + n, EN: loc}
		}
	}
	return hromada.Text{UK: loc, EN: loc}
}

func (t *table) colName(col int) string {
	if col < len(t.header) {
		if h := strings.TrimSpace(t.header[col]); h != "" {
			return h
		}
	}
	return "no header"
}

func columnLetters(col int) string {
	s := ""
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		s = string(rune('A'+(n-1)%26)) + s
	}
	return s
}

func normHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.NewReplacer(" ", "_", "-", "_").Replace(h)
	return h
}

// schema binds a table's header to known columns.
type schema struct {
	t   *table
	col map[string]int
	ps  hromada.Problems
}

func bind(t *table, known, required []string) *schema {
	s := &schema{t: t, col: map[string]int{}}
	isKnown := map[string]bool{}
	for _, k := range known {
		isKnown[k] = true
	}
	for i, h := range t.header {
		n := normHeader(h)
		switch {
		case n == "":
			continue
		case !isKnown[n]:
			s.warn(-1, i, hromada.T("стовпець %q невідомий, його пропущено", "column %q is not known and is ignored", strings.TrimSpace(h)),
				hromada.T("відомі стовпці: %s", "known columns: %s", strings.Join(known, ", ")))
		case s.has(n):
			s.fail(-1, i, hromada.T("стовпець %q трапляється двічі", "column %q appears twice", n),
				hromada.T("уперше в стовпці %d; залиште один", "first in column %d; keep one", s.col[n]+1))
		default:
			s.col[n] = i
		}
	}
	var missing []string
	for _, r := range required {
		if !s.has(r) {
			missing = append(missing, r)
		}
	}
	if len(missing) > 0 {
		s.fail(-1, -1, hromada.T("немає стовпців: %s", "missing column(s): %s", strings.Join(missing, ", ")),
			hromada.T("рядок заголовків має містити: %s", "the header row must name: %s", strings.Join(required, ", ")))
	}
	return s
}

func (s *schema) has(name string) bool { _, ok := s.col[name]; return ok }

func (s *schema) get(row int, name string) string {
	i, ok := s.col[name]
	if !ok || i >= len(s.t.rows[row]) {
		return ""
	}
	return strings.TrimSpace(s.t.rows[row][i])
}

func (s *schema) problem(sev hromada.Severity, row, col int, msg, hint hromada.Text) {
	s.ps = append(s.ps, hromada.Problem{Severity: sev, File: s.t.file, Cell: s.t.loc(s.t, row, col), Msg: msg, Hint: hint})
}

func (s *schema) fail(row, col int, msg, hint hromada.Text) {
	s.problem(hromada.Error, row, col, msg, hint)
}
func (s *schema) warn(row, col int, msg, hint hromada.Text) {
	s.problem(hromada.Warning, row, col, msg, hint)
}

// failAt reports a problem in the cell of column name.
func (s *schema) failAt(row int, name string, msg, hint hromada.Text) {
	s.fail(row, s.colIndex(name), msg, hint)
}

func (s *schema) colIndex(name string) int {
	if i, ok := s.col[name]; ok {
		return i
	}
	return -1
}

// blank reports whether a data row has no value at all.
func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// checkWidth reports values beyond the header.
func (s *schema) checkWidth(row int) {
	for i := len(s.t.header); i < len(s.t.rows[row]); i++ {
		if strings.TrimSpace(s.t.rows[row][i]) != "" {
			s.fail(row, i, hromada.T("значення стоїть у стовпці без заголовка", "a value stands in a column without a header"),
				hromada.T("видаліть його або назвіть стовпець у рядку заголовків", "remove it or name the column in the header row"))
			return
		}
	}
}

func (s *schema) str(row int, name string, required bool) string {
	v := s.get(row, name)
	if v == "" && required {
		s.failAt(row, name, empty(name), hromada.Text{})
	}
	return v
}

// unit reads the required column "unit" of a row; a unit hromada does not
// know is a problem of the cell.
func (s *schema) unit(row int) hromada.Unit {
	raw := s.str(row, "unit", true)
	if raw == "" {
		return ""
	}
	u, err := hromada.ParseUnit(raw)
	if err != nil {
		s.failAt(row, "unit", unknownUnit(raw), hromada.Text{})
	}
	return u
}

// plain reads the optional columns "source_uk" and "source_en" of a row:
// the source in plain words for the reader of a workbook.
func (s *schema) plain(row int) hromada.Text {
	return hromada.Text{UK: s.str(row, "source_uk", false), EN: s.str(row, "source_en", false)}
}

// empty says that the cell of column name is empty.
func empty(name string) hromada.Text {
	return hromada.T("%s не заповнено", "%s is empty", name)
}

func (s *schema) number(row int, name string, required bool, def float64, ok func(float64) bool, rule hromada.Text) float64 {
	raw := s.get(row, name)
	give := func() hromada.Text { return hromada.T("вкажіть %s", "give %s", rule) }
	if raw == "" {
		if required {
			s.failAt(row, name, empty(name), give())
		}
		return def
	}
	v, err := parseNumber(raw)
	if err != nil {
		s.failAt(row, name, hromada.T("%s %q — не число", "%s %q is not a number", name, raw), give())
		return def
	}
	if !ok(v) {
		s.failAt(row, name, hromada.T("%s %s — поза допустимими межами", "%s %s is out of range", name, raw), give())
		return def
	}
	return v
}

func (s *schema) flag(row int, name string) bool {
	raw := s.get(row, name)
	v, err := parseBool(raw)
	if err != nil {
		s.failAt(row, name, hromada.T("%s %q — не «так» і не «ні»", "%s %q is not yes or no", name, raw),
			hromada.T("дозволено: так, ні (yes, no, true, false, 1, 0)", "allowed: yes, no (так, ні, true, false, 1, 0)"))
	}
	return v
}

func (s *schema) date(row int, name string, required bool) time.Time {
	raw := s.get(row, name)
	if raw == "" {
		if required {
			s.failAt(row, name, empty(name), hromada.T("вкажіть дату як РРРР-ММ-ДД", "give a date as YYYY-MM-DD"))
		}
		return time.Time{}
	}
	d, err := parseDate(raw)
	if err != nil {
		s.failAt(row, name, hromada.T("%s %q — не дата", "%s %q is not a date", name, raw),
			hromada.T("вкажіть дату як РРРР-ММ-ДД або ДД.ММ.РРРР", "give a date as YYYY-MM-DD or DD.MM.YYYY"))
	}
	return d
}

// unknownUnit says that raw is not a unit, as hromada.ParseUnit does in
// English.
func unknownUnit(raw string) hromada.Text {
	return hromada.T("одиниця %q невідома; дозволено: family, child, person (сім'я, дитина, особа)", "unit %q is not known; allowed: family, child, person", raw)
}

func parseNumber(raw string) (float64, error) {
	s := strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(raw)
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSuffix(s, "%")
	if strings.Contains(s, ",") && !strings.Contains(s, ".") {
		s = strings.ReplaceAll(s, ",", ".")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("not a number: %q", raw)
	}
	if pct {
		v /= 100
	}
	return v, nil
}

func parseBool(raw string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "yes", "y", "true", "1", "так", "т", "x", "✓":
		return true, nil
	case "no", "n", "false", "0", "ні", "н", "":
		return false, nil
	}
	return false, fmt.Errorf("not yes or no: %q", raw)
}

func parseDate(raw string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "02.01.2006"} {
		if d, err := time.Parse(layout, strings.TrimSpace(raw)); err == nil {
			return d, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", raw)
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ---- the four tables ----

func parseServices(t *table, builtIn bool) ([]Row, hromada.Problems) {
	known := append(append([]string{}, ServiceColumns...), "replaces", "source_uk", "source_en")
	required := requiredOverride
	if builtIn {
		required = ServiceColumns
	}
	s := bind(t, known, required)
	if s.ps.Err() != nil {
		return nil, s.ps
	}
	var out []Row
	first := map[string]int{}
	firstKey := map[string]int{}
	for i, rec := range t.rows {
		if blank(rec) {
			continue
		}
		s.checkWidth(i)
		var r Row
		r.Code = s.str(i, "code", true)
		if r.Code != "" && !ValidCode(r.Code) {
			s.failAt(i, "code", hromada.T("код %q — не код класифікатора соціальних послуг", "code %q is not a code of the classifier of social services", r.Code),
				hromada.T("напишіть три цифри, крапку й цифру, напр. 010.1", "write three digits, a dot and a digit, e.g. 010.1"))
		}
		if j, dup := first[r.Code]; dup && r.Code != "" {
			s.failAt(i, "code", hromada.T("код %s трапляється двічі", "code %s appears twice", r.Code),
				hromada.T("уперше в %s; залиште один рядок на послугу", "first at %s; keep one row per service", where(t.loc(t, j, -1))))
		} else if r.Code != "" {
			first[r.Code] = i
		}
		r.Key = s.str(i, "key", builtIn)
		if r.Key != "" {
			if !keyPattern.MatchString(r.Key) {
				s.failAt(i, "key", hromada.T("ключ %q — не коротка назва", "key %q is not a short name", r.Key),
					hromada.T("пишіть малі латинські літери, цифри і _, напр. early_intervention", "use lower-case Latin letters, digits and _, e.g. early_intervention"))
			} else if j, dup := firstKey[r.Key]; dup {
				s.failAt(i, "key", hromada.T("ключ %s трапляється двічі", "key %s appears twice", r.Key),
					hromada.T("уперше в %s; кожна послуга потребує власного ключа", "first at %s; each service needs its own key", where(t.loc(t, j, -1))))
			} else {
				firstKey[r.Key] = i
			}
		}
		r.Name.UK = s.str(i, "name_uk", true)
		r.Name.EN = s.str(i, "name_en", builtIn)
		r.Unit = s.unit(i)
		r.Basic = s.flag(i, "basic")
		r.MinimumPackage = s.flag(i, "minimum_package")
		r.Caseload = s.number(i, "caseload", true, 0, func(v float64) bool { return v > 0 }, hromada.T("кількість клієнтів, яких один фахівець на повну ставку обслуговує за рік, число більше 0", "clients one full-time specialist serves in a year, a number above 0"))
		r.MinStaff = s.number(i, "min_staff", builtIn, 0, func(v float64) bool { return v >= 0 }, hromada.T("найменшу кількість ставок, потрібну новій послузі, 0 або більше", "the least staff (FTE) a new service needs, 0 or more"))
		r.Coverage = s.number(i, "coverage_target", builtIn, DefaultCoverage, func(v float64) bool { return v > 0 && v <= 1 }, hromada.T("частку більше 0 і не більше 1 (0.8 або 80%)", "a share above 0 and at most 1 (0.8 or 80%)"))
		r.Uptake = s.number(i, "uptake", builtIn, DefaultUptake, func(v float64) bool { return v > 0 && v <= 1 }, hromada.T("частку більше 0 і не більше 1 (1: послугою користуються всі, хто її потребує)", "a share above 0 and at most 1 (1: everyone in need uses the service)"))
		r.BudgetProgramme = s.str(i, "budget_programme", false)
		if r.BudgetProgramme != "" && !programmePattern.MatchString(r.BudgetProgramme) {
			s.failAt(i, "budget_programme", hromada.T("бюджетна програма %q — не чотиризначний код КПКВК МБ", "budget programme %q is not a four-digit КПКВК МБ code", r.BudgetProgramme),
				hromada.T("напр. 3121; залиште порожнім, якщо код невідомий", "e.g. 3121; leave empty if unknown"))
		}
		r.Source = s.str(i, "source", true)
		r.Plain = s.plain(i)
		r.AsOf = s.date(i, "as_of", builtIn)
		r.Replaces = s.str(i, "replaces", false)
		if r.Replaces != "" {
			switch {
			case !ValidCode(r.Replaces):
				s.failAt(i, "replaces", hromada.T("replaces %q — не код класифікатора", "replaces %q is not a classifier code", r.Replaces),
					hromada.T("вкажіть код вбудованого рядка, який замінює цей рядок, напр. 901.0", "give the code of the built-in row this row supersedes, e.g. 901.0"))
			case r.Replaces == r.Code:
				s.failAt(i, "replaces", hromada.T("рядок не може замінювати власний код", "a row cannot replace its own code"),
					hromada.T("залиште replaces порожнім, щоб замінити рядок із тим самим кодом", "leave replaces empty to override the row with the same code"))
			}
		}
		out = append(out, r)
	}
	return out, s.ps
}

func parseGroups(t *table) ([]GroupRow, hromada.Problems) {
	cols := []string{"id", "name_uk", "name_en", "unit", "vulnerability", "source", "source_uk", "source_en"}
	s := bind(t, cols, cols[:6])
	if s.ps.Err() != nil {
		return nil, s.ps
	}
	var out []GroupRow
	seen := map[string]bool{}
	for i, rec := range t.rows {
		if blank(rec) {
			continue
		}
		s.checkWidth(i)
		var g GroupRow
		g.ID = s.str(i, "id", true)
		if seen[g.ID] {
			s.failAt(i, "id", hromada.T("група %s трапляється двічі", "group %s appears twice", g.ID), hromada.Text{})
		}
		seen[g.ID] = true
		g.Name.UK = s.str(i, "name_uk", true)
		g.Name.EN = s.str(i, "name_en", true)
		g.Unit = s.unit(i)
		g.Vulnerability = s.number(i, "vulnerability", true, 1, func(v float64) bool { return v > 0 }, hromada.T("вагу більше 0; 1 — звичайна", "a weight above 0, 1 = ordinary"))
		g.Source = s.str(i, "source", true)
		g.Plain = s.plain(i)
		out = append(out, g)
	}
	return out, s.ps
}

func parseParameters(t *table) (*Parameters, hromada.Problems) {
	cols := []string{"name", "value", "unit", "valid_from", "valid_to", "source", "note", "source_uk", "source_en"}
	s := bind(t, cols, []string{"name", "value", "unit", "valid_from", "valid_to", "source"})
	if s.ps.Err() != nil {
		return nil, s.ps
	}
	p := &Parameters{}
	for i, rec := range t.rows {
		if blank(rec) {
			continue
		}
		s.checkWidth(i)
		var r Parameter
		r.Name = s.str(i, "name", true)
		r.Value = s.number(i, "value", true, 0, func(float64) bool { return true }, hromada.T("число", "a number"))
		r.Unit = s.str(i, "unit", true)
		r.ValidFrom = s.date(i, "valid_from", true)
		r.ValidTo = s.date(i, "valid_to", false)
		if !r.ValidTo.IsZero() && r.ValidTo.Before(r.ValidFrom) {
			s.failAt(i, "valid_to", hromada.T("valid_to раніше за valid_from", "valid_to is before valid_from"), hromada.Text{})
		}
		r.Source = s.str(i, "source", true)
		r.Note = s.str(i, "note", false)
		r.Plain = s.plain(i)
		p.rows = append(p.rows, r)
	}
	return p, s.ps
}

func parseBudgetCodes(t *table) ([]BudgetCode, hromada.Problems) {
	cols := []string{"kind", "code", "name_uk", "name_en", "source", "source_uk", "source_en"}
	s := bind(t, cols, cols[:5])
	if s.ps.Err() != nil {
		return nil, s.ps
	}
	var out []BudgetCode
	for i, rec := range t.rows {
		if blank(rec) {
			continue
		}
		s.checkWidth(i)
		var b BudgetCode
		b.Kind = s.str(i, "kind", true)
		if b.Kind != "kpkvk" && b.Kind != "kekv" {
			s.failAt(i, "kind", hromada.T("вид %q невідомий", "kind %q is not known", b.Kind), hromada.T("дозволено: kpkvk, kekv", "allowed: kpkvk, kekv"))
		}
		b.Code = s.str(i, "code", true)
		if !programmePattern.MatchString(b.Code) {
			s.failAt(i, "code", hromada.T("код %q — не чотири цифри", "code %q is not four digits", b.Code), hromada.Text{})
		}
		b.Name.UK = s.str(i, "name_uk", true)
		b.Name.EN = s.str(i, "name_en", true)
		b.Source = s.str(i, "source", true)
		b.Plain = s.plain(i)
		out = append(out, b)
	}
	return out, s.ps
}
