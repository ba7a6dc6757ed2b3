package consbook

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/internal/heap"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/hromada-tool/hromada/workbook/internal/booktest"
	"github.com/xuri/excelize/v2"
)

// consolidatedWrites are the workbook of four communities in both
// languages, for the golden and determinism tests.
var consolidatedWrites = booktest.WriterTest[booktest.LangCase]{Golden: "consolidated", Cases: booktest.BothLangs,
	Name: func(c booktest.LangCase) string { return c.Name },
	Write: func(t *testing.T, c booktest.LangCase, file string) string {
		return writeTestConsolidated(t, file, testConsolidated(c.Lang))
	}}

func writeTestConsolidated(t *testing.T, name string, c *Consolidated) string {
	t.Helper()
	return booktest.WriteTemp(t, name, func(path string) error { return Write(path, c) })
}

// TestWriteConsolidatedGolden compares a text dump of the consolidated
// workbook of four communities — every sheet, cell, number format, width
// and frozen pane — with the golden files in testdata/consolidated
// (go test -run WriteConsolidatedGolden -update rewrites them).
func TestWriteConsolidatedGolden(t *testing.T) { consolidatedWrites.GoldenDumps(t) }

// TestWriteConsolidatedDeterministic writes the same workbook several
// times: the files must be equal byte for byte, charts and links included.
func TestWriteConsolidatedDeterministic(t *testing.T) { consolidatedWrites.SameBytes(t, 4) }

// cellValue reads a cell's raw value.
func cellValue(t *testing.T, f *excelize.File, sh, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// findRow returns the row (from 1) whose first cell starts with prefix.
func findRow(t *testing.T, f *excelize.File, sh, prefix string) int {
	t.Helper()
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s: no row starts with %q", sh, prefix)
	return 0
}

// openCommunities opens a workbook written in English and finds the
// columns of its Communities sheet by header. The file is closed when the
// test ends.
func openCommunities(t *testing.T, path string) (f *excelize.File, col func(header string) int) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	const sh = "Communities"
	header := findRow(t, f, sh, "Community")
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	return f, func(h string) int {
		t.Helper()
		i := slices.Index(rows[header-1], h)
		if i < 0 {
			t.Fatalf("no column %q in %v", h, rows[header-1])
		}
		return i
	}
}

// TestConsolidatedTotalsRow reads the totals row of the Communities sheet
// back: its families and their bounds are consolidate.Sum's values — which
// count the suppressed estimate and leave out the failed community — not
// the sums of the columns above.
func TestConsolidatedTotalsRow(t *testing.T) {
	c := testConsolidated(hromada.English)
	f, col := openCommunities(t, writeTestConsolidated(t, "en", c))
	const sh = "Communities"
	total := findRow(t, f, sh, "Total of the 3 of 4 communities")
	// num reads a number cell, rounded as written (15 significant digits).
	num := func(col, row int) float64 {
		t.Helper()
		s := cellValue(t, f, sh, workbook.A1Name(col, row))
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%s: %q is not a number", workbook.A1Name(col, row), s)
		}
		return x
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b)) }
	tot := c.Totals
	for i, h := range []string{"All families", "IDP families with children", "Children with disabilities", "Any target group (unduplicated)"} {
		k := col(h)
		want := tot.Needs[i]
		if got := num(k, total); !near(got, want.Families) {
			t.Errorf("%s: total %v, want %v", h, got, want.Families)
		}
		if got := num(k, total+1); !near(got, want.Low) {
			t.Errorf("%s: lower bound %v, want %v", h, got, want.Low)
		}
		if got := num(k, total+2); !near(got, want.Upp) {
			t.Errorf("%s: upper bound %v, want %v", h, got, want.Upp)
		}
		if cellValue(t, f, sh, workbook.A1Name(k, total+1)) == "" || cellValue(t, f, sh, workbook.A1Name(0, total+1)) != "lower bound, 95\u00a0% CI" {
			t.Errorf("%s: the lower bound's row is not labelled", h)
		}
	}
	// The IDP total counts Olevska's suppressed estimate, shown as "–".
	if idp := tot.Needs[1].Families; !near(idp, 610*0.55+250*0.61+1800*0.5) {
		t.Errorf("IDP total %v does not count the suppressed estimate", idp)
	}
	olevska := findRow(t, f, sh, "Olevska")
	if got := cellValue(t, f, sh, workbook.A1Name(col("IDP families with children"), olevska)); got != "–" {
		t.Errorf("Olevska's suppressed estimate shows %q, want –", got)
	}
	if got := cellValue(t, f, sh, workbook.A1Name(col("Children with disabilities"), olevska)); got != "no data" {
		t.Errorf("Olevska's missing estimate shows %q, want no data", got)
	}
	for h, want := range map[string]float64{
		"Households surveyed": float64(tot.Households), "New posts (FTE)": tot.Hires, "Cost": tot.HorizonTotal,
		"Donor": tot.HorizonDonor, "State": tot.HorizonState, "Local budget": tot.HorizonLocal, "Local budget in 2028": tot.LocalAfter,
	} {
		if got := num(col(h), total); !near(got, want) {
			t.Errorf("%s: total %v, want %v", h, got, want)
		}
	}
	if tot.Households != 330+460+680 {
		t.Errorf("households %d count the failed community", tot.Households)
	}
	// The failed community has a status and no figures.
	failed := findRow(t, f, sh, "Khoroshivska")
	if got := cellValue(t, f, sh, workbook.A1Name(col("Status"), failed)); got != "failed" {
		t.Errorf("Khoroshivska's status %q", got)
	}
	if got := cellValue(t, f, sh, workbook.A1Name(col("Households surveyed"), failed)); got != "" {
		t.Errorf("Khoroshivska shows %q households", got)
	}
}

// TestConsolidatedLinks checks the links to each community's workbooks:
// relative file names, and only the workbooks written.
func TestConsolidatedLinks(t *testing.T) {
	f, col := openCommunities(t, writeTestConsolidated(t, "en", testConsolidated(hromada.English)))
	const sh = "Communities"
	links := func(row int) []string {
		var out []string
		for _, h := range []string{"Assessment", "Plan", "Budget"} {
			cell := workbook.A1Name(col(h), row)
			ok, target, err := f.GetCellHyperLink(sh, cell)
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				out = append(out, target)
			}
		}
		return out
	}
	if got := links(findRow(t, f, sh, "Andrushivska")); !slices.Equal(got, []string{"andrushivska-assessment.xlsx", "andrushivska-plan.xlsx", "andrushivska-budget.xlsx"}) {
		t.Errorf("Andrushivska's links: %v", got)
	}
	if got := links(findRow(t, f, sh, "Khoroshivska")); !slices.Equal(got, []string{"khoroshivska-assessment.xlsx"}) {
		t.Errorf("Khoroshivska's links: %v", got)
	}
}

// TestConsolidatedNoPartialFile: a workbook that cannot be put in place
// leaves nothing behind, and a missing folder or no input is an error.
func TestConsolidatedNoPartialFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "consolidated.xlsx")
	// A folder where the file should go: the rename fails at the very end.
	if err := os.MkdirAll(filepath.Join(path, "in-the-way"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, testConsolidated(hromada.Ukrainian)); err == nil {
		t.Fatal("writing over a folder did not fail")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Name() != "consolidated.xlsx" || !entries[0].IsDir() {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left behind: %v", names)
	}
	if err := Write(filepath.Join(dir, "no", "such", "c.xlsx"), testConsolidated(hromada.English)); err == nil {
		t.Error("writing into a missing folder did not fail")
	}
	if err := Write(filepath.Join(dir, "nil.xlsx"), nil); err == nil {
		t.Error("Write(nil) did not fail")
	}
	c := testConsolidated(hromada.English)
	c.Years = nil
	if err := Write(filepath.Join(dir, "noyears.xlsx"), c); err == nil {
		t.Error("a workbook without budget years did not fail")
	}
	if _, err := os.Stat(filepath.Join(dir, "nil.xlsx")); !os.IsNotExist(err) {
		t.Errorf("a failed write left a file: %v", err)
	}
}

// TestConsolidatedLongProblems: a community that failed with many
// problems gets a row as tall as a spreadsheet allows, and the workbook is
// written.
func TestConsolidatedLongProblems(t *testing.T) {
	c := testConsolidated(hromada.English)
	for i := range 60 {
		c.Rows[2].Problems = append(c.Rows[2].Problems, fmt.Sprintf("providers.xlsx, Providers!D%d: capacity is not a number", i+2))
	}
	path := writeTestConsolidated(t, "long", c)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := findRow(t, f, "Status", "Khoroshivska")
	if h, err := f.GetRowHeight("Status", row); err != nil || h != workbook.MaxRowHeight {
		t.Errorf("the row of 62 problems is %v points high (%v), want %v", h, err, workbook.MaxRowHeight)
	}
}

// TestConsolidatedNothingRan writes the workbook of a project whose every
// community failed: no totals, no charts, and the sentence says so.
func TestConsolidatedNothingRan(t *testing.T) {
	c := testConsolidated(hromada.English)
	for i := range c.Rows {
		c.Rows[i].Status, c.Rows[i].Stage = consolidate.Failed, "check"
	}
	c.Totals = consolidate.Sum(c.Rows, c.Level)
	path := writeTestConsolidated(t, "failed", c)
	summary := strings.Join(slices.Concat(booktest.SheetRows(t, path, "Summary")...), "\n")
	if !strings.Contains(summary, "None of the 4 communities of the project ran to the end") ||
		!strings.Contains(summary, "No community ran to the end: there is nothing to draw.") {
		t.Errorf("the Summary of a project where nothing ran:\n%s", summary)
	}
	if strings.Contains(zipParts(t, path), "xl/charts/") {
		t.Error("charts are drawn though nothing ran")
	}
}

// zipParts lists the parts of a workbook's ZIP.
func zipParts(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var names []string
	f.Pkg.Range(func(k, _ any) bool {
		names = append(names, k.(string))
		return true
	})
	slices.Sort(names)
	return strings.Join(names, "\n")
}

// TestConsolidatedManyCommunities: with more than 30 communities, the
// community charts draw the 25 largest, and the Summary says so.
func TestConsolidatedManyCommunities(t *testing.T) {
	c := syntheticConsolidated(hromada.English, 60)
	path := writeTestConsolidated(t, "many", c)
	summary := strings.Join(slices.Concat(booktest.SheetRows(t, path, "Summary")...), "\n")
	if !strings.Contains(summary, "The chart shows the 25 communities with the largest values of ") {
		t.Errorf("the Summary does not say the charts show the largest 25:\n%s", summary)
	}
	need := booktest.ZipPart(t, path, "xl/charts/chart1.xml")
	if n := strings.Count(need, "<c:pt idx=") + strings.Count(need, "<pt idx="); n == 0 {
		// excelize writes no cached points: count the category range instead.
		if !strings.Contains(need, "$A$2:$A$26") {
			t.Errorf("the need chart does not draw 25 communities:\n%s", need)
		}
	}
	if rows := booktest.SheetRows(t, path, "Communities"); len(rows) < 60 {
		t.Errorf("Communities has %d rows", len(rows))
	}
	dump, err := workbook.Dump(path)
	if err != nil {
		t.Fatal(err)
	}
	if i := strings.Index(dump, "%!"); i >= 0 {
		t.Errorf("a text is formatted badly: %s", dump[max(0, i-100):i+40])
	}
}

// TestConsolidatedTexts checks that every text the consolidated writer
// uses is in consText in both languages, with the same arguments.
func TestConsolidatedTexts(t *testing.T) {
	used := booktest.WriterKeys(t, "consolidated*.go")
	mentioned := map[string]bool{} // every string of the writer, some of them keys passed on
	for _, k := range booktest.SourceMatches(t, "consolidated*.go", regexp.MustCompile(`"([a-z0-9_.]+)"`)) {
		mentioned[k] = true
	}
	for _, k := range []string{csSummary, csCommunities, csNeeds, csServices, csBudget, csStatus, csMethods} {
		used["sheet."+k] = true
	}
	for _, k := range []string{"status.ok", "status.failed", "stage.check", "stage.assess", "stage.plan", "stage.budget",
		"file.assessment", "file.plan", "file.budget", "com.create", "com.enhance", "com.sufficient", "com.unknown",
		"com.total", "com.donor", "com.state", "com.local", "com.assessment", "com.plan", "com.budget"} {
		used[k] = true
	}
	booktest.CheckTextKeys(t, "consText", consText, used, 100)
	for k, txt := range consText {
		if strings.Count(txt.UK, "%") != strings.Count(txt.EN, "%") {
			t.Errorf("text %q: the languages take different arguments: %q, %q", k, txt.UK, txt.EN)
		}
		if !used[k] && !mentioned[k] {
			t.Errorf("text %q is not used", k)
		}
	}
}

// BenchmarkWriteConsolidated writes the workbook of 1,469 communities —
// every community of Ukraine — with fifteen needs and fourteen services
// each.
func BenchmarkWriteConsolidated(b *testing.B) {
	c := syntheticConsolidated(hromada.Ukrainian, 1469)
	path := filepath.Join(b.TempDir(), "consolidated.xlsx")
	b.ReportAllocs()
	peak := heap.Watch()
	for b.Loop() {
		if err := Write(path, c); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(peak(), "peak-heap-MiB")
	if info, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(info.Size())/(1<<20), "file-MiB")
	}
}

// TestConsolidatedStaleStatus: a community some of whose workbooks are
// older than their inputs (Row.Stale) is "ok, out of date" on the
// Communities and Status sheets, with the line naming them; the others
// keep their status.
func TestConsolidatedStaleStatus(t *testing.T) {
	c := testConsolidated(hromada.English)
	c.Rows[0].Stale = true
	c.Rows[0].Problems = append(c.Rows[0].Problems, "a-plan.xlsx is out of date: made from another version of a-assessment.xlsx")
	path := writeTestConsolidated(t, "stale.xlsx", c)
	for _, sheet := range []string{"Communities", "Status"} {
		if !booktest.SheetHas(t, path, sheet, "ok, out of date") {
			t.Errorf("sheet %s does not mark the stale community", sheet)
		}
	}
	if !booktest.SheetHas(t, path, "Status", "made from another version of a-assessment.xlsx") {
		t.Error("the Status sheet does not name the stale workbook")
	}
	c.Rows[0].Stale = false
	if path := writeTestConsolidated(t, "current.xlsx", c); booktest.SheetHas(t, path, "Status", "ok, out of date") || booktest.SheetHas(t, path, "Communities", "ok, out of date") {
		t.Error("a workbook without stale communities says out of date")
	}
}

// TestHeaderSetOffFromNumbers: on the Status sheet the header of the text
// column «Що виправити» follows the right-aligned «Попереджень»; it is
// indented, as its texts are, so the two headers do not run together.
func TestHeaderSetOffFromNumbers(t *testing.T) {
	for _, lang := range []hromada.Lang{hromada.Ukrainian, hromada.English} {
		path := writeTestConsolidated(t, string(lang), testConsolidated(lang))
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sh := consText.In(lang, "sheet.status")
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		header := consText.In(lang, "st.problems")
		found := false
		for r, row := range rows {
			c := slices.Index(row, header)
			if c < 1 {
				continue
			}
			found = true
			align := func(col int) excelize.Alignment {
				id, err := f.GetCellStyle(sh, workbook.A1Name(col, r+1))
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(id)
				if err != nil || st.Alignment == nil {
					t.Fatalf("%s: style of %s: %v", lang, workbook.A1Name(col, r+1), err)
				}
				return *st.Alignment
			}
			if left, this := align(c-1), align(c); left.Horizontal == "right" && this.Indent < 1 {
				t.Errorf("%s %s: %q right of a right-aligned header, indent %d", lang, workbook.A1Name(c, r+1), header, this.Indent)
			}
		}
		if !found {
			t.Errorf("%s: no header %q on %s", lang, header, sh)
		}
	}
}
