package planbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// planCol is a column of a table sheet of the plan workbook: its key, the
// year of a per-year column (0 otherwise), number format, width (0
// fitted), whether its text wraps and whether a planner is expected to
// edit it.
type planCol struct {
	key    string
	year   int
	format workbook.Format
	width  float64
	wrap   bool
	input  bool
}

// gapColumns are the columns of the Gaps sheet; the header of each is its
// text "gap.<key>".
var gapColumns = []planCol{
	{key: "rank", format: workbook.Integer, width: 7},
	{key: "service_code", format: workbook.TextFmt, width: 9},
	{key: "service_name", width: 34, wrap: true},
	{key: "unit", width: 9},
	{key: "action", width: 14},
	{key: "demand", format: workbook.Integer, width: 10},
	{key: "demand_low", format: workbook.Integer, width: 10, wrap: true},
	{key: "demand_upp", format: workbook.Integer, width: 10, wrap: true},
	{key: "basis", width: 22, wrap: true},
	{key: "uptake", format: workbook.Percent, width: 11, wrap: true},
	{key: "expected", format: workbook.Integer, width: 11, wrap: true},
	{key: "providers", format: workbook.Integer, width: 10},
	{key: "capacity", format: workbook.Integer, width: 13, wrap: true},
	{key: "clients", format: workbook.Integer, width: 10, wrap: true},
	{key: "gap", format: workbook.Integer, width: 9, wrap: true},
	{key: "gap_low", format: workbook.Integer, width: 9, wrap: true},
	{key: "gap_upp", format: workbook.Integer, width: 9, wrap: true},
	{key: "coverage", format: workbook.Percent, width: 11, wrap: true},
	{key: "target_coverage", format: workbook.Percent, width: 11, wrap: true},
	{key: "target", format: workbook.Integer, width: 10, wrap: true},
	{key: "target_gap", format: workbook.Integer, width: 10, wrap: true},
	{key: "score", format: workbook.Decimal1, width: 11, wrap: true},
	{key: "reasons", width: 40, wrap: true},
}

// actionHead and actionTail are the columns of the Actions sheet before
// and after its per-year columns (clients_YYYY, then fte_YYYY); the
// header of each is its text "act.<key>". docs/plan-workbook.md documents
// them: Read reads them by name.
var (
	actionHead = []planCol{
		{key: "rank", format: workbook.Integer, width: 8},
		{key: "service_code", format: workbook.TextFmt, width: 9},
		{key: "service_name", width: 32, wrap: true},
		{key: "action", width: 14},
		{key: "include", width: 11, input: true},
		{key: "planner_rank", format: workbook.Integer, width: 14, input: true},
		{key: "unit", width: 9},
		{key: "score", format: workbook.Decimal1, width: 11},
		{key: "demand", format: workbook.Integer, width: 10},
		{key: "capacity", format: workbook.Integer, width: 14},
		{key: "target", format: workbook.Integer, width: 10},
	}
	actionTail = []planCol{
		{key: "rationale", width: 60, wrap: true},
		{key: "providers", format: workbook.Integer, width: 10},
		{key: "existing_staff", format: workbook.Decimal2, width: 15},
		{key: "caseload", format: workbook.Decimal1, width: 16},
		{key: "min_staff", format: workbook.Decimal2, width: 11},
		{key: "fte_step", format: workbook.Decimal2, width: 8},
	}
)

// actionColumns are the columns of the Actions sheet of a plan over years.
func actionColumns(years []int) []planCol {
	cols := slices.Clone(actionHead)
	for _, y := range years {
		cols = append(cols, planCol{key: "clients", year: y, format: workbook.Integer, width: 11, input: true})
	}
	for _, y := range years {
		cols = append(cols, planCol{key: "fte", year: y, format: workbook.Decimal2, width: 9})
	}
	return append(cols, actionTail...)
}

// header is a column's header in lang: the text "<prefix>.<key>", with the
// year for a per-year column.
func (c planCol) header(lang hromada.Lang, prefix string) string {
	if c.year != 0 {
		return pt(lang, prefix+"."+c.key, c.year)
	}
	return pt(lang, prefix+"."+c.key)
}

// colIndex is the index of the column of key (and year) in cols; -1 when
// there is none.
func colIndex(cols []planCol, key string, year int) int {
	return slices.IndexFunc(cols, func(c planCol) bool { return c.key == key && c.year == year })
}

// sheetCols turns plan columns into the columns AddSheet writes.
func (w *planWriter) sheetCols(cols []planCol, prefix string) []workbook.Col {
	out := make([]workbook.Col, len(cols))
	for i, c := range cols {
		h := c.header(w.lang, prefix)
		width := c.width
		width = max(width, workbook.WordFitWidth(h, "header")) // bold headers wrap between words only
		out[i] = workbook.Col{Header: h, Format: c.format, Width: width, Wrap: c.wrap, Input: c.input}
	}
	return out
}

// cond adds conditional formats to a range of a sheet.
func (w *planWriter) cond(sh, ref string, rules ...excelize.ConditionalFormatOptions) {
	w.b.Fail(w.b.File.SetConditionalFormat(sh, ref, rules))
}

// formulaRule is a conditional format that applies style kind where the
// formula, written for the range's top-left cell, is true.
func (w *planWriter) formulaRule(formula, kind string) excelize.ConditionalFormatOptions {
	return excelize.ConditionalFormatOptions{Type: "formula", Criteria: formula, Format: w.b.CondStyle(kind)}
}

// columnRef is the range of column col (from 0), rows from to to.
func columnRef(col, from, to int) string {
	return fmt.Sprintf("%s%d:%s%d", workbook.ColumnName(col), from, workbook.ColumnName(col), to)
}

// actionColours colour an action column by its value: create red, enhance
// amber, sufficient green, more data needed grey.
func (w *planWriter) actionColours(sh string, col, from, to int) {
	c := workbook.ColumnName(col)
	rule := func(a plan.Action, kind string) excelize.ConditionalFormatOptions {
		return w.formulaRule(fmt.Sprintf(`$%s%d=%q`, c, from, w.action(a)), kind)
	}
	w.cond(sh, columnRef(col, from, to), rule(plan.Create, "bad"), rule(plan.Enhance, "caution"),
		rule(plan.Sufficient, "good"), rule(plan.MoreData, "quiet"))
}

// gapsSheet writes the Gaps sheet: every service, demand against capacity.
func (w *planWriter) gapsSheet() {
	var rows [][]any
	for _, sp := range w.r.Services {
		demand := any(sp.Demand)
		if !sp.Known {
			demand = w.t("gap.unknown")
		}
		rows = append(rows, []any{
			float64(sp.Rank), sp.Service.Code, w.serviceName(sp.Service), workbook.UnitPlural(w.lang, sp.Service.Unit), w.action(sp.Action),
			demand, sp.DemandLow, sp.DemandHigh, w.basis(sp), sp.Uptake, sp.Expected, float64(sp.Providers), sp.Capacity, sp.Clients,
			sp.Gap, sp.GapLow, sp.GapHigh, sp.Coverage, sp.TargetCoverage, sp.Target, sp.TargetGap, sp.Score,
			w.reasons(sp),
		})
	}
	name := w.t("sheet.gaps")
	w.b.AddSheet(workbook.Sheet{Name: name, Columns: w.sheetCols(gapColumns, "gap"), Rows: rows, Filter: true})
	w.fitRows(name, gapColumns, rows)
	w.indent(name, colIndex(gapColumns, "reasons", 0), len(rows))
	w.codeIndent(name, colIndex(gapColumns, "service_code", 0), len(rows))
	if n := len(rows); n > 0 {
		last := n + 1
		col := func(key string) int { return colIndex(gapColumns, key, 0) }
		// The unknown demand is a word in a number column, wrapped in it (AddSheet
		// made its row high enough).
		for i, sp := range w.r.Services {
			if !sp.Known {
				cell := workbook.A1Name(col("demand"), i+2)
				w.b.Fail(w.b.File.SetCellStyle(name, cell, cell, w.b.Style(workbook.StyleKey{Kind: "right", Wrap: true})))
			}
		}
		for _, key := range []string{"gap", "gap_low", "gap_upp", "target_gap"} {
			c := workbook.ColumnName(col(key))
			w.cond(name, columnRef(col(key), 2, last), w.formulaRule(fmt.Sprintf("AND(ISNUMBER(%s2),%s2>0)", c, c), "bad"))
		}
		cov, tgt := workbook.ColumnName(col("coverage")), workbook.ColumnName(col("target_coverage"))
		w.cond(name, columnRef(col("coverage"), 2, last),
			w.formulaRule(fmt.Sprintf("AND(ISNUMBER(%s2),%s2<$%s2)", cov, cov, tgt), "caution"),
			w.formulaRule(fmt.Sprintf("AND(ISNUMBER(%s2),%s2>=$%s2)", cov, cov, tgt), "good"))
		w.actionColours(name, col("action"), 2, last)
		w.topRule(name, fmt.Sprintf("A2:%s%d", workbook.ColumnName(col("service_name")), last), workbook.ColumnName(col("action")))
		w.b.Fail(w.b.File.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: col("service_name") + 1, YSplit: 1,
			TopLeftCell: workbook.A1Name(col("service_name")+1, 2), ActivePane: "bottomRight"}))
	}
	w.pageSetup(name, "$1:$1")
}

// topRule highlights the first TopPriorities ranks (column A) of a table
// whose action, in column action, is to create or enhance.
func (w *planWriter) topRule(sh, ref, action string) {
	w.cond(sh, ref, w.formulaRule(fmt.Sprintf(`AND(ISNUMBER($A2),$A2<=%d,OR($%s2=%q,$%s2=%q))`,
		TopPriorities, action, w.action(plan.Create), action, w.action(plan.Enhance)), "top"))
}

// actionsSheet writes the Actions sheet, the one a planner edits and
// budget reads.
func (w *planWriter) actionsSheet() {
	years := w.years()
	cols := actionColumns(years)
	col := func(key string, year int) int { return colIndex(cols, key, year) }
	rows := w.actionRows(cols, years)
	name := w.t("sheet.actions")
	sc := w.sheetCols(cols, "act")
	yes, no := w.t("yes"), w.t("no")
	sc[col("include", 0)].List = []string{yes, no}
	sc[col("include", 0)].Note = w.t("act.note.include")
	w.b.AddSheet(workbook.Sheet{Name: name, Columns: sc, Rows: rows, Filter: true})
	w.fitRows(name, cols, rows)
	w.indent(name, col("rationale", 0), len(rows))
	w.codeIndent(name, col("service_code", 0), len(rows))
	if n := len(rows); n > 0 {
		w.actionRules(name, cols, sc, years, n+1)
	}
	w.pageSetup(name, "$1:$1")
}

// actionRows are the rows of the Actions sheet, one per action, in the
// columns cols: the FTE of each year a formula of the target clients and
// the row's norms.
func (w *planWriter) actionRows(cols []planCol, years []int) [][]any {
	col := func(key string, year int) int { return colIndex(cols, key, year) }
	ref := func(key string, year, row int) string { return workbook.A1Name(col(key, year), row) }
	abs := func(key string, row int) string { return "$" + workbook.ColumnName(col(key, 0)) + strconv.Itoa(row) }
	var rows [][]any
	for i, sp := range w.actions {
		r := i + 2
		include := w.t("yes")
		if sp.Action == plan.MoreData {
			include = w.t("no")
		}
		var plannerRank any
		if k, ok := w.p.Input.Rank[sp.Service.Code]; ok {
			plannerRank = float64(k)
		}
		row := []any{
			float64(sp.Rank), sp.Service.Code, w.serviceName(sp.Service), w.action(sp.Action), include, plannerRank,
			workbook.UnitPlural(w.lang, sp.Service.Unit), sp.Score, sp.Demand, sp.Capacity, sp.Target,
		}
		for k := range years {
			if k < len(sp.Years) {
				row = append(row, sp.Years[k].Clients)
			} else {
				row = append(row, nil)
			}
		}
		for k, y := range years {
			c := ref("clients", y, r)
			expr := fmt.Sprintf(`IF(%s="","",IF(OR(%s>0,%s>0),CEILING(MAX(0,MAX(%s,IF(%s>0,%s/%s,0))-1E-9),%s),0))`,
				c, c, abs("providers", r), abs("min_staff", r), c, c, abs("caseload", r), abs("fte_step", r))
			v := any("")
			if k < len(sp.Years) {
				v = sp.Years[k].FTE
			}
			row = append(row, workbook.Formula{Expr: expr, Value: v})
		}
		row = append(row, w.rationale(sp), float64(sp.Providers), existing(sp), sp.Service.Caseload, sp.Service.MinStaff, w.r.FTEStep)
		rows = append(rows, row)
	}
	return rows
}

// actionRules sets the checks and formats of the Actions sheet name, whose
// value rows end at row last: the planner's rank and the target clients
// validated and red when wrong, an action left out greyed, the action
// coloured, the FTE formulas shown as computed, and the panes frozen.
func (w *planWriter) actionRules(name string, cols []planCol, sc []workbook.Col, years []int, last int) {
	col := func(key string, year int) int { return colIndex(cols, key, year) }
	dv := func(ref, title, note string, t excelize.DataValidationType, o excelize.DataValidationOperator, v float64) {
		d := excelize.NewDataValidation(true)
		d.Sqref = ref
		w.b.Fail(d.SetRange(v, 0, t, o))
		d.SetError(excelize.DataValidationErrorStyleWarning, "", "")
		d.ShowErrorMessage = true
		d.SetInput(title, note)
		w.b.Fail(w.b.File.AddDataValidation(name, d))
	}
	dv(columnRef(col("planner_rank", 0), 2, last), sc[col("planner_rank", 0)].Header, w.t("act.note.rank"),
		excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual, 1)
	if len(years) > 0 {
		first, lastYear := col("clients", years[0]), col("clients", years[len(years)-1])
		dv(fmt.Sprintf("%s2:%s%d", workbook.ColumnName(first), workbook.ColumnName(lastYear), last), w.t("act.title.clients"), w.t("act.note.clients"),
			excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual, 0)
		// A word or a negative number in a target: red at once.
		c := workbook.ColumnName(first)
		w.cond(name, fmt.Sprintf("%s2:%s%d", c, workbook.ColumnName(lastYear), last),
			w.formulaRule(fmt.Sprintf("OR(ISTEXT(%s2),AND(ISNUMBER(%s2),%s2<0))", c, c, c), "bad"))
	}
	pr := workbook.ColumnName(col("planner_rank", 0))
	w.cond(name, columnRef(col("planner_rank", 0), 2, last),
		w.formulaRule(fmt.Sprintf("OR(ISTEXT(%s2),AND(ISNUMBER(%s2),OR(%s2<1,%s2<>INT(%s2))))", pr, pr, pr, pr, pr), "bad"))
	// An action left out is greyed, its name struck through.
	inc := "$" + workbook.ColumnName(col("include", 0)) + "2"
	out := fmt.Sprintf(`NOT(OR(LOWER(TRIM(%s))=%q,LOWER(TRIM(%s))=%q,LOWER(TRIM(%s))="true",TRIM(%s)="1"))`,
		inc, w.t("yes"), inc, planText["yes"].In(otherLang(w.lang)), inc, inc)
	w.cond(name, fmt.Sprintf("A2:%s%d", workbook.ColumnName(len(cols)-1), last), w.formulaRule(out, "quiet"))
	w.cond(name, columnRef(col("service_name", 0), 2, last), w.formulaRule(out, "muted"))
	w.actionColours(name, col("action", 0), 2, last)
	w.topRule(name, fmt.Sprintf("A2:%s%d", workbook.ColumnName(col("service_name", 0)), last), workbook.ColumnName(col("action", 0)))
	// Formulas are not input: their cells read as computed.
	if len(years) > 0 {
		from, to := col("fte", years[0]), col("fte", years[len(years)-1])
		w.b.Fail(w.b.File.SetCellStyle(name, workbook.A1Name(from, 2), workbook.A1Name(to, last), w.b.Style(workbook.StyleKey{Kind: "computed", Format: workbook.Decimal2})))
	}
	w.b.Fail(w.b.File.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: col("service_name", 0) + 1, YSplit: 1,
		TopLeftCell: workbook.A1Name(col("service_name", 0)+1, 2), ActivePane: "bottomRight"}))
}

// indent sets the text of column col of a table's n rows off from the
// numbers left of it.
func (w *planWriter) indent(sh string, col, n int) {
	if n > 0 {
		w.b.Fail(w.b.File.SetCellStyle(sh, workbook.A1Name(col, 2), workbook.A1Name(col, n+1), w.b.Style(workbook.StyleKey{Kind: "indent", Wrap: true})))
	}
}

// codeIndent sets the service codes of a table's n rows off from the
// rank left of them, so that "1" and "015.3" do not read as "1015.3".
func (w *planWriter) codeIndent(sh string, col, n int) {
	if n > 0 {
		w.b.Fail(w.b.File.SetCellStyle(sh, workbook.A1Name(col, 2), workbook.A1Name(col, n+1), w.b.Style(workbook.StyleKey{Kind: "indent", Format: workbook.TextFmt})))
	}
}

// otherLang is the other output language.
func otherLang(lang hromada.Lang) hromada.Lang {
	if lang == hromada.English {
		return hromada.Ukrainian
	}
	return hromada.English
}

// staffingSheet writes the Staffing sheet: staff in total, by post and by
// service, year by year, as planned.
func (w *planWriter) staffingSheet() {
	years := w.years()
	widths := []float64{52, 12}
	for range years {
		widths = append(widths, 10)
	}
	widths = append(widths, 4)
	rs := w.b.NewReport(w.t("sheet.staffing"), widths)
	rs.Title(w.t("st.title"))
	w.line(rs, w.t("st.asplanned"), "note")
	if len(years) == 0 {
		w.pageSetup(rs.Sheet, "")
		return
	}
	cols := w.yearCols(w.t("st.col.what"), years)
	w.staffTotals(rs, cols, years)
	w.staffByPost(rs, cols, years)
	w.staffByService(rs, cols, years)
	w.pageSetup(rs.Sheet, "")
}

// staffTotals writes the staff of all services, year by year, in the
// columns cols.
func (w *planWriter) staffTotals(rs *workbook.ReportSheet, cols []workbook.Col, years []int) {
	rs.Gap()
	rs.Heading(w.t("st.total"))
	w.header(rs, cols)
	w.staffTotalRows(rs, cols, years)
}

// postName returns the name of post of service code as the workbook
// shows it: its English name in an English workbook when the cost inputs
// give it, else the name as typed.
func (w *planWriter) postName(code, post string) string {
	return hromada.Text{UK: post, EN: w.p.Input.PostEN[code][post]}.In(w.lang)
}

// staffByPost writes the FTE of each post summed over the services, year
// by year; services without posts stand under "post not set".
func (w *planWriter) staffByPost(rs *workbook.ReportSheet, cols []workbook.Col, years []int) {
	rs.Gap()
	rs.Heading(w.t("st.posts"))
	var posts []string
	byPost := map[string][]float64{}
	add := func(post string, i int, v float64) {
		if _, ok := byPost[post]; !ok {
			posts = append(posts, post)
			byPost[post] = make([]float64, len(years))
		}
		byPost[post][i] += v
	}
	unset := w.t("st.post.unset")
	anyPosts := false
	for _, sp := range w.r.Services {
		for i, y := range sp.Years {
			if i >= len(years) {
				break
			}
			if len(y.Posts) == 0 {
				if y.FTE > 0 {
					add(unset, i, y.FTE)
				}
				continue
			}
			anyPosts = true
			for _, p := range y.Posts {
				add(w.postName(sp.Service.Code, p.Post), i, p.FTE)
			}
		}
	}
	if !anyPosts {
		w.line(rs, w.t("st.posts.none"), "note")
	} else {
		pcols := slices.Clone(cols)
		pcols[0] = workbook.Col{Header: w.t("st.col.post")}
		pcols[1] = workbook.Col{Header: ""}
		w.header(rs, pcols)
		for _, p := range posts {
			row := []any{p, nil}
			for _, v := range byPost[p] {
				row = append(row, v)
			}
			rs.Row(pcols, row)
		}
	}
}

// staffByService writes each service's FTE, split into its posts, its
// posts in the schedule and its new posts, year by year.
func (w *planWriter) staffByService(rs *workbook.ReportSheet, cols []workbook.Col, years []int) {
	rs.Gap()
	rs.Heading(w.t("st.services"))
	w.header(rs, cols)
	var unknown []string
	for _, sp := range w.r.Services {
		if sp.Years == nil {
			unknown = append(unknown, w.serviceName(sp.Service))
			continue
		}
		w.line(rs, fmt.Sprintf("%d. %s — %s", sp.Rank, w.serviceName(sp.Service), w.action(sp.Action)), "group")
		fte, staff, hire := []any{w.t("sum.staff.fte"), nil}, []any{w.t("sum.staff.staff"), existing(sp)}, []any{w.t("sum.staff.hires"), nil}
		var names []string
		perPost := map[string][]any{}
		for i, y := range sp.Years {
			if i >= len(years) {
				break
			}
			fte, staff, hire = append(fte, y.FTE), append(staff, y.Staff), append(hire, y.Hires)
			for _, p := range y.Posts {
				if _, ok := perPost[p.Post]; !ok {
					names = append(names, p.Post)
					perPost[p.Post] = []any{w.t("st.of", w.postName(sp.Service.Code, p.Post)), nil}
				}
				perPost[p.Post] = append(perPost[p.Post], p.FTE)
			}
		}
		rs.Row(cols, fte)
		for _, p := range names {
			rs.Row(cols, perPost[p])
		}
		rs.Row(cols, staff)
		rs.Row(cols, hire)
	}
	if len(unknown) > 0 {
		w.line(rs, w.t("st.unknown", strings.Join(unknown, "; ")), "note")
	}
}

// inventoryColumns are the columns of the Inventory sheet.
var inventoryColumns = []planCol{
	{key: "community", format: workbook.TextFmt, width: 22},
	{key: "provider", width: 36, wrap: true},
	{key: "service", format: workbook.TextFmt, width: 9},
	{key: "name", width: 32, wrap: true},
	{key: "capacity", format: workbook.Integer, width: 13, wrap: true},
	{key: "clients", format: workbook.Integer, width: 10, wrap: true},
	{key: "staff", format: workbook.Decimal2, width: 10, wrap: true},
	{key: "vacancies", format: workbook.Decimal2, width: 10, wrap: true},
	{key: "planned", width: 14, wrap: true},
	{key: "ref", width: 30, wrap: true},
}

// inventorySheet writes the providers as read.
func (w *planWriter) inventorySheet() {
	services := map[string]hromada.Service{}
	for _, sp := range w.r.Services {
		services[sp.Service.Code] = sp.Service
	}
	var rows [][]any
	for _, p := range w.p.Input.Providers {
		community := p.Community
		if community == "" {
			community = w.r.Community.Code
		}
		name, planned := "", w.t("yes")
		if s, ok := services[p.Service]; ok {
			name = w.serviceName(s)
		} else {
			planned = w.t("inv.unplanned")
		}
		rows = append(rows, []any{community, p.Name, p.Service, name, p.Capacity, p.Clients, p.StaffFTE, p.Vacancies, planned, p.Ref})
	}
	cols := w.sheetCols(inventoryColumns, "inv")
	name := w.t("sheet.inventory")
	sheet := workbook.Sheet{Name: name, Columns: cols, Rows: rows, Filter: true}
	if len(rows) == 0 {
		sheet.Notes = []string{w.t("inv.none")}
	}
	w.b.AddSheet(sheet)
	w.fitRows(name, inventoryColumns, rows)
	w.pageSetup(name, "$1:$1")
}

// methodsSheet writes the Methods sheet: how every figure of the plan was
// made, and what budget reads.
func (w *planWriter) methodsSheet() {
	var p workbook.Paras
	w.gapParas(&p)
	w.normParas(&p)
	w.priorityParas(&p)
	w.sourceParas(&p)
	name := w.t("sheet.methods")
	w.b.AddText(name, w.t("m.title"), p)
	w.pageSetup(name, "")
}

// gapParas say how demand, capacity, the gap, the action and the targets
// are found.
func (w *planWriter) gapParas(p *workbook.Paras) {
	key := p.Key
	p.Heading(w.t("m.gap"))
	key(w.t("m.demand"), w.t("m.demand.text"))
	key(w.t("m.capacity"), w.t("m.capacity.text"))
	key(w.t("m.gapf"), w.t("m.gapf.text"))
	key(w.t("m.action"), w.t("m.action.text"))
	key(w.t("m.targets"), w.t("m.targets.text"))
	key(w.t("m.path"), w.t("m.path.text"))
	for _, sp := range w.r.Services {
		if sp.Years == nil || sp.Path == "" || (sp.Path == plan.Linear && sp.PathYears == w.r.Years) {
			continue
		}
		key(w.serviceName(sp.Service), w.t("m.path.service", sp.Service.Code, w.pathWords(sp)))
	}
	key(w.t("m.uptake"), w.t("m.uptake.text"))
	key(w.t("m.known"), w.t("m.known.text"))
	key(w.t("m.flags"), w.t("m.flags.text"))
}

// normParas say how staff is computed, and each service's norms with
// their source.
func (w *planWriter) normParas(p *workbook.Paras) {
	key := p.Key
	p.Heading(w.t("m.staff"))
	key(w.t("m.fte"), w.t("m.fte.text", w.fte(w.r.FTEStep)))
	key(w.t("m.schedule"), w.t("m.schedule.text"))
	key(w.t("m.posts"), w.t("m.posts.text"))

	p.Heading(w.t("m.norms"))
	for _, sp := range w.r.Services {
		s := sp.Service
		src := s.Plain.In(w.lang)
		if src == "" {
			src = s.Source
		}
		if src == "" {
			src = w.t("m.norm.nosource")
		}
		key(fmt.Sprintf("%s %s", s.Code, w.serviceName(s)),
			w.t("m.norm", workbook.FormatFTE(w.lang, s.Caseload), workbook.CountWord(w.lang, "client", s.Caseload),
				w.fte(s.MinStaff), workbook.CountWord(w.lang, "fte", s.MinStaff), workbook.FormatPercent(w.lang, sp.TargetCoverage), workbook.FormatPercent(w.lang, sp.Uptake), src))
	}

}

// priorityParas say how the actions are scored and ranked, and how a
// planner changes the plan.
func (w *planWriter) priorityParas(p *workbook.Paras) {
	key := p.Key
	p.Heading(w.t("m.priority"))
	key(w.t("m.score"), w.t("m.score.text", workbook.FormatFTE(w.lang, plan.ScaleScore), workbook.FormatFTE(w.lang, plan.BasicWeight), workbook.FormatFTE(w.lang, plan.MinimumPackageWeight)))
	if len(w.p.Input.Groups) == 0 {
		key(w.t("m.weights"), w.t("m.weights.none"))
	} else {
		var ws []string
		for _, g := range w.p.Input.Groups {
			ws = append(ws, w.t("m.weight", w.groupName(g.ID), workbook.FormatDecimal(w.lang, g.Vulnerability, 2)))
		}
		key(w.t("m.weights"), strings.Join(ws, "; "))
		for _, g := range w.p.Input.Groups {
			if src, ok := w.p.GroupSources[g.ID]; ok && !src.IsZero() {
				key(w.groupName(g.ID), src.In(w.lang))
			}
		}
	}
	key(w.t("m.rank"), w.t("m.rank.text"))

	p.Heading(w.t("m.edit"))
	key(w.t("m.edit.sheet"), w.t("m.edit.text"))
}

// sourceParas name the data sources, the warnings and the software.
func (w *planWriter) sourceParas(p *workbook.Paras) {
	key := p.Key
	p.Heading(w.t("m.sources"))
	if w.p.Assessment != "" {
		key(w.t("m.assessment"), fileName(w.p.Assessment))
	}
	if w.p.Inventory != "" {
		key(w.t("m.inventory"), fileName(w.p.Inventory))
	}
	if w.p.Catalogue != "" {
		key(w.t("m.catalogue"), w.p.Catalogue)
	}
	if n := len(w.r.Unplanned); n > 0 {
		key(w.t("m.unplanned"), w.t("m.unplanned.text", n))
	}
	if len(w.p.Warnings) > 0 {
		p.Heading(w.t("m.warnings"))
		for _, msg := range workbook.CapWarnings(w.p.Warnings, w.lang) {
			p.Text(msg)
		}
	}
	p.Heading(w.t("m.software"))
	key("hromada", w.t("m.software.text"))
}

// pathWords describes a service's path to its target: "linear over 3
// years", "ramp: 30 %, 60 %, 100 % of the target".
func (w *planWriter) pathWords(sp plan.ServicePlan) string {
	tg := w.p.Input.Targets[sp.Service.Code]
	switch sp.Path {
	case plan.Linear:
		return w.t("m.path.linear", sp.PathYears)
	case plan.Ramp:
		var shares []string
		for _, s := range tg.Ramp {
			shares = append(shares, workbook.FormatPercent(w.lang, s))
		}
		if len(shares) == 0 {
			return w.t("m.path.ramp", "—")
		}
		return w.t("m.path.ramp", strings.Join(shares, ", "))
	}
	return w.t("m.path.step")
}
