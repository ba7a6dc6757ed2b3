package budgetbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/workbook"
)

// fundingCells are the places of the Funding sheet.
type fundingCells struct {
	yearCol, totalCol int
	header            int // the year header of the totals by year
	// Rows by service code.
	cost, donorShare, stateShare, localShare map[string]int
	perService                               workbook.RowSpan // the services' block
	capCost, capShare                        map[string]int
	total, allDonor, allState, allLocal      int // rows of the totals by year
	cumulative, allTaken, cliff              int
	lines                                    workbook.RowSpan // the funding of every line
	lineHeader                               int
	source, service, programme, kekv         int // columns of the lines' table
}

// lineCol is a column of the lines' table, rows absolute.
func (f *fundingCells) lineCol(sh string, col int, absCols bool) workbook.CellRange {
	return f.lines.Col(sh, col, absCols)
}

// sumAll is the sum of row over the years, with its value v.
func (f *fundingCells) sumAll(row int, v float64) workbook.Formula {
	return workbook.Formula{Expr: fmt.Sprintf("SUM(%s:%s)", workbook.A1Name(f.yearCol, row), workbook.A1Name(f.totalCol-1, row)), Value: v}
}

// funding writes the Funding sheet: the totals and the donor cliff by
// year, the shares and amounts of each service, the donor caps and the
// funding of every cost line. The totals sum the lines' table below them,
// so the sheet is laid out before it is written.
func (w *budgetWriter) funding() {
	r := w.rep[bsFunding]
	f := &w.fu
	f.yearCol, f.totalCol = 6, 6+w.n
	f.service, f.programme, f.kekv, f.source = 0, 1, 4, 5
	for _, m := range []*map[string]int{&f.cost, &f.donorShare, &f.stateShare, &f.localShare, &f.capCost, &f.capShare} {
		*m = map[string]int{}
	}
	l := workbook.NewLayout(r)
	l.Row(func() { r.Title(w.t("fu.title", w.yearSpan())) })
	l.Row(func() { r.Line(w.t("fu.intro"), "note") })
	w.fundingTotals(l)
	w.fundingServices(l)
	w.fundingCaps(l)
	w.fundingLines(l)
	l.Write()
	titles := ""
	if len(w.r.Lines) > 0 {
		w.b.Fail(w.b.File.AutoFilter(r.Sheet, fmt.Sprintf("%s:%s", workbook.A1Name(0, f.lineHeader), workbook.A1Name(f.totalCol, f.lines.Last)), nil))
		// The lines' table runs over pages: its header row heads each
		// page from the one it starts on.
		titles = fmt.Sprintf("$%d:$%d", f.lineHeader, f.lineHeader)
	}
	w.pageSetup(r.Sheet, titles)
}

// srcLabel is what the Paid by column of the lines' table says for a
// source of money: "donor", "state" or "local".
func (w *budgetWriter) srcLabel(src string) string { return w.t("src." + src) }

// fundingTotals adds the totals by year: what the Summary and
// Affordability sheets refer to.
func (w *budgetWriter) fundingTotals(l *workbook.Layout) {
	r, sh, cs := l.Report, l.Report.Sheet, w.name[bsCosts]
	c, f, n := &w.co, &w.fu, w.n
	bySource := func(t int, source string) string {
		return fmt.Sprintf(`SUMIFS(%s,%s,"%s")`, f.lineCol(sh, f.yearCol+t, false).In(sh), f.lineCol(sh, f.source, true).In(sh), w.srcLabel(source))
	}
	// yearRow adds a row of the years, and of all years when all is given.
	yearRow := func(key string, v func(t int) any, all ...float64) int {
		return l.Row(func() {
			w.spanLabel(r, 1, f.yearCol-1, w.t(key), "")
			for t := range n {
				w.put(r, f.yearCol+t, v(t), workbook.Money, false)
			}
			if len(all) > 0 {
				w.put(r, f.totalCol, f.sumAll(r.Next, all[0]), workbook.Money, false)
			}
		})
	}
	h, totals := w.r.Horizon, w.r.Totals
	l.Gap()
	l.Row(func() { r.Heading(w.t("fu.totals")) })
	f.header = l.Row(func() { w.yearHeader(r, []string{"", w.t("col.measure"), "", "", "", ""}, w.t("col.allyears")) })
	f.total = yearRow("fu.total", func(t int) any {
		return workbook.Formula{Expr: cellAt{cs, c.yearCol + t, c.total}.in(sh), Value: totals[t].Total}
	}, h.Total)
	f.allDonor = yearRow("fu.donor", func(t int) any { return workbook.Formula{Expr: bySource(t, "donor"), Value: totals[t].Donor} }, h.Donor)
	f.allState = yearRow("fu.state", func(t int) any { return workbook.Formula{Expr: bySource(t, "state"), Value: totals[t].State} }, h.State)
	f.allLocal = yearRow("fu.local", func(t int) any { return workbook.Formula{Expr: bySource(t, "local"), Value: totals[t].Local} }, h.Local)
	f.cumulative = yearRow("fu.cumulative", func(t int) any {
		if t == 0 {
			return workbook.Formula{Expr: workbook.A1Name(f.yearCol, f.allLocal), Value: totals[0].CumulativeLocal}
		}
		return workbook.Formula{Expr: fmt.Sprintf("%s+%s", workbook.A1Name(f.yearCol+t-1, f.cumulative), workbook.A1Name(f.yearCol+t, f.allLocal)), Value: totals[t].CumulativeLocal}
	})
	f.allTaken = yearRow("fu.taken", func(t int) any {
		if t == 0 {
			return nil
		}
		return workbook.Formula{Expr: fmt.Sprintf(`SUMIFS(%s,%s,"%s")`, f.perService.Col(sh, f.yearCol+t, false).In(sh), f.perService.Col(sh, 1, true).In(sh),
			w.t("fu.s.taken")), Value: totals[t].TakenOver}
	})
	f.cliff = l.Row(w.cliffRow)
	l.Row(func() { r.Line(w.t("fu.totals.note"), "note") })
}

// cliffRow writes the row that flags the year of the donor cliff: the
// first year without donor money after a year with some.
func (w *budgetWriter) cliffRow() {
	r, f := w.rep[bsFunding], &w.fu
	w.spanLabel(r, 1, f.yearCol-1, w.t("fu.cliff"), "")
	for t, y := range w.r.Totals {
		if t == 0 {
			w.put(r, f.yearCol, 0.0, workbook.Integer, false)
			continue
		}
		flag := 0.0
		if y.Year == w.r.Cliff.Year {
			flag = 1
		}
		col := func(k int) string { return workbook.ColumnName(f.yearCol + k) }
		expr := fmt.Sprintf(`IF(AND(NOT(%[1]s%[2]d>0),COUNTIF($%[3]s$%[2]d:%[4]s%[2]d,">0")>0,SUM($%[3]s$%[5]d:%[4]s%[5]d)=0),1,0)`,
			col(t), f.allDonor, col(0), col(t-1), f.cliff)
		w.put(r, f.yearCol+t, workbook.Formula{Expr: expr, Value: flag}, workbook.Integer, false)
	}
}

// fundingServices adds the shares and amounts of every service by year.
func (w *budgetWriter) fundingServices(l *workbook.Layout) {
	r := l.Report
	l.Gap()
	l.Row(func() { r.Heading(w.t("fu.services")) })
	l.Row(func() {
		w.yearHeader(r, []string{w.t("col.service"), w.t("col.measure"), "", "", "", ""}, w.t("col.allyears"))
	})
	share := map[string]budget.Shares{}
	for _, s := range w.r.Shares {
		share[s.Service] = s
	}
	w.fu.perService = l.Block(func() {
		for i, s := range w.services {
			w.fundingService(l, s.Code, share[s.Code], w.r.Services[i], i > 0)
		}
	})
}

// fundingService adds the rows of one service: its cost, its shares,
// what each source pays and what the local budget takes over. With years,
// its band repeats the years of the table's header (not on the first
// service, right under that header).
func (w *budgetWriter) fundingService(l *workbook.Layout, code string, sh0 budget.Shares, sc budget.ServiceCost, years bool) {
	r, sh, cs := l.Report, l.Report.Sheet, w.name[bsCosts]
	a, c, f, n := &w.as, &w.co, &w.fu, w.n
	key := a.scheduleOf[code]
	l.Row(func() {
		// The service's band heads its block as the table's header does —
		// the service, the years, the total — so that a printed page that
		// starts inside the table says which column is which year (the
		// sheet's repeated rows are the lines' table header). The years
		// are text: the SUMIFS over the block's columns count no band.
		w.spanLabel(r, 0, f.yearCol-1, code+" "+w.serviceName(code), "group")
		band := w.b.Style(workbook.StyleKey{Kind: "groupright"})
		if !years {
			w.b.Fail(w.b.File.SetCellStyle(sh, r.Ref(f.yearCol), r.Ref(f.totalCol), band))
			return
		}
		for t := range n {
			r.Book.SetCell(sh, r.Ref(f.yearCol+t), strconv.Itoa(w.in.FirstYear+t))
		}
		r.Book.SetCell(sh, r.Ref(f.totalCol), w.t("col.allyears"))
		w.b.Fail(w.b.File.SetCellStyle(sh, r.Ref(f.yearCol), r.Ref(f.totalCol), band))
	})
	row := func(measure string, f0 workbook.Format, v func(t int) any, all ...float64) int {
		return l.Row(func() {
			w.put(r, 0, code, workbook.TextFmt, false)
			w.spanLabel(r, 1, f.yearCol-1, measure, "")
			for t := range n {
				w.put(r, f.yearCol+t, v(t), f0, false)
			}
			if len(all) > 0 {
				w.put(r, f.totalCol, f.sumAll(r.Next, all[0]), f0, false)
			}
		})
	}
	f.cost[code] = row(w.t("fu.s.cost"), workbook.Money, func(t int) any {
		return workbook.Formula{Expr: fmt.Sprintf("SUMIFS(%s,%s,$A%d)", c.amounts(cs, c.yearCol+t).In(sh), c.column(cs, c.service).In(sh), f.cost[code]),
			Value: sc.Total[t]}
	}, workbook.Sum(sc.Total))
	f.donorShare[code] = row(w.t("fu.s.donorshare"), workbook.Percent, func(t int) any {
		if a.scheduleKind[key] == budget.Cap {
			return workbook.Formula{Expr: workbook.A1Name(f.yearCol+t, f.capShare[key]), Value: sh0.Donor[t]}
		}
		return workbook.Formula{Expr: w.year(a.donor[key], t).in(sh), Value: sh0.Donor[t]}
	})
	f.stateShare[code] = row(w.t("fu.s.stateshare"), workbook.Percent, func(t int) any {
		return workbook.Formula{Expr: w.year(a.state[key], t).in(sh), Value: sh0.State[t]}
	})
	f.localShare[code] = row(w.t("fu.s.localshare"), workbook.Percent, func(t int) any {
		return workbook.Formula{Expr: fmt.Sprintf("1-%s-%s", workbook.A1Name(f.yearCol+t, f.donorShare[code]), workbook.A1Name(f.yearCol+t, f.stateShare[code])), Value: sh0.Local[t]}
	})
	for _, src := range []struct {
		key string
		v   []float64
	}{{"donor", sc.Donor}, {"state", sc.State}, {"local", sc.Local}} {
		row(w.t("fu.s."+src.key), workbook.Money, func(t int) any {
			return workbook.Formula{Expr: fmt.Sprintf(`SUMIFS(%s,%s,$A%d,%s,"%s")`, f.lineCol(sh, f.yearCol+t, false).In(sh), f.lineCol(sh, f.service, true).In(sh),
				r.Next, f.lineCol(sh, f.source, true).In(sh), w.srcLabel(src.key)), Value: src.v[t]}
		}, workbook.Sum(src.v))
	}
	row(w.t("fu.s.taken"), workbook.Money, func(t int) any {
		if t == 0 {
			return nil
		}
		ls, cost := f.localShare[code], f.cost[code]
		return workbook.Formula{Expr: fmt.Sprintf("(%s-%s)*%s", workbook.A1Name(f.yearCol+t, ls), workbook.A1Name(f.yearCol+t-1, ls), workbook.A1Name(f.yearCol+t-1, cost)),
			Value: sc.TakenOver[t]}
	})
}

// fundingCaps adds, for every donor cap, the cost of the services it
// covers and the share of that cost the cap pays.
func (w *budgetWriter) fundingCaps(l *workbook.Layout) {
	r, sh := l.Report, l.Report.Sheet
	a, f, n := &w.as, &w.fu, w.n
	var caps []string
	for _, key := range a.schedules {
		if a.scheduleKind[key] == budget.Cap {
			caps = append(caps, key)
		}
	}
	if len(caps) == 0 {
		return
	}
	cost, share := map[string]budget.ServiceCost{}, map[string]budget.Shares{}
	for i, sc := range w.r.Services {
		cost[sc.Service], share[sc.Service] = sc, w.r.Shares[i]
	}
	l.Gap()
	l.Row(func() { r.Heading(w.t("fu.caps")) })
	for _, key := range caps {
		var covered []string
		for _, s := range w.services {
			if a.scheduleOf[s.Code] == key {
				covered = append(covered, s.Code)
			}
		}
		title := w.t("as.sched.default", joinList(covered))
		if key != "" {
			title = w.t("as.sched.service", key, w.serviceName(key))
		}
		l.Row(func() { r.Line(title, "group") })
		f.capCost[key] = l.Row(func() {
			w.spanLabel(r, 1, f.yearCol-1, w.t("fu.cap.cost"), "")
			for t := range n {
				var terms []string
				var v float64
				for _, code := range covered {
					terms = append(terms, workbook.A1Name(f.yearCol+t, f.cost[code]))
					v += cost[code].Total[t]
				}
				w.put(r, f.yearCol+t, workbook.Formula{Expr: strings.Join(terms, "+"), Value: v}, workbook.Money, false)
			}
		})
		donor := share[covered[0]].Donor
		f.capShare[key] = l.Row(func() {
			w.spanLabel(r, 1, f.yearCol-1, w.t("fu.cap.share"), "")
			for t := range n {
				g := workbook.A1Name(f.yearCol+t, f.capCost[key])
				expr := fmt.Sprintf("IF(%[1]s>0,MIN(%[2]s,(1-%[3]s)*%[1]s)/%[1]s,0)", g, w.year(a.capAmount[key], t).in(sh), w.year(a.state[key], t).in(sh))
				w.put(r, f.yearCol+t, workbook.Formula{Expr: expr, Value: donor[t]}, workbook.Percent, false)
			}
		})
	}
}

// fundingLines adds the funding of every cost line: what the donor, the
// state and the local budget pay of it, a row each.
func (w *budgetWriter) fundingLines(l *workbook.Layout) {
	r, sh, cs := l.Report, l.Report.Sheet, w.name[bsCosts]
	c, f, n := &w.co, &w.fu, w.n
	l.Gap()
	l.Row(func() { r.Heading(w.t("fu.lines")) })
	f.lineHeader = l.Row(func() {
		w.yearHeader(r, []string{w.t("col.service"), w.t("col.programme"), w.t("col.line"), w.t("col.item"), w.t("col.kekv"), w.t("col.paidby")},
			w.t("col.allyears"))
	})
	f.lines = l.Block(func() {
		for i, ln := range w.r.Lines {
			amount := func(t int) string { return cellAt{cs, c.yearCol + t, c.lineRow[i]}.in(sh) }
			item := w.typed(ln.Item, ln.ItemEN)
			if ln.Kind == budget.KindAdmin {
				item = w.t("co.admin")
			}
			row := func(src string, v []float64, expr func(t int) string) int {
				return l.Row(func() {
					w.put(r, f.service, ln.Service, workbook.TextFmt, false)
					w.put(r, f.programme, ln.Programme, workbook.TextFmt, false)
					w.put(r, 2, w.kindLabel(ln.Kind), workbook.General, false)
					w.label(r, 3, item, "") // wrapped, as on the Costs sheet: the admin line's name is wider than its column
					w.put(r, f.kekv, ln.KEKV, workbook.TextFmt, false)
					w.put(r, f.source, w.srcLabel(src), workbook.General, false)
					for t := range n {
						w.put(r, f.yearCol+t, workbook.Formula{Expr: expr(t), Value: v[t]}, workbook.Money, false)
					}
					w.put(r, f.totalCol, f.sumAll(r.Next, workbook.Sum(v)), workbook.Money, false)
				})
			}
			donor := row("donor", ln.Donor, func(t int) string {
				return fmt.Sprintf("%s*%s", workbook.A1Name(f.yearCol+t, f.donorShare[ln.Service]), amount(t))
			})
			state := row("state", ln.State, func(t int) string {
				return fmt.Sprintf("%s*%s", workbook.A1Name(f.yearCol+t, f.stateShare[ln.Service]), amount(t))
			})
			row("local", ln.Local, func(t int) string {
				return fmt.Sprintf("%s-%s-%s", amount(t), workbook.A1Name(f.yearCol+t, donor), workbook.A1Name(f.yearCol+t, state))
			})
		}
	})
}
