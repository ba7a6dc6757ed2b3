package assessbook

import (
	"math"

	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// chartColors are the fills of the charts' series, one for each group.
var chartColors = []string{"1F4E79", "ED7D31", "70AD47", "FFC000", "5B9BD5", "A5A5A5", "7030A0", "C00000", "264478", "9E480E"}

// charts draws, below the Summary's tables, the unduplicated demand by
// service and the need rates by group and service, each with its 95 %
// intervals as error bars. Suppressed estimates are left out.
func (w *assessWriter) charts() {
	if len(w.services) == 0 {
		return
	}
	b := w.b
	if _, err := b.File.NewSheet(workbook.ChartSheet); err != nil {
		b.Fail(err)
		return
	}
	b.Fail(b.File.SetSheetVisible(workbook.ChartSheet, false))
	width := uint(w.summaryWidth * 8) // pixels: the width of the tables above
	row, n := w.demandChart(width, w.chartRow)
	if n > 6 {
		b.Fail(b.File.InsertPageBreak(w.summarySheet, workbook.A1Name(0, row))) // each chart on a page of its own
	}
	w.ratesChart(width, row)
}

// chartCell sets the cell at column col (from 0) and row (from 1) of the
// hidden chart sheet.
func (w *assessWriter) chartCell(col, row int, v any) {
	cell, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		w.b.Fail(err)
		return
	}
	w.b.SetCell(workbook.ChartSheet, cell, v)
}

// demandChart draws the demand by service, all target groups together,
// width pixels wide at row of the Summary; it returns the row below it
// and the number of services drawn.
func (w *assessWriter) demandChart(width uint, row int) (int, int) {
	b, set := w.b, w.chartCell
	set(0, 1, "service")
	set(1, 1, w.t("sum.chart.series"))
	set(2, 1, "plus")
	set(3, 1, "minus")
	n := 0
	var plus, minus, vals []float64
	for _, d := range w.unionByDemand() {
		if w.demandHidden(d) || math.IsNaN(d.People) {
			continue
		}
		p, m := workbook.PlusMinus(d.People, d.PeopleLow, d.PeopleUpp)
		n++
		set(0, n+1, w.t("sum.chart.label", workbook.ChartLabel(w.serviceName(d.Service)), workbook.UnitPlural(w.lang, d.Unit)))
		set(1, n+1, d.People)
		set(2, n+1, p)
		set(3, n+1, m)
		plus, minus, vals = append(plus, p), append(minus, m), append(vals, d.People)
	}
	if n > 0 {
		height := uint(min(110+32*n, workbook.MaxChartHeight))
		c := &excelize.Chart{
			Type:      excelize.Bar,
			Dimension: excelize.ChartDimension{Width: width, Height: height},
			Title:     workbook.ChartTitle(w.t("sum.chart.demand", w.ci())),
			Legend:    excelize.ChartLegend{Position: "none"},
			Series: []excelize.ChartSeries{{
				Name:       workbook.AbsCellRef(workbook.ChartSheet, 1, 1),
				Categories: workbook.AbsRangeRef(workbook.ChartSheet, 0, 2, n+1),
				Values:     workbook.AbsRangeRef(workbook.ChartSheet, 1, 2, n+1),
				Fill:       workbook.SolidFill("5B9BD5"),
			}},
			XAxis: excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Size: 9, Color: "262626"}},
			YAxis: excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"},
				Font:  excelize.Font{Size: 9, Color: "404040"},
				Title: workbook.AxisTitle(w.t("sum.chart.demand.y"))},
			VaryColors: workbook.BoolRef(false),
		}
		b.AddBarChart(w.summarySheet, workbook.A1Name(0, row), c, []workbook.ErrorBars{{
			Plus: workbook.AbsRangeRef(workbook.ChartSheet, 2, 2, n+1), Minus: workbook.AbsRangeRef(workbook.ChartSheet, 3, 2, n+1),
			PlusValues: plus, MinusValues: minus, Series: vals,
		}})
		row += b.ChartRows(w.summarySheet, row, height) + 1
	}
	return row, n
}

// ratesChart draws the need rates by group and service, width pixels wide
// at row of the Summary.
func (w *assessWriter) ratesChart(width uint, row int) {
	b, set := w.b, w.chartCell
	base := 5 // first column of the second table
	set(base, 1, "service")
	for i, s := range w.services {
		set(base, i+2, workbook.ChartLabel(w.serviceName(s)))
	}
	var series []excelize.ChartSeries
	var bars []workbook.ErrorBars
	last := len(w.services) + 1
	var groups []string // the groups with a rate to draw
	for _, g := range w.groups {
		for _, s := range w.services {
			if r, ok := w.rates[[2]string{g, s}]; ok && !w.hidden(r) && !math.IsNaN(r.Stat) {
				groups = append(groups, g)
				break
			}
		}
	}
	for gi, g := range groups {
		col := base + 1 + 3*gi
		set(col, 1, w.groupName(g))
		set(col+1, 1, "plus")
		set(col+2, 1, "minus")
		plus, minus := make([]float64, len(w.services)), make([]float64, len(w.services))
		vals := make([]float64, len(w.services))
		for i, s := range w.services {
			vals[i] = math.NaN()
			r, ok := w.rates[[2]string{g, s}]
			if !ok || w.hidden(r) || math.IsNaN(r.Stat) {
				continue
			}
			plus[i], minus[i] = workbook.PlusMinus(r.Stat, r.StatLow, r.StatUpp)
			vals[i] = r.Stat
			set(col, i+2, r.Stat)
			set(col+1, i+2, plus[i])
			set(col+2, i+2, minus[i])
		}
		series = append(series, excelize.ChartSeries{
			Name:       workbook.AbsCellRef(workbook.ChartSheet, col, 1),
			Categories: workbook.AbsRangeRef(workbook.ChartSheet, base, 2, last),
			Values:     workbook.AbsRangeRef(workbook.ChartSheet, col, 2, last),
			Fill:       workbook.SolidFill(chartColors[gi%len(chartColors)]),
		})
		bars = append(bars, workbook.ErrorBars{
			Plus: workbook.AbsRangeRef(workbook.ChartSheet, col+1, 2, last), Minus: workbook.AbsRangeRef(workbook.ChartSheet, col+2, 2, last),
			PlusValues: plus, MinusValues: minus, Series: vals,
		})
	}
	if len(groups) == 0 {
		return
	}
	height := uint(min(140+len(w.services)*(14*len(groups)+18), workbook.MaxChartHeight))
	zero := 0.0
	c := &excelize.Chart{
		Type:      excelize.Bar,
		Dimension: excelize.ChartDimension{Width: width, Height: height},
		Title:     workbook.ChartTitle(w.t("sum.chart.rates", w.ci())),
		Legend:    excelize.ChartLegend{Position: "top"},
		Series:    series,
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Size: 9, Color: "262626"}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"},
			Font:  excelize.Font{Size: 9, Color: "404040"},
			Title: workbook.AxisTitle(w.t("sum.chart.rates.y"))},
		VaryColors: workbook.BoolRef(false),
	}
	b.AddBarChart(w.summarySheet, workbook.A1Name(0, row), c, bars)
	b.ChartRows(w.summarySheet, row, height)
}
