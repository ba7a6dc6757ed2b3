package xlsx

import (
	"archive/zip"
	"bytes"

	"github.com/hromada-tool/hromada"

	"github.com/xuri/excelize/v2"
)

// ReadSheets returns the cell texts of every sheet of the workbook at path,
// by sheet name, row by row as the sheet holds them: blank rows are kept,
// so rows[i] is line i+1 of the sheet. It is meant for small workbooks read
// whole, such as an XLSForm; survey exports are streamed with [Open].
//
// Parts the sheets do not need (pictures, drawings …) are never inflated,
// and the workbook is refused when it unpacks to more than
// DefaultMaxUnpacked or a part that is not a sheet to more than
// DefaultMaxInMemory, as with [Open].
func ReadSheets(path string) (sheets map[string][][]string, err error) {
	f, err := openSmall(path)
	if err != nil {
		return nil, hromada.Errorf("не вдається прочитати %s: %w", "cannot read %s: %w", path, err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			sheets, err = nil, hromada.Errorf("не вдається прочитати %s: %w", "cannot read %s: %w", path, cerr)
		}
	}()
	sheets = map[string][][]string{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			return nil, hromada.Errorf("не вдається прочитати %s, аркуш %s: %w", "cannot read %s, sheet %s: %w", path, sh, err)
		}
		sheets[sh] = rows
	}
	return sheets, nil
}

// openSmall opens a workbook with excelize from a package of the parts
// its sheets need.
func openSmall(path string) (*excelize.File, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	f := &File{path: path, opt: OpenOptions{}.withDefaults()}
	if err := f.checkZip(&zr.Reader); err != nil {
		return nil, err
	}
	pkg, err := f.smallPackage(&zr.Reader, nil)
	if err != nil {
		return nil, err
	}
	return excelize.OpenReader(bytes.NewReader(pkg))
}
