package planbook

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
	"github.com/hromada-tool/hromada/plan"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/hromada-tool/hromada/workbook/internal/booktest"
	"github.com/xuri/excelize/v2"
)

// planCases are the workbooks the golden tests write: three plan years.
var planCases = booktest.BothLangs

// planWrites are the plan workbooks of planCases, for the golden and
// determinism tests; their dumps list the conditional formats too.
var planWrites = booktest.WriterTest[booktest.LangCase]{Golden: "plan", Cases: planCases, Dump: planDump,
	Name: func(c booktest.LangCase) string { return c.Name },
	Write: func(t *testing.T, c booktest.LangCase, file string) string {
		return writeTestPlan(t, file, testPlan(t, c.Lang, 3))
	}}

func writeTestPlan(t *testing.T, name string, p *Plan) string {
	t.Helper()
	return booktest.WriteTemp(t, name, func(path string) error { return Write(path, p) })
}

// planDump is Dump with each sheet's conditional formats after it, which
// Dump does not list and the plan workbook relies on.
func planDump(t *testing.T, path string) string {
	t.Helper()
	d, err := workbook.Dump(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	b.WriteString(d)
	for _, sh := range f.GetSheetList() {
		cfs, err := f.GetConditionalFormats(sh)
		if err != nil {
			t.Fatal(err)
		}
		refs := make([]string, 0, len(cfs))
		for ref := range cfs {
			refs = append(refs, ref)
		}
		sort.Strings(refs)
		for _, ref := range refs {
			for _, c := range cfs[ref] {
				format := -1
				if c.Format != nil {
					format = *c.Format
				}
				fmt.Fprintf(&b, "cf %q %s %s %s dxf=%d\n", sh, ref, c.Type, c.Criteria, format)
			}
		}
	}
	return b.String()
}

// TestWritePlanGolden compares a text dump of the plan workbook — every
// sheet, cell, formula, number format, width, frozen pane, validation and
// conditional format — with the golden files in testdata/plan (go test
// -run Golden -update rewrites them).
func TestWritePlanGolden(t *testing.T) { planWrites.GoldenDumps(t) }

// TestWritePlanDeterministic writes the same plan five times: the files
// must be equal byte for byte, charts included.
func TestWritePlanDeterministic(t *testing.T) { planWrites.SameBytes(t, 5) }

// TestWritePlanSheets checks what a planner sees first: the sheets in
// order, the Summary's sentence, the charts and their error bars, and
// that sufficient services are on Gaps but not on Actions.
func TestWritePlanSheets(t *testing.T) {
	p := testPlan(t, hromada.Ukrainian, 3)
	path := writeTestPlan(t, "uk", p)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Підсумок", "Розриви", "Дії", "Персонал", "Надавачі", "Методи", "_charts"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %v, want %v", got, want)
	}
	if v, _ := f.GetSheetVisible("_charts"); v {
		t.Error("the chart data sheet is visible")
	}
	summary := strings.Join(slices.Concat(booktest.SheetRows(t, path, "Підсумок")...), "\n")
	for _, s := range []string{
		"Буде створено 2 нові послуги і розширено 1 послугу.",
		"Ще 1 послуга має достатню спроможність.",
		"Для 2 послуг потрібні дані",
		"Нових ставок за 2026–2028 роки: 7,25, з них у 2026 році — 4,5.",
		"Першочергові: «Денний догляд (для дітей з інвалідністю)», «Раннє втручання» і «Соціальний супровід",
	} {
		if !strings.Contains(summary, s) {
			t.Errorf("the Summary does not say %q", s)
		}
	}
	demand := booktest.ZipPart(t, path, "xl/charts/chart1.xml")
	staff := booktest.ZipPart(t, path, "xl/charts/chart2.xml")
	if n := strings.Count(demand, "<ser>"); n != 3 {
		t.Errorf("demand chart: %d series, want demand, target and capacity", n)
	}
	if n := strings.Count(demand, "<errBars>"); n != 1 {
		t.Errorf("demand chart: %d error bars, want 1 (on demand)", n)
	}
	if n := strings.Count(staff, "<ser>"); n != 2 || !strings.Contains(staff, `<grouping val="stacked"`) {
		t.Errorf("staff chart: %d series, want 2 stacked", n)
	}
	// The demand chart leaves out the unknown demand and the service with
	// no demand and no capacity: 4 services.
	if !strings.Contains(demand, `<ptCount val="4"/>`) {
		t.Error("demand chart: want 4 services")
	}

	gaps := booktest.SheetRows(t, path, "Розриви")
	actions := booktest.SheetRows(t, path, "Дії")
	if len(gaps) != 1+len(p.Result.Services) {
		t.Errorf("Gaps has %d rows, want a header and %d services", len(gaps), len(p.Result.Services))
	}
	var codes []string
	for _, r := range actions[1:] {
		codes = append(codes, r[1])
	}
	// 002.0 is sufficient, but its staff is below the caseload norm: the
	// plan hires for it, so it has a row and the budget costs the posts.
	if want := []string{"015.3", "013.0", "010.1", "003.0", "908.0", "002.0"}; !slices.Equal(codes, want) {
		t.Errorf("Actions lists %v, want %v (create, enhance, more data needed and sufficient with new posts, in rank order)", codes, want)
	}
}

// TestReadPlanRoundTrip writes plans and reads their Actions back: the
// same services, targets and staff as package plan computed, in both
// languages.
func TestReadPlanRoundTrip(t *testing.T) {
	for _, c := range planCases {
		t.Run(c.Name, func(t *testing.T) {
			p := testPlan(t, c.Lang, 3)
			pr, ps := Read(writeTestPlan(t, c.Name, p))
			if len(ps) > 0 {
				t.Fatalf("Read: %v", ps)
			}
			if pr.FirstYear != 2026 || pr.Years != 3 {
				t.Errorf("years %d+%d, want 2026+3", pr.FirstYear, pr.Years)
			}
			var want []plan.ServicePlan
			for _, sp := range p.Result.Services {
				if actionRow(sp) {
					want = append(want, sp)
				}
			}
			if len(pr.Actions) != len(want) {
				t.Fatalf("%d actions, want %d", len(pr.Actions), len(want))
			}
			place := 0 // the action's place among the included ones
			for i, sp := range want {
				a := pr.Actions[i]
				if a.Code != sp.Service.Code || a.Action != sp.Action || a.Unit != sp.Service.Unit || a.Rank != sp.Rank || a.Row != i+2 {
					t.Errorf("row %d = %s %s %s rank %d, want %s %s %s rank %d", a.Row, a.Code, a.Action, a.Unit, a.Rank,
						sp.Service.Code, sp.Action, sp.Service.Unit, sp.Rank)
				}
				if a.Include != (sp.Action != plan.MoreData) {
					t.Errorf("%s: include %v", a.Code, a.Include)
				}
				if a.Caseload != sp.Service.Caseload || a.MinStaff != sp.Service.MinStaff || a.FTEStep != 0.25 ||
					a.Providers != sp.Providers || !booktest.Same(a.Existing, sp.StaffFTE+sp.Vacancies) {
					t.Errorf("%s: norms %+v", a.Code, a)
				}
				if sp.Years == nil {
					if a.Years != nil || a.Order != 0 {
						t.Errorf("%s: unknown demand read with years %v, order %d", a.Code, a.Years, a.Order)
					}
					continue
				}
				place++
				if a.Order != place {
					t.Errorf("%s: order %d, want %d", a.Code, a.Order, place)
				}
				for k, y := range sp.Years {
					g := a.Years[k]
					if g.Year != y.Year || !booktest.Same(g.Clients, y.Clients) || g.FTE != y.FTE || g.Staff != y.Staff || g.Hires != y.Hires {
						t.Errorf("%s %d: read %+v, want %+v", a.Code, y.Year, g, y)
					}
				}
			}
		})
	}
}

// editCell sets a cell of an Actions sheet and recomputes the sheet's FTE
// formulas into their cached values, as Excel or LibreOffice does when a
// person types.
func editCell(t *testing.T, f *excelize.File, sh, cell string, v any) {
	t.Helper()
	booktest.Must(t, f.SetCellValue(sh, cell, v))
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	for r := 2; r <= len(rows); r++ {
		for c := range rows[0] {
			ref := workbook.A1Name(c, r)
			expr, err := f.GetCellFormula(sh, ref)
			if err != nil {
				t.Fatal(err)
			}
			if expr == "" {
				continue
			}
			val, err := f.CalcCellValue(sh, ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatalf("%s: %v", ref, err)
			}
			if val == "" {
				booktest.Must(t, f.SetCellValue(sh, ref, ""))
			} else {
				x, err := strconv.ParseFloat(val, 64)
				if err != nil {
					t.Fatalf("%s = %q", ref, val)
				}
				booktest.Must(t, f.SetCellValue(sh, ref, x))
			}
			booktest.Must(t, f.SetCellFormula(sh, ref, expr))
		}
	}
}

// actionCell is the cell of a column of the Actions sheet in the row of
// a service.
func actionCell(t *testing.T, path, sheet, key string, year int, code string) string {
	t.Helper()
	cols := actionColumns([]int{2026, 2027, 2028})
	for i, r := range booktest.SheetRows(t, path, sheet) {
		if len(r) > 1 && r[1] == code {
			return workbook.A1Name(colIndex(cols, key, year), i+1)
		}
	}
	t.Fatalf("no row of %s", code)
	return ""
}

// TestReadPlanEdited reads an Actions sheet a planner changed: a target
// raised, an action dropped, a rank overridden, and the service whose
// demand was unknown given targets and included. Budget gets the edits,
// with the staff recomputed.
func TestReadPlanEdited(t *testing.T) {
	path := writeTestPlan(t, "uk", testPlan(t, hromada.Ukrainian, 3))
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sh := "Дії"
	// Social support: 120 families from 2027 instead of 96.
	editCell(t, f, sh, actionCell(t, path, sh, "clients", 2027, "010.1"), 120)
	editCell(t, f, sh, actionCell(t, path, sh, "clients", 2028, "010.1"), 120)
	// ... and first in the order.
	editCell(t, f, sh, actionCell(t, path, sh, "planner_rank", 0, "010.1"), 1)
	// Day care is dropped.
	editCell(t, f, sh, actionCell(t, path, sh, "include", 0, "015.3"), "ні")
	// Mediation: 20 families a year, known from the service for children.
	for _, y := range []int{2026, 2027, 2028} {
		editCell(t, f, sh, actionCell(t, path, sh, "clients", y, "003.0"), 20)
	}
	editCell(t, f, sh, actionCell(t, path, sh, "include", 0, "003.0"), "так")
	booktest.Must(t, f.Save())
	booktest.Must(t, f.Close())

	pr, ps := Read(path)
	if len(ps) > 0 {
		t.Fatalf("Read: %v", ps)
	}
	got := map[string]PlanAction{}
	for _, a := range pr.Actions {
		got[a.Code] = a
	}
	type yr struct{ clients, fte, staff, hires float64 }
	for _, w := range []struct {
		code    string
		include bool
		order   int
		years   []yr
	}{
		// 120 / 30 = 4 FTE; 2 existing (1.5 in post, 0.5 vacant).
		{"010.1", true, 1, []yr{{65.5, 2.25, 2.25, 0.25}, {120, 4, 4, 1.75}, {120, 4, 4, 0}}},
		{"015.3", false, 0, []yr{{15, 2, 2, 2}, {30, 3.75, 3.75, 1.75}, {30, 3.75, 3.75, 0}}},
		{"013.0", true, 2, []yr{{15, 2, 2, 2}, {15, 2, 2, 0}, {15, 2, 2, 0}}},
		// 20 / 40 = 0.5 FTE; the provider's 0.5 in post: no new post.
		{"003.0", true, 3, []yr{{20, 0.5, 0.5, 0}, {20, 0.5, 0.5, 0}, {20, 0.5, 0.5, 0}}},
	} {
		a, ok := got[w.code]
		if !ok {
			t.Errorf("%s is not read", w.code)
			continue
		}
		if a.Include != w.include || a.Order != w.order {
			t.Errorf("%s: include %v order %d, want %v %d", w.code, a.Include, a.Order, w.include, w.order)
		}
		if len(a.Years) != len(w.years) {
			t.Errorf("%s: %d years, want %d", w.code, len(a.Years), len(w.years))
			continue
		}
		for k, y := range w.years {
			g := a.Years[k]
			if !booktest.Same(g.Clients, y.clients) || g.FTE != y.fte || g.Staff != y.staff || g.Hires != y.hires {
				t.Errorf("%s %d: clients %v FTE %v staff %v hires %v, want %v", w.code, g.Year, g.Clients, g.FTE, g.Staff, g.Hires, y)
			}
		}
	}
	if a := got["010.1"]; a.PlannerRank != 1 || a.Rank != 3 {
		t.Errorf("010.1: planner's rank %d, rank %d; want 1 and 3", a.PlannerRank, a.Rank)
	}
}

// TestActionsFormula checks that the FTE formulas of the Actions sheet
// compute what plan.Staff computes — the rule Read applies — for
// targets a planner might type, on every row.
func TestActionsFormula(t *testing.T) {
	p := testPlan(t, hromada.English, 3)
	path := writeTestPlan(t, "en", p)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cols := actionColumns([]int{2026, 2027, 2028})
	rows := booktest.SheetRows(t, path, "Actions")
	for r := 2; r <= len(rows); r++ {
		code := rows[r-1][1]
		i := slices.IndexFunc(p.Result.Services, func(sp plan.ServicePlan) bool { return sp.Service.Code == code })
		sp := p.Result.Services[i]
		for _, clients := range []float64{0, 0.5, 7, 20, 37.5, 40, 40.000000000000004, 96, 119.99, 1000} {
			booktest.Must(t, f.SetCellValue("Actions", workbook.A1Name(colIndex(cols, "clients", 2026), r), clients))
			got, err := f.CalcCellValue("Actions", workbook.A1Name(colIndex(cols, "fte", 2026), r), excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			ys, _, err := plan.Staff(sp.Service, sp.Providers > 0, []float64{clients}, existing(sp), 0.25)
			if err != nil {
				t.Fatal(err)
			}
			if v, err := strconv.ParseFloat(got, 64); err != nil || math.Abs(v-ys[0].FTE) > 1e-9 {
				t.Errorf("%s, %v clients: the sheet's formula gives %s FTE, plan.Staff %v", code, clients, got, ys[0].FTE)
			}
		}
	}
}

// TestReadPlanTypedFTE: a number typed over an FTE formula is not read;
// a warning names the cell and says what budget uses.
func TestReadPlanTypedFTE(t *testing.T) {
	path := writeTestPlan(t, "en", testPlan(t, hromada.English, 3))
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sh := "Actions"
	cell := actionCell(t, path, sh, "fte", 2027, "013.0")
	booktest.Must(t, f.SetCellValue("Actions", cell, 3)) // the formula is gone
	booktest.Must(t, f.Save())
	booktest.Must(t, f.Close())
	pr, ps := Read(path)
	if len(ps) != 1 || ps[0].Severity != hromada.Warning || ps[0].Cell != cell || !strings.Contains(ps[0].Msg.EN, "budget uses 2") {
		t.Fatalf("problems = %v, want a warning at %s that budget uses 2 FTE", ps, cell)
	}
	// The Ukrainian says it in Ukrainian words, the number with its comma.
	if uk := ps[0].Msg.UK; !strings.Contains(uk, "бюджет рахуватиме ставок: 2") || strings.Contains(uk, "budget") {
		t.Errorf("the warning in Ukrainian is %q, want «бюджет рахуватиме ставок: 2» and no English", uk)
	}
	for _, a := range pr.Actions {
		if a.Code == "013.0" && a.Years[1].FTE != 2 {
			t.Errorf("013.0 2027: FTE %v, want 2 from the norms", a.Years[1].FTE)
		}
	}
}

// TestReadPlanProblems checks what Read says about edits it cannot
// use: each names its cell, and the row is left out.
func TestReadPlanProblems(t *testing.T) {
	path := writeTestPlan(t, "uk", testPlan(t, hromada.Ukrainian, 3))
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sh := "Дії"
	words := actionCell(t, path, sh, "clients", 2027, "015.3")
	negative := actionCell(t, path, sh, "clients", 2028, "013.0")
	code := actionCell(t, path, sh, "service_code", 0, "010.1")
	include := actionCell(t, path, sh, "include", 0, "003.0")
	booktest.Must(t, f.SetCellValue(sh, words, "близько 30"))
	booktest.Must(t, f.SetCellValue(sh, negative, -5))
	booktest.Must(t, f.SetCellValue(sh, code, "999.9"))
	booktest.Must(t, f.SetCellValue(sh, include, "може"))
	booktest.Must(t, f.Save())
	booktest.Must(t, f.Close())

	pr, ps := Read(path)
	var got []string
	for _, p := range ps {
		if p.File != path || p.Sheet != sh {
			t.Errorf("problem %v does not name the file and sheet", p)
		}
		got = append(got, p.Cell+": "+p.Msg.EN)
	}
	want := []string{
		words + `: "близько 30" is not a number (column "Цільові клієнти 2027")`,
		negative + ": the target clients of 2028 are -5, below 0",
		code + `: service code "999.9" is not in the plan`,
		include + `: Include is "може", not yes or no`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Every edited row is left out; the rows of 908.0 (more data needed,
	// Include "no") and 002.0 (sufficient, with posts to reach the norm,
	// Include "yes") are read as they were written.
	if ps.Errors() != 4 || len(pr.Actions) != 2 || pr.Actions[0].Code != "908.0" || pr.Actions[0].Include ||
		pr.Actions[1].Code != "002.0" || !pr.Actions[1].Include {
		t.Errorf("%d errors, %d actions read; want 4 errors, 908.0 not included and 002.0 included", ps.Errors(), len(pr.Actions))
	}
}

// TestReadPlanLayout checks a sheet whose layout was changed: columns
// moved and a header written as its key are fine; a missing sheet, a
// missing column, a missing year, a blank Include and a bad planner's
// rank are reported.
func TestReadPlanLayout(t *testing.T) {
	none := xlsxtest.Write(t, "other.xlsx", xlsxtest.Sheet{Name: "Summary", Cells: xlsxtest.Cells(xlsxtest.Row(1, "x"))})
	if _, ps := Read(none); len(ps) != 1 || !strings.Contains(ps[0].Msg.EN, `no sheet "Actions" or "Дії"`) {
		t.Errorf("Read without Actions: %v", ps)
	}
	head := []any{"include", "service_code", "caseload", "min_staff", "fte_step", "providers", "existing_staff", "Target clients 2026", "Цільові клієнти 2027", "clients_2028", "planner_rank"}
	noStep := xlsxtest.Write(t, "nostep.xlsx", xlsxtest.Sheet{Name: "Actions", Cells: xlsxtest.Cells(xlsxtest.Row(1, head[:4]...))})
	if _, ps := Read(noStep); ps.Errors() < 3 || !strings.Contains(ps.Error(), `no column "FTE step"`) ||
		!strings.Contains(ps.Error(), "no column of target clients by year") {
		t.Errorf("Read without columns: %v", ps)
	}
	gap := xlsxtest.Write(t, "gap.xlsx", xlsxtest.Sheet{Name: "Actions", Cells: xlsxtest.Cells(xlsxtest.Row(1, "include", "service_code", "caseload", "min_staff", "fte_step",
		"providers", "existing_staff", "clients_2026", "clients_2028"))})
	if _, ps := Read(gap); len(ps) != 2 || !strings.Contains(ps.Error(), "not for 2027") {
		t.Errorf("Read with a year missing: %v", ps)
	}
	// Without a Gaps sheet the codes are not checked: a warning.
	moved := xlsxtest.Write(t, "moved.xlsx", xlsxtest.Sheet{Name: "Actions", Cells: xlsxtest.Cells(
		xlsxtest.Row(1, head...),
		xlsxtest.Row(2, "yes", "010.1", 30, 1, 0.25, 1, 2, 60, 90, 90, 2),
		xlsxtest.Row(3, "", "013.0", 20, 2, 0.25, 0, 0, 15, 15, 15, ""),
		xlsxtest.Row(4, "так", "015.3", 8, 1, 0.25, 0, 0, 10, 20, 20, 1.5),
	)})
	pr, ps := Read(moved)
	var got []string
	for _, p := range ps {
		got = append(got, fmt.Sprintf("%s %s: %s", p.Severity, p.Cell, p.Msg.EN))
	}
	want := []string{
		`warning : the workbook has no sheet "Gaps" or "Розриви"`,
		"warning A3: Include is blank: the action is read as left out",
		`error K4: "planner_rank" is 1.5; it must be a whole number from 1`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(pr.Actions) != 2 || pr.Actions[0].Code != "010.1" || pr.Actions[0].Order != 1 || pr.Actions[1].Include {
		t.Fatalf("actions = %+v", pr.Actions)
	}
	if y := pr.Actions[0].Years; y[0].FTE != 2 || y[1].FTE != 3 || y[1].Hires != 1 {
		t.Errorf("010.1 years = %+v, want 2 FTE then 3, one new post", y)
	}
}

// TestPlanSentences checks the Summary's sentence for a report in both
// languages: numbers agree with their nouns.
func TestPlanSentences(t *testing.T) {
	for _, c := range []struct {
		lang                 hromada.Lang
		create, enhance, suf int
		want                 string
	}{
		{hromada.Ukrainian, 22, 96, 0, "Буде створено 22 нові послуги і розширено 96 послуг."},
		{hromada.Ukrainian, 1, 21, 5, "Буде створено 1 нову послугу і розширено 21 послугу. Ще 5 послуг мають достатню спроможність."},
		{hromada.Ukrainian, 5, 0, 1, "Буде створено 5 нових послуг; наявних послуг розширювати не потрібно. Ще 1 послуга має достатню спроможність."},
		{hromada.Ukrainian, 0, 3, 0, "Буде розширено 3 послуги; нових послуг створювати не потрібно."},
		{hromada.English, 22, 96, 2, "22 new services will be created and 96 enhanced. 2 more services have enough capacity."},
		{hromada.English, 1, 0, 0, "1 new service will be created; no existing service needs to be enhanced."},
		{hromada.English, 0, 0, 0, "No service needs to be created or enhanced."},
	} {
		w := newPlanWriter(&Plan{Lang: c.lang, Result: plan.Result{Summary: plan.Summary{Create: c.create, Enhance: c.enhance, Sufficient: c.suf}}})
		if got := w.sentences(); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s %d/%d/%d: %q, want it to start %q", c.lang, c.create, c.enhance, c.suf, got, c.want)
		}
	}
}

// TestPlanTexts checks the table of texts: every key the plan files use is
// there, in both languages, with the same verbs.
func TestPlanTexts(t *testing.T) {
	verbs := regexp.MustCompile(`%(\[\d+\])?[sdv]`)
	for key, txt := range planText {
		if txt.UK == "" || txt.EN == "" {
			t.Errorf("text %q lacks a language: %+v", key, txt)
		}
		u := verbs.FindAllString(txt.UK, -1)
		n := len(u)
		for _, m := range verbs.FindAllStringSubmatch(txt.UK+txt.EN, -1) {
			var k int
			if _, err := fmt.Sscanf(m[1], "[%d]", &k); err == nil {
				n = max(n, k)
			}
		}
		if e := len(verbs.FindAllString(txt.EN, -1)); e != len(u) && !strings.Contains(txt.EN, "%[") {
			t.Errorf("text %q: %d verbs in Ukrainian, %d in English", key, len(u), e)
		}
		args := make([]any, n)
		for i := range args {
			args[i] = "x"
		}
		for i, v := range u {
			if strings.HasSuffix(v, "d") {
				args[i] = 1
			}
		}
		for _, f := range []string{txt.UK, txt.EN} {
			if n == 0 {
				continue
			}
			if out := fmt.Sprintf(f, args...); strings.Contains(out, "%!") {
				t.Errorf("text %q formats badly: %s", key, out)
			}
		}
	}
	call := regexp.MustCompile(`(?:w\.t|pt\(\w+(?:\.\w+)?,)\s*\(?"([a-z_.]+)"`)
	var used []string
	for _, k := range booktest.SourceMatches(t, "plan*.go", call) {
		if !strings.HasSuffix(k, ".") {
			used = append(used, k)
		}
	}
	if len(used) < 60 {
		t.Fatalf("found only %d uses of texts; is the pattern out of date?", len(used))
	}
	for _, r := range []plan.Reason{plan.ReasonNoProvider, plan.ReasonBelowTarget, plan.ReasonTargetMet, plan.ReasonNoDemand,
		plan.ReasonSuppressed, plan.ReasonBasic, plan.ReasonMinimumPackage, plan.ReasonVulnerable, plan.ReasonMinStaff,
		plan.ReasonVacancies, plan.ReasonStaffBelowNorm, plan.ReasonStaffCovers, plan.ReasonPlannerRank, plan.ReasonIntervalZero, plan.ReasonNotObserved, plan.ReasonNeedKnown,
		plan.ReasonNeedSample, plan.ReasonGroupFloor, plan.ReasonKnownClients, plan.ReasonKnownFloor} {
		used = append(used, "reason."+string(r))
	}
	// Every reason has a sentence in the why column, not its code.
	for _, r := range []plan.Reason{plan.ReasonStaffBelowNorm, plan.ReasonStaffCovers} {
		w := newPlanWriter(&Plan{Lang: hromada.English})
		if got := w.rationale(plan.ServicePlan{Reasons: []plan.Reason{r}}); strings.Contains(got, string(r)) {
			t.Errorf("reason %s explained as %q", r, got)
		}
	}
	for _, form := range []string{"one", "few", "many"} {
		used = append(used, "say.create."+form, "say.service."+form, "say.sufficient."+form)
	}
	for _, c := range slices.Concat(actionHead, actionTail, []planCol{{key: "clients"}, {key: "fte"}}) {
		used = append(used, "act."+c.key)
	}
	for _, c := range gapColumns {
		used = append(used, "gap."+c.key)
	}
	for _, c := range inventoryColumns {
		used = append(used, "inv."+c.key)
	}
	for _, key := range used {
		if _, ok := planText[key]; !ok {
			t.Errorf("text %q is used but not in planText", key)
		}
	}
}

// TestActionHeadersDistinct checks that no header of the Actions sheet,
// in either language, names two columns: Read matches them by name.
func TestActionHeadersDistinct(t *testing.T) {
	seen := map[string]string{}
	for _, c := range slices.Concat(actionHead, actionTail) {
		txt := planText["act."+c.key]
		for _, h := range []string{c.key, txt.UK, txt.EN} {
			k := workbook.HeaderKey(h)
			if other, ok := seen[k]; ok && other != c.key {
				t.Errorf("header %q names both %s and %s", h, other, c.key)
			}
			seen[k] = c.key
			if key, _, ok := yearHeader(h + " 2026"); ok {
				t.Errorf("header %q followed by a year reads as %s", h, key)
			}
		}
	}
	for _, h := range []string{"Target clients 2027", "Цільові клієнти 2027", "clients_2027", "FTE 2027", "Ставок 2027", "fte_2027"} {
		if _, y, ok := yearHeader(h); !ok || y != 2027 {
			t.Errorf("yearHeader(%q) = %d, %v; want 2027, true", h, y, ok)
		}
	}
}

// TestWritePlanEmpty writes the plan of a community with no service to
// plan: the workbook says so, and its Actions sheet reads back empty.
func TestWritePlanEmpty(t *testing.T) {
	if err := Write(filepath.Join(t.TempDir(), "nil.xlsx"), nil); err == nil {
		t.Error("Write(nil) gives no error")
	}
	in := plan.Input{Community: hromada.Community{Code: "UA1", Name: hromada.Text{EN: "Empty"}}, FirstYear: 2026, Years: 2, FTEStep: 0.5}
	res, err := plan.Make(in)
	if err != nil {
		t.Fatal(err)
	}
	path := writeTestPlan(t, "empty", &Plan{Lang: hromada.English, Input: in, Result: res})
	summary := strings.Join(slices.Concat(booktest.SheetRows(t, path, "Summary")...), "\n")
	if !strings.Contains(summary, "No service needs to be created or enhanced.") || !strings.Contains(summary, "No new posts are needed.") {
		t.Errorf("the Summary of an empty plan:\n%s", summary)
	}
	pr, ps := Read(path)
	if len(ps) > 0 || pr == nil || len(pr.Actions) != 0 || pr.FirstYear != 2026 || pr.Years != 2 {
		t.Errorf("Read of an empty plan = %+v, %v", pr, ps)
	}
}

// TestWritePlanBasisAndFlags checks that the Gaps sheet says what each
// demand rests on, with uptake and expected users, and that the Summary
// shows the plausibility flags with the figure compared and where to look.
func TestWritePlanBasisAndFlags(t *testing.T) {
	in := testPlanInput(3)
	// Mediation (003.0, suppressed): 20 families known from the register,
	// used as the demand. Day care (015.3): 45 known children above the
	// survey's 40, a floor. A community of 5,000 residents.
	in.KnownClients = map[string]plan.KnownClients{
		"003.0": {Count: 20, Use: plan.UseDemand, AsOf: "2026-01-01", Source: "register of the centre"},
		"015.3": {Count: 45, Use: plan.UseFloor, AsOf: "2026-01-01", Source: "day-care case register"},
	}
	in.Targets["002.0"] = plan.Target{Coverage: math.NaN(), Uptake: 0.5}
	in.Community.Population = 5000
	res, err := plan.Make(in)
	if err != nil {
		t.Fatal(err)
	}
	path := writeTestPlan(t, "flags", &Plan{Lang: hromada.English, Input: in, Result: res})
	gaps := booktest.SheetRows(t, path, "Gaps")
	col := func(key string) int { return colIndex(gapColumns, key, 0) }
	basis := map[string][3]string{}
	for _, r := range gaps[1:] {
		basis[r[col("service_code")]] = [3]string{r[col("basis")], r[col("uptake")], r[col("expected")]}
	}
	// 002.0: uptake 0.5 of 996 = 498 expected users.
	want := map[string][3]string{
		"003.0": {"known clients", "1", "20"},
		"015.3": {"known clients (floor)", "1", "45"},
		"002.0": {"survey", "0.5", "498"},
		"908.0": {"", "1", ""}, // more data needed: no demand, no expected users

	}
	for code, w := range want {
		if g := basis[code]; g != w {
			t.Errorf("%s: basis, uptake, expected = %q, want %q", code, g, w)
		}
	}
	summary := strings.Join(slices.Concat(booktest.SheetRows(t, path, "Summary")...), "\n")
	// Hires: 7.25 as in the golden plan, with day care's target 0.75 × 45 =
	// 33.75 children needing 33.75/8 = 4.22 → 4.25 posts instead of 3.75:
	// 7.75 over the horizon; mediation's 20 families (target 16, 16/40 =
	// 0.4 → 0.5 post) are served by its 0.5 post. Per 5 thousand
	// residents: 1.55.
	if res.Summary.HireFTE != 7.75 {
		t.Errorf("hires %v, want 7.75", res.Summary.HireFTE)
	}
	per := res.Summary.HireFTE / 5
	for _, s := range []string{
		fmt.Sprintf("Warning: %s new posts per 1,000 residents — above the limit of 1.00 (hromada's choice: no published benchmark was found).", workbook.FormatDecimal(hromada.English, per, 2)),
		"Check the “New posts in the year” row of the Staffing sheet and the target clients on the Actions sheet.",
	} {
		if !strings.Contains(summary, s) {
			t.Errorf("the Summary does not say %q:\n%s", s, summary)
		}
	}
	if len(res.Flags) == 0 || res.Flags[0].Code != plan.FlagPostsPer1000 || per <= 1 {
		t.Errorf("flags %+v, per 1,000 %v: want the posts flag", res.Flags, per)
	}
}

// TestFingerprint writes a plan workbook and checks what Check says of it
// as written, after a byte-level re-save that keeps every value, and after
// each kind of edit.
func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.xlsx")
	if err := Write(path, testPlan(t, hromada.Ukrainian, 3)); err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Same inputs, same bytes: the fingerprint keeps the bytes deterministic.
	again := filepath.Join(dir, "again.xlsx")
	if err := Write(again, testPlan(t, hromada.Ukrainian, 3)); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(again); err != nil || !bytes.Equal(b, orig) {
		t.Fatalf("a second write gave other bytes (err %v)", err)
	}
	sheets := sheetNames(t, path)
	tests := []struct {
		name  string
		cells map[string]string
		want  workbook.Change
	}{
		{"as written", nil, workbook.Unchanged},
		// A re-save that types the same value: the zip's bytes change, the content does not.
		{"same value retyped", map[string]string{sheets[0] + "!A1": cellText(t, path, sheets[0], "A1")}, workbook.Unchanged},
		{"a value typed", map[string]string{sheets[0] + "!Z200": "ні"}, workbook.Edited},
		{"a value cleared", map[string]string{sheets[0] + "!A1": ""}, workbook.Edited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "plan.xlsx")
			if err := os.WriteFile(p, orig, 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.cells != nil {
				if err := workbook.Edit(p, tt.cells); err != nil {
					t.Fatal(err)
				}
			}
			got, err := workbook.Check(p)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Check = %d, want %d", got, tt.want)
			}
		})
	}
}

// sheetNames are the sheets of the workbook at path.
func sheetNames(t *testing.T, path string) []string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	return x.GetSheetList()
}

// cellText is a cell's raw value.
func cellText(t *testing.T, path, sh, cell string) string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	v, err := x.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestPrioritiesOnTheirOwnPage: the Summary breaks the page before the
// first priorities, so that their header row prints with their rows (in
// English it fell at the foot of the first page, its rows on the next).
func TestPrioritiesOnTheirOwnPage(t *testing.T) {
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		p := testPlan(t, lang, 3)
		path := writeTestPlan(t, string(lang), p)
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sh := f.GetSheetName(0)
		heading := planText.In(lang, "sum.top", TopPriorities)
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		row := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == heading }) + 1
		if row == 0 {
			t.Fatalf("%s: no %q on %s", lang, heading, sh)
		}
		x, ok := f.Pkg.Load("xl/worksheets/sheet1.xml")
		if !ok {
			t.Fatal("no sheet1.xml")
		}
		if brk := fmt.Sprintf(`<brk id="%d"`, row-1); !strings.Contains(string(x.([]byte)), brk) {
			t.Errorf("%s: no page break before row %d (%q)", lang, row, heading)
		}
	}
}

// TestStaffingPostNamesInEnglish: the Staffing sheet names a post with an
// English name (testPlanInput: психолог → psychologist) by it in the
// English workbook, and by its name as typed in the Ukrainian one, both
// in the by-post table and under its service («з них» / "of which"); a
// post without one (реабілітолог) shows as typed in both.
func TestStaffingPostNamesInEnglish(t *testing.T) {
	tests := []struct {
		lang        hromada.Lang
		sheet       string
		want, wrong []string
	}{
		{hromada.Ukrainian, "Персонал", []string{"психолог", "   з них: психолог", "реабілітолог", "   з них: реабілітолог"},
			[]string{"psychologist", "   з них: psychologist"}},
		{hromada.English, "Staffing", []string{"psychologist", "   of which psychologist", "реабілітолог", "   of which реабілітолог"},
			[]string{"психолог", "   of which психолог"}},
	}
	for _, tc := range tests {
		path := writeTestPlan(t, tc.sheet, testPlan(t, tc.lang, 3))
		cells := map[string]bool{}
		for _, row := range booktest.SheetRows(t, path, tc.sheet) {
			for _, c := range row {
				cells[c] = true
			}
		}
		for _, s := range tc.want {
			if !cells[s] {
				t.Errorf("%s: no cell %q", tc.lang, s)
			}
		}
		for _, s := range tc.wrong {
			if cells[s] {
				t.Errorf("%s: cell %q", tc.lang, s)
			}
		}
	}
}
