package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestNiceMax(t *testing.T) {
	tests := []struct{ top, want float64 }{
		{0.432, 0.5}, // a rate's upper bound 43.2 %: the axis ends at 50 %, not 35 %
		{599, 600},   // 599 families: 6 × 100
		{35, 40},     // 3.5 × 10 → 4 × 10
		{1, 1},       // a power of ten is its own end
		{1.21, 1.5},  // above 1.2
		{12000, 12000},
	}
	for _, tt := range tests {
		got := niceMax(tt.top)
		if got == nil || *got != tt.want {
			t.Errorf("niceMax(%v) = %v, want %v", tt.top, got, tt.want)
		}
	}
	if got := niceMax(0); got != nil {
		t.Errorf("niceMax(0) = %v, want nil", *got)
	}
}

func TestAxisTop(t *testing.T) {
	// Bars 10+5 and 20+1, and a series without intervals reaching 24: 24.
	bars := []ErrorBars{{Series: []float64{10, 20}, PlusValues: []float64{5, 1}}, {Series: []float64{24}}}
	if got := axisTop(bars); got != 24 {
		t.Errorf("axisTop = %v, want 24", got)
	}
	// Without the third series the interval 10+15 = 25 is the top.
	bars = []ErrorBars{{Series: []float64{10, 20}, PlusValues: []float64{15, 1}}}
	if got := axisTop(bars); got != 25 {
		t.Errorf("axisTop = %v, want 25", got)
	}
}

// A bar chart's value axis ends above its highest interval, and the chart
// carries the values and names of its cells as its caches.
func TestBarChartAxisAndCaches(t *testing.T) {
	b := NewBook()
	sh := b.NewSheet("Зведення")
	if _, err := b.File.NewSheet(ChartSheet); err != nil {
		t.Fatal(err)
	}
	for i, row := range [][]any{{"service", "Потребують", "plus"}, {"Консультування", 300.0, 120.0}, {"Догляд вдома", 450.0, 149.0}} {
		for c, v := range row {
			b.SetCell(ChartSheet, A1Name(c, i+1), v)
		}
	}
	c := &excelize.Chart{Type: excelize.Bar, Series: []excelize.ChartSeries{{
		Name: AbsCellRef(ChartSheet, 1, 1), Categories: AbsRangeRef(ChartSheet, 0, 2, 3), Values: AbsRangeRef(ChartSheet, 1, 2, 3),
	}}}
	b.AddBarChart(sh, "A1", c, []ErrorBars{{
		Plus: AbsRangeRef(ChartSheet, 2, 2, 3), Minus: AbsRangeRef(ChartSheet, 2, 2, 3),
		PlusValues: []float64{120, 149}, MinusValues: []float64{120, 149}, Series: []float64{300, 450},
	}})
	b.fillChartCaches()
	if err := b.Err(); err != nil {
		t.Fatal(err)
	}
	v, _ := b.File.Pkg.Load("xl/charts/chart1.xml")
	x := string(v.([]byte))
	for _, want := range []string{
		`<max val="600">`, // 450+149 = 599 → 600
		`<ptCount val="2"/><pt idx="0"><v>300</v></pt><pt idx="1"><v>450</v></pt>`,
		`<pt idx="0"><v>Консультування</v></pt><pt idx="1"><v>Догляд вдома</v></pt>`,
		`<strCache><ptCount val="1"/><pt idx="0"><v>Потребують</v></pt></strCache>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("chart part lacks %s", want)
		}
	}
	if strings.Contains(x, "<numCache><formatCode></formatCode></numCache>") {
		t.Error("an empty value cache is left")
	}
}

// TestWithErrorBarsUnexpected leaves a chart alone when its series are
// not as expected.
func TestWithErrorBarsUnexpected(t *testing.T) {
	in := []byte("<ser><cat></cat></ser><ser><val></val></ser>")
	out, ok := WithErrorBars(in, []ErrorBars{{Plus: "A"}, {Plus: "B"}})
	if ok || !bytes.Equal(out, in) {
		t.Errorf("withErrorBars on a series without cat = %q, %v; want the input, false", out, ok)
	}
}
