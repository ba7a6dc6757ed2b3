package budgetbook

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/hromada-tool/hromada/workbook"
	"github.com/xuri/excelize/v2"
)

// TestBudgetFlagsOutOfRangeInputs: a donor share typed as 70 instead of
// 0.7 is outside the cell's validation, turns the Summary's flag on
// (excelize computes the flag's formula as Excel would), and a valid 0.7
// turns it off again. The example budget's inputs are all in range: the
// flag is empty as written.
func TestBudgetFlagsOutOfRangeInputs(t *testing.T) {
	_, w, f := savedBudget(t)
	as, sum := w.name[bsAssumptions], w.name[bsSummary]
	// The Summary's flag is on row 4, the gap between the how-to line (3)
	// and the report's heading.
	flag := func() string {
		t.Helper()
		v, err := f.CalcCellValue(sum, "A4")
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := flag(); got != "" {
		t.Fatalf("flag %q with every input in range, want empty", got)
	}
	row, ok := w.as.donor[""]
	if !ok {
		t.Fatalf("no default donor schedule row in %v", w.as.donor)
	}
	donor := workbook.A1Name(w.as.yearCol+1, row) // the donor share of the second year
	dvs, err := f.GetDataValidations(as)
	if err != nil {
		t.Fatal(err)
	}
	guarded := false
	for _, dv := range dvs {
		for _, ref := range strings.Fields(dv.Sqref) {
			from, to, _ := strings.Cut(ref, ":")
			if to == "" {
				to = from
			}
			c1, r1, _ := excelize.CellNameToCoordinates(from)
			c2, r2, _ := excelize.CellNameToCoordinates(to)
			if r1 == row && r2 == row && c1 <= w.as.yearCol+2 && w.as.yearCol+2 <= c2 && dv.Formula1 == "0" && dv.Formula2 == "1" {
				guarded = true
			}
		}
	}
	if !guarded {
		t.Errorf("the donor share %s!%s has no validation between 0 and 1", as, donor)
	}
	for _, tc := range []struct {
		v    float64
		flag bool
	}{{70, true}, {-0.1, true}, {0.7, false}} {
		if err := f.SetCellValue(as, donor, tc.v); err != nil {
			t.Fatal(err)
		}
		got := flag()
		if tc.flag != (got != "") || (tc.flag && !strings.Contains(got, "out of range")) {
			t.Errorf("donor share %v: flag %q, want shown %v", tc.v, got, tc.flag)
		}
	}
}

// TestBudgetFlagInLibreOffice: in LibreOffice, which recalculates every
// formula on opening, the Summary's flag is empty as written and shows
// once a donor share is typed as 70 instead of 0.7.
func TestBudgetFlagInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice takes seconds")
	}
	dir := t.TempDir()
	w, err := buildBudget(testBudget(t, hromada.English, budgetInput()))
	if err != nil {
		t.Fatal(err)
	}
	clean, edited := filepath.Join(dir, "clean.xlsx"), filepath.Join(dir, "edited.xlsx")
	for _, p := range []string{clean, edited} {
		if err := w.b.Save(p); err != nil {
			t.Fatal(err)
		}
	}
	as := w.name[bsAssumptions]
	if err := workbook.Edit(edited, map[string]string{as + "!" + workbook.A1Name(w.as.yearCol+1, w.as.donor[""]): "70"}); err != nil {
		t.Fatal(err)
	}
	rec := recalculate(t, dir, clean, edited)
	for i, want := range []bool{false, true} {
		f, err := excelize.OpenFile(rec[i])
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.GetCellValue(w.name[bsSummary], "A4")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if shown := strings.Contains(got, "out of range"); shown != want {
			t.Errorf("%s: flag %q, want shown %v", filepath.Base(rec[i]), got, want)
		}
	}
}
