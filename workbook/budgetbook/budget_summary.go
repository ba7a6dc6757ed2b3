package budgetbook

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// summary writes the Summary sheet: sentences for a report, the key
// figures and the totals by year as formulas, and a chart of who pays.
func (w *budgetWriter) summary() {
	r := w.rep[bsSummary]
	r.Title(w.t("sum.title", w.community(), w.yearSpan()))
	if w.bg.Project != "" {
		r.Line(w.t("sum.project", w.bg.Project), "")
	}
	r.Line(w.t("sum.howto", w.name[bsAssumptions]), "note")
	w.guardFlag(r) // in the gap before the report

	r.Heading(w.t("sum.report"))
	r.Line(w.sentences(), "")
	r.Line(w.t("sum.report.note"), "note")

	r.Gap()
	r.Heading(w.t("sum.key"))
	w.summaryTotals(r)
	r.Gap()
	w.summaryCliff(r)
	r.Gap()
	w.summaryAfford(r)

	// By year, on a page of its own with the chart.
	r.Gap()
	w.b.Fail(w.b.File.InsertPageBreak(r.Sheet, r.Ref(0)))
	w.summaryByYear(r)
	r.Gap()
	w.summaryChart(r)
	w.pageSetup(r.Sheet, "")
}

// keyFigure writes a key figure of the Summary sheet, indented when
// indent, and returns its row.
func (w *budgetWriter) keyFigure(r *workbook.ReportSheet, label string, indent bool, v any, f workbook.Format) int {
	kind := ""
	if indent {
		kind = "indent"
	}
	w.label(r, 0, label, kind)
	w.put(r, 1, v, f, false)
	r.Next++
	return r.Next - 1
}

// fundingYears is the range of row on the Funding sheet over the years
// from to to (from 0), as a formula of sheet sh refers to it.
func (w *budgetWriter) fundingYears(sh string, row, from, to int) string {
	f := &w.fu
	return workbook.CellRange{Sheet: w.name[bsFunding], Col1: f.yearCol + from, Row1: row, Col2: f.yearCol + to, Row2: row}.In(sh)
}

// summaryTotals writes the key figures of the cost over the horizon and
// who pays it.
func (w *budgetWriter) summaryTotals(r *workbook.ReportSheet) {
	sh, fs, f, h := r.Sheet, w.name[bsFunding], &w.fu, w.r.Horizon
	fund := func(row int) string { return cellAt{fs, f.totalCol, row}.in(sh) }
	w.keyFigure(r, w.t("sum.k.total", w.yearSpan()), false, workbook.Formula{Expr: fund(f.total), Value: h.Total}, workbook.Money)
	w.keyFigure(r, w.t("sum.k.donor"), true, workbook.Formula{Expr: fund(f.allDonor), Value: h.Donor}, workbook.Money)
	w.keyFigure(r, w.t("sum.k.state"), true, workbook.Formula{Expr: fund(f.allState), Value: h.State}, workbook.Money)
	w.keyFigure(r, w.t("sum.k.local"), true, workbook.Formula{Expr: fund(f.allLocal), Value: h.Local}, workbook.Money)
	w.keyFigure(r, w.t("sum.k.localpv"), true, workbook.Formula{Expr: w.af.localPV.in(sh), Value: h.LocalPV}, workbook.Money)
}

// summaryCliff writes the key figures of the donor cliff: its year, the
// jump and its split, from the cliff flags of the Funding sheet.
func (w *budgetWriter) summaryCliff(r *workbook.ReportSheet) {
	sh, fs, f, cl, n := r.Sheet, w.name[bsFunding], &w.fu, w.r.Cliff, w.n
	flags := w.fundingYears(sh, f.cliff, 0, n-1)
	// before is the value of row in the year before the cliff.
	before := func(row int, v float64) any {
		if n < 2 {
			return v
		}
		return workbook.Formula{Expr: fmt.Sprintf("SUMPRODUCT(%s,%s)", w.fundingYears(sh, f.cliff, 1, n-1), w.fundingYears(sh, row, 0, n-2)), Value: v}
	}
	atCliff := func(row int, v float64) workbook.Formula {
		return workbook.Formula{Expr: fmt.Sprintf("SUMPRODUCT(%s,%s)", flags, w.fundingYears(sh, row, 0, n-1)), Value: v}
	}
	cliffYear := any("—")
	if cl.Year != 0 {
		cliffYear = float64(cl.Year)
	}
	year := w.keyFigure(r, w.t("sum.k.cliff"), false, workbook.Formula{Expr: fmt.Sprintf(`IF(SUM(%[1]s)=0,"—",SUMPRODUCT(%[1]s,%[2]s))`,
		flags, w.fundingYears(sh, f.header, 0, n-1)), Value: cliffYear}, workbook.General)
	w.b.Fail(w.b.File.SetCellStyle(sh, workbook.A1Name(1, year), workbook.A1Name(1, year), w.b.Style(workbook.StyleKey{Kind: "right"})))
	w.keyFigure(r, w.t("sum.k.donorbefore"), false, before(f.allDonor, cl.DonorBefore), workbook.Money)
	beforeRow := w.keyFigure(r, w.t("sum.k.localbefore"), false, before(f.allLocal, cl.LocalBefore), workbook.Money)
	atRow := w.keyFigure(r, w.t("sum.k.localat"), false, atCliff(f.allLocal, cl.Local), workbook.Money)
	jumpRow := w.keyFigure(r, w.t("sum.k.jump"), false, workbook.Formula{Expr: fmt.Sprintf("B%d-B%d", atRow, beforeRow), Value: cl.Jump}, workbook.Money)
	exitRow := w.keyFigure(r, w.t("sum.k.exit"), true, atCliff(f.allTaken, cl.DonorExit), workbook.Money)
	w.keyFigure(r, w.t("sum.k.indexation"), true, workbook.Formula{Expr: fmt.Sprintf("B%d-B%d", jumpRow, exitRow), Value: cl.Indexation}, workbook.Money)
	w.keyFigure(r, w.t("sum.k.tocliff"), false, before(f.cumulative, cl.CumulativeToCliff), workbook.Money)
	last := w.r.Totals[n-1]
	w.keyFigure(r, w.t("sum.k.last", last.Year), false, workbook.Formula{Expr: cellAt{fs, f.yearCol + n - 1, f.allLocal}.in(sh), Value: last.Local}, workbook.Money)
}

// summaryAfford writes the key figures of affordability: the largest
// share of revenue and the years over the threshold.
func (w *budgetWriter) summaryAfford(r *workbook.ReportSheet) {
	sh, afs, af, n := r.Sheet, w.name[bsAfford], &w.af, w.n
	shares := workbook.CellRange{Sheet: afs, Col1: af.yearCol, Row1: af.share, Col2: af.yearCol + n - 1, Row2: af.share}.In(sh)
	maxShare := any("—")
	overs := 0.0
	for _, y := range w.r.Totals {
		if !math.IsNaN(y.ShareOfRevenue) {
			if s, ok := maxShare.(float64); !ok || y.ShareOfRevenue > s {
				maxShare = y.ShareOfRevenue
			}
		}
		if y.OverThreshold {
			overs++
		}
	}
	w.keyFigure(r, w.t("sum.k.maxshare"), false, workbook.Formula{Expr: fmt.Sprintf(`IF(COUNT(%[1]s)=0,"—",MAX(%[1]s))`, shares), Value: maxShare}, workbook.Percent2)
	flagsAf := workbook.CellRange{Sheet: afs, Col1: af.yearCol, Row1: af.flag, Col2: af.yearCol + n - 1, Row2: af.flag}.In(sh)
	w.keyFigure(r, w.t("sum.k.over"), false, workbook.Formula{Expr: fmt.Sprintf(`COUNTIF(%s,"%s")`, flagsAf, w.t("yes")), Value: overs}, workbook.Integer)
}

// summaryByYear writes the totals by year, from the Funding and
// Affordability sheets.
func (w *budgetWriter) summaryByYear(r *workbook.ReportSheet) {
	sh, fs, afs := r.Sheet, w.name[bsFunding], w.name[bsAfford]
	f, af, n := &w.fu, &w.af, w.n
	fund := func(col, row int) string { return cellAt{fs, col, row}.in(sh) }
	r.Heading(w.t("sum.byyear"))
	w.yearHeader(r, []string{""}, w.t("col.allyears"))
	row := func(label string, srcRow int, all bool, f0 workbook.Format, v func(y budget.YearTotal) float64) {
		w.label(r, 0, label, "")
		var total float64
		for t, y := range w.r.Totals {
			w.put(r, 1+t, workbook.Formula{Expr: fund(f.yearCol+t, srcRow), Value: nanDash(v(y))}, f0, false)
			total += v(y)
		}
		if all {
			w.put(r, 1+n, workbook.Formula{Expr: fund(f.totalCol, srcRow), Value: total}, f0, false)
		}
		r.Next++
	}
	row(w.t("fu.total"), f.total, true, workbook.Money, func(y budget.YearTotal) float64 { return y.Total })
	row(w.t("fu.donor"), f.allDonor, true, workbook.Money, func(y budget.YearTotal) float64 { return y.Donor })
	row(w.t("fu.state"), f.allState, true, workbook.Money, func(y budget.YearTotal) float64 { return y.State })
	row(w.t("fu.local"), f.allLocal, true, workbook.Money, func(y budget.YearTotal) float64 { return y.Local })
	row(w.t("fu.cumulative"), f.cumulative, false, workbook.Money, func(y budget.YearTotal) float64 { return y.CumulativeLocal })
	w.label(r, 0, w.t("af.share"), "")
	for t, y := range w.r.Totals {
		w.put(r, 1+t, workbook.Formula{Expr: cellAt{afs, af.yearCol + t, af.share}.in(sh), Value: nanDash(y.ShareOfRevenue)}, workbook.Percent2, false)
	}
	r.Next++
}

// summaryChart draws who pays by year, a stacked column a year.
func (w *budgetWriter) summaryChart(r *workbook.ReportSheet) {
	sh, fs, f, n := r.Sheet, w.name[bsFunding], &w.fu, w.n
	r.Heading(w.t("sum.chart"))
	width := 0.0
	for _, x := range r.Widths {
		width += x
	}
	var series []excelize.ChartSeries
	colors := map[int]string{f.allDonor: "5B9BD5", f.allState: "A9D18E", f.allLocal: "C55A11"}
	rows := []int{f.allDonor, f.allState, f.allLocal}
	noState := w.noState()
	if noState { // a series of zeros in the legend reads as a share not drawn
		rows = []int{f.allDonor, f.allLocal}
	}
	for _, row := range rows {
		series = append(series, excelize.ChartSeries{
			Name:       workbook.AbsCellRef(fs, 1, row),
			Categories: workbook.AbsRowRef(fs, f.header, f.yearCol, f.yearCol+n-1),
			Values:     workbook.AbsRowRef(fs, row, f.yearCol, f.yearCol+n-1),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colors[row]}},
		})
	}
	gap := uint(60)
	c := &excelize.Chart{
		Type:      excelize.ColStacked,
		Dimension: excelize.ChartDimension{Width: uint(min(width*7, 900)), Height: 340},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: w.t("sum.chart.title"),
			Font: &excelize.Font{Size: 12, Bold: true, Color: "1F4E79"}}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		Series: series,
		XAxis:  excelize.ChartAxis{Font: excelize.Font{Size: 9, Color: "262626"}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"},
			Font:  excelize.Font{Size: 9, Color: "404040"},
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: w.t("sum.chart.y"), Font: &excelize.Font{Size: 9, Color: "404040"}}}}},
		VaryColors: workbook.BoolRef(false),
		GapWidth:   &gap,
	}
	w.b.Fail(w.b.File.AddChart(sh, workbook.A1Name(0, r.Next), c))
	r.Next += w.b.ChartRows(sh, r.Next, c.Dimension.Height)
	r.Line(w.t("sum.chart.note", fs), "note")
	if noState {
		r.Line(w.t("sum.chart.nostate", w.name[bsAssumptions]), "note")
	}
}

// noState reports whether the state pays nothing in any year of the plan.
func (w *budgetWriter) noState() bool {
	for _, y := range w.r.Totals {
		if y.State != 0 {
			return false
		}
	}
	return w.r.Horizon.State == 0
}

// sentences are what a budget officer can paste into a report: the cost
// and who pays it, the donor cliff, affordability. They are the figures
// as written, not formulas.
func (w *budgetWriter) sentences() string {
	h, cl, n := w.r.Horizon, w.r.Cliff, w.n
	var out []string
	if h.State > 0 {
		out = append(out, w.t("say.cost.state", w.yearSpan(), w.money(h.Total), w.money(h.Donor), w.money(h.State), w.money(h.Local)))
	} else {
		out = append(out, w.t("say.cost", w.yearSpan(), w.money(h.Total), w.money(h.Donor), w.money(h.Local)))
	}
	last := w.r.Totals[n-1]
	switch {
	case cl.Year != 0:
		out = append(out, w.t("say.cliff", cl.Year, w.money(cl.LocalBefore), cl.Year-1, w.money(cl.Local), w.money(cl.Jump),
			w.money(cl.DonorExit), w.money(cl.Indexation)))
	case h.Donor == 0:
		out = append(out, w.t("say.nodonor"))
	default:
		out = append(out, w.t("say.donorlasts", last.Year, w.money(last.Donor)))
	}
	out = append(out, w.t("say.last", last.Year, w.money(last.Local)))
	best := -1
	for t, y := range w.r.Totals {
		if !math.IsNaN(y.ShareOfRevenue) && (best < 0 || y.ShareOfRevenue > w.r.Totals[best].ShareOfRevenue) {
			best = t
		}
	}
	if best < 0 {
		out = append(out, w.t("say.norevenue"))
	} else {
		y := w.r.Totals[best]
		s := w.t("say.share", y.Year, w.pct2(y.ShareOfRevenue))
		if !math.IsNaN(y.PerResident) {
			s = w.t("say.share.resident", y.Year, w.pct2(y.ShareOfRevenue), workbook.FormatDecimal(w.lang, y.PerResident, 2))
		}
		out = append(out, s)
		if w.in.Threshold > 0 {
			var over []string
			for _, y := range w.r.Totals {
				if y.OverThreshold {
					over = append(over, strconv.Itoa(y.Year))
				}
			}
			if len(over) > 0 {
				out = append(out, w.t("say.over", w.pct2(w.in.Threshold), strings.Join(over, ", ")))
			} else {
				out = append(out, w.t("say.under", w.pct2(w.in.Threshold)))
			}
		}
		if !math.IsNaN(y.ShareOfSocial) && y.Social > 0 {
			// Against revenue a cost can look small; against what the
			// community spends on social protection now it may not.
			out = append(out, w.t("say.social", y.Year, w.pct2(y.ShareOfSocial), w.money(y.Social)))
		}
	}
	return strings.Join(out, " ")
}

// scenarios writes the Scenarios sheet: the budget under each bundle of
// assumptions, as values.
func (w *budgetWriter) scenarios() {
	r := w.rep[bsScenarios]
	r.Title(w.t("sc.title", w.yearSpan()))
	r.Line(w.t("sc.values"), "warn")
	if len(w.bg.Scenarios) == 0 {
		r.Line(w.t("sc.none"), "note")
		w.pageSetup(r.Sheet, "")
		return
	}
	r.Gap()
	w.scenarioAssumptions(r)
	r.Gap()
	w.scenarioResults(r)
	r.Gap()
	w.scenarioKeys(r)
	w.pageSetup(r.Sheet, "")
}

// scenarioAssumptions writes what each scenario assumes.
func (w *budgetWriter) scenarioAssumptions(r *workbook.ReportSheet) {
	r.Heading(w.t("sc.assumptions"))
	presets := map[string]string{}
	for _, p := range budget.Presets(*w.in) {
		presets[p.Name] = p.Source
	}
	for _, s := range w.bg.Scenarios {
		sc := s.Scenario
		r.Line(w.scenarioName(sc.Name), "group")
		w.keyValue(r, w.t("sc.cpi"), w.rates(sc.CPI))
		w.keyValue(r, w.t("sc.wage"), w.rates(sc.WageGrowth))
		caseload := w.t("sc.asplanned")
		if sc.Caseload != 0 && sc.Caseload != 1 {
			caseload = w.t("sc.caseload.x", workbook.FormatDecimal(w.lang, sc.Caseload, 2))
		}
		w.keyValue(r, w.t("sc.caseload"), caseload)
		ramp := w.t("sc.asplanned")
		if sc.Ramp != nil {
			var parts []string
			for _, x := range sc.Ramp {
				parts = append(parts, w.pct(x))
			}
			ramp = w.t("sc.ramp.x", strings.Join(parts, ", "))
		}
		w.keyValue(r, w.t("sc.ramp"), ramp)
		donor := w.t("sc.asplanned")
		if sc.Funding != nil {
			donor = w.t("sc.funding.own")
		}
		w.keyValue(r, w.t("sc.donor"), donor)
		source := sc.Source
		if src, ok := presets[sc.Name]; ok && src == sc.Source {
			source = w.t("sc.source." + sc.Name)
		}
		w.keyValue(r, w.t("sc.source"), w.source(source))
	}
}

// scenarioResults writes the totals of each scenario by year.
func (w *budgetWriter) scenarioResults(r *workbook.ReportSheet) {
	n := w.n
	r.Heading(w.t("sc.results"))
	w.yearHeader(r, []string{w.t("sc.col.scenario"), w.t("col.measure")}, w.t("col.allyears"))
	for _, s := range w.bg.Scenarios {
		for _, m := range []struct {
			key string
			v   func(y budget.YearTotal) float64
			all bool
		}{
			{"fu.total", func(y budget.YearTotal) float64 { return y.Total }, true},
			{"fu.donor", func(y budget.YearTotal) float64 { return y.Donor }, true},
			{"fu.local", func(y budget.YearTotal) float64 { return y.Local }, true},
			{"fu.cumulative", func(y budget.YearTotal) float64 { return y.CumulativeLocal }, false},
		} {
			w.put(r, 0, w.scenarioName(s.Scenario.Name), workbook.General, false)
			w.label(r, 1, w.t(m.key), "")
			var all float64
			for t, y := range s.Totals {
				w.put(r, 2+t, m.v(y), workbook.Money, false)
				all += m.v(y)
			}
			if m.all {
				w.put(r, 2+n, all, workbook.Money, false)
			}
			r.Next++
		}
	}
}

// scenarioKeys writes the key figures of every scenario side by side.
func (w *budgetWriter) scenarioKeys(r *workbook.ReportSheet) {
	n, scs := w.n, w.bg.Scenarios
	r.Heading(w.t("sc.key"))
	names := []any{"", w.t("col.measure")}
	for _, s := range scs {
		names = append(names, w.scenarioName(s.Scenario.Name))
	}
	w.header(r, names, 2, len(names))
	key := func(label string, f0 workbook.Format, v func(s budget.ScenarioResult) any) {
		w.label(r, 1, label, "")
		for i, s := range scs {
			w.put(r, 2+i, v(s), f0, false)
		}
		r.Next++
	}
	key(w.t("sum.k.local"), workbook.Money, func(s budget.ScenarioResult) any { return s.Horizon.Local })
	key(w.t("sum.k.localpv"), workbook.Money, func(s budget.ScenarioResult) any { return s.Horizon.LocalPV })
	key(w.t("sum.k.cliff"), workbook.General, func(s budget.ScenarioResult) any {
		if s.Cliff.Year == 0 {
			return "—"
		}
		return s.Cliff.Year
	})
	key(w.t("sum.k.jump"), workbook.Money, func(s budget.ScenarioResult) any { return s.Cliff.Jump })
	key(w.t("sum.k.last", w.r.Totals[n-1].Year), workbook.Money, func(s budget.ScenarioResult) any { return s.Totals[n-1].Local })
	key(w.t("sum.k.maxshare"), workbook.Percent2, func(s budget.ScenarioResult) any {
		best := math.NaN()
		for _, y := range s.Totals {
			if !math.IsNaN(y.ShareOfRevenue) && (math.IsNaN(best) || y.ShareOfRevenue > best) {
				best = y.ShareOfRevenue
			}
		}
		return best
	})
}

// keyValue writes a key in the first column and its text across the
// others.
func (w *budgetWriter) keyValue(r *workbook.ReportSheet, key, text string) {
	w.spanLabel(r, 0, 0, key, "bold")
	w.spanLabel(r, 1, len(r.Widths)-1, text, "")
	r.Next++
}

// scenarioName names a scenario: low, base and high in the workbook's
// language, others as they are.
func (w *budgetWriter) scenarioName(name string) string {
	if _, ok := budgetText["sc.name."+name]; ok {
		return w.t("sc.name." + name)
	}
	return name
}

// rates describes a scenario's rates: "as planned", or the rate of each
// year from the second on (the first year's rate does not enter the
// indexes).
func (w *budgetWriter) rates(v []float64) string {
	if v == nil {
		return w.t("sc.asplanned")
	}
	var parts []string
	for t := 1; t < w.n; t++ {
		parts = append(parts, fmt.Sprintf("%d: %s", w.in.FirstYear+t, w.pct(budget.RateAt(v, t))))
	}
	if len(parts) == 0 {
		return w.t("sc.asplanned")
	}
	return strings.Join(parts, ", ")
}

// sensitivity writes the Sensitivity sheet: the tornado of the drivers,
// as values, and its chart.
func (w *budgetWriter) sensitivity() {
	r := w.rep[bsSensitivity]
	sh := r.Sheet
	r.Title(w.t("se.title", w.yearSpan()))
	r.Line(w.t("sc.values"), "warn")
	bars := w.bg.Tornado
	if len(bars) == 0 {
		r.Line(w.t("se.none"), "note")
		w.pageSetup(sh, "")
		return
	}
	d := w.bg.TornadoStep
	step := workbook.FormatDecimal(w.lang, d*100, 0)
	if d*100 != math.Round(d*100) {
		step = workbook.FormatDecimal(w.lang, d*100, 1)
	}
	r.Line(w.t("se.intro", step, w.yearSpan(), w.money(bars[0].Base)), "")
	r.Gap()
	header := r.Next
	w.header(r, []any{w.t("se.col.driver"), w.t("se.col.what"), w.t("se.col.low", step), w.t("se.col.high", step),
		w.t("se.col.dlow", step), w.t("se.col.dhigh", step), w.t("se.col.swing")}, 2, 7)
	first := r.Next
	for _, b := range bars {
		w.label(r, 0, w.t("driver."+string(b.Driver)), "bold")
		w.label(r, 1, w.t("driver."+string(b.Driver)+".what"), "")
		w.put(r, 2, b.Low, workbook.Money, false)
		w.put(r, 3, b.High, workbook.Money, false)
		w.put(r, 4, b.Low-b.Base, workbook.Money, false)
		w.put(r, 5, b.High-b.Base, workbook.Money, false)
		w.put(r, 6, b.Swing(), workbook.Money, false)
		r.Next++
	}
	last := r.Next - 1
	r.Line(w.t("se.note"), "note")
	r.Gap()
	width := 0.0
	for _, x := range r.Widths {
		width += x
	}
	overlap := 100
	gap := uint(40)
	var series []excelize.ChartSeries
	for i, col := range []int{4, 5} {
		series = append(series, excelize.ChartSeries{
			Name:       workbook.AbsCellRef(sh, col, header),
			Categories: workbook.AbsRangeRef(sh, 0, first, last),
			Values:     workbook.AbsRangeRef(sh, col, first, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{[]string{"5B9BD5", "C55A11"}[i]}},
		})
	}
	c := &excelize.Chart{
		Type:      excelize.Bar,
		Dimension: excelize.ChartDimension{Width: uint(min(width*7, 900)), Height: uint(min(120+34*len(bars), workbook.MaxChartHeight))},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: w.t("se.chart", step),
			Font: &excelize.Font{Size: 12, Bold: true, Color: "1F4E79"}}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		Series: series,
		XAxis: excelize.ChartAxis{ReverseOrder: true, TickLabelPosition: excelize.ChartTickLabelLow,
			Font: excelize.Font{Size: 9, Color: "262626"}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"},
			Font:  excelize.Font{Size: 9, Color: "404040"},
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: w.t("se.chart.y", w.money(bars[0].Base)), Font: &excelize.Font{Size: 9, Color: "404040"}}}}},
		VaryColors: workbook.BoolRef(false),
		Overlap:    &overlap,
		GapWidth:   &gap,
	}
	w.b.Fail(w.b.File.AddChart(sh, workbook.A1Name(0, r.Next), c))
	w.pageSetup(sh, "")
}

// methods writes the Methods sheet: how the workbook works, the formulas,
// hromada's choices and the sources of the inputs.
func (w *budgetWriter) methods() {
	var p []workbook.Para
	key := func(k, text string) { p = append(p, workbook.Para{Key: k, Text: text}) }
	head := func(k string) { p = append(p, workbook.Para{Heading: w.t(k)}) }
	head("m.workbook")
	key(w.t("m.wb.inputs"), w.t("m.wb.inputs.text", w.name[bsAssumptions]))
	for _, k := range []string{"formulas", "recalc", "values", "structure"} {
		key(w.t("m.wb."+k), w.t("m.wb."+k+".text"))
	}
	head("m.formulas")
	for _, k := range []string{"index", "staff", "other", "admin", "startup", "funding", "cliff", "afford", "unit", "pv", "pivot"} {
		key(w.t("m.f."+k), w.t("m.f."+k+".text"))
	}
	head("m.choices")
	for i := 1; ; i++ {
		k := fmt.Sprintf("m.c.%d", i)
		if _, ok := budgetText[k]; !ok {
			break
		}
		key(w.t(k), w.t(k+".text"))
	}
	head("m.sources")
	src := w.bg.Sources
	for _, s := range []struct{ key, v string }{
		{"plan", src.Plan}, {"posts", src.Posts}, {"minwage", src.MinimumWage}, {"esv", src.ESV},
		{"wagegrowth", src.WageGrowth}, {"cpi", src.CPI}, {"other", src.Other}, {"admin", src.Admin},
		{"startup", src.Startup}, {"caprate", src.CapitalRate}, {"funding", src.Funding}, {"revenue", src.Revenue},
		{"population", src.Population}, {"threshold", src.Threshold}, {"discount", src.Discount},
	} {
		key(w.t("m.s."+s.key), w.source(s.v))
	}
	if len(w.skipped()) > 0 {
		key(w.t("m.skipped"), joinList(w.skipped()))
	}
	if len(w.bg.Warnings) > 0 {
		head("m.warnings")
		for _, msg := range workbook.CapWarnings(w.bg.Warnings, w.lang) {
			p = append(p, workbook.Para{Text: msg})
		}
	}
	head("m.software")
	key("hromada", w.t("m.software.text"))
	name := w.name[bsMethods]
	w.b.AddText(name, w.t("m.title"), p)
	w.pageSetup(name, "")
}

// joinList joins names with commas.
func joinList(s []string) string { return strings.Join(slices.Clip(s), ", ") }
