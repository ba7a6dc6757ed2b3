package workbook

import (
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

// WriteStream writes a workbook of one sheet row by row, for tables too
// large to hold as cells in memory (survey exports of many households).
// next fills row with the next row's values and reports whether there was
// one; row has one element per header column and is reused. The file is
// written whole or not at all.
func WriteStream(path, sheet string, header []string, next func(row []any) bool) error {
	x := excelize.NewFile()
	defer x.Close()
	name := SheetName(sheet)
	if err := x.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	sw, err := x.NewStreamWriter(name)
	if err != nil {
		return err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for r := 2; ; r++ {
		clear(row)
		if !next(row) {
			break
		}
		cell, err := excelize.CoordinatesToCellName(1, r)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("row %d: %w", r, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := x.SetDocProps(&excelize.DocProperties{Creator: "hromada", Created: fixedTime, Modified: fixedTime}); err != nil {
		return err
	}
	return WriteAtomic(path, func(w *os.File) error { return x.Write(w) })
}
