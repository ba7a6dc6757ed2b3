package budgetbook

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/hromada-tool/hromada/workbook/internal/booktest"
	"github.com/xuri/excelize/v2"
)

// budgetWrites are the example budget in both languages, for the golden
// and determinism tests.
var budgetWrites = booktest.WriterTest[booktest.LangCase]{Golden: "budget", Cases: booktest.BothLangs,
	Name: func(c booktest.LangCase) string { return c.Name },
	Write: func(t *testing.T, c booktest.LangCase, file string) string {
		return writeTestBudget(t, file, testBudget(t, c.Lang, budgetInput()))
	}}

func writeTestBudget(t *testing.T, name string, bg *Budget) string {
	t.Helper()
	return booktest.WriteTemp(t, name, func(path string) error { return Write(path, bg) })
}

// TestWriteBudgetGolden compares a text dump of the example budget
// workbook — every sheet, cell, formula, cached value, number format,
// width and frozen pane — with the golden files in testdata/budget
// (go test -run WriteBudgetGolden -update rewrites them).
func TestWriteBudgetGolden(t *testing.T) { budgetWrites.GoldenDumps(t) }

// TestWriteBudgetDeterministic writes the same budget several times: the
// files must be equal byte for byte, charts included.
func TestWriteBudgetDeterministic(t *testing.T) { budgetWrites.SameBytes(t, 4) }

// savedBudget builds the English test budget, saves it and opens the file
// with excelize (closed when the test ends): the budget's content, its
// writer (sheet names, cell places) and the saved workbook.
func savedBudget(t *testing.T) (*Budget, *budgetWriter, *excelize.File) {
	t.Helper()
	return savedBudgetIn(t, hromada.English)
}

// savedBudgetIn is savedBudget in the language lang.
func savedBudgetIn(t *testing.T, lang hromada.Lang) (*Budget, *budgetWriter, *excelize.File) {
	t.Helper()
	bg := testBudget(t, lang, budgetInput())
	w, err := buildBudget(bg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.xlsx")
	if err := w.b.Save(path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return bg, w, f
}

// TestWriteBudgetCachedValues reads the workbook back and finds budget's
// figures where the Summary, Funding and Costs sheets show them, cached
// as numbers, and the workbook set to recalculate when it is opened.
func TestWriteBudgetCachedValues(t *testing.T) {
	bg, w, f := savedBudget(t)
	r := &bg.Result
	value := func(c cellAt) float64 {
		t.Helper()
		cell := workbook.A1Name(c.col, c.row)
		typ, err := f.GetCellType(c.sh, cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeNumber {
			t.Errorf("%s!%s: cached value of type %v, want a number", c.sh, cell, typ)
		}
		v, err := f.GetCellValue(c.sh, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("%s!%s = %q: %v", c.sh, cell, v, err)
		}
		return x
	}
	cs, fs := w.name[bsCosts], w.name[bsFunding]
	for i, l := range r.Lines {
		for t0, a := range l.Amount {
			if got := value(cellAt{cs, w.co.yearCol + t0, w.co.lineRow[i]}); got != a {
				t.Errorf("%s %s %s %d: %v, want %v", l.Service, l.Kind, l.Item, r.Years[t0], got, a)
			}
		}
	}
	for t0, y := range r.Totals {
		if got := value(cellAt{fs, w.fu.yearCol + t0, w.fu.allLocal}); got != y.Local {
			t.Errorf("local %d: %v, want %v", y.Year, got, y.Local)
		}
	}
	if got := value(cellAt{fs, w.fu.totalCol, w.fu.allLocal}); got != r.Horizon.Local {
		t.Errorf("cumulative local commitment %v, want %v", got, r.Horizon.Local)
	}
	calc, err := f.GetCalcProps()
	if err != nil {
		t.Fatal(err)
	}
	if calc.FullCalcOnLoad == nil || !*calc.FullCalcOnLoad {
		t.Error("the workbook does not ask to be recalculated on opening (fullCalcOnLoad)")
	}
	// Every input of the Assumptions sheet is a yellow cell, and no
	// formula is.
	sheets := 0
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for ri, row := range rows {
			for ci := range row {
				cell := workbook.A1Name(ci, ri+1)
				formula, _ := f.GetCellFormula(sh, cell)
				if formula != "" && isInput(t, f, sh, cell) {
					t.Errorf("%s!%s holds a formula in a yellow input cell", sh, cell)
				}
			}
		}
		sheets++
	}
	if sheets != 12 {
		t.Errorf("%d sheets, want 12", sheets)
	}
	if !isInput(t, f, w.name[bsAssumptions], workbook.A1Name(w.as.yearCol+1, w.as.cpiRate)) {
		t.Error("the CPI of the second year is not a yellow input cell")
	}
}

// isInput reports whether a cell has the yellow fill of an input.
func isInput(t *testing.T, f *excelize.File, sh, cell string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sh, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return len(st.Fill.Color) > 0 && st.Fill.Color[0] == "FFF2CC"
}

// TestWriteBudgetRejectsMismatch checks that a result that is not the
// projection of the input is refused rather than written with formulas
// that disagree with their values.
func TestWriteBudgetRejectsMismatch(t *testing.T) {
	bg := testBudget(t, hromada.English, budgetInput())
	other := budgetEdgeInput()
	r, err := budget.Project(other)
	if err != nil {
		t.Fatal(err)
	}
	bg.Result = *r
	err = Write(filepath.Join(t.TempDir(), "b.xlsx"), bg)
	if err == nil || !strings.Contains(err.Error(), "does not match its input") {
		t.Errorf("Write with another input's result: %v, want a mismatch", err)
	}
	if err := Write(filepath.Join(t.TempDir(), "b.xlsx"), nil); err == nil {
		t.Error("Write(nil) did not fail")
	}
	bg = testBudget(t, hromada.English, budgetInput())
	if err := Write(filepath.Join(t.TempDir(), "no", "such", "b.xlsx"), bg); err == nil {
		t.Error("Write into a missing folder did not fail")
	}
}

// TestBudgetTextKeys checks that every text key the budget writer uses is
// in budgetText in both languages, and that no text holds a double quote
// (texts are SUMIFS criteria in formulas).
func TestBudgetTextKeys(t *testing.T) {
	used := booktest.WriterKeys(t, "budget*.go")
	for _, k := range []string{bsSummary, bsAssumptions, bsStaffing, bsCosts, bsFunding, bsAfford, bsUnit, bsScenarios,
		bsSensitivity, bsProgramme, bsKEKV, bsMethods} {
		used["sheet."+k] = true
	}
	for _, k := range []budget.LineKind{budget.KindWages, budget.KindESV, budget.KindOther, budget.KindAdmin, budget.KindStartup} {
		used["kind."+string(k)] = true
	}
	for _, d := range budget.Drivers {
		used["driver."+string(d)] = true
		used["driver."+string(d)+".what"] = true
	}
	for _, k := range []string{"src.donor", "src.state", "src.local", "src.all", "basis.fixed", "basis.per_client",
		"sched.explicit", "sched.linear", "sched.cap", "fu.s.donor", "fu.s.state", "fu.s.local", "pv.prog.title",
		"pv.kekv.title", "pv.prog.code", "pv.kekv.code", "sc.name.low", "sc.name.base", "sc.name.high",
		"sc.source.low", "sc.source.base", "sc.source.high"} {
		used[k] = true
	}
	for _, k := range []string{"inputs", "formulas", "recalc", "values", "structure"} {
		used["m.wb."+k], used["m.wb."+k+".text"] = true, true
	}
	for _, k := range []string{"index", "staff", "other", "admin", "startup", "funding", "cliff", "afford", "unit", "pv", "pivot"} {
		used["m.f."+k], used["m.f."+k+".text"] = true, true
	}
	for _, k := range []string{"plan", "posts", "minwage", "esv", "wagegrowth", "cpi", "other", "admin", "startup",
		"caprate", "funding", "revenue", "population", "threshold", "discount"} {
		used["m.s."+k] = true
	}
	for m := 1; m <= 12; m++ {
		used["month."+strconv.Itoa(m)] = true
	}
	booktest.CheckTextKeys(t, "budgetText", budgetText, used, 100)
	for k, txt := range budgetText {
		if strings.Contains(txt.UK+txt.EN, `"`) {
			t.Errorf("text %q holds a double quote", k)
		}
		if strings.Count(txt.UK, "%") != strings.Count(txt.EN, "%") {
			t.Errorf("text %q: the languages take different arguments: %q, %q", k, txt.UK, txt.EN)
		}
	}
}

// TestFundingLineNamesFit: every cost line's name on the Funding sheet —
// the admin line's «адміністративні витрати (частка від прямих)» is wider
// than its column — wraps in its cell on a row high enough for it, as on
// the Costs sheet, instead of running over the КЕКВ beside it.
func TestFundingLineNamesFit(t *testing.T) {
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		_, w, f := savedBudgetIn(t, lang)
		sh := w.name[bsFunding]
		width, err := f.GetColWidth(sh, "D")
		if err != nil {
			t.Fatal(err)
		}
		admin, checked := w.t("co.admin"), 0
		for row := w.fu.lines.First; row <= w.fu.lines.Last; row++ {
			cell := workbook.A1Name(3, row)
			name, err := f.GetCellValue(sh, cell)
			if err != nil || name == "" {
				continue
			}
			h, err := f.GetRowHeight(sh, row)
			if err != nil {
				t.Fatal(err)
			}
			if need := workbook.TextRowHeight(name, "", 0, width); h < need {
				t.Errorf("%s %s %q: row %v high, needs %v", lang, cell, name, h, need)
			}
			if name == admin {
				checked++
			}
		}
		if checked == 0 {
			t.Errorf("%s: no admin line (%q) on the Funding sheet", lang, admin)
		}
	}
}

// TestSourceWidth: the Assumptions sheet's source column narrows so that
// the sheet prints across one page. A page holds 1026 px at 70 %: 1026 ×
// 100/70/7 = 209.39 units; the columns beside the sources take 50+10+16+2
// and 14 a value column.
func TestSourceWidth(t *testing.T) {
	tests := []struct {
		values int
		want   float64
	}{
		{3, 64}, // 120 units beside: 89.39 to spare, the widest is 64
		{5, 61}, // 148 beside: 61.39, floored (at 64 the sources printed on pages of their own)
		{6, 47}, // 162 beside: 47.39
		{7, 64}, // 176 beside: 33.39, under 40 — the sheet cannot fit; sources at their width
	}
	for _, tt := range tests {
		if got := sourceWidth(tt.values); got != tt.want {
			t.Errorf("sourceWidth(%d) = %v, want %v", tt.values, got, tt.want)
		}
	}
	_, w, f := savedBudget(t)
	sh := w.name[bsAssumptions]
	props, err := f.GetSheetProps(sh)
	if err != nil {
		t.Fatal(err)
	}
	if w.valueCols() != 5 {
		t.Fatalf("the test budget has %d value columns, want the five years it is written for", w.valueCols())
	}
	if props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s: a five-year budget's Assumptions do not fit the page's width", sh)
	}
}

// TestCostNamesInEnglish: a post or cost item with an English name shows
// it in the English workbook and its name as typed in the Ukrainian one,
// on every sheet that names it (budgetInput: the psychologist on
// Assumptions, Staffing, Costs and Funding; electricity on Assumptions,
// Costs and Funding; the vehicle on those and the unit-cost sheet's
// start-up items). A name without an English one (соціальний робітник)
// shows as typed in both.
func TestCostNamesInEnglish(t *testing.T) {
	type shown struct{ uk, en string }
	names := map[string]struct {
		shown
		sheets []string
	}{
		"psychologist": {shown{"психолог", "psychologist"}, []string{bsAssumptions, bsStaffing, bsCosts, bsFunding}},
		"electricity":  {shown{"електроенергія", "electricity"}, []string{bsAssumptions, bsCosts, bsFunding}},
		"vehicle":      {shown{"автомобіль", "vehicle"}, []string{bsAssumptions, bsCosts, bsFunding, bsUnit}},
		"typed only":   {shown{"соціальний робітник", "соціальний робітник"}, []string{bsAssumptions, bsStaffing, bsCosts, bsFunding}},
	}
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		_, w, f := savedBudgetIn(t, lang)
		// count[sheet][text] is how many cells of sheet hold text.
		count := map[string]map[string]int{}
		for _, key := range []string{bsSummary, bsAssumptions, bsStaffing, bsCosts, bsFunding, bsAfford, bsUnit} {
			rows, err := f.GetRows(w.name[key])
			if err != nil {
				t.Fatal(err)
			}
			count[key] = map[string]int{}
			for _, row := range rows {
				for _, c := range row {
					count[key][c]++
				}
			}
		}
		for what, n := range names {
			want, other := n.uk, n.en
			if lang == hromada.English {
				want, other = n.en, n.uk
			}
			for _, key := range n.sheets {
				if count[key][want] == 0 {
					t.Errorf("%s %s: no cell %q (%s)", lang, w.name[key], want, what)
				}
			}
			if want == other {
				continue
			}
			for key, c := range count {
				if c[other] > 0 {
					t.Errorf("%s %s: %d cells %q, want %q (%s)", lang, w.name[key], c[other], other, want, what)
				}
			}
		}
	}
}
