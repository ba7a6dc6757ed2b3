package workbook

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/xuri/excelize/v2"
)

// summary writes the Summary sheet: sentences for a report, key figures,
// the communities by cliff year and the charts. It is written last, as it
// draws the Budget sheet's numbers.
func (w *consWriter) summary() {
	r := w.sum
	c, t := w.c, &w.c.Totals
	if c.Project != "" {
		r.title(w.t("sum.title", c.Project))
	} else {
		r.title(w.t("sum.title.none"))
	}
	r.line(w.t("sum.scope", w.count(t.Communities), w.yearSpan(), w.ci()), "")
	r.gap()
	r.heading(w.t("sum.report"))
	r.line(w.sentences(), "")
	r.line(w.t("sum.report.note"), "note")

	w.pageTop = 1
	w.keepOnPage(r.block(w.keyFigures).first)
	if w.ran() > 0 {
		w.keepOnPage(r.block(w.cliffYears).first)
	}
	w.charts()
	w.pageSetup(r.sh, "")
}

// keyFigure writes a key figure of the Summary: its label, indented when
// indent, its value (a NaN reads "no data") and the bounds of its
// interval, if any.
func (w *consWriter) keyFigure(label string, indent bool, v any, f Format, bounds ...float64) {
	r := w.sum
	kind := ""
	if indent {
		kind = "indent"
	}
	r.set(0, label, styleKey{kind: kind, wrap: true})
	if x, ok := v.(float64); ok && math.IsNaN(x) {
		v = w.t("nodata")
	}
	st := styleKey{format: f}
	if _, ok := v.(string); ok {
		st = styleKey{kind: "right"}
	}
	r.set(1, v, st)
	for i, b := range bounds {
		r.set(2+i, b, styleKey{format: f})
	}
	level := 0
	if indent {
		level = 1
	}
	if h := textRowHeight(label, kind, level, r.widths[0]); h > 15 {
		w.b.rowHeight(r.sh, r.next, h)
	}
	r.next++
}

// keyFigures writes the key figures of the project: the communities, the
// families in need, the plans, the cost and who pays it, affordability.
func (w *consWriter) keyFigures() {
	r, c, t := w.sum, w.c, &w.c.Totals
	key := w.keyFigure
	r.gap()
	r.heading(w.t("sum.key"))
	ci := w.ci()
	r.header([]Col{{Header: w.t("sum.col.measure")}, {Header: w.t("sum.col.value")}, {Header: w.t("low", ci)}, {Header: w.t("upp", ci)}})
	w.b.fail(w.b.f.SetCellStyle(r.sh, a1Name(1, r.next-1), a1Name(3, r.next-1), w.b.style(styleKey{kind: "header.right"})))
	key(w.t("k.ran"), false, float64(w.ran()), Integer)
	key(w.t("k.failed"), false, float64(t.Failed), Integer)
	key(w.t("k.households"), false, float64(t.Households), Integer)
	if h := w.head; h >= 0 {
		n := consolidate.Need{Families: math.NaN(), Low: math.NaN(), Upp: math.NaN()}
		missing := 0
		if h < len(t.Needs) {
			n, missing = t.Needs[h], t.Missing[h]
		}
		if n.Suppressed {
			key(w.t("k.need", lowerFirst(w.groupName(h))), false, suppressedMark, Integer)
		} else {
			key(w.t("k.need", lowerFirst(w.groupName(h))), false, n.Families, Integer, n.Low, n.Upp)
		}
		key(w.t("k.missing"), true, float64(missing), Integer)
	}
	key(w.t("k.create"), false, float64(t.Create), Integer)
	key(w.t("k.enhance"), false, float64(t.Enhance), Integer)
	key(w.t("k.sufficient"), false, float64(t.Sufficient), Integer)
	key(w.t("k.unknown"), false, float64(t.Unk), Integer)
	key(w.t("k.hires", w.yearSpan()), false, t.Hires, Decimal2)
	key(w.t("k.total", w.yearSpan()), false, t.HorizonTotal, Money)
	key(w.t("k.donor"), true, t.HorizonDonor, Money)
	key(w.t("k.state"), true, t.HorizonState, Money)
	key(w.t("k.local"), true, t.HorizonLocal, Money)
	key(w.t("k.after", w.lastYear()), false, t.LocalAfter, Money)
	if w.hasThreshold() {
		key(w.t("k.over", w.pct2(c.Threshold)), false, float64(t.OverThreshold), Integer)
	} else {
		key(w.t("k.over.none"), false, w.t("none"), General)
	}
}

// cliffYears writes how many communities have their donor cliff in each
// year, and how many have none.
func (w *consWriter) cliffYears() {
	r := w.sum
	r.gap()
	r.heading(w.t("sum.cliffs"))
	r.header([]Col{{Header: w.t("sum.col.year")}, {Header: w.t("sum.col.count")}})
	w.b.fail(w.b.f.SetCellStyle(r.sh, a1Name(1, r.next-1), a1Name(1, r.next-1), w.b.style(styleKey{kind: "header.right"})))
	with := 0
	for _, yc := range w.c.Totals.Cliffs {
		r.set(0, float64(yc.Year), styleKey{kind: "left"})
		r.set(1, float64(yc.Communities), styleKey{format: Integer})
		r.next++
		with += yc.Communities
	}
	r.set(0, w.t("k.nocliff"), styleKey{})
	r.set(1, float64(w.ran()-with), styleKey{format: Integer})
	r.next++
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
			out = append(out, w.t(k, w.money(n.Families), unitWord(w.lang, hromada.Family, n.Families), w.ci(), w.money(n.Low), w.money(n.Upp)))
		}
		if m := t.Missing[h]; m > 0 {
			out = append(out, w.t("say.need.miss", w.count(m)))
		}
	}
	out = append(out, w.t("say.plan", w.count(t.Create), w.count(t.Enhance), formatFTE(w.lang, t.Hires)))
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
		out[i] = chartLabel(out[i])
	}
	return out
}

// charts draws, below the Summary's tables, the families in need by
// community, who pays by year and the highest share of revenue by
// community. The numbers of the community charts are on the hidden chart
// sheet; the cost chart draws the Budget sheet.
func (w *consWriter) charts() {
	r, b := w.sum, w.b
	r.gap()
	if w.ran() == 0 {
		r.heading(w.t("sum.charts"))
		r.line(w.t("sum.nocharts"), "note")
		return
	}
	if _, err := b.f.NewSheet(chartSheet); err != nil {
		b.fail(err)
		return
	}
	b.fail(b.f.SetSheetVisible(chartSheet, false))
	p := &chartPlacer{w: w, heading: true}
	for _, x := range r.widths {
		p.width += colPixels(x)
	}
	if w.head >= 0 {
		w.needChart(p)
	}
	w.costChart(p)
	w.shareChart(p)
	r.line(w.t("chart.data", w.name[csCommunities], w.name[csBudget]), "note")
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
		b.fail(b.f.InsertPageBreak(r.sh, r.ref(0)))
		w.pageTop = r.next
	}
	if p.heading {
		r.heading(w.t("sum.charts"))
		p.heading = false
	}
	cell := r.ref(0)
	for range rows {
		b.rowHeight(r.sh, r.next, 15)
		r.next++
	}
	return cell
}

// note says that a chart shows the first shown of all communities.
func (p *chartPlacer) note(shown, all int) {
	if all > shown {
		w := p.w
		w.sum.line(w.t("chart.top", w.count(shown), countWord(w.lang, "community", float64(shown)), w.count(all), w.name[csCommunities]), "note")
	}
}

// barHeight is the height of a bar chart of n communities: 25 of them fit
// a page with a heading and a note.
func barHeight(n int) uint { return uint(min(max(170, 90+15*n), maxChartHeight)) }

// chartGap is the gap between the bars of the Summary's charts, in per
// cent of a bar.
const chartGap = 50

// needChart draws the families in need by community, with their
// intervals; its numbers go in the first columns of the chart sheet.
func (w *consWriter) needChart(p *chartPlacer) {
	h, b := w.head, w.b
	set := func(col, row int, v any) { b.setCell(chartSheet, a1Name(col, row), v) }
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
			pl, mi := plusMinus(nd.Families, nd.Low, nd.Upp)
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
			Title:     chartTitle(w.t("chart.need", w.ci())),
			Legend:    excelize.ChartLegend{Position: "none"},
			Series: []excelize.ChartSeries{{
				Name: absCellRef(chartSheet, 1, 1), Categories: absRangeRef(chartSheet, 0, 2, n+1),
				Values: absRangeRef(chartSheet, 1, 2, n+1), Fill: solidFill("5B9BD5"),
			}},
			XAxis: excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Size: 9, Color: "262626"}},
			YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"},
				Font: excelize.Font{Size: 9, Color: "404040"}, Title: axisTitle(w.t("chart.need.y"))},
			VaryColors: boolRef(false),
			GapWidth:   &gap,
		}
		b.addBarChart(w.sum.sh, p.place(height), ch, []errorBars{{
			Plus: absRangeRef(chartSheet, 2, 2, n+1), Minus: absRangeRef(chartSheet, 3, 2, n+1),
			PlusValues: plus, MinusValues: minus, Series: vals,
		}})
		p.note(n, all)
	}
	if left := w.ran() - all; left > 0 {
		w.sum.line(w.t("chart.need.left", w.count(left)), "note")
	}
}

// costChart draws who pays by year: the project totals of the Budget
// sheet.
func (w *consWriter) costChart(p *chartPlacer) {
	bs, bt := w.name[csBudget], w.budgetTotals
	n := w.years()
	var series []excelize.ChartSeries
	for i, color := range []string{"5B9BD5", "A9D18E", "C55A11"} {
		row := bt.row(budDonor + i)
		series = append(series, excelize.ChartSeries{
			Name:       absCellRef(bs, 0, row),
			Categories: absRowRef(bs, bt.header, 1, n),
			Values:     absRowRef(bs, row, 1, n),
			Fill:       solidFill(color),
		})
	}
	gap := uint(chartGap)
	height := uint(300)
	w.b.fail(w.b.f.AddChart(w.sum.sh, p.place(height), &excelize.Chart{
		Type:       excelize.ColStacked,
		Dimension:  excelize.ChartDimension{Width: uint(p.width), Height: height},
		Title:      chartTitle(w.t("chart.cost")),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Series:     series,
		XAxis:      excelize.ChartAxis{Font: excelize.Font{Size: 9, Color: "262626"}},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}, Font: excelize.Font{Size: 9, Color: "404040"}, Title: axisTitle(w.t("chart.cost.y"))},
		VaryColors: boolRef(false),
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
	set := func(col, row int, v any) { b.setCell(chartSheet, a1Name(col, row), v) }
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
				Name: absCellRef(chartSheet, base+i, 1), Categories: absRangeRef(chartSheet, base, 2, n+1),
				Values: absRangeRef(chartSheet, base+i, 2, n+1), Fill: solidFill([]string{"5B9BD5", "C00000"}[i-1]),
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
			Title:     chartTitle(w.t("chart.share")),
			Legend:    excelize.ChartLegend{Position: legend},
			Series:    series,
			XAxis:     labels,
			YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"},
				Font: excelize.Font{Size: 9, Color: "404040"}, Title: axisTitle(w.t("chart.share.y"))},
			VaryColors: boolRef(false),
			Overlap:    &overlap,
			GapWidth:   &gap,
		}
		var combo []*excelize.Chart
		if w.hasThreshold() {
			combo = append(combo, &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{{
				Name: absCellRef(chartSheet, line, 1), Categories: absRangeRef(chartSheet, base, 2, n+1),
				Values: absRangeRef(chartSheet, line, 2, n+1),
				Line:   excelize.LineOptions{Smooth: false, Width: 2.25},
				Fill:   solidFill("404040"), Marker: excelize.ChartMarker{Symbol: "none"},
			}}, XAxis: labels, YAxis: chart.YAxis})
		}
		b.fail(b.f.AddChart(w.sum.sh, p.place(height), chart, combo...))
		p.note(n, all)
	}
	if left := w.ran() - all; left > 0 {
		w.sum.line(w.t("chart.share.left", w.count(left)), "note")
	}
}

// shareChartHeight is the height of the share chart, in pixels: room for
// the columns and for community names written aslant under them.
const shareChartHeight = 300

// shareChartCol is the first column of the share chart's numbers on the
// chart sheet, right of the need chart's four.
const shareChartCol = 5

// pageHeight is the height of the body of an A4 landscape page with the
// margins of [Book.pageSetup], in points: what the Summary fits blocks to.
const pageHeight = 500.0

// pageUsed is the height of the Summary's rows on the current printed
// page, in points.
func (w *consWriter) pageUsed() float64 {
	h := 0.0
	for row := w.pageTop; row < w.sum.next; row++ {
		x, err := w.b.f.GetRowHeight(w.sum.sh, row)
		w.b.fail(err)
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
	w.b.fail(w.b.f.InsertPageBreak(w.sum.sh, a1Name(0, from)))
	w.pageTop = from
}
