package xlsx

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada/internal/heap"
	"github.com/xuri/excelize/v2"
)

// The size of the survey the benchmarks read: 100,000 households × 40
// questions, as a large community's survey export.
const benchRows, benchCols = 100_000, 40

// answers are the text answers of the benchmark surveys.
var answers = []string{"yes", "no", "dnk", "food shelter", "2024-07-30T15:50:17+0200"}

// writeBigSurvey writes a survey-like sheet of rows × cols cells with the
// stream writer: numbers, yes/no answers, dates and codes of a
// select_multiple question. Its text is in inline strings.
func writeBigSurvey(b *testing.B, rows, cols int) string {
	b.Helper()
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	values := make([]any, cols)
	for c := range values {
		values[c] = fmt.Sprintf("q%d", c+1)
	}
	if err := sw.SetRow("A1", values); err != nil {
		b.Fatal(err)
	}
	for r := 2; r <= rows+1; r++ {
		for c := range values {
			switch c % 4 {
			case 0:
				values[c] = r * c
			case 1:
				values[c] = float64(r) / 7
			default:
				values[c] = answers[(r+c)%len(answers)]
			}
		}
		ref, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(ref, values); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "big.xlsx")
	if err := x.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return path
}

// sharedSurveyXML is the sheet XML of writeBigSurvey's survey with its text
// in shared strings, as Excel, LibreOffice and Kobo's exporter write it;
// sst is the shared string table.
func sharedSurveyXML(rows, cols int) (sheet, sst string) {
	var w strings.Builder
	w.WriteString(xmlDecl + `<worksheet ` + nsMain + `><dimension ref="A1"/><sheetData>`)
	w.WriteString(`<row r="1">`)
	for c := range cols {
		fmt.Fprintf(&w, `<c r="%s1" t="s"><v>%d</v></c>`, ColumnName(c), len(answers)+c)
	}
	w.WriteString(`</row>`)
	for r := 2; r <= rows+1; r++ {
		fmt.Fprintf(&w, `<row r="%d" spans="1:%d">`, r, cols)
		for c := range cols {
			switch c % 4 {
			case 0:
				fmt.Fprintf(&w, `<c r="%s%d"><v>%d</v></c>`, ColumnName(c), r, r*c)
			case 1:
				fmt.Fprintf(&w, `<c r="%s%d" s="1"><v>%v</v></c>`, ColumnName(c), r, float64(r)/7)
			default:
				fmt.Fprintf(&w, `<c r="%s%d" t="s"><v>%d</v></c>`, ColumnName(c), r, (r+c)%len(answers))
			}
		}
		w.WriteString(`</row>`)
	}
	w.WriteString(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	var s strings.Builder
	s.WriteString(xmlDecl + `<sst ` + nsMain + `>`)
	for _, a := range answers {
		fmt.Fprintf(&s, `<si><t>%s</t></si>`, a)
	}
	for c := range cols {
		fmt.Fprintf(&s, `<si><t>q%d</t></si>`, c+1)
	}
	s.WriteString(`</sst>`)
	return w.String(), s.String()
}

// writeSharedSurvey writes the workbook of sharedSurveyXML.
func writeSharedSurvey(b *testing.B, rows, cols int) string {
	sheet, sst := sharedSurveyXML(rows, cols)
	return writeZip(b, "shared.xlsx",
		part{name: "[Content_Types].xml", body: contentTypes},
		part{name: "_rels/.rels", body: packageRels},
		part{name: "xl/workbook.xml", body: workbookPart},
		part{name: "xl/_rels/workbook.xml.rels", body: workbookRels},
		part{name: "xl/worksheets/sheet1.xml", body: sheet},
		part{name: "xl/sharedStrings.xml", body: sst})
}

// BenchmarkTable streams a 100,000-row × 40-column workbook and touches
// every cell: with the sheet reader (sheetxml), and with excelize's row
// reader as hromada read sheets before it (excelize). For scale it also
// times the inflating of the sheet's XML alone, with Go's archive/zip
// (inflate) and with the unzip command (unzip-p, when installed): no reader
// can be faster. The same survey with its text in shared strings
// (shared/…) is read too. Each reports the file's bytes per second, the
// peak heap in use while reading, sampled every 10 ms (ReadMemStats stops
// the world, so not more often), and cells per second.
//
//	go test ./workbook -run '^$' -bench BenchmarkTable -benchtime 5x
func BenchmarkTable(b *testing.B) {
	inline := writeBigSurvey(b, benchRows, benchCols)
	shared := writeSharedSurvey(b, benchRows, benchCols)
	for _, file := range []struct{ prefix, path string }{{"", inline}, {"shared/", shared}} {
		b.Run(file.prefix+"sheetxml", func(b *testing.B) {
			benchRead(b, file.path, func(f *File) (*Table, error) { return f.Table("") })
		})
		b.Run(file.prefix+"excelize", func(b *testing.B) {
			benchRead(b, file.path, func(f *File) (*Table, error) {
				src, err := f.excelizeRows(f.Sheets()[0])
				if err != nil {
					return nil, err
				}
				return f.table(f.Sheets()[0], src)
			})
		})
		b.Run(file.prefix+"inflate", func(b *testing.B) { benchInflate(b, file.path) })
		b.Run(file.prefix+"unzip-p", func(b *testing.B) { benchUnzip(b, file.path) })
	}
}

// benchRead opens the workbook at path, makes a table of its first sheet
// with open and reads every cell.
func benchRead(b *testing.B, path string, open func(*File) (*Table, error)) {
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	peak := heap.Watch()
	for b.Loop() {
		f, err := Open(path, OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		tb, err := open(f)
		if err != nil {
			b.Fatal(err)
		}
		n, width := 0, 0
		for tb.Next() {
			for _, v := range tb.Row() {
				width += len(v)
			}
			n++
		}
		if err := tb.Err(); err != nil {
			b.Fatal(err)
		}
		if n != benchRows || width == 0 {
			b.Fatalf("read %d rows, want %d", n, benchRows)
		}
		if err := tb.Close(); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(peak(), "peak-heap-MiB")
	b.ReportMetric(float64(benchRows*benchCols)*float64(b.N)/b.Elapsed().Seconds(), "cells/s")
}

// benchInflate inflates the first sheet's XML of the workbook at path and
// throws it away, as Go's archive/zip does it.
func benchInflate(b *testing.B, path string) {
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	b.ReportAllocs()
	buf := make([]byte, 256<<10)
	for b.Loop() {
		zr, err := zip.OpenReader(path)
		if err != nil {
			b.Fatal(err)
		}
		for _, zf := range zr.File {
			if zf.Name != "xl/worksheets/sheet1.xml" {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := io.CopyBuffer(io.Discard, rc, buf); err != nil {
				b.Fatal(err)
			}
			if err := rc.Close(); err != nil {
				b.Fatal(err)
			}
		}
		if err := zr.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchUnzip times `unzip -p path xl/worksheets/sheet1.xml > /dev/null`.
func benchUnzip(b *testing.B, path string) {
	unzip, err := exec.LookPath("unzip")
	if err != nil {
		b.Skip("unzip is not installed")
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer null.Close()
	for b.Loop() {
		cmd := exec.Command(unzip, "-p", path, "xl/worksheets/sheet1.xml")
		cmd.Stdout = null
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
}
