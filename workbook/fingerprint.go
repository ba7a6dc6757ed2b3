package workbook

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// FingerprintProperty is the custom document property (File → Properties
// → Custom in Excel and LibreOffice; docProps/custom.xml in the file) in
// which hromada records the fingerprint of a workbook it writes: the
// SHA-256 of the workbook's content (Content), in hex.
//
// The fingerprint lives in the workbook, not in a list beside it, so it
// travels with the file when a planner copies or mails it, and a folder
// of workbooks needs no other file to be judged. Excel and LibreOffice
// keep custom properties when they save.
const FingerprintProperty = "hromada-content-sha256"

// fingerprintPlaceholder holds the property's place while the workbook's
// parts are written; Save replaces it by the fingerprint of the content.
var fingerprintPlaceholder = strings.Repeat("0", sha256.Size*2)

// Content is the fingerprint of a workbook's content: the SHA-256 of
// every sheet's name, in the workbook's order, and every non-empty cell's
// reference and value — for a formula cell, only that it holds a formula.
// What counts as an edit is a change to these: a value typed, cleared or
// changed, a formula replaced by a value, a row inserted, a sheet added,
// removed or renamed. Not counted: styles, column widths, the document's
// other properties, the zip's bytes, a number's spelling (numbers are
// compared to 12 significant digits), and a formula's result, which
// Excel and LibreOffice recalculate when they save (LibreOffice's re-save
// of an unchanged budget workbook changes the 13th digit of some), or its
// text, which they may respell; a formula typed over another formula is
// therefore not told apart.
func Content(data []byte) (string, error) {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	defer x.Close()
	h := sha256.New()
	for _, sh := range x.GetSheetList() {
		fmt.Fprintf(h, "sheet\x00%s\n", sh)
		rows, err := x.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return "", fmt.Errorf("sheet %s: %w", sh, err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					return "", err
				}
				formula, err := x.GetCellFormula(sh, cell)
				if err != nil {
					return "", fmt.Errorf("sheet %s, cell %s: %w", sh, cell, err)
				}
				if formula != "" {
					// A formula's result follows the cells it reads, which
					// count; its value, recalculated by a spreadsheet on
					// saving, does not.
					fmt.Fprintf(h, "%s\x00=\n", cell)
					continue
				}
				fmt.Fprintf(h, "%s\x00%s\n", cell, canonicalValue(v))
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// canonicalValue is a cell's raw value as the fingerprint compares it: a
// number to 12 significant digits, any other text as it is.
func canonicalValue(v string) string {
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		return strconv.FormatFloat(f, 'g', 12, 64)
	}
	return v
}

// withFingerprint returns the zipped workbook data with the fingerprint
// placeholder in docProps/custom.xml replaced by the fingerprint of the
// data's content.
func withFingerprint(data []byte) ([]byte, error) {
	sum, err := Content(data)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		if f.Name != "docProps/custom.xml" {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		part, err := readZipFile(f)
		if err != nil {
			return nil, err
		}
		if bytes.Count(part, []byte(fingerprintPlaceholder)) != 1 {
			return nil, fmt.Errorf("docProps/custom.xml: no place for the fingerprint")
		}
		part = bytes.Replace(part, []byte(fingerprintPlaceholder), []byte(sum), 1)
		found = true
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(part); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, fmt.Errorf("no docProps/custom.xml for the fingerprint")
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Change is what a workbook's fingerprint says of it (Check).
type Change int

// The verdicts of Check.
const (
	Unchanged     Change = iota // as hromada wrote it
	Edited                      // its content differs from what hromada wrote
	NoFingerprint               // hromada's fingerprint is not in it: another program wrote it, or removed the property
)

// Check reads the workbook at path and tells whether its content is still
// the content hromada wrote (its fingerprint, FingerprintProperty).
func Check(path string) (Change, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return checkData(data)
}

// checkData is Check of a workbook's bytes.
func checkData(data []byte) (Change, error) {
	stored, err := storedFingerprint(data)
	if err != nil {
		return 0, err
	}
	if stored == "" {
		return NoFingerprint, nil
	}
	sum, err := Content(data)
	if err != nil {
		return 0, err
	}
	if sum != stored {
		return Edited, nil
	}
	return Unchanged, nil
}

// storedFingerprint is the fingerprint property of the workbook data, ""
// when it has none.
func storedFingerprint(data []byte) (string, error) {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	defer x.Close()
	props, err := x.GetCustomProps()
	if err != nil && err != io.EOF {
		return "", err
	}
	for _, p := range props {
		if p.Name == FingerprintProperty {
			if s, ok := p.Value.(string); ok {
				return s, nil
			}
		}
	}
	return "", nil
}
