package xlsx

import (
	"strconv"
	"strings"
	"testing"
)

// BenchmarkSheetXML scans the XML of a 10,000-row × 40-column sheet held
// in memory, with shared strings and with inline strings: the sheet
// reader's own speed, without the inflating of the archive.
func BenchmarkSheetXML(b *testing.B) {
	const rows, cols = 10_000, 40
	sheet, sstDoc := sharedSurveyXML(rows, cols)
	sst, err := readSharedStrings(newXMLScanner(strings.NewReader(sstDoc)))
	if err != nil {
		b.Fatal(err)
	}
	// The same cells with their text inline, as excelize's stream writer
	// writes them.
	inline := sheet
	for i, a := range sst {
		inline = strings.ReplaceAll(inline, `t="s"><v>`+strconv.Itoa(i)+`</v>`, `t="inlineStr"><is><t>`+a+`</t></is>`)
	}
	for _, c := range []struct{ name, doc string }{{"shared", sheet}, {"inline", inline}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.doc)))
			b.ReportAllocs()
			f := &File{path: "bench.xlsx"}
			for b.Loop() {
				x := &sheetXML{file: f, sheet: "main", fh: nopFile(b), part: nopCloser{},
					sc: newXMLScanner(strings.NewReader(c.doc)), sst: sst}
				n := 0
				for {
					cells, ok := x.next()
					if !ok {
						break
					}
					n += len(cells)
				}
				if x.err != nil || n != (rows+1)*cols {
					b.Fatalf("read %d cells, %v", n, x.err)
				}
				if err := x.close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
