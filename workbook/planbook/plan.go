package planbook

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/workbook"
)

// TopPriorities is how many actions the Summary lists and the Gaps and
// Actions sheets highlight: the first by rank.
const TopPriorities = 5

// Plan is everything the plan workbook of one community shows: the plan
// computed by package plan and what it was computed from.
type Plan struct {
	Lang    hromada.Lang
	Project string // project name; "" without a project

	// Input is what the plan was computed from: it gives the providers as
	// read (the Inventory sheet), the groups and their vulnerability
	// weights, the targets and paths, and the posts of each service.
	Input plan.Input
	// Result is the plan: Result.Community, FirstYear, Years and FTEStep
	// head the workbook.
	Result plan.Result

	// Assessment is the assessment workbook the demand was read from, as
	// the user named it; Inventory the file of the provider inventory;
	// Catalogue where the service catalogue comes from and its date.
	Assessment, Inventory, Catalogue string
	// Warnings are messages about the inputs, listed on the Methods sheet.
	Warnings []string
	// PostsSource says in plain words where the limit of new posts per
	// 1,000 residents comes from (the catalogue's source_uk, source_en),
	// for the Summary's flag; zero: the flag's own source.
	PostsSource hromada.Text
	// GroupSources says in plain words where each group's vulnerability
	// weight comes from, by group ID, for the Methods sheet; a group
	// without one is listed with its weight only.
	GroupSources map[string]hromada.Text
	// Source is the content fingerprint (Content) of the assessment
	// workbook the plan was made from, recorded in the workbook's
	// SourceProperty; "" records none.
	Source string
}

// Write writes the plan workbook of one community to path, whole or
// not at all, with every text in p.Lang. Its sheets, in order:
//
//   - Summary: sentences for a report (services to create and enhance,
//     new posts), the services by action, staff by year, the first
//     priorities, how to change the plan, and charts of demand against
//     target and capacity per service and of posts by year;
//   - Gaps: one row per service — demand with its interval, capacity,
//     gap, coverage against the target, action, score and reasons;
//   - Actions: one row per service to create or enhance, and per service
//     whose demand is unknown — the sheet a planner edits (include,
//     planner's rank, target clients by year) and [Read] reads for
//     budget, laid out as docs/plan-workbook.md describes; its FTE are
//     live formulas of the target clients;
//   - Staffing: FTE needed, posts and new posts by year, in total, by post
//     and by service;
//   - Inventory: the providers as read;
//   - Methods: the formulas, the priority score and its weights, the
//     rounding step, the norms of each service and their sources, what
//     budget reads.
//
// The same plan gives the same bytes.
func Write(path string, p *Plan) error {
	if p == nil {
		return errors.New("no plan to write")
	}
	w := newPlanWriter(p)
	w.summary()
	w.gapsSheet()
	w.actionsSheet()
	w.staffingSheet()
	w.inventorySheet()
	w.methodsSheet()
	w.charts()
	w.b.Source = p.Source
	return w.b.Save(path)
}

// planWriter writes one plan workbook.
type planWriter struct {
	p    *Plan
	r    *plan.Result
	b    *workbook.Book
	lang hromada.Lang

	// actions are the services of the Actions sheet, in rank order: those
	// to create or enhance and those whose demand is unknown.
	actions []plan.ServicePlan

	summarySheet  string
	summaryWidths []float64 // widths of the Summary's columns, characters
	chartRow      int       // Summary row the charts start on
}

func newPlanWriter(p *Plan) *planWriter {
	w := &planWriter{p: p, r: &p.Result, b: workbook.NewBook(), lang: p.Lang}
	if w.lang != hromada.English {
		w.lang = hromada.Ukrainian
	}
	for _, sp := range p.Result.Services {
		if actionRow(sp) {
			w.actions = append(w.actions, sp)
		}
	}
	return w
}

// actionRow reports whether a service has a row on the Actions sheet: it
// is to be created or enhanced; or it is sufficient but the plan hires
// for it (its staff is below the caseload norm for its clients,
// plan.ReasonStaffBelowNorm), so that the budget costs the posts the
// plan's totals count; or more data are needed and a planner must decide
// (the row is written with Include "no", so budget does not cost it
// unless the planner says so).
func actionRow(sp plan.ServicePlan) bool {
	switch sp.Action {
	case plan.Create, plan.Enhance, plan.MoreData:
		return true
	case plan.Sufficient:
		for _, y := range sp.Years {
			if y.Hires > 0 {
				return true
			}
		}
	}
	return false
}

func (w *planWriter) t(key string, args ...any) string { return pt(w.lang, key, args...) }

// years are the calendar years of the plan.
func (w *planWriter) years() []int {
	ys := make([]int, w.r.Years)
	for i := range ys {
		ys[i] = w.r.FirstYear + i
	}
	return ys
}

// serviceName names a service in the workbook's language.
func (w *planWriter) serviceName(s hromada.Service) string {
	if n := s.Name.In(w.lang); n != "" {
		return n
	}
	return s.Code
}

// action names an action in the workbook's language.
func (w *planWriter) action(a plan.Action) string { return workbook.ActionWord(w.lang, string(a)) }

// fte writes a number of posts as the language does, with the decimals it
// needs: «12,5», "0.25", "8".
func (w *planWriter) fte(v float64) string { return workbook.FormatFTE(w.lang, v) }

// pageSetup sets a sheet of the plan to print as [workbook.Book.PageSetup] does,
// the community and the sheet named in the footer.
func (w *planWriter) pageSetup(sh, titleRows string) {
	w.b.PageSetup(sh, titleRows, w.r.Community.Name.In(w.lang)+" — "+sh)
}

// existing is the staff the providers of a service have now: in post and
// vacant.
func existing(sp plan.ServicePlan) float64 { return sp.StaffFTE + sp.Vacancies }

// priorities are the first actions to take: services to create or
// enhance, in rank order, at most TopPriorities.
func (w *planWriter) priorities() []plan.ServicePlan {
	var out []plan.ServicePlan
	for _, sp := range w.r.Services {
		if (sp.Action == plan.Create || sp.Action == plan.Enhance) && len(out) < TopPriorities {
			out = append(out, sp)
		}
	}
	return out
}

// hires is a service's new posts over the horizon.
func hires(sp plan.ServicePlan) float64 {
	h := 0.0
	for _, y := range sp.Years {
		h += y.Hires
	}
	return h
}

// summary writes the Summary sheet.
func (w *planWriter) summary() {
	r := w.r
	years := w.years()
	narrow := max(7, len(years)+1)
	widths := []float64{44}
	for range narrow {
		widths = append(widths, 13)
	}
	widths = append(widths, 34)
	last := len(widths) - 1
	rs := w.b.NewReport(w.t("sheet.summary"), widths)
	w.summarySheet = rs.Sheet
	w.summaryWidths = widths
	rs.Title(w.t("sum.title", r.Community.Name.In(w.lang)))
	if w.p.Project != "" {
		w.line(rs, w.t("sum.project", w.p.Project), "")
	}
	if len(years) > 0 {
		w.line(rs, w.t("sum.horizon", years[0], years[len(years)-1], w.fte(r.FTEStep)), "")
	}
	if w.p.Assessment != "" || w.p.Inventory != "" {
		w.line(rs, w.t("sum.source", quoteName(w.lang, fileName(w.p.Assessment)), quoteName(w.lang, fileName(w.p.Inventory))), "note")
	}

	rs.Gap()
	rs.Heading(w.t("sum.report"))
	w.line(rs, w.sentences(), "")

	w.flags(rs)
	w.actionCounts(rs, last)
	if len(years) > 0 {
		w.summaryStaff(rs, years)
	}
	w.topPriorities(rs, last)

	rs.Gap()
	w.b.Fail(w.b.File.InsertPageBreak(rs.Sheet, rs.Ref(0)))
	rs.Heading(w.t("sum.edit"))
	w.line(rs, w.t("sum.edit.text"), "")

	rs.Gap()
	rs.Heading(w.t("sum.charts"))
	if r.Summary.MoreData > 0 {
		w.line(rs, w.t("sum.charts.note"), "note")
	}
	w.chartRow = rs.Next
	w.pageSetup(rs.Sheet, "")
}

// actionCounts writes the number of services of each action, with what
// the action means, on a grid whose last column is last.
func (w *planWriter) actionCounts(rs *workbook.ReportSheet, last int) {
	rs.Gap()
	rs.Heading(w.t("sum.counts"))
	cols := []workbook.Col{{Header: w.t("sum.col.action")}, {Header: w.t("sum.col.services"), Format: workbook.Integer}, {Header: w.t("sum.col.means")}}
	w.header(rs, cols)
	w.b.Fail(w.b.File.MergeCell(rs.Sheet, workbook.A1Name(2, rs.Next-1), workbook.A1Name(last, rs.Next-1)))
	s := w.r.Summary
	for _, c := range []struct {
		a     plan.Action
		n     int
		means string
	}{
		{plan.Create, s.Create, "sum.means.create"}, {plan.Enhance, s.Enhance, "sum.means.enhance"},
		{plan.Sufficient, s.Sufficient, "sum.means.suff"}, {plan.MoreData, s.MoreData, "sum.means.more_data"},
	} {
		rs.Row(cols, []any{w.action(c.a), float64(c.n), w.t(c.means)})
	}
	rs.Row(cols, []any{w.t("sum.col.total"), float64(s.Services)})
	w.b.Fail(w.b.File.SetCellStyle(rs.Sheet, workbook.A1Name(0, rs.Next-1), workbook.A1Name(1, rs.Next-1), w.b.Style(workbook.StyleKey{Kind: "bold", Format: workbook.Integer})))
}

// summaryStaff writes the staff of all services by year, and what its
// base, the existing staff, rests on.
func (w *planWriter) summaryStaff(rs *workbook.ReportSheet, years []int) {
	rs.Gap()
	rs.Heading(w.t("sum.staff"))
	cols := w.yearCols(w.t("sum.col.staffrow"), years)
	w.header(rs, cols)
	base := w.staffTotalRows(rs, cols, years)
	w.line(rs, w.t("sum.staff.note"), "note")
	if math.Abs(base-w.r.Workforce) > 1e-9 {
		w.line(rs, w.t("sum.staff.base", w.fte(base), w.fte(w.r.Workforce)), "note")
	}
}

// yearCols are the columns of a table of staff by year: first, the
// existing staff, then one column a year.
func (w *planWriter) yearCols(first string, years []int) []workbook.Col {
	cols := []workbook.Col{{Header: first}, {Header: w.t("sum.col.existing", years[0]), Format: workbook.Decimal2}}
	for _, y := range years {
		cols = append(cols, workbook.Col{Header: strconv.Itoa(y), Format: workbook.Decimal2})
	}
	return cols
}

// staffTotalRows writes the FTE, the posts in the schedule and the new
// posts of all services, year by year, in the columns cols, and returns
// the existing staff they start from.
func (w *planWriter) staffTotalRows(rs *workbook.ReportSheet, cols []workbook.Col, years []int) float64 {
	base := 0.0
	for _, sp := range w.r.Services {
		if sp.Years != nil {
			base += existing(sp)
		}
	}
	fte, staff, hire := []any{w.t("sum.staff.fte"), nil}, []any{w.t("sum.staff.staff"), base}, []any{w.t("sum.staff.hires"), nil}
	for i := range years {
		var yt plan.YearTotal
		if i < len(w.r.Summary.Years) {
			yt = w.r.Summary.Years[i]
		}
		fte, staff, hire = append(fte, yt.FTE), append(staff, yt.Staff), append(hire, yt.Hires)
	}
	rs.Row(cols, fte)
	rs.Row(cols, staff)
	rs.Row(cols, hire)
	return base
}

// topPriorities writes the first TopPriorities actions by rank, with why,
// on a grid whose last column is last.
func (w *planWriter) topPriorities(rs *workbook.ReportSheet, last int) {
	rs.Gap()
	// On a page of its own: at the foot of the first page its header row
	// printed there and its rows on the next page, without it.
	w.b.Fail(w.b.File.InsertPageBreak(rs.Sheet, rs.Ref(0)))
	rs.Heading(w.t("sum.top", TopPriorities))
	top := w.priorities()
	if len(top) == 0 {
		w.line(rs, w.t("sum.top.none"), "")
	} else {
		cols := []workbook.Col{
			{Header: w.t("sum.col.service"), Wrap: true}, {Header: w.t("sum.col.action")}, {Header: w.t("sum.col.unit")},
			{Header: w.t("sum.col.demand"), Format: workbook.Integer}, {Header: w.t("sum.col.capacity"), Format: workbook.Integer},
			{Header: w.t("sum.col.target"), Format: workbook.Integer}, {Header: w.t("sum.col.hires"), Format: workbook.Decimal2},
			{Header: w.t("sum.col.score"), Format: workbook.Decimal1}, {Header: w.t("sum.col.why")},
		}
		w.header(rs, cols)
		for _, sp := range top {
			label, why := fmt.Sprintf("%d. %s", sp.Rank, w.serviceName(sp.Service)), w.reasons(sp)
			rs.Row(cols, []any{
				label, w.action(sp.Action), workbook.UnitPlural(w.lang, sp.Service.Unit),
				sp.Demand, sp.Capacity, sp.Target, hires(sp), sp.Score, workbook.NoteSpan{Text: why, Cols: last - 7},
			})
			w.b.Fail(w.b.File.SetCellStyle(rs.Sheet, workbook.A1Name(8, rs.Next-1), workbook.A1Name(last, rs.Next-1), w.b.Style(workbook.StyleKey{Kind: "indent", Wrap: true})))
			w.tall(rs, rs.Next-1, label, "", 0, 0)
			w.tall(rs, rs.Next-1, why, "indent", 8, last)
		}
		w.line(rs, w.t("sum.top.note"), "note")
	}
}

// quoteName puts a file name in the language's quotes; "" stays "".
func quoteName(lang hromada.Lang, s string) string {
	if s == "" {
		return "—"
	}
	if lang == hromada.English {
		return "“" + s + "”"
	}
	return "«" + s + "»"
}

// reasons lists a service's reason codes in words: "no provider; basic
// service".
func (w *planWriter) reasons(sp plan.ServicePlan) string {
	var out []string
	for _, r := range sp.Reasons {
		out = append(out, w.t("reason."+string(r)))
	}
	return strings.Join(out, "; ")
}

// fileName is the name of a file without its folder, as a council
// reader knows it: the folders are those of the machine the plan was made
// on.
func fileName(path string) string {
	if path == "" {
		return ""
	}
	return filepath.Base(filepath.FromSlash(path))
}

// unknownWith says whether a service with providers (existing true) or
// without (false) needs more data: then whether such services must be
// enhanced (created) is not known, rather than not needed.
func (w *planWriter) unknownWith(existing bool) bool {
	return slices.ContainsFunc(w.r.Services, func(sp plan.ServicePlan) bool {
		return sp.Action == plan.MoreData && (sp.Providers > 0) == existing
	})
}

// sentences are what a planner can paste into a report: how many services
// are created and enhanced, how many are sufficient or unknown, the new
// posts, and the first priorities.
func (w *planWriter) sentences() string {
	s := w.r.Summary
	var out []string
	form := func(n int) string { return workbook.PluralForm(w.lang, float64(n)) }
	switch {
	case s.Create > 0 && s.Enhance > 0:
		out = append(out, w.t("say.both", s.Create, w.t("say.create."+form(s.Create)), s.Enhance, w.t("say.service."+form(s.Enhance))))
	case s.Create > 0 && w.unknownWith(true):
		out = append(out, w.t("say.create.unknown", s.Create, w.t("say.create."+form(s.Create))))
	case s.Create > 0:
		out = append(out, w.t("say.create", s.Create, w.t("say.create."+form(s.Create))))
	case s.Enhance > 0 && w.unknownWith(false):
		out = append(out, w.t("say.enhance.unknown", s.Enhance, w.t("say.service."+form(s.Enhance))))
	case s.Enhance > 0:
		out = append(out, w.t("say.enhance", s.Enhance, w.t("say.service."+form(s.Enhance))))
	default:
		out = append(out, w.t("say.none"))
	}
	if s.Sufficient > 0 {
		out = append(out, w.t("say.sufficient."+form(s.Sufficient), s.Sufficient))
	}
	if s.MoreData > 0 {
		key := "say.more_data.many"
		if form(s.MoreData) == "one" {
			key = "say.more_data.one"
		}
		out = append(out, w.t(key, s.MoreData))
	}
	years := w.years()
	switch {
	case s.HireFTE <= 0 || len(years) == 0:
		out = append(out, w.t("say.hires.none"))
	case len(years) == 1:
		out = append(out, w.t("say.hires.one", years[0], w.fte(s.HireFTE)))
	default:
		first := 0.0
		if len(s.Years) > 0 {
			first = s.Years[0].Hires
		}
		out = append(out, w.t("say.hires", years[0], years[len(years)-1], w.fte(s.HireFTE), years[0], w.fte(first)))
	}
	var names []string
	for _, sp := range w.priorities() {
		if len(names) == 3 {
			break
		}
		n := w.serviceName(sp.Service)
		if w.lang == hromada.English {
			names = append(names, workbook.LowerFirst(n))
		} else {
			names = append(names, "«"+n+"»")
		}
	}
	if len(names) > 0 {
		list := names[0]
		if len(names) > 1 {
			list = strings.Join(names[:len(names)-1], ", ") + w.t("say.and") + names[len(names)-1]
		}
		out = append(out, w.t("say.top", list))
	}
	return strings.Join(out, " ")
}

// rationale says in words why a service got its action: the numbers
// behind it, then each further reason.
func (w *planWriter) rationale(sp plan.ServicePlan) string {
	u := sp.Service.Unit
	n := func(v float64) string { return workbook.FormatCount(w.lang, v) }
	word := func(v float64) string { return workbook.UnitWord(w.lang, u, v) }
	var out []string
	// served: the demand is not known, but the service runs; said right
	// after why, so that "more data needed" is not read as "no one is
	// served".
	served := func() {
		if sp.Action == plan.MoreData && sp.Providers > 0 && sp.Clients > 0 {
			out = append(out, w.t("why.served", n(sp.Clients), word(sp.Clients)))
		}
	}
	for _, r := range sp.Reasons {
		switch r {
		case plan.ReasonNoProvider:
			out = append(out, w.t("why.create", n(sp.Demand), word(sp.Demand), workbook.FormatPercent(w.lang, sp.TargetCoverage), n(sp.Target), word(sp.Target)))
		case plan.ReasonBelowTarget:
			out = append(out, w.t("why.enhance", n(sp.Capacity), word(sp.Capacity), n(sp.Target), word(sp.Target),
				workbook.FormatPercent(w.lang, sp.TargetCoverage), n(sp.Demand), n(sp.TargetGap)))
		case plan.ReasonTargetMet:
			out = append(out, w.t("why.sufficient", n(sp.Capacity), word(sp.Capacity), n(sp.Target), word(sp.Target)))
		case plan.ReasonNoDemand:
			out = append(out, w.t("why.nodemand"))
		case plan.ReasonSuppressed:
			out = append(out, w.t("why.suppressed"))
			served()
		case plan.ReasonIntervalZero:
			out = append(out, w.t("why.interval_zero", n(sp.Survey), n(sp.SurveyLow), n(sp.SurveyHigh)))
			served()
		case plan.ReasonNotObserved:
			out = append(out, w.t("why.not_observed"))
			served()
		case plan.ReasonNeedKnown:
			out = append(out, w.t("why.need_known"))
		case plan.ReasonNeedSample:
			out = append(out, w.t("why.need_sample"))
		case plan.ReasonGroupFloor:
			out = append(out, w.t("why.group_floor", w.groupName(sp.FloorGroup), n(sp.Demand), word(sp.Demand)))
		case plan.ReasonKnownClients:
			out = append(out, w.t("why.known", n(sp.Demand), word(sp.Demand), w.knownSource(sp)))
		case plan.ReasonKnownFloor:
			out = append(out, w.t("why.known_floor", n(sp.Demand), word(sp.Demand), w.knownSource(sp)))
		case plan.ReasonBasic:
			out = append(out, w.t("why.basic"))
		case plan.ReasonMinimumPackage:
			out = append(out, w.t("why.package"))
		case plan.ReasonVulnerable:
			out = append(out, w.t("why.vulnerable", workbook.FormatDecimal(w.lang, sp.Vulnerability, 2)))
		case plan.ReasonMinStaff:
			out = append(out, w.t("why.minstaff", w.fte(sp.Service.MinStaff)))
		case plan.ReasonVacancies:
			out = append(out, w.t("why.vacancies", w.fte(sp.Vacancies)))
		case plan.ReasonPlannerRank:
			out = append(out, w.t("why.rank"))
		case plan.ReasonStaffBelowNorm:
			out = append(out, w.t("why.staff_below_norm", w.fte(sp.StaffFTE+sp.Vacancies), w.fte(peakFTE(sp))))
		case plan.ReasonStaffCovers:
			out = append(out, w.t("why.staff_covers", w.fte(sp.StaffFTE+sp.Vacancies)))
		default:
			out = append(out, string(r))
		}
	}
	return strings.Join(out, " ")
}

// peakFTE is the most staff the plan gives a service in any year.
func peakFTE(sp plan.ServicePlan) float64 {
	peak := 0.0
	for _, y := range sp.Years {
		peak = max(peak, y.FTE)
	}
	return peak
}

// knownSource says where a service's known clients come from: "case
// register, as of 2026-01-01".
func (w *planWriter) knownSource(sp plan.ServicePlan) string {
	k := sp.KnownClients
	if k == nil {
		return "—"
	}
	if k.AsOf == "" {
		return k.Source
	}
	return w.t("known.asof", k.Source, k.AsOf)
}

// basis says in words what a service's demand rests on: the survey, known
// clients, known clients as a floor, a group's demand as a floor; "" when
// the plan has none.
func (w *planWriter) basis(sp plan.ServicePlan) string {
	switch sp.Basis {
	case plan.BasisSurvey:
		return w.t("basis.survey")
	case plan.BasisKnownClients:
		return w.t("basis.known_clients")
	case plan.BasisKnownFloor:
		return w.t("basis.known_clients_floor")
	case plan.BasisGroupFloor:
		return w.t("basis.group_floor", w.groupName(sp.FloorGroup))
	}
	return ""
}

// flags writes the plan's plausibility warnings on the Summary: each with
// the figure compared, its limit and where to look.
func (w *planWriter) flags(rs *workbook.ReportSheet) {
	rs.Gap()
	rs.Heading(w.t("sum.flags"))
	per := w.r.PostsPer1000
	if !math.IsNaN(per) {
		w.line(rs, w.t("sum.flags.per1000", w.fte(w.r.Summary.HireFTE), workbook.FormatCount(w.lang, float64(w.r.Community.Population)), workbook.FormatDecimal(w.lang, per, 2)), "")
	}
	if hires := w.r.Summary.HireFTE; w.r.Workforce > 0 {
		w.line(rs, w.t("sum.flags.workforce", w.fte(w.r.Workforce), w.fte(w.r.Workforce+hires),
			workbook.FormatDecimal(w.lang, (w.r.Workforce+hires)/w.r.Workforce, 2)), "")
	}
	if len(w.r.Flags) == 0 {
		w.line(rs, w.t("sum.flags.none"), "")
		return
	}
	advice := false // a new service too small to run alone: said once, after the flags
	defer func() {
		if advice {
			w.line(rs, w.t("flag.minstaff.advice"), "warn")
		}
	}()
	for _, f := range w.r.Flags {
		switch f.Code {
		case plan.FlagPostsPer1000:
			src := f.Source
			switch {
			case src == plan.DefaultPostsPer1000Source:
				src = w.t("flag.default_source")
			case !w.p.PostsSource.IsZero():
				src = w.p.PostsSource.In(w.lang)
			}
			w.line(rs, w.t("flag.posts", workbook.FormatDecimal(w.lang, f.Value, 2), workbook.FormatDecimal(w.lang, f.Limit, 2), src, w.t("sheet.staffing"), w.t("sheet.actions")), "warn")
		case plan.FlagWorkforceGrowth:
			if math.IsInf(f.Value, 1) {
				w.line(rs, w.t("flag.growth.none", w.fte(f.Hires), w.t("sheet.inventory"), w.t("sheet.actions")), "warn")
			} else {
				w.line(rs, w.t("flag.growth", w.fte(f.Hires), w.fte(f.Base), workbook.FormatDecimal(w.lang, f.Value, 2), workbook.FormatDecimal(w.lang, f.Limit, 2), w.t("sheet.inventory"), w.t("sheet.actions")), "warn")
			}
		case plan.FlagMinStaffSmall:
			i := slices.IndexFunc(w.r.Services, func(sp plan.ServicePlan) bool { return sp.Service.Code == f.Service })
			if i < 0 {
				continue
			}
			s := w.r.Services[i].Service
			w.line(rs, w.t("flag.minstaff", s.Name.In(w.lang), w.fte(f.Hires), w.fte(f.Base), workbook.UnitWord(w.lang, s.Unit, f.Base),
				w.fte(f.Value), w.fte(f.Limit), w.t("sheet.staffing")), "warn")
			advice = true
		}
	}
}

// groupName names a group of the plan's input by its ID.
func (w *planWriter) groupName(id string) string {
	i := slices.IndexFunc(w.p.Input.Groups, func(g hromada.Group) bool { return g.ID == id })
	if i >= 0 {
		if n := w.p.Input.Groups[i].Name.In(w.lang); n != "" {
			return n
		}
	}
	return id
}

// tall makes a row of a report sheet high enough for text of style kind
// wrapped across its columns from to to (see textRowHeight); tall only
// ever makes a row higher.
func (w *planWriter) tall(rs *workbook.ReportSheet, row int, text, kind string, from, to int) {
	indent := 0
	if kind == "indent" {
		indent = 1
	}
	h := workbook.TextRowHeight(text, kind, indent, rs.Span(from, to)...)
	if cur, err := w.b.File.GetRowHeight(rs.Sheet, row); err == nil && h > cur {
		w.b.RowHeight(rs.Sheet, row, h)
	}
}

// line writes a paragraph across the report's grid, as high as it needs.
func (w *planWriter) line(rs *workbook.ReportSheet, s, kind string) {
	rs.Line(s, kind)
	w.tall(rs, rs.Next-1, s, kind, 0, len(rs.Widths)-1)
}

// header writes the header row of a report's table, the headers of
// number columns aligned right over their numbers — but for one right
// of which a text column starts, where the two headers would run
// together.
func (w *planWriter) header(rs *workbook.ReportSheet, cols []workbook.Col) {
	rs.Header(cols)
	number := func(c int) bool {
		return c < len(cols) && cols[c].Format != workbook.General && cols[c].Format != workbook.TextFmt
	}
	for c, col := range cols {
		if number(c) && col.Header != "" && (c == len(cols)-1 || number(c+1)) {
			w.b.Fail(w.b.File.SetCellStyle(rs.Sheet, workbook.A1Name(c, rs.Next-1), workbook.A1Name(c, rs.Next-1), w.b.Style(workbook.StyleKey{Kind: "header.right"})))
		}
	}
}

// fitRows makes the rows of a table sheet high enough for the text of
// their wrapped columns (see tall).
func (w *planWriter) fitRows(sh string, cols []planCol, rows [][]any) {
	for r, row := range rows {
		h := 15.0
		for c, v := range row {
			if s, ok := v.(string); ok && c < len(cols) && cols[c].wrap && cols[c].width > 0 {
				h = max(h, workbook.TextRowHeight(s, "", 0, cols[c].width))
			}
		}
		if cur, err := w.b.File.GetRowHeight(sh, r+2); err == nil && h > cur {
			w.b.RowHeight(sh, r+2, h)
		}
	}
}
