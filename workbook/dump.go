package workbook

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Dump returns a text listing of a workbook for golden-file tests and
// review: for each sheet its visibility, frozen panes and column widths,
// then one line per non-empty cell with its type, value, formula and number
// format, then merged ranges and data validations. Zip bytes differ between
// equal workbooks; this text does not.
func Dump(path string) (string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		if err := dumpSheet(&b, f, sh); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// dumpSheet writes the dump of sheet sh to b: its visibility and panes,
// its column widths, its cells, merged cells and validations.
func dumpSheet(b *strings.Builder, f *excelize.File, sh string) error {
	visible, err := f.GetSheetVisible(sh)
	if err != nil {
		return err
	}
	fmt.Fprintf(b, "== sheet %q visible=%v\n", sh, visible)
	panes, err := f.GetPanes(sh)
	if err != nil {
		return err
	}
	if panes.Freeze {
		fmt.Fprintf(b, "freeze %s\n", panes.TopLeftCell)
	}
	rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	if err := dumpWidths(b, f, sh, rows); err != nil {
		return err
	}
	for r, row := range rows {
		for c, v := range row {
			if err := dumpCell(b, f, sh, c, r, v); err != nil {
				return err
			}
		}
	}
	merged, err := f.GetMergeCells(sh)
	if err != nil {
		return err
	}
	for _, m := range merged {
		fmt.Fprintf(b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
	}
	return dumpValidations(b, f, sh)
}

// dumpWidths writes the widths of the columns the rows use.
func dumpWidths(b *strings.Builder, f *excelize.File, sh string, rows [][]string) error {
	width := 0
	for _, r := range rows {
		if len(r) > width {
			width = len(r)
		}
	}
	var widths []string
	for c := 1; c <= width; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(sh, name)
		if err != nil {
			return err
		}
		widths = append(widths, fmt.Sprintf("%s=%.1f", name, w))
	}
	if len(widths) > 0 {
		fmt.Fprintf(b, "widths %s\n", strings.Join(widths, " "))
	}
	return nil
}

// dumpCell writes the cell at column c and row r (from 0), whose raw value
// is v: its type, value, formula and number format; nothing for an empty
// cell without a formula.
func dumpCell(b *strings.Builder, f *excelize.File, sh string, c, r int, v string) error {
	cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
	formula, err := f.GetCellFormula(sh, cell)
	if err != nil {
		return err
	}
	if v == "" && formula == "" {
		return nil
	}
	typ, err := f.GetCellType(sh, cell)
	if err != nil {
		return err
	}
	name := cellTypeName(typ)
	if name == "unset" && formula == "" {
		name = "number" // a cell without a type attribute holds a number
	}
	fmt.Fprintf(b, "%s %s %q", cell, name, v)
	if formula != "" {
		fmt.Fprintf(b, " =%s", formula)
	}
	if nf := numFmtOf(f, sh, cell); nf != "" {
		fmt.Fprintf(b, " fmt=%q", nf)
	}
	b.WriteByte('\n')
	return nil
}

// dumpValidations writes the data validations of sheet sh, in order.
func dumpValidations(b *strings.Builder, f *excelize.File, sh string) error {
	dvs, err := f.GetDataValidations(sh)
	if err != nil {
		return err
	}
	var lines []string
	for _, dv := range dvs {
		prompt := ""
		if dv.PromptTitle != nil {
			prompt = *dv.PromptTitle
		}
		lines = append(lines, fmt.Sprintf("validation %s %s %s %s", dv.Sqref, dv.Type, dv.Formula1, prompt))
	}
	sort.Strings(lines)
	for _, l := range lines {
		b.WriteString(strings.TrimRight(l, " ") + "\n")
	}
	return nil
}

func cellTypeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeBool:
		return "bool"
	case excelize.CellTypeDate:
		return "date"
	case excelize.CellTypeError:
		return "error"
	case excelize.CellTypeFormula:
		return "formula"
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "string"
	case excelize.CellTypeNumber:
		return "number"
	}
	return "unset"
}

func numFmtOf(f *excelize.File, sh, cell string) string {
	id, err := f.GetCellStyle(sh, cell)
	if err != nil || id == 0 {
		return ""
	}
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return ""
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return ""
}
