package planbook

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/hromada-tool/hromada/kobo"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/workbook"
)

// PlanRead is the plan of one community as its workbook holds it — the
// Actions sheet as a planner left it — the way budget uses it.
type PlanRead struct {
	FirstYear int // the year of the first target-clients column
	Years     int // how many years have a target-clients column

	// Actions are the rows of the Actions sheet that could be read, in the
	// sheet's order: the included ones and those left out. budget costs
	// the ones with Include.
	Actions []PlanAction
}

// PlanAction is one row of the Actions sheet: a service to create or
// enhance (or whose demand was unknown), as the planner left it, with its
// staff recomputed from the target clients.
type PlanAction struct {
	Row    int          // row of the sheet, for messages
	Code   string       // classifier code of the service
	Name   string       // the service's name as written
	Unit   hromada.Unit // what a client is; "" when the cell is blank
	Action plan.Action  // as written; "" when blank or not a known word

	// Include is true when the row says yes: budget costs the action.
	Include bool
	// Rank is the plan's rank by score as written (0 when blank);
	// PlannerRank the planner's (0 when blank); Order the action's place
	// among the included actions, 1 first (0 when not included): the
	// planner's rank where given, the others filling the other places in
	// the order of Rank, as package plan ranks.
	Rank, PlannerRank, Order int

	// The norms of the row that staff is computed from.
	Providers int     // provider rows of the service now; above 0 the service runs already
	Existing  float64 // staff the providers have now, FTE, filled and vacant
	Caseload  float64 // clients one FTE serves in a year
	MinStaff  float64 // the least staff of a running service, FTE
	FTEStep   float64 // staff is rounded up to this step

	// Years holds, for each year of the plan, the target clients as
	// written and the staff they need, recomputed with [plan.Staff]: FTE,
	// the posts in the schedule (Staff, never cut) and the new posts
	// (Hires). Posts is nil: split FTE among post types with [plan.Split]
	// and the project's shares. Years is nil for a row left out whose
	// targets are blank (a service whose demand is unknown).
	Years []plan.Year
}

// actionSheetNames are the names the Actions sheet has in either language.
func actionSheetNames() []string {
	t := planText["sheet.actions"]
	return []string{t.UK, t.EN}
}

// actionHeaders maps a folded header of the Actions sheet to its column
// key: the key itself and its Ukrainian and English headers.
func actionHeaders() map[string]string {
	m := map[string]string{}
	for _, c := range slices.Concat(actionHead, actionTail) {
		t := planText["act."+c.key]
		for _, h := range []string{c.key, t.UK, t.EN} {
			m[workbook.HeaderKey(h)] = c.key
		}
	}
	return m
}

// yearHeader reads the header of a per-year column: "Target clients
// 2027", «Цільові клієнти 2027», "clients_2027" → "clients", 2027; "FTE
// 2027" → "fte", 2027. ok is false for any other header.
func yearHeader(h string) (key string, year int, ok bool) {
	k := workbook.HeaderKey(h)
	i := strings.LastIndexByte(k, ' ')
	if i < 0 {
		return "", 0, false
	}
	y, err := strconv.Atoi(k[i+1:])
	if err != nil || y < 1900 || y > 2200 || len(k)-i-1 != 4 {
		return "", 0, false
	}
	prefix := k[:i]
	for _, key := range []string{"clients", "fte"} {
		t := planText["act."+key]
		for _, p := range []string{key, t.UK, t.EN} {
			if workbook.HeaderKey(strings.Replace(p, "%d", "", 1)) == prefix {
				return key, y, true
			}
		}
	}
	return "", 0, false
}

// parseAction reads an action in either language or as its code.
func parseAction(s string) (plan.Action, bool) {
	k := workbook.HeaderKey(s)
	for _, a := range []plan.Action{plan.Create, plan.Enhance, plan.Sufficient, plan.MoreData} {
		t := workbook.ActionText[string(a)]
		if k == workbook.HeaderKey(string(a)) || k == workbook.HeaderKey(t.UK) || k == workbook.HeaderKey(t.EN) {
			return a, true
		}
	}
	// Plans written before "more data needed" said "unknown".
	if k == "unknown" || k == "невідомо" {
		return plan.MoreData, true
	}
	return "", false
}

// findSheet returns the sheet of f named one of names, in any case.
func findSheet(f *xlsx.File, names []string) string {
	for _, s := range f.Sheets() {
		for _, name := range names {
			if strings.EqualFold(strings.TrimSpace(s), name) {
				return s
			}
		}
	}
	return ""
}

// Read reads the Actions sheet of the plan workbook at path — "Actions"
// or «Дії» — as budget uses it, after a planner may have edited it in Excel
// (docs/plan-workbook.md). Columns are found by their header in Ukrainian
// or English or by their key, in any order. The rules:
//
//   - Include "yes" (так, 1, true) keeps an action, "no" drops it; a blank
//     is read as no, with a warning. A deleted row is a dropped action.
//   - The target clients of each year are read as typed; they must be
//     numbers, 0 or more, and an included row must have one every year.
//   - FTE, posts and new posts are recomputed from the clients with the
//     caseload, minimum staff, FTE step, providers and existing staff of
//     the same row, by [plan.Staff] — the rule the sheet's FTE formulas
//     show. A number typed over an FTE formula is not read: a warning
//     names the cell when it differs from the recomputed FTE.
//   - Planner's rank, a whole number from 1, puts an included action at
//     that place; the others fill the other places in the order of the
//     plan's rank (PlanAction.Order).
//
// Every cell it cannot use is a problem naming file, sheet and cell: a
// word where a number belongs, a negative number of clients, a service
// code that is not in the plan (the codes of the Gaps sheet), a service
// given twice. Rows with errors are left out; the others are returned.
// When the sheet or a required column is missing, the PlanRead is nil.
func Read(path string) (pr *PlanRead, ps hromada.Problems) {
	f, err := kobo.Open(path, xlsx.OpenOptions{})
	if err != nil {
		return nil, hromada.Problems{workbook.ProblemOf(err, path)}
	}
	defer workbook.CloseInto(f, path, &ps)
	sheet := findSheet(f, actionSheetNames())
	if sheet == "" {
		return nil, hromada.Problems{{
			Severity: hromada.Error, File: path,
			Msg:  hromada.T("у робочій книзі немає аркуша «%s» чи «%s»", "the workbook has no sheet %q or %q", actionSheetNames()[1], actionSheetNames()[0]),
			Hint: hromada.T("укажіть робочу книгу плану, яку записала hromada plan; budget читає її аркуш «Дії»", "give the plan workbook that hromada plan wrote; budget reads its Actions sheet"),
		}}
	}
	codes, cps := planCodes(f, path)
	ps = append(ps, cps...)

	t, err := f.Table(sheet)
	if err != nil {
		return nil, append(ps, workbook.ProblemOf(err, path))
	}
	defer workbook.CloseInto(t, path, &ps)

	ac, aps := findActionCols(t, path, sheet)
	if ps = append(ps, aps...); ps.Errors() > 0 {
		return nil, ps
	}
	col, years := ac.col, ac.years
	pr = &PlanRead{FirstYear: years[0], Years: len(years)}

	seen := map[string]int{}
	for t.Next() {
		a, rps := readAction(t, ac)
		bad := rps.Errors() > 0
		if a.Code != "" {
			switch first, dupl := seen[a.Code]; {
			case dupl:
				rps = append(rps, t.Problem(col["service_code"], hromada.T("послугу %s задано двічі, у рядках %d і %d", "service %s is given twice, in rows %d and %d", a.Code, first, a.Row),
					hromada.T("вилучіть один із рядків", "delete one of the rows")))
				bad = true
			case codes != nil && !codes[a.Code]:
				rps = append(rps, t.Problem(col["service_code"], hromada.T("коду послуги «%s» немає в плані", "service code %q is not in the plan", a.Code),
					hromada.T("коди аркуша «Розриви» — це послуги плану; виправте код або вилучіть рядок", "the codes of the Gaps sheet are the plan's services; correct the code or delete the row")))
				bad = true
			default:
				seen[a.Code] = a.Row
			}
		}
		ps = append(ps, rps...)
		if !bad {
			pr.Actions = append(pr.Actions, a)
		}
	}
	if err := t.Err(); err != nil {
		ps = append(ps, workbook.ProblemOf(err, path))
	}
	ps = append(ps, t.Problems()...)
	order(pr.Actions)
	return pr, ps
}

// actionCols are the columns of the Actions sheet of a plan read back,
// found by their headers.
type actionCols struct {
	col          map[string]int // the column of each key
	clients, fte map[int]int    // the column of each year's target clients and FTE
	years        []int          // the years of the target clients, in order
}

// findActionCols finds the columns of the Actions sheet by their headers. A
// column given twice, a required column missing, or years of target
// clients that do not follow one another are errors.
func findActionCols(t *xlsx.Table, path, sheet string) (actionCols, hromada.Problems) {
	var ps hromada.Problems
	headers := actionHeaders()
	ac := actionCols{col: map[string]int{}, clients: map[int]int{}, fte: map[int]int{}}
	col := ac.col
	dup := func(key string, j, i int) {
		ps = append(ps, hromada.Problem{Severity: hromada.Error, File: path, Sheet: sheet, Cell: t.HeaderRef(i),
			Msg:  hromada.T("стовпці %s і %s обидва — «%s»", "columns %s and %s are both %q", workbook.ColumnName(j), workbook.ColumnName(i), key),
			Hint: hromada.T("вилучіть або перейменуйте один із них", "delete or rename one of them")})
	}
	for i, h := range t.Header() {
		if key, year, ok := yearHeader(h); ok {
			m := ac.clients
			if key == "fte" {
				m = ac.fte
			}
			if j, seen := m[year]; seen {
				dup(fmt.Sprintf("%s_%d", key, year), j, i)
				continue
			}
			m[year] = i
			continue
		}
		key, ok := headers[workbook.HeaderKey(h)]
		if !ok {
			continue
		}
		if j, seen := col[key]; seen {
			dup(key, j, i)
			continue
		}
		col[key] = i
	}
	for _, key := range []string{"service_code", "include", "providers", "existing_staff", "caseload", "min_staff", "fte_step"} {
		if _, ok := col[key]; !ok {
			txt := planText["act."+key]
			ps = append(ps, hromada.Problem{Severity: hromada.Error, File: path, Sheet: sheet, Cell: "row 1",
				Msg:  hromada.T("немає стовпця «%[2]s» (%[1]q, %[3]q)", "no column %q (%q, %q)", txt.EN, txt.UK, key),
				Hint: hromada.T("на аркуші «Дії» мають лишатися код послуги, «Включити» і норми, з яких обчислюють персонал; скопіюйте стовпець назад із плану, як його записано", "the Actions sheet must keep the service code, Include and the norms staff is computed from; copy the column back from the plan as written")})
		}
	}
	ac.years = slices.Sorted(maps.Keys(ac.clients))
	return ac, append(ps, checkYears(ac.years, path, sheet)...)
}

// checkYears checks the years of the target clients: at least one, each
// the year after the one before.
func checkYears(years []int, path, sheet string) hromada.Problems {
	var ps hromada.Problems
	if len(years) == 0 {
		txt := planText["act.clients"]
		ps = append(ps, hromada.Problem{Severity: hromada.Error, File: path, Sheet: sheet, Cell: "row 1",
			Msg:  hromada.T("немає стовпців цільових клієнтів за роками («%[2]s», %[1]q)", "no column of target clients by year (%q, %q)", fmt.Sprintf(txt.EN, 2026), fmt.Sprintf(txt.UK, 2026)),
			Hint: hromada.T("на аркуші «Дії» має лишатися стовпець цільових клієнтів для кожного року плану", "the Actions sheet must keep a target-clients column for every year of the plan")})
	}
	for k := 1; k < len(years); k++ {
		if years[k] != years[k-1]+1 {
			ps = append(ps, hromada.Problem{Severity: hromada.Error, File: path, Sheet: sheet, Cell: "row 1",
				Msg:  hromada.T("є цільові клієнти на %d і %d роки, але не на %d", "there are target clients for %d and %d but not for %d", years[k-1], years[k], years[k-1]+1),
				Hint: hromada.T("роки плану йдуть один за одним; додайте стовпець пропущеного року", "the years of the plan follow one another; add the missing year's column")})
			break
		}
	}
	return ps
}

// actionReader reads the current row of the Actions sheet, with the
// problems of the cells it cannot use.
type actionReader struct {
	t  *xlsx.Table
	ac actionCols
	ps hromada.Problems
}

// problem is an error in column c.
func (r *actionReader) problem(c int, msg, hint hromada.Text) {
	r.ps = append(r.ps, r.t.Problem(c, msg, hint))
}

// warn is a warning about column c.
func (r *actionReader) warn(c int, msg, hint hromada.Text) {
	p := r.t.Problem(c, msg, hint)
	p.Severity = hromada.Warning
	r.ps = append(r.ps, p)
}

// text is the text of the cell of key; "" when there is no such column.
func (r *actionReader) text(key string) string {
	c, ok := r.ac.col[key]
	if !ok {
		return ""
	}
	s, err := r.t.Text(c)
	if err != nil {
		r.ps = append(r.ps, workbook.ProblemOf(err, r.t.File().Path()))
	}
	return s
}

// number reads a number cell; NaN when blank or not a number (then a
// problem says which).
func (r *actionReader) number(c int) float64 {
	v, ok, err := r.t.Number(c)
	if err != nil {
		var ie *xlsx.InputError
		if errors.As(err, &ie) {
			p := ie.Problem
			p.Severity = hromada.Error
			p.Msg = hromada.T("%s (стовпець %q)", "%s (column %q)", p.Msg, r.t.Header()[c])
			r.ps = append(r.ps, p)
		} else {
			r.problem(c, hromada.ErrText(err), hromada.Text{})
		}
		return math.NaN()
	}
	if !ok {
		return math.NaN()
	}
	return v
}

// norm reads a number the row's staff is computed from: 0 or more.
func (r *actionReader) norm(key string) float64 {
	c := r.ac.col[key]
	v := r.number(c)
	switch {
	case math.IsNaN(v) && r.t.Row()[c] == "":
		r.problem(c, hromada.T("клітинка стовпця «%s» порожня", "%q is blank", r.t.Header()[c]), hromada.T("з неї обчислюють персонал; скопіюйте її назад із плану, як його записано", "staff is computed from it; copy it back from the plan as written"))
	case v < 0:
		r.problem(c, hromada.T("«%s» — %s; має бути від 0", "%q is %s; it must be 0 or more", r.t.Header()[c], hromada.Number(v, 6)), hromada.Text{})
	}
	return v
}

// whole reads a whole number from from; 0 when blank or wrong.
func (r *actionReader) whole(key string, from int) int {
	c, ok := r.ac.col[key]
	if !ok {
		return 0
	}
	v := r.number(c)
	if math.IsNaN(v) {
		return 0
	}
	if v != math.Trunc(v) || v < float64(from) {
		r.problem(c, hromada.T("«%s» — %s; має бути ціле число від %d", "%q is %s; it must be a whole number from %d", r.t.Header()[c], hromada.Number(v, 6), from), hromada.Text{})
		return 0
	}
	return int(v)
}

// readAction reads the current row of the Actions sheet.
func readAction(t *xlsx.Table, ac actionCols) (PlanAction, hromada.Problems) {
	r := &actionReader{t: t, ac: ac}
	a := PlanAction{Row: t.Line()}
	r.cells(&a)
	clients, blank := r.clients(a.Include)
	if r.ps.Errors() > 0 || blank == len(ac.years) && !a.Include {
		return a, r.ps
	}
	if blank > 0 {
		return a, r.ps // left out, some years blank: nothing to compute
	}
	r.staff(&a, clients)
	return a, r.ps
}

// cells reads the row's cells but the target clients and FTE into a.
func (r *actionReader) cells(a *PlanAction) {
	t, col := r.t, r.ac.col
	a.Code, a.Name = r.text("service_code"), r.text("service_name")
	if a.Code == "" {
		r.problem(col["service_code"], hromada.T("у рядку немає коду послуги", "the row has no service code"), hromada.T("впишіть код послуги, як на аркуші «Розриви», або вилучіть рядок", "write the service's code, as on the Gaps sheet, or delete the row"))
	}
	if s := r.text("unit"); s != "" {
		if u, err := hromada.ParseUnit(s); err == nil {
			a.Unit = u
		}
	}
	if s := r.text("action"); s != "" {
		a.Action, _ = parseAction(s)
	}
	inc := col["include"]
	switch v, ok, err := t.YesNo(inc); {
	case err != nil:
		r.problem(inc, hromada.T("«Включити» — «%s», а не так чи ні", "Include is %q, not yes or no", t.Row()[inc]), hromada.T("можливі: так, ні (yes, no)", "allowed: yes, no (так, ні)"))
	case !ok:
		r.warn(inc, hromada.T("клітинка «Включити» порожня: дію прочитано як вилучену", "Include is blank: the action is read as left out"), hromada.T("впишіть так, щоб лишити її в плані, ні — щоб вилучити", "write yes (так) to keep it in the plan, no (ні) to drop it"))
	default:
		a.Include = v
	}
	a.Rank = r.whole("rank", 1)
	a.PlannerRank = r.whole("planner_rank", 1)
	providers := r.norm("providers")
	if !math.IsNaN(providers) && providers != math.Trunc(providers) {
		r.problem(col["providers"], hromada.T("«%s» — %s; має бути ціле число", "%q is %s; it must be a whole number", t.Header()[col["providers"]], hromada.Number(providers, 6)), hromada.Text{})
	}
	a.Providers = int(workbook.ZeroNaN(providers))
	a.Existing, a.Caseload, a.MinStaff, a.FTEStep = r.norm("existing_staff"), r.norm("caseload"), r.norm("min_staff"), r.norm("fte_step")
	if c := col["fte_step"]; !math.IsNaN(a.FTEStep) && !(a.FTEStep > 0 && a.FTEStep <= 1) {
		r.problem(c, hromada.T("«%s» — %s; має бути більше 0 і не більше 1", "%q is %s; it must be above 0 and at most 1", t.Header()[c], hromada.Number(a.FTEStep, 6)), hromada.T("впишіть 0,25 або 0,5", "write 0.25 or 0.5"))
	}
}

// clients reads the target clients of each year, and how many are blank
// (an error for an included action).
func (r *actionReader) clients(include bool) (clients []float64, blank int) {
	clients = make([]float64, len(r.ac.years))
	for k, y := range r.ac.years {
		c := r.ac.clients[y]
		v := r.number(c)
		switch {
		case math.IsNaN(v) && r.t.Row()[c] == "":
			blank++
			if include {
				r.problem(c, hromada.T("цільові клієнти на %d порожні", "the target clients of %d are blank", y), hromada.T("впишіть, скількох клієнтів послуга має обслуговувати того року, або ні у «Включити»", "write the clients the service is to serve that year, or no under Include"))
			}
		case v < 0:
			r.problem(c, hromada.T("цільові клієнти на %d — %s, менше 0", "the target clients of %d are %s, below 0", y, hromada.Number(v, 6)), hromada.T("впишіть, скількох клієнтів послуга має обслуговувати, від 0", "write the clients the service is to serve, 0 or more"))
		}
		clients[k] = v
	}
	return clients, blank
}

// staff computes the staff of a from its target clients and norms, and
// warns about an FTE cell typed over that differs from it.
func (r *actionReader) staff(a *PlanAction, clients []float64) {
	t := r.t
	svc := hromada.Service{Code: a.Code, Caseload: a.Caseload, MinStaff: a.MinStaff}
	ys, _, err := plan.Staff(svc, a.Providers > 0, clients, a.Existing, a.FTEStep)
	if err != nil {
		r.problem(r.ac.col["caseload"], hromada.T("з навантаженням %s не обчислити персонал для цільових клієнтів", "the caseload %s cannot staff the target clients", hromada.Number(a.Caseload, 6)), hromada.T("впишіть, скількох клієнтів одна ставка обслуговує за рік, більше 0", "write the clients one FTE serves in a year, above 0"))
		return
	}
	for k, y := range r.ac.years {
		ys[k].Year = y
		c, ok := r.ac.fte[y]
		if !ok {
			continue
		}
		raw := t.Row()[c]
		v, err := xlsx.ParseNumber(raw)
		if raw == "" || (err == nil && math.Abs(v-ys[k].FTE) <= 1e-9*math.Max(1, v)) {
			continue
		}
		r.warn(c, hromada.T("у «%s» — «%s», але цільовим клієнтам за нормами рядка потрібно ставок: %s; бюджет рахуватиме ставок: %s", "%q holds %q, but the target clients need %s FTE by the norms of the row; budget uses %s",
			t.Header()[c], raw, fteText(ys[k].FTE), fteText(ys[k].FTE)),
			hromada.T("змінюйте цільових клієнтів чи норми, а не ставки; клітинки ставок — формули", "change the target clients or the norms, not the FTE; the FTE cells are formulas"))
	}
	a.Years = ys
}

// planCodes reads the service codes of the Gaps sheet: the services of the
// plan. Without that sheet the codes are not checked (nil), with a warning.
func planCodes(f *xlsx.File, path string) (codes map[string]bool, ps hromada.Problems) {
	t := planText["sheet.gaps"]
	sheet := findSheet(f, []string{t.UK, t.EN})
	warn := func(msg hromada.Text) hromada.Problems {
		return hromada.Problems{{Severity: hromada.Warning, File: path, Sheet: sheet, Msg: msg,
			Hint: hromada.T("коди послуг на аркуші «Дії» не звірено з планом", "service codes on the Actions sheet are not checked against the plan")}}
	}
	if sheet == "" {
		return nil, warn(hromada.T("у робочій книзі немає аркуша «%[2]s» чи «%[1]s»", "the workbook has no sheet %q or %q", t.EN, t.UK))
	}
	tb, err := f.Table(sheet)
	if err != nil {
		return nil, hromada.Problems{workbook.ProblemOf(err, path)}
	}
	defer func() {
		if err := tb.Close(); err != nil {
			ps = append(ps, workbook.ProblemOf(err, path))
		}
	}()
	c := -1
	h := planText["gap.service_code"]
	for i, name := range tb.Header() {
		if k := workbook.HeaderKey(name); k == workbook.HeaderKey(h.UK) || k == workbook.HeaderKey(h.EN) || k == "service code" {
			c = i
		}
	}
	if c < 0 {
		return nil, warn(hromada.T("на аркуші «Розриви» немає стовпця кодів послуг", "the Gaps sheet has no column of service codes"))
	}
	codes = map[string]bool{}
	for tb.Next() {
		if s := strings.TrimSpace(tb.Row()[c]); s != "" {
			codes[s] = true
		}
	}
	if err := tb.Err(); err != nil {
		return nil, hromada.Problems{workbook.ProblemOf(err, path)}
	}
	return codes, nil
}

// order numbers the included actions 1 … n as package plan ranks: an
// action with a planner's rank takes that place, the others fill the other
// places in the order of the plan's rank (blank last, then sheet order);
// equal planner's ranks keep the plan's order, and a rank past the end
// puts the action last.
func order(actions []PlanAction) {
	byRank := func(a, b *PlanAction) int {
		ra, rb := a.Rank, b.Rank
		if ra == 0 {
			ra = math.MaxInt
		}
		if rb == 0 {
			rb = math.MaxInt
		}
		return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(a.Row, b.Row))
	}
	var free, fixed []*PlanAction
	for i := range actions {
		a := &actions[i]
		a.Order = 0
		switch {
		case !a.Include:
		case a.PlannerRank > 0:
			fixed = append(fixed, a)
		default:
			free = append(free, a)
		}
	}
	slices.SortStableFunc(free, byRank)
	slices.SortStableFunc(fixed, func(a, b *PlanAction) int {
		return cmp.Or(cmp.Compare(a.PlannerRank, b.PlannerRank), byRank(a, b))
	})
	for place := 1; len(free)+len(fixed) > 0; place++ {
		if len(fixed) > 0 && (fixed[0].PlannerRank <= place || len(free) == 0) {
			fixed[0].Order = place
			fixed = fixed[1:]
		} else {
			free[0].Order = place
			free = free[1:]
		}
	}
}

// fteText is a number of FTE as each language writes it: «1,25», "1.25".
func fteText(v float64) hromada.Text {
	return hromada.Text{UK: workbook.FormatFTE(hromada.Ukrainian, v), EN: workbook.FormatFTE(hromada.English, v)}
}
