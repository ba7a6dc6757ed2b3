package budgetbook

import (
	"fmt"

	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/workbook"
)

// assumptionCells are the places of the inputs on the Assumptions sheet,
// which every formula of the workbook refers to.
type assumptionCells struct {
	yearCol int // column of the first year, and of the first value of a row

	esv, admin, capRate, discount    cellAt
	revYear, revenue, social, growth cellAt
	population, threshold            cellAt
	cpiRate, cpiIndex                int // rows, a value a year
	wageRate, wageIndex              int
	minWage                          workbook.RowSpan  // rows of the months, January to December
	clients, fte                     map[string]int    // rows by service
	postFTE                          map[[2]string]int // rows by service and post, where the plan splits FTE by post
	post                             map[[2]string]int // rows by service and post: share, salary, extra months
	other, startup                   map[int]int       // rows by index of Input.Other and Input.Startup
	schedules                        []string          // schedule keys in order: "" for the default, else a service code
	donor, state, capAmount          map[string]int    // rows by schedule key
	start, over                      map[string]cellAt // a linear schedule's start share and years
	scheduleOf                       map[string]string // schedule key by service code
	scheduleKind                     map[string]budget.ScheduleKind
}

// year is the cell of year t in row of the Assumptions sheet.
func (w *budgetWriter) year(row, t int) cellAt {
	return cellAt{w.name[bsAssumptions], w.as.yearCol + t, row}
}

// srcCol is the column of the sources on the Assumptions sheet, a narrow
// column after the values.
func (w *budgetWriter) srcCol() int { return w.as.yearCol + w.valueCols() + 1 }

// assumptions writes the Assumptions sheet: every input of the budget,
// in yellow cells, each with its unit and source.
func (w *budgetWriter) assumptions() {
	r := w.rep[bsAssumptions]
	in := w.in
	w.as.yearCol = 3
	r.Title(w.t("as.title", w.community(), w.yearSpan()))
	r.Line(w.t("as.intro", in.FirstYear), "note")
	r.Line(w.t("as.structure"), "note")
	w.assumptionParams(r)
	w.assumptionIndexes(r)
	w.assumptionMinimumWage(r)
	w.assumptionPlan(r)
	w.assumptionPosts(r)
	w.assumptionOther(r)
	w.assumptionStartup(r)
	w.schedules(r)
	if len(w.skipped()) > 0 {
		r.Gap()
		r.Line(w.t("as.skipped", joinList(w.skipped())), "note")
	}
	w.pageSetup(r.Sheet, "")
}

// assumptionParams writes the rates and parameters, one value each.
func (w *budgetWriter) assumptionParams(r *workbook.ReportSheet) {
	in, src, a, sc := w.in, w.bg.Sources, &w.as, w.srcCol()
	r.Gap()
	r.Heading(w.t("as.params"))
	w.header(r, w.assumptionHeader(w.t("as.col.param"), "", w.t("as.col.unit"), w.t("as.col.value")), a.yearCol, a.yearCol+1)
	param := func(key, unit string, v any, f workbook.Format, source string) cellAt {
		w.label(r, 0, w.t(key), "")
		w.put(r, 2, w.t(unit), workbook.General, false)
		w.put(r, a.yearCol, v, f, true)
		w.guard(r, a.yearCol, a.yearCol, unitRule(unit))
		w.label(r, sc, w.source(source), "note")
		c := cellAt{r.Sheet, a.yearCol, r.Next}
		r.Next++
		return c
	}
	p := in.Params
	a.esv = param("as.esv", "unit.share", p.ESV, workbook.Percent, src.ESV)
	a.admin = param("as.admin", "unit.share", p.Admin, workbook.Percent, src.Admin)
	kekv := p.AdminKEKV
	if kekv == "" {
		kekv = budget.KEKVAdmin
	}
	w.label(r, 0, w.t("as.adminkekv"), "")
	w.put(r, 2, w.t("unit.code"), workbook.General, false)
	w.put(r, a.yearCol, kekv, workbook.Integer, false) // a text, right-aligned as the values
	w.label(r, sc, w.t("as.adminkekv.note"), "note")
	r.Next++
	a.capRate = param("as.caprate", "unit.rate", p.CapitalRate, workbook.Percent, src.CapitalRate)
	a.discount = param("as.discount", "unit.rate", p.Discount, workbook.Percent, src.Discount)
	rev := in.Revenue
	var year any
	if rev.Year != 0 {
		year = rev.Year
	}
	a.revYear = param("as.revyear", "unit.year", year, workbook.General, src.Revenue)
	a.revenue = param("as.revenue", "unit.uah", rev.Revenue, workbook.Money, src.Revenue)
	a.social = param("as.social", "unit.uah", rev.Social, workbook.Money, src.Revenue)
	a.growth = param("as.growth", "unit.rate", rev.Growth, workbook.Percent, src.Revenue)
	a.population = param("as.population", "unit.residents", float64(in.Population), workbook.Integer, src.Population)
	a.threshold = param("as.threshold", "unit.share", in.Threshold, workbook.Percent2, src.Threshold)
}

// assumptionIndexes writes the price and wage rates by year and the
// indexes made of them.
func (w *budgetWriter) assumptionIndexes(r *workbook.ReportSheet) {
	in, src, a, sc := w.in, w.bg.Sources, &w.as, w.srcCol()
	r.Gap()
	r.Heading(w.t("as.indexes"))
	w.assumptionYears(r, []string{"", "", w.t("as.col.unit")}, w.blanks(w.valueCols()-w.n+1, w.t("as.col.source"))...)
	rates := func(key string, v []float64, source string) int {
		w.label(r, 0, w.t(key), "")
		w.put(r, 2, w.t("unit.rate"), workbook.General, false)
		for t := range w.n {
			if t == 0 {
				w.put(r, a.yearCol, w.t("as.base"), workbook.Percent, false)
				continue
			}
			w.put(r, a.yearCol+t, budget.RateAt(v, t), workbook.Percent, true)
		}
		w.guard(r, a.yearCol+1, a.yearCol+w.n-1, rateRule)
		w.label(r, sc, w.source(source), "note")
		r.Next++
		return r.Next - 1
	}
	index := func(key string, rateRow int, v []float64) int {
		w.label(r, 0, w.t(key, in.FirstYear), "")
		w.put(r, 2, w.t("unit.index"), workbook.General, false)
		for t := range w.n {
			if t == 0 {
				w.put(r, a.yearCol, 1.0, workbook.Decimal4, false)
				continue
			}
			prev, g := w.year(r.Next, t-1), w.year(rateRow, t)
			w.put(r, a.yearCol+t, workbook.Formula{Expr: fmt.Sprintf("%s*(1+%s)", prev.in(r.Sheet), g.in(r.Sheet)), Value: v[t]}, workbook.Decimal4, false)
		}
		w.label(r, sc, w.t("as.index.note"), "note")
		r.Next++
		return r.Next - 1
	}
	p := in.Params
	a.cpiRate = rates("as.cpi", p.CPI, src.CPI)
	a.cpiIndex = index("as.cpiindex", a.cpiRate, w.r.CPIIndex)
	a.wageRate = rates("as.wagegrowth", p.WageGrowth, src.WageGrowth)
	a.wageIndex = index("as.wageindex", a.wageRate, w.r.WageIndex)
}

// assumptionMinimumWage writes the minimum wage, month by month.
func (w *budgetWriter) assumptionMinimumWage(r *workbook.ReportSheet) {
	src, a, sc := w.bg.Sources, &w.as, w.srcCol()
	r.Gap()
	r.Heading(w.t("as.minwage"))
	w.assumptionYears(r, []string{w.t("as.col.month"), "", w.t("as.col.unit")}, w.blanks(w.valueCols()-w.n+1, w.t("as.col.source"))...)
	a.minWage = r.Block(func() {
		for m := range 12 {
			w.label(r, 0, w.t(fmt.Sprintf("month.%d", m+1)), "")
			w.put(r, 2, w.t("unit.uahmonth"), workbook.General, false)
			for t := range w.n {
				w.put(r, a.yearCol+t, w.in.Params.MinimumWage[t][m], workbook.Money, true)
			}
			w.guard(r, a.yearCol, a.yearCol+w.n-1, amountRule)
			if m == 0 {
				w.label(r, sc, w.source(src.MinimumWage), "note")
			}
			r.Next++
		}
	})
	r.Line(w.t("as.minwage.note"), "note")
}

// assumptionPlan writes the plan: clients and staff by service.
func (w *budgetWriter) assumptionPlan(r *workbook.ReportSheet) {
	in, src, a, sc := w.in, w.bg.Sources, &w.as, w.srcCol()
	r.Gap()
	r.Heading(w.t("as.plan"))
	w.assumptionYears(r, []string{w.t("as.col.service"), w.t("as.col.code"), w.t("as.col.unit")}, w.blanks(w.valueCols()-w.n+1, w.t("as.col.source"))...)
	a.clients, a.fte, a.postFTE = map[string]int{}, map[string]int{}, map[[2]string]int{}
	first := true
	planRow := func(label, code, unit string, v []float64, f workbook.Format) int {
		w.label(r, 0, label, "")
		w.put(r, 1, code, workbook.TextFmt, false)
		w.put(r, 2, unit, workbook.General, false)
		for t := range w.n {
			w.put(r, a.yearCol+t, v[t], f, true)
		}
		w.guard(r, a.yearCol, a.yearCol+w.n-1, amountRule)
		if first {
			w.label(r, sc, w.source(src.Plan), "note")
			first = false
		}
		r.Next++
		return r.Next - 1
	}
	for _, s := range w.services {
		f := workbook.Integer
		if !workbook.Integral(s.Clients) {
			f = workbook.Decimal2
		}
		name := w.serviceName(s.Code)
		a.clients[s.Code] = planRow(w.t("as.clients", name), s.Code, w.serviceUnit(s.Code), s.Clients, f)
		a.fte[s.Code] = planRow(w.t("as.fte", name), s.Code, w.t("unit.fte"), s.FTE, workbook.Decimal2)
		for _, post := range in.Posts {
			if v, ok := s.PostFTE[post.Post]; ok && post.Service == s.Code {
				a.postFTE[[2]string{s.Code, post.Post}] = planRow(w.t("as.postfte", name, w.typed(post.Post, post.PostEN)), s.Code, w.t("unit.fte"), v, workbook.Decimal2)
			}
		}
	}
}

// assumptionPosts writes the posts of every service: share, salary and
// extra months.
func (w *budgetWriter) assumptionPosts(r *workbook.ReportSheet) {
	in, src, a, sc := w.in, w.bg.Sources, &w.as, w.srcCol()
	r.Gap()
	r.Heading(w.t("as.posts", in.FirstYear))
	w.header(r, w.assumptionHeader(w.t("as.col.post"), w.t("as.col.service"), "",
		w.t("as.col.share"), w.t("as.col.salary", in.FirstYear), w.t("as.col.extra")), a.yearCol, a.yearCol+3)
	a.post = map[[2]string]int{}
	first := true
	for _, s := range w.services {
		for _, post := range in.Posts {
			if post.Service != s.Code {
				continue
			}
			w.label(r, 0, w.typed(post.Post, post.PostEN), "")
			w.put(r, 1, s.Code, workbook.TextFmt, false)
			_, byPost := s.PostFTE[post.Post]
			w.put(r, a.yearCol, post.Share, workbook.Decimal2, !byPost)
			w.put(r, a.yearCol+1, post.Salary, workbook.Money, true)
			w.put(r, a.yearCol+2, post.ExtraMonths, workbook.Decimal2, true)
			if !byPost {
				w.guard(r, a.yearCol, a.yearCol, shareRule)
			}
			w.guard(r, a.yearCol+1, a.yearCol+2, amountRule)
			switch {
			case byPost:
				w.label(r, sc, w.t("as.share.byplan"), "note")
			case first:
				w.label(r, sc, w.source(src.Posts), "note")
			}
			first = false
			a.post[[2]string{s.Code, post.Post}] = r.Next
			r.Next++
		}
	}
}

// assumptionOther writes the other direct costs.
func (w *budgetWriter) assumptionOther(r *workbook.ReportSheet) {
	in, src, a := w.in, w.bg.Sources, &w.as
	r.Gap()
	r.Heading(w.t("as.other", in.FirstYear))
	w.header(r, w.assumptionHeader(w.t("as.col.item"), w.t("as.col.service"), w.t("as.col.kekv"),
		w.t("as.col.basis"), w.t("as.col.amount")), a.yearCol+1, a.yearCol+2)
	a.other = w.itemRows(r, len(in.Other), func(i int) (string, string, string) {
		o := in.Other[i]
		return o.Service, w.typed(o.Item, o.ItemEN), o.KEKV
	}, func(i int) {
		o := in.Other[i]
		w.put(r, a.yearCol, w.t("basis."+string(o.Basis)), workbook.General, false)
		w.put(r, a.yearCol+1, o.Amount, workbook.Money, true)
		w.guard(r, a.yearCol+1, a.yearCol+1, amountRule)
	}, src.Other)
}

// assumptionStartup writes the start-up items.
func (w *budgetWriter) assumptionStartup(r *workbook.ReportSheet) {
	in, src, a := w.in, w.bg.Sources, &w.as
	r.Gap()
	r.Heading(w.t("as.startup", in.FirstYear))
	w.header(r, w.assumptionHeader(w.t("as.col.item"), w.t("as.col.service"), w.t("as.col.kekv"),
		w.t("as.col.cost"), w.t("as.col.bought"), w.t("as.col.life")), a.yearCol, a.yearCol+3)
	a.startup = w.itemRows(r, len(in.Startup), func(i int) (string, string, string) {
		st := in.Startup[i]
		return st.Service, w.typed(st.Item, st.ItemEN), st.KEKV
	}, func(i int) {
		st := in.Startup[i]
		w.put(r, a.yearCol, st.Amount, workbook.Money, true)
		w.put(r, a.yearCol+1, st.Year, workbook.General, true)
		w.put(r, a.yearCol+2, st.Life, workbook.General, true)
		w.guard(r, a.yearCol, a.yearCol, amountRule)
		w.guard(r, a.yearCol+1, a.yearCol+1, yearRule)
		w.guard(r, a.yearCol+2, a.yearCol+2, lifeRule)
	}, src.Startup)
}

// itemRows writes n input items of the services, service by service:
// item(i) gives the service, name and economic code of item i, and values
// writes its values; the first row notes the source. With no item of a
// service in the plan, a line says so. It returns the row of each item
// written, by its index.
func (w *budgetWriter) itemRows(r *workbook.ReportSheet, n int, item func(i int) (service, name, kekv string), values func(i int), source string) map[int]int {
	rows := map[int]int{}
	for _, s := range w.services {
		for i := range n {
			service, name, kekv := item(i)
			if service != s.Code {
				continue
			}
			w.label(r, 0, name, "")
			w.put(r, 1, s.Code, workbook.TextFmt, false)
			w.put(r, 2, kekv, workbook.TextFmt, false)
			values(i)
			if len(rows) == 0 {
				w.label(r, w.srcCol(), w.source(source), "note")
			}
			rows[i] = r.Next
			r.Next++
		}
	}
	if len(rows) == 0 {
		r.Line(w.t("as.none"), "note")
	}
	return rows
}

// schedules writes the funding schedules: the default one and each
// service's own, their kind and their rows ([budgetWriter.schedule]).
func (w *budgetWriter) schedules(r *workbook.ReportSheet) {
	a, in := &w.as, w.in
	a.scheduleOf, a.scheduleKind = map[string]string{}, map[string]budget.ScheduleKind{}
	a.donor, a.state, a.capAmount = map[string]int{}, map[string]int{}, map[string]int{}
	a.start, a.over = map[string]cellAt{}, map[string]cellAt{}
	var usesDefault []string
	for _, s := range w.services {
		if _, own := in.Funding.Services[s.Code]; own {
			a.scheduleOf[s.Code] = s.Code
			a.schedules = append(a.schedules, s.Code)
			continue
		}
		a.scheduleOf[s.Code] = ""
		usesDefault = append(usesDefault, s.Code)
	}
	if len(usesDefault) > 0 {
		a.schedules = append([]string{""}, a.schedules...)
	}
	r.Gap()
	r.Heading(w.t("as.funding"))
	w.assumptionYears(r, []string{"", "", w.t("as.col.unit")}, w.blanks(w.valueCols()-w.n+1, w.t("as.col.source"))...)
	first := true
	for _, key := range a.schedules {
		sch := in.Funding.Default
		title := w.t("as.sched.default", joinList(usesDefault))
		if key != "" {
			sch = in.Funding.Services[key]
			title = w.t("as.sched.service", key, w.serviceName(key))
		}
		kind := sch.Kind
		if kind == "" {
			kind = budget.Explicit
		}
		a.scheduleKind[key] = kind
		r.Line(title+": "+w.t("sched."+string(kind)), "group")
		w.schedule(r, key, sch, kind, &first)
	}
	r.Line(w.t("as.funding.note"), "note")
}

// schedule writes the rows of funding schedule key, of the given kind:
// the donor's shares (or its start and years, or its caps) and the
// state's shares by year. first is true until the source of the
// schedules is written, beside the first row.
func (w *budgetWriter) schedule(r *workbook.ReportSheet, key string, sch budget.Schedule, kind budget.ScheduleKind, first *bool) {
	a, src, sc := &w.as, w.bg.Sources, w.srcCol()
	row := func(label, unit string, v func(t int) any, f workbook.Format, input bool, note string) int {
		w.label(r, 0, label, "")
		w.put(r, 2, unit, workbook.General, false)
		for t := range w.n {
			w.put(r, a.yearCol+t, v(t), f, input)
		}
		if input {
			w.guard(r, a.yearCol, a.yearCol+w.n-1, w.scheduleRule(unit))
		}
		switch {
		case *first:
			w.label(r, sc, w.source(src.Funding), "note")
			*first = false
		case note != "":
			w.label(r, sc, note, "note")
		}
		r.Next++
		return r.Next - 1
	}
	switch kind {
	case budget.Linear:
		one := func(label, unit string, v any, f workbook.Format) cellAt {
			w.label(r, 0, label, "")
			w.put(r, 2, unit, workbook.General, false)
			w.put(r, a.yearCol, v, f, true)
			w.guard(r, a.yearCol, a.yearCol, w.scheduleRule(unit))
			if *first {
				w.label(r, sc, w.source(src.Funding), "note")
				*first = false
			}
			r.Next++
			return cellAt{r.Sheet, a.yearCol, r.Next - 1}
		}
		a.start[key] = one(w.t("as.sched.start"), w.t("unit.share"), sch.Start, workbook.Percent)
		a.over[key] = one(w.t("as.sched.over"), w.t("unit.years"), sch.Over, workbook.General)
		start, over := a.start[key], a.over[key]
		a.donor[key] = row(w.t("as.sched.linear"), w.t("unit.share"), func(t int) any {
			d, _, _ := sch.Shares(t, 0)
			return workbook.Formula{Expr: fmt.Sprintf("%s*MAX(0,1-%d/%s)", start.abs(r.Sheet), t, over.abs(r.Sheet)), Value: d}
		}, workbook.Percent, false, w.t("as.sched.linear.note"))
	case budget.Cap:
		a.capAmount[key] = row(w.t("as.sched.cap"), w.t("unit.uah"), func(t int) any { return workbook.At(sch.Cap, t) }, workbook.Money, true, w.t("as.sched.cap.note"))
	default:
		a.donor[key] = row(w.t("as.sched.donor"), w.t("unit.share"), func(t int) any { return workbook.At(sch.Donor, t) }, workbook.Percent, true, "")
	}
	a.state[key] = row(w.t("as.sched.state"), w.t("unit.share"), func(t int) any { return workbook.At(sch.State, t) }, workbook.Percent, true, "")
}

// assumptionHeader is a header row of the Assumptions sheet: the three
// label columns, the value columns, blank up to the source column.
func (w *budgetWriter) assumptionHeader(label, code, unit string, values ...string) []any {
	cells := []any{label, code, unit}
	for i := range w.valueCols() {
		s := ""
		if i < len(values) {
			s = values[i]
		}
		cells = append(cells, s)
	}
	return append(cells, "", w.t("as.col.source"))
}

// assumptionYears is a header row of the Assumptions sheet over a value a
// year: the label columns, the years, the source.
func (w *budgetWriter) assumptionYears(r *workbook.ReportSheet, before []string, after ...string) {
	w.header(r, w.yearCells(before, after), len(before), len(before)+w.n)
}

// blanks is n empty header texts, then the texts after.
func (w *budgetWriter) blanks(n int, after ...string) []string {
	out := make([]string, max(n, 0))
	return append(out, after...)
}

// scheduleRule is the validation of a funding schedule's input cell: a
// share 0–1 where the unit is a share, else a non-negative amount.
func (w *budgetWriter) scheduleRule(unit string) valRule {
	if unit == w.t("unit.share") {
		return shareRule
	}
	return amountRule
}
