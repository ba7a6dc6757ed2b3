package workbook

import (
	"fmt"
	"strings"

	"github.com/hromada-tool/hromada/budget"
	"github.com/xuri/excelize/v2"
)

// staffCells are the rows of the Staffing sheet, by service and post.
type staffCells struct {
	yearCol       int
	fte, pay      map[[2]string]int
	header, first int // the header row and the first row below it
}

// staffing writes the Staffing sheet: how the pay of each post is made,
// year by year.
func (w *budgetWriter) staffing() {
	r := w.rep[bsStaffing]
	sh, as := r.sh, w.name[bsAssumptions]
	a := &w.as
	st := &w.st
	st.yearCol = 3
	st.fte, st.pay = map[[2]string]int{}, map[[2]string]int{}
	r.title(w.t("st.title", w.yearSpan()))
	r.line(w.t("st.intro", w.in.FirstYear), "note")
	r.gap()
	st.header = r.next
	w.yearHeader(r, []string{w.t("col.service"), w.t("col.post"), w.t("col.measure")})
	st.first = r.next
	esv := cellAt{as, a.esv.col, a.esv.row}.abs(sh)
	for _, sc := range w.r.Staff {
		key := [2]string{sc.Service, sc.Post}
		pr := a.post[key]
		share := cellAt{as, a.yearCol, pr}.abs(sh)
		salary := cellAt{as, a.yearCol + 1, pr}.abs(sh)
		extra := cellAt{as, a.yearCol + 2, pr}.abs(sh)
		row := func(measure string, f Format, cell func(t int) Formula) int {
			w.put(r, 0, sc.Service, TextFmt, false)
			w.label(r, 1, sc.Post, "")
			w.label(r, 2, measure, "")
			for t := range w.n {
				w.put(r, st.yearCol+t, cell(t), f, false)
			}
			r.next++
			return r.next - 1
		}
		st.fte[key] = row(w.t("st.fte"), Decimal2, func(t int) Formula {
			if pf, ok := a.postFTE[key]; ok {
				return Formula{Expr: w.year(pf, t).in(sh), Value: sc.FTE[t]}
			}
			return Formula{Expr: share + "*" + w.year(a.fte[sc.Service], t).in(sh), Value: sc.FTE[t]}
		})
		salaryRow := row(w.t("st.salary"), Money, func(t int) Formula {
			return Formula{Expr: salary + "*" + w.year(a.wageIndex, t).in(sh), Value: sc.Salary[t]}
		})
		months := func(t int) string {
			return cellRange{sh: as, col1: a.yearCol + t, row1: a.minWage, col2: a.yearCol + t, row2: a.minWage + 11, absRows: true}.in(sh)
		}
		row(w.t("st.floored"), Integer, func(t int) Formula {
			s := a1Name(st.yearCol+t, salaryRow)
			return Formula{Expr: fmt.Sprintf("SUMPRODUCT((%s>%s)*1)", months(t), s), Value: float64(sc.Floored[t])}
		})
		st.pay[key] = row(w.t("st.pay"), Money, func(t int) Formula {
			s, mw := a1Name(st.yearCol+t, salaryRow), months(t)
			return Formula{Expr: fmt.Sprintf("SUMPRODUCT((%[1]s>%[2]s)*%[1]s+(%[1]s<=%[2]s)*%[2]s)*(12+%[3]s)/12", mw, s, extra), Value: sc.Pay[t]}
		})
		row(w.t("st.employer"), Money, func(t int) Formula {
			return Formula{Expr: fmt.Sprintf("%s*(1+%s)", a1Name(st.yearCol+t, st.pay[key]), esv), Value: sc.Employer[t]}
		})
	}
	if len(w.r.Staff) == 0 {
		r.line(w.t("st.none"), "note")
	}
	w.freeze(r.sh, st.header)
	w.pageSetup(r.sh, fmt.Sprintf("$%d:$%d", st.header, st.header))
}

// freeze freezes the rows down to the header row of a sheet.
func (w *budgetWriter) freeze(sh string, header int) {
	w.b.fail(w.b.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: header,
		TopLeftCell: a1Name(0, header+1), ActivePane: "bottomLeft"}))
}

// costCells are the places of the Costs sheet.
type costCells struct {
	yearCol, totalCol              int
	service, programme, kind       int // columns
	kekv                           int
	header, first, last            int // rows of the header and the lines
	lineRow                        []int
	staff, other, admin            int // rows of the totals by kind
	recurrent, startup, total      int
	linesOfService                 map[string][2]int // first and last row of a service's direct lines
	programmeSpan, kekvSpan, kinds cellRange
}

// amounts is the range of year t of the cost lines, rows absolute.
func (c *costCells) amounts(sh string, col int) cellRange {
	return cellRange{sh: sh, col1: col, row1: c.first, col2: col, row2: c.last, absRows: true}
}

// column is a column of the cost lines, absolute.
func (c *costCells) column(sh string, col int) cellRange {
	return cellRange{sh: sh, col1: col, row1: c.first, col2: col, row2: c.last, absCols: true, absRows: true}
}

// costs writes the Costs sheet: every cost line by year, its formula
// made of the Assumptions and Staffing sheets, then the totals by kind.
func (w *budgetWriter) costs() {
	r := w.rep[bsCosts]
	sh, as, ss := r.sh, w.name[bsAssumptions], w.name[bsStaffing]
	a, in := &w.as, w.in
	c := &w.co
	c.service, c.programme, c.kind, c.kekv = 0, 1, 2, 4
	c.yearCol, c.totalCol = 5, 5+w.n
	c.linesOfService = map[string][2]int{}
	r.title(w.t("co.title", w.yearSpan()))
	r.line(w.t("co.intro", in.FirstYear), "note")
	r.gap()
	c.header = r.next
	w.yearHeader(r, []string{w.t("col.service"), w.t("col.programme"), w.t("col.line"), w.t("col.item"), w.t("col.kekv")},
		w.t("col.allyears"))
	c.first = r.next
	c.last = c.first + len(w.r.Lines) - 1
	esv := a.esv.abs(sh)
	i := 0
	for _, s := range w.services {
		first := r.next
		// The FTE of the service's posts, for a fixed cost's "the service runs".
		var postFTE []int
		for _, p := range in.Posts {
			if p.Service == s.Code {
				postFTE = append(postFTE, w.st.fte[[2]string{s.Code, p.Post}])
			}
		}
		line := func(amount func(t int) any) {
			l := w.r.Lines[i]
			w.put(r, c.service, l.Service, TextFmt, false)
			w.put(r, c.programme, l.Programme, TextFmt, false)
			w.put(r, c.kind, w.kindLabel(l.Kind), General, false)
			item := l.Item
			if l.Kind == budget.KindAdmin {
				item = w.t("co.admin")
			}
			w.label(r, 3, item, "")
			w.put(r, c.kekv, l.KEKV, TextFmt, false)
			for t := range w.n {
				w.put(r, c.yearCol+t, amount(t), Money, false)
			}
			w.put(r, c.totalCol, Formula{Expr: fmt.Sprintf("SUM(%s:%s)", a1Name(c.yearCol, r.next), a1Name(c.totalCol-1, r.next)),
				Value: sum(l.Amount)}, Money, false)
			c.lineRow = append(c.lineRow, r.next)
			r.next++
			i++
		}
		for _, p := range in.Posts {
			if p.Service != s.Code {
				continue
			}
			key := [2]string{s.Code, p.Post}
			l := w.r.Lines[i]
			line(func(t int) any {
				return Formula{Expr: fmt.Sprintf("%s*%s", cellAt{ss, w.st.yearCol + t, w.st.fte[key]}.in(sh),
					cellAt{ss, w.st.yearCol + t, w.st.pay[key]}.in(sh)), Value: l.Amount[t]}
			})
			wages, l := r.next-1, w.r.Lines[i]
			line(func(t int) any {
				return Formula{Expr: fmt.Sprintf("%s*%s", a1Name(c.yearCol+t, wages), esv), Value: l.Amount[t]}
			})
		}
		for j, o := range in.Other {
			if o.Service != s.Code {
				continue
			}
			amount := cellAt{as, a.yearCol + 1, a.other[j]}.abs(sh)
			l := w.r.Lines[i]
			line(func(t int) any {
				idx := w.year(a.cpiIndex, t).in(sh)
				if o.Basis == budget.PerClient {
					return Formula{Expr: fmt.Sprintf("%s*%s*%s", amount, w.year(a.clients[s.Code], t).in(sh), idx), Value: l.Amount[t]}
				}
				runs := []string{w.year(a.clients[s.Code], t).in(sh) + ">0", w.year(a.fte[s.Code], t).in(sh) + ">0"}
				for _, row := range postFTE {
					runs = append(runs, cellAt{ss, w.st.yearCol + t, row}.in(sh)+">0")
				}
				return Formula{Expr: fmt.Sprintf("IF(OR(%s),%s*%s,0)", strings.Join(runs, ","), amount, idx), Value: l.Amount[t]}
			})
		}
		last := r.next - 1
		c.linesOfService[s.Code] = [2]int{first, last}
		l := w.r.Lines[i]
		line(func(t int) any {
			if last < first {
				return 0.0
			}
			return Formula{Expr: fmt.Sprintf("%s*SUM(%s:%s)", a.admin.abs(sh), a1Name(c.yearCol+t, first), a1Name(c.yearCol+t, last)), Value: l.Amount[t]}
		})
		for j, st := range in.Startup {
			if st.Service != s.Code {
				continue
			}
			row := a.startup[j]
			amount := cellAt{as, a.yearCol, row}.abs(sh)
			bought := cellAt{as, a.yearCol + 1, row}.abs(sh)
			life := cellAt{as, a.yearCol + 2, row}.abs(sh)
			l := w.r.Lines[i]
			line(func(t int) any {
				year := ColumnName(c.yearCol+t) + "$" + fmt.Sprint(c.header)
				return Formula{Expr: fmt.Sprintf("IF(AND(%[1]s-%[2]s>=0,MOD(%[1]s-%[2]s,%[3]s)=0),%[4]s*%[5]s,0)",
					year, bought, life, amount, w.year(a.cpiIndex, t).in(sh)), Value: l.Amount[t]}
			})
		}
	}
	if len(w.r.Lines) > 0 {
		w.b.fail(w.b.f.AutoFilter(sh, fmt.Sprintf("%s:%s", a1Name(0, c.header), a1Name(c.totalCol, c.last)), nil))
	}
	c.programmeSpan = c.column(sh, c.programme)
	c.kekvSpan = c.column(sh, c.kekv)
	c.kinds = c.column(sh, c.kind)

	// Totals by kind.
	r.gap()
	r.heading(w.t("co.totals"))
	byKind := func(t int, kinds ...budget.LineKind) string {
		var terms []string
		for _, k := range kinds {
			terms = append(terms, fmt.Sprintf(`SUMIFS(%s,%s,"%s")`, c.amounts(sh, c.yearCol+t).in(sh), c.kinds.in(sh), w.kindLabel(k)))
		}
		return strings.Join(terms, "+")
	}
	total := func(key string, v func(y budget.YearTotal) float64, expr func(t int) string) int {
		w.spanLabel(r, 0, c.yearCol-1, w.t(key), "bold")
		var all float64
		for t, y := range w.r.Totals {
			w.put(r, c.yearCol+t, Formula{Expr: expr(t), Value: v(y)}, Money, false)
			all += v(y)
		}
		w.put(r, c.totalCol, Formula{Expr: fmt.Sprintf("SUM(%s:%s)", a1Name(c.yearCol, r.next), a1Name(c.totalCol-1, r.next)), Value: all}, Money, false)
		r.next++
		return r.next - 1
	}
	c.staff = total("co.staff", func(y budget.YearTotal) float64 { return y.Staff }, func(t int) string { return byKind(t, budget.KindWages, budget.KindESV) })
	c.other = total("co.other", func(y budget.YearTotal) float64 { return y.Other }, func(t int) string { return byKind(t, budget.KindOther) })
	c.admin = total("co.admintotal", func(y budget.YearTotal) float64 { return y.Admin }, func(t int) string { return byKind(t, budget.KindAdmin) })
	c.recurrent = total("co.recurrent", func(y budget.YearTotal) float64 { return y.Recurrent }, func(t int) string {
		col := ColumnName(c.yearCol + t)
		return fmt.Sprintf("%s%d+%s%d+%s%d", col, c.staff, col, c.other, col, c.admin)
	})
	c.startup = total("co.startup", func(y budget.YearTotal) float64 { return y.Startup }, func(t int) string { return byKind(t, budget.KindStartup) })
	c.total = total("co.total", func(y budget.YearTotal) float64 { return y.Total }, func(t int) string {
		col := ColumnName(c.yearCol + t)
		return fmt.Sprintf("%s%d+%s%d", col, c.recurrent, col, c.startup)
	})
	w.freeze(sh, c.header)
	w.pageSetup(sh, fmt.Sprintf("$%d:$%d", c.header, c.header))
}

// fundingCells are the places of the Funding sheet.
type fundingCells struct {
	yearCol, totalCol int
	header            int // the year header of the totals by year
	// Rows by service code.
	cost, donorShare, stateShare, localShare map[string]int
	donor, state, local, takenOver           map[string]int
	perService                               [2]int // first and last row of the services' block
	capCost, capShare                        map[string]int
	total, allDonor, allState, allLocal      int // rows of the totals by year
	cumulative, allTaken, cliff              int
	lineFirst, lineLast                      int // the funding of every line
	source, service, programme, kekv         int // columns of the lines' table
}

// lines is a column of the lines' table, absolute.
func (f *fundingCells) lines(sh string, col int, absCols bool) cellRange {
	return cellRange{sh: sh, col1: col, row1: f.lineFirst, col2: col, row2: f.lineLast, absCols: absCols, absRows: true}
}

// funding writes the Funding sheet: the shares and amounts of each
// service by year, the totals and the donor cliff, and the funding of
// every cost line.
func (w *budgetWriter) funding() {
	r := w.rep[bsFunding]
	sh, cs := r.sh, w.name[bsCosts]
	a, c, f := &w.as, &w.co, &w.fu
	n := w.n
	f.yearCol, f.totalCol = 6, 6+n
	f.service, f.programme, f.kekv, f.source = 0, 1, 4, 5
	for _, m := range []*map[string]int{&f.cost, &f.donorShare, &f.stateShare, &f.localShare, &f.donor, &f.state, &f.local,
		&f.takenOver, &f.capCost, &f.capShare} {
		*m = map[string]int{}
	}
	// The lines' table comes last; its rows are known now.
	perService := 9 * len(w.services)
	caps := 0
	for _, key := range a.schedules {
		if a.scheduleKind[key] == budget.Cap {
			caps += 3
		}
	}
	r.title(w.t("fu.title", w.yearSpan()))
	r.line(w.t("fu.intro"), "note")

	// Totals by year: what the Summary and Affordability refer to.
	r.gap()
	r.heading(w.t("fu.totals"))
	f.header = r.next
	w.yearHeader(r, []string{"", w.t("col.measure"), "", "", "", ""}, w.t("col.allyears"))
	f.total, f.allDonor, f.allState, f.allLocal = r.next, r.next+1, r.next+2, r.next+3
	f.cumulative, f.allTaken, f.cliff = r.next+4, r.next+5, r.next+6
	totalsEnd := r.next + 7
	// Rows below the totals: the services' block, the caps, the lines.
	serviceFirst := totalsEnd + 4 // the note, a gap, the heading, the header
	f.perService = [2]int{serviceFirst, serviceFirst + perService - 1}
	capFirst := f.perService[1] + 1
	if caps > 0 {
		capFirst += 2 // gap, heading
	}
	f.lineFirst = capFirst + caps + 3 // gap, heading, header
	f.lineLast = f.lineFirst + 3*len(w.r.Lines) - 1

	srcLabel := map[string]string{"donor": w.t("src.donor"), "state": w.t("src.state"), "local": w.t("src.local")}
	bySource := func(t int, source string) string {
		return fmt.Sprintf(`SUMIFS(%s,%s,"%s")`, f.lines(sh, f.yearCol+t, false).in(sh), f.lines(sh, f.source, true).in(sh), srcLabel[source])
	}
	yearRow := func(key string, v func(t int) any, all any) {
		w.spanLabel(r, 1, f.yearCol-1, w.t(key), "")
		for t := range n {
			w.put(r, f.yearCol+t, v(t), Money, false)
		}
		if all != nil {
			w.put(r, f.totalCol, all, Money, false)
		}
		r.next++
	}
	sumAll := func(row int, v float64) Formula {
		return Formula{Expr: fmt.Sprintf("SUM(%s:%s)", a1Name(f.yearCol, row), a1Name(f.totalCol-1, row)), Value: v}
	}
	h := w.r.Horizon
	yearRow("fu.total", func(t int) any {
		return Formula{Expr: cellAt{cs, c.yearCol + t, c.total}.in(sh), Value: w.r.Totals[t].Total}
	}, sumAll(f.total, h.Total))
	yearRow("fu.donor", func(t int) any { return Formula{Expr: bySource(t, "donor"), Value: w.r.Totals[t].Donor} }, sumAll(f.allDonor, h.Donor))
	yearRow("fu.state", func(t int) any { return Formula{Expr: bySource(t, "state"), Value: w.r.Totals[t].State} }, sumAll(f.allState, h.State))
	yearRow("fu.local", func(t int) any { return Formula{Expr: bySource(t, "local"), Value: w.r.Totals[t].Local} }, sumAll(f.allLocal, h.Local))
	yearRow("fu.cumulative", func(t int) any {
		if t == 0 {
			return Formula{Expr: a1Name(f.yearCol, f.allLocal), Value: w.r.Totals[0].CumulativeLocal}
		}
		return Formula{Expr: fmt.Sprintf("%s+%s", a1Name(f.yearCol+t-1, f.cumulative), a1Name(f.yearCol+t, f.allLocal)), Value: w.r.Totals[t].CumulativeLocal}
	}, nil)
	yearRow("fu.taken", func(t int) any {
		if t == 0 {
			return nil
		}
		block := func(col int, absCols bool) string {
			return cellRange{sh: sh, col1: col, row1: f.perService[0], col2: col, row2: f.perService[1], absCols: absCols, absRows: true}.in(sh)
		}
		return Formula{Expr: fmt.Sprintf(`SUMIFS(%s,%s,"%s")`, block(f.yearCol+t, false), block(1, true), w.t("fu.s.taken")), Value: w.r.Totals[t].TakenOver}
	}, nil)
	cliffs := w.cliffFlags()
	w.spanLabel(r, 1, f.yearCol-1, w.t("fu.cliff"), "")
	for t := range n {
		if t == 0 {
			w.put(r, f.yearCol, 0.0, Integer, false)
			continue
		}
		col := func(k int) string { return ColumnName(f.yearCol + k) }
		expr := fmt.Sprintf(`IF(AND(NOT(%[1]s%[2]d>0),COUNTIF($%[3]s$%[2]d:%[4]s%[2]d,">0")>0,SUM($%[3]s$%[5]d:%[4]s%[5]d)=0),1,0)`,
			col(t), f.allDonor, col(0), col(t-1), f.cliff)
		w.put(r, f.yearCol+t, Formula{Expr: expr, Value: cliffs[t]}, Integer, false)
	}
	r.next++
	r.line(w.t("fu.totals.note"), "note")
	if r.next != totalsEnd+1 {
		w.b.fail(fmt.Errorf("funding sheet: totals end on row %d, not %d", r.next-1, totalsEnd))
	}

	// Shares and amounts by service.
	r.gap()
	r.heading(w.t("fu.services"))
	w.yearHeader(r, []string{w.t("col.service"), w.t("col.measure"), "", "", "", ""}, w.t("col.allyears"))
	share := map[string]budget.Shares{}
	for _, s := range w.r.Shares {
		share[s.Service] = s
	}
	cost := map[string]budget.ServiceCost{}
	for _, sc := range w.r.Services {
		cost[sc.Service] = sc
	}
	for _, s := range w.services {
		sh0, sc := share[s.Code], cost[s.Code]
		key := a.scheduleOf[s.Code]
		r.line(s.Code+" "+w.serviceName(s.Code), "group")
		row := func(measure string, f0 Format, v func(t int) any, all any) int {
			w.put(r, 0, s.Code, TextFmt, false)
			w.spanLabel(r, 1, f.yearCol-1, measure, "")
			for t := range n {
				w.put(r, f.yearCol+t, v(t), f0, false)
			}
			if all != nil {
				w.put(r, f.totalCol, all, f0, false)
			}
			r.next++
			return r.next - 1
		}
		f.cost[s.Code] = r.next
		row(w.t("fu.s.cost"), Money, func(t int) any {
			return Formula{Expr: fmt.Sprintf("SUMIFS(%s,%s,$A%d)", c.amounts(cs, c.yearCol+t).in(sh), c.column(cs, c.service).in(sh), r.next),
				Value: sc.Total[t]}
		}, sumAll(r.next, sum(sc.Total)))
		f.donorShare[s.Code] = row(w.t("fu.s.donorshare"), Percent, func(t int) any {
			if a.scheduleKind[key] == budget.Cap {
				return Formula{Expr: a1Name(f.yearCol+t, f.capShareRow(key, capFirst, a.schedules, a.scheduleKind)), Value: sh0.Donor[t]}
			}
			return Formula{Expr: w.year(a.donor[key], t).in(sh), Value: sh0.Donor[t]}
		}, nil)
		f.stateShare[s.Code] = row(w.t("fu.s.stateshare"), Percent, func(t int) any {
			return Formula{Expr: w.year(a.state[key], t).in(sh), Value: sh0.State[t]}
		}, nil)
		f.localShare[s.Code] = row(w.t("fu.s.localshare"), Percent, func(t int) any {
			return Formula{Expr: fmt.Sprintf("1-%s-%s", a1Name(f.yearCol+t, f.donorShare[s.Code]), a1Name(f.yearCol+t, f.stateShare[s.Code])), Value: sh0.Local[t]}
		}, nil)
		amounts := map[string][]float64{"donor": sc.Donor, "state": sc.State, "local": sc.Local}
		for _, src := range []string{"donor", "state", "local"} {
			m := map[string]map[string]int{"donor": f.donor, "state": f.state, "local": f.local}[src]
			m[s.Code] = r.next
			row(w.t("fu.s."+src), Money, func(t int) any {
				return Formula{Expr: fmt.Sprintf(`SUMIFS(%s,%s,$A%d,%s,"%s")`, f.lines(sh, f.yearCol+t, false).in(sh), f.lines(sh, f.service, true).in(sh),
					r.next, f.lines(sh, f.source, true).in(sh), srcLabel[src]), Value: amounts[src][t]}
			}, sumAll(r.next, sum(amounts[src])))
		}
		f.takenOver[s.Code] = row(w.t("fu.s.taken"), Money, func(t int) any {
			if t == 0 {
				return nil
			}
			ls, cost := f.localShare[s.Code], f.cost[s.Code]
			return Formula{Expr: fmt.Sprintf("(%s-%s)*%s", a1Name(f.yearCol+t, ls), a1Name(f.yearCol+t-1, ls), a1Name(f.yearCol+t-1, cost)),
				Value: sc.TakenOver[t]}
		}, nil)
	}
	if r.next-1 != f.perService[1] {
		w.b.fail(fmt.Errorf("funding sheet: services end on row %d, not %d", r.next-1, f.perService[1]))
	}

	// Donor caps: the share of the cost the cap pays.
	if caps > 0 {
		r.gap()
		r.heading(w.t("fu.caps"))
		for _, key := range a.schedules {
			if a.scheduleKind[key] != budget.Cap {
				continue
			}
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
			r.line(title, "group")
			f.capCost[key] = r.next
			w.spanLabel(r, 1, f.yearCol-1, w.t("fu.cap.cost"), "")
			for t := range n {
				var terms []string
				var v float64
				for _, code := range covered {
					terms = append(terms, a1Name(f.yearCol+t, f.cost[code]))
					v += cost[code].Total[t]
				}
				w.put(r, f.yearCol+t, Formula{Expr: strings.Join(terms, "+"), Value: v}, Money, false)
			}
			r.next++
			f.capShare[key] = r.next
			w.spanLabel(r, 1, f.yearCol-1, w.t("fu.cap.share"), "")
			for t := range n {
				g := a1Name(f.yearCol+t, f.capCost[key])
				expr := fmt.Sprintf("IF(%[1]s>0,MIN(%[2]s,(1-%[3]s)*%[1]s)/%[1]s,0)", g, w.year(a.capAmount[key], t).in(sh), w.year(a.state[key], t).in(sh))
				w.put(r, f.yearCol+t, Formula{Expr: expr, Value: share[covered[0]].Donor[t]}, Percent, false)
			}
			r.next++
		}
	}

	// The funding of every line.
	r.gap()
	r.heading(w.t("fu.lines"))
	lineHeader := r.next
	w.yearHeader(r, []string{w.t("col.service"), w.t("col.programme"), w.t("col.line"), w.t("col.item"), w.t("col.kekv"), w.t("col.paidby")},
		w.t("col.allyears"))
	if r.next != f.lineFirst {
		w.b.fail(fmt.Errorf("funding sheet: lines start on row %d, not %d", r.next, f.lineFirst))
	}
	for i, l := range w.r.Lines {
		amount := func(t int) string { return cellAt{cs, c.yearCol + t, c.lineRow[i]}.in(sh) }
		item := l.Item
		if l.Kind == budget.KindAdmin {
			item = w.t("co.admin")
		}
		row := func(src string, v []float64, expr func(t int) string) {
			w.put(r, f.service, l.Service, TextFmt, false)
			w.put(r, f.programme, l.Programme, TextFmt, false)
			w.put(r, 2, w.kindLabel(l.Kind), General, false)
			w.put(r, 3, item, General, false)
			w.put(r, f.kekv, l.KEKV, TextFmt, false)
			w.put(r, f.source, srcLabel[src], General, false)
			for t := range n {
				w.put(r, f.yearCol+t, Formula{Expr: expr(t), Value: v[t]}, Money, false)
			}
			w.put(r, f.totalCol, sumAll(r.next, sum(v)), Money, false)
			r.next++
		}
		donor, state := r.next, r.next+1
		row("donor", l.Donor, func(t int) string {
			return fmt.Sprintf("%s*%s", a1Name(f.yearCol+t, f.donorShare[l.Service]), amount(t))
		})
		row("state", l.State, func(t int) string {
			return fmt.Sprintf("%s*%s", a1Name(f.yearCol+t, f.stateShare[l.Service]), amount(t))
		})
		row("local", l.Local, func(t int) string {
			return fmt.Sprintf("%s-%s-%s", amount(t), a1Name(f.yearCol+t, donor), a1Name(f.yearCol+t, state))
		})
	}
	if len(w.r.Lines) > 0 {
		w.b.fail(w.b.f.AutoFilter(sh, fmt.Sprintf("%s:%s", a1Name(0, lineHeader), a1Name(f.totalCol, f.lineLast)), nil))
	}
	w.pageSetup(sh, "")
}

// capShareRow is the row of the donor's share under the cap of schedule
// key: the caps' block starts at row first, three rows a cap (title,
// cost, share).
func (f *fundingCells) capShareRow(key string, first int, schedules []string, kinds map[string]budget.ScheduleKind) int {
	row := first
	for _, k := range schedules {
		if kinds[k] != budget.Cap {
			continue
		}
		if k == key {
			return row + 2
		}
		row += 3
	}
	return 0
}

// cliffFlags is 1 in the year of the donor cliff, 0 in the others.
func (w *budgetWriter) cliffFlags() []float64 {
	out := make([]float64, w.n)
	for t, y := range w.r.Totals {
		if y.Year == w.r.Cliff.Year {
			out[t] = 1
		}
	}
	return out
}
