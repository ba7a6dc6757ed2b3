package workbook

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ErrorBars are the custom error bars of one chart series: the lengths
// above and below each point, in cells, as Excel's "Custom" error amount.
// Values holds the lengths too, written as the chart's cached values.
// Series holds the values the series draws, with or without bars, so that
// the value axis reaches the top of every bar and interval.
type ErrorBars struct {
	Plus, Minus             string // ranges, such as 'Data'!$C$2:$C$9
	PlusValues, MinusValues []float64
	Series                  []float64
}

// axisTop is the highest point a chart of these series draws: a value, or
// the upper end of its interval.
func axisTop(bars []ErrorBars) float64 {
	top := 0.0
	for _, e := range bars {
		for i, v := range e.Series {
			if math.IsNaN(v) {
				continue
			}
			if i < len(e.PlusValues) {
				v += e.PlusValues[i]
			}
			top = max(top, v)
		}
	}
	return top
}

// niceMax is the round number a value axis ends at to show top: the
// smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that
// is not below it; nil when there is nothing to show, for the spreadsheet to
// choose.
func niceMax(top float64) *float64 {
	if !(top > 0) || math.IsInf(top, 0) {
		return nil
	}
	mag := math.Pow(10, math.Floor(math.Log10(top)))
	for _, step := range []float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if m := step * mag; m >= top*(1-1e-12) {
			return &m
		}
	}
	m := 10 * mag
	return &m
}

// AddBarChart adds a bar or column chart to sheet at cell, with error bars
// on the series that have them: bars[i] belongs to c.Series[i], and a zero
// errorBars draws none. The value axis ends at a round number above the
// highest interval (a spreadsheet would end it above the highest bar,
// cutting the intervals). excelize has no error bars, so they are written
// into the chart part it made. If that part is not as expected the chart
// is kept without error bars.
func (b *Book) AddBarChart(sheet, cell string, c *excelize.Chart, bars []ErrorBars) {
	if m := niceMax(axisTop(bars)); m != nil {
		c.YAxis.Maximum = m
	}
	before := b.chartParts()
	if err := b.File.AddChart(sheet, cell, c); err != nil {
		b.Fail(err)
		return
	}
	part := fmt.Sprintf("xl/charts/chart%d.xml", before+1)
	v, ok := b.File.Pkg.Load(part)
	if !ok {
		return
	}
	data, ok := v.([]byte)
	if !ok {
		return
	}
	if out, ok := WithErrorBars(data, bars); ok {
		b.File.Pkg.Store(part, out)
	}
}

// sortContentTypes puts the default content types of the workbook's parts
// in the order of their file extensions. excelize adds those of images
// (with the first chart, picture or shape) from a Go map, in a different
// order on every run; sorted, the same workbook gives the same bytes.
func sortContentTypes(f *excelize.File) {
	if f.ContentTypes == nil {
		return
	}
	d := f.ContentTypes.Defaults
	sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
}

// chartParts counts the chart parts of the workbook.
func (b *Book) chartParts() int {
	n := 0
	b.File.Pkg.Range(func(k, _ any) bool {
		if s, ok := k.(string); ok && strings.HasPrefix(s, "xl/charts/chart") {
			n++
		}
		return true
	})
	return n
}

// WithErrorBars inserts an errBars element before the cat element of each
// series that has error bars, where the schema of a bar chart series
// (CT_BarSer) puts it. It reports false when the chart does not have one
// cat element per series.
func WithErrorBars(chart []byte, bars []ErrorBars) ([]byte, bool) {
	var at []int
	for i := 0; ; {
		j := bytes.Index(chart[i:], []byte("<cat>"))
		if j < 0 {
			break
		}
		at = append(at, i+j)
		i += j + 1
	}
	if len(at) != len(bars) || bytes.Count(chart, []byte("<ser>")) != len(bars) {
		return chart, false
	}
	var out bytes.Buffer
	prev := 0
	for k, pos := range at {
		out.Write(chart[prev:pos])
		if bars[k].Plus != "" {
			out.WriteString(errBarsXML(bars[k]))
		}
		prev = pos
	}
	out.Write(chart[prev:])
	return out.Bytes(), true
}

// errBarsXML is a c:errBars element in the chart's default namespace.
func errBarsXML(e ErrorBars) string {
	var b strings.Builder
	b.WriteString(`<errBars><errBarType val="both"/><errValType val="cust"/><noEndCap val="0"/>`)
	numRef := func(tag, ref string, values []float64) {
		b.WriteString("<" + tag + "><numRef><f>")
		_ = xml.EscapeText(&b, []byte(ref)) // a strings.Builder does not fail
		b.WriteString("</f><numCache><formatCode>General</formatCode>")
		fmt.Fprintf(&b, `<ptCount val="%d"/>`, len(values))
		for i, v := range values {
			fmt.Fprintf(&b, `<pt idx="%d"><v>%s</v></pt>`, i, strconv.FormatFloat(v, 'g', -1, 64))
		}
		b.WriteString("</numCache></numRef></" + tag + ">")
	}
	numRef("plus", e.Plus, e.PlusValues)
	numRef("minus", e.Minus, e.MinusValues)
	b.WriteString(`<spPr><a:ln w="12700"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></spPr></errBars>`)
	return b.String()
}

// QuotedSheet quotes a sheet name for a formula: 'Підсумок'.
func QuotedSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// AbsRangeRef is an absolute reference to the cells of column col (from 0),
// rows from to to, of sheet: 'Data'!$B$2:$B$9.
func AbsRangeRef(sheet string, col, from, to int) string {
	c := ColumnName(col)
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", QuotedSheet(sheet), c, from, c, to)
}

// AbsCellRef is an absolute reference to one cell.
func AbsCellRef(sheet string, col, row int) string {
	return fmt.Sprintf("%s!$%s$%d", QuotedSheet(sheet), ColumnName(col), row)
}

// ChartSheet is the hidden sheet that holds the numbers the charts draw:
// labels, values and the lengths of their error bars.
const ChartSheet = "_charts"

// MaxChartHeight is the most pixels a chart is high: one landscape page
// below a heading.
const MaxChartHeight = 880

// ChartRows fixes the height of the rows that a chart height pixels high
// covers from row on at 15 points (20 pixels), so that it covers as many
// rows in every program — LibreOffice's default row is lower than Excel's,
// and what follows the chart would slip under it — and returns how many
// rows it covers, with one to spare.
func (b *Book) ChartRows(sh string, row int, height uint) int {
	n := (int(height)+19)/20 + 1
	for i := range n {
		b.RowHeight(sh, row+i, 15)
	}
	return n
}

// ChartLabel shortens a category label for a chart axis.
func ChartLabel(s string) string {
	const most = 48
	if r := []rune(s); len(r) > most {
		return string(r[:most-1]) + "…"
	}
	return s
}

// PlusMinus are the lengths of an interval's error bars around v; zero
// when there is no interval.
func PlusMinus(v, low, high float64) (plus, minus float64) {
	if math.IsNaN(low) || math.IsNaN(high) || math.IsNaN(v) {
		return 0, 0
	}
	return math.Max(high-v, 0), math.Max(v-low, 0)
}

// BoolRef is a pointer to b, for the options of a chart.
func BoolRef(b bool) *bool { return &b }

// AbsRowRef is an absolute reference to the cells of a row, columns from
// and to (from 0): 'Funding'!$G$5:$K$5.
func AbsRowRef(sheet string, row, from, to int) string {
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", QuotedSheet(sheet), ColumnName(from), row, ColumnName(to), row)
}

// ColPixels is the width in pixels of a column width characters wide, as
// spreadsheet programs draw it in Calibri 11.
func ColPixels(width float64) float64 { return math.Round(width*7 + 5) }

// ChartTitle is the title of a chart of the Summary.
func ChartTitle(s string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Size: 12, Bold: true, Color: "1F4E79"}}}}
}

// AxisTitle is the title of a chart's axis.
func AxisTitle(s string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &excelize.Font{Size: 9, Color: "404040"}}}}
}

// SolidFill fills a series with colour c.
func SolidFill(c string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
}

// Chart references without the values they point at: excelize writes a
// series' values as a formula and an empty cache, its names and categories
// as a formula with no cache at all. A spreadsheet program fills them when
// it recalculates; a previewer, a phone or a converter draws the cache, so
// an empty one is a blank chart.
var (
	emptyNumRef = regexp.MustCompile(`<numRef><f>([^<]*)</f><numCache><formatCode></formatCode></numCache></numRef>`)
	bareStrRef  = regexp.MustCompile(`<strRef><f>([^<]*)</f></strRef>`)
)

// fillChartCaches writes into every chart part of the book the values its
// series refer to, as their cached values: numbers for values, texts for
// names and categories. A formula cell gives the value the program
// computed for it.
func (b *Book) fillChartCaches() {
	var parts []string
	b.File.Pkg.Range(func(k, _ any) bool {
		if s, ok := k.(string); ok && strings.HasPrefix(s, "xl/charts/chart") && strings.HasSuffix(s, ".xml") {
			parts = append(parts, s)
		}
		return true
	})
	sort.Strings(parts)
	for _, part := range parts {
		v, _ := b.File.Pkg.Load(part)
		data, ok := v.([]byte)
		if !ok {
			continue
		}
		data = emptyNumRef.ReplaceAllFunc(data, func(m []byte) []byte {
			f := string(emptyNumRef.FindSubmatch(m)[1])
			vals, ok := b.refValues(f)
			if !ok {
				return m
			}
			var x strings.Builder
			fmt.Fprintf(&x, `<numRef><f>%s</f><numCache><formatCode>General</formatCode><ptCount val="%d"/>`, f, len(vals))
			for i, s := range vals {
				if n, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(n) && !math.IsInf(n, 0) {
					fmt.Fprintf(&x, `<pt idx="%d"><v>%s</v></pt>`, i, strconv.FormatFloat(n, 'g', -1, 64))
				}
			}
			x.WriteString(`</numCache></numRef>`)
			return []byte(x.String())
		})
		data = bareStrRef.ReplaceAllFunc(data, func(m []byte) []byte {
			f := string(bareStrRef.FindSubmatch(m)[1])
			vals, ok := b.refValues(f)
			if !ok {
				return m
			}
			var x strings.Builder
			fmt.Fprintf(&x, `<strRef><f>%s</f><strCache><ptCount val="%d"/>`, f, len(vals))
			for i, s := range vals {
				fmt.Fprintf(&x, `<pt idx="%d"><v>`, i)
				_ = xml.EscapeText(&x, []byte(s)) // a strings.Builder does not fail
				x.WriteString(`</v></pt>`)
			}
			x.WriteString(`</strCache></strRef>`)
			return []byte(x.String())
		})
		b.File.Pkg.Store(part, data)
	}
}

// refValues are the values of the cells of a chart's reference, escaped as
// in the chart's XML ('Data'!$B$2:$B$9, one row or column), in order, as
// texts: the computed value of a formula cell, else the cell's own. It
// reports false for a reference it cannot read.
func (b *Book) refValues(escaped string) ([]string, bool) {
	ref := html.UnescapeString(escaped)
	i := strings.LastIndex(ref, "!")
	if i < 0 {
		return nil, false
	}
	sh := ref[:i]
	if strings.HasPrefix(sh, "'") && strings.HasSuffix(sh, "'") && len(sh) > 1 {
		sh = strings.ReplaceAll(sh[1:len(sh)-1], "''", "'")
	}
	from, to, _ := strings.Cut(strings.ReplaceAll(ref[i+1:], "$", ""), ":")
	if to == "" {
		to = from
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil || (c1 != c2 && r1 != r2) {
		return nil, false
	}
	var vals []string
	for c := c1; c <= c2; c++ {
		for r := r1; r <= r2; r++ {
			cell, err := excelize.CoordinatesToCellName(c, r)
			if err != nil {
				return nil, false
			}
			if v, ok := b.cached[sh][cell]; ok {
				switch x := v.(type) {
				case float64:
					vals = append(vals, strconv.FormatFloat(x, 'g', -1, 64))
				default:
					vals = append(vals, fmt.Sprint(x))
				}
				continue
			}
			s, err := b.File.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
			if err != nil {
				return nil, false
			}
			vals = append(vals, s)
		}
	}
	return vals, true
}
