package workbook

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
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
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	names, err := sheetOrder(zr)
	if err != nil {
		return "", err
	}
	parts, err := SheetParts(zr)
	if err != nil {
		return "", err
	}
	shared, err := sharedStrings(zr)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, sh := range names {
		fmt.Fprintf(h, "sheet\x00%s\n", sh)
		part, err := readPart(zr, parts[sh])
		if err != nil {
			return "", fmt.Errorf("sheet %s: %w", sh, err)
		}
		if err := hashCells(h, part, shared); err != nil {
			return "", fmt.Errorf("sheet %s: %w", sh, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hashCells writes to h each non-empty cell of a sheet's XML: its
// reference and its value (a shared string looked up, an inline string's
// text, a number canonicalValue), or for a formula cell — a <c r="REF" …>
// with an <f> in it, whatever program wrote it — only a mark that it holds
// a formula. A scan of the part: reading it through excelize made writing
// a project's workbooks half as slow again.
func hashCells(h io.Writer, x []byte, shared []string) error {
	pos := 0
	for {
		i := bytes.Index(x[pos:], []byte("<c "))
		if i < 0 {
			return nil
		}
		i += pos
		gt := bytes.IndexByte(x[i:], '>')
		if gt < 0 {
			return fmt.Errorf("a cell without its end")
		}
		gt += i
		tag := x[i:gt]
		pos = gt + 1
		if tag[len(tag)-1] == '/' {
			continue // an empty cell: a style only
		}
		end := bytes.Index(x[pos:], []byte("</c>"))
		if end < 0 {
			return fmt.Errorf("a cell without its end")
		}
		end += pos
		inner := x[pos:end]
		pos = end + len("</c>")
		ref, _ := attrValue(tag, "r")
		if bytes.Contains(inner, []byte("<f")) {
			// A formula's result follows the cells it reads, which count;
			// its value, recalculated by a spreadsheet on saving, does not.
			fmt.Fprintf(h, "%s\x00=\n", ref)
			continue
		}
		t, _ := attrValue(tag, "t")
		var v string
		switch t {
		case "inlineStr":
			v = inlineText(inner)
		case "s":
			n, err := strconv.Atoi(elemText(inner, "v"))
			if err != nil || n < 0 || n >= len(shared) {
				return fmt.Errorf("cell %s: no shared string %q", ref, elemText(inner, "v"))
			}
			v = shared[n]
		default:
			v = canonicalValue(html.UnescapeString(elemText(inner, "v")))
		}
		if v != "" {
			fmt.Fprintf(h, "%s\x00%s\n", ref, v)
		}
	}
}

// elemText is the text of the first element <name>…</name> (or <name …>)
// of x, as written (not unescaped); "" when there is none.
func elemText(x []byte, name string) string {
	i := bytes.Index(x, []byte("<"+name))
	for i >= 0 {
		rest := x[i+1+len(name):]
		if len(rest) > 0 && (rest[0] == '>' || rest[0] == ' ') {
			break
		}
		j := bytes.Index(rest, []byte("<"+name))
		if j < 0 {
			return ""
		}
		i += 1 + len(name) + j
	}
	if i < 0 {
		return ""
	}
	gt := bytes.IndexByte(x[i:], '>')
	if gt < 0 || x[i+gt-1] == '/' {
		return ""
	}
	body := x[i+gt+1:]
	end := bytes.Index(body, []byte("</"+name+">"))
	if end < 0 {
		return ""
	}
	return string(body[:end])
}

// inlineText is the text of every <t> element of x, joined and unescaped: an
// inline string, plain or in runs.
func inlineText(x []byte) string {
	var b strings.Builder
	for {
		i := bytes.Index(x, []byte("<t"))
		if i < 0 {
			return html.UnescapeString(b.String())
		}
		rest := x[i+2:]
		if len(rest) == 0 || (rest[0] != '>' && rest[0] != ' ' && rest[0] != '/') {
			x = rest
			continue
		}
		gt := bytes.IndexByte(rest, '>')
		if gt < 0 {
			return html.UnescapeString(b.String())
		}
		if gt > 0 && rest[gt-1] == '/' { // <t/>
			x = rest[gt+1:]
			continue
		}
		body := rest[gt+1:]
		end := bytes.Index(body, []byte("</t>"))
		if end < 0 {
			return html.UnescapeString(b.String())
		}
		b.Write(body[:end])
		x = body[end+len("</t>"):]
	}
}

// sheetOrder are the names of a workbook's sheets in its order.
func sheetOrder(zr *zip.Reader) ([]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
		} `xml:"sheets>sheet"`
	}
	x, err := readPart(zr, "xl/workbook.xml")
	if err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(x, &wb); err != nil {
		return nil, fmt.Errorf("xl/workbook.xml: %w", err)
	}
	names := make([]string, len(wb.Sheets))
	for i, s := range wb.Sheets {
		names[i] = s.Name
	}
	return names, nil
}

// sharedStrings is the shared string table of a workbook, each string its
// text (its runs' texts joined, without phonetic guides); nil without one.
func sharedStrings(zr *zip.Reader) ([]string, error) {
	x, err := readPart(zr, "xl/sharedStrings.xml")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var sst struct {
		SI []struct {
			T string `xml:"t"`
			R []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"si"`
	}
	if err := xml.Unmarshal(x, &sst); err != nil {
		return nil, fmt.Errorf("xl/sharedStrings.xml: %w", err)
	}
	out := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		s := si.T
		for _, r := range si.R {
			s += r.T
		}
		out[i] = s
	}
	return out, nil
}

// readPart is the content of a part of the zip.
func readPart(zr *zip.Reader, name string) ([]byte, error) { return readAll(zr.Open(name)) }

// attrValue is the value of the attribute name in a tag's text.
func attrValue(tag []byte, name string) (string, bool) {
	k := []byte(" " + name + `="`)
	i := bytes.Index(tag, k)
	if i < 0 {
		return "", false
	}
	v := tag[i+len(k):]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return "", false
	}
	return string(v[:j]), true
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
	found := false
	out, err := rewriteZip(zr, func(name string) bool { return name == "docProps/custom.xml" }, func(_ string, part []byte) ([]byte, error) {
		if bytes.Count(part, []byte(fingerprintPlaceholder)) != 1 {
			return nil, fmt.Errorf("docProps/custom.xml: no place for the fingerprint")
		}
		found = true
		return bytes.Replace(part, []byte(fingerprintPlaceholder), []byte(sum), 1), nil
	})
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, fmt.Errorf("no docProps/custom.xml for the fingerprint")
	}
	return out, nil
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
