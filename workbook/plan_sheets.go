package workbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/plan"
	"github.com/xuri/excelize/v2"
)

// planCol is a column of a table sheet of the plan workbook: its key, the
// year of a per-year column (0 otherwise), number format, width (0
// fitted), whether its text wraps and whether a planner is expected to
// edit it.
type planCol struct {
	key    string
	year   int
	format Format
	width  float64
	wrap   bool
	input  bool
}

// gapColumns are the columns of the Gaps sheet; the header of each is its
// text "gap.<key>".
var gapColumns = []planCol{
	{key: "rank", format: Integer, width: 7},
	{key: "service_code", format: TextFmt, width: 9},
	{key: "service_name", width: 34, wrap: true},
	{key: "unit", width: 9},
	{key: "action", width: 14},
	{key: "demand", format: Integer, width: 10},
	{key: "demand_low", format: Integer, width: 10, wrap: true},
	{key: "demand_upp", format: Integer, width: 10, wrap: true},
	{key: "basis", width: 22, wrap: true},
	{key: "uptake", format: Percent, width: 11, wrap: true},
	{key: "expected", format: Integer, width: 11, wrap: true},
	{key: "providers", format: Integer, width: 10},
	{key: "capacity", format: Integer, width: 13, wrap: true},
	{key: "clients", format: Integer, width: 10, wrap: true},
	{key: "gap", format: Integer, width: 9, wrap: true},
	{key: "gap_low", format: Integer, width: 9, wrap: true},
	{key: "gap_upp", format: Integer, width: 9, wrap: true},
	{key: "coverage", format: Percent, width: 11, wrap: true},
	{key: "target_coverage", format: Percent, width: 11, wrap: true},
	{key: "target", format: Integer, width: 10, wrap: true},
	{key: "target_gap", format: Integer, width: 10, wrap: true},
	{key: "score", format: Decimal1, width: 11, wrap: true},
	{key: "reasons", width: 40, wrap: true},
}

// actionHead and actionTail are the columns of the Actions sheet before
// and after its per-year columns (clients_YYYY, then fte_YYYY); the
// header of each is its text "act.<key>". docs/plan-workbook.md documents
// them: ReadPlan reads them by name.
var (
	actionHead = []planCol{
		{key: "rank", format: Integer, width: 8},
		{key: "service_code", format: TextFmt, width: 9},
		{key: "service_name", width: 32, wrap: true},
		{key: "action", width: 14},
		{key: "include", width: 11, input: true},
		{key: "planner_rank", format: Integer, width: 14, input: true},
		{key: "unit", width: 9},
		{key: "score", format: Decimal1, width: 11},
		{key: "demand", format: Integer, width: 10},
		{key: "capacity", format: Integer, width: 14},
		{key: "target", format: Integer, width: 10},
	}
	actionTail = []planCol{
		{key: "rationale", width: 60, wrap: true},
		{key: "providers", format: Integer, width: 10},
		{key: "existing_staff", format: Decimal2, width: 15},
		{key: "caseload", format: Decimal1, width: 16},
		{key: "min_staff", format: Decimal2, width: 11},
		{key: "fte_step", format: Decimal2, width: 8},
	}
)

// actionColumns are the columns of the Actions sheet of a plan over years.
func actionColumns(years []int) []planCol {
	cols := slices.Clone(actionHead)
	for _, y := range years {
		cols = append(cols, planCol{key: "clients", year: y, format: Integer, width: 11, input: true})
	}
	for _, y := range years {
		cols = append(cols, planCol{key: "fte", year: y, format: Decimal2, width: 9})
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
func (w *planWriter) sheetCols(cols []planCol, prefix string) []Col {
	out := make([]Col, len(cols))
	for i, c := range cols {
		h := c.header(w.lang, prefix)
		width := c.width
		width = max(width, wordFitWidth(h, "header")) // bold headers wrap between words only
		out[i] = Col{Header: h, Format: c.format, Width: width, Wrap: c.wrap, Input: c.input}
	}
	return out
}

// cond adds conditional formats to a range of a sheet.
func (w *planWriter) cond(sh, ref string, rules ...excelize.ConditionalFormatOptions) {
	w.b.fail(w.b.f.SetConditionalFormat(sh, ref, rules))
}

// formulaRule is a conditional format that applies style kind where the
// formula, written for the range's top-left cell, is true.
func (w *planWriter) formulaRule(formula, kind string) excelize.ConditionalFormatOptions {
	return excelize.ConditionalFormatOptions{Type: "formula", Criteria: formula, Format: w.b.condStyle(kind)}
}

// columnRef is the range of column col (from 0), rows from to to.
func columnRef(col, from, to int) string {
	return fmt.Sprintf("%s%d:%s%d", ColumnName(col), from, ColumnName(col), to)
}

// actionColours colour an action column by its value: create red, enhance
// amber, sufficient green, more data needed grey.
func (w *planWriter) actionColours(sh string, col, from, to int) {
	c := ColumnName(col)
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
			float64(sp.Rank), sp.Service.Code, w.serviceName(sp.Service), unitPlural(w.lang, sp.Service.Unit), w.action(sp.Action),
			demand, sp.DemandLow, sp.DemandHigh, w.basis(sp), sp.Uptake, sp.Expected, float64(sp.Providers), sp.Capacity, sp.Clients,
			sp.Gap, sp.GapLow, sp.GapHigh, sp.Coverage, sp.TargetCoverage, sp.Target, sp.TargetGap, sp.Score,
			w.reasons(sp),
		})
	}
	name := w.t("sheet.gaps")
	w.b.AddSheet(Sheet{Name: name, Columns: w.sheetCols(gapColumns, "gap"), Rows: rows, Filter: true})
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
				cell := a1Name(col("demand"), i+2)
				w.b.fail(w.b.f.SetCellStyle(name, cell, cell, w.b.style(styleKey{kind: "right", wrap: true})))
			}
		}
		for _, key := range []string{"gap", "gap_low", "gap_upp", "target_gap"} {
			c := ColumnName(col(key))
			w.cond(name, columnRef(col(key), 2, last), w.formulaRule(fmt.Sprintf("AND(ISNUMBER(%s2),%s2>0)", c, c), "bad"))
		}
		cov, tgt := ColumnName(col("coverage")), ColumnName(col("target_coverage"))
		w.cond(name, columnRef(col("coverage"), 2, last),
			w.formulaRule(fmt.Sprintf("AND(ISNUMBER(%s2),%s2<$%s2)", cov, cov, tgt), "caution"),
			w.formulaRule(fmt.Sprintf("AND(ISNUMBER(%s2),%s2>=$%s2)", cov, cov, tgt), "good"))
		w.actionColours(name, col("action"), 2, last)
		w.topRule(name, fmt.Sprintf("A2:%s%d", ColumnName(col("service_name")), last), ColumnName(col("action")))
		w.b.fail(w.b.f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: col("service_name") + 1, YSplit: 1,
			TopLeftCell: a1Name(col("service_name")+1, 2), ActivePane: "bottomRight"}))
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
	ref := func(key string, year, row int) string { return a1Name(col(key, year), row) }
	abs := func(key string, row int) string { return "$" + ColumnName(col(key, 0)) + strconv.Itoa(row) }
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
			unitPlural(w.lang, sp.Service.Unit), sp.Score, sp.Demand, sp.Capacity, sp.Target,
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
			row = append(row, Formula{Expr: expr, Value: v})
		}
		row = append(row, w.rationale(sp), float64(sp.Providers), existing(sp), sp.Service.Caseload, sp.Service.MinStaff, w.r.FTEStep)
		rows = append(rows, row)
	}
	name := w.t("sheet.actions")
	sc := w.sheetCols(cols, "act")
	yes, no := w.t("yes"), w.t("no")
	sc[col("include", 0)].List = []string{yes, no}
	sc[col("include", 0)].Note = w.t("act.note.include")
	w.b.AddSheet(Sheet{Name: name, Columns: sc, Rows: rows, Filter: true})
	w.fitRows(name, cols, rows)
	w.indent(name, col("rationale", 0), len(rows))
	w.codeIndent(name, col("service_code", 0), len(rows))
	n := len(rows)
	if n > 0 {
		last := n + 1
		dv := func(ref, title, note string, t excelize.DataValidationType, o excelize.DataValidationOperator, v float64) {
			d := excelize.NewDataValidation(true)
			d.Sqref = ref
			w.b.fail(d.SetRange(v, 0, t, o))
			d.SetError(excelize.DataValidationErrorStyleWarning, "", "")
			d.ShowErrorMessage = true
			d.SetInput(title, note)
			w.b.fail(w.b.f.AddDataValidation(name, d))
		}
		dv(columnRef(col("planner_rank", 0), 2, last), sc[col("planner_rank", 0)].Header, w.t("act.note.rank"),
			excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual, 1)
		if len(years) > 0 {
			first, lastYear := col("clients", years[0]), col("clients", years[len(years)-1])
			dv(fmt.Sprintf("%s2:%s%d", ColumnName(first), ColumnName(lastYear), last), w.t("act.title.clients"), w.t("act.note.clients"),
				excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual, 0)
			// A word or a negative number in a target: red at once.
			c := ColumnName(first)
			w.cond(name, fmt.Sprintf("%s2:%s%d", c, ColumnName(lastYear), last),
				w.formulaRule(fmt.Sprintf("OR(ISTEXT(%s2),AND(ISNUMBER(%s2),%s2<0))", c, c, c), "bad"))
		}
		pr := ColumnName(col("planner_rank", 0))
		w.cond(name, columnRef(col("planner_rank", 0), 2, last),
			w.formulaRule(fmt.Sprintf("OR(ISTEXT(%s2),AND(ISNUMBER(%s2),OR(%s2<1,%s2<>INT(%s2))))", pr, pr, pr, pr, pr), "bad"))
		// An action left out is greyed, its name struck through.
		inc := "$" + ColumnName(col("include", 0)) + "2"
		out := fmt.Sprintf(`NOT(OR(LOWER(TRIM(%s))=%q,LOWER(TRIM(%s))=%q,LOWER(TRIM(%s))="true",TRIM(%s)="1"))`,
			inc, w.t("yes"), inc, planText["yes"].In(otherLang(w.lang)), inc, inc)
		w.cond(name, fmt.Sprintf("A2:%s%d", ColumnName(len(cols)-1), last), w.formulaRule(out, "quiet"))
		w.cond(name, columnRef(col("service_name", 0), 2, last), w.formulaRule(out, "muted"))
		w.actionColours(name, col("action", 0), 2, last)
		w.topRule(name, fmt.Sprintf("A2:%s%d", ColumnName(col("service_name", 0)), last), ColumnName(col("action", 0)))
		// Formulas are not input: their cells read as computed.
		if len(years) > 0 {
			from, to := col("fte", years[0]), col("fte", years[len(years)-1])
			w.b.fail(w.b.f.SetCellStyle(name, a1Name(from, 2), a1Name(to, last), w.b.style(styleKey{kind: "computed", format: Decimal2})))
		}
		w.b.fail(w.b.f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: col("service_name", 0) + 1, YSplit: 1,
			TopLeftCell: a1Name(col("service_name", 0)+1, 2), ActivePane: "bottomRight"}))
	}
	w.pageSetup(name, "$1:$1")
}

// indent sets the text of column col of a table's n rows off from the
// numbers left of it.
func (w *planWriter) indent(sh string, col, n int) {
	if n > 0 {
		w.b.fail(w.b.f.SetCellStyle(sh, a1Name(col, 2), a1Name(col, n+1), w.b.style(styleKey{kind: "indent", wrap: true})))
	}
}

// codeIndent sets the service codes of a table's n rows off from the
// rank left of them, so that "1" and "015.3" do not read as "1015.3".
func (w *planWriter) codeIndent(sh string, col, n int) {
	if n > 0 {
		w.b.fail(w.b.f.SetCellStyle(sh, a1Name(col, 2), a1Name(col, n+1), w.b.style(styleKey{kind: "indent", format: TextFmt})))
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
	rs := w.b.newReport(w.t("sheet.staffing"), widths)
	rs.title(w.t("st.title"))
	w.line(rs, w.t("st.asplanned"), "note")
	if len(years) == 0 {
		w.pageSetup(rs.sh, "")
		return
	}
	cols := []Col{{Header: w.t("st.col.what")}, {Header: w.t("sum.col.existing", years[0]), Format: Decimal2}}
	for _, y := range years {
		cols = append(cols, Col{Header: strconv.Itoa(y), Format: Decimal2})
	}
	threeRows := func(fte, staff, hire []any) {
		rs.row(cols, fte)
		rs.row(cols, staff)
		rs.row(cols, hire)
	}

	rs.gap()
	rs.heading(w.t("st.total"))
	w.header(rs, cols)
	base := 0.0
	for _, sp := range w.r.Services {
		if sp.Years != nil {
			base += existing(sp)
		}
	}
	fte, staff, hire := []any{w.t("sum.staff.fte"), nil}, []any{w.t("sum.staff.staff"), base}, []any{w.t("sum.staff.hires"), nil}
	for i := range years {
		var yt plan.YearTotal
		if i < len(w.r.Summary.Years) {
			yt = w.r.Summary.Years[i]
		}
		fte, staff, hire = append(fte, yt.FTE), append(staff, yt.Staff), append(hire, yt.Hires)
	}
	threeRows(fte, staff, hire)

	// By post: the FTE of each post summed over the services; services
	// without posts under "post not set".
	rs.gap()
	rs.heading(w.t("st.posts"))
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
				add(p.Post, i, p.FTE)
			}
		}
	}
	if !anyPosts {
		w.line(rs, w.t("st.posts.none"), "note")
	} else {
		pcols := slices.Clone(cols)
		pcols[0] = Col{Header: w.t("st.col.post")}
		pcols[1] = Col{Header: ""}
		w.header(rs, pcols)
		for _, p := range posts {
			row := []any{p, nil}
			for _, v := range byPost[p] {
				row = append(row, v)
			}
			rs.row(pcols, row)
		}
	}

	rs.gap()
	rs.heading(w.t("st.services"))
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
					perPost[p.Post] = []any{w.t("st.of", p.Post), nil}
				}
				perPost[p.Post] = append(perPost[p.Post], p.FTE)
			}
		}
		rs.row(cols, fte)
		for _, p := range names {
			rs.row(cols, perPost[p])
		}
		rs.row(cols, staff)
		rs.row(cols, hire)
	}
	if len(unknown) > 0 {
		w.line(rs, w.t("st.unknown", strings.Join(unknown, "; ")), "note")
	}
	w.pageSetup(rs.sh, "")
}

// inventoryColumns are the columns of the Inventory sheet.
var inventoryColumns = []planCol{
	{key: "community", format: TextFmt, width: 22},
	{key: "provider", width: 36, wrap: true},
	{key: "service", format: TextFmt, width: 9},
	{key: "name", width: 32, wrap: true},
	{key: "capacity", format: Integer, width: 13, wrap: true},
	{key: "clients", format: Integer, width: 10, wrap: true},
	{key: "staff", format: Decimal2, width: 10, wrap: true},
	{key: "vacancies", format: Decimal2, width: 10, wrap: true},
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
	sheet := Sheet{Name: name, Columns: cols, Rows: rows, Filter: true}
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
	var p []Para
	key := func(k, text string) { p = append(p, Para{Key: k, Text: text}) }
	p = append(p, Para{Heading: w.t("m.gap")})
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

	p = append(p, Para{Heading: w.t("m.staff")})
	key(w.t("m.fte"), w.t("m.fte.text", w.fte(w.r.FTEStep)))
	key(w.t("m.schedule"), w.t("m.schedule.text"))
	key(w.t("m.posts"), w.t("m.posts.text"))

	p = append(p, Para{Heading: w.t("m.norms")})
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
			w.t("m.norm", formatFTE(w.lang, s.Caseload), countWord(w.lang, "client", s.Caseload),
				w.fte(s.MinStaff), countWord(w.lang, "fte", s.MinStaff), formatPercent(w.lang, sp.TargetCoverage), formatPercent(w.lang, sp.Uptake), src))
	}

	p = append(p, Para{Heading: w.t("m.priority")})
	key(w.t("m.score"), w.t("m.score.text", formatFTE(w.lang, plan.ScaleScore), formatFTE(w.lang, plan.BasicWeight), formatFTE(w.lang, plan.MinimumPackageWeight)))
	if len(w.p.Input.Groups) == 0 {
		key(w.t("m.weights"), w.t("m.weights.none"))
	} else {
		var ws []string
		for _, g := range w.p.Input.Groups {
			ws = append(ws, w.t("m.weight", w.groupName(g.ID), formatDecimal(w.lang, g.Vulnerability, 2)))
		}
		key(w.t("m.weights"), strings.Join(ws, "; "))
		for _, g := range w.p.Input.Groups {
			if src, ok := w.p.GroupSources[g.ID]; ok && !src.IsZero() {
				key(w.groupName(g.ID), src.In(w.lang))
			}
		}
	}
	key(w.t("m.rank"), w.t("m.rank.text"))

	p = append(p, Para{Heading: w.t("m.edit")})
	key(w.t("m.edit.sheet"), w.t("m.edit.text"))

	p = append(p, Para{Heading: w.t("m.sources")})
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
		p = append(p, Para{Heading: w.t("m.warnings")})
		for _, msg := range capWarnings(w.p.Warnings, w.lang) {
			p = append(p, Para{Text: msg})
		}
	}
	p = append(p, Para{Heading: w.t("m.software")})
	key("hromada", w.t("m.software.text"))

	name := w.t("sheet.methods")
	w.b.AddText(name, w.t("m.title"), p)
	w.pageSetup(name, "")
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
			shares = append(shares, formatPercent(w.lang, s))
		}
		if len(shares) == 0 {
			return w.t("m.path.ramp", "—")
		}
		return w.t("m.path.ramp", strings.Join(shares, ", "))
	}
	return w.t("m.path.step")
}
