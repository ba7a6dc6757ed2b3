package xlsx

import (
	"maps"
	"strings"
	"testing"
)

// TestSheetParts checks where the sheets of a workbook are found: the
// expected paths are the targets of the relationships as the OPC rules
// resolve them (relative to xl/, or absolute from the package's root).
func TestSheetParts(t *testing.T) {
	const ns = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	wb := `<workbook ` + ns + `><sheets>` +
		`<sheet name="main" sheetId="1" r:id="rId1"/>` +
		`<sheet name="roster" sheetId="2" r:id="rId2"/>` +
		`<sheet name="up" sheetId="3" r:id="rId3"/>` +
		`<sheet name="lost" sheetId="4" r:id="rId9"/>` +
		`</sheets></workbook>`
	rels := `<Relationships>` +
		`<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/>` +
		`<Relationship Id="rId3" Target="../sheets/s3.xml"/>` +
		`</Relationships>`
	got, err := SheetParts([]byte(wb), []byte(rels))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"main":   "xl/worksheets/sheet1.xml", // relative to xl/
		"roster": "xl/worksheets/sheet2.xml", // absolute: the leading / dropped
		"up":     "sheets/s3.xml",            // xl/../sheets/s3.xml, cleaned
		"lost":   "",                         // no relationship rId9
	}
	if !maps.Equal(got, want) {
		t.Errorf("SheetParts = %v, want %v", got, want)
	}

	for _, c := range []struct{ wb, rels, part string }{
		{"<workbook", rels, "xl/workbook.xml"},
		{wb, "", "xl/_rels/workbook.xml.rels"},
	} {
		if _, err := SheetParts([]byte(c.wb), []byte(c.rels)); err == nil || !strings.HasPrefix(err.Error(), c.part+": ") {
			t.Errorf("error %v, want one naming %s", err, c.part)
		}
	}
}
