package serve

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/pipeline"
	"github.com/hromada-tool/hromada/workbook/consbook"
)

// resultsView is the headline figures and charts of each community of a
// run, made from the consolidated workbook's content (one source: the
// rows the workbook holds, no second computation).
type resultsView struct {
	L           string
	Communities []communityView
}

type communityView struct {
	Name, Failed                                              string
	Households, Need, NeedCI, Create, Enhance, Unknown, Hires string
	Cliff, Share                                              string
	Years                                                     []yearView
	DemandChart, CostChart                                    template.HTML
}

type yearView struct {
	Year                       int
	Donor, State, Local, Total string
}

// results shows the figures of the open project's last run.
func (s *Server) results(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	j := s.jobOf(s.current())
	v := resultsView{L: l}
	if j != nil {
		if c, runs := j.finished(); c != nil {
			v = figures(l, c)
			// Why a community failed, in the page's language (the
			// consolidated rows hold it in the workbooks').
			byCode := map[string]pipeline.CommunityRun{}
			for _, cr := range runs {
				byCode[cr.Row.Community.Code] = cr
			}
			for i, row := range c.Rows {
				if cr, ok := byCode[row.Community.Code]; ok && row.Status != consolidate.OK && i < len(v.Communities) {
					v.Communities[i].Failed = fmt.Sprintf(tr(l, "l.failed"), strings.Join(why(j.dir, cr, hl(l)), "; "))
				}
			}
		}
	}
	render(w, http.StatusOK, "results", v)
}

// figures are the headline figures of each community of c.
func figures(l string, c *consbook.Consolidated) resultsView {
	v := resultsView{L: l}
	lang := hl(l)
	names := map[string]string{}
	for _, s := range c.Services {
		names[s.Code] = s.Name.In(lang)
	}
	for _, row := range c.Rows {
		cv := communityView{Name: row.Community.Name.In(lang)}
		if row.Status != consolidate.OK {
			cv.Failed = fmt.Sprintf(tr(l, "l.failed"), strings.Join(row.Problems, "; "))
			v.Communities = append(v.Communities, cv)
			continue
		}
		cv.Households = fmtNum(l, float64(row.Households), 0)
		cv.Need = "–"
		for _, n := range row.Needs {
			if n.Group != assess.AllGroup {
				continue
			}
			switch {
			case n.Suppressed:
				cv.Need = tr(l, "l.suppressed")
			case n.Known():
				cv.Need = fmtNum(l, n.Families, 0)
				if !math.IsNaN(n.Low) && !math.IsNaN(n.Upp) {
					cv.NeedCI = fmtNum(l, n.Low, 0) + "–" + fmtNum(l, n.Upp, 0)
				}
			}
		}
		cv.Create, cv.Enhance, cv.Unknown = strconv.Itoa(row.Create), strconv.Itoa(row.Enhance), strconv.Itoa(row.Unk)
		cv.Hires = fmtNum(l, row.Hires, 2)
		cv.Cliff = tr(l, "l.nocliff")
		if row.CliffYear != 0 {
			cv.Cliff = strconv.Itoa(row.CliffYear)
		}
		cv.Share = tr(l, "l.unknownv")
		if !math.IsNaN(row.MaxShare) {
			cv.Share = fmtNum(l, 100*row.MaxShare, 1) + " % (" + strconv.Itoa(row.MaxShareYear) + ")"
		}
		for i, y := range c.Years {
			cv.Years = append(cv.Years, yearView{Year: y, Donor: fmtNum(l, at(row.Donor, i), 0), State: fmtNum(l, at(row.State, i), 0),
				Local: fmtNum(l, at(row.Local, i), 0), Total: fmtNum(l, at(row.Total, i), 0)})
		}
		cv.DemandChart = demandChart(l, row.Services, names)
		cv.CostChart = costChart(l, c.Years, row)
		v.Communities = append(v.Communities, cv)
	}
	return v
}

func at(xs []float64, i int) float64 {
	if i < len(xs) {
		return xs[i]
	}
	return math.NaN()
}

// fmtNum writes x with digits decimals and its thousands grouped: a thin
// space in Ukrainian (23 456,7), a comma in English (23,456.7).
func fmtNum(l string, x float64, digits int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', digits, 64)
	whole, frac, _ := strings.Cut(s, ".")
	sep, dot := ",", "."
	if l != "en" {
		sep, dot = "\u202f", ","
	}
	var b strings.Builder
	if x < 0 && s != strconv.FormatFloat(0, 'f', digits, 64) {
		b.WriteString("−")
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(dot + frac)
	}
	return b.String()
}

// Colours of the payers in the cost chart, and of the demand bars.
const (
	colDonor  = "#7aa6d6"
	colState  = "#e0a03c"
	colLocal  = "#1f5fa8"
	colDemand = "#4c8c6a"
	colAxis   = "#5b6b78"
)

// demandChart draws each service's demand as a bar with its interval as a
// whisker; services without a known demand are left out.
func demandChart(l string, svcs []consolidate.Service, names map[string]string) template.HTML {
	type bar struct {
		name             string
		demand, low, upp float64
	}
	var bars []bar
	top := 0.0
	for _, s := range svcs {
		if math.IsNaN(s.Demand) {
			continue
		}
		name := names[s.Code]
		if name == "" {
			name = s.Code
		}
		b := bar{name, s.Demand, s.Low, s.Upp}
		bars = append(bars, b)
		top = math.Max(top, s.Demand)
		if !math.IsNaN(s.Upp) {
			top = math.Max(top, s.Upp)
		}
	}
	if len(bars) == 0 || top <= 0 {
		return template.HTML("<p class=\"muted\">–</p>")
	}
	// Each service's name above its bar: the chart stays legible in a
	// narrow window.
	const width, left, rowH, pad = 560, 8, 36, 24
	plot := float64(width - left - pad)
	h := len(bars)*rowH + 30
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" font-family="system-ui, sans-serif" font-size="13">`,
		width, h, html.EscapeString(tr(l, "l.chart.demand")))
	x := func(v float64) float64 { return float64(left) + plot*v/top }
	for i, br := range bars {
		y := i * rowH
		fmt.Fprintf(&b, `<text x="%d" y="%d" fill="#1d2a36">%s</text>`, left, y+13, html.EscapeString(shorten(br.name, 60)+" — "+fmtNum(l, br.demand, 0)))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="14" fill="%s"><title>%s: %s</title></rect>`, left, y+17, x(br.demand)-float64(left), colDemand,
			html.EscapeString(br.name), fmtNum(l, br.demand, 0))
		if !math.IsNaN(br.low) && !math.IsNaN(br.upp) {
			fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#1d2a36" stroke-width="1.5"/>`, x(br.low), x(br.upp), y+24, y+24)
			fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#1d2a36" stroke-width="1.5"/>`, x(br.low), x(br.low), y+19, y+29)
			fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#1d2a36" stroke-width="1.5"/>`, x(br.upp), x(br.upp), y+19, y+29)
		}
	}
	axisY := len(bars)*rowH + 4
	fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s"/>`, left, width-pad, axisY, axisY, colAxis)
	for _, t := range ticks(top) {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="%s">%s</text>`, x(t), axisY+18, colAxis, fmtNum(l, t, 0))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// costChart draws the cost of each year as a bar stacked by payer: donor,
// state, local budget.
func costChart(l string, years []int, row consolidate.Row) template.HTML {
	if len(years) == 0 {
		return template.HTML("<p class=\"muted\">–</p>")
	}
	top := 0.0
	for i := range years {
		t := 0.0
		for _, v := range []float64{at(row.Donor, i), at(row.State, i), at(row.Local, i)} {
			if !math.IsNaN(v) && v > 0 {
				t += v
			}
		}
		top = math.Max(top, t)
	}
	if top <= 0 {
		return template.HTML("<p class=\"muted\">–</p>")
	}
	const width, height, left, bottom, legend = 560, 300, 84, 40, 28
	plotH := float64(height - bottom - legend - 10)
	slot := float64(width-left-10) / float64(len(years))
	y := func(v float64) float64 { return float64(legend+10) + plotH - plotH*v/top }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s" font-family="system-ui, sans-serif" font-size="13">`,
		width, height, html.EscapeString(tr(l, "l.chart.cost")))
	payers := []struct {
		key, col string
		vals     []float64
	}{{"l.donor", colDonor, row.Donor}, {"l.state", colState, row.State}, {"l.local", colLocal, row.Local}}
	lx := left
	for _, p := range payers {
		fmt.Fprintf(&b, `<rect x="%d" y="6" width="14" height="14" fill="%s"/><text x="%d" y="18" fill="#1d2a36">%s</text>`, lx, p.col, lx+18, html.EscapeString(tr(l, p.key)))
		lx += 40 + 9*len([]rune(tr(l, p.key)))
	}
	for _, t := range ticks(top) {
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#e3e8ec"/>`, left, width-10, y(t), y(t))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" fill="%s">%s</text>`, left-6, y(t)+4, colAxis, fmtNum(l, t, 0))
	}
	for i, yr := range years {
		x0 := float64(left) + float64(i)*slot + slot*0.15
		base := 0.0
		for _, p := range payers {
			v := at(p.vals, i)
			if math.IsNaN(v) || v <= 0 {
				continue
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%d, %s: %s</title></rect>`,
				x0, y(base+v), slot*0.7, y(base)-y(base+v), p.col, yr, html.EscapeString(tr(l, p.key)), fmtNum(l, v, 0))
			base += v
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="%s">%d</text>`, x0+slot*0.35, height-bottom+18, colAxis, yr)
	}
	fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="%s"/>`, left, width-10, y(0), y(0), colAxis)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// ticks are up to six round values from 0 to top: the smallest step of
// 1, 2 or 5 times a power of ten that needs at most five steps.
func ticks(top float64) []float64 {
	base := math.Pow(10, math.Floor(math.Log10(top))-1)
	step := base
	for _, m := range []float64{1, 2, 5, 10, 20, 50, 100} {
		step = m * base
		if top/step <= 5 {
			break
		}
	}
	var out []float64
	for t := 0.0; t <= top*1.0001; t += step {
		out = append(out, t)
	}
	return out
}

// shorten cuts s to n characters with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
