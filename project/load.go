package project

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/catalogue"
	"github.com/hromada-tool/hromada/internal/safefile"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
)

// Project is a project folder as read: settings, communities, groups, needs,
// registry counts, providers and cost inputs, with the catalogue the
// project's services come from.
type Project struct {
	Dir       string
	Name      string
	Lang      hromada.Lang // the report language of the settings; "" when not set
	FirstYear int
	Years     int
	FTEStep   float64 // staff are rounded up to this step: 0.25 or 0.5
	Survey    SurveySettings
	Budget    BudgetSettings
	Catalogue *catalogue.Catalogue

	Communities []Community
	Groups      []Group
	Needs       []Need
	Targets     []Target
	Registry    []RegistryCount
	Known       []KnownClient
	Providers   []Provider
	Posts       []Post
	OtherCosts  []OtherCost
	Startup     []StartupItem
	Funding     []FundingShare
	Revenue     []BudgetRevenue

	// SheetNames are the names the input sheets have in their files, by
	// the schema's sheet key (Posts.Key → «Посади» or "Posts").
	SheetNames map[string]string

	costsPath string // the cost inputs read, when not Dir/costs.xlsx
}

// CostsPath is the cost-input workbook of the project: the one LoadCosts
// read, else costs.xlsx in the project folder.
func (p *Project) CostsPath() string {
	if p.costsPath != "" {
		return p.costsPath
	}
	return filepath.Join(p.Dir, CostsFile)
}

// SurveySettings map the tool's survey fields to the columns of the
// project's survey exports, and set the estimation options.
type SurveySettings struct {
	Weight, Stratum, Cluster, FPC string
	Community                     string
	Children, HouseholdSize       string
	CI                            string
	Level                         float64
	LonelyPSU                     string
	MinCount                      int
	Suppress                      bool
}

// BudgetSettings are the rates of the budget projection a project sets.
type BudgetSettings struct {
	CPI         float64 // consumer price growth a year; NaN: the catalogue's forecast
	WageGrowth  float64 // salary growth a year; NaN: as the CPI
	Admin       float64 // admin share of direct costs
	Discount    float64 // discount rate of the discounted totals
	CapitalRate float64 // rate of the equivalent annual cost of start-up items
	Threshold   float64 // affordability threshold, share of revenue
}

// Community is a community of the project and where its survey is.
type Community struct {
	hromada.Community
	SurveyFile  string // as written, relative to the project folder
	SurveySheet string
	SurveyValue string // value of the community column in a shared file
}

// Slug names a community's output files: its English name, else its
// code, else "community", made safe as a file name (safefile.Name: lower
// case a–z and 0–9, other runs one hyphen), so no code or name can put a
// path separator or ".." into a path.
func Slug(c hromada.Community) string {
	if s := safefile.Name(c.Name.EN); s != "" {
		return s
	}
	if s := safefile.Name(c.Code); s != "" {
		return s
	}
	return "community"
}

// SurveyPath returns the community's survey file as a path.
func (p *Project) SurveyPath(c Community) string {
	if filepath.IsAbs(c.SurveyFile) {
		return c.SurveyFile
	}
	return filepath.Join(p.Dir, filepath.FromSlash(slashPath(c.SurveyFile)))
}

// slashPath is a path as written in a workbook with a backslash read as
// the folder separator, as on Windows, where a project is often filled in
// ("survey\olevska.xlsx"), so that the project reads the same elsewhere.
func slashPath(p string) string { return strings.ReplaceAll(p, `\`, "/") }

// nearSurveyFile is the file of the project folder dir a survey path that
// names none most likely meant, relative to dir with "/" ("survey/olevska.xlsx"),
// else "": an XLSX or CSV file of the written path's folder, of survey/ or
// of the project folder whose name is the written one in another case, or
// with another or no extension ("Olevska.xlsx", "olevska", "olevska.xls").
func nearSurveyFile(dir, written string) string {
	rel := slashPath(written)
	if filepath.IsAbs(written) || path.IsAbs(rel) {
		return ""
	}
	want := strings.ToLower(path.Base(rel))
	stem := strings.TrimSuffix(want, path.Ext(want))
	seen := map[string]bool{}
	for _, sub := range []string{path.Dir(rel), "survey", "."} {
		if seen[sub] {
			continue
		}
		seen[sub] = true
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(sub)))
		if err != nil {
			continue
		}
		for _, e := range entries {
			n := strings.ToLower(e.Name())
			ext := path.Ext(n)
			if !e.Type().IsRegular() || (ext != ".xlsx" && ext != ".csv") {
				continue
			}
			if n == want || strings.TrimSuffix(n, ext) == stem {
				return path.Join(sub, e.Name())
			}
		}
	}
	return ""
}

// Group is a population group and the survey answer that marks a member.
type Group struct {
	hromada.Group
	Column string   // survey column
	Values []string // values that mean "member"
	Repeat string   // repeat sheet holding the column, if any
}

// Need ties a service to the survey answer that says a household needs it.
type Need struct {
	Service hromada.Service
	Column  string
	Option  string // select_multiple option; "" for a yes/no column
	// ClientsRepeat is the roster sheet (one row per household member)
	// whose ClientsColumn says which members need the service.
	ClientsRepeat string
	// ClientsColumn is, with ClientsRepeat, the member-level question (a
	// yes/no column, or a select_multiple whose option is Option or the
	// service key); without it, the household question "how many children
	// / members need the service". Neither: one client per household in
	// need (METHODS.md §1.5).
	ClientsColumn string
	row           record // the Needs row, for messages
}

// Target is the coverage a project plans for a service and the path to it.
type Target struct {
	Service  string  // classifier code
	Coverage float64 // share of expected users; NaN: the catalogue's
	Uptake   float64 // share of demand expected to use the service, (0,1]; NaN: the catalogue's
	Path     string  // linear (the default), step or ramp
	Years    int     // for linear; 0: the plan's years
	Ramp     []float64
}

// KnownClient is the count of a service's known clients in one community
// (the Known clients sheet of registry.xlsx): administrative demand.
type KnownClient struct {
	Community string
	Service   string // classifier code
	Unit      hromada.Unit
	Count     float64
	AsOf      time.Time
	Source    string
	Use       string // "demand" or "floor"
	Ref       string // file, sheet and cell of the count, for messages
}

// RegistryCount is a registry count of one group in one community
// (Annex 1).
type RegistryCount struct {
	Community string
	Group     string
	Unit      hromada.Unit
	Count     float64
	AsOf      time.Time
	Source    string
}

// Provider is one provider × service row of the inventory (Annex 2).
type Provider struct {
	Community string
	Name      string
	Ownership string
	Service   string // classifier code
	Capacity  float64
	Clients   float64
	StaffFTE  float64
	Vacancies float64
	Ref       string // file and cell of the row, for messages
}

// Post is a staff post of a service with its salary.
type Post struct {
	Service string
	Post    string
	// PostEN is the post's name in English workbooks, "" for the name
	// as typed.
	PostEN      string
	Share       float64
	Salary      float64
	ExtraMonths float64
}

// Name returns the post's name: as typed, and in English workbooks its
// English name, the typed one when none is given.
func (p Post) Name() hromada.Text { return hromada.Text{UK: p.Post, EN: p.PostEN} }

// OtherCost is a recurrent non-staff cost line of a service.
type OtherCost struct {
	Service string
	Item    string
	ItemEN  string // the item's name in English workbooks, "" for Item
	Basis   string // fixed or per_client
	Amount  float64
	KEKV    string
}

// Name returns the item's name: as typed, and in English workbooks its
// English name, the typed one when none is given.
func (o OtherCost) Name() hromada.Text { return hromada.Text{UK: o.Item, EN: o.ItemEN} }

// StartupItem is a one-off purchase of a service.
type StartupItem struct {
	Service string
	Item    string
	ItemEN  string // the item's name in English workbooks, "" for Item
	Amount  float64
	Year    int
	Life    int
	KEKV    string
}

// Name returns the item's name: as typed, and in English workbooks its
// English name, the typed one when none is given.
func (s StartupItem) Name() hromada.Text { return hromada.Text{UK: s.Item, EN: s.ItemEN} }

// FundingShare is the donor and state share of one community's costs in
// one year; the local budget carries the rest.
type FundingShare struct {
	Community string
	Year      int
	Donor     float64
	State     float64
}

// BudgetRevenue is a community's local budget revenue in a base year.
type BudgetRevenue struct {
	Community string
	Year      int
	Revenue   float64
	Social    float64
	Growth    float64
}

// LoadOptions tune how a project is read.
type LoadOptions struct {
	Password string // for password-protected workbooks
}

// Load reads every input workbook of the project in dir and returns the
// project with every problem found, not just the first. The project is
// usable only when problems hold no error.
func Load(dir string, opt LoadOptions) (*Project, hromada.Problems) {
	l := &loader{dir: dir, opt: opt, p: &Project{Dir: dir}, sheets: map[string]string{}}
	l.p.SheetNames = l.sheets
	l.load()
	return l.p, l.problems
}

type loader struct {
	dir      string
	opt      LoadOptions
	p        *Project
	problems hromada.Problems
	sheets   map[string]string // schema sheet key → the sheet's name in the file
	// anyCommunity accepts any community code: an inventory read on its
	// own has no project communities to check against.
	anyCommunity bool
}

func (l *loader) add(p hromada.Problem) { l.problems = append(l.problems, p) }

func (l *loader) fileProblem(file string, msg, hint hromada.Text) {
	l.add(hromada.Problem{File: file, Msg: msg, Hint: hint})
}

// initHint tells a person how to get the templates of a project's files.
var initHint = hromada.T("запустіть «hromada init» у порожній папці, щоб отримати шаблон", "run 'hromada init' in an empty folder to get a template")

// regularText says why a file cannot be read: it is a folder, a pipe …
// (safefile.NotRegular), or the system's words.
func regularText(err error) hromada.Text {
	var nr *safefile.NotRegular
	if errors.As(err, &nr) {
		return hromada.T("%s — це %s: дайте збережений файл", "%s is %s: give a saved file", nr.Path, notRegularKind(nr))
	}
	return hromada.ErrText(err)
}

// notRegularKind says what a file that is not a regular one is, as
// safefile.NotRegular.Kind does in English.
func notRegularKind(nr *safefile.NotRegular) hromada.Text {
	uk := map[string]string{
		"a folder, not a file": "папка, а не файл",
		"a pipe, not a file":   "канал (pipe), а не файл",
		"a device, not a file": "пристрій, а не файл",
		"a socket, not a file": "сокет, а не файл",
		"not a regular file":   "не звичайний файл",
	}
	en := nr.Kind()
	return hromada.Text{UK: uk[en], EN: en}
}

func (l *loader) load() {
	cat, err := catalogue.Default()
	if err != nil {
		l.fileProblem("catalogue", hromada.ErrText(err), hromada.Text{})
		return
	}
	override := filepath.Join(l.dir, CatalogueFile)
	if _, err := os.Stat(override); err == nil {
		if c := l.readCatalogue(override, cat); c != nil {
			cat = c
		}
	}
	l.p.Catalogue = cat

	projFile := filepath.Join(l.dir, ProjectFile)
	if _, err := os.Stat(projFile); err != nil {
		l.fileProblem(projFile, hromada.T("налаштувань проєкту не знайдено", "project settings not found"),
			hromada.T("запустіть «hromada init ПАПКА», щоб створити проєкт, або вкажіть папку проєкту", "run 'hromada init DIR' to create a project, or name the project folder"))
		return
	}
	sheets := l.readFile(projFile, Settings, Communities, Groups, Needs, Targets)
	l.settings(sheets["settings"])
	l.communities(sheets["communities"])
	l.groups(sheets["groups"])
	l.needs(sheets["needs"])
	l.targets(sheets["targets"])

	var regRecs []record
	if recs, ok := l.optionalFile(RegistryFile, Registry, KnownClients); ok {
		regRecs = recs["registry"]
		l.registry(regRecs)
		l.knownClients(recs[KnownClients.Key])
	}
	l.countColumns(sheets["settings"], sheets["needs"], regRecs)
	if recs, ok := l.optionalFile(ProvidersFile, Providers); ok {
		l.providers(recs["providers"])
	}
	if recs, ok := l.optionalFile(CostsFile, Posts, OtherCosts, Startup, Funding, Revenue); ok {
		l.costs(recs)
	}
}

// countColumns checks that the survey settings name the columns the
// estimate needs: the number of children when a service or a registry
// count is in children, the household size when one is in persons. The
// problem is at the setting's cell, naming the first row that needs it.
func (l *loader) countColumns(settings, needs, registry []record) {
	if len(settings) == 0 {
		return
	}
	set := settings[0]
	for _, c := range []struct {
		unit    hromada.Unit
		setting string
	}{{hromada.Child, "children"}, {hromada.Person, "household_size"}} {
		if set.get(c.setting) != "" {
			continue
		}
		var why hromada.Text
		for _, r := range needs {
			if s, ok := l.serviceOf(r.get("service")); ok && s.Unit == c.unit {
				why = hromada.T("послуга %s (%s, %s!%s) рахується в %s", "service %s (%s, %s!%s) is counted in %s",
					s.Code, filepath.Base(r.file), r.sheet, r.refs["service"], unitPlural(c.unit))
				break
			}
		}
		for _, r := range registry {
			if why.IsZero() && !r.bad["unit"] && hromada.Unit(r.get("unit")) == c.unit {
				why = hromada.T("кількість у реєстрі (%s, %s!%s) ведеться в %s", "the registry count at %s, %s!%s is in %s",
					filepath.Base(r.file), r.sheet, r.refs["unit"], unitPlural(c.unit))
			}
		}
		if !why.IsZero() {
			fl := Settings.Fields[fieldIndex(Settings, c.setting)]
			l.add(set.problem(c.setting, hromada.T("не заповнено «%s», але %s", "%s is empty, but %s", set.column(fl), why),
				hromada.T("вкажіть стовпець опитування з кількістю %s у домогосподарстві, напр. %s", "name the survey column with the %s per household, e.g. %s",
					unitCount(c.unit), fl.ExampleText())))
		}
	}
}

// fieldIndex is the index of the field key in s, -1 when s has none.
func fieldIndex(s Sheet, key string) int {
	for i, fl := range s.Fields {
		if fl.Key == key {
			return i
		}
	}
	return -1
}

// CostProblems are the problems that would stop the budget of a run and
// that loading alone does not report, since the assessment and the plan
// do not need costs: every service of the Needs sheet needs a post in
// costs.xlsx and a budget programme in the catalogue. Which services a
// plan includes depends on the survey, so any of them may need staff,
// and one without a post would stop the budget of the run that plans it.
// Each problem names the service's cell on the Needs sheet. A project
// without costs.xlsx has one error, since a run makes a budget of every
// plan; one whose costs.xlsx has no Posts sheet has none here: loading
// has reported that.
func (p *Project) CostProblems() hromada.Problems {
	if _, err := os.Stat(p.CostsPath()); err != nil && len(p.Needs) > 0 {
		return hromada.Problems{{File: p.CostsPath(),
			Msg: hromada.T("файл не знайдено: запуск складає кошторис кожного плану, а кошторису потрібні дані про витрати",
				"file not found: a run makes a budget of every plan, and the budget needs the cost inputs"),
			Hint: hromada.T("запустіть «hromada init» у порожній папці, щоб отримати шаблон; «hromada assess» і «hromada plan» працюють і без нього",
				"run 'hromada init' in an empty folder to get a template; 'hromada assess' and 'hromada plan' run without it")}}
	}
	posts := p.SheetNames[Posts.Key]
	if posts == "" {
		return nil
	}
	if len(p.Posts) == 0 && len(p.Needs) > 0 {
		codes := make([]string, len(p.Needs))
		for i, nd := range p.Needs {
			codes[i] = nd.Service.Code
		}
		return hromada.Problems{{File: filepath.Join(p.Dir, CostsFile), Sheet: posts,
			Msg: hromada.T("посад не вказано: кошторис не зможе обрахувати персонал жодної послуги плану (на аркуші «Потреби» у %s їх %d)",
				"no posts are listed: the budget could not cost the staff of any service a plan includes (the Needs sheet of %s lists %d)", ProjectFile, len(codes)),
			Hint: hromada.T("додайте посади й оклади послуг %s", "add the posts and salaries of services %s", strings.Join(codes, ", "))}}
	}
	posted := map[string]bool{}
	for _, po := range p.Posts {
		posted[po.Service] = true
	}
	var ps hromada.Problems
	for _, nd := range p.Needs {
		code := nd.Service.Code
		if !posted[code] {
			ps = append(ps, nd.row.problem("service", hromada.T("для послуги %s немає посади в %s (аркуш %s): план, що її містить, не зможе обрахувати її персонал",
				"service %s has no post in %s (sheet %s): a plan that includes it could not cost its staff", code, CostsFile, posts),
				hromada.T("додайте посади й оклади послуги на аркуш %s у %s або видаліть тут рядок послуги",
					"add the service's posts and salaries to the %s sheet of %s, or remove the service's row here", posts, CostsFile)))
		}
		if row, ok := p.Catalogue.Row(code); ok && row.BudgetProgramme == "" {
			ps = append(ps, nd.row.problem("service", hromada.T("у каталозі для послуги %s немає коду бюджетної програми (КПКВК МБ)",
				"service %s has no budget programme code (КПКВК МБ) in the catalogue", code),
				hromada.T("додайте її бюджетну програму в catalogue.xlsx", "add its budget programme to catalogue.xlsx")))
		}
	}
	return ps
}

func (l *loader) optionalFile(name string, sheets ...Sheet) (map[string][]record, bool) {
	path := filepath.Join(l.dir, name)
	if _, err := os.Stat(path); err != nil {
		l.add(hromada.Problem{Severity: hromada.Warning, File: path,
			Msg:  hromada.T("файл не знайдено; етапи, яким він потрібен, не виконуватимуться", "file not found; the stages that need it will not run"),
			Hint: initHint})
		return nil, false
	}
	return l.readFile(path, sheets...), true
}

// record is one row of an input sheet: the cells by field key, with the
// reference of each cell for messages.
type record struct {
	file, sheet string
	line        int
	setting     bool // a row of the key/value settings sheet
	cells       map[string]string
	refs        map[string]string
	bad         map[string]bool // cells already reported
	// heads are the column headers as the file writes them, by field key,
	// so that a message names a column as the person's sheet does.
	heads map[string]string
	lang  hromada.Lang // the sheet's language, from its name
	// community is the key of the column holding the community code of
	// the row ("code" in the communities sheet, "community" in registry,
	// providers and funding sheets); empty in project-wide sheets.
	community string
}

// firstAt holds, for each key a sheet may give once (a service, a
// community and year…), the cell of the row that gave it first.
type firstAt map[string]string

// again says whether key was given by an earlier row, with the cell of that
// row; otherwise it records the cell of r's field col as the first.
func (f firstAt) again(key string, r record, col string) (string, bool) {
	if prev, dup := f[key]; dup {
		return prev, true
	}
	f[key] = r.refs[col]
	return "", false
}

func (r record) get(key string) string { return strings.TrimSpace(r.cells[key]) }

func (r record) problem(key string, msg, hint hromada.Text) hromada.Problem {
	cell := r.refs[key]
	if cell == "" && !r.setting {
		cell = fmt.Sprintf("row %d", r.line)
	}
	p := hromada.Problem{File: r.file, Sheet: r.sheet, Cell: cell, Msg: msg, Hint: hint}
	if r.community != "" {
		p.Community = r.get(r.community)
	}
	return p
}

// open opens an input workbook, with the project's password when it has
// one; a file that is not a regular file or does not open is a problem of
// the project, and not ok.
func (l *loader) open(path string) (*xlsx.File, bool) {
	if err := safefile.Regular(path); err != nil {
		l.fileProblem(path, regularText(err), hromada.Text{})
		return nil, false
	}
	f, err := kobo.Open(path, xlsx.OpenOptions{Password: l.opt.Password})
	if err != nil {
		l.add(openProblem(path, err))
		return nil, false
	}
	return f, true
}

// readFile reads the named schema sheets of one workbook into records,
// checking each cell against its field's kind.
func (l *loader) readFile(path string, sheets ...Sheet) map[string][]record {
	out := map[string][]record{}
	f, ok := l.open(path)
	if !ok {
		return out
	}
	defer f.Close()
	names := f.Sheets()
	for _, s := range sheets {
		name := ""
		for _, n := range names {
			if s.NameMatches(n) {
				name = n
				break
			}
		}
		if name == "" && s.Optional {
			continue
		}
		if name == "" {
			l.fileProblem(path, hromada.T("аркуша %q не знайдено", "sheet %q not found", s.Name.In(hromada.Ukrainian)+" / "+s.Name.In(hromada.English)),
				hromada.T("аркуші файлу: %s", "the file has sheets: %s", strings.Join(names, ", ")))
			continue
		}
		l.sheets[s.Key] = name
		if s.Key == Settings.Key {
			out[s.Key] = l.readSettingsSheet(path, f, name)
			continue
		}
		out[s.Key] = l.readSheet(path, f, name, s)
	}
	return out
}

// communityKey is the field of sheet s that names a row's community, or
// "" when its rows concern the whole project.
func communityKey(s Sheet) string {
	if s.Key == Communities.Key {
		return "code"
	}
	for _, fl := range s.Fields {
		if fl.Key == "community" && fl.List == "community" {
			return fl.Key
		}
	}
	return ""
}

// openProblem turns an error of the spreadsheet reader into a problem,
// keeping the file, sheet and cell it names.
func openProblem(path string, err error) hromada.Problem {
	var ie *xlsx.InputError
	if errors.As(err, &ie) {
		return ie.Problem
	}
	return hromada.Problem{File: path, Msg: hromada.ErrText(err)}
}

func (l *loader) readSheet(path string, f *xlsx.File, name string, s Sheet) []record {
	t, err := f.Table(name)
	if err != nil {
		l.add(openProblem(path, err))
		return nil
	}
	defer t.Close()
	header := t.Header()
	cols := map[string]int{}
	for _, fl := range s.Fields {
		for i, h := range header {
			if fl.Matches(h) {
				cols[fl.Key] = i
				break
			}
		}
		if _, ok := cols[fl.Key]; !ok && fl.Required {
			l.add(hromada.Problem{File: path, Sheet: name, Cell: "row " + strconv.Itoa(t.HeaderLine()),
				Msg:  hromada.T("немає стовпця «%s»", "column %q is missing", fl.Label.In(hromada.Ukrainian)),
				Hint: hromada.T("додайте стовпець із заголовком «%s» (або «%s»)", "add a column headed %q (or %q)", fl.Label.UK, fl.Label.EN)})
		}
	}
	var recs []record
	for t.Next() {
		row := t.Row()
		blank := true
		for _, v := range row {
			if strings.TrimSpace(v) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		r := record{file: path, sheet: name, line: t.Line(), cells: map[string]string{}, refs: map[string]string{}, bad: map[string]bool{},
			heads: map[string]string{}, lang: sheetLang(s, name), community: communityKey(s)}
		for key, c := range cols {
			if c < len(row) {
				r.cells[key] = row[c]
			}
			r.refs[key] = t.Ref(c)
			r.heads[key] = headerName(header[c])
		}
		for _, fl := range s.Fields {
			l.checkCell(&r, fl, t)
		}
		recs = append(recs, r)
	}
	if err := t.Err(); err != nil {
		l.add(openProblem(path, err))
	}
	l.problems = append(l.problems, t.Problems()...)
	return recs
}

// readSettingsSheet reads the key/value settings sheet: a row is a setting
// found by its key (or its label in either language) in any column, with
// its value in the column headed Value / Значення.
func (l *loader) readSettingsSheet(path string, f *xlsx.File, name string) []record {
	t, err := f.Table(name)
	if err != nil {
		l.add(openProblem(path, err))
		return nil
	}
	defer t.Close()
	header := t.Header()
	valueCol := -1
	for i, h := range header {
		switch normHeader(h) {
		case "value", "значення":
			valueCol = i
		}
	}
	if valueCol < 0 {
		l.add(hromada.Problem{File: path, Sheet: name, Cell: "row " + strconv.Itoa(t.HeaderLine()),
			Msg:  hromada.T("немає стовпця «Значення»", "column \"Значення\" (Value) is missing"),
			Hint: hromada.T("аркуш налаштувань потребує стовпця із заголовком «Значення» (або Value)", "the settings sheet needs a column headed Value or Значення")})
		return nil
	}
	r := record{file: path, sheet: name, setting: true, cells: map[string]string{}, refs: map[string]string{}, bad: map[string]bool{},
		heads: map[string]string{}, lang: sheetLang(Settings, name)}
	for t.Next() {
		row := t.Row()
		for i, cell := range row {
			if i == valueCol {
				continue
			}
			for _, fl := range Settings.Fields {
				if fl.Matches(cell) {
					if valueCol < len(row) {
						r.cells[fl.Key] = row[valueCol]
					}
					r.refs[fl.Key] = t.Ref(valueCol)
				}
			}
		}
	}
	if err := t.Err(); err != nil {
		l.add(openProblem(path, err))
	}
	l.problems = append(l.problems, t.Problems()...)
	for _, fl := range Settings.Fields {
		if _, ok := r.refs[fl.Key]; !ok && fl.Required {
			l.add(hromada.Problem{File: path, Sheet: name, Msg: hromada.T("немає налаштування «%s»", "setting %q is missing", fl.Label.In(hromada.Ukrainian)),
				Hint: hromada.T("додайте рядок «%[2]s» з його значенням", "add a row %[1]q with its value", fl.Key, fl.Label.UK)})
			r.bad[fl.Key] = true
			continue
		}
		l.checkCell(&r, fl, t)
	}
	return []record{r}
}

// checkCell checks one cell against its field: required, and of its kind.
func (l *loader) checkCell(r *record, fl Field, t *xlsx.Table) {
	v := r.get(fl.Key)
	if v == "" {
		if fl.Required {
			hint := hromada.T("цей стовпець обов'язковий", "this column is required")
			if r.setting {
				hint = hromada.T("це налаштування обов'язкове", "this setting is required")
				if fl.Example != "" {
					hint = hromada.T("%s, напр. %s", "%s, e.g. %s", hint, fl.ExampleText())
				}
			}
			l.add(r.problem(fl.Key, hromada.T("не заповнено «%s»", "%s is empty", r.column(fl)), hint))
			r.bad[fl.Key] = true
		} else if fl.Default != "" && !(r.setting && fl.Key == "language") {
			// An empty report language is not set: the commands follow
			// the environment (LANG), else Ukrainian.
			r.cells[fl.Key] = fl.Default
		}
		return
	}
	var err error
	switch fl.Kind {
	case Number:
		var x float64
		if x, err = xlsx.ParseNumber(v); err == nil && x < 0 {
			err = hromada.Errorf("%q — від'ємне число; має бути 0 або більше", "%q is negative; it must be 0 or more", v)
		}
	case Integer:
		var x float64
		if x, err = xlsx.ParseNumber(v); err == nil {
			if x != math.Trunc(x) || x < 0 {
				err = hromada.Errorf("%q — не ціле число від 0; напишіть ціле число, 0 або більше, без дробової частини, напр. 1200",
					"%q is not a whole number of 0 or more; write a whole number, 0 or more, without a fraction, e.g. 1200", v)
			} else {
				r.cells[fl.Key] = strconv.FormatFloat(x, 'f', -1, 64)
			}
		}
	case Share:
		var x float64
		if x, err = parseShare(v); err == nil {
			r.cells[fl.Key] = strconv.FormatFloat(x, 'f', -1, 64)
		}
	case YesNo:
		var b bool
		if b, err = xlsx.ParseYesNo(v); err == nil {
			r.cells[fl.Key] = strconv.FormatBool(b)
		}
	case Date:
		var d time.Time
		if d, err = xlsx.ParseDate(v, t.File().Date1904()); err == nil {
			r.cells[fl.Key] = d.Format("2006-01-02")
		}
	case Code:
		if _, fixed := FixedLists[fl.List]; fixed {
			if code, ok := ParseListValue(fl.List, v); ok {
				r.cells[fl.Key] = code
			} else {
				err = hromada.Errorf("%q — недопустиме значення; дозволено: %s", "%q is not allowed; allowed: %s", v, allowedText(fl.List, r.lang))
			}
		}
	}
	if err != nil {
		l.add(r.problem(fl.Key, hromada.T("«%s»: %v", "%s: %v", r.column(fl), err), hromada.Text{}))
		r.bad[fl.Key] = true
	}
}

// allowedText lists the values of a fixed list as a drop-down in lang
// offers them, with the codes also accepted when they differ:
// "сім'я, дитина, особа (or family, child, person)", in a Ukrainian
// message «сім'я, дитина, особа (або family, child, person)».
func allowedText(list string, lang hromada.Lang) hromada.Text {
	out := strings.Join(ListWords(list, lang), ", ")
	if codes := strings.Join(FixedList(list), ", "); codes != out {
		return hromada.T("%s (або %s)", "%s (or %s)", out, codes)
	}
	return hromada.Text{UK: out, EN: out}
}

// sheetLang is the language of a sheet's name: English when it is the
// sheet's English name, else Ukrainian.
func sheetLang(s Sheet, name string) hromada.Lang {
	if normHeader(name) == normHeader(s.Name.EN) && normHeader(s.Name.EN) != normHeader(s.Name.UK) {
		return hromada.English
	}
	return hromada.Ukrainian
}

// headerName is a header as a message names the column: without the mark
// of a required column.
func headerName(h string) string {
	h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	return strings.TrimSpace(strings.TrimSuffix(h, "*"))
}

// column names the field's column as the record's sheet does: its header
// in the file, else its label in the sheet's language.
func (r record) column(fl Field) string {
	if h := r.heads[fl.Key]; h != "" {
		return h
	}
	lang := r.lang
	if lang == "" {
		lang = hromada.English
	}
	return fl.Label.In(lang)
}

func parseShare(v string) (float64, error) {
	s := strings.TrimSpace(v)
	pct := strings.HasSuffix(s, "%")
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	x, err := xlsx.ParseNumber(s)
	if err != nil {
		return 0, err
	}
	if pct || x > 1 {
		x /= 100
	}
	if x < 0 || x > 1 {
		return 0, hromada.Errorf("частка %q поза межами 0–100 %%; напишіть відсоток від 0 до 100, напр. 40 %%, або частку від 0 до 1, напр. 0,4",
			"share %q is outside 0–100 %%; write a percentage from 0 to 100, e.g. 40 %%, or a fraction from 0 to 1, e.g. 0.4", v)
	}
	return x, nil
}

// FixedList returns the allowed codes of a fixed drop-down list of the
// templates (FixedLists), nil for lists that come from the catalogue or
// the project.
func FixedList(name string) []string {
	var codes []string
	for _, v := range FixedLists[name] {
		codes = append(codes, v.Code)
	}
	return codes
}

func (r record) float(key string) float64 {
	x, _ := strconv.ParseFloat(r.get(key), 64) // checked by checkCell; a bad cell reads as 0 and is already reported
	return x
}

func (r record) int(key string) int { return int(r.float(key)) }

func (l *loader) settings(recs []record) {
	if len(recs) == 0 {
		return
	}
	r := recs[0]
	p := l.p
	p.Name = r.get("name")
	switch r.get("language") { // empty: not set, Lang is ""
	case "en":
		p.Lang = hromada.English
	case "uk":
		p.Lang = hromada.Ukrainian
	}
	p.FirstYear = r.int("first_year")
	p.Years = r.int("years")
	if !r.bad["years"] && (p.Years < 1 || p.Years > 30) {
		l.add(r.problem("years", hromada.T("років у плані %d — поза межами 1–30", "planning years %d is outside 1–30", p.Years), hromada.Text{}))
	}
	if !r.bad["first_year"] && p.FirstYear != 0 && (p.FirstYear < 2000 || p.FirstYear > 2100) {
		l.add(r.problem("first_year", hromada.T("перший рік планування %d — неправдоподібний рік", "first planning year %d is not a plausible year", p.FirstYear),
			hromada.T("напишіть рік, наприклад 2026", "write a year such as 2026")))
	}
	s := &p.Survey
	s.Weight, s.Stratum, s.Cluster, s.FPC = r.get("weight"), r.get("stratum"), r.get("cluster"), r.get("fpc")
	s.Community, s.Children, s.HouseholdSize = r.get("community"), r.get("children"), r.get("household_size")
	s.CI, s.LonelyPSU = r.get("ci_method"), r.get("lonely_psu")
	s.Level = r.float("level")
	if !r.bad["level"] && (s.Level <= 0.5 || s.Level >= 1) {
		l.add(r.problem("level", hromada.T("рівень довіри %s — поза межами 0,5–1", "confidence level %s is outside 0.5–1", hromada.Number(s.Level, 6)),
			hromada.T("зазвичай 0,95", "0.95 is usual")))
	}
	s.MinCount = r.int("min_count")
	s.Suppress = r.get("suppress") != "false"
	p.FTEStep = r.float("fte_step")
	b := &p.Budget
	b.CPI, b.WageGrowth = math.NaN(), math.NaN()
	if r.get("cpi") != "" && !r.bad["cpi"] {
		b.CPI = r.float("cpi")
	}
	if r.get("wage_growth") != "" && !r.bad["wage_growth"] {
		b.WageGrowth = r.float("wage_growth")
	}
	b.Admin, b.Discount, b.CapitalRate, b.Threshold = r.float("admin_share"), r.float("discount_rate"), r.float("capital_rate"), r.float("threshold")
}

var katottg = regexp.MustCompile(`^UA\d{17}$`)

func (l *loader) communities(recs []record) {
	seen := map[string]string{}
	slugs := map[string]string{} // file name → the cell it comes from
	for _, r := range recs {
		c := Community{
			Community: hromada.Community{
				Code:       r.get("code"),
				Name:       hromada.Text{UK: r.get("name_uk"), EN: r.get("name_en")},
				Population: r.int("population"),
			},
			SurveyFile: r.get("survey_file"), SurveySheet: r.get("survey_sheet"), SurveyValue: r.get("survey_value"),
		}
		if c.Code != "" {
			if prev, ok := seen[c.Code]; ok {
				l.add(r.problem("code", hromada.T("громаду %s указано двічі (уперше в %s)", "community %s is listed twice (first at %s)", c.Code, prev),
					hromada.T("залиште один рядок на громаду", "keep one row per community")))
			}
			seen[c.Code] = r.refs["code"]
			if !katottg.MatchString(c.Code) {
				l.add(withSeverity(r.problem("code", hromada.T("%q не схожий на код КАТОТТГ (UA і 17 цифр)", "%q does not look like a KATOTTG code (UA + 17 digits)", c.Code),
					hromada.T("вкажіть код громади з кодифікатора КАТОТТГ", "use the community's code from the KATOTTG classifier")), hromada.Warning))
			}
		}
		if slug, key := Slug(c.Community), slugKey(c.Community); c.Code != "" || c.Name.EN != "" {
			if prev, ok := slugs[slug]; ok {
				l.add(r.problem(key, hromada.T("файли цієї громади і громади в %s мали б однакову назву, %s-….xlsx, і заміняли б одні одних",
					"the files of this community and of the one at %s would have the same name, %s-….xlsx, and replace each other", prev, slug),
					hromada.T("дайте кожній громаді власну назву англійською (їх розрізняють літери a–z і цифри, а не регістр чи розділові знаки)",
						"give each community an English name of its own (letters a–z and digits tell them apart; case and punctuation do not)")))
			} else {
				slugs[slug] = r.refs[key]
			}
		}
		if !r.bad["population"] && c.Population == 0 && r.get("population") != "" {
			l.add(r.problem("population", hromada.T("населення — 0", "population is 0"), hromada.T("напишіть кількість мешканців", "write the number of residents")))
		}
		if c.SurveyFile != "" {
			var nr *safefile.NotRegular
			if err := safefile.Regular(l.p.SurveyPath(c)); errors.As(err, &nr) {
				l.add(r.problem("survey_file", hromada.T("файл опитування %q — це %s", "survey file %q is %s", c.SurveyFile, notRegularKind(nr)),
					hromada.T("вкажіть збережений експорт Kobo", "give the saved Kobo export")))
			} else if err != nil {
				hint := hromada.T("покладіть експорт Kobo в папку проєкту і напишіть шлях до нього відносно неї, напр. survey/%s",
					"put the Kobo export in the project folder and write its path relative to it, e.g. survey/%s", path.Base(slashPath(c.SurveyFile)))
				if near := nearSurveyFile(l.dir, c.SurveyFile); near != "" {
					hint = hromada.T("у папці проєкту є %s: якщо це він, напишіть цей шлях", "the project folder holds %s: if that is the file, write this path", near)
				}
				// "%s" in quotes, not %q: a Windows path keeps its single backslashes.
				l.add(r.problem("survey_file", hromada.T(`файл опитування "%s" не знайдено`, `survey file "%s" not found`, c.SurveyFile), hint))
			}
		}
		l.p.Communities = append(l.p.Communities, c)
	}
	if len(recs) == 0 {
		l.add(hromada.Problem{File: filepath.Join(l.dir, ProjectFile), Sheet: l.sheets[Communities.Key],
			Msg:  hromada.T("громад не вказано", "no communities are listed"),
			Hint: hromada.T("додайте по рядку на громаду: код, назва, населення, файл опитування", "add one row per community: code, name, population, survey file")})
	}
}

// slugKey is the column of the Communities sheet that Slug names a
// community's files by.
func slugKey(c hromada.Community) string {
	if safefile.Name(c.Name.EN) != "" {
		return "name_en"
	}
	return "code"
}

// Hints that several checks give.
var (
	onePerService = hromada.T("залиште один рядок на послугу", "keep one row per service")
	rampHint      = hromada.T("напишіть частки від 0 до 1 за роками, напр. 0,3 0,6 1", "write shares from 0 to 1 by year, e.g. 0.3 0.6 1")
)

func withSeverity(p hromada.Problem, s hromada.Severity) hromada.Problem {
	p.Severity = s
	return p
}

func (l *loader) groups(recs []record) {
	known := map[string]hromada.Group{}
	for _, g := range l.p.Catalogue.Groups() {
		known[g.ID] = g
	}
	seen := map[string]bool{}
	for _, r := range recs {
		id := r.get("id")
		if id == "" {
			continue
		}
		g := Group{Column: r.get("column"), Repeat: r.get("repeat"), Values: strings.Fields(strings.ToLower(r.get("values")))}
		if base, ok := known[id]; ok {
			g.Group = base
		} else {
			g.ID = id
			g.Unit = hromada.Family
			g.Vulnerability = 1
			if r.get("name_uk") == "" && r.get("name_en") == "" {
				l.add(r.problem("name_uk", hromada.T("група %q не вбудована і не має назви", "group %q is not a built-in group and has no name", id),
					hromada.T("дайте їй назву або вкажіть код вбудованої групи: %s", "give it a name, or use a built-in id: %s", strings.Join(sortedKeys(known), ", "))))
			}
		}
		if n := r.get("name_uk"); n != "" {
			g.Name.UK = n
		}
		if n := r.get("name_en"); n != "" {
			g.Name.EN = n
		}
		if u := r.get("unit"); u != "" && !r.bad["unit"] {
			g.Unit = hromada.Unit(u)
		}
		if v := r.get("vulnerability"); v != "" && !r.bad["vulnerability"] {
			g.Vulnerability = r.float("vulnerability")
		}
		if len(g.Values) == 0 {
			g.Values = []string{"yes"}
		}
		if seen[id] {
			l.add(r.problem("id", hromada.T("групу %q визначено двічі", "group %q is defined twice", id), hromada.T("залиште один рядок на групу", "keep one row per group")))
		}
		seen[id] = true
		l.p.Groups = append(l.p.Groups, g)
	}
}

// unitPlural names the members a unit counts: "children" («дітях», as in
// «рахується в дітях»), "persons" («особах»).
func unitPlural(u hromada.Unit) hromada.Text {
	if u == hromada.Child {
		return hromada.T("дітях", "children")
	}
	return hromada.T("особах", "persons")
}

// unitCount names the members a unit counts as in "the number of …":
// "children" («дітей»), "persons" («осіб»).
func unitCount(u hromada.Unit) hromada.Text {
	if u == hromada.Child {
		return hromada.T("дітей", "children")
	}
	return hromada.T("осіб", "persons")
}

// unitName names a unit as the drop-downs of the templates do: the code
// in English ("child"), the word in Ukrainian («дитина»).
func unitName(u hromada.Unit) hromada.Text {
	for _, v := range FixedLists["unit"] {
		if v.Code == string(u) {
			return hromada.Text{UK: v.Shown(hromada.Ukrainian), EN: string(u)}
		}
	}
	return hromada.Text{UK: string(u), EN: string(u)}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// service finds a service by classifier code or key, reporting an unknown
// one at the record's cell.
func (l *loader) service(r record, key string) (hromada.Service, bool) {
	v := r.get(key)
	if v == "" || r.bad[key] {
		return hromada.Service{}, false
	}
	if s, ok := l.serviceOf(v); ok {
		return s, true
	}
	hint := hromada.T("вкажіть код із класифікатора соціальних послуг (див. аркуш «Каталог послуг») або додайте послугу в catalogue.xlsx",
		"use a code of the classifier of social services (see the Service catalogue sheet), or add the service to catalogue.xlsx")
	if near, mark := l.nearServices(v); len(near) > 0 {
		names := make([]string, len(near))
		namesEN := make([]string, len(near))
		for i, s := range near {
			names[i] = s.Code + " — " + s.Name.UK
			namesEN[i] = s.Code + " — " + s.Name.EN
		}
		uk, en := "мабуть, ви мали на увазі ", "perhaps you meant "
		if mark {
			uk, en = "код пишеться з крапкою: мабуть, ", "a code is written with a full stop: perhaps "
		}
		hint = hromada.Text{
			UK: uk + strings.Join(names, "; чи ") + ". Інакше " + hint.UK,
			EN: en + strings.Join(namesEN, "; or ") + ". Otherwise " + hint.EN,
		}
	}
	l.add(r.problem(key, hromada.T("коду послуги %q немає в каталозі", "service code %q is not in the catalogue", v), hint))
	return hromada.Service{}, false
}

// nearServices are the catalogue's services a mistyped code v most likely
// meant: the one it names when a comma, a space or another mark stands for
// the code's full stop ("002,0", "002 0", "002/0" for 002.0), said by mark;
// else those of its class, the same three digits ("002.1", or the number
// 2.1 Excel made of it, for 002.0), at most three.
func (l *loader) nearServices(v string) (near []hromada.Service, mark bool) {
	if code, ok := ServiceCodeOf(v); ok { // 002.1 that Excel made the number 2.1
		v = code
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.TrimSpace(v))
	if len(digits) == 4 {
		if s, ok := l.p.Catalogue.Service(digits[:3] + "." + digits[3:]); ok {
			return []hromada.Service{s}, true
		}
	}
	if len(digits) < 3 {
		return nil, false
	}
	for _, s := range l.p.Catalogue.Services() {
		if strings.HasPrefix(s.Code, digits[:3]+".") && len(near) < 3 {
			near = append(near, s)
		}
	}
	return near, false
}

func (l *loader) serviceOf(v string) (hromada.Service, bool) {
	if s, ok := l.serviceOfCode(v); ok {
		return s, true
	}
	if code, _, cut := strings.Cut(strings.TrimSpace(v), " "); cut {
		return l.serviceOfCode(code)
	}
	return hromada.Service{}, false
}

func (l *loader) serviceOfCode(v string) (hromada.Service, bool) {
	if s, ok := l.p.Catalogue.Service(v); ok {
		return s, true
	}
	if s, ok := l.p.Catalogue.ByKey(v); ok {
		return s, true
	}
	// Excel turns 002.0 typed into a General cell into the number 2.
	if code, ok := ServiceCodeOf(v); ok {
		if s, ok := l.p.Catalogue.Service(code); ok {
			return s, true
		}
	}
	return hromada.Service{}, false
}

func (l *loader) needs(recs []record) {
	seen := firstAt{}
	for _, r := range recs {
		s, ok := l.service(r, "service")
		if !ok {
			continue
		}
		if prev, dup := seen.again(s.Code, r, "service"); dup {
			l.add(r.problem("service", hromada.T("послугу %s зіставлено двічі (уперше в %s)", "service %s is mapped twice (first at %s)", s.Code, prev), onePerService))
			continue
		}
		nd := Need{Service: s, Column: r.get("column"), Option: r.get("option"),
			ClientsRepeat: r.get("clients_repeat"), ClientsColumn: r.get("clients_column"), row: r}
		if s.Unit != hromada.Family && s.Unit != "" && nd.ClientsColumn == "" && nd.ClientsRepeat == "" {
			l.add(withSeverity(r.problem("clients_column", hromada.T("послуга %s рахується в %s, але жодне запитання не каже, скільки з них її потребує: кожне домогосподарство з потребою рахується як один клієнт",
				"service %s is counted in %s, but no question says how many need it: each household in need counts as one client", s.Code, unitPlural(s.Unit)),
				hromada.T("вкажіть у clients_repeat і clients_column запитання member_needs про членів домогосподарства (roster) з анкети, яку створює hromada init",
					"point clients_repeat and clients_column to the roster question member_needs of the questionnaire hromada init writes")), hromada.Warning))
		}
		if nd.ClientsRepeat != "" && nd.ClientsColumn == "" {
			l.add(r.problem("clients_column", hromada.T("для послуги %s вказано аркуш членів домогосподарства %q, але не вказано стовпця клієнтів",
				"service %s has a roster sheet %q but no clients column", s.Code, nd.ClientsRepeat),
				hromada.T("вкажіть запитання про окремих членів домогосподарства, напр. member_needs", "name the roster's member-level question, e.g. member_needs")))
		}
		l.p.Needs = append(l.p.Needs, nd)
	}
	if len(recs) == 0 {
		l.add(hromada.Problem{File: filepath.Join(l.dir, ProjectFile), Sheet: l.sheets[Needs.Key],
			Msg:  hromada.T("жодну потребу не зіставлено з послугами", "no needs are mapped to services"),
			Hint: hromada.T("додайте по рядку на послугу: код послуги, стовпець опитування, варіант", "add one row per service: service code, survey column, option")})
	}
}

func (l *loader) targets(recs []record) {
	seen := firstAt{}
	for _, r := range recs {
		s, ok := l.service(r, "service")
		if !ok {
			continue
		}
		if prev, dup := seen.again(s.Code, r, "service"); dup {
			l.add(r.problem("service", hromada.T("послуга %s має другу ціль (перша в %s)", "service %s has a second target (first at %s)", s.Code, prev), onePerService))
			continue
		}
		tg := Target{Service: s.Code, Coverage: math.NaN(), Uptake: math.NaN(), Path: r.get("path"), Years: r.int("years")}
		if r.get("coverage") != "" && !r.bad["coverage"] {
			tg.Coverage = r.float("coverage")
		}
		if r.get("uptake") != "" && !r.bad["uptake"] {
			tg.Uptake = r.float("uptake")
			if tg.Uptake == 0 {
				l.add(r.problem("uptake", hromada.T("з часткою 0 план не передбачить жодного користувача", "uptake 0 would plan no users at all"),
					hromada.T("напишіть частку більше 0 і не більше 1 або залиште клітинку порожньою, щоб узяти частку з каталогу",
						"write a share above 0 and at most 1, or leave it empty for the catalogue's")))
				tg.Uptake = math.NaN()
			}
		}
		switch tg.Path {
		case "linear":
			if r.get("years") != "" && tg.Years < 1 && !r.bad["years"] {
				l.add(r.problem("years", hromada.T("для шляху «рівномірно» потрібна кількість років нарощування", "a linear path needs the number of years to scale up over"),
					hromada.T("напишіть 1 або більше або залиште клітинку порожньою, щоб узяти роки плану", "write 1 or more, or leave it empty for the plan's years")))
			}
		case "ramp":
			for _, f := range strings.Fields(r.get("ramp")) {
				x, err := parseShare(f)
				if err != nil {
					l.add(r.problem("ramp", hromada.T("частки за роками: %q — не частка цілі", "ramp: %q is not a share of the target", f), rampHint))
					tg.Ramp = nil
					break
				}
				tg.Ramp = append(tg.Ramp, x)
			}
			if len(tg.Ramp) == 0 && r.get("ramp") == "" {
				l.add(r.problem("ramp", hromada.T("для шляху «за частками» потрібні частки цілі за роками", "a ramp path needs the shares of the target by year"), rampHint))
			}
		}
		l.p.Targets = append(l.p.Targets, tg)
	}
}

func (l *loader) community(r record, key string) bool {
	v := r.get(key)
	if v == "" || r.bad[key] {
		return false
	}
	if l.anyCommunity {
		return true
	}
	for _, c := range l.p.Communities {
		if c.Code == v {
			return true
		}
	}
	hint := hromada.T("вкажіть код з аркуша «Громади» у project.xlsx", "use a code listed on the Communities sheet of project.xlsx")
	if c, ok := l.nearCommunity(v); ok {
		hint = hromada.T("мабуть, %s (%s); вкажіть код з аркуша «Громади» у project.xlsx", "perhaps %s (%s); use a code listed on the Communities sheet of project.xlsx",
			c.Code, c.Name)
	}
	l.add(r.problem(key, hromada.T("громади %q немає серед громад проєкту", "community %q is not in the project's communities", v), hint))
	return false
}

func (l *loader) registry(recs []record) {
	// A count is of a group the survey estimates: one of the Groups
	// sheet (the estimate of a run refuses any other). Only when that
	// sheet could not be read are the catalogue's groups accepted, so as
	// not to report every row again.
	groups := map[string]bool{}
	var known []hromada.Group
	for _, g := range l.p.Groups {
		groups[g.ID] = true
		known = append(known, g.Group)
	}
	if len(groups) == 0 {
		for _, g := range l.p.Catalogue.Groups() {
			groups[g.ID] = true
			known = append(known, g)
		}
	}
	seen := firstAt{}
	for _, r := range recs {
		ok := l.community(r, "community")
		g := r.get("group")
		if g != "" && !groups[g] {
			hint := hromada.T("вкажіть код групи з аркуша «Групи» у project.xlsx: %s", "use a group id from the Groups sheet of project.xlsx: %s", strings.Join(sortedKeys(groups), ", "))
			if near, ok := nearGroup(g, known); ok {
				hint = hromada.T("мабуть, %s (%s); %s", "perhaps %s (%s); %s", near.ID, near.Name, hint)
			}
			l.add(r.problem("group", hromada.T("групу %q не визначено на аркуші «Групи» у %s", "group %q is not defined on the Groups sheet of %s", g, ProjectFile), hint))
			ok = false
		}
		if !ok || r.bad["count"] || r.bad["unit"] || r.bad["as_of"] {
			continue
		}
		k := r.get("community") + "|" + g + "|" + r.get("unit")
		if prev, dup := seen.again(k, r, "count"); dup {
			l.add(r.problem("count", hromada.T("друга кількість для %s, %s, %s (перша в %s)", "a second count for %s, %s, %s (first at %s)", r.get("community"), g, r.get("unit"), prev),
				hromada.T("залиште один рядок на громаду, групу й одиницю", "keep one row per community, group and unit")))
			continue
		}
		asOf, _ := time.Parse("2006-01-02", r.get("as_of")) // normalised by checkCell
		l.p.Registry = append(l.p.Registry, RegistryCount{
			Community: r.get("community"), Group: g, Unit: hromada.Unit(r.get("unit")),
			Count: r.float("count"), AsOf: asOf, Source: r.get("source"),
		})
	}
}

// knownClients reads the Known clients sheet: one row per community and
// service, in the service's unit.
func (l *loader) knownClients(recs []record) {
	seen := firstAt{}
	for _, r := range recs {
		okC := l.community(r, "community")
		s, okS := l.service(r, "service")
		if !okC || !okS || r.bad["count"] || r.bad["unit"] || r.bad["as_of"] || r.bad["use"] {
			continue
		}
		if u := hromada.Unit(r.get("unit")); u != s.Unit {
			l.add(r.problem("unit", hromada.T("одиниця %q — не одиниця послуги %s, яка рахується в одиниці «%s»", "unit %q is not the unit of service %s, which counts in %s",
				r.get("unit"), s.Code, unitName(s.Unit)),
				hromada.T("рахуйте клієнтів послуги в одиниці «%s» (див. каталог)", "count the service's clients in %s (see the catalogue)", unitName(s.Unit))))
			continue
		}
		k := r.get("community") + "|" + s.Code
		if prev, dup := seen.again(k, r, "count"); dup {
			l.add(r.problem("count", hromada.T("друга кількість відомих клієнтів для %s, послуга %s (перша в %s)",
				"a second count of known clients for %s, service %s (first at %s)", r.get("community"), s.Code, prev),
				hromada.T("залиште один рядок на громаду й послугу", "keep one row per community and service")))
			continue
		}
		asOf, _ := time.Parse("2006-01-02", r.get("as_of")) // normalised by checkCell
		l.p.Known = append(l.p.Known, KnownClient{
			Community: r.get("community"), Service: s.Code, Unit: s.Unit, Count: r.float("count"), AsOf: asOf,
			Source: r.get("source"), Use: r.get("use"),
			Ref: fmt.Sprintf("%s: %s!%s", filepath.Base(r.file), r.sheet, r.refs["count"]),
		})
	}
}

func (l *loader) providers(recs []record) {
	for _, r := range recs {
		okC := l.community(r, "community")
		s, okS := l.service(r, "service")
		if !okC || !okS || r.bad["capacity"] {
			continue
		}
		p := Provider{
			Community: r.get("community"), Name: r.get("provider"), Ownership: r.get("ownership"), Service: s.Code,
			Capacity: r.float("capacity"), Clients: r.float("clients"), StaffFTE: r.float("staff_fte"), Vacancies: r.float("vacancies"),
			Ref: fmt.Sprintf("%s: %s!%s", filepath.Base(r.file), r.sheet, r.refs["provider"]),
		}
		if p.Clients > 0 && p.Capacity > 0 && p.Clients > 2*p.Capacity {
			l.add(withSeverity(r.problem("clients", hromada.T("поточних клієнтів (%s) більш ніж удвічі більше за спроможність (%s)",
				"current clients %s are more than twice the capacity %s", hromada.Count(p.Clients), hromada.Count(p.Capacity)),
				hromada.T("перевірте спроможність: це кількість клієнтів на рік", "check the capacity: it is clients a year")), hromada.Warning))
		}
		l.p.Providers = append(l.p.Providers, p)
	}
}

// ServiceCodeOf reads a classifier code that a spreadsheet turned into a
// number — 2 or 2.0 for 002.0, 15.1 for 015.1 — back into its form
// NNN.N. ok is false when v is not such a number.
func ServiceCodeOf(v string) (string, bool) {
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || x < 0 || x >= 1000 {
		return "", false
	}
	tenths := math.Round(x * 10)
	if math.Abs(tenths-x*10) > 1e-6 {
		return "", false
	}
	return fmt.Sprintf("%05.1f", tenths/10), true
}

// LoadInventory reads a provider inventory (Annex 2) on its own, outside a
// project: every row's service code is checked against cat, and any
// community code is accepted.
func LoadInventory(path string, cat *catalogue.Catalogue, opt LoadOptions) ([]Provider, hromada.Problems) {
	l := &loader{dir: filepath.Dir(path), opt: opt, p: &Project{Catalogue: cat}, sheets: map[string]string{}, anyCommunity: true}
	if _, err := os.Stat(path); err != nil {
		return nil, hromada.Problems{{File: path, Msg: hromada.T("файл переліку надавачів не знайдено", "inventory file not found")}}
	}
	recs := l.readFile(path, Providers)
	l.providers(recs["providers"])
	return l.p.Providers, l.problems
}

// LoadCosts reads a cost-input workbook on its own, outside a project:
// service codes are checked against cat, any community code is accepted.
func LoadCosts(path string, cat *catalogue.Catalogue, opt LoadOptions) (*Project, hromada.Problems) {
	l := &loader{dir: filepath.Dir(path), opt: opt, p: &Project{Catalogue: cat, costsPath: path}, sheets: map[string]string{}, anyCommunity: true}
	l.p.SheetNames = l.sheets
	if _, err := os.Stat(path); err != nil {
		return nil, hromada.Problems{{File: path, Msg: hromada.T("файл даних про витрати не знайдено", "cost inputs file not found")}}
	}
	l.costs(l.readFile(path, Posts, OtherCosts, Startup, Funding, Revenue))
	return l.p, l.problems
}

func (l *loader) costs(recs map[string][]record) {
	shares := map[string]float64{}
	firstRef := map[string]record{}
	var order []string
	named := map[string]string{}
	for _, r := range recs["posts"] {
		if s, ok := l.service(r, "service"); ok {
			k := s.Code + "|" + strings.ToLower(r.get("post"))
			if prev, dup := named[k]; dup && r.get("post") != "" {
				l.add(r.problem("post", hromada.T("посаду %q послуги %s указано двічі (уперше в %s)", "post %q of service %s is listed twice (first at %s)", r.get("post"), s.Code, prev),
					hromada.T("залиште один рядок на кожну посаду послуги", "keep one row per post of a service")))
				continue
			}
			named[k] = r.refs["post"]
			l.p.Posts = append(l.p.Posts, Post{Service: s.Code, Post: r.get("post"), PostEN: r.get("name_en"), Share: r.float("share"), Salary: r.float("salary"), ExtraMonths: r.float("extra_months")})
			if _, seen := firstRef[s.Code]; !seen {
				firstRef[s.Code] = r
				order = append(order, s.Code)
			}
			shares[s.Code] += r.float("share")
		}
	}
	for _, code := range order {
		if sum := shares[code]; math.Abs(sum-1) > 1e-6 {
			l.add(firstRef[code].problem("share", hromada.T("частки посад послуги %s у сумі дають %s; сума має бути 1 (100 %%)",
				"the shares of the posts of service %s add up to %s; they must add up to 1 (100 %%)", code, hromada.Number(sum, 4)),
				hromada.T("вкажіть для кожної посади послуги її частку в ставках послуги, напр. 0,5 і 0,5",
					"give each post of the service its share of the service's staff, e.g. 0.5 and 0.5")))
		}
	}
	for _, r := range recs["other_costs"] {
		if s, ok := l.service(r, "service"); ok {
			l.p.OtherCosts = append(l.p.OtherCosts, OtherCost{Service: s.Code, Item: r.get("item"), ItemEN: r.get("name_en"), Basis: r.get("basis"), Amount: r.float("amount"), KEKV: r.get("kekv")})
		}
	}
	for _, r := range recs["startup"] {
		if s, ok := l.service(r, "service"); ok {
			if !r.bad["life"] && r.int("life") == 0 {
				l.add(r.problem("life", hromada.T("строк служби — 0 років", "useful life is 0 years"),
					hromada.T("напишіть, скільки років прослужить предмет, 1 або більше", "write how many years the item lasts, 1 or more")))
			}
			if y := r.int("year"); !r.bad["year"] && (y < 2000 || y > 2100) {
				l.add(r.problem("year", hromada.T("рік придбання %d — неправдоподібний рік", "year bought %d is not a plausible year", y),
					hromada.T("напишіть рік придбання, наприклад 2026", "write the year the item is bought, such as 2026")))
			}
			l.p.Startup = append(l.p.Startup, StartupItem{Service: s.Code, Item: r.get("item"), ItemEN: r.get("name_en"), Amount: r.float("amount"), Year: r.int("year"), Life: r.int("life"), KEKV: r.get("kekv")})
		}
	}
	seen := firstAt{}
	for _, r := range recs["funding"] {
		if !l.community(r, "community") || r.bad["donor"] || r.bad["state"] || r.bad["year"] {
			continue
		}
		f := FundingShare{Community: r.get("community"), Year: r.int("year"), Donor: r.float("donor"), State: r.float("state")}
		if f.Donor+f.State > 1+1e-9 {
			l.add(r.problem("state", hromada.T("частка донора %s %% і частка держбюджету %s %% разом перевищують 100 %%", "donor %s %% + state %s %% is more than 100 %%",
				hromada.Number(f.Donor*100, 0), hromada.Number(f.State*100, 0)),
				hromada.T("решту покриває місцевий бюджет; разом дві частки мають становити не більше 100 %", "the local budget carries the rest; the two shares must add up to at most 100 %")))
			continue
		}
		k := fmt.Sprintf("%s|%d", f.Community, f.Year)
		if prev, dup := seen.again(k, r, "year"); dup {
			l.add(r.problem("year", hromada.T("рік %d для %s указано двічі (уперше в %s)", "year %d of %s is listed twice (first at %s)", f.Year, f.Community, prev),
				hromada.T("залиште один рядок на громаду й рік", "keep one row per community and year")))
			continue
		}
		l.p.Funding = append(l.p.Funding, f)
	}
	for _, r := range recs["revenue"] {
		if l.community(r, "community") && !r.bad["revenue"] {
			l.p.Revenue = append(l.p.Revenue, BudgetRevenue{Community: r.get("community"), Year: r.int("year"), Revenue: r.float("revenue"), Social: r.float("social"), Growth: r.float("growth")})
		}
	}
}

// readCatalogue reads a project's catalogue override and merges it into
// the built-in catalogue.
func (l *loader) readCatalogue(path string, base *catalogue.Catalogue) *catalogue.Catalogue {
	f, ok := l.open(path)
	if !ok {
		return nil
	}
	defer f.Close()
	t, err := f.Table("")
	if err != nil {
		l.add(openProblem(path, err))
		return nil
	}
	defer t.Close()
	var rows [][]string
	for t.Next() {
		rows = append(rows, append([]string(nil), t.Row()...))
	}
	if err := t.Err(); err != nil {
		l.add(openProblem(path, err))
		return nil
	}
	over, err := catalogue.FromRows(t.Header(), rows, path)
	if err != nil {
		var ps hromada.Problems
		if errors.As(err, &ps) {
			l.problems = append(l.problems, ps...)
		} else {
			l.add(openProblem(path, err))
		}
		return nil
	}
	return base.Merge(over)
}
