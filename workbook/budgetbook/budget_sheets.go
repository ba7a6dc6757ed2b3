package budgetbook

import (
	"fmt"
	"strings"

	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/workbook"
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
	sh, as := r.Sheet, w.name[bsAssumptions]
	a := &w.as
	st := &w.st
	st.yearCol = 3
	st.fte, st.pay = map[[2]string]int{}, map[[2]string]int{}
	r.Title(w.t("st.title", w.yearSpan()))
	r.Line(w.t("st.intro", w.in.FirstYear), "note")
	r.Gap()
	st.header = r.Next
	w.yearHeader(r, []string{w.t("col.service"), w.t("col.post"), w.t("col.measure")})
	st.first = r.Next
	esv := cellAt{as, a.esv.col, a.esv.row}.abs(sh)
	for _, sc := range w.r.Staff {
		key := [2]string{sc.Service, sc.Post}
		pr := a.post[key]
		share := cellAt{as, a.yearCol, pr}.abs(sh)
		salary := cellAt{as, a.yearCol + 1, pr}.abs(sh)
		extra := cellAt{as, a.yearCol + 2, pr}.abs(sh)
		row := func(measure string, f workbook.Format, cell func(t int) workbook.Formula) int {
			w.put(r, 0, sc.Service, workbook.TextFmt, false)
			w.label(r, 1, w.typed(sc.Post, sc.PostEN), "")
			w.label(r, 2, measure, "")
			for t := range w.n {
				w.put(r, st.yearCol+t, cell(t), f, false)
			}
			r.Next++
			return r.Next - 1
		}
		st.fte[key] = row(w.t("st.fte"), workbook.Decimal2, func(t int) workbook.Formula {
			if pf, ok := a.postFTE[key]; ok {
				return workbook.Formula{Expr: w.year(pf, t).in(sh), Value: sc.FTE[t]}
			}
			return workbook.Formula{Expr: share + "*" + w.year(a.fte[sc.Service], t).in(sh), Value: sc.FTE[t]}
		})
		salaryRow := row(w.t("st.salary"), workbook.Money, func(t int) workbook.Formula {
			return workbook.Formula{Expr: salary + "*" + w.year(a.wageIndex, t).in(sh), Value: sc.Salary[t]}
		})
		months := func(t int) string {
			return a.minWage.Col(as, a.yearCol+t, false).In(sh)
		}
		row(w.t("st.floored"), workbook.Integer, func(t int) workbook.Formula {
			s := workbook.A1Name(st.yearCol+t, salaryRow)
			return workbook.Formula{Expr: fmt.Sprintf("SUMPRODUCT((%s>%s)*1)", months(t), s), Value: float64(sc.Floored[t])}
		})
		st.pay[key] = row(w.t("st.pay"), workbook.Money, func(t int) workbook.Formula {
			s, mw := workbook.A1Name(st.yearCol+t, salaryRow), months(t)
			return workbook.Formula{Expr: fmt.Sprintf("SUMPRODUCT((%[1]s>%[2]s)*%[1]s+(%[1]s<=%[2]s)*%[2]s)*(12+%[3]s)/12", mw, s, extra), Value: sc.Pay[t]}
		})
		row(w.t("st.employer"), workbook.Money, func(t int) workbook.Formula {
			return workbook.Formula{Expr: fmt.Sprintf("%s*(1+%s)", workbook.A1Name(st.yearCol+t, st.pay[key]), esv), Value: sc.Employer[t]}
		})
	}
	if len(w.r.Staff) == 0 {
		r.Line(w.t("st.none"), "note")
	}
	w.freeze(r.Sheet, st.header)
	w.pageSetup(r.Sheet, fmt.Sprintf("$%d:$%d", st.header, st.header))
}

// freeze freezes the rows down to the header row of a sheet.
func (w *budgetWriter) freeze(sh string, header int) {
	w.b.Fail(w.b.File.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: header,
		TopLeftCell: workbook.A1Name(0, header+1), ActivePane: "bottomLeft"}))
}

// costCells are the places of the Costs sheet.
type costCells struct {
	yearCol, totalCol         int
	service, programme, kind  int // columns
	kekv                      int
	header                    int              // the header row of the lines
	lines                     workbook.RowSpan // the cost lines
	lineRow                   []int            // the row of each of budget.Result.Lines
	staff, other, admin       int              // rows of the totals by kind
	recurrent, startup, total int
	kinds                     workbook.CellRange // the Line column of the lines
}

// amounts is the range of year t of the cost lines, rows absolute.
func (c *costCells) amounts(sh string, col int) workbook.CellRange {
	return c.lines.Col(sh, col, false)
}

// column is a column of the cost lines, absolute.
func (c *costCells) column(sh string, col int) workbook.CellRange { return c.lines.Col(sh, col, true) }

// costs writes the Costs sheet: every cost line by year, its formula
// made of the Assumptions and Staffing sheets, then the totals by kind.
func (w *budgetWriter) costs() {
	r := w.rep[bsCosts]
	sh, in := r.Sheet, w.in
	c := &w.co
	c.service, c.programme, c.kind, c.kekv = 0, 1, 2, 4
	c.yearCol, c.totalCol = 5, 5+w.n
	r.Title(w.t("co.title", w.yearSpan()))
	r.Line(w.t("co.intro", in.FirstYear), "note")
	r.Gap()
	c.header = r.Next
	w.yearHeader(r, []string{w.t("col.service"), w.t("col.programme"), w.t("col.line"), w.t("col.item"), w.t("col.kekv")},
		w.t("col.allyears"))
	lines := w.r.Lines
	c.lines = r.Block(func() {
		for _, s := range w.services {
			lines = w.costService(r, s, lines)
		}
	})
	if len(w.r.Lines) > 0 {
		w.b.Fail(w.b.File.AutoFilter(sh, fmt.Sprintf("%s:%s", workbook.A1Name(0, c.header), workbook.A1Name(c.totalCol, c.lines.Last)), nil))
	}
	c.kinds = c.column(sh, c.kind)
	w.costTotals(r)
	w.freeze(sh, c.header)
	w.pageSetup(sh, fmt.Sprintf("$%d:$%d", c.header, c.header))
}

// costLine writes cost line l, its amount of year t amount(t), and the
// sum of the years.
func (w *budgetWriter) costLine(r *workbook.ReportSheet, l budget.Line, amount func(t int) any) {
	c := &w.co
	w.put(r, c.service, l.Service, workbook.TextFmt, false)
	w.put(r, c.programme, l.Programme, workbook.TextFmt, false)
	w.put(r, c.kind, w.kindLabel(l.Kind), workbook.General, false)
	item := w.typed(l.Item, l.ItemEN)
	if l.Kind == budget.KindAdmin {
		item = w.t("co.admin")
	}
	w.label(r, 3, item, "")
	w.put(r, c.kekv, l.KEKV, workbook.TextFmt, false)
	for t := range w.n {
		w.put(r, c.yearCol+t, amount(t), workbook.Money, false)
	}
	w.put(r, c.totalCol, workbook.Formula{Expr: fmt.Sprintf("SUM(%s:%s)", workbook.A1Name(c.yearCol, r.Next), workbook.A1Name(c.totalCol-1, r.Next)),
		Value: workbook.Sum(l.Amount)}, workbook.Money, false)
	c.lineRow = append(c.lineRow, r.Next)
	r.Next++
}

// costService writes the cost lines of service s, the first of lines
// onwards, in the order budget made them: wages and ЄСВ of each post,
// the other costs, admin, the start-up items. It returns the lines after
// them.
func (w *budgetWriter) costService(r *workbook.ReportSheet, s budget.Service, lines []budget.Line) []budget.Line {
	sh, as, ss := r.Sheet, w.name[bsAssumptions], w.name[bsStaffing]
	a, in, c := &w.as, w.in, &w.co
	esv := a.esv.abs(sh)
	// line writes the next line of s.
	line := func(amount func(l budget.Line, t int) any) {
		l := lines[0]
		lines = lines[1:]
		w.costLine(r, l, func(t int) any { return amount(l, t) })
	}
	// The FTE of the service's posts, for a fixed cost's "the service runs".
	var postFTE []int
	direct := r.Block(func() {
		for _, p := range in.Posts {
			if p.Service != s.Code {
				continue
			}
			key := [2]string{s.Code, p.Post}
			postFTE = append(postFTE, w.st.fte[key])
			line(func(l budget.Line, t int) any {
				return workbook.Formula{Expr: fmt.Sprintf("%s*%s", cellAt{ss, w.st.yearCol + t, w.st.fte[key]}.in(sh),
					cellAt{ss, w.st.yearCol + t, w.st.pay[key]}.in(sh)), Value: l.Amount[t]}
			})
			wages := r.Next - 1
			line(func(l budget.Line, t int) any {
				return workbook.Formula{Expr: fmt.Sprintf("%s*%s", workbook.A1Name(c.yearCol+t, wages), esv), Value: l.Amount[t]}
			})
		}
		for j, o := range in.Other {
			if o.Service != s.Code {
				continue
			}
			amount := cellAt{as, a.yearCol + 1, a.other[j]}.abs(sh)
			line(func(l budget.Line, t int) any {
				idx := w.year(a.cpiIndex, t).in(sh)
				if o.Basis == budget.PerClient {
					return workbook.Formula{Expr: fmt.Sprintf("%s*%s*%s", amount, w.year(a.clients[s.Code], t).in(sh), idx), Value: l.Amount[t]}
				}
				runs := []string{w.year(a.clients[s.Code], t).in(sh) + ">0", w.year(a.fte[s.Code], t).in(sh) + ">0"}
				for _, row := range postFTE {
					runs = append(runs, cellAt{ss, w.st.yearCol + t, row}.in(sh)+">0")
				}
				return workbook.Formula{Expr: fmt.Sprintf("IF(OR(%s),%s*%s,0)", strings.Join(runs, ","), amount, idx), Value: l.Amount[t]}
			})
		}
	})
	line(func(l budget.Line, t int) any {
		if direct.Last < direct.First {
			return 0.0
		}
		return workbook.Formula{Expr: fmt.Sprintf("%s*SUM(%s:%s)", a.admin.abs(sh), workbook.A1Name(c.yearCol+t, direct.First), workbook.A1Name(c.yearCol+t, direct.Last)), Value: l.Amount[t]}
	})
	for j, st := range in.Startup {
		if st.Service != s.Code {
			continue
		}
		row := a.startup[j]
		amount := cellAt{as, a.yearCol, row}.abs(sh)
		bought := cellAt{as, a.yearCol + 1, row}.abs(sh)
		life := cellAt{as, a.yearCol + 2, row}.abs(sh)
		line(func(l budget.Line, t int) any {
			year := workbook.ColumnName(c.yearCol+t) + "$" + fmt.Sprint(c.header)
			return workbook.Formula{Expr: fmt.Sprintf("IF(AND(%[1]s-%[2]s>=0,MOD(%[1]s-%[2]s,%[3]s)=0),%[4]s*%[5]s,0)",
				year, bought, life, amount, w.year(a.cpiIndex, t).in(sh)), Value: l.Amount[t]}
		})
	}
	return lines
}

// costTotals writes the totals of the cost lines by kind.
func (w *budgetWriter) costTotals(r *workbook.ReportSheet) {
	sh, c := r.Sheet, &w.co
	r.Gap()
	r.Heading(w.t("co.totals"))
	byKind := func(t int, kinds ...budget.LineKind) string {
		var terms []string
		for _, k := range kinds {
			terms = append(terms, fmt.Sprintf(`SUMIFS(%s,%s,"%s")`, c.amounts(sh, c.yearCol+t).In(sh), c.kinds.In(sh), w.kindLabel(k)))
		}
		return strings.Join(terms, "+")
	}
	total := func(key string, v func(y budget.YearTotal) float64, expr func(t int) string) int {
		w.spanLabel(r, 0, c.yearCol-1, w.t(key), "bold")
		var all float64
		for t, y := range w.r.Totals {
			w.put(r, c.yearCol+t, workbook.Formula{Expr: expr(t), Value: v(y)}, workbook.Money, false)
			all += v(y)
		}
		w.put(r, c.totalCol, workbook.Formula{Expr: fmt.Sprintf("SUM(%s:%s)", workbook.A1Name(c.yearCol, r.Next), workbook.A1Name(c.totalCol-1, r.Next)), Value: all}, workbook.Money, false)
		r.Next++
		return r.Next - 1
	}
	c.staff = total("co.staff", func(y budget.YearTotal) float64 { return y.Staff }, func(t int) string { return byKind(t, budget.KindWages, budget.KindESV) })
	c.other = total("co.other", func(y budget.YearTotal) float64 { return y.Other }, func(t int) string { return byKind(t, budget.KindOther) })
	c.admin = total("co.admintotal", func(y budget.YearTotal) float64 { return y.Admin }, func(t int) string { return byKind(t, budget.KindAdmin) })
	c.recurrent = total("co.recurrent", func(y budget.YearTotal) float64 { return y.Recurrent }, func(t int) string {
		col := workbook.ColumnName(c.yearCol + t)
		return fmt.Sprintf("%s%d+%s%d+%s%d", col, c.staff, col, c.other, col, c.admin)
	})
	c.startup = total("co.startup", func(y budget.YearTotal) float64 { return y.Startup }, func(t int) string { return byKind(t, budget.KindStartup) })
	c.total = total("co.total", func(y budget.YearTotal) float64 { return y.Total }, func(t int) string {
		col := workbook.ColumnName(c.yearCol + t)
		return fmt.Sprintf("%s%d+%s%d", col, c.recurrent, col, c.startup)
	})
}
