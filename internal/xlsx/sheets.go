package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// ReadSheets returns the cell texts of every sheet of the workbook at path,
// by sheet name, row by row as the sheet holds them: blank rows are kept,
// so rows[i] is line i+1 of the sheet. It is meant for small workbooks read
// whole, such as an XLSForm; survey exports are streamed with [Open].
func ReadSheets(path string) (sheets map[string][][]string, err error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			sheets, err = nil, fmt.Errorf("cannot read %s: %w", path, cerr)
		}
	}()
	sheets = map[string][][]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s, sheet %s: %w", path, sh, err)
		}
		sheets[sh] = rows
	}
	return sheets, nil
}
