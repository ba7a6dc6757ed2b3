package assessbook

import (
	"errors"
	"math"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/workbook"
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

// demandHeaders maps a folded header to a column key: the key itself and
// its Ukrainian and English labels.
func demandHeaders() map[string]string {
	m := map[string]string{}
	for _, c := range demandColumns {
		t := assessText["demand."+c.key]
		for _, h := range []string{c.key, t.UK, t.EN} {
			m[workbook.HeaderKey(h)] = c.key
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
	k := workbook.HeaderKey(s)
	for _, b := range []assess.Basis{assess.BasisRegistry, assess.BasisSurvey} {
		t := assessText["basis."+string(b)]
		if k == string(b) || k == workbook.HeaderKey(t.UK) || k == workbook.HeaderKey(t.EN) {
			return b, true
		}
	}
	if t := assessText["basis.respondents"]; k == workbook.HeaderKey(t.UK) || k == workbook.HeaderKey(t.EN) {
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
		return nil, hromada.Problems{workbook.ProblemOf(err, path)}
	}
	defer workbook.CloseInto(f, path, &ps)
	sheet := demandSheet(f)
	if sheet == "" {
		return nil, hromada.Problems{{
			Severity: hromada.Error, File: path,
			Msg:  hromada.T("у робочій книзі немає аркуша «%s» чи «%s»", "the workbook has no sheet %q or %q", demandSheetNames()[1], demandSheetNames()[0]),
			Hint: hromada.T("укажіть робочу книгу оцінки, яку записала hromada assess; потреба — на цьому аркуші", "give the assessment workbook that hromada assess wrote; its demand is on that sheet"),
		}}
	}
	t, err := f.Table(sheet)
	if err != nil {
		return nil, hromada.Problems{workbook.ProblemOf(err, path)}
	}
	defer workbook.CloseInto(t, path, &ps)
	col, cps := demandCols(t, path, sheet)
	if ps = append(ps, cps...); ps.Errors() > 0 {
		return nil, ps
	}
	seen := map[[2]string]int{}
	for t.Next() {
		d := demandRowReader{t: t, col: col, path: path, r: DemandRow{Row: t.Line(), Sheet: sheet, PeopleCell: t.Ref(col["people"])}}
		d.read()
		d.check(seen)
		ps = append(ps, d.ps...)
		if !d.bad {
			rows = append(rows, d.r)
		}
	}
	if err := t.Err(); err != nil {
		ps = append(ps, workbook.ProblemOf(err, path))
	}
	ps = append(ps, t.Problems()...)
	return rows, ps
}

// demandSheet is the name of the Demand sheet of f, in either language;
// "" when f has none.
func demandSheet(f *xlsx.File) string {
	sheet := ""
	for _, s := range f.Sheets() {
		for _, name := range demandSheetNames() {
			if strings.EqualFold(strings.TrimSpace(s), name) {
				sheet = s
			}
		}
	}
	return sheet
}

// demandCols finds the columns of the Demand sheet by their headers: the
// column of each key. A key given twice, or a required key missing, is an
// error.
func demandCols(t *xlsx.Table, path, sheet string) (map[string]int, hromada.Problems) {
	var ps hromada.Problems
	headers := demandHeaders()
	col := map[string]int{}
	for i, h := range t.Header() {
		key, ok := headers[workbook.HeaderKey(h)]
		if !ok {
			continue
		}
		if j, dup := col[key]; dup {
			ps = append(ps, hromada.Problem{Severity: hromada.Error, File: path, Sheet: sheet, Cell: t.HeaderRef(i),
				Msg:  hromada.T("стовпці %s і %s обидва — «%s»", "columns %s and %s are both %q", workbook.ColumnName(j), workbook.ColumnName(i), key),
				Hint: hromada.T("вилучіть або перейменуйте один із них", "delete or rename one of them")})
			continue
		}
		col[key] = i
	}
	for _, key := range []string{"group_id", "service_code", "people"} {
		if _, ok := col[key]; !ok {
			t := assessText["demand."+key]
			ps = append(ps, hromada.Problem{Severity: hromada.Error, File: path, Sheet: sheet, Cell: "row 1",
				Msg:  hromada.T("немає стовпця «%[2]s» (%[1]q, %[3]q)", "no column %q (%q, %q)", t.EN, t.UK, key),
				Hint: hromada.T("рядок заголовків аркуша «Потреба» має називати групу, послугу й потребу", "the header row of the Demand sheet must name the group, the service and the demand")})
		}
	}
	return col, ps
}

// demandRowReader reads the current row of the Demand sheet into r,
// with the problems of the cells it cannot use.
type demandRowReader struct {
	t    *xlsx.Table
	col  map[string]int // the column of each key
	path string
	r    DemandRow
	ps   hromada.Problems
	bad  bool // a cell has an error: the row is left out
}

// problem is an error in the cell of key.
func (d *demandRowReader) problem(key string, msg, hint hromada.Text) {
	d.ps = append(d.ps, d.t.Problem(d.col[key], msg, hint))
	d.bad = true
}

// text is the text of the cell of key; "" when there is no such column.
func (d *demandRowReader) text(key string) string {
	c, ok := d.col[key]
	if !ok {
		return ""
	}
	s, err := d.t.Text(c)
	if err != nil {
		d.ps = append(d.ps, workbook.ProblemOf(err, d.path))
		d.bad = true
	}
	return s
}

// number is the number in the cell of key: NaN when it is blank, when
// there is no such column, or when it holds the note of a suppressed
// estimate (which marks the row suppressed).
func (d *demandRowReader) number(key string) float64 {
	c, ok := d.col[key]
	if !ok {
		return math.NaN()
	}
	raw := d.t.Row()[c]
	if isSuppressedNote(raw) {
		d.r.Suppressed = true
		d.r.NotObserved = d.r.NotObserved || isNotObservedNote(raw)
		return math.NaN()
	}
	v, ok, err := d.t.Number(c)
	if err != nil {
		var ie *xlsx.InputError
		if errors.As(err, &ie) {
			ie.Msg = hromada.T("%s (стовпець %q)", "%s (column %q)", ie.Msg, d.t.Header()[c])
			d.ps = append(d.ps, ie.Problem)
		} else {
			d.problem(key, hromada.ErrText(err), hromada.Text{})
		}
		d.bad = true
		return math.NaN()
	}
	if !ok {
		return math.NaN()
	}
	return v
}

// unit is the unit in the cell of key, in either language.
func (d *demandRowReader) unit(key string) hromada.Unit {
	s := d.text(key)
	if s == "" {
		return ""
	}
	u, err := hromada.ParseUnit(s)
	if err != nil {
		d.problem(key, hromada.T("одиниця «%s» невідома", "unit %q is not known", s), hromada.T("можливі: сімей, дітей, осіб (families, children, persons)", "allowed: families, children, persons (сімей, дітей, осіб)"))
	}
	return u
}

// read reads the cells of the row.
func (d *demandRowReader) read() {
	r := &d.r
	r.Group, r.GroupName = d.text("group_id"), d.text("group_name")
	r.Service, r.ServiceName = d.text("service_code"), d.text("service_name")
	r.Unit, r.CountUnit = d.unit("unit"), d.unit("count_unit")
	if s := d.text("basis"); s != "" {
		b, ok := parseBasis(s)
		if !ok {
			d.problem("basis", hromada.T("основа підрахунку «%s» невідома", "count basis %q is not known", s),
				hromada.T("можливі: %[3]s, %[4]s (%[1]s, %[2]s)", "allowed: %s, %s (%s, %s)", assessText["basis.registry"].EN, assessText["basis.survey"].EN,
					assessText["basis.registry"].UK, assessText["basis.survey"].UK))
		}
		r.Basis = b
	}
	r.Count = d.number("count")
	r.CountOf, r.AsOf = d.text("count_of"), d.text("as_of")
	r.Rate, r.RateLow, r.RateUpp = d.number("rate"), d.number("rate_low"), d.number("rate_upp")
	r.People, r.PeopleLow, r.PeopleUpp = d.number("people"), d.number("people_low"), d.number("people_upp")
	r.Reliability, r.Source, r.Clients = d.text("reliability"), d.text("source"), d.text("clients")
}

// check checks the row as a whole: its group and service, its demand,
// and that no earlier row (seen: the row of each group and service) gave
// the same group and service.
func (d *demandRowReader) check(seen map[[2]string]int) {
	r := d.r
	if r.Group == "" {
		d.problem("group_id", hromada.T("у рядку немає коду групи", "the row has no group ID"),
			hromada.T("впишіть код групи, як в інших рядках, або вилучіть рядок", "write the group's ID, as in the other rows, or delete the row"))
	}
	if r.Service == "" {
		d.problem("service_code", hromada.T("у рядку немає коду послуги", "the row has no service code"),
			hromada.T("впишіть код послуги, як в інших рядках, або вилучіть рядок", "write the service's code, as in the other rows, or delete the row"))
	}
	if math.IsNaN(r.People) && !r.Suppressed && !d.bad {
		p := d.t.Problem(d.col["people"], hromada.T("потреба порожня", "the demand is blank"), hromada.T("впишіть кількість клієнтів або вилучіть рядок", "write the number of clients, or delete the row"))
		p.Severity = hromada.Warning
		d.ps = append(d.ps, p)
	}
	if !math.IsNaN(r.People) && r.People < 0 {
		d.problem("people", hromada.T("потреба %s від'ємна", "the demand %s is negative", hromada.Number(r.People, 6)), hromada.T("впишіть кількість клієнтів, від 0", "write the number of clients, 0 or more"))
	}
	key := [2]string{r.Group, r.Service}
	if first, dup := seen[key]; dup && r.Group != "" && r.Service != "" {
		d.problem("service_code", hromada.T("потребу групи «%s» в послузі «%s» задано двічі, у рядках %d і %d", "the demand of group %q for service %q is given twice, in rows %d and %d", r.Group, r.Service, first, r.Row),
			hromada.T("вилучіть один із рядків", "delete one of the rows"))
	} else {
		seen[key] = r.Row
	}
}
