package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io/fs"
	"os"
)

// SourceProperty is the custom document property in which a plan or
// budget workbook records the content fingerprint ([Content]) of the
// workbook it was made from — a plan its assessment, a budget its plan —
// as that workbook stood when it was read. A workbook whose source no
// longer has that content is older than its input: its figures are not
// those the input gives now (a planner edited the assessment and did not
// make the plan again, or edited the plan after the budget was made).
//
// Content fingerprints, not file times: a copy, a checkout or a mail
// changes a file's time and not its content, and a re-save without a
// change is not a new input.
const SourceProperty = "hromada-source-sha256"

// ContentOfFile is the content fingerprint ([Content]) of the workbook at
// path as it stands.
func ContentOfFile(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return Content(data)
}

// StoredSource is the source fingerprint the workbook at path records
// (SourceProperty); "" when it records none: an assessment, a workbook
// of an older hromada, or one whose properties were removed.
func StoredSource(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	props, err := customProperties(data)
	if err != nil {
		return "", err
	}
	return props[SourceProperty], nil
}

// customProperties are the text custom properties of a zipped workbook
// (docProps/custom.xml), by name; none when it has no such part. It reads
// that part only, not the sheets.
func customProperties(data []byte) (map[string]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	part, err := readPart(zr, "docProps/custom.xml")
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	var doc struct {
		Props []struct {
			Name   string `xml:"name,attr"`
			String string `xml:"lpwstr"`
		} `xml:"property"`
	}
	if err := xml.Unmarshal(part, &doc); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, p := range doc.Props {
		out[p.Name] = p.String
	}
	return out, nil
}
