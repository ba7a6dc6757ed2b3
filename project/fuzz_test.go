package project

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/hromada-tool/hromada/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// FuzzProjectLoad loads a project folder whose project workbook is the
// example's with one cell changed to a fuzzed value: Load must end, never
// panic, and say file and sheet of every problem in a sheet. The seeds are
// values people and hostile files put in cells. To fuzz:
//
//	go test ./project -run '^$' -fuzz FuzzProjectLoad -fuzztime 5m
func FuzzProjectLoad(f *testing.F) {
	example := filepath.Join("..", "examples", "zhytomyr", ProjectFile)
	for _, v := range []string{"", "12,5", "1 234,5", "так", "ні", "UA18020010000059904", "../../pwned", `..\..\pwned`,
		"#DIV/0!", "-1", "1e309", "NaN", "Olevska", "OLEVSKA", "002.0", "\u0000", "\uFEFFcode", "=HYPERLINK(\"x\")"} {
		for _, at := range [][2]uint8{{1, 0}, {2, 3}, {4, 1}} {
			f.Add(at[0], at[1], uint8(1), v)
		}
	}
	var (
		once   sync.Once
		sheets []string
	)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, sheet, col, row uint8, value string) {
		x, err := excelize.OpenFile(example)
		if err != nil {
			t.Skip(err)
		}
		defer x.Close()
		once.Do(func() { sheets = x.GetSheetList() })
		name := sheets[int(sheet)%len(sheets)]
		cell := xlsx.ColumnName(int(col)%12) + string(rune('2'+row%8))
		if err := x.SetCellStr(name, cell, value); err != nil {
			return // a value excelize refuses to write
		}
		path := filepath.Join(dir, ProjectFile)
		if err := x.SaveAs(path); err != nil {
			return
		}
		p, ps := Load(dir, LoadOptions{})
		_ = p
		for _, pr := range ps {
			if pr.Sheet != "" && pr.File == "" {
				t.Errorf("problem in sheet %s names no file: %v", pr.Sheet, pr)
			}
		}
		_ = os.Remove(path)
	})
}
