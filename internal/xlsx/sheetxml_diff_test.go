package xlsx

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// TestSheetXMLSameAsExcelize is the differential test of the sheet reader
// on the workbooks of testdata and workbooks written with excelize; see
// compareWorkbooks.
func TestSheetXMLSameAsExcelize(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	compareWorkbooks(t, append(files, generatedWorkbooks(t)...), 5)
}

// TestSheetXMLSameAsExcelizeShared is the differential test on the
// workbooks in ../shared/data: Kobo exports, the XLSX edge cases of
// calamine and excelize, a population table.
func TestSheetXMLSameAsExcelizeShared(t *testing.T) {
	data := xlsxtest.SharedData(t)
	var files []string
	for _, dir := range []string{"xlsx-edge", "kobo", "population"} {
		more, err := filepath.Glob(filepath.Join(data, dir, "*.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, more...)
	}
	compareWorkbooks(t, files, 40)
}

// compareWorkbooks streams every sheet of every workbook with sheetXML and
// with excelize's row reader: every cell and row number must be the same;
// then the tables made from the two, with their header, rows, lines,
// references and problems. Each workbook is read twice: with its small
// sheets from the package excelize holds in memory, and with every sheet
// from the archive. Encrypted and damaged workbooks, which do not open as
// ordinary ones, are left out.
func compareWorkbooks(t *testing.T, files []string, minSheets int) {
	sheets, cells := 0, 0
	for _, path := range files {
		for _, limit := range []int64{0, 1} {
			f, err := Open(path, OpenOptions{MaxInMemory: limit})
			if err != nil {
				if errors.Is(err, ErrEncrypted) || errors.Is(err, ErrDamaged) {
					continue
				}
				t.Fatalf("Open(%s): %v", path, err)
			}
			if f.parts == nil {
				t.Errorf("%s is not read with sheetXML", path)
			}
			for _, s := range f.Sheets() {
				name := fmt.Sprintf("%s!%s (MaxInMemory %d)", filepath.Base(path), s, limit)
				fast, slow := bothWays(t, f, s)
				if d := sameRows(fast, slow); d != "" {
					t.Errorf("%s: %s", name, d)
					continue
				}
				if fast.err != nil {
					t.Errorf("%s: %v", name, fast.err)
				}
				sheets++
				for _, r := range fast.rows {
					cells += len(r)
				}
				compareTables(t, f, s, name)
			}
			if err := f.Close(); err != nil {
				t.Errorf("%s: Close: %v", path, err)
			}
		}
	}
	t.Logf("%d sheets, %d cells the same", sheets, cells)
	if sheets < minSheets {
		t.Errorf("compared %d sheets, want at least %d", sheets, minSheets)
	}
}

// compareTables makes a table of a sheet from each reader and compares
// what the callers see.
func compareTables(t *testing.T, f *File, sheet, name string) {
	t.Helper()
	read := func(fast bool) (hdr []string, rows [][]string, lines []int, refs []string, probs string, err error) {
		var src source
		if fast {
			src, err = f.openSheetXML(sheet)
		} else {
			src, err = f.excelizeRows(sheet)
		}
		if err != nil {
			return nil, nil, nil, nil, "", err
		}
		tb, err := f.table(sheet, src)
		if err != nil {
			return nil, nil, nil, nil, "", err
		}
		defer tb.Close()
		hdr = tb.Header()
		for tb.Next() {
			rows = append(rows, slices.Clone(tb.Row()))
			lines = append(lines, tb.Line())
			refs = append(refs, tb.Ref(len(tb.Header())-1))
		}
		return hdr, rows, lines, refs, fmt.Sprint(tb.Problems()), tb.Err()
	}
	h1, r1, l1, ref1, p1, e1 := read(true)
	h2, r2, l2, ref2, p2, e2 := read(false)
	switch {
	case fmt.Sprint(e1) != fmt.Sprint(e2):
		t.Errorf("%s: table error %v, excelize %v", name, e1, e2)
	case !slices.Equal(h1, h2):
		t.Errorf("%s: header %q, excelize %q", name, h1, h2)
	case !rowsEqual(r1, r2) || !slices.Equal(l1, l2) || !slices.Equal(ref1, ref2):
		t.Errorf("%s: table rows differ", name)
	case p1 != p2:
		t.Errorf("%s: problems %s, excelize %s", name, p1, p2)
	}
}

// generatedWorkbooks writes workbooks with excelize in the shapes the
// tests of the package use: shared strings, numbers, dates, booleans,
// formulas, gaps.
func generatedWorkbooks(t *testing.T) []string {
	var rows []map[string]any
	rows = append(rows, xlsxtest.Row(1, "_uuid", "hh_size", "needs/food", "needs/shelter", "start", "ok", "note", "sum"))
	for r := 2; r <= 300; r++ {
		if r%17 == 0 {
			continue // a missing row
		}
		var note any = fmt.Sprintf("ряд %d: \"quoted\" & <tagged>\r\nline", r)
		if r%5 == 0 {
			note = nil
		}
		rows = append(rows, xlsxtest.Row(r, fmt.Sprintf("uuid-%04d", r), r%9, r%2, float64(r)/3, "2024-07-30T15:50:17+0200", r%3 == 0, note))
		rows = append(rows, map[string]any{fmt.Sprintf("H%d", r): xlsxtest.Formula(fmt.Sprintf("B%d+C%d", r, r))})
	}
	return []string{
		xlsxtest.Write(t, "generated.xlsx", xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(rows...)}, xlsxtest.Sheet{Name: "hxl", Cells: xlsxtest.Cells(xlsxtest.Row(1, "a", "b"), xlsxtest.Row(2, "#adm1", "#x"), xlsxtest.Row(3, 1, 2))}),
	}
}
