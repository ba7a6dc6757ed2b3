package workbook

import (
	"fmt"
	"math"

	"github.com/hromada-tool/hromada/budget"
	"github.com/xuri/excelize/v2"
)

// affordCells are the places of the Affordability sheet.
type affordCells struct {
	yearCol                        int
	header                         int
	total, local, cumulative       int // rows, a value a year
	revenue, share, social         int
	shareSocial, perResident, flag int
	totalPV, localPV               cellAt
}

// affordability writes the Affordability sheet: the local cost against
// the community's revenue, social spending and population, and the
// discounted totals.
func (w *budgetWriter) affordability() {
	r := w.rep[bsAfford]
	sh, as := r.sh, w.name[bsAssumptions]
	w.af.yearCol = 1
	r.title(w.t("af.title", w.yearSpan()))
	r.line(w.t("af.intro"), "note")
	r.gap()
	w.affordYears(r)
	r.line(w.t("af.note"), "note")
	r.gap()
	w.affordHorizon(r)
	r.line(w.t("af.h.note", as), "note")
	w.pageSetup(sh, "")
}

// affordYears writes the local cost by year against revenue, social
// spending and population, and flags the years over the threshold.
func (w *budgetWriter) affordYears(r *reportSheet) {
	sh, fs := r.sh, w.name[bsFunding]
	a, f, af, n := &w.as, &w.fu, &w.af, w.n
	af.header = r.next
	w.yearHeader(r, []string{""})
	row := func(key string, f0 Format, v func(t int, y budget.YearTotal) any) int {
		w.label(r, 0, w.t(key), "")
		for t, y := range w.r.Totals {
			w.put(r, af.yearCol+t, v(t, y), f0, false)
		}
		r.next++
		return r.next - 1
	}
	cell := func(col, row int) string { return a1Name(col, row) }
	yearCell := func(t int) string { return ColumnName(af.yearCol+t) + "$" + fmt.Sprint(af.header) }
	orDash := func(x float64) any {
		if math.IsNaN(x) {
			return "—"
		}
		return x
	}
	af.total = row("af.total", Money, func(t int, y budget.YearTotal) any {
		return Formula{Expr: cellAt{fs, f.yearCol + t, f.total}.in(sh), Value: y.Total}
	})
	af.local = row("af.local", Money, func(t int, y budget.YearTotal) any {
		return Formula{Expr: cellAt{fs, f.yearCol + t, f.allLocal}.in(sh), Value: y.Local}
	})
	af.cumulative = row("af.cumulative", Money, func(t int, y budget.YearTotal) any {
		return Formula{Expr: cellAt{fs, f.yearCol + t, f.cumulative}.in(sh), Value: y.CumulativeLocal}
	})
	grown := func(base cellAt, t int, v float64) Formula {
		return Formula{Expr: fmt.Sprintf(`IF(AND(%[1]s<>0,%[2]s>0),%[2]s*(1+%[3]s)^(%[4]s-%[1]s),"—")`,
			a.revYear.abs(sh), base.abs(sh), a.growth.abs(sh), yearCell(t)), Value: orDash(v)}
	}
	af.revenue = row("af.revenue", Money, func(t int, y budget.YearTotal) any { return grown(a.revenue, t, y.Revenue) })
	af.share = row("af.share", Percent2, func(t int, y budget.YearTotal) any {
		return Formula{Expr: fmt.Sprintf(`IF(ISNUMBER(%[1]s),%[2]s/%[1]s,"—")`, cell(af.yearCol+t, af.revenue), cell(af.yearCol+t, af.local)),
			Value: orDash(y.ShareOfRevenue)}
	})
	af.social = row("af.social", Money, func(t int, y budget.YearTotal) any { return grown(a.social, t, y.Social) })
	af.shareSocial = row("af.sharesocial", Percent, func(t int, y budget.YearTotal) any {
		return Formula{Expr: fmt.Sprintf(`IF(ISNUMBER(%[1]s),%[2]s/%[1]s,"—")`, cell(af.yearCol+t, af.social), cell(af.yearCol+t, af.local)),
			Value: orDash(y.ShareOfSocial)}
	})
	af.perResident = row("af.perresident", Decimal2, func(t int, y budget.YearTotal) any {
		return Formula{Expr: fmt.Sprintf(`IF(%[1]s>0,%[2]s/%[1]s,"—")`, a.population.abs(sh), cell(af.yearCol+t, af.local)),
			Value: orDash(y.PerResident)}
	})
	af.flag = row("af.flag", General, func(t int, y budget.YearTotal) any {
		v := "—"
		if w.in.Threshold > 0 && !math.IsNaN(y.ShareOfRevenue) {
			v = w.t("no")
			if y.OverThreshold {
				v = w.t("yes")
			}
		}
		s := cell(af.yearCol+t, af.share)
		return Formula{Expr: fmt.Sprintf(`IF(AND(%[1]s>0,ISNUMBER(%[2]s)),IF(%[2]s>%[1]s,"%[3]s","%[4]s"),"—")`,
			a.threshold.abs(sh), s, w.t("yes"), w.t("no")), Value: v}
	})
	for t := range n {
		cell := a1Name(af.yearCol+t, af.flag)
		w.b.fail(w.b.f.SetCellStyle(sh, cell, cell, w.b.style(styleKey{kind: "right"})))
	}
	w.b.fail(w.b.f.SetConditionalFormat(sh, fmt.Sprintf("%s:%s", a1Name(af.yearCol, af.flag), a1Name(af.yearCol+n-1, af.flag)),
		[]excelize.ConditionalFormatOptions{{Type: "formula", Criteria: fmt.Sprintf(`%s="%s"`, a1Name(af.yearCol, af.flag), w.t("yes")),
			Format: w.b.condStyle("bad")}}))
}

// affordHorizon writes the totals over the horizon, undiscounted and
// discounted.
func (w *budgetWriter) affordHorizon(r *reportSheet) {
	sh, fs := r.sh, w.name[bsFunding]
	a, f, af, n := &w.as, &w.fu, &w.af, w.n
	r.heading(w.t("af.horizon", w.yearSpan()))
	h := w.r.Horizon
	pv := func(row int, v float64) Formula {
		years := cellRange{sh: sh, col1: af.yearCol, row1: af.header, col2: af.yearCol + n - 1, row2: af.header, absRows: true}.in(sh)
		vals := cellRange{sh: sh, col1: af.yearCol, row1: row, col2: af.yearCol + n - 1, row2: row}.in(sh)
		return Formula{Expr: fmt.Sprintf("SUMPRODUCT(%s/(1+%s)^(%s-%s))", vals, a.discount.abs(sh), years, a1Name(af.yearCol, af.header)), Value: v}
	}
	key := func(label string, v any, f0 Format) cellAt {
		w.label(r, 0, label, "")
		w.put(r, af.yearCol, v, f0, false)
		r.next++
		return cellAt{sh, af.yearCol, r.next - 1}
	}
	key(w.t("af.h.total"), Formula{Expr: cellAt{fs, f.totalCol, f.total}.in(sh), Value: h.Total}, Money)
	key(w.t("af.h.local"), Formula{Expr: cellAt{fs, f.totalCol, f.allLocal}.in(sh), Value: h.Local}, Money)
	af.totalPV = key(w.t("af.h.totalpv"), pv(af.total, h.TotalPV), Money)
	af.localPV = key(w.t("af.h.localpv"), pv(af.local, h.LocalPV), Money)
}

// unitCosts writes the Unit costs sheet: the start-up items spread over
// their life, and the cost per client of each service by year.
func (w *budgetWriter) unitCosts() {
	r := w.rep[bsUnit]
	r.title(w.t("uc.title", w.yearSpan()))
	r.line(w.t("uc.intro", w.in.FirstYear), "note")
	r.gap()
	eac := w.unitEAC(r)
	r.gap()
	w.unitPerClient(r, eac)
	w.pageSetup(r.sh, "")
}

// unitEAC writes the equivalent annual cost of every start-up item and
// returns the rows of the items.
func (w *budgetWriter) unitEAC(r *reportSheet) rowSpan {
	sh, as := r.sh, w.name[bsAssumptions]
	a, in := &w.as, w.in
	r.heading(w.t("uc.eac", in.FirstYear))
	w.header(r, []any{w.t("col.service"), w.t("col.item"), w.t("uc.col.cost"), w.t("uc.col.bought"), w.t("uc.col.life"), w.t("uc.col.eac")}, 2, 6)
	rate := a.capRate.abs(sh)
	items := r.block(func() {
		for _, s := range w.services {
			for j, st := range in.Startup {
				if st.Service != s.Code {
					continue
				}
				row := a.startup[j]
				w.put(r, 0, s.Code, TextFmt, false)
				w.label(r, 1, st.Item, "")
				w.put(r, 2, Formula{Expr: cellAt{as, a.yearCol, row}.abs(sh), Value: st.Amount}, Money, false)
				w.put(r, 3, Formula{Expr: cellAt{as, a.yearCol + 1, row}.abs(sh), Value: float64(st.Year)}, General, false)
				w.put(r, 4, Formula{Expr: cellAt{as, a.yearCol + 2, row}.abs(sh), Value: float64(st.Life)}, General, false)
				cost, life := a1Name(2, r.next), a1Name(4, r.next)
				w.put(r, 5, Formula{Expr: fmt.Sprintf("IF(%[1]s=0,%[2]s/%[3]s,%[2]s*%[1]s*(1+%[1]s)^%[3]s/((1+%[1]s)^%[3]s-1))", rate, cost, life),
					Value: budget.EAC(st.Amount, in.Params.CapitalRate, st.Life)}, Money, false)
				r.next++
			}
		}
	})
	if items.last < items.first {
		r.line(w.t("as.none"), "note")
	}
	return items
}

// unitPerClient writes the cost per client of every service by year;
// eac is the rows of the start-up items' equivalent annual cost.
func (w *budgetWriter) unitPerClient(r *reportSheet, eac rowSpan) {
	sh, cs := r.sh, w.name[bsCosts]
	a, c, in, n := &w.as, &w.co, w.in, w.n
	r.heading(w.t("uc.perclient"))
	header := r.next
	w.yearHeader(r, []string{w.t("col.service"), w.t("col.measure")})
	uc := map[string][]budget.UnitCost{}
	for _, u := range w.r.UnitCosts {
		uc[u.Service] = append(uc[u.Service], u)
	}
	startupLabel := w.kindLabel(budget.KindStartup)
	for _, s := range w.services {
		us := uc[s.Code]
		r.line(fmt.Sprintf("%s %s (%s)", s.Code, w.serviceName(s.Code), w.serviceUnit(s.Code)), "group")
		rows := map[string]int{}
		row := func(key string, f0 Format, v func(t int) any) {
			w.put(r, 0, s.Code, TextFmt, false)
			label := w.t(key)
			if key == "uc.constant" {
				label = w.t(key, in.FirstYear)
			}
			w.label(r, 1, label, "")
			for t := range n {
				w.put(r, 2+t, v(t), f0, false)
			}
			rows[key] = r.next
			r.next++
		}
		col := func(t int) string { return ColumnName(2 + t) }
		f := Integer
		if !integral(s.Clients) {
			f = Decimal2
		}
		row("uc.clients", f, func(t int) any {
			return Formula{Expr: w.year(a.clients[s.Code], t).in(sh), Value: us[t].Clients}
		})
		row("uc.recurrent", Money, func(t int) any {
			return Formula{Expr: fmt.Sprintf(`SUMIFS(%s,%s,$A%d,%s,"<>%s")`, c.amounts(cs, c.yearCol+t).in(sh), c.column(cs, c.service).in(sh),
				r.next, c.kinds.in(sh), startupLabel), Value: us[t].Recurrent}
		})
		row("uc.capital", Money, func(t int) any {
			if eac.last < eac.first {
				return Formula{Expr: "0", Value: us[t].Capital}
			}
			items := func(col int) string { return eac.col(sh, col, true).in(sh) }
			return Formula{Expr: fmt.Sprintf(`SUMIFS(%s,%s,$A%d,%s,"<="&%s$%d)*%s`, items(5), items(0), r.next, items(3),
				col(t), header, w.year(a.cpiIndex, t).in(sh)), Value: us[t].Capital}
		})
		row("uc.total", Money, func(t int) any {
			return Formula{Expr: fmt.Sprintf("%s%d+%s%d", col(t), rows["uc.recurrent"], col(t), rows["uc.capital"]), Value: us[t].Total}
		})
		row("uc.nominal", Money, func(t int) any {
			return Formula{Expr: fmt.Sprintf(`IF(%[1]s%[2]d>0,%[1]s%[3]d/%[1]s%[2]d,"—")`, col(t), rows["uc.clients"], rows["uc.total"]), Value: nanDash(us[t].PerClient)}
		})
		row("uc.constant", Money, func(t int) any {
			return Formula{Expr: fmt.Sprintf(`IF(ISNUMBER(%[1]s%[2]d),%[1]s%[2]d/%[3]s,"—")`, col(t), rows["uc.nominal"], w.year(a.cpiIndex, t).in(sh)),
				Value: nanDash(us[t].Constant)}
		})
	}
}

// nanDash is v, or a dash for NaN: what a formula returns when there is
// no value.
func nanDash(v float64) any {
	if math.IsNaN(v) {
		return "—"
	}
	return v
}

// pivot writes a sheet of the costs summed by a code: programme codes
// (kind "prog", the Costs column col) or economic codes ("kekv").
func (w *budgetWriter) pivot(r *reportSheet, pivots []budget.Pivot, col int, kind string) {
	sh, cs, fs := r.sh, w.name[bsCosts], w.name[bsFunding]
	c, f := &w.co, &w.fu
	n := w.n
	r.title(w.t("pv."+kind+".title", w.yearSpan()))
	r.line(w.t("pv.intro"), "note")
	if src := w.bg.CodeSources[map[string]string{"prog": "kpkvk", "kekv": "kekv"}[kind]]; !src.IsZero() {
		r.line(w.t("pv.source", src.In(w.lang)), "note")
	}
	r.gap()
	header := r.next
	w.yearHeader(r, []string{w.t("pv." + kind + ".code"), w.t("pv.name"), w.t("col.paidby")}, w.t("col.allyears"))
	fundCol := map[int]int{c.programme: f.programme, c.kekv: f.kekv}[col]
	for _, p := range pivots {
		for _, src := range []string{"all", "donor", "state", "local"} {
			v := map[string][]float64{"all": p.Amount, "donor": p.Donor, "state": p.State, "local": p.Local}[src]
			kind := ""
			if src == "all" {
				kind = "bold"
			}
			w.put(r, 0, p.Code, TextFmt, false)
			if src == "all" {
				w.label(r, 1, w.codeName(p.Code), kind)
			}
			w.put(r, 2, w.t("src."+src), General, false)
			for t := range n {
				var expr string
				if src == "all" {
					expr = fmt.Sprintf("SUMIFS(%s,%s,$A%d)", c.amounts(cs, c.yearCol+t).in(sh), c.column(cs, col).in(sh), r.next)
				} else {
					expr = fmt.Sprintf("SUMIFS(%s,%s,$A%d,%s,$C%d)", f.lineCol(fs, f.yearCol+t, false).in(sh), f.lineCol(fs, fundCol, true).in(sh), r.next,
						f.lineCol(fs, f.source, true).in(sh), r.next)
				}
				w.put(r, 3+t, Formula{Expr: expr, Value: v[t]}, Money, false)
			}
			w.put(r, 3+n, Formula{Expr: fmt.Sprintf("SUM(%s:%s)", a1Name(3, r.next), a1Name(2+n, r.next)), Value: sum(v)}, Money, false)
			r.next++
		}
	}
	if len(pivots) > 0 {
		w.b.fail(w.b.f.AutoFilter(sh, fmt.Sprintf("%s:%s", a1Name(0, header), a1Name(3+n, r.next-1)), nil))
	}
	w.freeze(sh, header)
	w.pageSetup(sh, fmt.Sprintf("$%d:$%d", header, header))
}
