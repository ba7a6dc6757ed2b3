package budgetbook

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// Budget is everything the budget workbook of one community shows: the
// projection computed by package budget, what it was computed from, and
// where the inputs come from.
type Budget struct {
	Lang      hromada.Lang
	Project   string // project name; "" without a project
	Community hromada.Community

	// Input is what the projection was computed from: every figure of the
	// workbook is a formula of its values, written on the Assumptions
	// sheet. Result is budget.Project(Input): the formulas' cached values.
	Input  budget.Input
	Result budget.Result

	// Scenarios and Tornado are the Scenarios and Sensitivity sheets:
	// projections under other assumptions, written as values. Either may
	// be empty; the sheet then says so. TornadoStep is the tornado's δ
	// (0.2 for ±20 %).
	Scenarios   []budget.ScenarioResult
	Tornado     []budget.Bar
	TornadoStep float64

	// Services names the services by code, with their unit; Codes names
	// the programme (КПКВК МБ) and economic (КЕКВ) codes. A code without a
	// name is shown as it is.
	Services map[string]hromada.Service
	Codes    map[string]hromada.Text
	// CodeSources says in plain words where the names of each kind of
	// code come from ("kpkvk", "kekv": the classification and its order),
	// on the By programme code and By economic code sheets.
	CodeSources map[string]hromada.Text

	Sources BudgetSources

	// Source is the content fingerprint (Content) of the plan workbook
	// the budget was made from, as it stood when read, recorded in the
	// workbook's SourceProperty; "" records none.
	Source string
	// Warnings are messages about the inputs, listed on the Methods sheet.
	Warnings []string
}

// BudgetSources says where each input of a budget comes from — a law, a
// forecast, a document, or an assumption, with its date — as the
// Assumptions sheet shows beside the input. An empty source reads "not
// given".
type BudgetSources struct {
	Plan        string // clients and staff (FTE) by service and year: the plan workbook, and which staff it counts
	Posts       string // posts, their shares and salaries
	MinimumWage string // the monthly minimum wage by month
	ESV         string // the employer's single social contribution
	WageGrowth  string
	CPI         string
	Other       string // other direct costs
	Admin       string // the admin share
	Startup     string // start-up items, their cost and life
	CapitalRate string // the rate of the equivalent annual cost
	Funding     string // donor and state shares, caps
	Revenue     string // revenue and social spending of the base year, their growth
	Population  string
	Threshold   string
	Discount    string
}

// Write writes the budget workbook of one community to path, whole
// or not at all, with every text in bg.Lang. It is a live workbook: every
// input is a yellow cell of the Assumptions sheet and every figure on the
// other sheets is a formula of them, written with the value budget
// computed as its cached result, and the workbook asks to be recalculated
// when it is opened. Its sheets, in order:
//
//   - Summary: sentences for a report, key figures (the cumulative local
//     commitment, the donor cliff and its jump, affordability), the
//     totals by year and a chart of who pays by year;
//   - Assumptions: every input with its unit and source;
//   - Staffing: FTE, salary, months lifted by the minimum wage, pay and
//     employer cost of each post by year;
//   - Costs: every cost line by year, then totals by kind;
//   - Funding: shares and amounts by service, the totals and the cliff
//     by year, and the funding of every line;
//   - Affordability: the local cost against revenue, social spending
//     and population, and the discounted totals;
//   - Unit costs: the cost per client, start-up items spread over their
//     life;
//   - Scenarios and Sensitivity: values for other assumptions, with a
//     tornado chart;
//   - By programme code and By economic code: the costs summed by КПКВК МБ
//     and КЕКВ;
//   - Methods: the formulas, hromada's choices, the sources.
//
// docs/budget-workbook.md describes the layout. The same budget gives the
// same bytes.
func Write(path string, bg *Budget) error {
	w, err := buildBudget(bg)
	if err != nil {
		return err
	}
	w.b.Source = bg.Source
	return w.b.Save(path)
}

// buildBudget fills the sheets of the budget workbook in the order their
// formulas need.
func buildBudget(bg *Budget) (*budgetWriter, error) {
	if bg == nil {
		return nil, errors.New("no budget to write")
	}
	w, err := newBudgetWriter(bg)
	if err != nil {
		return nil, err
	}
	w.assumptions()
	w.staffing()
	w.costs()
	w.funding()
	w.affordability()
	w.unitCosts()
	w.scenarios()
	w.sensitivity()
	w.pivot(w.rep[bsProgramme], w.r.ByProgramme, w.co.programme, "prog")
	w.pivot(w.rep[bsKEKV], w.r.ByKEKV, w.co.kekv, "kekv")
	w.methods()
	w.summary()
	full := true
	w.b.Fail(w.b.File.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}))
	return w, nil
}

// Sheets of the budget workbook, in order; their names are the texts
// "sheet.<key>".
const (
	bsSummary     = "summary"
	bsAssumptions = "assumptions"
	bsStaffing    = "staffing"
	bsCosts       = "costs"
	bsFunding     = "funding"
	bsAfford      = "afford"
	bsUnit        = "unit"
	bsScenarios   = "scenarios"
	bsSensitivity = "sensitivity"
	bsProgramme   = "programme"
	bsKEKV        = "kekv"
	bsMethods     = "methods"
)

// cellAt is a cell of a sheet: column from 0, row from 1.
type cellAt struct {
	sh       string
	col, row int
}

// in is the reference to c in a formula on sheet from: D7, or
// 'Припущення'!D7 on another sheet.
func (c cellAt) in(from string) string {
	if c.sh == from {
		return workbook.A1Name(c.col, c.row)
	}
	return workbook.QuotedSheet(c.sh) + "!" + workbook.A1Name(c.col, c.row)
}

// abs is the absolute reference to c in a formula on sheet from: $D$7.
func (c cellAt) abs(from string) string {
	s := "$" + workbook.ColumnName(c.col) + "$" + strconv.Itoa(c.row)
	if c.sh == from {
		return s
	}
	return workbook.QuotedSheet(c.sh) + "!" + s
}

// budgetWriter writes one budget workbook. It fills the sheets in the
// order their formulas need: every formula refers to cells written
// before it, whose places it keeps.
type budgetWriter struct {
	bg   *Budget
	in   *budget.Input
	r    *budget.Result
	b    *workbook.Book
	lang hromada.Lang
	n    int // planning years

	services []budget.Service // the plan's services, in order
	rep      map[string]*workbook.ReportSheet
	name     map[string]string
	heights  map[string]float64 // rows made higher for their text, by "sheet!row"

	as     assumptionCells
	guards []guarded // the input cells' ranges and rules, for the Summary's flag
	st     staffCells
	co     costCells
	fu     fundingCells
	af     affordCells
}

func newBudgetWriter(bg *Budget) (*budgetWriter, error) {
	w := &budgetWriter{bg: bg, in: &bg.Input, r: &bg.Result, b: workbook.NewBook(), lang: bg.Lang, n: bg.Input.Years,
		rep: map[string]*workbook.ReportSheet{}, name: map[string]string{}, heights: map[string]float64{}}
	if w.lang != hromada.English {
		w.lang = hromada.Ukrainian
	}
	if err := w.check(); err != nil {
		return nil, err
	}
	w.services = bg.Input.Services
	v := w.valueCols()
	years := make([]float64, w.n+1) // the years and all years
	for i := range years {
		years[i] = 14
	}
	years[w.n] = 16
	widths := map[string][]float64{
		bsSummary:     slices.Concat([]float64{50}, years),
		bsAssumptions: slices.Concat([]float64{50, 10, 16}, repeat(14, v), []float64{2, sourceWidth(v)}),
		bsStaffing:    slices.Concat([]float64{10, 34, 44}, years),
		bsCosts:       slices.Concat([]float64{10, 13, 16, 34, 8}, years),
		bsFunding:     slices.Concat([]float64{10, 13, 16, 34, 8, 16}, years),
		bsAfford:      slices.Concat([]float64{56}, years),
		bsUnit:        slices.Concat([]float64{10, 50}, repeat(14, max(w.n+1, 4))),
		bsScenarios:   slices.Concat([]float64{20, 40}, years),
		bsSensitivity: []float64{30, 60, 16, 16, 16, 16, 16},
		bsProgramme:   slices.Concat([]float64{10, 50, 16}, years),
		bsKEKV:        slices.Concat([]float64{10, 50, 16}, years),
	}
	for _, key := range []string{bsSummary, bsAssumptions, bsStaffing, bsCosts, bsFunding, bsAfford, bsUnit,
		bsScenarios, bsSensitivity, bsProgramme, bsKEKV} {
		r := w.b.NewReport(w.t("sheet."+key), widths[key])
		w.rep[key], w.name[key] = r, r.Sheet
	}
	w.name[bsMethods] = workbook.SheetName(w.t("sheet." + bsMethods))
	return w, nil
}

// sourceWidth is the width of the Assumptions sheet's source column beside
// v columns of values: 64, or narrower, down to 40, if that lets the sheet
// print across one page (at 64 a five-year budget's sources printed on
// pages of their own, after the values they explain).
func sourceWidth(v int) float64 {
	const widest, narrowest = 64.0, 40.0
	rest := 50 + 10 + 16 + 14*float64(v) + 2
	if room := math.Floor(workbook.PrintFitWidth() - rest); room < widest && room >= narrowest {
		return room
	}
	return widest
}

func repeat(x float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = x
	}
	return out
}

// check reports a result that is not the projection of the input: the
// formulas follow the input, the cached values the result.
func (w *budgetWriter) check() error {
	in, r := w.in, w.r
	bad := func(format string, args ...any) error {
		return fmt.Errorf("budget result does not match its input: "+format, args...)
	}
	if in.Years < 1 || len(r.Years) != in.Years || len(r.Totals) != in.Years || len(r.CPIIndex) != in.Years {
		return bad("%d planning years, %d in the result", in.Years, len(r.Years))
	}
	if len(in.Params.MinimumWage) != in.Years {
		return bad("%d years of minimum wage for %d planning years", len(in.Params.MinimumWage), in.Years)
	}
	var want []string
	staff := 0
	for _, s := range in.Services {
		for _, p := range in.Posts {
			if p.Service == s.Code {
				want = append(want, lineKey(s.Code, budget.KindWages, p.Post), lineKey(s.Code, budget.KindESV, p.Post))
				staff++
			}
		}
		for _, o := range in.Other {
			if o.Service == s.Code {
				want = append(want, lineKey(s.Code, budget.KindOther, o.Item))
			}
		}
		want = append(want, lineKey(s.Code, budget.KindAdmin, "admin"))
		for _, st := range in.Startup {
			if st.Service == s.Code {
				want = append(want, lineKey(s.Code, budget.KindStartup, st.Item))
			}
		}
	}
	if len(r.Lines) != len(want) {
		return bad("%d cost lines, %d in the result", len(want), len(r.Lines))
	}
	for i, l := range r.Lines {
		if got := lineKey(l.Service, l.Kind, l.Item); got != want[i] || len(l.Amount) != in.Years || len(l.Local) != in.Years {
			return bad("line %d is %s, want %s", i+1, got, want[i])
		}
	}
	if len(r.Staff) != staff || len(r.Shares) != len(in.Services) || len(r.UnitCosts) != len(in.Services)*in.Years {
		return bad("staff, shares or unit costs are not one per post, service and year")
	}
	if len(r.Services) != len(in.Services) {
		return bad("%d services, %d service costs in the result", len(in.Services), len(r.Services))
	}
	for i, sc := range r.Services {
		if sc.Service != in.Services[i].Code || len(sc.Total) != in.Years || len(sc.TakenOver) != in.Years {
			return bad("service cost %d is %s, want %s", i+1, sc.Service, in.Services[i].Code)
		}
	}
	return nil
}

func lineKey(service string, kind budget.LineKind, item string) string {
	return service + " " + string(kind) + " " + item
}

func (w *budgetWriter) t(key string, args ...any) string { return btr(w.lang, key, args...) }

// valueCols is how many value columns the Assumptions sheet has: one a
// year, and at least the three of the posts and the start-up items.
func (w *budgetWriter) valueCols() int { return max(w.n, 3) }

// yearSpan names the years of the plan: "2026–2030", or "2026".
func (w *budgetWriter) yearSpan() string {
	if w.n == 1 {
		return strconv.Itoa(w.in.FirstYear)
	}
	return fmt.Sprintf("%d–%d", w.in.FirstYear, w.in.FirstYear+w.n-1)
}

// community is the community's name in the workbook's language.
func (w *budgetWriter) community() string {
	if s := w.bg.Community.Name.In(w.lang); s != "" {
		return s
	}
	return w.bg.Community.Code
}

// serviceName names a service: its name in the workbook's language, or
// its code.
func (w *budgetWriter) serviceName(code string) string {
	if s, ok := w.bg.Services[code]; ok {
		if n := s.Name.In(w.lang); n != "" {
			return n
		}
	}
	return code
}

// serviceUnit is the plural of what a client of the service is.
func (w *budgetWriter) serviceUnit(code string) string {
	return workbook.UnitPlural(w.lang, w.bg.Services[code].Unit)
}

// codeName names a programme or economic code, or "".
func (w *budgetWriter) codeName(code string) string { return w.bg.Codes[code].In(w.lang) }

// typed returns the name of a post or cost item as the workbook shows it:
// en in an English workbook when the cost inputs give it, else the name
// as typed.
func (w *budgetWriter) typed(name, en string) string {
	return hromada.Text{UK: name, EN: en}.In(w.lang)
}

// kindLabel is what the Line column of Costs says for a kind of line;
// formulas select lines by it.
func (w *budgetWriter) kindLabel(k budget.LineKind) string { return w.t("kind." + string(k)) }

// skipped names, in the workbook's language, the cost rows and funding
// schedules of services not in the plan, which budget left out
// ([budget.Result].Skipped).
func (w *budgetWriter) skipped() []string {
	var out []string
	for _, s := range w.r.Skipped {
		if s.Kind == budget.SkippedFunding {
			out = append(out, w.t("skip.funding", s.Service))
			continue
		}
		out = append(out, w.t("skip."+string(s.Kind), s.Name, s.Service))
	}
	return out
}

// source is a source as the sheets show it.
func (w *budgetWriter) source(s string) string {
	if strings.TrimSpace(s) == "" {
		return w.t("src.none")
	}
	return s
}

// pageSetup sets a sheet of the budget to print as [workbook.Book.PageSetup]
// does, the community and the sheet named in the footer.
func (w *budgetWriter) pageSetup(sh, titleRows string) {
	w.b.PageSetup(sh, titleRows, w.community()+" — "+sh)
}

// put writes v to column col of the report's current row in format f, a
// yellow input cell when input. A nil v styles the cell only; a NaN is
// written as a dash.
func (w *budgetWriter) put(r *workbook.ReportSheet, col int, v any, f workbook.Format, input bool) {
	st := workbook.StyleKey{Format: f, Input: input}
	if x, ok := v.(float64); ok && math.IsNaN(x) {
		v = "—"
	}
	switch v.(type) {
	case string, workbook.Formula:
		if f != workbook.General && f != workbook.TextFmt {
			st.Kind = "right" // a dash or a note in a column of numbers
		}
	}
	if v == nil {
		cell := r.Ref(col)
		w.b.Fail(w.b.File.SetCellStyle(r.Sheet, cell, cell, w.b.Style(st)))
		return
	}
	r.Set(col, v, st)
}

// label writes a text in column col of the current row, wrapped in the
// column's width, and makes the row high enough for it.
func (w *budgetWriter) label(r *workbook.ReportSheet, col int, s string, kind string) {
	w.spanLabel(r, col, col, s, kind)
}

// spanLabel writes a text across columns from to to of the current row,
// merged and wrapped, and makes the row high enough for it.
func (w *budgetWriter) spanLabel(r *workbook.ReportSheet, from, to int, s string, kind string) {
	st := w.b.Style(workbook.StyleKey{Kind: kind, Wrap: true})
	r.Book.SetCell(r.Sheet, r.Ref(from), s)
	if to > from {
		w.b.Fail(w.b.File.MergeCell(r.Sheet, r.Ref(from), r.Ref(to)))
	}
	w.b.Fail(w.b.File.SetCellStyle(r.Sheet, r.Ref(from), r.Ref(to), st))
	indent := 0
	if kind == "indent" {
		indent = 1
	}
	w.grow(r, workbook.TextRowHeight(s, kind, indent, r.Span(from, to)...))
}

// grow makes the current row at least h points high.
func (w *budgetWriter) grow(r *workbook.ReportSheet, h float64) {
	key := fmt.Sprintf("%s!%d", r.Sheet, r.Next)
	if h <= 15 || h <= w.heights[key] {
		return
	}
	w.heights[key] = h
	w.b.RowHeight(r.Sheet, r.Next, h)
}

// header writes a header row: texts, and years as numbers (which
// formulas refer to), right-aligned over the columns of numbers from
// numFrom up to numTo.
func (w *budgetWriter) header(r *workbook.ReportSheet, cells []any, numFrom, numTo int) {
	headers := make([]string, len(cells))
	for c, v := range cells {
		kind := "header"
		if c >= numFrom && c < numTo {
			kind = "header.right"
		}
		if v == nil {
			v = ""
		}
		r.Set(c, v, workbook.StyleKey{Kind: kind})
		if s, ok := v.(string); ok {
			headers[c] = s
		}
	}
	w.b.RowHeight(r.Sheet, r.Next, workbook.HeaderRowHeight(headers, r.Widths))
	r.Next++
}

// yearHeader is a header row of labels, then the years, then the
// labels after: over columns of numbers, right-aligned.
func (w *budgetWriter) yearHeader(r *workbook.ReportSheet, before []string, after ...string) {
	cells := w.yearCells(before, after)
	w.header(r, cells, len(before), len(cells))
}

// yearCells are the cells of a header row: the labels before, the years,
// the labels after.
func (w *budgetWriter) yearCells(before, after []string) []any {
	var cells []any
	for _, s := range before {
		cells = append(cells, s)
	}
	for t := range w.n {
		cells = append(cells, w.in.FirstYear+t)
	}
	for _, s := range after {
		cells = append(cells, s)
	}
	return cells
}

// money writes an amount of UAH as the language does: «1 977 207».
func (w *budgetWriter) money(v float64) string { return workbook.FormatCount(w.lang, v) }

// pct writes a share as a percentage: «9,9 %».
func (w *budgetWriter) pct(v float64) string { return workbook.FormatPercent(w.lang, v) }

// pct2 writes a small share with two decimals: «0,29 %».
func (w *budgetWriter) pct2(v float64) string {
	return workbook.FormatDecimal(w.lang, v*100, 2) + "\u00a0%"
}
