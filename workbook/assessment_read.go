package workbook

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
)

// DemandRow is one row of the Demand sheet of an assessment workbook: the
// demand of a group for a service, as the workbook holds it — possibly
// edited by a person. Numbers that are blank or suppressed are NaN.
type DemandRow struct {
	Row         int    // row of the sheet, for messages
	Sheet       string // the sheet's name as the workbook spells it, for messages
	PeopleCell  string // the reference of the demand's cell ("O12"), for messages
	Group       string // group ID; "all" and "any" as in package assess
	GroupName   string
	Service     string // service key (classifier code in a project)
	ServiceName string
	Unit        hromada.Unit // what People counts
	Basis       assess.Basis // registry or survey; "" when the column is absent
	Count       float64      // N_g
	CountUnit   hromada.Unit
	CountOf     string // the group whose count N_g is
	AsOf        string
	Rate        float64 // need rate in Unit per CountUnit; a share for families
	RateLow     float64
	RateUpp     float64
	People      float64 // demand: N_g × Rate, or as a person set it
	PeopleLow   float64
	PeopleUpp   float64
	// Suppressed is true when the workbook shows a note instead of the
	// numbers (too few respondents, or an unreliable estimate) in any of
	// the row's number cells. A person may have typed a number over the
	// note of the demand's cell: People then holds it, and the row is
	// still Suppressed (TypedOverSuppressed).
	Suppressed bool
	// NotObserved is true when the note says no respondent had the need:
	// not observed, which is not a demand of 0.
	NotObserved bool
	Reliability string // the reliability text as written
	Source      string // registry source
	Clients     string // where the clients come from, as written
}

// TypedOverSuppressed reports whether a number stands in the demand's cell
// of a row whose estimate the assessment suppressed (or did not observe):
// a person typed it over the note.
func (r DemandRow) TypedOverSuppressed() bool {
	return r.Suppressed && !math.IsNaN(r.People)
}

// demandSheetNames are the names the Demand sheet has in either language.
func demandSheetNames() []string {
	t := assessText["sheet.demand"]
	return []string{t.UK, t.EN}
}

// headerKey folds a header for matching: case, spaces and the characters
// Excel users put around names do not matter.
func headerKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("\u00a0", " ", "_", " ", "’", "'", "ʼ", "'").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// demandHeaders maps a folded header to a column key: the key itself and
// its Ukrainian and English labels.
func demandHeaders() map[string]string {
	m := map[string]string{}
	for _, c := range demandColumns {
		t := assessText["demand."+c.key]
		for _, h := range []string{c.key, t.UK, t.EN} {
			m[headerKey(h)] = c.key
		}
	}
	return m
}

// suppressedPrefixes start the note a suppressed cell holds, in either
// language: "suppressed: …", "приховано: …".
func suppressedPrefixes() []string {
	var out []string
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		s := tr(lang, "rel.suppressed", "")
		out = append(out, strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ":"))))
	}
	return out
}

func isSuppressedNote(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range suppressedPrefixes() {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return isNotObservedNote(s)
}

// isNotObservedNote reports whether s is the note of an estimate with no
// respondent in need, in either language: "not observed (upper bound …)".
func isNotObservedNote(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		if p := strings.ToLower(tr(lang, "rel.notobs.nobound")); strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// parseBasis reads a count basis in either language: "registry",
// "реєстр", "survey estimate", "оцінка з опитування", or the codes.
func parseBasis(s string) (assess.Basis, bool) {
	k := headerKey(s)
	for _, b := range []assess.Basis{assess.BasisRegistry, assess.BasisSurvey} {
		t := assessText["basis."+string(b)]
		if k == string(b) || k == headerKey(t.UK) || k == headerKey(t.EN) {
			return b, true
		}
	}
	if t := assessText["basis.respondents"]; k == headerKey(t.UK) || k == headerKey(t.EN) {
		return assess.BasisSurvey, true
	}
	return "", false
}

// ReadDemand reads the Demand sheet of the assessment workbook at path —
// "Demand" or «Потреба» — as plan uses it. Columns are found by their
// header in Ukrainian or English or by their key (docs/assessment-workbook.md),
// in any order; group_id, service_code and people must be there. The workbook may
// have been edited in Excel: an overridden demand is read as it stands, a
// removed row is absent, rows may be added.
//
// Every cell it cannot use is a problem naming file, sheet and cell: a
// text where a number belongs (other than the note of a suppressed
// estimate), an unknown unit or basis, a row without a group or service,
// a group and service given twice. Rows with problems of severity Error
// are left out; the others are returned. A blank demand is a warning: the
// row is kept with People NaN.
func ReadDemand(path string) (rows []DemandRow, ps hromada.Problems) {
	f, err := kobo.Open(path, xlsx.OpenOptions{})
	if err != nil {
		return nil, hromada.Problems{problemOf(err, path)}
	}
	defer func() {
		if err := f.Close(); err != nil {
			ps = append(ps, problemOf(err, path))
		}
	}()
	sheet := ""
	for _, s := range f.Sheets() {
		for _, name := range demandSheetNames() {
			if strings.EqualFold(strings.TrimSpace(s), name) {
				sheet = s
			}
		}
	}
	if sheet == "" {
		return nil, hromada.Problems{{
			Severity: hromada.Error, File: path,
			Msg:  hromada.Untranslated(fmt.Sprintf("the workbook has no sheet %q or %q", demandSheetNames()[1], demandSheetNames()[0])),
			Hint: hromada.Untranslated("give the assessment workbook that hromada assess wrote; its demand is on that sheet"),
		}}
	}
	t, err := f.Table(sheet)
	if err != nil {
		return nil, hromada.Problems{problemOf(err, path)}
	}
	defer func() {
		if err := t.Close(); err != nil {
			ps = append(ps, problemOf(err, path))
		}
	}()

	headers := demandHeaders()
	col := map[string]int{}
	for i, h := range t.Header() {
		key, ok := headers[headerKey(h)]
		if !ok {
			continue
		}
		if j, dup := col[key]; dup {
			ps = append(ps, hromada.Problem{Severity: hromada.Error, File: path, Sheet: sheet, Cell: t.HeaderRef(i),
				Msg:  hromada.Untranslated(fmt.Sprintf("columns %s and %s are both %q", ColumnName(j), ColumnName(i), key)),
				Hint: hromada.Untranslated("delete or rename one of them")})
			continue
		}
		col[key] = i
	}
	for _, key := range []string{"group_id", "service_code", "people"} {
		if _, ok := col[key]; !ok {
			t := assessText["demand."+key]
			ps = append(ps, hromada.Problem{Severity: hromada.Error, File: path, Sheet: sheet, Cell: "row 1",
				Msg:  hromada.Untranslated(fmt.Sprintf("no column %q (%q, %q)", t.EN, t.UK, key)),
				Hint: hromada.Untranslated("the header row of the Demand sheet must name the group, the service and the demand")})
		}
	}
	if ps.Errors() > 0 {
		return nil, ps
	}

	seen := map[[2]string]int{}
	for t.Next() {
		bad := false
		problem := func(key, msg, hint string) {
			p := t.Problem(col[key], msg, hint)
			ps = append(ps, p)
			bad = true
		}
		text := func(key string) string {
			c, ok := col[key]
			if !ok {
				return ""
			}
			s, err := t.Text(c)
			if err != nil {
				ps = append(ps, problemOf(err, path))
				bad = true
			}
			return s
		}
		r := DemandRow{Row: t.Line(), Sheet: sheet, PeopleCell: t.Ref(col["people"])}
		number := func(key string) float64 {
			c, ok := col[key]
			if !ok {
				return math.NaN()
			}
			raw := t.Row()[c]
			if isSuppressedNote(raw) {
				r.Suppressed = true
				r.NotObserved = r.NotObserved || isNotObservedNote(raw)
				return math.NaN()
			}
			v, ok, err := t.Number(c)
			if err != nil {
				var ie *xlsx.InputError
				if errors.As(err, &ie) {
					ie.Msg = hromada.T("%s (стовпець %q)", "%s (column %q)", ie.Msg, t.Header()[c])
					ps = append(ps, ie.Problem)
				} else {
					problem(key, err.Error(), "")
				}
				bad = true
				return math.NaN()
			}
			if !ok {
				return math.NaN()
			}
			return v
		}
		unit := func(key string) hromada.Unit {
			s := text(key)
			if s == "" {
				return ""
			}
			u, err := hromada.ParseUnit(s)
			if err != nil {
				problem(key, fmt.Sprintf("unit %q is not known", s), "allowed: families, children, persons (сімей, дітей, осіб)")
			}
			return u
		}
		r.Group, r.GroupName = text("group_id"), text("group_name")
		r.Service, r.ServiceName = text("service_code"), text("service_name")
		r.Unit, r.CountUnit = unit("unit"), unit("count_unit")
		if s := text("basis"); s != "" {
			b, ok := parseBasis(s)
			if !ok {
				problem("basis", fmt.Sprintf("count basis %q is not known", s),
					fmt.Sprintf("allowed: %s, %s (%s, %s)", assessText["basis.registry"].EN, assessText["basis.survey"].EN,
						assessText["basis.registry"].UK, assessText["basis.survey"].UK))
			}
			r.Basis = b
		}
		r.Count = number("count")
		r.CountOf, r.AsOf = text("count_of"), text("as_of")
		r.Rate, r.RateLow, r.RateUpp = number("rate"), number("rate_low"), number("rate_upp")
		r.People, r.PeopleLow, r.PeopleUpp = number("people"), number("people_low"), number("people_upp")
		r.Reliability, r.Source, r.Clients = text("reliability"), text("source"), text("clients")
		if r.Group == "" {
			problem("group_id", "the row has no group ID", "write the group's ID, as in the other rows, or delete the row")
		}
		if r.Service == "" {
			problem("service_code", "the row has no service code", "write the service's code, as in the other rows, or delete the row")
		}
		if math.IsNaN(r.People) && !r.Suppressed && !bad {
			p := t.Problem(col["people"], "the demand is blank", "write the number of clients, or delete the row")
			p.Severity = hromada.Warning
			ps = append(ps, p)
		}
		if !math.IsNaN(r.People) && r.People < 0 {
			problem("people", fmt.Sprintf("the demand %v is negative", r.People), "write the number of clients, 0 or more")
		}
		key := [2]string{r.Group, r.Service}
		if first, dup := seen[key]; dup && r.Group != "" && r.Service != "" {
			problem("service_code", fmt.Sprintf("the demand of group %q for service %q is given twice, in rows %d and %d", r.Group, r.Service, first, r.Row),
				"delete one of the rows")
		} else {
			seen[key] = r.Row
		}
		if !bad {
			rows = append(rows, r)
		}
	}
	if err := t.Err(); err != nil {
		ps = append(ps, problemOf(err, path))
	}
	ps = append(ps, t.Problems()...)
	return rows, ps
}

// problemOf turns an error of this package into a problem; others get the
// file only.
func problemOf(err error, path string) hromada.Problem {
	var ie *xlsx.InputError
	if errors.As(err, &ie) {
		p := ie.Problem
		p.Severity = hromada.Error
		return p
	}
	return hromada.Problem{Severity: hromada.Error, File: path, Msg: hromada.ErrText(err)}
}
