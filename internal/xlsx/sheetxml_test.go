package xlsx

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"github.com/hromada-tool/hromada/internal/xlsx/xlsxtest"
)

// sheetCase is a worksheet written by hand, the rows sheetXML must read
// from it, and whether excelize reads the same (it does, except where it
// stops silently at XML it cannot read).
type sheetCase struct {
	name  string
	sheet string // the sheet data, or a whole worksheet when it starts with "<?xml"
	sst   string // <si> elements, or "" for no shared strings part
	want  [][]string
	pos   []int // row numbers of want; nil: 1, 2, 3 …
}

var sheetCases = []sheetCase{
	{
		name:  "numbers kept raw",
		sheet: `<row r="1"><c r="A1"><v>1.5E-3</v></c><c r="B1" t="n"><v>007</v></c><c r="C1"><v>45678.5</v></c></row>`,
		want:  [][]string{{"1.5E-3", "007", "45678.5"}},
	},
	{
		name: "types",
		sheet: `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c>` +
			`<c r="C1" t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c><c r="D1" t="d"><v>2024-07-30T15:50:17Z</v></c>` +
			`<c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`,
		want: [][]string{{"1", "#N/A", "TRUEx", "2024-07-30T15:50:17Z", "#DIV/0!"}},
	},
	{
		name:  "shared strings",
		sheet: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v> 2 </v></c><c r="D1" t="s"><v>2</v></c></row>`,
		sst:   `<si><t>так</t></si><si><t xml:space="preserve">  ні  </t></si><si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> text</t></r></si>`,
		want:  [][]string{{"так", "  ні  ", "Bold text", "Bold text"}},
	},
	{
		name:  "shared string index blank and with space around it",
		sheet: `<row r="1"><c r="C1" t="s"><v></v></c><c r="D1" t="s"><v> 0 </v></c><c r="E1"><v>9</v></c></row>`,
		sst:   `<si><t>first</t></si>`,
		want:  [][]string{{"", "", "", "first", "9"}},
	},
	{
		name:  "rich text with a leading text and phonetic runs",
		sheet: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><t>b</t><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c></row>`,
		sst:   `<si><t>lead</t><r><t>-run</t></r><rPh><t>ruby</t></rPh><phoneticPr fontId="1"/></si>`,
		want:  [][]string{{"lead-run", "ba"}},
	},
	{
		name: "entities",
		sheet: `<row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</t></is></c>` +
			`<c r="B1" t="inlineStr"><is><t>&#1058;&#x456;&#x4E2D;&#128512;</t></is></c><c r="C1" t="s"><v>&#48;</v></c></row>`,
		sst:  `<si><t>x &amp;amp; y</t></si>`,
		want: [][]string{{`a & b <c> "d" 'e'`, "Ті中😀", "x &amp; y"}},
	},
	{
		name:  "line ends",
		sheet: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb\rc\nd&#13;e&#xD;&#xA;f</t></is></c></row>",
		want:  [][]string{{"a\nb\nc\nd\re\r\nf"}},
	},
	{
		name:  "CDATA",
		sheet: `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b> & </b>]]></t></is></c><c r="B1" t="inlineStr"><is><t>x<![CDATA[]]]]><![CDATA[>]]>y</t></is></c><c r="C1"><v><![CDATA[12]]></v></c></row>`,
		want:  [][]string{{"<b> & </b>", "x]]>y", "12"}},
	},
	{
		name:  "escapes of characters XML cannot hold",
		sheet: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>_x005F_x000D_ _x0041_ _xD800_ _xZZZZ_ _x00</t></is></c><c r="C1" t="str"><v>_x000D_</v></c></row>`,
		sst:   "<si><t>ABC_x000D_\nDEF</t></si>",
		want:  [][]string{{"ABC\r\nDEF", "_x000D_ A  _xZZZZ_ _x00", "_x000D_"}},
	},
	{
		name: "tricky escapes",
		sheet: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>` +
			`<c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="inlineStr"><is><r><t>_x00</t></r><r><t>41_</t></r></is></c></row>`,
		sst:  `<si><t>_x_x0041_</t></si><si><t>_x0041__x0042_</t></si><si><t>_xD83D__xDE00_</t></si><si><t>_x004G_ x_x0041</t></si><si><t>a_x000d_b</t></si><si><t>д_x0434_д</t></si>`,
		want: [][]string{{"_xA", "AB", "", "_x004G_ x_x0041", "a\rb", "ддд", "A"}},
	},
	{
		name:  "cells without references",
		sheet: `<row r="1"><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c t="inlineStr"><is><t>a</t></is></c></row>`,
		want:  [][]string{{"1", "2", "", "", "5", "6"}, {"a"}},
	},
	{
		name:  "gaps between cells and rows",
		sheet: `<row r="2"><c r="C2"><v>3</v></c></row><row r="5"><c r="B5"><v>2</v></c></row>`,
		want:  [][]string{{}, {"", "", "3"}, {}, {}, {"", "2"}},
		pos:   []int{1, 2, 3, 4, 5},
	},
	{
		name:  "rows without numbers",
		sheet: `<row><c><v>1</v></c></row><row/><row><c><v>3</v></c></row><row r="7"><c><v>7</v></c></row><row><c><v>8</v></c></row>`,
		want:  [][]string{{"1"}, {}, {"3"}, {}, {}, {}, {"7"}, {"8"}},
		pos:   []int{1, 2, 3, 4, 5, 6, 7, 8},
	},
	{
		name:  "a row numbered below the one before joins it",
		sheet: `<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>`,
		want:  [][]string{{}, {"1", "2"}, {"3"}},
	},
	{
		name:  "a cell left of the last one goes to the end",
		sheet: `<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row>`,
		want:  [][]string{{"", "", "3", "1"}},
	},
	{
		name:  "blank cells, empty values and formulas without values",
		sheet: `<row r="1"><c r="A1" s="3"/><c r="B1"><v></v></c><c r="C1"><v>x</v></c><c r="D1" t="inlineStr"><is><t></t></is></c><c r="E1"><f>NOW()</f></c><c r="F1" s="1"/></row>`,
		want:  [][]string{{"", "", "x", "", ""}},
	},
	{
		name:  "the last value element counts",
		sheet: `<row r="1"><c r="A1"><v>1</v><v>2</v></c><c r="B1" t="inlineStr"><v>v</v></c><c r="C1" t="inlineStr"><is><t>a</t><t>b</t></is></c></row>`,
		want:  [][]string{{"2", "v", "b"}},
	},
	{
		name: "namespace prefixes",
		sheet: xmlDecl + `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
			`<x:row x:r="1"><x:c x:r="A1" x:t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>i</x:t></x:is></x:c></x:row>` +
			`</x:sheetData></x:worksheet>`,
		sst:  `<si><t>s</t></si>`,
		want: [][]string{{"s", "i"}},
	},
	{
		name: "comments, instructions and space between the tags",
		sheet: "<!-- a <row> in a comment --><row r=\"1\">\n  <?pi <c>?>\n  <c r=\"A1\">\n    <v>1<!-- x --></v>\n  </c>\n" +
			"  <c r=\"B1\" t=\"inlineStr\">\r\n    <is> <t>a<!--c-->b</t> </is>\n  </c>\n</row>",
		want: [][]string{{"1", "ab"}},
	},
	{
		name: "markup before the sheet data",
		sheet: xmlDecl + `<!DOCTYPE worksheet [<!ELEMENT worksheet ANY>]><worksheet ` + nsMain + `>` +
			`<sheetPr codeName="a>b"/><dimension ref='A1:B1'/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>` +
			`<cols><col min="1" max="2" width="10"/></cols><sheetData><row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s" cm="1"><v>0</v></c></row></sheetData>` +
			`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7"/></worksheet>`,
		sst:  `<si><t>h</t></si>`,
		want: [][]string{{"h"}},
	},
	{
		name:  "references with dollars and lower case",
		sheet: `<row r="1"><c r="$B$1"><v>2</v></c><c r="d1"><v>4</v></c></row>`,
		want:  [][]string{{"", "2", "", "4"}},
	},
	{
		name:  "no sheet data",
		sheet: xmlDecl + `<chartsheet ` + nsMain + `><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
		want:  nil,
	},
	{
		name:  "empty sheet data",
		sheet: xmlDecl + `<worksheet ` + nsMain + `><sheetData/></worksheet>`,
		want:  nil,
	},
	{
		name:  "rows after the sheet data are read, as excelize reads them",
		sheet: xmlDecl + `<worksheet ` + nsMain + `><sheetData><row r="1"><c><v>1</v></c></row></sheetData><row r="2"><c><v>2</v></c></row></worksheet>`,
		want:  [][]string{{"1"}, {"2"}},
	},
}

func (c sheetCase) doc() string {
	if strings.HasPrefix(c.sheet, "<?xml") {
		return c.sheet
	}
	return sheetDoc(c.sheet)
}

func (c sheetCase) sstDoc() string {
	if c.sst == "" {
		return ""
	}
	return sstDoc(c.sst)
}

func (c sheetCase) wantPos() []int {
	if c.pos != nil || c.want == nil {
		return c.pos
	}
	pos := make([]int, len(c.want))
	for i := range pos {
		pos[i] = i + 1
	}
	return pos
}

// TestSheetXMLCases reads each sheet written by hand with sheetXML, checks
// the rows against what is wanted and against excelize's row reader, and
// reads it again a byte at a time, so that every tag, reference and CDATA
// section is cut by the end of the scanner's window somewhere.
func TestSheetXMLCases(t *testing.T) {
	for _, c := range sheetCases {
		t.Run(c.name, func(t *testing.T) {
			path := rawXLSX(t, c.doc(), c.sstDoc())
			f, err := Open(path, OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			fastOnly(t, f, "main")
			fast, slow := bothWays(t, f, "main")
			if fast.err != nil {
				t.Fatalf("sheetXML: %v", fast.err)
			}
			if !rowsEqual(fast.rows, c.want) || !slices.Equal(fast.pos, c.wantPos()) {
				t.Errorf("rows %q at %v\nwant %q at %v", fast.rows, fast.pos, c.want, c.wantPos())
			}
			if d := sameRows(fast, slow); d != "" {
				t.Errorf("sheetXML and excelize differ: %s", d)
			}

			src, err := f.openSheetXML("main")
			if err != nil {
				t.Fatal(err)
			}
			sst := src.sst
			if err := src.close(); err != nil {
				t.Fatal(err)
			}
			slowScan := &sheetXML{file: f, sheet: "main", fh: nopFile(t), part: nopCloser{},
				sc: newXMLScanner(iotest.OneByteReader(strings.NewReader(c.doc()))), sst: sst}
			bytewise := stream(t, slowScan)
			if d := sameRows(bytewise, fast); d != "" || bytewise.err != nil {
				t.Errorf("read a byte at a time: %s %v", d, bytewise.err)
			}
		})
	}
}

func rowsEqual(a, b [][]string) bool {
	return slices.EqualFunc(a, b, func(x, y []string) bool { return slices.Equal(x, y) })
}

type nopCloser struct{}

func (nopCloser) Read([]byte) (int, error) { return 0, io.EOF }
func (nopCloser) Close() error             { return nil }

// nopFile is a file for a sheetXML that is not read from an archive.
func nopFile(t testing.TB) *os.File {
	fh, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	return fh
}

// TestSharedStringsBytewise reads shared strings a byte at a time.
func TestSharedStringsBytewise(t *testing.T) {
	doc := sstDoc(`<si><t>a&amp;b</t></si><si><r><t>x</t></r><r><t><![CDATA[<y>]]></t></r></si><si/><si><t/></si>` +
		`<extLst><si><t>not an item</t></si></extLst><si><t>ABC_x000D_DEF</t></si>`)
	want := []string{"a&b", "x<y>", "", "", "ABC\rDEF"}
	for _, rd := range []string{"whole", "bytewise"} {
		var sc *xmlScanner
		if rd == "whole" {
			sc = newXMLScanner(strings.NewReader(doc))
		} else {
			sc = newXMLScanner(iotest.OneByteReader(strings.NewReader(doc)))
		}
		got, err := readSharedStrings(sc)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%s: %q, %v; want %q", rd, got, err, want)
		}
	}
}

// TestSheetXMLLongValues reads values and tags longer than the scanner's
// window.
func TestSheetXMLLongValues(t *testing.T) {
	// 30,000 characters (below Excel's 32,767) written as 9-byte references:
	// about 1.03 windows of text, decoded to 0.46.
	long := strings.Repeat("&#x1F600;", 30000)
	attr := strings.Repeat("x", 2*scanWindow)
	doc := sheetDoc(`<row r="1" note="` + attr + `"><c r="A1" t="inlineStr"><is><t>` + long + `</t></is></c><c r="B1"><v>2</v></c></row>`)
	f, err := Open(rawXLSX(t, doc, ""), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fast, slow := bothWays(t, f, "main")
	want := strings.Repeat("\U0001F600", 30000)
	if fast.err != nil || len(fast.rows) != 1 || len(fast.rows[0]) != 2 || fast.rows[0][0] != want || fast.rows[0][1] != "2" {
		t.Fatalf("read %d rows, %v", len(fast.rows), fast.err)
	}
	if d := sameRows(fast, slow); d != "" {
		t.Error(d)
	}
}

// TestSheetXMLDamaged: XML that cannot be read, which excelize's reader
// would end the sheet at without a word, is an ErrDamaged error that says
// the row.
func TestSheetXMLDamaged(t *testing.T) {
	head := `<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>`
	for _, c := range []struct{ name, doc, msg string }{
		{"cut off", xmlDecl + `<worksheet ` + nsMain + `><sheetData>` + head + `<row r="3"><c r="A3"><v>2`, "main!A3"},
		{"cut in a tag", xmlDecl + `<worksheet ` + nsMain + `><sheetData>` + head + `<row r="3"><c r="A3"`, "row 3"},
		{"no end of the sheet data", xmlDecl + `<worksheet ` + nsMain + `><sheetData>` + head, "row 2"},
		{"unknown entity", sheetDoc(head + `<row r="3"><c r="A3" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`), "&nbsp;"},
		{"bad character reference", sheetDoc(head + `<row r="3"><c r="A3"><v>&#0;</v></c></row>`), "&#0;"},
		{"bad cell reference", sheetDoc(head + `<row r="3"><c r="3A"><v>1</v></c></row>`), `"3A"`},
		{"column beyond XFD", sheetDoc(head + `<row r="3"><c r="XFE3"><v>1</v></c></row>`), "XFE3"},
		{"bad row number", sheetDoc(head + `<row r="three"><c><v>1</v></c></row>`), `"three"`},
		{"row beyond the last", sheetDoc(head + `<row r="1048577"><c><v>1</v></c></row>`), "1048577"},
		{"not UTF-8", sheetDoc(head + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>\xff</t></is></c></row>"), "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, tb := openTable(t, rawXLSX(t, c.doc, ""))
			for tb.Next() {
			}
			err := tb.Err()
			wantDamaged(t, err)
			if !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), "main") {
				t.Errorf("error %q does not say %q and the sheet", err, c.msg)
			}
		})
	}
}

// TestSheetXMLChecksum: a sheet read from the archive is checked against
// its checksum at its end.
func TestSheetXMLChecksum(t *testing.T) {
	var rows strings.Builder
	rows.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row>`)
	for r := 2; r <= 200; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
	}
	path := writeZip(t, "crc.xlsx",
		part{name: "[Content_Types].xml", body: contentTypes},
		part{name: "_rels/.rels", body: packageRels},
		part{name: "xl/workbook.xml", body: workbookPart},
		part{name: "xl/_rels/workbook.xml.rels", body: workbookRels},
		part{name: "xl/worksheets/sheet1.xml", body: sheetDoc(rows.String()), store: true})
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), "<v>150</v>")
	data[i+3] = '9' // 150 reads 950; the checksum no longer holds
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(path, OpenOptions{MaxInMemory: 1}) // the sheet is read from the archive
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tb, err := f.Table("")
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	n := 0
	for tb.Next() {
		n++
	}
	wantDamaged(t, tb.Err())
	if n != 199 {
		t.Errorf("read %d rows before the error, want all 199", n)
	}
}

// TestSheetXMLEncodings: a sheet in another encoding than UTF-8, declared
// or marked by a UTF-16 byte-order mark, is decoded by sheetXML. Before,
// a UTF-16 sheet was left to excelize, which read it as empty.
func TestSheetXMLEncodings(t *testing.T) {
	body := `<worksheet ` + nsMain + `><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>café</t></is></c></row>` +
		`<row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`
	latin1 := strings.ReplaceAll(`<?xml version="1.0" encoding="ISO-8859-1"?>`+"\n"+body, "é", "\xe9")
	utf16Doc := func(big bool) string {
		var b []byte
		if big {
			b = []byte{0xFE, 0xFF}
		} else {
			b = []byte{0xFF, 0xFE}
		}
		for _, u := range utf16.Encode([]rune(`<?xml version="1.0" encoding="UTF-16"?>` + body)) {
			if big {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
		return string(b)
	}
	for _, c := range []struct{ name, doc string }{
		{"ISO-8859-1", latin1},
		{"UTF-16LE", utf16Doc(false)},
		{"UTF-16BE", utf16Doc(true)},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := Open(rawXLSX(t, c.doc, ""), OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			fastOnly(t, f, "main")
			tb, err := f.Table("main")
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Close()
			if got := tb.Header(); !slices.Equal(got, []string{"café"}) {
				t.Errorf("header %q, want café", got)
			}
			if !tb.Next() || tb.Row()[0] != "1" {
				t.Errorf("row 2 not read: %v", tb.Err())
			}
		})
	}

	// An encoding hromada does not know is left to excelize.
	doc := `<?xml version="1.0" encoding="x-no-such"?>` + "\n" + body
	f, err := Open(rawXLSX(t, doc, ""), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	src, err := f.sheetReader("main")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := src.(*sheetSource); !ok {
		t.Errorf("read by %T, want excelize's reader", src)
	}
	if err := src.close(); err != nil {
		t.Fatal(err)
	}
}

// TestSheetXMLInMemoryAndFromArchive: small sheets are read from the
// package excelize holds, large ones from the archive; both read the same.
func TestSheetXMLInMemoryAndFromArchive(t *testing.T) {
	path := xlsxtest.Write(t, "two.xlsx",
		xlsxtest.Sheet{Name: "main", Cells: xlsxtest.Cells(xlsxtest.Row(1, "id", "name", "n"), xlsxtest.Row(2, 1, "Оксана", 2.5), xlsxtest.Row(4, 2, "a&b <c>", true))},
		xlsxtest.Sheet{Name: "other", Cells: xlsxtest.Cells(xlsxtest.Row(1, "x"), xlsxtest.Row(2, "y"))})
	var got [2][]streamed
	for i, limit := range []int64{0, 1} {
		f, err := Open(path, OpenOptions{MaxInMemory: limit})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range f.Sheets() {
			fast, slow := bothWays(t, f, s)
			if d := sameRows(fast, slow); d != "" {
				t.Errorf("MaxInMemory %d, %s: %s", limit, s, d)
			}
			got[i] = append(got[i], fast)
		}
		if f.parts == nil || (limit == 1) != f.parts.stubbed["xl/worksheets/sheet1.xml"] {
			t.Errorf("MaxInMemory %d: sheets left to sheetXML: %v", limit, f.parts)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for i := range got[0] {
		if d := sameRows(got[0][i], got[1][i]); d != "" {
			t.Errorf("in memory and from the archive differ: %s", d)
		}
	}
	if want := []string{"2", "a&b <c>", "1"}; !slices.Equal(got[0][0].rows[3], want) {
		t.Errorf("row 4 = %q, want %q", got[0][0].rows[3], want)
	}
}

// TestUnescapeBstr checks the _xHHHH_ decoding against excelize's on
// tricky strings.
func TestUnescapeBstr(t *testing.T) {
	for in, want := range map[string]string{
		"":                    "",
		"_x":                  "_x",
		"_x000D_":             "\r",
		"a_x000d_b":           "a\rb",
		"_x005F_x000D_":       "_x000D_",
		"_x_x0041_":           "_xA",
		"_x0041__x0042_":      "AB",
		"_xD83D__xDE00_":      "",
		"_x004G_":             "_x004G_",
		"x_x0041":             "x_x0041",
		"_x0000_":             "\x00",
		"\u0434_x0434_\u0434": "ддд",
	} {
		if got := string(unescapeBstr(nil, []byte(in))); got != want {
			t.Errorf("unescapeBstr(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCellColumn checks references against excelize's reading of them.
func TestCellColumn(t *testing.T) {
	x := &sheetXML{sc: newXMLScanner(strings.NewReader(""))}
	for _, ref := range []string{"A1", "Z9", "AA10", "XFD1048576", "XFE1", "A1048577", "A0", "A01", "$A$1", "a1",
		"1A", "A", "", "A-1", "A+1", "AAAA1", "A1B", "ЯA1", "A 1", "AB12345678"} {
		got, err := x.refColumn([]byte(ref))
		want, werr := cellColumnExcelize(ref)
		if (err == nil) != (werr == nil) || err == nil && got != want {
			t.Errorf("refColumn(%q) = %d, %v; excelize %d, %v", ref, got, err, want, werr)
		}
	}
}
