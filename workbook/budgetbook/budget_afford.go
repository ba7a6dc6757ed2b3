package budgetbook

import (
	"fmt"
	"math"

	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/workbook"
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
	sh, as := r.Sheet, w.name[bsAssumptions]
	w.af.yearCol = 1
	r.Title(w.t("af.title", w.yearSpan()))
	r.Line(w.t("af.intro"), "note")
	r.Gap()
	w.affordYears(r)
	r.Line(w.t("af.note"), "note")
	r.Gap()
	w.affordHorizon(r)
	r.Line(w.t("af.h.note", as), "note")
	w.pageSetup(sh, "")
}

// affordYears writes the local cost by year against revenue, social
// spending and population, and flags the years over the threshold.
func (w *budgetWriter) affordYears(r *workbook.ReportSheet) {
	sh, fs := r.Sheet, w.name[bsFunding]
	a, f, af, n := &w.as, &w.fu, &w.af, w.n
	af.header = r.Next
	w.yearHeader(r, []string{""})
	row := func(key string, f0 workbook.Format, v func(t int, y budget.YearTotal) any) int {
		w.label(r, 0, w.t(key), "")
		for t, y := range w.r.Totals {
			w.put(r, af.yearCol+t, v(t, y), f0, false)
		}
		r.Next++
		return r.Next - 1
	}
	cell := func(col, row int) string { return workbook.A1Name(col, row) }
	yearCell := func(t int) string { return workbook.ColumnName(af.yearCol+t) + "$" + fmt.Sprint(af.header) }
	orDash := func(x float64) any {
		if math.IsNaN(x) {
			return "—"
		}
		return x
	}
	af.total = row("af.total", workbook.Money, func(t int, y budget.YearTotal) any {
		return workbook.Formula{Expr: cellAt{fs, f.yearCol + t, f.total}.in(sh), Value: y.Total}
	})
	af.local = row("af.local", workbook.Money, func(t int, y budget.YearTotal) any {
		return workbook.Formula{Expr: cellAt{fs, f.yearCol + t, f.allLocal}.in(sh), Value: y.Local}
	})
	af.cumulative = row("af.cumulative", workbook.Money, func(t int, y budget.YearTotal) any {
		return workbook.Formula{Expr: cellAt{fs, f.yearCol + t, f.cumulative}.in(sh), Value: y.CumulativeLocal}
	})
	grown := func(base cellAt, t int, v float64) workbook.Formula {
		return workbook.Formula{Expr: fmt.Sprintf(`IF(AND(%[1]s<>0,%[2]s>0),%[2]s*(1+%[3]s)^(%[4]s-%[1]s),"—")`,
			a.revYear.abs(sh), base.abs(sh), a.growth.abs(sh), yearCell(t)), Value: orDash(v)}
	}
	af.revenue = row("af.revenue", workbook.Money, func(t int, y budget.YearTotal) any { return grown(a.revenue, t, y.Revenue) })
	af.share = row("af.share", workbook.Percent2, func(t int, y budget.YearTotal) any {
		return workbook.Formula{Expr: fmt.Sprintf(`IF(ISNUMBER(%[1]s),%[2]s/%[1]s,"—")`, cell(af.yearCol+t, af.revenue), cell(af.yearCol+t, af.local)),
			Value: orDash(y.ShareOfRevenue)}
	})
	af.social = row("af.social", workbook.Money, func(t int, y budget.YearTotal) any { return grown(a.social, t, y.Social) })
	af.shareSocial = row("af.sharesocial", workbook.Percent, func(t int, y budget.YearTotal) any {
		return workbook.Formula{Expr: fmt.Sprintf(`IF(ISNUMBER(%[1]s),%[2]s/%[1]s,"—")`, cell(af.yearCol+t, af.social), cell(af.yearCol+t, af.local)),
			Value: orDash(y.ShareOfSocial)}
	})
	af.perResident = row("af.perresident", workbook.Decimal2, func(t int, y budget.YearTotal) any {
		return workbook.Formula{Expr: fmt.Sprintf(`IF(%[1]s>0,%[2]s/%[1]s,"—")`, a.population.abs(sh), cell(af.yearCol+t, af.local)),
			Value: orDash(y.PerResident)}
	})
	af.flag = row("af.flag", workbook.General, func(t int, y budget.YearTotal) any {
		v := "—"
		if w.in.Threshold > 0 && !math.IsNaN(y.ShareOfRevenue) {
			v = w.t("no")
			if y.OverThreshold {
				v = w.t("yes")
			}
		}
		s := cell(af.yearCol+t, af.share)
		return workbook.Formula{Expr: fmt.Sprintf(`IF(AND(%[1]s>0,ISNUMBER(%[2]s)),IF(%[2]s>%[1]s,"%[3]s","%[4]s"),"—")`,
			a.threshold.abs(sh), s, w.t("yes"), w.t("no")), Value: v}
	})
	for t := range n {
		cell := workbook.A1Name(af.yearCol+t, af.flag)
		w.b.Fail(w.b.File.SetCellStyle(sh, cell, cell, w.b.Style(workbook.StyleKey{Kind: "right"})))
	}
	w.b.Fail(w.b.File.SetConditionalFormat(sh, fmt.Sprintf("%s:%s", workbook.A1Name(af.yearCol, af.flag), workbook.A1Name(af.yearCol+n-1, af.flag)),
		[]excelize.ConditionalFormatOptions{{Type: "formula", Criteria: fmt.Sprintf(`%s="%s"`, workbook.A1Name(af.yearCol, af.flag), w.t("yes")),
			Format: w.b.CondStyle("bad")}}))
}

// affordHorizon writes the totals over the horizon, undiscounted and
// discounted.
func (w *budgetWriter) affordHorizon(r *workbook.ReportSheet) {
	sh, fs := r.Sheet, w.name[bsFunding]
	a, f, af, n := &w.as, &w.fu, &w.af, w.n
	r.Heading(w.t("af.horizon", w.yearSpan()))
	h := w.r.Horizon
	pv := func(row int, v float64) workbook.Formula {
		years := workbook.CellRange{Sheet: sh, Col1: af.yearCol, Row1: af.header, Col2: af.yearCol + n - 1, Row2: af.header, AbsRows: true}.In(sh)
		vals := workbook.CellRange{Sheet: sh, Col1: af.yearCol, Row1: row, Col2: af.yearCol + n - 1, Row2: row}.In(sh)
		return workbook.Formula{Expr: fmt.Sprintf("SUMPRODUCT(%s/(1+%s)^(%s-%s))", vals, a.discount.abs(sh), years, workbook.A1Name(af.yearCol, af.header)), Value: v}
	}
	key := func(label string, v any, f0 workbook.Format) cellAt {
		w.label(r, 0, label, "")
		w.put(r, af.yearCol, v, f0, false)
		r.Next++
		return cellAt{sh, af.yearCol, r.Next - 1}
	}
	key(w.t("af.h.total"), workbook.Formula{Expr: cellAt{fs, f.totalCol, f.total}.in(sh), Value: h.Total}, workbook.Money)
	key(w.t("af.h.local"), workbook.Formula{Expr: cellAt{fs, f.totalCol, f.allLocal}.in(sh), Value: h.Local}, workbook.Money)
	af.totalPV = key(w.t("af.h.totalpv"), pv(af.total, h.TotalPV), workbook.Money)
	af.localPV = key(w.t("af.h.localpv"), pv(af.local, h.LocalPV), workbook.Money)
}

// unitCosts writes the Unit costs sheet: the start-up items spread over
// their life, and the cost per client of each service by year.
func (w *budgetWriter) unitCosts() {
	r := w.rep[bsUnit]
	r.Title(w.t("uc.title", w.yearSpan()))
	r.Line(w.t("uc.intro", w.in.FirstYear), "note")
	r.Gap()
	eac := w.unitEAC(r)
	r.Gap()
	w.unitPerClient(r, eac)
	w.pageSetup(r.Sheet, "")
}

// unitEAC writes the equivalent annual cost of every start-up item and
// returns the rows of the items.
func (w *budgetWriter) unitEAC(r *workbook.ReportSheet) workbook.RowSpan {
	sh, as := r.Sheet, w.name[bsAssumptions]
	a, in := &w.as, w.in
	r.Heading(w.t("uc.eac", in.FirstYear))
	w.header(r, []any{w.t("col.service"), w.t("col.item"), w.t("uc.col.cost"), w.t("uc.col.bought"), w.t("uc.col.life"), w.t("uc.col.eac")}, 2, 6)
	rate := a.capRate.abs(sh)
	items := r.Block(func() {
		for _, s := range w.services {
			for j, st := range in.Startup {
				if st.Service != s.Code {
					continue
				}
				row := a.startup[j]
				w.put(r, 0, s.Code, workbook.TextFmt, false)
				w.label(r, 1, w.typed(st.Item, st.ItemEN), "")
				w.put(r, 2, workbook.Formula{Expr: cellAt{as, a.yearCol, row}.abs(sh), Value: st.Amount}, workbook.Money, false)
				w.put(r, 3, workbook.Formula{Expr: cellAt{as, a.yearCol + 1, row}.abs(sh), Value: float64(st.Year)}, workbook.General, false)
				w.put(r, 4, workbook.Formula{Expr: cellAt{as, a.yearCol + 2, row}.abs(sh), Value: float64(st.Life)}, workbook.General, false)
				cost, life := workbook.A1Name(2, r.Next), workbook.A1Name(4, r.Next)
				w.put(r, 5, workbook.Formula{Expr: fmt.Sprintf("IF(%[1]s=0,%[2]s/%[3]s,%[2]s*%[1]s*(1+%[1]s)^%[3]s/((1+%[1]s)^%[3]s-1))", rate, cost, life),
					Value: budget.EAC(st.Amount, in.Params.CapitalRate, st.Life)}, workbook.Money, false)
				r.Next++
			}
		}
	})
	if items.Last < items.First {
		r.Line(w.t("as.none"), "note")
	}
	return items
}

// unitPerClient writes the cost per client of every service by year;
// eac is the rows of the start-up items' equivalent annual cost.
func (w *budgetWriter) unitPerClient(r *workbook.ReportSheet, eac workbook.RowSpan) {
	sh, cs := r.Sheet, w.name[bsCosts]
	a, c, in, n := &w.as, &w.co, w.in, w.n
	r.Heading(w.t("uc.perclient"))
	header := r.Next
	w.yearHeader(r, []string{w.t("col.service"), w.t("col.measure")})
	uc := map[string][]budget.UnitCost{}
	for _, u := range w.r.UnitCosts {
		uc[u.Service] = append(uc[u.Service], u)
	}
	startupLabel := w.kindLabel(budget.KindStartup)
	for _, s := range w.services {
		us := uc[s.Code]
		r.Line(fmt.Sprintf("%s %s (%s)", s.Code, w.serviceName(s.Code), w.serviceUnit(s.Code)), "group")
		rows := map[string]int{}
		row := func(key string, f0 workbook.Format, v func(t int) any) {
			w.put(r, 0, s.Code, workbook.TextFmt, false)
			label := w.t(key)
			if key == "uc.constant" {
				label = w.t(key, in.FirstYear)
			}
			w.label(r, 1, label, "")
			for t := range n {
				w.put(r, 2+t, v(t), f0, false)
			}
			rows[key] = r.Next
			r.Next++
		}
		col := func(t int) string { return workbook.ColumnName(2 + t) }
		f := workbook.Integer
		if !workbook.Integral(s.Clients) {
			f = workbook.Decimal2
		}
		row("uc.clients", f, func(t int) any {
			return workbook.Formula{Expr: w.year(a.clients[s.Code], t).in(sh), Value: us[t].Clients}
		})
		row("uc.recurrent", workbook.Money, func(t int) any {
			return workbook.Formula{Expr: fmt.Sprintf(`SUMIFS(%s,%s,$A%d,%s,"<>%s")`, c.amounts(cs, c.yearCol+t).In(sh), c.column(cs, c.service).In(sh),
				r.Next, c.kinds.In(sh), startupLabel), Value: us[t].Recurrent}
		})
		row("uc.capital", workbook.Money, func(t int) any {
			if eac.Last < eac.First {
				return workbook.Formula{Expr: "0", Value: us[t].Capital}
			}
			items := func(col int) string { return eac.Col(sh, col, true).In(sh) }
			return workbook.Formula{Expr: fmt.Sprintf(`SUMIFS(%s,%s,$A%d,%s,"<="&%s$%d)*%s`, items(5), items(0), r.Next, items(3),
				col(t), header, w.year(a.cpiIndex, t).in(sh)), Value: us[t].Capital}
		})
		row("uc.total", workbook.Money, func(t int) any {
			return workbook.Formula{Expr: fmt.Sprintf("%s%d+%s%d", col(t), rows["uc.recurrent"], col(t), rows["uc.capital"]), Value: us[t].Total}
		})
		row("uc.nominal", workbook.Money, func(t int) any {
			return workbook.Formula{Expr: fmt.Sprintf(`IF(%[1]s%[2]d>0,%[1]s%[3]d/%[1]s%[2]d,"—")`, col(t), rows["uc.clients"], rows["uc.total"]), Value: nanDash(us[t].PerClient)}
		})
		row("uc.constant", workbook.Money, func(t int) any {
			return workbook.Formula{Expr: fmt.Sprintf(`IF(ISNUMBER(%[1]s%[2]d),%[1]s%[2]d/%[3]s,"—")`, col(t), rows["uc.nominal"], w.year(a.cpiIndex, t).in(sh)),
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
func (w *budgetWriter) pivot(r *workbook.ReportSheet, pivots []budget.Pivot, col int, kind string) {
	sh, cs, fs := r.Sheet, w.name[bsCosts], w.name[bsFunding]
	c, f := &w.co, &w.fu
	n := w.n
	r.Title(w.t("pv."+kind+".title", w.yearSpan()))
	r.Line(w.t("pv.intro"), "note")
	if src := w.bg.CodeSources[map[string]string{"prog": "kpkvk", "kekv": "kekv"}[kind]]; !src.IsZero() {
		r.Line(w.t("pv.source", src.In(w.lang)), "note")
	}
	r.Gap()
	header := r.Next
	w.yearHeader(r, []string{w.t("pv." + kind + ".code"), w.t("pv.name"), w.t("col.paidby")}, w.t("col.allyears"))
	fundCol := map[int]int{c.programme: f.programme, c.kekv: f.kekv}[col]
	for _, p := range pivots {
		for _, src := range []string{"all", "donor", "state", "local"} {
			v := map[string][]float64{"all": p.Amount, "donor": p.Donor, "state": p.State, "local": p.Local}[src]
			kind := ""
			if src == "all" {
				kind = "bold"
			}
			w.put(r, 0, p.Code, workbook.TextFmt, false)
			if src == "all" {
				w.label(r, 1, w.codeName(p.Code), kind)
			}
			w.put(r, 2, w.t("src."+src), workbook.General, false)
			for t := range n {
				var expr string
				if src == "all" {
					expr = fmt.Sprintf("SUMIFS(%s,%s,$A%d)", c.amounts(cs, c.yearCol+t).In(sh), c.column(cs, col).In(sh), r.Next)
				} else {
					expr = fmt.Sprintf("SUMIFS(%s,%s,$A%d,%s,$C%d)", f.lineCol(fs, f.yearCol+t, false).In(sh), f.lineCol(fs, fundCol, true).In(sh), r.Next,
						f.lineCol(fs, f.source, true).In(sh), r.Next)
				}
				w.put(r, 3+t, workbook.Formula{Expr: expr, Value: v[t]}, workbook.Money, false)
			}
			w.put(r, 3+n, workbook.Formula{Expr: fmt.Sprintf("SUM(%s:%s)", workbook.A1Name(3, r.Next), workbook.A1Name(2+n, r.Next)), Value: workbook.Sum(v)}, workbook.Money, false)
			r.Next++
		}
	}
	if len(pivots) > 0 {
		w.b.Fail(w.b.File.AutoFilter(sh, fmt.Sprintf("%s:%s", workbook.A1Name(0, header), workbook.A1Name(3+n, r.Next-1)), nil))
	}
	w.freeze(sh, header)
	w.pageSetup(sh, fmt.Sprintf("$%d:$%d", header, header))
}
