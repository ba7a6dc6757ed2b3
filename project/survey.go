package project

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
)

// SurveyMap says which columns of a survey file hold what. Project mode
// builds it from the project's settings, groups and needs; quick mode from
// command-line flags.
type SurveyMap struct {
	File     string
	Sheet    string // "" = the first sheet
	Password string

	Weight, Stratum, Cluster, FPC string
	// Community and CommunityValue keep only the rows of one community
	// when a survey file holds several.
	Community, CommunityValue string
	Children, HouseholdSize   string
	// NeedChildren and NeedPersons say that a service or a registry count
	// is in children (persons): the Children (HouseholdSize) column must
	// then be in the survey, else the estimate could not run.
	NeedChildren, NeedPersons bool

	Groups []GroupColumn
	Needs  []NeedColumn

	Lonely assess.LonelyPSU
	// KeepMissing reads don't-know and refused answers of select_multiple
	// questions as answers, and makes every option a need, none, other and
	// the don't-know codes too, as REACH's analysistools does (METHODS.md
	// §1.6b). Without it a respondent whose only answers are don't-know or
	// refused is missing for the question (§1.6).
	KeepMissing bool
	// Where keeps only the rows that pass every filter.
	Where []Where
	// Form is the questionnaire: with it, a label export (headers that
	// are the questions' labels) is read by the questions' names. Without
	// it, FormPath names an XLSForm to read when the survey turns out to
	// be a label export (the project's questionnaire.xlsx).
	Form     *kobo.Form
	FormPath string
	// MaxPerColumn caps the problems reported for one column (0 = 20);
	// a count of the rest follows.
	MaxPerColumn int
}

// Where keeps the rows whose Column holds Value (case-insensitive), or,
// with Not, every other row.
type Where struct {
	Column, Value string
	Not           bool
}

// String writes the filter as the command line takes it: col=value or
// col!=value.
func (w Where) String() string {
	if w.Not {
		return w.Column + "!=" + w.Value
	}
	return w.Column + "=" + w.Value
}

// GroupColumn defines population groups from a survey column.
type GroupColumn struct {
	ID     string   // group id; with ByValue, the prefix of the groups
	Column string   // survey column
	Values []string // values that mean "member" (case-insensitive); default yes
	// ByValue makes one group per distinct value of the column, as
	// analysistools' group_var does (quick mode --by).
	ByValue bool
	Repeat  string // repeat-group sheet holding the column: a member when any row of the household has a value
}

// NeedColumn defines the need for a service from a survey column.
type NeedColumn struct {
	Service string // service key or code; "" = the column (or option) name
	Column  string // yes/no column, or select_multiple question
	Option  string // option of the select_multiple question
	// AllOptions makes every option of a select_multiple question a need
	// of its own (quick mode --need on a select_multiple question). A
	// column of codes without option columns whose rows hold one code
	// each is read as a select_one (said in Survey.Notes); a column of
	// numbers is refused.
	AllOptions bool
	// SelectOne makes every answer of a select_one question a need of its
	// own: the share of respondents who gave it (quick mode, a select_one
	// in the XLSForm).
	SelectOne bool
	// Mean reads the column as numbers: the need is its mean (quick mode
	// --mean).
	Mean bool
	// Unit is the service's unit; the clients columns are read for
	// services counted in children or persons only.
	Unit hromada.Unit
	// ClientsRepeat and ClientsColumn say how many members of a household
	// need the service (METHODS.md §1.5): with ClientsRepeat, the
	// member-level question ClientsColumn of that roster sheet (yes/no, or
	// a select_multiple whose option ClientsOption is chosen), summed over
	// the household's members; without it, the household count question
	// ClientsColumn, capped at the household's children (or size).
	ClientsRepeat, ClientsColumn string
	// ClientsOption is the option of a member-level select_multiple; ""
	// is Option.
	ClientsOption string
}

// Survey is a survey read into the columns assess needs, with what was
// learnt about the answers on the way.
type Survey struct {
	assess.Survey
	File, Sheet string
	Rows        int // households kept
	Skipped     int // rows of other communities
	Filtered    int // rows left out by SurveyMap.Where
	Strata      int
	PSUs        int
	Weighted    bool // the design has weights
	Quality     []hromada.AnswerCount
	// GroupValues are the groups in order, with their names for quick mode
	// (column and value).
	GroupVars []GroupVar
	// Notes say how columns were read, for the user.
	Notes []hromada.Text
}

// GroupVar names a group for tables: the column and value it comes from.
type GroupVar struct {
	ID, Column, Value string
}

// notService reports the select_multiple options that are answers, not
// services: none, other, and the don't-know codes ([kobo.IsMissing]).
func notService(option string) bool {
	o := strings.ToLower(strings.TrimSpace(option))
	return o == "none" || o == "other" || kobo.IsMissing(o)
}

// ReadSurvey streams the survey sheet once, keeping only the mapped
// columns, and returns them ready for assess with every problem found.
func ReadSurvey(m SurveyMap) (*Survey, hromada.Problems) {
	r := &surveyReader{m: m, out: &Survey{File: m.File}}
	if m.MaxPerColumn <= 0 {
		r.m.MaxPerColumn = 20
	}
	r.read()
	return r.out, r.problems
}

type surveyReader struct {
	m        SurveyMap
	out      *Survey
	f        *xlsx.File
	t        *kobo.Table
	problems hromada.Problems
	perCol   map[int]int

	wCol, sCol, cCol, fCol, commCol, chCol, hhCol int
	needs                                         []*needReader
	groups                                        []*groupReader
	rosters                                       []*rosterReader

	weights             []float64
	strata, clusters    []string
	children, persons   []float64
	fpc                 map[string]float64
	intern              map[string]string
	reportedCommunities map[string]bool
	// missingCols are the fields whose missing column is reported, so
	// that needs sharing one question name it once.
	missingCols map[string]bool
	whereCols   []int
	labels      bool // a label export, read through m.Form
	// The select_multiple needs, once each, and per question the rows
	// that ticked don't-know or refused as well as real options.
	multis []kobo.Multi
	mixed  map[string]int
}

type needReader struct {
	def      NeedColumn
	service  string
	col      int // yes/no column, or -1
	multi    kobo.Multi
	option   string
	y        []float64
	quality  *hromada.AnswerCount
	discover bool // AllOptions over a codes column: options found while reading
	single   bool // a select_one: its answers are the options
	children map[string]*needReader
	order    []string
	// yn holds the column read as yes/no while discovering; when every
	// answer is yes or no the column is a yes/no need, not a question
	// with options.
	yn    []float64
	notYN bool
	// While discovering: whether some row held several codes, and whether
	// every code was a number.
	several, numbers bool
	seenCodes        int

	// The clients per household m_i: from a roster (roster, slot) or a
	// count question (countCol); neither leaves clients nil.
	clients  []float64
	from     assess.ClientsSource
	roster   *rosterReader
	slot     int
	countCol int
}

// rosterReader is a roster sheet read before the main sheet for the
// clients of the needs that point to it: per household, the members who
// need each of them.
type rosterReader struct {
	sheet    string
	ch       *kobo.Children[[]float64]
	inRow    []float64 // the current household's counts, by slot
	hasRows  bool
	orphans  bool // report its orphan rows (no group reads the sheet)
	needs    []*needReader
	readers  []func(rep *kobo.Repeat) (bool, error)
	problems int
}

type groupReader struct {
	def     GroupColumn
	col     int
	repeat  *kobo.Children[bool] // a group from a repeat sheet: members by household
	inRow   bool                 // the repeat group's answer for the current row
	hasRows bool                 // the repeat sheet has rows for the current row's household
	values  map[string]bool
	member  []bool
	byValue map[string][]bool
	order   []string
	quality *hromada.AnswerCount
}

func (r *surveyReader) add(p hromada.Problem) { r.problems = append(r.problems, p) }

func (r *surveyReader) addErr(err error) {
	var ie *xlsx.InputError
	if errors.As(err, &ie) {
		r.add(ie.Problem)
		return
	}
	r.add(hromada.Problem{File: r.m.File, Msg: hromada.ErrText(err)})
}

// cellErr reports a problem in a cell, at most MaxPerColumn a column.
func (r *surveyReader) cellErr(col int, err error) {
	r.perCol[col]++
	switch n := r.perCol[col]; {
	case n <= r.m.MaxPerColumn:
		r.addErr(err)
	case n == r.m.MaxPerColumn+1:
		r.add(hromada.Problem{File: r.m.File, Sheet: r.out.Sheet, Cell: r.t.Ref(col),
			Msg: hromada.T("у стовпці %q є ще проблеми; показано лише перші %d", "more problems in column %q; only the first %d are listed", r.t.Header()[col], r.m.MaxPerColumn)})
	}
}

func (r *surveyReader) find(field hromada.Text, name string, required bool) int {
	if name == "" {
		return -1
	}
	col, err := r.t.Lookup(name)
	if err != nil {
		var ie *xlsx.InputError
		if errors.As(err, &ie) {
			key := field.EN + "\x00" + name
			if r.missingCols[key] {
				return -1
			}
			if r.missingCols == nil {
				r.missingCols = map[string]bool{}
			}
			r.missingCols[key] = true
			p := ie.Problem
			p.Msg = hromada.T("стовпець %s: %s", "%s column: %s", field, p.Msg)
			if !required {
				p.Severity = hromada.Warning
			}
			r.add(p)
		} else {
			r.addErr(err)
		}
		return -1
	}
	return col
}

func (r *surveyReader) read() {
	f, err := kobo.Open(r.m.File, xlsx.OpenOptions{Password: r.m.Password})
	if err != nil {
		r.addErr(err)
		return
	}
	defer f.Close()
	t, err := kobo.OpenTable(f, r.m.Sheet)
	if err != nil {
		r.addErr(err)
		return
	}
	defer t.Close()
	r.f, r.t = f, t
	r.out.Sheet = t.Sheet()
	r.nameLabels()
	r.perCol = map[int]int{}
	r.intern = map[string]string{}
	r.problems = append(r.problems, t.Problems()...)
	r.findColumns()
	if r.problems.Errors() > 0 {
		r.labelExport()
		return
	}
	for t.Next() {
		r.row()
	}
	if err := t.Err(); err != nil {
		r.addErr(err)
	}
	r.problems = append(r.problems, t.Problems()...)
	for _, g := range r.groups {
		if g.repeat != nil {
			r.problems = append(r.problems, g.repeat.Orphans()...)
		}
	}
	for _, ro := range r.rosters {
		if ro.orphans {
			r.problems = append(r.problems, ro.ch.Orphans()...)
		}
	}
	r.finish()
}

// nameLabels renames the columns of an export whose headers are the
// questionnaire's labels to the questions' names, through the
// questionnaire (given, or read from its path).
func (r *surveyReader) nameLabels() {
	t := r.t
	if kobo.LooksLikeLabels(t.Header()) && r.m.Form == nil && r.m.FormPath != "" {
		if _, err := os.Stat(r.m.FormPath); err == nil {
			if form, err := kobo.ReadXLSForm(r.m.FormPath); err == nil {
				r.m.Form = form
			}
		}
	}
	if r.m.Form != nil && kobo.LooksLikeLabels(t.Header()) {
		names, mapped := r.m.Form.Names(t.Header())
		if mapped > 0 {
			t.Rename(names)
			r.labels = true
			r.out.Notes = append(r.out.Notes, hromada.T("заголовки — це підписи анкети: %d з %d стовпців названо через анкету",
				"the headers are the questionnaire's labels: %d of %d columns named through the questionnaire", mapped, len(names)))
		}
	}
}

// findColumns finds the columns of the design, the community, the
// household counts, the groups, the --where filters, the needs and their
// clients.
func (r *surveyReader) findColumns() {
	r.wCol = r.find(hromada.T("ваги", "weight"), r.m.Weight, true)
	r.sCol = r.find(hromada.T("страти", "stratum"), r.m.Stratum, true)
	r.cCol = r.find(hromada.T("кластера", "cluster"), r.m.Cluster, true)
	r.fCol = r.find(hromada.T("поправки на скінченність сукупності (FPC)", "FPC"), r.m.FPC, true)
	r.commCol = r.find(hromada.T("громади", "community"), r.m.Community, r.m.CommunityValue != "")
	r.chCol = r.find(hromada.T("кількості дітей", "children"), r.m.Children, r.m.NeedChildren)
	r.hhCol = r.find(hromada.T("розміру домогосподарства", "household size"), r.m.HouseholdSize, r.m.NeedPersons)
	if r.fCol >= 0 {
		r.fpc = map[string]float64{}
	}
	for _, g := range r.m.Groups {
		r.addGroup(g)
	}
	for _, wh := range r.m.Where {
		r.whereCols = append(r.whereCols, r.find(hromada.T("умови --where", "--where"), wh.Column, true))
	}
	r.mixed = map[string]int{}
	for _, n := range r.m.Needs {
		r.addNeed(n)
	}
	r.addClients()
}

// labelExport replaces the problems of columns not found by one that
// says what to do, when the export's headers are labels that were not
// named through a questionnaire.
func (r *surveyReader) labelExport() {
	if !r.labels && kobo.LooksLikeLabels(r.t.Header()) {
		// Columns named by question are missing from a label export:
		// one problem that says what to do, not one per column.
		p := hromada.Problem{File: r.m.File, Sheet: r.out.Sheet,
			Msg: hromada.T("заголовки опитування — це підписи запитань анкети, а не їхні назви (експорт із підписами), тож стовпці не вдається знайти за назвою",
				"the survey's headers are the questionnaire's labels, not its question names (a label export), so its columns cannot be found by name"),
			Hint: hromada.T("завантажте дані з KoboToolbox ще раз: Data → Downloads, тип експорту XLS або CSV, формат значень і заголовків «XML values and headers»",
				"download the data again from KoboToolbox: Data → Downloads, export type XLS or CSV, value and header format \"XML values and headers\"")}
		if r.m.Form != nil {
			p.Hint = hromada.T("%s; в анкеті немає жодного з цих заголовків", "%s; the questionnaire names none of these headers", p.Hint)
		} else {
			p.Hint = hromada.T("%s, або дайте анкету (XLSForm), щоб прочитати підписи", "%s, or give the questionnaire (XLSForm) to read the labels", p.Hint)
		}
		r.problems = hromada.Problems{p}
	}
}

func (r *surveyReader) addGroup(g GroupColumn) {
	if g.Repeat != "" {
		r.addRepeatGroup(g)
		return
	}
	col := r.find(hromada.T("групи %s", "group %s", g.ID), g.Column, true)
	if col < 0 {
		return
	}
	if m, ok := r.t.SelectMultiple(g.Column); g.ByValue && ok && len(m.Options) > 0 {
		r.add(hromada.Problem{File: r.m.File, Sheet: r.out.Sheet, Cell: r.t.HeaderRef(col),
			Msg: hromada.T("стовпець групи %q — запитання select_multiple (у нього є стовпці варіантів, як-от %q): кожна комбінація відповідей стала б окремою групою",
				"group column %q is a select_multiple question (it has option columns such as %q): each combination of answers would be a group", g.Column, r.t.Header()[firstOption(m)]),
			Hint: hromada.T("групуйте за стовпцем одного варіанта, напр. --by %s, або за запитанням select_one",
				"group by one option's column, such as --by %s, or by a select_one question", r.t.Header()[firstOption(m)])})
		return
	}
	gr := &groupReader{def: g, col: col, values: map[string]bool{}, byValue: map[string][]bool{}}
	vals := g.Values
	if len(vals) == 0 {
		vals = []string{"yes"}
	}
	for _, v := range vals {
		gr.values[strings.ToLower(v)] = true
	}
	gr.quality = &hromada.AnswerCount{Column: r.t.Header()[col], What: g.ID}
	r.groups = append(r.groups, gr)
}

// addRepeatGroup reads a repeat-group sheet (a roster of household
// members) before the main sheet: a household is a member of the group
// when any of its rows holds one of the group's values in the column.
func (r *surveyReader) addRepeatGroup(g GroupColumn) {
	rep, err := kobo.OpenRepeat(r.f, g.Repeat, r.t)
	if err != nil {
		r.addErr(err)
		return
	}
	defer rep.Close()
	col, err := rep.Lookup(g.Column)
	if err != nil {
		r.addErr(err)
		return
	}
	values := map[string]bool{}
	for _, v := range g.Values {
		values[strings.ToLower(v)] = true
	}
	if len(values) == 0 {
		values["yes"] = true
	}
	ch, err := kobo.Collect(rep, func(found bool) bool {
		if found {
			return true
		}
		for _, code := range strings.Fields(strings.ToLower(rep.Row()[col])) {
			if values[code] {
				return true
			}
		}
		return false
	})
	if err != nil {
		r.addErr(err)
		return
	}
	r.problems = append(r.problems, rep.Problems()...)
	r.groups = append(r.groups, &groupReader{def: g, col: -1, repeat: ch,
		quality: &hromada.AnswerCount{Column: g.Repeat + ": " + rep.Header()[col], What: g.ID}})
}

func (r *surveyReader) addNeed(n NeedColumn) {
	nr := &needReader{def: n, col: -1, service: n.Service}
	if n.Option != "" || n.AllOptions {
		m, ok := r.t.SelectMultiple(n.Column)
		if !ok {
			r.find(hromada.T("потреби %s", "need %s", n.Column), n.Column, true)
			return
		}
		m.KeepMissing = r.m.KeepMissing
		if r.labels && len(m.Options) > 0 {
			m.Parent = -1 // a label export's codes column holds labels: read the option columns
		}
		nr.multi = m
		if !r.m.KeepMissing && !slices.ContainsFunc(r.multis, func(x kobo.Multi) bool { return x.Name == m.Name }) {
			r.multis = append(r.multis, m)
		}
		if n.AllOptions {
			r.expandOptions(nr)
			return
		}
		nr.option = n.Option
		if _, has := m.Options[n.Option]; !has && m.Parent < 0 {
			r.add(hromada.Problem{File: r.m.File, Sheet: r.out.Sheet, Cell: fmt.Sprintf("row %d", r.t.HeaderLine()),
				Msg:  hromada.T("немає стовпця для варіанта %q запитання %q", "no column for option %q of %q", n.Option, n.Column),
				Hint: optionColumnHint(n.Column, n.Option)})
			return
		}
		if nr.service == "" {
			nr.service = n.Option
		}
		nr.quality = &hromada.AnswerCount{Column: n.Column + "/" + n.Option, What: nr.service}
	} else if n.SelectOne {
		col := r.find(hromada.T("потреби %s", "need %s", n.Column), n.Column, true)
		if col < 0 {
			return
		}
		nr.multi = kobo.Multi{Name: n.Column, Parent: col, Options: map[string]int{}}
		nr.discover, nr.single = true, true
		nr.children = map[string]*needReader{}
		nr.quality = &hromada.AnswerCount{Column: r.t.Header()[col], What: n.Column}
	} else {
		nr.col = r.find(hromada.T("потреби %s", "need %s", n.Column), n.Column, true)
		if nr.col < 0 {
			return
		}
		if nr.service == "" {
			nr.service = n.Column
		}
		nr.quality = &hromada.AnswerCount{Column: r.t.Header()[nr.col], What: nr.service}
	}
	r.needs = append(r.needs, nr)
}

// expandOptions makes each option of a select_multiple question a need:
// from its option columns when the export has them, else from the codes
// met while reading.
func (r *surveyReader) expandOptions(parent *needReader) {
	if len(parent.multi.Options) == 0 {
		parent.discover = true
		parent.children = map[string]*needReader{}
		parent.quality = &hromada.AnswerCount{Column: parent.def.Column, What: parent.def.Column}
		r.needs = append(r.needs, parent)
		return
	}
	opts := make([]string, 0, len(parent.multi.Options))
	for o := range parent.multi.Options {
		if r.m.KeepMissing || !notService(o) {
			opts = append(opts, o)
		}
	}
	sort.Slice(opts, func(i, j int) bool { return parent.multi.Options[opts[i]] < parent.multi.Options[opts[j]] })
	for _, o := range opts {
		r.needs = append(r.needs, &needReader{def: parent.def, col: -1, multi: parent.multi, option: o, service: o,
			quality: &hromada.AnswerCount{Column: parent.def.Column + "/" + o, What: o}})
	}
}

func (r *surveyReader) text(col int) (string, bool) {
	if col < 0 {
		return "", false
	}
	v, err := r.t.Text(col)
	if err != nil {
		r.cellErr(col, err)
		return "", false
	}
	return v, true
}

func (r *surveyReader) internString(s string) string {
	if v, ok := r.intern[s]; ok {
		return v
	}
	r.intern[s] = s
	return s
}

// row reads the current row into the columns.
func (r *surveyReader) row() {
	t := r.t
	// Every household of the main sheet is looked up in the repeat sheets
	// before rows of other communities are left out, so that repeat rows
	// without a household are told apart from those of other communities.
	for _, g := range r.groups {
		if g.repeat != nil {
			g.inRow, g.hasRows = g.repeat.Get(t)
		}
	}
	for _, ro := range r.rosters {
		ro.inRow, ro.hasRows = ro.ch.Get(t)
	}
	if r.commCol >= 0 && r.m.CommunityValue != "" {
		v, _ := r.text(r.commCol)
		if !strings.EqualFold(v, r.m.CommunityValue) {
			r.out.Skipped++
			return
		}
	}
	for k, wh := range r.m.Where {
		v := strings.TrimSpace(t.Row()[r.whereCols[k]])
		if strings.EqualFold(v, strings.TrimSpace(wh.Value)) == wh.Not {
			r.out.Filtered++
			return
		}
	}
	for _, m := range r.multis {
		if answers, missing := t.Ticked(m); answers && missing {
			r.mixed[m.Name]++
		}
	}
	i := r.out.Rows
	r.out.Rows++
	r.readDesign()
	r.children = r.count(r.chCol, r.children, i)
	r.persons = r.count(r.hhCol, r.persons, i)
	for _, g := range r.groups {
		r.readGroup(g, i)
	}
	for _, n := range r.needs {
		r.readNeed(n, i)
		if n.from != "" {
			r.readClients(n, i)
		}
	}
}

// The problems of an empty stratum or cluster: message and hint.
var (
	emptyStratum = [2]hromada.Text{hromada.T("страту не заповнено", "stratum is empty"),
		hromada.T("кожне домогосподарство потребує своєї страти", "every household needs its stratum")}
	emptyCluster = [2]hromada.Text{hromada.T("кластер не заповнено", "cluster is empty"),
		hromada.T("кожне домогосподарство потребує свого кластера (населеного пункту)", "every household needs its cluster (settlement)")}
)

// label reads the row's value of a design column that names a unit of the
// sample (a stratum, a cluster); an empty one is the problem empty, its
// message and hint.
func (r *surveyReader) label(col int, empty [2]hromada.Text) string {
	v, _ := r.text(col)
	if v == "" {
		r.cellErr(col, &xlsx.InputError{Problem: r.t.Problem(col, empty[0], empty[1])})
	}
	return r.internString(v)
}

// readDesign reads the row's weight, stratum, cluster and finite
// population correction, as far as the survey has them.
func (r *surveyReader) readDesign() {
	t := r.t
	if r.wCol >= 0 {
		w, ok, err := t.Number(r.wCol)
		switch {
		case err != nil:
			r.cellErr(r.wCol, err)
		case !ok:
			msg := hromada.T("вагу не заповнено", "weight is empty")
			if v := strings.TrimSpace(t.Row()[r.wCol]); v != "" {
				msg = hromada.T("вага %s — не число", "weight %s is not a number", xlsx.QuoteText(v))
			}
			r.cellErr(r.wCol, &xlsx.InputError{Problem: t.Problem(r.wCol, msg,
				hromada.T("кожне домогосподарство потребує ваги; 0 виключає його з оцінок", "every household needs a weight; 0 takes it out of the estimates"))})
		case w < 0 || math.IsInf(w, 0):
			r.cellErr(r.wCol, &xlsx.InputError{Problem: t.Problem(r.wCol, hromada.T("вага %s від'ємна", "weight %s is negative", hromada.Number(w, 6)),
				hromada.T("вага — 0 або більше", "a weight is 0 or more"))})
		}
		r.weights = append(r.weights, w)
	}
	if r.sCol >= 0 {
		r.strata = append(r.strata, r.label(r.sCol, emptyStratum))
	}
	if r.cCol >= 0 {
		r.clusters = append(r.clusters, r.label(r.cCol, emptyCluster))
	}
	if r.fCol >= 0 {
		n, ok, err := t.Number(r.fCol)
		if err != nil {
			r.cellErr(r.fCol, err)
		} else if ok {
			s := ""
			if len(r.strata) > 0 {
				s = r.strata[len(r.strata)-1]
			}
			if prev, seen := r.fpc[s]; seen && prev != n {
				r.cellErr(r.fCol, &xlsx.InputError{Problem: t.Problem(r.fCol,
					hromada.T("FPC %s відрізняється від %s, указаного раніше для страти %q", "FPC %s differs from %s given earlier for stratum %q", hromada.Number(n, 6), hromada.Number(prev, 6), s),
					hromada.T("кількість PSU страти однакова в кожному рядку", "the PSU count of a stratum is the same on every row"))})
			}
			r.fpc[s] = n
		}
	}
}

func (r *surveyReader) count(col int, dst []float64, i int) []float64 {
	if col < 0 {
		return dst
	}
	v, ok, err := r.t.Number(col)
	if err != nil {
		r.cellErr(col, err)
	}
	if !ok || err != nil || v < 0 {
		v = math.NaN()
	}
	return append(dst, v)
}

func (r *surveyReader) readGroup(g *groupReader, i int) {
	if g.repeat != nil {
		if g.hasRows {
			g.quality.Answered++
		} else {
			g.quality.NotAsked++
		}
		g.member = append(g.member, g.inRow)
		return
	}
	v, ok := r.text(g.col)
	if !ok || kobo.IsMissing(v) {
		if ok && v != "" {
			g.quality.Missing++
		} else {
			g.quality.NotAsked++
		}
		if !g.def.ByValue {
			g.member = append(g.member, false)
		} else {
			for _, k := range g.order {
				g.byValue[k] = append(g.byValue[k], false)
			}
		}
		return
	}
	g.quality.Answered++
	if g.def.ByValue {
		v = r.code(g.def.Column, v)
		if _, seen := g.byValue[v]; !seen {
			g.byValue[v] = make([]bool, i)
			g.order = append(g.order, v)
		}
		for _, k := range g.order {
			g.byValue[k] = append(g.byValue[k], k == v)
		}
		return
	}
	member := false
	for _, code := range strings.Fields(strings.ToLower(v)) {
		if g.values[code] {
			member = true
		}
	}
	if !member && !g.values["yes"] {
		// values other than yes/no: nothing more to check
	} else if !member {
		if yes, err := xlsx.ParseYesNo(v); err == nil {
			member = yes && g.values["yes"]
		} else if len(strings.Fields(v)) == 1 {
			r.cellErr(g.col, &xlsx.InputError{Problem: r.t.Problem(g.col, hromada.T("%s — не «так» і не «ні»", "%s is not yes/no", xlsx.QuoteText(v)),
				hromada.T("дозволено: так, ні, yes, no, 1, 0 або значення, указане для групи", "allowed: yes, no, так, ні, 1, 0, or a value listed for the group"))})
		}
	}
	g.member = append(g.member, member)
}

func (r *surveyReader) readNeed(n *needReader, i int) {
	if n.discover {
		r.discoverOptions(n, i)
		return
	}
	y := math.NaN()
	if n.col >= 0 {
		v := r.t.Row()[n.col]
		switch {
		case strings.TrimSpace(v) == "":
			n.quality.NotAsked++
		case kobo.IsMissing(v):
			n.quality.Missing++
		case n.def.Mean:
			if x, ok, err := r.t.Number(n.col); err != nil {
				r.cellErr(n.col, err)
			} else if ok {
				n.quality.Answered++
				y = x
			}
		default:
			if yes, ok, err := r.t.YesNo(n.col); err != nil {
				r.cellErr(n.col, err)
			} else if ok {
				n.quality.Answered++
				y = b2f(yes)
			}
		}
	} else {
		a, err := r.t.Selected(n.multi, n.option)
		if err != nil {
			r.cellErr(col0(n.multi), err)
		}
		switch a {
		case kobo.Selected:
			y = 1
			n.quality.Answered++
		case kobo.NotSelected:
			y = 0
			n.quality.Answered++
		case kobo.Missing:
			n.quality.Missing++
		default:
			n.quality.NotAsked++
		}
	}
	n.y = append(n.y, y)
}

// code turns the answer v of a select question of a label export (a
// choice's label) into the choice's code; other answers stay as they are.
func (r *surveyReader) code(question, v string) string {
	if !r.labels {
		return v
	}
	if q, ok := r.m.Form.Question(question); ok && q.List != "" {
		if c, ok := r.m.Form.ChoiceName(q.List, v); ok {
			return c
		}
	}
	return v
}

// firstOption returns the leftmost option column of m.
func firstOption(m kobo.Multi) int {
	first := -1
	for _, c := range m.Options {
		if first < 0 || c < first {
			first = c
		}
	}
	return first
}

func col0(m kobo.Multi) int {
	if m.Parent >= 0 {
		return m.Parent
	}
	for _, c := range m.Options {
		return c
	}
	return 0
}

// discoverOptions reads a select_multiple codes column whose options have
// no columns of their own: an option met for the first time becomes a
// need, 0 for the households before it that answered.
func (r *surveyReader) discoverOptions(n *needReader, i int) {
	v := strings.TrimSpace(r.t.Row()[n.multi.Parent])
	codes := strings.Fields(v)
	missing, real := false, false
	for _, c := range codes {
		if kobo.IsMissing(c) {
			missing = true
		} else {
			real = true
		}
	}
	// One denominator per question: don't-know alone is missing, with
	// real options it is left aside (METHODS.md §1.6); REACH keeps it.
	if n.single && v != "" {
		v = r.code(n.def.Column, v)
		codes = []string{v} // a select_one's answer is one code, spaces and all
		missing, real = kobo.IsMissing(v), !kobo.IsMissing(v)
	}
	answered := v != "" && !strings.EqualFold(v, "NA") && (real || r.m.KeepMissing)
	missing = missing && !answered
	if answered {
		if len(codes) > 1 {
			n.several = true
		}
		for _, c := range codes {
			if n.seenCodes == 0 {
				n.numbers = true
			}
			n.seenCodes++
			if _, err := strconv.ParseFloat(c, 64); err != nil {
				n.numbers = false
			}
		}
	}
	yn := math.NaN()
	if answered && !n.notYN && !n.single {
		if yes, err := xlsx.ParseYesNo(v); err == nil {
			yn = b2f(yes)
		} else {
			n.notYN = true
		}
	}
	n.yn = append(n.yn, yn)
	switch {
	case answered:
		n.quality.Answered++
	case missing:
		n.quality.Missing++
	default:
		n.quality.NotAsked++
	}
	for _, c := range codes {
		if (notService(c) && !r.m.KeepMissing && !n.single) || n.children[c] != nil || !answered {
			continue
		}
		child := &needReader{service: c, y: make([]float64, i)}
		for k := range i {
			child.y[k] = n.y[k] // the parent's y holds 0 for an answered row, NaN otherwise
		}
		n.children[c] = child
		n.order = append(n.order, c)
	}
	base := math.NaN()
	if answered {
		base = 0
	}
	n.y = append(n.y, base)
	for _, c := range n.order {
		y := base
		if answered && containsFold(codes, c) {
			y = 1
		}
		n.children[c].y = append(n.children[c].y, y)
	}
}

func containsFold(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// optionColumnHint says where the answers of option opt of a
// select_multiple question are looked for.
func optionColumnHint(question, opt string) hromada.Text {
	return hromada.T("очікувався стовпець %q або стовпець %q з кодами через пробіл",
		"expected a column %q, or the column %q of space-separated codes", question+"/"+opt, question)
}

// finish builds the design and the assess inputs.
func (r *surveyReader) finish() {
	if r.out.Rows == 0 {
		p := hromada.Problem{File: r.m.File, Sheet: r.out.Sheet, Msg: hromada.T("в опитуванні немає домогосподарств", "the survey has no households")}
		if r.out.Skipped > 0 {
			p.Msg = hromada.T("жодне домогосподарство не має %[1]q у стовпці %[2]q (%[3]d %[4]s інших громад)",
				"no household has %[1]q in column %[2]q (%[3]d rows of other communities)", r.m.CommunityValue, r.m.Community, r.out.Skipped,
				xlsx.PluralUK(r.out.Skipped, "рядок", "рядки", "рядків"))
			p.Hint = hromada.T("перевірте значення громади на аркуші «Громади»", "check the community's value on the Communities sheet")
		}
		r.add(p)
		return
	}
	if r.problems.Errors() > 0 {
		return
	}
	spec := assess.DesignSpec{Weight: r.weights, Strata: r.strata, Cluster: r.clusters, FPC: r.fpc, Lonely: r.m.Lonely, Rows: r.out.Rows}
	d, err := assess.NewDesign(spec)
	if err != nil {
		r.add(hromada.Problem{File: r.m.File, Sheet: r.out.Sheet, Msg: hromada.ErrText(err)})
		return
	}
	for _, s := range d.LonelyStrata() {
		r.add(hromada.Problem{Severity: hromada.Warning, File: r.m.File, Sheet: r.out.Sheet,
			Msg: hromada.T("у страті %q лише один кластер; її дисперсію оцінено за правилом %q", "stratum %q has a single cluster; its variance is estimated by the %q rule", s, d.Lonely()),
			Hint: hromada.T("об'єднайте її зі схожою стратою або виберіть у налаштуваннях правило для страти з одним PSU",
				"merge it with a similar stratum, or choose the lonely-PSU rule in the settings")})
	}
	s := &r.out.Survey
	s.Design = d
	r.out.Strata = len(d.Strata())
	r.out.PSUs = d.PSUs()
	r.out.Weighted = r.wCol >= 0
	s.Children, s.Persons = r.children, r.persons
	r.finishGroups()
	r.finishNeeds()
	for _, m := range r.multis {
		if c := r.mixed[m.Name]; c > 0 {
			r.add(hromada.Problem{Severity: hromada.Warning, File: r.m.File, Sheet: r.out.Sheet,
				Msg: hromada.T("у %[1]d %[3]s разом зі справжніми варіантами в %[2]q позначено «не знаю» або «відмова»; їх враховано з позначеними варіантами",
					"%[1]d households ticked don't know or refused in %[2]q together with real options; they count with the options they ticked",
					c, m.Name, xlsx.PluralUK(c, "домогосподарстві", "домогосподарствах", "домогосподарствах")),
				Hint: hromada.T("один знаменник на запитання (правило hromada); --reach залишає «не знаю» і «відмова» відповідями, як у REACH",
					"one denominator per question (hromada's convention); --reach keeps don't know and refused as answers, as REACH does")})
		}
	}
	if len(s.Needs) == 0 && r.problems.Errors() == 0 {
		r.add(hromada.Problem{File: r.m.File, Sheet: r.out.Sheet, Msg: hromada.T("не знайдено жодного стовпця потреби", "no need column was found"),
			Hint: hromada.T("зіставте принаймні одну послугу зі стовпцем опитування", "map at least one service to a survey column")})
	}
}

// finishGroups adds the groups to the assess inputs, a group by value one
// group a value, with their answer counts.
func (r *surveyReader) finishGroups() {
	s := &r.out.Survey
	for _, g := range r.groups {
		r.out.Quality = append(r.out.Quality, *g.quality)
		if !g.def.ByValue {
			s.Groups = append(s.Groups, assess.Membership{Group: g.def.ID, Member: g.member})
			r.out.GroupVars = append(r.out.GroupVars, GroupVar{ID: g.def.ID, Column: g.def.Column, Value: "yes"})
			continue
		}
		for _, v := range g.order {
			id := g.def.ID + "=" + v
			s.Groups = append(s.Groups, assess.Membership{Group: id, Member: g.byValue[v], Var: g.def.Column, Value: v})
			r.out.GroupVars = append(r.out.GroupVars, GroupVar{ID: id, Column: g.def.Column, Value: v})
		}
	}
}

// finishNeeds adds the needs to the assess inputs, with their answer
// counts: a need column discovered as a yes/no, a select_one or a
// select_multiple question, or a need of the project's; an option of two
// questions (other, none …) is a service of each, the later ones named
// question/option.
func (r *surveyReader) finishNeeds() {
	s := &r.out.Survey
	for _, n := range r.needs {
		r.out.Quality = append(r.out.Quality, *n.quality)
		if n.discover && n.numbers && !n.single && n.notYN {
			r.add(hromada.Problem{File: r.m.File, Sheet: r.out.Sheet, Cell: r.t.HeaderRef(n.multi.Parent),
				Msg: hromada.T("стовпець потреби %q містить числа (%s …), а не відповіді так/ні чи варіанти",
					"need column %q holds numbers (%s …), not yes/no answers or choices", n.def.Column, strings.Join(n.order[:min(3, len(n.order))], ", ")),
				Hint: hromada.T("потреба — це запитання так/ні, select_one або select_multiple; для середнього значення числа вкажіть --mean %s",
					"a need is a yes/no, select_one or select_multiple question; for the mean of a number give --mean %s", n.def.Column)})
			continue
		}
		if n.discover && !n.notYN && !n.single {
			service := n.def.Service
			if service == "" {
				service = n.def.Column
			}
			s.Needs = append(s.Needs, assess.Need{Service: service, Y: n.yn, Var: n.def.Column})
			continue
		}
		if n.discover {
			typ := assess.TypeSelectMultiple
			if n.single || (!n.several && len(n.multi.Options) == 0) {
				typ = assess.TypeSelectOne
				if !n.single {
					r.out.Notes = append(r.out.Notes, hromada.T("стовпець потреби %q має один код у рядку і не має стовпців варіантів: прочитано як запитання select_one, кожна відповідь — частка респондентів (вкажіть --form, щоб узяти тип з анкети)",
						"need column %q has one code per row and no option columns: read as a select_one question, each answer a share of the respondents (give --form to type it from the questionnaire)", n.def.Column))
				}
			}
			for _, c := range n.order {
				s.Needs = append(s.Needs, assess.Need{Service: c, Y: n.children[c].y,
					Var: n.def.Column, Value: c, Type: typ})
			}
			continue
		}
		nd := assess.Need{Service: n.service, Y: n.y, Clients: n.clients, ClientsFrom: n.from, Var: n.def.Column}
		if n.def.Mean {
			nd.Type = assess.TypeMean
		}
		if n.option != "" {
			nd.Value, nd.Type = n.option, assess.TypeSelectMultiple
		}
		s.Needs = append(s.Needs, nd)
	}
	// An option of two questions (other, none …) is a service of each:
	// the later ones are named question/option.
	seen := map[string]bool{}
	for k := range s.Needs {
		nd := &s.Needs[k]
		if seen[nd.Service] && nd.Value != "" {
			nd.Service = nd.Var + "/" + nd.Value
		}
		seen[nd.Service] = true
	}
}

// SurveyMap returns how to read community c's survey with the project's
// settings, groups and needs.
func (p *Project) SurveyMap(c Community, password string) SurveyMap {
	s := p.Survey
	m := SurveyMap{
		File: p.SurveyPath(c), Sheet: c.SurveySheet, Password: password,
		Weight: s.Weight, Stratum: s.Stratum, Cluster: s.Cluster, FPC: s.FPC,
		Children: s.Children, HouseholdSize: s.HouseholdSize,
		Lonely: assess.LonelyPSU(s.LonelyPSU),
	}
	if c.SurveyValue != "" {
		m.Community, m.CommunityValue = s.Community, c.SurveyValue
	}
	if p.Dir != "" {
		m.FormPath = filepath.Join(p.Dir, FormFile)
	}
	for _, g := range p.Groups {
		m.Groups = append(m.Groups, GroupColumn{ID: g.ID, Column: g.Column, Values: g.Values, Repeat: g.Repeat})
	}
	for _, n := range p.Needs {
		opt := n.Option
		if opt == "" {
			opt = n.Service.Key
		}
		m.Needs = append(m.Needs, NeedColumn{Service: n.Service.Code, Column: n.Column, Option: n.Option, Unit: n.Service.Unit,
			ClientsRepeat: n.ClientsRepeat, ClientsColumn: n.ClientsColumn, ClientsOption: opt})
		m.NeedChildren = m.NeedChildren || n.Service.Unit == hromada.Child
		m.NeedPersons = m.NeedPersons || n.Service.Unit == hromada.Person
	}
	for _, r := range p.Registry {
		if r.Community == c.Code {
			m.NeedChildren = m.NeedChildren || r.Unit == hromada.Child
			m.NeedPersons = m.NeedPersons || r.Unit == hromada.Person
		}
	}
	return m
}
