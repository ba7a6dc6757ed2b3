package consbook

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// comLayout is the columns of the Communities sheet and where each is.
type comLayout struct {
	cols  []workbook.Col
	idx   map[string]int // column of a key: "name", "need0", "cost", "file.plan", …
	bands []comBand      // the titles above groups of columns
}

// comBand is a title above the columns from to to.
type comBand struct {
	from, to int
	text     string
}

func (l *comLayout) add(key string, c workbook.Col) int {
	if c.Width > 0 {
		c.Width = max(c.Width, headerWidth(c.Header))
	}
	l.cols = append(l.cols, c)
	l.idx[key] = len(l.cols) - 1
	return len(l.cols) - 1
}

// headerWidth is the width of a number column under a long header, which
// wraps in at most four lines.
func headerWidth(h string) float64 {
	w := 11.0
	for _, word := range strings.Fields(h) {
		w = max(w, float64(len([]rune(word)))*1.1+2)
	}
	return min(max(w, float64(len([]rune(h)))/3.5+2), 30)
}

// comColumns lays out the Communities sheet; other says whether a column
// of other files is needed.
func (w *consWriter) comColumns(other bool) *comLayout {
	l := &comLayout{idx: map[string]int{}}
	l.add("name", workbook.Col{Header: w.t("com.name")})
	l.add("code", workbook.Col{Header: w.t("com.code"), Format: workbook.TextFmt})
	l.add("status", workbook.Col{Header: w.t("com.status")})
	l.add("households", workbook.Col{Header: w.t("com.households"), Format: workbook.Integer, Width: 13})
	for i := range w.c.Groups {
		h := w.groupName(i)
		c := l.add(fmt.Sprintf("need%d", i), workbook.Col{Header: h, Format: workbook.Integer, Width: max(13, headerWidth(h))}) // room for "no data"
		if i == 0 {
			l.bands = append(l.bands, comBand{from: c, text: w.t("band.need")})
		}
		l.bands[len(l.bands)-1].to = c
	}
	from := len(l.cols)
	for _, k := range []string{"create", "enhance", "sufficient", "unknown"} {
		l.add(k, workbook.Col{Header: w.t("com." + k), Format: workbook.Integer, Width: 11})
	}
	l.add("hires", workbook.Col{Header: w.t("com.hires"), Format: workbook.Decimal2, Width: 11})
	l.bands = append(l.bands, comBand{from: from, to: len(l.cols) - 1, text: w.t("band.plan")})
	from = len(l.cols)
	for _, k := range []string{"total", "donor", "state", "local"} {
		l.add(k, workbook.Col{Header: w.t("com." + k), Format: workbook.Money, Width: 14})
	}
	last := w.lastYear()
	l.add("after", workbook.Col{Header: w.t("com.after", last), Format: workbook.Money, Width: 14})
	l.add("cliff", workbook.Col{Header: w.t("com.cliff"), Width: 10})
	l.add("jump", workbook.Col{Header: w.t("com.jump"), Format: workbook.Money, Width: 13})
	l.bands = append(l.bands, comBand{from: from, to: len(l.cols) - 1, text: w.t("band.budget", w.yearSpan())})
	from = len(l.cols)
	l.add("share", workbook.Col{Header: w.t("com.share"), Format: workbook.Percent2, Width: 12})
	l.add("shareyear", workbook.Col{Header: w.t("com.shareyear"), Width: 12})
	over := w.t("com.over.none")
	if w.hasThreshold() {
		over = w.t("com.over", w.pct2(w.c.Threshold))
	}
	l.add("over", workbook.Col{Header: over, Width: 14})
	l.add("resident", workbook.Col{Header: w.t("com.resident", last), Format: workbook.Decimal2, Width: 13})
	l.bands = append(l.bands, comBand{from: from, to: len(l.cols) - 1, text: w.t("band.afford")})
	from = len(l.cols)
	for _, k := range []string{"assessment", "plan", "budget"} {
		l.add("file."+k, workbook.Col{Header: w.t("com." + k), Width: 12})
	}
	if other {
		l.add("file.", workbook.Col{Header: w.t("com.other"), Width: 30})
	}
	l.bands = append(l.bands, comBand{from: from, to: len(l.cols) - 1, text: w.t("band.files")})
	return l
}

// comRow is a community's row of the Communities sheet; a failed one has
// its name, code, status and files only.
func (w *consWriter) comRow(l *comLayout, r consolidate.Row) []any {
	row := make([]any, len(l.cols))
	set := func(key string, v any) { row[l.idx[key]] = v }
	set("name", w.communityName(r))
	set("code", r.Community.Code)
	set("status", w.rowStatus(r))
	for _, f := range r.Files {
		k := fileKind(f)
		if k == "" {
			if s, ok := row[l.idx["file."]].(string); ok {
				f = s + "\n" + f
			}
			set("file.", f)
			continue
		}
		set("file."+k, w.t("file."+k))
	}
	if r.Status != consolidate.OK {
		return row
	}
	set("households", float64(r.Households))
	for i := range w.c.Groups {
		v := any(w.t("nodata"))
		if i < len(r.Needs) {
			v = w.need(r.Needs[i])
		}
		set(fmt.Sprintf("need%d", i), v)
	}
	set("create", float64(r.Create))
	set("enhance", float64(r.Enhance))
	set("sufficient", float64(r.Sufficient))
	set("unknown", float64(r.Unk))
	set("hires", r.Hires)
	set("total", r.HorizonTotal)
	set("donor", r.HorizonDonor)
	set("state", r.HorizonState)
	set("local", r.HorizonLocal)
	set("after", r.LocalAfter)
	if r.CliffYear != 0 {
		set("cliff", float64(r.CliffYear))
		set("jump", r.CliffJump)
	} else {
		set("cliff", w.t("none"))
	}
	set("share", w.known(r.MaxShare))
	if !math.IsNaN(r.MaxShare) && r.MaxShareYear != 0 {
		set("shareyear", float64(r.MaxShareYear))
	}
	switch {
	case !w.hasThreshold():
	case math.IsNaN(r.MaxShare):
		set("over", w.t("nodata"))
	default:
		set("over", w.yesNo(r.OverThreshold))
	}
	set("resident", w.known(r.PerResident))
	return row
}

// communitiesSheet writes the Communities sheet: one row per community,
// then the totals of those that ran.
func (w *consWriter) communitiesSheet() {
	c := w.c
	other := false
	for _, r := range c.Rows {
		for _, f := range r.Files {
			other = other || fileKind(f) == ""
		}
	}
	l := w.comColumns(other)
	rows := make([][]any, len(c.Rows))
	for i, r := range c.Rows {
		rows[i] = w.comRow(l, r)
	}
	wd := fitGrid(grid{l.cols, rows})
	wd[0] = max(wd[0], 24)
	s := w.stream(csCommunities, wd)
	s.freeze(1, 4) // the title, the bands and the header; the names
	s.titleInFirst(w.t("com.title"))
	cells := make([]any, len(l.cols))
	height := 15.0
	for _, b := range l.bands {
		height = max(height, s.span(cells, b.from, b.to, b.text, "group"))
	}
	s.row(cells, height)
	tb := s.table(l.cols, rows)
	first, last := tb.Values.First, tb.Values.Last
	s.filter(len(l.cols), tb)
	if len(rows) > 0 {
		rule := func(key, value, kind string) excelize.ConditionalFormatOptions {
			return excelize.ConditionalFormatOptions{Type: "formula", Format: w.b.CondStyle(kind),
				Criteria: fmt.Sprintf(`$%s%d=%q`, workbook.ColumnName(l.idx[key]), first, value)}
		}
		rules := []excelize.ConditionalFormatOptions{rule("status", w.statusWord(consolidate.Failed), "bad"), rule("status", w.t("status.stale"), "caution")}
		if w.hasThreshold() {
			rules = append(rules, rule("over", w.t("yes"), "caution"))
		}
		w.b.Fail(w.b.File.SetConditionalFormat(s.sh, workbook.A1Name(0, first)+":"+workbook.A1Name(len(l.cols)-1, last), rules))
	}
	for i, cr := range c.Rows {
		for _, f := range cr.Files {
			if k := fileKind(f); k != "" {
				w.link(s.sh, workbook.A1Name(l.idx["file."+k], first+i), f)
			}
		}
	}
	s.gap()
	w.comTotals(s, l)
	s.gap()
	// Column A repeats on every printed page: the notes start right of
	// it, whole on the first page and not cut on the others.
	s.lineFrom = 1
	s.line(w.t("com.note.marks"), "note")
	s.line(w.t("com.note.total", w.name[csMethods]), "note")
	s.line(w.t("com.note.color", w.name[csStatus]), "note")
	s.line(w.t("com.note.links"), "note")
	// A wide table prints across pages of about 180 characters, its names
	// and header repeated on each.
	pages := max(1, int(math.Ceil(workbook.Sum(wd)/180)))
	zero := 0
	w.b.Fail(w.b.File.SetPageLayout(s.sh, &excelize.PageLayoutOptions{FitToWidth: &pages, FitToHeight: &zero}))
	w.printTitles(s.sh, true, tb.Header-1, tb.Header) // the bands above the header too
	s.close()
}

// comTotals writes the totals row of the Communities sheet and, under the
// families, the bounds of their intervals: values of consolidate.Sum, not
// sums of the column.
func (w *consWriter) comTotals(s *streamSheet, l *comLayout) {
	t := &w.c.Totals
	cells := make([]any, len(l.cols))
	put := func(key string, v any, kind string) {
		c := l.idx[key]
		if x, ok := v.(float64); ok && math.IsNaN(x) {
			v = w.t("nodata")
		}
		cells[c] = s.cell(v, workbook.StyleKey{Kind: kind, Format: l.cols[c].Format})
	}
	need := func(i int, pick func(n consolidate.Need) float64) float64 {
		if i < len(t.Needs) {
			return pick(t.Needs[i])
		}
		return math.NaN()
	}
	label := w.t("com.totals", w.count(w.ran()), w.count(t.Communities))
	cells[0] = s.cell(label, workbook.StyleKey{Kind: "bold", Wrap: true})
	put("status", w.t("com.of", w.count(w.ran()), w.count(t.Communities)), "bold")
	put("households", float64(t.Households), "bold")
	hidden := func(i int) bool { return i < len(t.Needs) && t.Needs[i].Suppressed }
	for i := range w.c.Groups {
		if hidden(i) {
			put(fmt.Sprintf("need%d", i), suppressedMark, "bold")
			continue
		}
		put(fmt.Sprintf("need%d", i), need(i, func(n consolidate.Need) float64 { return n.Families }), "bold")
	}
	put("create", float64(t.Create), "bold")
	put("enhance", float64(t.Enhance), "bold")
	put("sufficient", float64(t.Sufficient), "bold")
	put("unknown", float64(t.Unk), "bold")
	put("hires", t.Hires, "bold")
	put("total", t.HorizonTotal, "bold")
	put("donor", t.HorizonDonor, "bold")
	put("state", t.HorizonState, "bold")
	put("local", t.HorizonLocal, "bold")
	put("after", t.LocalAfter, "bold")
	if w.hasThreshold() {
		put("over", w.t("com.of", w.count(t.OverThreshold), w.count(w.ran())), "bold")
	}
	s.row(cells, max(15, workbook.TextRowHeight(label, "bold", 0, s.widths[0])))
	if len(w.c.Groups) == 0 {
		return
	}
	for _, b := range []struct {
		key  string
		pick func(n consolidate.Need) float64
	}{
		{"com.low", func(n consolidate.Need) float64 { return n.Low }},
		{"com.upp", func(n consolidate.Need) float64 { return n.Upp }},
	} {
		clear(cells)
		put("name", w.t(b.key, w.ci()), "indent")
		for i := range w.c.Groups {
			if !hidden(i) {
				put(fmt.Sprintf("need%d", i), need(i, b.pick), "")
			}
		}
		s.row(cells, 0)
	}
}

// needsSheet writes the Needs sheet: the totals by group, then group ×
// community for filters and pivot tables.
func (w *consWriter) needsSheet() {
	c, t := w.c, &w.c.Totals
	ci := w.ci()
	totCols := []workbook.Col{
		{Header: w.t("needs.group"), Wrap: true},
		{Header: w.t("needs.unit")},
		{Header: w.t("needs.families"), Format: workbook.Integer},
		{Header: w.t("low", ci), Format: workbook.Integer},
		{Header: w.t("upp", ci), Format: workbook.Integer},
		{Header: w.t("se"), Format: workbook.Integer},
		{Header: w.t("needs.with"), Format: workbook.Integer},
		{Header: w.t("needs.missing"), Format: workbook.Integer},
	}
	var totRows [][]any
	for i := range c.Groups {
		n := consolidate.Need{Families: math.NaN(), Low: math.NaN(), Upp: math.NaN(), SE: math.NaN()}
		missing := 0
		if i < len(t.Needs) {
			n, missing = t.Needs[i], t.Missing[i]
		}
		totRows = append(totRows, []any{w.groupName(i), w.groupUnit(i), w.total(n), n.Low, n.Upp, n.SE,
			float64(w.ran() - missing), float64(missing)})
	}
	longCols := []workbook.Col{
		{Header: w.t("needs.group"), Wrap: true},
		{Header: w.t("com.name")},
		{Header: w.t("com.code"), Format: workbook.TextFmt},
		{Header: w.t("needs.unit")},
		{Header: w.t("needs.families"), Format: workbook.Integer},
		{Header: w.t("low", ci), Format: workbook.Integer},
		{Header: w.t("upp", ci), Format: workbook.Integer},
		{Header: w.t("needs.rate"), Format: workbook.Percent},
		{Header: w.t("needs.supp")},
	}
	var longRows [][]any
	for i := range c.Groups {
		for _, r := range c.Rows {
			if r.Status != consolidate.OK {
				continue
			}
			row := []any{w.groupName(i), w.communityName(r), r.Community.Code, w.groupUnit(i), w.t("nodata")}
			if i < len(r.Needs) && r.Needs[i].Known() {
				n := r.Needs[i]
				row[4] = w.need(n)
				if !n.Suppressed {
					row = append(row, n.Low, n.Upp, n.Rate)
				} else {
					row = append(row, nil, nil, nil)
				}
				row = append(row, w.suppressedWord(n))
			}
			longRows = append(longRows, row)
		}
	}
	wd := fitGrid(grid{totCols, totRows}, grid{longCols, longRows})
	wd[0] = min(max(wd[0], 24), 40)
	s := w.stream(csNeeds, wd)
	s.title(w.t("needs.title"))
	s.line(w.t("needs.intro", w.name[csMethods]), "")
	s.gap()
	s.heading(w.t("needs.totals"))
	s.table(totCols, totRows)
	s.line(w.t("needs.note.tot"), "note")
	w.longTable(s, w.t("needs.bycom"), w.t("needs.note.long"), longCols, longRows)
}

// longTable writes a long table on a page of its own, under a heading and
// a note, with a filter, its header repeated on every printed page, and
// ends the sheet.
func (w *consWriter) longTable(s *streamSheet, heading, note string, cols []workbook.Col, rows [][]any) {
	s.gap()
	s.pageBreak()
	s.heading(heading)
	s.line(note, "note")
	tb := s.table(cols, rows)
	s.filter(len(cols), tb)
	w.printTitles(s.sh, false, tb.Header, tb.Header)
	s.close()
}

// servicesSheet writes the Services sheet: the totals by service, then service
// × community.
func (w *consWriter) servicesSheet() {
	c, t := w.c, &w.c.Totals
	ci := w.ci()
	var order []string // service codes: the project's order, then any other
	for _, s := range c.Services {
		if slices.ContainsFunc(t.Services, func(x consolidate.ServiceTotal) bool { return x.Code == s.Code }) {
			order = append(order, s.Code)
		}
	}
	for _, s := range t.Services {
		if !slices.Contains(order, s.Code) {
			order = append(order, s.Code)
		}
	}
	totCols := []workbook.Col{
		{Header: w.t("svc.code"), Format: workbook.TextFmt},
		{Header: w.t("svc.name"), Wrap: true, Width: 40},
		{Header: w.t("svc.unit")},
		{Header: w.t("svc.missing"), Format: workbook.Integer},
		{Header: w.t("svc.demand"), Format: workbook.Integer},
		{Header: w.t("low", ci), Format: workbook.Integer},
		{Header: w.t("upp", ci), Format: workbook.Integer},
		{Header: w.t("svc.create"), Format: workbook.Integer},
		{Header: w.t("svc.enhance"), Format: workbook.Integer},
		{Header: w.t("svc.hires"), Format: workbook.Decimal2},
	}
	var totRows [][]any
	for _, code := range order {
		k := slices.IndexFunc(t.Services, func(x consolidate.ServiceTotal) bool { return x.Code == code })
		st, s := t.Services[k], w.service(code)
		totRows = append(totRows, []any{code, w.serviceName(s), workbook.UnitPlural(w.lang, s.Unit), float64(st.Missing),
			w.known(st.Demand), st.Low, st.Upp, float64(st.Create), float64(st.Enhance), st.Hires})
	}
	longCols := []workbook.Col{
		{Header: w.t("svc.code"), Format: workbook.TextFmt},
		{Header: w.t("svc.name"), Wrap: true, Width: 40},
		{Header: w.t("svc.community")},
		{Header: w.t("svc.comcode"), Format: workbook.TextFmt},
		{Header: w.t("svc.demand"), Format: workbook.Integer},
		{Header: w.t("svc.basis"), Wrap: true},
		{Header: w.t("low", ci), Format: workbook.Integer},
		{Header: w.t("upp", ci), Format: workbook.Integer},
		{Header: w.t("svc.action")},
		{Header: w.t("svc.hires"), Format: workbook.Decimal2},
		{Header: w.t("svc.included")},
	}
	var longRows [][]any
	for _, code := range order {
		name := w.serviceName(w.service(code))
		for _, r := range c.Rows {
			if r.Status != consolidate.OK {
				continue
			}
			for _, s := range r.Services {
				if s.Code != code {
					continue
				}
				var low, upp any = s.Low, s.Upp
				if s.Basis != "" && s.Basis != "survey" { // a count or a floor has no sampling interval
					low, upp = nil, nil
				}
				longRows = append(longRows, []any{code, name, w.communityName(r), r.Community.Code,
					w.known(s.Demand), w.basis(s.Basis), low, upp, w.action(s.Action), s.Hires, w.yesNo(s.Included)})
			}
		}
	}
	s := w.stream(csServices, fitGrid(grid{totCols, totRows}, grid{longCols, longRows}))
	s.title(w.t("svc.title"))
	s.line(w.t("svc.note"), "")
	s.gap()
	s.heading(w.t("svc.totals"))
	s.table(totCols, totRows)
	w.longTable(s, w.t("svc.bycom"), w.t("svc.note.long"), longCols, longRows)
}

// basis says in words what a community's demand rests on; "" when the
// plan has no demand to act on.
func (w *consWriter) basis(b string) string {
	if b == "" {
		return ""
	}
	return w.t("svc.basis." + b)
}

// action names a plan action as the plan workbook does.
func (w *consWriter) action(a string) string {
	return workbook.ActionWord(w.lang, a)
}

// The rows of the Budget sheet's project totals, in order.
const (
	budTotal = iota
	budDonor
	budState
	budLocal
	budCliffs
)

// budgetSheet writes the Budget sheet: the project's cost by year and who pays,
// then the local cost of each community by year.
func (w *consWriter) budgetSheet() {
	c, t := w.c, &w.c.Totals
	n := w.years()
	yearCols := func(first string) []workbook.Col {
		cols := []workbook.Col{{Header: first}}
		for _, y := range c.Years {
			cols = append(cols, workbook.Col{Header: fmt.Sprint(y), Format: workbook.Money, Width: 14})
		}
		return append(cols, workbook.Col{Header: w.t("bud.all"), Format: workbook.Money, Width: 16})
	}
	totCols := yearCols(w.t("bud.measure"))
	byYear := func(label string, v []float64, all float64) []any {
		row := []any{label}
		for i := range n {
			row = append(row, workbook.At(v, i))
		}
		return append(row, all)
	}
	cliffs := make([]float64, n)
	cliffAll := 0.0
	for _, yc := range t.Cliffs {
		if i := slices.Index(c.Years, yc.Year); i >= 0 {
			cliffs[i] = float64(yc.Communities)
		}
		cliffAll += float64(yc.Communities)
	}
	totRows := [][]any{ // in the order budTotal … budCliffs
		byYear(w.t("bud.total"), t.Total, t.HorizonTotal),
		byYear(w.t("bud.donor"), t.Donor, t.HorizonDonor),
		byYear(w.t("bud.state"), t.State, t.HorizonState),
		byYear(w.t("bud.local"), t.Local, t.HorizonLocal),
		byYear(w.t("bud.cliffs"), cliffs, cliffAll),
	}
	longCols := append(yearCols(w.t("com.name")), workbook.Col{Header: w.t("com.code"), Format: workbook.TextFmt})
	var longRows [][]any
	for _, r := range c.Rows {
		if r.Status == consolidate.OK {
			longRows = append(longRows, append(byYear(w.communityName(r), r.Local, r.HorizonLocal), r.Community.Code))
		}
	}
	wd := fitGrid(grid{totCols, totRows}, grid{longCols, longRows})
	wd[0] = max(wd[0], 30)
	s := w.stream(csBudget, wd)
	s.title(w.t("bud.title"))
	s.line(w.t("bud.intro"), "")
	s.gap()
	s.heading(w.t("bud.totals"))
	w.budgetTotals = s.table(totCols, totRows)
	w.longTable(s, w.t("bud.bycom"), w.t("bud.note.long", w.yearSpan()), longCols, longRows)
}

// statusSheet writes the Status sheet: how each community's run went and
// what to fix.
func (w *consWriter) statusSheet() {
	c := w.c
	cols := []workbook.Col{
		{Header: w.t("com.name")},
		{Header: w.t("com.code"), Format: workbook.TextFmt},
		{Header: w.t("com.status")},
		{Header: w.t("st.stage"), Width: 16},
		{Header: w.t("st.warnings"), Format: workbook.Integer, Width: 14},
		{Header: w.t("st.problems"), Width: 90, Wrap: true},
	}
	rows := make([][]any, len(c.Rows))
	for i, r := range c.Rows {
		var stage, problems any
		if r.Stage != "" {
			stage = w.stage(r.Stage)
		}
		if len(r.Problems) > 0 {
			problems = strings.Join(r.Problems, "\n")
		}
		rows[i] = []any{w.communityName(r), r.Community.Code, w.rowStatus(r), stage, float64(r.Warnings), problems}
	}
	s := w.stream(csStatus, fitGrid(grid{cols, rows}))
	s.freeze(0, 4) // the title, the note and the header
	s.title(w.t("st.title", w.count(c.Totals.Failed), w.count(c.Totals.Communities)))
	s.line(w.t("st.note"), "note")
	tb := s.table(cols, rows)
	s.filter(len(cols), tb)
	if first, last := tb.Values.First, tb.Values.Last; last >= first {
		w.b.Fail(w.b.File.SetConditionalFormat(s.sh, workbook.A1Name(0, first)+":"+workbook.A1Name(len(cols)-1, last),
			[]excelize.ConditionalFormatOptions{{Type: "formula", Format: w.b.CondStyle("bad"),
				Criteria: fmt.Sprintf(`$C%d=%q`, first, w.statusWord(consolidate.Failed))},
				{Type: "formula", Format: w.b.CondStyle("caution"),
					Criteria: fmt.Sprintf(`$C%d=%q`, first, w.t("status.stale"))}}))
	}
	w.printTitles(s.sh, false, tb.Header, tb.Header)
	s.close()
}

// methodsSheet writes the Methods sheet.
func (w *consWriter) methodsSheet() {
	t := &w.c.Totals
	var p []workbook.Para
	key := func(k, text string) { p = append(p, workbook.Para{Key: w.t(k), Text: text}) }
	p = append(p, workbook.Para{Heading: w.t("m.figures")})
	key("m.need", w.t("m.need.text"))
	key("m.total", w.t("m.total.text", workbook.FormatDecimal(w.lang, w.z(), 3), w.ci()))
	key("m.suppressed", w.t("m.suppressed.text"))
	key("m.complement", w.t("m.complement.text"))
	key("m.failed", w.t("m.failed.text", w.count(t.Failed), w.count(t.Communities), w.name[csCommunities], w.name[csStatus]))
	key("m.plan", w.t("m.plan.text"))
	key("m.cost", w.t("m.cost.text", w.yearSpan()))
	key("m.cliff", w.t("m.cliff.text"))
	if w.hasThreshold() {
		key("m.afford", w.t("m.afford.text", w.pct2(w.c.Threshold)))
	} else {
		key("m.afford", w.t("m.afford.none"))
	}
	key("m.details", w.t("m.details.text", w.name[csCommunities]))
	p = append(p, workbook.Para{Heading: w.t("m.marks")})
	p = append(p, workbook.Para{Key: suppressedMark, Text: w.t("m.mark.supp")}, workbook.Para{Key: w.t("nodata"), Text: w.t("m.mark.nodata")},
		workbook.Para{Key: w.t("none"), Text: w.t("m.mark.none")})
	p = append(p, workbook.Para{Heading: w.t("m.software")}, workbook.Para{Key: "hromada", Text: w.t("m.software.text")})
	name := w.name[csMethods]
	w.b.AddText(name, w.t("m.title"), p)
	w.pageSetup(name, "")
}
