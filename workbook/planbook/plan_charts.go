package planbook

import (
	"math"
	"strconv"

	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// charts draws, below the Summary's tables, the demand of each service
// with its interval against its target and the providers' capacity, and
// the posts by year, existing and new. The numbers they draw are on the
// hidden chart sheet.
func (w *planWriter) charts() {
	b := w.b
	var known []int // services with a demand to draw, by index into Result.Services
	for i, sp := range w.r.Services {
		if sp.Known && !math.IsNaN(sp.Demand) && (sp.Demand > 0 || sp.Capacity > 0) {
			known = append(known, i)
		}
	}
	years := w.years()
	if len(known) == 0 && len(years) == 0 {
		return
	}
	if _, err := b.File.NewSheet(workbook.ChartSheet); err != nil {
		b.Fail(err)
		return
	}
	b.Fail(b.File.SetSheetVisible(workbook.ChartSheet, false))
	// The demand chart fills the columns left of staffCol, the staff chart
	// the columns from staffCol on: side by side, on one page.
	const staffCol = 6
	left, right := 0.0, 0.0 // pixels
	for i, wd := range w.summaryWidths {
		if i < staffCol {
			left += workbook.ColPixels(wd)
		} else {
			right += workbook.ColPixels(wd)
		}
	}
	if len(known) > 0 {
		w.demandChart(known, left)
	}
	if len(years) > 0 {
		w.staffChart(years, staffCol, right)
	}
}

// chartCell sets the cell at column col (from 0) and row (from 1) of the
// hidden chart sheet.
func (w *planWriter) chartCell(col, row int, v any) {
	w.b.SetCell(workbook.ChartSheet, workbook.A1Name(col, row), v)
}

// demandChart draws the demand, target and capacity of the services known
// (by index into Result.Services), in rank order, width pixels wide at
// the left of the Summary's chart row.
func (w *planWriter) demandChart(known []int, width float64) {
	b, set, row := w.b, w.chartCell, w.chartRow
	n := len(known)
	for c, h := range []string{"service", w.t("chart.demand"), "plus", "minus", w.t("chart.target"), w.t("chart.capacity")} {
		set(c, 1, h)
	}
	var plus, minus, demand, target, capacity []float64
	for k, i := range known {
		sp := w.r.Services[i]
		p, m := workbook.PlusMinus(sp.Demand, sp.DemandLow, sp.DemandHigh)
		r := k + 2
		set(0, r, workbook.ReportText.In(w.lang, "sum.chart.label", workbook.ChartLabel(w.serviceName(sp.Service)), workbook.UnitPlural(w.lang, sp.Service.Unit)))
		set(1, r, sp.Demand)
		set(2, r, p)
		set(3, r, m)
		set(4, r, sp.Target)
		set(5, r, sp.Capacity)
		plus, minus = append(plus, p), append(minus, m)
		demand, target, capacity = append(demand, sp.Demand), append(target, sp.Target), append(capacity, sp.Capacity)
	}
	series := func(col int, color string) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name:       workbook.AbsCellRef(workbook.ChartSheet, col, 1),
			Categories: workbook.AbsRangeRef(workbook.ChartSheet, 0, 2, n+1),
			Values:     workbook.AbsRangeRef(workbook.ChartSheet, col, 2, n+1),
			Fill:       workbook.SolidFill(color),
		}
	}
	height := uint(min(150+n*50, workbook.MaxChartHeight))
	zero := 0.0
	c := &excelize.Chart{
		Type:      excelize.Bar,
		Dimension: excelize.ChartDimension{Width: uint(width) - 8, Height: height},
		Title:     workbook.ChartTitle(w.t("sum.chart.demand")),
		Legend:    excelize.ChartLegend{Position: "top"},
		Series:    []excelize.ChartSeries{series(1, "1F4E79"), series(4, "9DC3E6"), series(5, "70AD47")},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Size: 9, Color: "262626"}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"},
			Font: excelize.Font{Size: 9, Color: "404040"}, Title: workbook.AxisTitle(w.t("sum.chart.y"))},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
		VaryColors: workbook.BoolRef(false),
	}
	b.AddBarChart(w.summarySheet, workbook.A1Name(0, row), c, []workbook.ErrorBars{{
		Plus: workbook.AbsRangeRef(workbook.ChartSheet, 2, 2, n+1), Minus: workbook.AbsRangeRef(workbook.ChartSheet, 3, 2, n+1),
		PlusValues: plus, MinusValues: minus, Series: demand,
	}, {Series: target}, {Series: capacity}})
	b.ChartRows(w.summarySheet, row, height)
}

// staffChart draws the posts by year, the existing ones and the new ones
// so far, width pixels wide from column staffCol of the Summary's chart
// row.
func (w *planWriter) staffChart(years []int, staffCol int, width float64) {
	b, set, row := w.b, w.chartCell, w.chartRow
	base := 0.0
	for _, sp := range w.r.Services {
		if sp.Years != nil {
			base += existing(sp)
		}
	}
	const col0 = 8 // first column of the second table
	set(col0, 1, "year")
	set(col0+1, 1, w.t("chart.existing"))
	set(col0+2, 1, w.t("chart.new"))
	for i, y := range years {
		staff := base
		if i < len(w.r.Summary.Years) {
			staff = w.r.Summary.Years[i].Staff
		}
		set(col0, i+2, strconv.Itoa(y))
		set(col0+1, i+2, base)
		set(col0+2, i+2, staff-base)
	}
	last := len(years) + 1
	zero := 0.0
	c := &excelize.Chart{
		Type:      excelize.ColStacked,
		Dimension: excelize.ChartDimension{Width: uint(width), Height: 340},
		Title:     workbook.ChartTitle(w.t("sum.chart.staff")),
		Legend:    excelize.ChartLegend{Position: "top"},
		Series: []excelize.ChartSeries{
			{Name: workbook.AbsCellRef(workbook.ChartSheet, col0+1, 1), Categories: workbook.AbsRangeRef(workbook.ChartSheet, col0, 2, last), Values: workbook.AbsRangeRef(workbook.ChartSheet, col0+1, 2, last), Fill: workbook.SolidFill("A5A5A5")},
			{Name: workbook.AbsCellRef(workbook.ChartSheet, col0+2, 1), Categories: workbook.AbsRangeRef(workbook.ChartSheet, col0, 2, last), Values: workbook.AbsRangeRef(workbook.ChartSheet, col0+2, 2, last), Fill: workbook.SolidFill("ED7D31")},
		},
		XAxis: excelize.ChartAxis{Font: excelize.Font{Size: 9, Color: "262626"}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0.##"},
			Font: excelize.Font{Size: 9, Color: "404040"}, Title: workbook.AxisTitle(w.t("sum.chart.staff.y"))},
		VaryColors: workbook.BoolRef(false),
	}
	b.Fail(b.File.AddChart(w.summarySheet, workbook.A1Name(staffCol, row), c))
	b.ChartRows(w.summarySheet, row, c.Dimension.Height)
}
