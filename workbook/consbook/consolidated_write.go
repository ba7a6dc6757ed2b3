package consbook

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/assess"
	"github.com/hromada-tool/hromada/consolidate"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
	"gonum.org/v1/gonum/stat/distuv"
)

// Write writes the consolidated workbook of a project to path,
// whole or not at all, with every text in c.Lang: what a consortium expert
// or a regional official reads to compare the communities. Its sheets, in
// order:
//
//   - Summary: sentences for a report, the key figures, the communities by
//     cliff year, and charts of the families in need by community, of who
//     pays by year and of the local cost as a share of revenue by
//     community (the 25 largest when there are more than 30 communities);
//   - Communities: one row per community — need by group, plan, budget,
//     cliff, affordability and links to its workbooks — and the totals;
//   - Needs: the totals by group with their intervals, then a long table
//     of group × community;
//   - Services: the totals by service, then service × community;
//   - Budget: the project's cost by year and who pays, then the local cost
//     of each community by year;
//   - Status: how each community's run went and what to fix;
//   - Methods: how every figure is made.
//
// Every figure is a value (no formulas). A suppressed estimate shows as
// "–", an unknown one as "no data"; a NaN is never written as a number.
// docs/consolidated-workbook.md describes the layout. The same input
// gives the same bytes.
func Write(path string, c *Consolidated) error {
	if c == nil {
		return errors.New("no consolidated workbook to write")
	}
	if len(c.Years) == 0 {
		return errors.New("consolidated workbook: no budget years")
	}
	w := newConsWriter(c)
	// A stream longer than excelize's chunk waits in a temporary file,
	// which closing the file removes.
	defer w.b.File.Close()
	w.communitiesSheet()
	w.needsSheet()
	w.servicesSheet()
	w.budgetSheet()
	w.statusSheet()
	w.methodsSheet()
	w.summary()
	return w.b.Save(path)
}

// Sheets of the consolidated workbook, in order; their names are the texts
// "sheet.<key>".
const (
	csSummary     = "summary"
	csCommunities = "communities"
	csNeeds       = "needs"
	csServices    = "services"
	csBudget      = "budget"
	csStatus      = "status"
	csMethods     = "methods"
)

// Marks written in place of a number.
const (
	suppressedMark = "–" // the community's estimate is suppressed
	chartTop       = 25  // communities a chart shows when there are too many
	chartAll       = 30  // up to this many, a chart shows every community
)

// consWriter writes one consolidated workbook.
type consWriter struct {
	c     *Consolidated
	b     *workbook.Book
	lang  hromada.Lang
	level float64
	name  map[string]string     // sheet names by key
	sum   *workbook.ReportSheet // the Summary, written last
	// head is the index of the need the report leads with: any target
	// group, else all households; -1 when there is none.
	head int
	// budgetTotals are the rows of the Budget sheet's project totals,
	// which the Summary's chart draws.
	budgetTotals workbook.TableRows
	linkStyle    int
	pageTop      int // the Summary's first row on the current printed page

}

func newConsWriter(c *Consolidated) *consWriter {
	w := &consWriter{c: c, b: workbook.NewBook(), lang: c.Lang, level: c.Level, name: map[string]string{}, head: -1}
	w.b.File.SetZipWriter(newSortedZip)
	if w.lang != hromada.English {
		w.lang = hromada.Ukrainian
	}
	if w.level <= 0 || w.level >= 1 {
		w.level = 0.95
	}
	for _, k := range []string{csSummary, csCommunities, csNeeds, csServices, csBudget, csStatus, csMethods} {
		w.name[k] = workbook.SheetName(w.t("sheet." + k))
	}
	for i, g := range c.Groups {
		if g.ID == assess.AnyGroup || g.ID == assess.AllGroup && w.head < 0 {
			w.head = i
		}
	}
	w.sum = w.b.NewReport(w.name[csSummary], []float64{62, 16, 21, 21})
	return w
}

func (w *consWriter) t(key string, args ...any) string { return ctr(w.lang, key, args...) }

// years is the number of budget years; lastYear the last of them.
func (w *consWriter) years() int    { return len(w.c.Years) }
func (w *consWriter) lastYear() int { return w.c.Years[len(w.c.Years)-1] }

// yearSpan names the budget years: "2026–2030", or "2026".
func (w *consWriter) yearSpan() string {
	if w.years() == 1 {
		return strconv.Itoa(w.c.Years[0])
	}
	return fmt.Sprintf("%d–%d", w.c.Years[0], w.lastYear())
}

// ci names the intervals: «95 % ДІ», "95 % CI".
func (w *consWriter) ci() string {
	l := w.level * 100
	d := 0
	if l != math.Round(l) {
		d = 1
	}
	return workbook.ReportText.In(w.lang, "ci", workbook.FormatDecimal(w.lang, l, d))
}

// z is the normal quantile of the intervals.
func (w *consWriter) z() float64 { return distuv.UnitNormal.Quantile(1 - (1-w.level)/2) }

// hasThreshold reports whether the project sets an affordability threshold.
func (w *consWriter) hasThreshold() bool { return !math.IsNaN(w.c.Threshold) && w.c.Threshold > 0 }

// ran counts the communities that ran.
func (w *consWriter) ran() int { return w.c.Totals.Communities - w.c.Totals.Failed }

func (w *consWriter) money(v float64) string { return workbook.FormatCount(w.lang, v) }

// count writes a number of communities or services: «1 469», "1,469".
func (w *consWriter) count(n int) string { return workbook.FormatCount(w.lang, float64(n)) }
func (w *consWriter) pct2(v float64) string {
	return workbook.FormatDecimal(w.lang, v*100, 2) + "\u00a0%"
}

// communityName names a community in the workbook's language, or by code.
func (w *consWriter) communityName(r consolidate.Row) string {
	if s := r.Community.Name.In(w.lang); s != "" {
		return s
	}
	return r.Community.Code
}

// groupName names the i-th need's group.
func (w *consWriter) groupName(i int) string {
	if i >= len(w.c.Groups) {
		return ""
	}
	g := w.c.Groups[i]
	if s := g.Name.In(w.lang); s != "" {
		return s
	}
	switch g.ID {
	case assess.AllGroup:
		return workbook.ReportText.In(w.lang, "group.all")
	case assess.AnyGroup:
		return workbook.ReportText.In(w.lang, "group.any")
	}
	return g.ID
}

// groupUnit is the plural name of what the i-th need counts.
func (w *consWriter) groupUnit(i int) string {
	var u hromada.Unit
	if i < len(w.c.Groups) {
		u = w.c.Groups[i].Unit
	}
	return workbook.UnitPlural(w.lang, u)
}

// service is the service of code, by name in c.Services.
func (w *consWriter) service(code string) hromada.Service {
	for _, s := range w.c.Services {
		if s.Code == code {
			return s
		}
	}
	return hromada.Service{Code: code}
}

func (w *consWriter) serviceName(s hromada.Service) string {
	if n := s.Name.In(w.lang); n != "" {
		return n
	}
	return s.Code
}

// statusWord is a run's status in words; the Communities and Status sheets
// colour the failed ones by this word.
// rowStatus is the status word of a community's row: statusWord, or
// "ok, out of date" when some of its workbooks are older than their
// inputs (Row.Stale).
func (w *consWriter) rowStatus(r consolidate.Row) string {
	if r.Status == consolidate.OK && r.Stale {
		return w.t("status.stale")
	}
	return w.statusWord(r.Status)
}

// statusWord is a status in words.
func (w *consWriter) statusWord(s consolidate.Status) string {
	if s == consolidate.OK {
		return w.t("status.ok")
	}
	return w.t("status.failed")
}

// stage names a stage in words, or as it is.
func (w *consWriter) stage(s string) string {
	if _, ok := consText["stage."+s]; ok {
		return w.t("stage." + s)
	}
	return s
}

func (w *consWriter) yesNo(b bool) string {
	if b {
		return w.t("yes")
	}
	return w.t("no")
}

// known is v, or "no data" for NaN.
func (w *consWriter) known(v float64) any {
	if math.IsNaN(v) {
		return w.t("nodata")
	}
	return v
}

// need is what a table shows for a community's need: the families, "–"
// when suppressed, "no data" when not estimated.
func (w *consWriter) need(n consolidate.Need) any {
	switch {
	case !n.Known():
		return w.t("nodata")
	case n.Suppressed:
		return suppressedMark
	}
	return n.Families
}

// total is what a table shows for a project total of families: the
// families, "–" when hidden (it would give back a single suppressed
// estimate), "no data" when no community has an estimate.
func (w *consWriter) total(n consolidate.Need) any {
	if n.Suppressed {
		return suppressedMark
	}
	return w.known(n.Families)
}

// suppressedWord is what the Suppressed column says of a community's
// estimate: no, yes, or that it is hidden to protect a small cell.
func (w *consWriter) suppressedWord(n consolidate.Need) string {
	if n.Complementary {
		return w.t("supp.comp")
	}
	return w.yesNo(n.Suppressed)
}

// footer is what a sheet's printed pages say at the foot: the project and
// the sheet.
func (w *consWriter) footer(sh string) string {
	if w.c.Project != "" {
		return w.c.Project + " — " + sh
	}
	return sh
}

// pageSetup sets a sheet to print as [workbook.Book.PageSetup] does, the project
// and the sheet named in the footer.
func (w *consWriter) pageSetup(sh, titleRows string) {
	w.b.PageSetup(sh, titleRows, w.footer(sh))
}

// stream adds the table sheet of key, its columns the given widths.
func (w *consWriter) stream(key string, widths []float64) *streamSheet {
	return newStream(w.b, w.name[key], widths, w.footer(w.name[key]))
}

// printTitles repeats rows from to to of a sheet, and with col its first
// column, on every printed page.
func (w *consWriter) printTitles(sh string, col bool, from, to int) {
	q := workbook.QuotedSheet(sh)
	ref := fmt.Sprintf("%s!$%d:$%d", q, from, to)
	if col {
		ref = q + "!$A:$A," + ref
	}
	w.b.Fail(w.b.File.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sh, RefersTo: ref}))
}

// grid is a table of a sheet whose columns share the sheet's widths.
type grid struct {
	cols []workbook.Col
	rows [][]any
}

// fitGrid fits the column widths of a sheet to the tables on it: each
// column as wide as the widest of its tables needs.
func fitGrid(tables ...grid) []float64 {
	var out []float64
	for _, t := range tables {
		for c, col := range t.cols {
			wd := col.Width
			if wd == 0 {
				wd = workbook.FitWidth(col, c, t.rows)
			}
			if c >= len(out) {
				out = append(out, 0)
			}
			out[c] = max(out[c], wd)
		}
	}
	return out
}

// fileKind says which of a community's workbooks a file is: "assessment",
// "plan", "budget", or "" for another file.
func fileKind(name string) string {
	base := strings.TrimSuffix(strings.ToLower(name), ".xlsx")
	for _, k := range []string{"assessment", "plan", "budget"} {
		if strings.HasSuffix(base, "-"+k) || base == k {
			return k
		}
	}
	return ""
}

// link makes a cell a link to a file beside the workbook.
func (w *consWriter) link(sh, cell, file string) {
	if w.linkStyle == 0 {
		id, err := w.b.File.NewStyle(&excelize.Style{
			Font:      &excelize.Font{Family: "Calibri", Size: 11, Color: "0563C1", Underline: "single"},
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left", Indent: 1},
		})
		w.b.Fail(err)
		w.linkStyle = id
	}
	w.b.Fail(w.b.File.SetCellHyperLink(sh, cell, file, "External"))
	w.b.Fail(w.b.File.SetCellStyle(sh, cell, cell, w.linkStyle))
}
