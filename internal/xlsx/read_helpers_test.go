package xlsx

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// sharedData returns the folder of shared data files beside the project
// (../shared/data from the module root), or skips the test without it.
func sharedData(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	data := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		t.Skip("../shared/data is absent")
	}
	return data
}

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

// writeFile writes content into the test's temporary folder.
func writeFile(t testing.TB, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// openTable opens the first sheet of path.
func openTable(t testing.TB, path string) (*File, *Table) {
	t.Helper()
	f, err := Open(path, OpenOptions{})
	if err != nil {
		t.Fatalf("Open(%s): %v", filepath.Base(path), err)
	}
	t.Cleanup(func() { f.Close() })
	tb, err := f.Table("")
	if err != nil {
		t.Fatalf("Table: %v", err)
	}
	t.Cleanup(func() { tb.Close() })
	return f, tb
}

// readAll reads the rest of a table: each row's values and line.
func readAll(t testing.TB, tb *Table) (rows [][]string, lines []int) {
	t.Helper()
	for tb.Next() {
		rows = append(rows, append([]string(nil), tb.Row()...))
		lines = append(lines, tb.Line())
	}
	if err := tb.Err(); err != nil {
		t.Fatalf("Err: %v", err)
	}
	return rows, lines
}

// wantCause fails unless err is an *InputError with the cause.
func wantCause(t testing.TB, err, cause error) *InputError {
	t.Helper()
	if !errors.Is(err, cause) {
		t.Fatalf("error %v, want cause %v", err, cause)
	}
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %T %v is not an *InputError", err, err)
	}
	return ie
}
