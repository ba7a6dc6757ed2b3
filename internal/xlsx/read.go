// Package xlsx reads spreadsheets: Excel workbooks (.xlsx, .xlsm, also
// password-protected ones) and CSV text tables (.csv, .tsv, .txt) in the
// dialects Excel, LibreOffice, KoboToolbox and R write. It streams a sheet
// row by row in little memory, and knows nothing of what the rows mean:
// survey rules (column names of Kobo exports, don't-know codes, repeat
// groups, XLSForms) are in package kobo, which plugs in through
// [OpenOptions]. With package workbook it is the only importer of excelize.
//
// Reading starts with [Open]; [File.Table] streams one sheet:
//
//	f, err := xlsx.Open("survey.xlsx", xlsx.OpenOptions{})
//	if err != nil {
//		return err // an *InputError; errors.Is(err, xlsx.ErrEncrypted) …
//	}
//	defer f.Close()
//	t, err := f.Table("") // the first sheet
//	if err != nil {
//		return err
//	}
//	defer t.Close()
//	for t.Next() {
//		n, present, err := t.Number(3) // err names the cell: survey.xlsx: main!D17: …
//		…
//	}
//	return t.Err()
//
// The header is the first non-empty row; [Table.Row] gives one value per
// header column, as the file holds it (numbers as stored, dates as serial
// numbers). [Table.Text], [Table.Number], [Table.YesNo] and [Table.Date]
// read a cell of the current row as people write values ([ParseNumber]:
// "1 234,5"; [ParseDate]: "30.07.2024" or a serial number in the workbook's
// date system). Ordinary workbooks are read by scanning the sheet's XML
// straight from the archive, with shared strings, merged ranges and the
// 1904 date system; encrypted workbooks are read through excelize.
// [ColumnName] names a column as a spreadsheet does; [ReadSheets] reads a
// small workbook whole.
//
// Hostile files are read in bounded memory: parts no sheet needs
// (pictures, drawings, macros) are never inflated; a workbook may unpack to
// at most OpenOptions.MaxUnpacked; a value (cell, shared string, CSV field)
// holds at most [MaxCellChars] characters, a row at most [MaxRowBytes], a
// shared string table at most [MaxSharedStrings] strings and
// [MaxSharedBytes] of text; a sheet at most 1,048,576 rows and 16,384
// columns, as in Excel. More is refused with ErrTooLarge (or ErrDamaged
// past a sheet's edge), in a message that names the file and the limit.
// An encrypted workbook is decrypted into memory as its compressed package
// and its sheets are streamed from there.
//
// Every problem in an input is an [*InputError]: a [hromada.Problem] that
// says file, sheet and cell, and a cause that errors.Is can match
// ([ErrEncrypted], [ErrNotNumber] …). Values a caller finds wrong become
// such errors with [Table.CellError].
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hromada-tool/hromada"
	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// Causes of input errors, matched with errors.Is on an [*InputError].
var (
	// ErrNotSpreadsheet: the file is something else (a PDF, an Excel 97–2003
	// .xls, an OpenDocument file, a picture …).
	ErrNotSpreadsheet = errors.New("not a spreadsheet hromada can read")
	// ErrEncrypted: the workbook is password-protected and no password was
	// given, or its encryption is one hromada cannot open.
	ErrEncrypted = errors.New("workbook is password-protected")
	// ErrWrongPassword: a password was given and it does not open the workbook.
	ErrWrongPassword = errors.New("password does not open the workbook")
	// ErrDamaged: the file is damaged or incomplete (a cut-off download, a
	// broken ZIP or XML part).
	ErrDamaged = errors.New("file is damaged or incomplete")
	// ErrTooLarge: the workbook unpacks to more than OpenOptions.MaxUnpacked.
	ErrTooLarge = errors.New("workbook is too large")
	// ErrEncoding: a text file is not UTF-8 (nor UTF-16 with a byte-order mark).
	ErrEncoding = errors.New("text is not UTF-8")
	// ErrNoSheet: the workbook has no sheet of the name asked for.
	ErrNoSheet = errors.New("no such sheet")
	// ErrEmpty: the sheet has no non-empty row, so no header.
	ErrEmpty = errors.New("sheet is empty")
	// ErrCSV: a CSV file breaks the quoting rules.
	ErrCSV = errors.New("malformed CSV")
)

// PasswordHint tells a person how to give hromada the password of a workbook.
// It names the flag and the environment variable the command line reads.
const PasswordHint = "give the password in a file with --password-file FILE, or in the environment variable HROMADA_PASSWORD"

// acceptedHint lists the kinds of file Open reads.
const acceptedHint = "hromada reads Excel workbooks (.xlsx, .xlsm) and CSV text tables (.csv, .tsv, .txt)"

// Default limits of OpenOptions.
const (
	DefaultMaxUnpacked  = 2 << 30  // 2 GiB of XML, far above any survey export
	DefaultMaxInMemory  = 16 << 20 // parts above 16 MiB are unpacked to a temporary file
	DefaultMaxEmptyRows = 1000
)

// OpenOptions tune [Open]. The zero value is ready to use.
type OpenOptions struct {
	// Password opens an encrypted workbook. Empty: none.
	Password string
	// MaxUnpacked is the most bytes a workbook may unpack to, as its ZIP
	// directory declares them; more is refused with ErrTooLarge, as a guard
	// against hostile files. Zero means DefaultMaxUnpacked.
	MaxUnpacked int64
	// MaxInMemory is the size above which a worksheet's XML is not held in
	// memory: it is streamed from the file (from a temporary file for an
	// encrypted workbook), and merged cells are not looked for in it.
	// Zero means DefaultMaxInMemory.
	MaxInMemory int64
	// MaxEmptyRows is how many empty rows in a row end a table, with a
	// warning: it guards against sheets that claim a million rows. Zero
	// means DefaultMaxEmptyRows.
	MaxEmptyRows int
	// Missing, when set, names the values besides blank that mean "no
	// answer" ([Table.Number], [Table.YesNo] and [Table.Date] return ok
	// false for them), such as the don't-know codes of surveys
	// (kobo.IsMissing). Nil: only blank is missing.
	Missing func(value string) bool
	// SkipTagRow, when set, is asked about the first non-empty row below
	// the header; a row it reports true for is skipped as a row of tags, not
	// data, such as the HXL hashtags of humanitarian exports (kobo.IsHXL).
	// Nil: no row is skipped.
	SkipTagRow func(row []string) bool
}

func (o OpenOptions) withDefaults() OpenOptions {
	if o.MaxUnpacked <= 0 {
		o.MaxUnpacked = DefaultMaxUnpacked
	}
	if o.MaxInMemory <= 0 {
		o.MaxInMemory = DefaultMaxInMemory
	}
	o.MaxInMemory = min(o.MaxInMemory, o.MaxUnpacked)
	if o.MaxEmptyRows <= 0 {
		o.MaxEmptyRows = DefaultMaxEmptyRows
	}
	return o
}

// InputError is a problem in an input file, with its cause. It reads like
// the problem ("survey.xlsx: main!D17: \"так?\" is not yes/no; allowed: …")
// and unwraps to one of the Err… causes of this package, in the manner of
// encoding/csv's ParseError.
type InputError struct {
	hromada.Problem
	Err error // the cause: ErrEncrypted, ErrNotNumber …
}

// Error formats the problem as "file: Sheet!Cell: msg; hint".
func (e *InputError) Error() string { return e.Problem.Error() }

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// fileError is an InputError about a whole file.
func fileError(path string, cause error, msg, hint string) *InputError {
	return &InputError{Problem: hromada.Problem{File: path, Msg: hromada.Untranslated(msg), Hint: hromada.Untranslated(hint)}, Err: cause}
}

// File is an open spreadsheet: a workbook or a CSV text table.
type File struct {
	path     string
	opt      OpenOptions
	xl       *excelize.File // nil for text
	parts    *xlsxParts     // non-nil: sheets are read from the archive, see openParts
	pkg      []byte         // an encrypted workbook's package, decrypted; nil for others
	text     *textFormat    // nil for workbooks
	sheets   []string
	date1904 bool
}

// Open opens the spreadsheet at path. What the file is comes from its first
// bytes, not its name: a workbook (.xlsx, .xlsm, also when encrypted) or,
// for names ending in .csv, .tsv or .txt, a text table. Anything else fails
// with ErrNotSpreadsheet and says what the file is. Errors are
// [*InputError]s whose causes are ErrNotSpreadsheet, ErrEncrypted,
// ErrWrongPassword, ErrDamaged, ErrTooLarge or ErrEncoding, or an
// *fs.PathError when the file cannot be read at all.
func Open(path string, opt OpenOptions) (*File, error) {
	opt = opt.withDefaults()
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, fileError(path, ErrNotSpreadsheet, "this is a folder, not a file", acceptedHint)
	}
	head := make([]byte, 8192)
	n, err := io.ReadFull(fh, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	head = head[:n]
	f := &File{path: path, opt: opt}
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		err = f.openZip(fh, info.Size())
	case bytes.HasPrefix(head, oleMagic):
		err = f.openOLE(fh)
	case len(head) == 0 && !isTextExt(ext):
		err = fileError(path, ErrDamaged, "the file is empty (0 bytes): it is damaged or incomplete",
			"copy or download it again")
	default:
		if what := sniff(head); what != "" {
			return nil, fileError(path, ErrNotSpreadsheet, "this is "+what+", not a spreadsheet", notSpreadsheetHint(what))
		}
		if !isTextExt(ext) {
			return nil, fileError(path, ErrNotSpreadsheet,
				fmt.Sprintf("this is a text file, not an Excel workbook, although its name ends in %q", ext),
				"if it is a CSV table, rename it to .csv; "+acceptedHint)
		}
		err = f.openText()
	}
	if err != nil {
		if f.xl != nil {
			_ = f.xl.Close()
		}
		return nil, err
	}
	return f, nil
}

func isTextExt(ext string) bool {
	return ext == ".csv" || ext == ".tsv" || ext == ".txt"
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniff names what a file that is neither a ZIP nor an OLE container is,
// from its first bytes, or returns "" for what may be text.
func sniff(head []byte) string {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 64)])
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "a PDF document"
	case bytes.HasPrefix(head, []byte("\x89PNG")):
		return "a PNG picture"
	case bytes.HasPrefix(head, []byte("\xFF\xD8\xFF")):
		return "a JPEG picture"
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "a GIF picture"
	case bytes.HasPrefix(head, []byte("\x1F\x8B")):
		return "a gzip archive"
	case bytes.HasPrefix(head, []byte("Rar!")):
		return "a RAR archive"
	case bytes.HasPrefix(head, []byte("7z\xBC\xAF\x27\x1C")):
		return "a 7-Zip archive"
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return "an RTF document"
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return "an HTML page"
	case bytes.HasPrefix(lower, []byte("<?xml")):
		return "an XML document"
	}
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return "" // UTF-16 text with a byte-order mark
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "a binary file"
	}
	return ""
}

func notSpreadsheetHint(what string) string {
	switch what {
	case "an Excel 97–2003 workbook (.xls)", "an OpenDocument spreadsheet (.ods)", "an Excel binary workbook (.xlsb)":
		return "open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)"
	case "an HTML page":
		return "it may be a web page saved under a spreadsheet's name; download the data again as .xlsx or .csv"
	}
	return acceptedHint
}

// openZip checks that a ZIP archive is a workbook, then opens it.
func (f *File) openZip(fh *os.File, size int64) error {
	zr, err := zip.NewReader(fh, size)
	if err != nil {
		return fileError(f.path, ErrDamaged, "the file is damaged or incomplete: it starts as a ZIP archive (as .xlsx files do) but its end is missing or broken",
			"copy or download it again, or open it in Excel and save it again")
	}
	if err := f.checkZip(zr); err != nil {
		return err
	}
	xl, err := f.openParts(zr)
	if err != nil {
		return err
	}
	return f.setWorkbook(xl)
}

// checkZip refuses ZIP archives that are not workbooks or that unpack to
// more than MaxUnpacked.
func (f *File) checkZip(zr *zip.Reader) error {
	var total uint64
	hasWorkbook := false
	what := "a ZIP archive"
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		switch {
		case name == "xl/workbook.bin":
			what = "an Excel binary workbook (.xlsb)"
		case strings.HasPrefix(name, "xl/") && strings.HasSuffix(name, ".xml") && strings.Contains(name, "workbook"):
			hasWorkbook = true
		case strings.HasPrefix(name, "word/"):
			what = "a Word document (.docx)"
		case strings.HasPrefix(name, "ppt/"):
			what = "a PowerPoint presentation (.pptx)"
		case name == "mimetype":
			what = odfKind(zf)
		}
	}
	if !hasWorkbook {
		return fileError(f.path, ErrNotSpreadsheet, "this is "+what+", not an Excel workbook", notSpreadsheetHint(what))
	}
	if total > uint64(f.opt.MaxUnpacked) {
		return fileError(f.path, ErrTooLarge,
			fmt.Sprintf("the workbook unpacks to %s, more than the limit of %s", byteSize(int64(min(total, 1<<62))), byteSize(f.opt.MaxUnpacked)),
			"split the data into smaller files; a file this large may also be built to harm the computer that opens it")
	}
	return nil
}

// odfKind reads the mimetype entry of an OpenDocument file.
func odfKind(zf *zip.File) string {
	rc, err := zf.Open()
	if err != nil {
		return "an OpenDocument file"
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 100))
	if err == nil && strings.Contains(string(b), "spreadsheet") {
		return "an OpenDocument spreadsheet (.ods)"
	}
	return "an OpenDocument file"
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// openOLE opens a compound (OLE) file: an encrypted workbook, or says which
// older Office format it is.
func (f *File) openOLE(fh *os.File) error {
	doc, err := mscfb.New(fh)
	if err != nil {
		return fileError(f.path, ErrDamaged, "the file is damaged or incomplete: it starts as an Office compound file but cannot be read",
			"copy or download it again")
	}
	streams := map[string]bool{}
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		streams[entry.Name] = true
	}
	switch {
	case streams["EncryptionInfo"] && streams["EncryptedPackage"]:
	case streams["Workbook"] || streams["Book"]:
		what := "an Excel 97–2003 workbook (.xls)"
		return fileError(f.path, ErrNotSpreadsheet, "this is "+what+", which hromada cannot read", notSpreadsheetHint(what))
	case streams["WordDocument"]:
		return fileError(f.path, ErrNotSpreadsheet, "this is a Word 97–2003 document (.doc), not a spreadsheet", acceptedHint)
	case streams["PowerPoint Document"]:
		return fileError(f.path, ErrNotSpreadsheet, "this is a PowerPoint 97–2003 presentation (.ppt), not a spreadsheet", acceptedHint)
	default:
		return fileError(f.path, ErrNotSpreadsheet, "this is an Office compound file, not a workbook", acceptedHint)
	}
	if f.opt.Password == "" {
		return fileError(f.path, ErrEncrypted, "the workbook is password-protected", PasswordHint)
	}
	return f.decrypt(fh)
}

// decrypt decrypts an encrypted workbook into its package, which stays in
// memory as the archive its sheets are streamed from. The package is the
// workbook's ZIP archive, as compressed as the file.
func (f *File) decrypt(fh *os.File) error {
	info, err := fh.Stat()
	if err != nil {
		return err
	}
	if info.Size() > f.opt.MaxUnpacked {
		return fileError(f.path, ErrTooLarge,
			fmt.Sprintf("the encrypted workbook is %s, more than the limit of %s", byteSize(info.Size()), byteSize(f.opt.MaxUnpacked)),
			"split the data into smaller files")
	}
	raw := make([]byte, info.Size())
	if _, err := fh.ReadAt(raw, 0); err != nil {
		return err
	}
	pkg, err := excelize.Decrypt(raw, &excelize.Options{Password: f.opt.Password})
	if err != nil || len(pkg) == 0 {
		return fileError(f.path, ErrEncrypted, "the workbook is encrypted in a way hromada cannot open",
			"open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it as .xlsx")
	}
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return fileError(f.path, ErrWrongPassword, "the password given does not open the workbook",
			"check the password; "+PasswordHint)
	}
	if err := f.checkZip(zr); err != nil {
		return err
	}
	f.pkg = pkg
	xl, err := f.openParts(zr)
	if err != nil {
		return err
	}
	return f.setWorkbook(xl)
}

// openError turns an error of excelize opening a workbook into an InputError.
func (f *File) openError(err error) error {
	if strings.Contains(err.Error(), "unzip size") {
		return fileError(f.path, ErrTooLarge, "the workbook is too large to open: "+err.Error(),
			"split the data into smaller files")
	}
	return fileError(f.path, ErrDamaged, "the file is damaged or incomplete: "+err.Error(),
		"open it in Excel or LibreOffice and save it again, or export it again")
}

func (f *File) excelizeOptions(password string) excelize.Options {
	return excelize.Options{
		Password:          password,
		RawCellValue:      true,
		UnzipSizeLimit:    f.opt.MaxUnpacked,
		UnzipXMLSizeLimit: f.opt.MaxInMemory,
	}
}

func (f *File) setWorkbook(xl *excelize.File) error {
	f.xl = xl
	f.sheets = xl.GetSheetList()
	if len(f.sheets) == 0 {
		return fileError(f.path, ErrDamaged, "the workbook has no sheets", "open it in Excel or LibreOffice and save it again")
	}
	props, err := xl.GetWorkbookProps()
	if err != nil {
		return f.openError(err)
	}
	f.date1904 = props.Date1904 != nil && *props.Date1904
	return nil
}

// Path returns the path the file was opened with, as used in messages.
func (f *File) Path() string { return f.path }

// Sheets returns the names of the sheets in workbook order. A CSV file has
// one unnamed sheet, "".
func (f *File) Sheets() []string { return slices.Clone(f.sheets) }

// Date1904 reports whether the workbook counts dates from 1904 (older Excel
// for Mac) rather than from 1900. Serial numbers in its cells are read with
// that system by [Table.Date].
func (f *File) Date1904() bool { return f.date1904 }

// Close releases the file and the temporary files of large sheets.
func (f *File) Close() error {
	err := f.closeParts()
	if f.xl == nil {
		return err
	}
	if xerr := f.xl.Close(); err == nil {
		err = xerr
	}
	f.xl = nil
	return err
}

// sheetName finds a sheet by name (case-insensitively, as Excel does); ""
// is the first sheet.
func (f *File) sheetName(sheet string) (string, error) {
	if sheet == "" {
		return f.sheets[0], nil
	}
	for _, s := range f.sheets {
		if s == sheet {
			return s, nil
		}
	}
	for _, s := range f.sheets {
		if strings.EqualFold(s, sheet) {
			return s, nil
		}
	}
	names := make([]string, len(f.sheets))
	for i, s := range f.sheets {
		names[i] = fmt.Sprintf("%q", s)
	}
	if f.text != nil {
		return "", fileError(f.path, ErrNoSheet, fmt.Sprintf("a CSV file has no sheet %q", sheet), "a CSV file is one table; ask for sheet \"\"")
	}
	return "", fileError(f.path, ErrNoSheet, fmt.Sprintf("the workbook has no sheet %q", sheet), "its sheets: "+strings.Join(names, ", "))
}
