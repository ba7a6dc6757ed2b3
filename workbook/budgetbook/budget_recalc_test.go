package budgetbook

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/budget"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// recalcProfile is a LibreOffice user profile that recalculates every
// formula of a workbook it loads ("Recalculation on file load: always",
// for OOXML and ODF): the test must not depend on LibreOffice deciding
// whether a workbook needs it.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// probeTimeout bounds the probe's conversion of one tiny file: a first
// start of LibreOffice with a new profile takes a few seconds, more on a
// busy machine; one that has not converted it by then does not work.
const probeTimeout = 90 * time.Second

// probeSoffice converts a one-cell CSV file into an XLSX workbook with the
// LibreOffice at soffice and the user profile, within timeout. It returns
// why LibreOffice does not work — it failed, hung or wrote nothing — or
// nil. A LibreOffice that is installed but broken (a missing library, a
// profile it cannot write, a display it waits for) then skips the tests
// with that reason instead of failing them with a conversion error or
// hanging for minutes.
func probeSoffice(soffice, profile, dir string, timeout time.Duration) error {
	in := filepath.Join(dir, "probe.csv")
	if err := os.WriteFile(in, []byte("1\n"), 0o644); err != nil {
		return err
	}
	out := filepath.Join(dir, "probe")
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(profile), "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	cmd.WaitDelay = 5 * time.Second // a child that keeps the output open does not hold the test
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	err := cmd.Run()
	if ctx.Err() != nil {
		return fmt.Errorf("converting a one-cell file took more than %v", timeout)
	}
	if err != nil {
		return fmt.Errorf("converting a one-cell file: %v: %s", err, strings.TrimSpace(output.String()))
	}
	if _, err := os.Stat(filepath.Join(out, "probe.xlsx")); err != nil {
		return fmt.Errorf("converting a one-cell file wrote nothing: %s", strings.TrimSpace(output.String()))
	}
	return nil
}

// recalculate converts the workbooks with LibreOffice, which
// recalculates them on loading, into dir/out, and returns the paths of
// the recalculated copies. It skips the test when soffice is not
// installed, or is installed but does not work (probeSoffice).
func recalculate(t *testing.T, dir string, paths ...string) []string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not on PATH: the formulas are not checked; .ci/run installs libreoffice-calc-nogui")
	}
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := probeSoffice(soffice, profile, dir, probeTimeout); err != nil {
		t.Skipf("LibreOffice (%s) is installed but does not work, so the formulas are not checked: %v; reinstall it (libreoffice-calc-nogui) or take it off PATH", soffice, err)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out}, paths...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, stderr.String())
	}
	var got []string
	for _, p := range paths {
		q := filepath.Join(out, filepath.Base(p))
		if _, err := os.Stat(q); err != nil {
			t.Fatalf("soffice wrote no %s: %v\n%s", q, err, stderr.String())
		}
		got = append(got, q)
	}
	return got
}

// recalcCheck compares a workbook with its recalculated copy.
type recalcCheck struct {
	formulas int      // formula cells compared
	maxDiff  float64  // largest relative difference of a number
	problems []string // cells that differ, and error values
}

// errorValue matches the error values of Excel and LibreOffice.
var errorValue = regexp.MustCompile(`^(#(REF!|VALUE!|NAME\?|DIV/0!|N/A|NUM!|NULL!)|Err:\d+)`)

// compareRecalculated reads every formula cell of the workbook at path and
// the value of the same cell in the recalculated copy: numbers must agree
// within 1e-9 relative (or 1e-6 absolute near zero), texts exactly; no
// cell of the copy may hold an error value.
func compareRecalculated(t *testing.T, path, recalculated string) recalcCheck {
	t.Helper()
	orig, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	rec, err := excelize.OpenFile(recalculated)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
	var c recalcCheck
	for _, sh := range orig.GetSheetList() {
		rows, err := orig.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for col := range row {
				cell, _ := excelize.CoordinatesToCellName(col+1, r+1)
				formula, err := orig.GetCellFormula(sh, cell)
				if err != nil {
					t.Fatal(err)
				}
				if formula == "" {
					continue
				}
				c.formulas++
				want, err := orig.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				got, err := rec.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				wt, _ := orig.GetCellType(sh, cell)
				if wt == excelize.CellTypeNumber {
					w, err1 := strconv.ParseFloat(want, 64)
					g, err2 := strconv.ParseFloat(got, 64)
					if err1 != nil || err2 != nil {
						c.problems = append(c.problems, fmt.Sprintf("%s!%s: =%s wrote %q, LibreOffice %q", sh, cell, formula, want, got))
						continue
					}
					d := math.Abs(g-w) / math.Max(math.Abs(w), 1)
					c.maxDiff = math.Max(c.maxDiff, d)
					if math.Abs(g-w) > math.Max(1e-9*math.Abs(w), 1e-6) {
						c.problems = append(c.problems, fmt.Sprintf("%s!%s: =%s wrote %s, LibreOffice %s", sh, cell, formula, want, got))
					}
					continue
				}
				if got != want {
					c.problems = append(c.problems, fmt.Sprintf("%s!%s: =%s wrote %q, LibreOffice %q", sh, cell, formula, want, got))
				}
			}
		}
	}
	for _, sh := range rec.GetSheetList() {
		rows, err := rec.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for col, v := range row {
				if errorValue.MatchString(v) {
					cell, _ := excelize.CoordinatesToCellName(col+1, r+1)
					c.problems = append(c.problems, fmt.Sprintf("%s!%s: LibreOffice shows %s", sh, cell, v))
				}
			}
		}
	}
	return c
}

// TestProbeSoffice: the probe tells a broken LibreOffice — one that
// exits with an error, one that hangs, one that writes nothing. (A working
// one passes it in TestBudgetRecalculatesInLibreOffice, which would skip
// otherwise.)
func TestProbeSoffice(t *testing.T) {
	dir := t.TempDir()
	fake := func(name, script string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, script string
		want         string // in the error
	}{
		{"exits with an error", "echo 'error while loading shared libraries: libuno_sal.so.3' >&2; exit 127", "libuno_sal.so.3"},
		{"hangs", "exec sleep 30", "took more than"},
		{"writes nothing", "exit 0", "wrote nothing"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := filepath.Join(dir, strconv.Itoa(i))
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
			err := probeSoffice(fake("soffice"+strconv.Itoa(i), tt.script), filepath.Join(d, "profile"), d, time.Second)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("probe = %v, want an error saying %q", err, tt.want)
			}
		})
	}
}

// TestBudgetRecalculatesInLibreOffice opens the example budget workbooks
// in LibreOffice, which recalculates every formula, and requires every
// recalculated cell to equal the value hromada wrote — the figures of
// package budget — and no error value anywhere. A third workbook with
// one cached value changed proves the comparison can fail.
func TestBudgetRecalculatesInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice takes seconds")
	}
	dir := t.TempDir()
	cases := []struct {
		name string
		bg   *Budget
	}{
		{"budget_uk", testBudget(t, hromada.Ukrainian, budgetInput())},
		{"budget_en", testBudget(t, hromada.English, budgetInput())},
		{"budget_edge", testBudget(t, hromada.English, budgetEdgeInput())},
	}
	var paths []string
	for _, c := range cases {
		p := filepath.Join(dir, c.name+".xlsx")
		if err := Write(p, c.bg); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	// A copy with one cached value wrong: the local cost of the cliff year
	// on the Funding sheet.
	corrupt := filepath.Join(dir, "budget_corrupt.xlsx")
	sheet, cell := corruptOne(t, paths[1], corrupt, "Funding", "Local budget", 3)
	paths = append(paths, corrupt)
	// A copy a budget officer has edited.
	edited := filepath.Join(dir, "budget_edited.xlsx")
	ed := editBudget(t, edited)
	paths = append(paths, edited)

	rec := recalculate(t, dir, paths...)
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := compareRecalculated(t, paths[i], rec[i])
			t.Logf("%d formula cells recalculated by LibreOffice, largest relative difference %.3g", got.formulas, got.maxDiff)
			if got.formulas < 200 {
				t.Errorf("only %d formula cells", got.formulas)
			}
			for _, p := range got.problems {
				t.Error(p)
			}
		})
	}
	t.Run("edited assumptions", func(t *testing.T) {
		ed.check(t, rec[len(rec)-1])
	})
	t.Run("corrupted value is caught", func(t *testing.T) {
		got := compareRecalculated(t, corrupt, rec[len(rec)-2])
		want := sheet + "!" + cell + ":"
		if len(got.problems) != 1 || !strings.HasPrefix(got.problems[0], want) {
			t.Errorf("a wrong cached value in %s%s: problems %q, want one for that cell", sheet, cell, got.problems)
		}
	})
}

// corruptOne copies the workbook at from to to with the cached value of
// one formula cell changed: on sheet, in the row whose column B says
// label, the value of year t. It returns the sheet and the cell.
func corruptOne(t *testing.T, from, to, sheet, label string, year int) (string, string) {
	t.Helper()
	f, err := excelize.OpenFile(from)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	cell := ""
	for r, row := range rows {
		if len(row) > 1 && row[1] == label {
			cell, _ = excelize.CoordinatesToCellName(w0YearCol+1+year, r+1)
			break
		}
	}
	if cell == "" {
		t.Fatalf("no row %q on %s", label, sheet)
	}
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts, err := workbook.SheetParts(zr)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	changed := false
	for _, zf := range zr.File {
		if zf.Name != parts[sheet] {
			if err := zw.Copy(zf); err != nil {
				t.Fatal(err)
			}
			continue
		}
		b, err := workbook.ReadZipFile(zf)
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(`(<c r="` + cell + `"[^>]*><f>[^<]*</f><v>)([^<]*)(</v>)`)
		b = re.ReplaceAllFunc(b, func(m []byte) []byte {
			changed = true
			sub := re.FindSubmatch(m)
			v, _ := strconv.ParseFloat(string(sub[2]), 64)
			return []byte(string(sub[1]) + strconv.FormatFloat(v+1000, 'f', -1, 64) + string(sub[3]))
		})
		wr, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := wr.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !changed {
		t.Fatalf("no formula cell %s on %s", cell, sheet)
	}
	if err := os.WriteFile(to, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return sheet, cell
}

// w0YearCol is the column (from 0) before the first year of the Funding
// sheet.
const w0YearCol = 5

// editedBudget is the example workbook as a budget officer changed it —
// the CPI of 2027, the donor's share in 2028, the psychologist's salary,
// the minimum wage of December 2030 — and the projection of the same
// changes by package budget.
type editedBudget struct {
	w    *budgetWriter // the workbook as written, for the places of its cells
	want *budget.Result
}

// editBudget writes the example workbook to path and edits four of its
// assumption cells as a person would.
func editBudget(t *testing.T, path string) editedBudget {
	t.Helper()
	in := budgetInput()
	w, err := buildBudget(testBudget(t, hromada.English, in))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.b.Save(path); err != nil {
		t.Fatal(err)
	}
	a := &w.as
	as := w.name[bsAssumptions]
	ref := func(c cellAt) string { return as + "!" + workbook.A1Name(c.col, c.row) }
	psychologist := cellAt{as, a.yearCol + 1, a.post[[2]string{"010.1", "психолог"}]}
	if err := workbook.Edit(path, map[string]string{
		ref(w.year(a.cpiRate, 1)):      "0.12",
		ref(w.year(a.donor[""], 2)):    "0.5",
		ref(psychologist):              "13000",
		ref(w.year(a.minWage.Last, 4)): "12135",
	}); err != nil {
		t.Fatal(err)
	}
	in.Params.CPI = []float64{0.099, 0.12, 0.099, 0.099, 0.099}
	in.Funding.Default.Donor = []float64{1, 0.7, 0.5, 0, 0}
	in.Posts[1].Salary = 13000
	in.Params.MinimumWage[4][11] = 12135
	want, err := budget.Project(in)
	if err != nil {
		t.Fatal(err)
	}
	return editedBudget{w: w, want: want}
}

// check compares the recalculated edited workbook with budget's
// projection of the edited input: every cost line, who pays each year,
// the cumulative local commitment and its discounted value.
func (e editedBudget) check(t *testing.T, recalculated string) {
	t.Helper()
	f, err := excelize.OpenFile(recalculated)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	near := func(what string, c cellAt, want float64) {
		t.Helper()
		n++
		v, err := f.GetCellValue(c.sh, workbook.A1Name(c.col, c.row), excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		got, err := strconv.ParseFloat(v, 64)
		if err != nil || math.Abs(got-want) > math.Max(1e-9*math.Abs(want), 1e-6) {
			t.Errorf("%s (%s!%s) = %q after the edit, budget computes %.10g", what, c.sh, workbook.A1Name(c.col, c.row), v, want)
		}
	}
	w, r := e.w, e.want
	cs, fs := w.name[bsCosts], w.name[bsFunding]
	for i, l := range r.Lines {
		for t, a := range l.Amount {
			near(fmt.Sprintf("%s %s %s %d", l.Service, l.Kind, l.Item, r.Years[t]), cellAt{cs, w.co.yearCol + t, w.co.lineRow[i]}, a)
		}
	}
	for t, y := range r.Totals {
		near(fmt.Sprint("donor ", y.Year), cellAt{fs, w.fu.yearCol + t, w.fu.allDonor}, y.Donor)
		near(fmt.Sprint("state ", y.Year), cellAt{fs, w.fu.yearCol + t, w.fu.allState}, y.State)
		near(fmt.Sprint("local ", y.Year), cellAt{fs, w.fu.yearCol + t, w.fu.allLocal}, y.Local)
	}
	near("cumulative local commitment", cellAt{fs, w.fu.totalCol, w.fu.allLocal}, r.Horizon.Local)
	near("discounted local cost", w.af.localPV, r.Horizon.LocalPV)
	if r.Horizon.Local == e.w.r.Horizon.Local {
		t.Error("the edits do not change the cumulative local commitment: the check proves nothing")
	}
	t.Logf("%d cells of the edited workbook agree with budget.Project of the edited input", n)
}
