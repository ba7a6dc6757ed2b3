// Package xlsxtest writes the small workbooks that tests of the reader and
// of its users need, cell by cell, as net/http/httptest serves tests of
// HTTP code:
//
//	path := xlsxtest.Write(t, "survey.xlsx",
//		xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(
//			xlsxtest.Row(1, "hh_size", "idp"),
//			xlsxtest.Row(2, 4, "yes"),
//		)})
//
// [WriteFile] writes a text file (a CSV export), [Cause] checks the cause of
// an input error and that it reads in both languages ([Bilingual],
// [BilingualProblems]), [SharedData] finds the shared data files or skips.
// It imports excelize, as only internal/xlsx and workbook otherwise do.
package xlsxtest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/hromada-tool/hromada"
	"github.com/xuri/excelize/v2"
)

// Sheet is a sheet of a workbook to write: its name and its cells by
// reference ("B7").
type Sheet struct {
	Name  string
	Cells map[string]any
}

// Formula is a cell formula: a cell whose value is a Formula is written
// as a formula, without a cached value.
type Formula string

// Write writes a workbook with the given sheets, in order, into the test's
// temporary folder and returns its path. A failure ends the test.
func Write(t testing.TB, name string, sheets ...Sheet) string {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := x.SetSheetName("Sheet1", s.Name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := x.NewSheet(s.Name); err != nil {
			t.Fatal(err)
		}
		for ref, v := range s.Cells {
			if f, ok := v.(Formula); ok {
				if err := x.SetCellFormula(s.Name, ref, string(f)); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if err := x.SetCellValue(s.Name, ref, v); err != nil {
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

// Row returns the cells of row n (counted from 1), values from column A
// on; a nil value leaves its cell blank.
func Row(n int, values ...any) map[string]any {
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

// Cells merges rows into one map of cells.
func Cells(rows ...map[string]any) map[string]any {
	all := map[string]any{}
	for _, r := range rows {
		for k, v := range r {
			all[k] = v
		}
	}
	return all
}

// SharedData returns the folder of shared data files beside the project
// (../shared/data from the module root), or skips the test without it.
func SharedData(t testing.TB) string {
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

// WriteFile writes content to a file name in the test's temporary folder
// and returns its path.
func WriteFile(t testing.TB, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Cause fails the test unless err matches cause (errors.Is) and is, or
// wraps, an error of type E, which it returns: Cause[*xlsx.InputError].
// It also checks that err is worded in Ukrainian ([Bilingual]).
func Cause[E error](t testing.TB, err, cause error) E {
	t.Helper()
	if !errors.Is(err, cause) {
		t.Fatalf("error %v, want cause %v", err, cause)
	}
	var e E
	if !errors.As(err, &e) {
		t.Fatalf("error %T %v is not a %T", err, err, e)
	}
	Bilingual(t, err)
	return e
}

// Bilingual fails the test unless err reads differently in Ukrainian and
// in English (hromada.Message): a message with no Ukrainian wording
// prints its English words in both.
func Bilingual(t testing.TB, err error) {
	t.Helper()
	if uk, en := hromada.Message(err, hromada.Ukrainian), hromada.Message(err, hromada.English); uk == "" || uk == en {
		t.Errorf("error %q has no Ukrainian wording", en)
	}
}

// BilingualProblems fails the test unless every problem's message, and its
// hint when it has one, is worded in Ukrainian: not empty and not the
// English words.
func BilingualProblems(t testing.TB, ps hromada.Problems) {
	t.Helper()
	for _, p := range ps {
		if p.Msg.UK == "" || p.Msg.UK == p.Msg.EN {
			t.Errorf("problem %q has no Ukrainian wording", p.Error())
		}
		if p.Hint.EN != "" && (p.Hint.UK == "" || p.Hint.UK == p.Hint.EN) {
			t.Errorf("hint of %q has no Ukrainian wording", p.Error())
		}
	}
}
