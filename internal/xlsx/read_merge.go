package xlsx

import (
	"bytes"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/xuri/excelize/v2"
)

// mergedRanges returns the merged ranges of a sheet ("C1:D2"), read from the
// sheet's XML without parsing the whole sheet. Sheets whose XML is larger
// than OpenOptions.MaxInMemory are streamed from a temporary file and are
// not looked at: nil. Merged cells are for people; survey exports have none.
func (f *File) mergedRanges(sheet string) []string {
	part := f.sheetPart(sheet)
	if part == "" {
		return nil
	}
	raw, ok := f.xl.Pkg.Load(part)
	if !ok {
		return nil
	}
	data, ok := raw.([]byte)
	if !ok {
		return nil
	}
	var refs []string
	for {
		i := bytes.Index(data, []byte("mergeCell "))
		if i < 0 {
			break
		}
		data = data[i+len("mergeCell "):]
		end := bytes.IndexByte(data, '>')
		if end < 0 {
			break
		}
		attrs := data[:end]
		if j := bytes.Index(attrs, []byte(`ref="`)); j >= 0 {
			ref := attrs[j+len(`ref="`):]
			if k := bytes.IndexByte(ref, '"'); k > 0 {
				refs = append(refs, string(ref[:k]))
			}
		}
		data = data[end:]
	}
	return refs
}

// sheetPart returns the path of a sheet's XML in the package, from the
// workbook and its relationships; "" when they do not say.
func (f *File) sheetPart(sheet string) string {
	wbRaw, ok1 := f.xl.Pkg.Load(workbookPartName)
	relRaw, ok2 := f.xl.Pkg.Load(workbookRelsName)
	if !ok1 || !ok2 {
		return ""
	}
	wbXML, _ := wbRaw.([]byte)
	relXML, _ := relRaw.([]byte)
	parts, err := SheetParts(wbXML, relXML)
	if err != nil {
		return ""
	}
	return parts[sheet]
}

// checkMerges warns about merged cells in or below the header row.
func (t *Table) checkMerges() {
	if t.file.xl == nil {
		return
	}
	var inTable []string
	for _, ref := range t.file.mergedRanges(t.sheet) {
		last := ref[strings.IndexByte(ref, ':')+1:]
		if _, row, err := excelize.CellNameToCoordinates(last); err == nil && row >= t.hdrRow {
			inTable = append(inTable, ref)
		}
	}
	if len(inTable) == 0 {
		return
	}
	list := strings.Join(inTable[:min(len(inTable), 5)], ", ")
	var tail hromada.Text
	if len(inTable) > 5 {
		tail = more(len(inTable) - 5)
	}
	t.problems = append(t.problems, hromada.Problem{
		Severity: hromada.Warning, File: t.file.path, Sheet: t.sheet, Cell: inTable[0],
		Msg: hromada.T("клітинки об'єднано: %s%s; об'єднаний діапазон зберігає значення у своїй верхній лівій клітинці, а решта його клітинок читаються як порожні",
			"cells are merged in %s%s; a merged range keeps its value in its top-left cell, and its other cells read as blank", list, tail),
		Hint: hromada.T("роз'єднайте клітинки і заповніть кожну з них", "unmerge the cells and fill in each of them"),
	})
}
