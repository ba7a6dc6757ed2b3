package workbook

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sheet is a sheet of a workbook a test writes: cells by reference.
type sheet struct {
	name  string
	cells map[string]any
}

// writeXLSX writes a workbook with the given sheets into the test's
// temporary folder and returns its path.
func writeXLSX(t testing.TB, name string, sheets ...sheet) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := x.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := x.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for ref, v := range s.cells {
			if f, ok := v.(formula); ok {
				if err := x.SetCellFormula(s.name, ref, string(f)); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if err := x.SetCellValue(s.name, ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), name)
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// formula is a cell formula for writeXLSX.
type formula string

// row makes the cells of one row, from column A on.
func row(n int, values ...any) map[string]any {
	cells := map[string]any{}
	for i, v := range values {
		if v == nil {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(i+1, n)
		cells[ref] = v
	}
	return cells
}

// cells merges rows into one map.
func cells(rows ...map[string]any) map[string]any {
	all := map[string]any{}
	for _, r := range rows {
		for k, v := range r {
			all[k] = v
		}
	}
	return all
}
