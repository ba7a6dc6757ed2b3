package xlsx

import (
	"encoding/xml"
	"path"
	"strings"

	"github.com/hromada-tool/hromada"
)

// The parts of a workbook's package that say where its sheets are.
const (
	workbookPartName = "xl/workbook.xml"
	workbookRelsName = "xl/_rels/workbook.xml.rels"
)

// SheetParts maps the name of each sheet of a workbook to the path of its
// XML in the package ("xl/worksheets/sheet1.xml"), from the workbook part
// (xl/workbook.xml) and its relationships (xl/_rels/workbook.xml.rels): a
// target relative to xl/, or absolute from the package's root. The error
// names the part that is not XML.
//
// A sheet that no relationship names maps to "".
func SheetParts(workbookXML, relsXML []byte) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"` // r:id, in whichever namespace the file uses
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(workbookXML, &wb); err != nil {
		return nil, hromada.Errorf("%s: %v", "%s: %w", workbookPartName, err)
	}
	if err := xml.Unmarshal(relsXML, &rels); err != nil {
		return nil, hromada.Errorf("%s: %v", "%s: %w", workbookRelsName, err)
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		if strings.HasPrefix(r.Target, "/") {
			target[r.ID] = strings.TrimPrefix(r.Target, "/")
		} else {
			target[r.ID] = path.Join("xl", r.Target)
		}
	}
	parts := map[string]string{}
	for _, s := range wb.Sheets {
		parts[s.Name] = target[s.ID] // "" when no relationship names it
	}
	return parts, nil
}
