package workbook

import (
	"fmt"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Edit sets cells of an existing workbook as a person would type them in
// Excel: a value that reads as a number is written as a number, anything
// else as text, "" empties the cell. cells maps "Sheet!A1" to the value.
// The file is rewritten whole or not at all.
func Edit(path string, cells map[string]string) error {
	x, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer x.Close()
	for ref, v := range cells {
		sheet, cell, err := splitRef(ref)
		if err != nil {
			return err
		}
		if idx, err := x.GetSheetIndex(sheet); err != nil || idx < 0 {
			return fmt.Errorf("%s: no sheet %q", path, sheet)
		}
		var val any = v
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			val = f
		}
		if v == "" {
			val = nil
		}
		if err := x.SetCellValue(sheet, cell, val); err != nil {
			return fmt.Errorf("%s: %s: %w", path, ref, err)
		}
	}
	return WriteAtomic(path, func(w *os.File) error { return x.Write(w) })
}

// splitRef splits "Sheet!A1" (the sheet may be quoted) into sheet and cell.
func splitRef(ref string) (string, string, error) {
	for i := len(ref) - 1; i >= 0; i-- {
		if ref[i] == '!' {
			sheet := ref[:i]
			if len(sheet) >= 2 && sheet[0] == '\'' && sheet[len(sheet)-1] == '\'' {
				sheet = sheet[1 : len(sheet)-1]
			}
			return sheet, ref[i+1:], nil
		}
	}
	return "", "", fmt.Errorf("%q is not Sheet!Cell", ref)
}
