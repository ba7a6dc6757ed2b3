package workbook

import (
	"bytes"
	"regexp"
	"testing"
)

// formulaCellRE is the regular expression replaceFormulaCells replaced:
// the specification the scan must agree with.
var formulaCellRE = regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"([^>]*)>(<f[^>]*>[^<]*</f>)(?:<v>[^<]*</v>)?</c>`)

func replaceByRE(part []byte, cells map[string]any) ([]byte, int) {
	done := 0
	out := formulaCellRE.ReplaceAllFunc(part, func(m []byte) []byte {
		sub := formulaCellRE.FindSubmatch(m)
		v, ok := cells[string(sub[1])]
		if !ok {
			return m
		}
		done++
		var b bytes.Buffer
		b.WriteString(`<c r="`)
		b.Write(sub[1])
		b.WriteString(`"`)
		b.Write(cellType.ReplaceAll(sub[2], nil))
		t, val, has := cachedXML(v)
		if has {
			b.WriteString(` t="` + t + `"`)
		}
		b.WriteString(">")
		b.Write(sub[3])
		if has {
			b.WriteString("<v>" + val + "</v>")
		}
		b.WriteString("</c>")
		return b.Bytes()
	})
	return out, done
}

// TestReplaceFormulaCellsAgreesWithRE: the scan gives the bytes the
// regular expression gave, on cells of every shape excelize writes and
// on text that only looks like a formula.
func TestReplaceFormulaCellsAgreesWithRE(t *testing.T) {
	sheet := []byte(`<sheetData><row r="1"><c r="A1" s="3" t="str"><f>B1*2</f><v>4</v></c>` +
		`<c r="B1" s="2"><v>2</v></c><c r="C1" t="s"><v>7</v></c><c r="D1"><f>SUM(A1:B1)</f></c>` +
		`<c r="E1" s="1" t="n"><f t="shared" ref="E1:E3" si="0">A1+1</f><v></v></c></row>` +
		`<row r="2"><c r="AA20" t="inlineStr"><is><t>&lt;f&gt;x</t></is></c><c r="AB20"><f>IF(A1&gt;0,1,0)</f><v>1</v></c>` +
		`<c r="AC20"><f>1</f><v>1</v><extLst/></c><c r="AD20"><f>NA()</f></c></row></sheetData>`)
	cells := map[string]any{"A1": 4.0, "D1": "текст & <more>", "E1": true, "AB20": nil, "AC20": 1.0, "AD20": 2}
	want, wn := replaceByRE(sheet, cells)
	got, gn := replaceFormulaCells(sheet, cells)
	if gn != wn || !bytes.Equal(got, want) {
		t.Errorf("scan changed %d cells:\n%s\nthe expression %d:\n%s", gn, got, wn, want)
	}
	if _, n := replaceFormulaCells(sheet, map[string]any{"B1": 1.0}); n != 0 {
		t.Errorf("a cell without a formula was changed")
	}
}
