package consbook

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// summary writes the Summary sheet: sentences for a report, key figures,
// the communities by cliff year and the charts. It is written last, as it
// draws the Budget sheet's numbers.
func (w *consWriter) summary() {
	r := w.sum
	c, t := w.c, &w.c.Totals
	if c.Project != "" {
		r.Title(w.t("sum.title", c.Project))
	} else {
		r.Title(w.t("sum.title.none"))
	}
	r.Line(w.t("sum.scope", w.count(t.Communities), w.yearSpan(), w.ci()), "")
	r.Gap()
	r.Heading(w.t("sum.report"))
	r.Line(w.sentences(), "")
	r.Line(w.t("sum.report.note"), "note")

	w.pageTop = 1
	w.keepOnPage(r.Block(w.keyFigures).First)
	if w.ran() > 0 {
		w.keepOnPage(r.Block(w.cliffYears).First)
	}
	w.charts()
	w.pageSetup(r.Sheet, "")
}

// keyFigure writes a key figure of the Summary: its label, indented when
// indent, its value (a NaN reads "no data") and the bounds of its
// interval, if any.
func (w *consWriter) keyFigure(label string, indent bool, v any, f workbook.Format, bounds ...float64) {
	r := w.sum
	kind := ""
	if indent {
		kind = "indent"
	}
	r.Set(0, label, workbook.StyleKey{Kind: kind, Wrap: true})
	if x, ok := v.(float64); ok && math.IsNaN(x) {
		v = w.t("nodata")
	}
	st := workbook.StyleKey{Format: f}
	if _, ok := v.(string); ok {
		st = workbook.StyleKey{Kind: "right"}
	}
	r.Set(1, v, st)
	for i, b := range bounds {
		r.Set(2+i, b, workbook.StyleKey{Format: f})
	}
	level := 0
	if indent {
		level = 1
	}
	if h := workbook.TextRowHeight(label, kind, level, r.Widths[0]); h > 15 {
		w.b.RowHeight(r.Sheet, r.Next, h)
	}
	r.Next++
}

// keyFigures writes the key figures of the project: the communities, the
// families in need, the plans, the cost and who pays it, affordability.
func (w *consWriter) keyFigures() {
	r, c, t := w.sum, w.c, &w.c.Totals
	key := w.keyFigure
	r.Gap()
	r.Heading(w.t("sum.key"))
	ci := w.ci()
	r.Header([]workbook.Col{{Header: w.t("sum.col.measure")}, {Header: w.t("sum.col.value")}, {Header: w.t("low", ci)}, {Header: w.t("upp", ci)}})
	w.b.Fail(w.b.File.SetCellStyle(r.Sheet, workbook.A1Name(1, r.Next-1), workbook.A1Name(3, r.Next-1), w.b.Style(workbook.StyleKey{Kind: "header.right"})))
	key(w.t("k.ran"), false, float64(w.ran()), workbook.Integer)
	key(w.t("k.failed"), false, float64(t.Failed), workbook.Integer)
	key(w.t("k.households"), false, float64(t.Households), workbook.Integer)
	if h := w.head; h >= 0 {
		n := consolidate.Need{Families: math.NaN(), Low: math.NaN(), Upp: math.NaN()}
		missing := 0
		if h < len(t.Needs) {
			n, missing = t.Needs[h], t.Missing[h]
		}
		if n.Suppressed {
			key(w.t("k.need", workbook.LowerFirst(w.groupName(h))), false, suppressedMark, workbook.Integer)
		} else {
			key(w.t("k.need", workbook.LowerFirst(w.groupName(h))), false, n.Families, workbook.Integer, n.Low, n.Upp)
		}
		key(w.t("k.missing"), true, float64(missing), workbook.Integer)
	}
	key(w.t("k.create"), false, float64(t.Create), workbook.Integer)
	key(w.t("k.enhance"), false, float64(t.Enhance), workbook.Integer)
	key(w.t("k.sufficient"), false, float64(t.Sufficient), workbook.Integer)
	key(w.t("k.unknown"), false, float64(t.Unk), workbook.Integer)
	key(w.t("k.hires", w.yearSpan()), false, t.Hires, workbook.Decimal2)
	key(w.t("k.total", w.yearSpan()), false, t.HorizonTotal, workbook.Money)
	key(w.t("k.donor"), true, t.HorizonDonor, workbook.Money)
	key(w.t("k.state"), true, t.HorizonState, workbook.Money)
	key(w.t("k.local"), true, t.HorizonLocal, workbook.Money)
	key(w.t("k.after", w.lastYear()), false, t.LocalAfter, workbook.Money)
	if w.hasThreshold() {
		key(w.t("k.over", w.pct2(c.Threshold)), false, float64(t.OverThreshold), workbook.Integer)
	} else {
		key(w.t("k.over.none"), false, w.t("none"), workbook.General)
	}
}

// cliffYears writes how many communities have their donor cliff in each
// year, and how many have none.
func (w *consWriter) cliffYears() {
	r := w.sum
	r.Gap()
	r.Heading(w.t("sum.cliffs"))
	r.Header([]workbook.Col{{Header: w.t("sum.col.year")}, {Header: w.t("sum.col.count")}})
	w.b.Fail(w.b.File.SetCellStyle(r.Sheet, workbook.A1Name(1, r.Next-1), workbook.A1Name(1, r.Next-1), w.b.Style(workbook.StyleKey{Kind: "header.right"})))
	with := 0
	for _, yc := range w.c.Totals.Cliffs {
		r.Set(0, float64(yc.Year), workbook.StyleKey{Kind: "left"})
		r.Set(1, float64(yc.Communities), workbook.StyleKey{Format: workbook.Integer})
		r.Next++
		with += yc.Communities
	}
	r.Set(0, w.t("k.nocliff"), workbook.StyleKey{})
	r.Set(1, float64(w.ran()-with), workbook.StyleKey{Format: workbook.Integer})
	r.Next++
}

// sentences are what a consortium can paste into a report: the
// communities that ran, the families in need, the plans, the cost and who
// pays, the cliff and affordability. They are the figures as written.
func (w *consWriter) sentences() string {
	c, t := w.c, &w.c.Totals
	ran := w.ran()
	var out []string
	switch {
	case t.Failed == 0:
		out = append(out, w.t("say.ran.all", w.count(t.Communities)))
	case ran == 0:
		return w.t("say.ran.none", w.count(t.Communities), w.name[csStatus])
	default:
		out = append(out, w.t("say.ran.some", w.count(t.Communities), w.count(ran), w.count(t.Failed), w.name[csStatus]))
	}
	if h := w.head; h >= 0 && h < len(t.Needs) {
		n := t.Needs[h]
		k := "say.need.any"
		if c.Groups[h].ID != assess.AnyGroup {
			k = "say.need.all"
		}
		if n.Suppressed {
			out = append(out, w.t("say.need.hidden"))
		} else {
			out = append(out, w.t(k, w.money(n.Families), workbook.UnitWord(w.lang, hromada.Family, n.Families), w.ci(), w.money(n.Low), w.money(n.Upp)))
		}
		if m := t.Missing[h]; m > 0 {
			out = append(out, w.t("say.need.miss", w.count(m)))
		}
	}
	out = append(out, w.t("say.plan", w.count(t.Create), w.count(t.Enhance), workbook.FormatFTE(w.lang, t.Hires)))
	out = append(out, w.t("say.cost", w.yearSpan(), w.money(t.HorizonTotal), w.money(t.HorizonDonor), w.money(t.HorizonState),
		w.money(t.HorizonLocal), w.lastYear(), w.money(t.LocalAfter)))
	if len(t.Cliffs) == 0 {
		out = append(out, w.t("say.nocliff", w.yearSpan()))
	} else {
		var years []string
		with := 0
		for _, yc := range t.Cliffs {
			years = append(years, w.t("say.year", yc.Year, w.count(yc.Communities)))
			with += yc.Communities
		}
		out = append(out, w.t("say.cliff", strings.Join(years, ", "), w.count(ran-with)))
	}
	switch {
	case !w.hasThreshold():
		out = append(out, w.t("say.nothresh"))
	case t.OverThreshold > 0:
		out = append(out, w.t("say.over", w.pct2(c.Threshold), w.count(t.OverThreshold)))
	default:
		out = append(out, w.t("say.under", w.pct2(c.Threshold)))
	}
	return strings.Join(out, " ")
}

// ranked are the rows that ran with a value to draw, largest first; the
// first chartTop of them when there are more than chartAll.
func ranked(rows []consolidate.Row, value func(r consolidate.Row) (float64, bool)) (top []consolidate.Row, all int) {
	for _, r := range rows {
		if r.Status != consolidate.OK {
			continue
		}
		if _, ok := value(r); ok {
			top = append(top, r)
		}
	}
	slices.SortStableFunc(top, func(a, b consolidate.Row) int {
		va, _ := value(a)
		vb, _ := value(b)
		return cmp.Compare(vb, va)
	})
	all = len(top)
	if all > chartAll {
		top = top[:chartTop]
	}
	return top, all
}

// chartLabels names the communities of a chart, with the code where two
// share a name.
func (w *consWriter) chartLabels(rows []consolidate.Row) []string {
	seen := map[string]int{}
	for _, r := range rows {
		seen[w.communityName(r)]++
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = w.communityName(r)
		if seen[out[i]] > 1 {
			out[i] += " (" + r.Community.Code + ")"
		}
		out[i] = workbook.ChartLabel(out[i])
	}
	return out
}

// charts draws, below the Summary's tables, the families in need by
// community, who pays by year and the highest share of revenue by
// community. The numbers of the community charts are on the hidden chart
// sheet; the cost chart draws the Budget sheet.
func (w *consWriter) charts() {
	r, b := w.sum, w.b
	r.Gap()
	if w.ran() == 0 {
		r.Heading(w.t("sum.charts"))
		r.Line(w.t("sum.nocharts"), "note")
		return
	}
	if _, err := b.File.NewSheet(workbook.ChartSheet); err != nil {
		b.Fail(err)
		return
	}
	b.Fail(b.File.SetSheetVisible(workbook.ChartSheet, false))
	p := &chartPlacer{w: w, heading: true}
	for _, x := range r.Widths {
		p.width += workbook.ColPixels(x)
	}
	if w.head >= 0 {
		w.needChart(p)
	}
	w.costChart(p)
	w.shareChart(p)
	r.Line(w.t("chart.data", w.name[csCommunities], w.name[csBudget]), "note")
}

// chartPlacer places the charts of the Summary one under another, each
// on one printed page, the heading above the first.
type chartPlacer struct {
	w       *consWriter
	heading bool    // the heading is still to go, with the first chart
	width   float64 // of a chart, in pixels: the sheet's
}

// place keeps a chart of height pixels, and the heading above the first,
// on one printed page, and returns the cell it goes in. The chart spans
// the rows excelize fits it to, 18 pixels a row of 15 points (Excel and
// LibreOffice draw such a row 20 pixels high and the chart taller with
// it); the rows are given that height, so that the page's height is
// known.
func (p *chartPlacer) place(height uint) string {
	w, r, b := p.w, p.w.sum, p.w.b
	rows := int(math.Ceil(float64(height)/18)) + 1
	need := float64(rows+1) * 15 // and a note below
	if p.heading {
		need += 18
	}
	if w.pageUsed() > 0 && w.pageUsed()+need > pageHeight {
		b.Fail(b.File.InsertPageBreak(r.Sheet, r.Ref(0)))
		w.pageTop = r.Next
	}
	if p.heading {
		r.Heading(w.t("sum.charts"))
		p.heading = false
	}
	cell := r.Ref(0)
	for range rows {
		b.RowHeight(r.Sheet, r.Next, 15)
		r.Next++
	}
	return cell
}

// note says that a chart shows the first shown of all communities.
func (p *chartPlacer) note(shown, all int) {
	if all > shown {
		w := p.w
		w.sum.Line(w.t("chart.top", w.count(shown), workbook.CountWord(w.lang, "community", float64(shown)), w.count(all), w.name[csCommunities]), "note")
	}
}

// barHeight is the height of a bar chart of n communities: 25 of them fit
// a page with a heading and a note.
func barHeight(n int) uint { return uint(min(max(170, 90+15*n), workbook.MaxChartHeight)) }

// chartGap is the gap between the bars of the Summary's charts, in per
// cent of a bar.
const chartGap = 50

// needChart draws the families in need by community, with their
// intervals; its numbers go in the first columns of the chart sheet.
func (w *consWriter) needChart(p *chartPlacer) {
	h, b := w.head, w.b
	set := func(col, row int, v any) { b.SetCell(workbook.ChartSheet, workbook.A1Name(col, row), v) }
	top, all := ranked(w.c.Rows, func(r consolidate.Row) (float64, bool) {
		if h >= len(r.Needs) || !r.Needs[h].Known() || r.Needs[h].Suppressed {
			return 0, false
		}
		return r.Needs[h].Families, true
	})
	if n := len(top); n > 0 {
		for col, s := range []string{"community", w.t("chart.need.y"), "plus", "minus"} {
			set(col, 1, s)
		}
		var plus, minus, vals []float64
		for i, label := range w.chartLabels(top) {
			nd := top[i].Needs[h]
			pl, mi := workbook.PlusMinus(nd.Families, nd.Low, nd.Upp)
			set(0, i+2, label)
			set(1, i+2, nd.Families)
			set(2, i+2, pl)
			set(3, i+2, mi)
			plus, minus, vals = append(plus, pl), append(minus, mi), append(vals, nd.Families)
		}
		zero, gap := 0.0, uint(chartGap)
		height := barHeight(n)
		ch := &excelize.Chart{
			Type:      excelize.Bar,
			Dimension: excelize.ChartDimension{Width: uint(p.width), Height: height},
			Title:     workbook.ChartTitle(w.t("chart.need", w.ci())),
			Legend:    excelize.ChartLegend{Position: "none"},
			Series: []excelize.ChartSeries{{
				Name: workbook.AbsCellRef(workbook.ChartSheet, 1, 1), Categories: workbook.AbsRangeRef(workbook.ChartSheet, 0, 2, n+1),
				Values: workbook.AbsRangeRef(workbook.ChartSheet, 1, 2, n+1), Fill: workbook.SolidFill("5B9BD5"),
			}},
			XAxis: excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Size: 9, Color: "262626"}},
			YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"},
				Font: excelize.Font{Size: 9, Color: "404040"}, Title: workbook.AxisTitle(w.t("chart.need.y"))},
			VaryColors: workbook.BoolRef(false),
			GapWidth:   &gap,
		}
		b.AddBarChart(w.sum.Sheet, p.place(height), ch, []workbook.ErrorBars{{
			Plus: workbook.AbsRangeRef(workbook.ChartSheet, 2, 2, n+1), Minus: workbook.AbsRangeRef(workbook.ChartSheet, 3, 2, n+1),
			PlusValues: plus, MinusValues: minus, Series: vals,
		}})
		p.note(n, all)
	}
	if left := w.ran() - all; left > 0 {
		w.sum.Line(w.t("chart.need.left", w.count(left)), "note")
	}
}

// costChart draws who pays by year: the project totals of the Budget
// sheet.
func (w *consWriter) costChart(p *chartPlacer) {
	bs, bt := w.name[csBudget], w.budgetTotals
	n := w.years()
	var series []excelize.ChartSeries
	for i, color := range []string{"5B9BD5", "A9D18E", "C55A11"} {
		row := bt.Row(budDonor + i)
		series = append(series, excelize.ChartSeries{
			Name:       workbook.AbsCellRef(bs, 0, row),
			Categories: workbook.AbsRowRef(bs, bt.Header, 1, n),
			Values:     workbook.AbsRowRef(bs, row, 1, n),
			Fill:       workbook.SolidFill(color),
		})
	}
	gap := uint(chartGap)
	height := uint(300)
	w.b.Fail(w.b.File.AddChart(w.sum.Sheet, p.place(height), &excelize.Chart{
		Type:       excelize.ColStacked,
		Dimension:  excelize.ChartDimension{Width: uint(p.width), Height: height},
		Title:      workbook.ChartTitle(w.t("chart.cost")),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Series:     series,
		XAxis:      excelize.ChartAxis{Font: excelize.Font{Size: 9, Color: "262626"}},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}, Font: excelize.Font{Size: 9, Color: "404040"}, Title: workbook.AxisTitle(w.t("chart.cost.y"))},
		VaryColors: workbook.BoolRef(false),
		GapWidth:   &gap,
	}))
}

// shareChart draws each community's highest yearly share of revenue as a
// column, blue within the project's threshold and red above it, with the
// threshold as a labelled line across the columns (a line series of the
// threshold at every community, named in the legend "threshold 3.00 %").
// Columns, not bars: a line series runs along the category axis, which is
// horizontal only in a column chart, in Excel and LibreOffice alike. Its
// numbers go in the chart sheet's columns from shareChartCol.
func (w *consWriter) shareChart(p *chartPlacer) {
	b := w.b
	set := func(col, row int, v any) { b.SetCell(workbook.ChartSheet, workbook.A1Name(col, row), v) }
	top, all := ranked(w.c.Rows, func(r consolidate.Row) (float64, bool) { return r.MaxShare, !math.IsNaN(r.MaxShare) })
	if n := len(top); n > 0 {
		const base = shareChartCol
		names := []string{"community", w.t("chart.share.y")}
		if w.hasThreshold() {
			names = []string{"community", w.t("chart.share.in", w.pct2(w.c.Threshold)), w.t("chart.share.over", w.pct2(w.c.Threshold))}
		}
		for i, s := range names {
			set(base+i, 1, s)
		}
		line := base + len(names) // the threshold's column, right of the shares
		if w.hasThreshold() {
			set(line, 1, w.t("chart.share.line", w.pct2(w.c.Threshold)))
		}
		for i, label := range w.chartLabels(top) {
			set(base, i+2, label)
			col := base + 1
			if w.hasThreshold() && top[i].OverThreshold {
				col++
			}
			set(col, i+2, top[i].MaxShare)
			if w.hasThreshold() {
				set(line, i+2, w.c.Threshold)
			}
		}
		var series []excelize.ChartSeries
		for i := 1; i < len(names); i++ {
			series = append(series, excelize.ChartSeries{
				Name: workbook.AbsCellRef(workbook.ChartSheet, base+i, 1), Categories: workbook.AbsRangeRef(workbook.ChartSheet, base, 2, n+1),
				Values: workbook.AbsRangeRef(workbook.ChartSheet, base+i, 2, n+1), Fill: workbook.SolidFill([]string{"5B9BD5", "C00000"}[i-1]),
			})
		}
		legend := "none"
		if len(series) > 1 {
			legend = "top"
		}
		zero, overlap, gap := 0.0, 100, uint(chartGap)
		height := uint(shareChartHeight)
		labels := excelize.ChartAxis{Font: excelize.Font{Size: 9, Color: "262626"}}
		if n > 8 {
			labels.Alignment = excelize.Alignment{TextRotation: -45}
		}
		chart := &excelize.Chart{
			Type:      excelize.ColStacked,
			Dimension: excelize.ChartDimension{Width: uint(p.width), Height: height},
			Title:     workbook.ChartTitle(w.t("chart.share")),
			Legend:    excelize.ChartLegend{Position: legend},
			Series:    series,
			XAxis:     labels,
			YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"},
				Font: excelize.Font{Size: 9, Color: "404040"}, Title: workbook.AxisTitle(w.t("chart.share.y"))},
			VaryColors: workbook.BoolRef(false),
			Overlap:    &overlap,
			GapWidth:   &gap,
		}
		var combo []*excelize.Chart
		if w.hasThreshold() {
			combo = append(combo, &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{{
				Name: workbook.AbsCellRef(workbook.ChartSheet, line, 1), Categories: workbook.AbsRangeRef(workbook.ChartSheet, base, 2, n+1),
				Values: workbook.AbsRangeRef(workbook.ChartSheet, line, 2, n+1),
				Line:   excelize.LineOptions{Smooth: false, Width: 2.25},
				Fill:   workbook.SolidFill("404040"), Marker: excelize.ChartMarker{Symbol: "none"},
			}}, XAxis: labels, YAxis: chart.YAxis})
		}
		b.Fail(b.File.AddChart(w.sum.Sheet, p.place(height), chart, combo...))
		p.note(n, all)
	}
	if left := w.ran() - all; left > 0 {
		w.sum.Line(w.t("chart.share.left", w.count(left)), "note")
	}
}

// shareChartHeight is the height of the share chart, in pixels: room for
// the columns and for community names written aslant under them.
const shareChartHeight = 300

// shareChartCol is the first column of the share chart's numbers on the
// chart sheet, right of the need chart's four.
const shareChartCol = 5

// pageHeight is the height of the body of an A4 landscape page with the
// margins of [workbook.Book.PageSetup], in points: what the Summary fits blocks to.
const pageHeight = 500.0

// pageUsed is the height of the Summary's rows on the current printed
// page, in points.
func (w *consWriter) pageUsed() float64 {
	h := 0.0
	for row := w.pageTop; row < w.sum.Next; row++ {
		x, err := w.b.File.GetRowHeight(w.sum.Sheet, row)
		w.b.Fail(err)
		h += x
	}
	return h
}

// keepOnPage starts a new printed page at row from when the Summary's
// rows from it on do not fit on the current one, so that a block (the key
// figures, the cliff years) is not split.
func (w *consWriter) keepOnPage(from int) {
	if w.pageUsed() <= pageHeight || from <= w.pageTop {
		return
	}
	w.b.Fail(w.b.File.InsertPageBreak(w.sum.Sheet, workbook.A1Name(0, from)))
	w.pageTop = from
}
