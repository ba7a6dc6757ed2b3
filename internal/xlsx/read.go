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
var PasswordHint = hromada.T("вкажіть пароль у файлі через --password-file ФАЙЛ або у змінній середовища HROMADA_PASSWORD",
	"give the password in a file with --password-file FILE, or in the environment variable HROMADA_PASSWORD")

// acceptedHint lists the kinds of file Open reads.
var acceptedHint = hromada.T("hromada читає книги Excel (.xlsx, .xlsm) і текстові таблиці CSV (.csv, .tsv, .txt)",
	"hromada reads Excel workbooks (.xlsx, .xlsm) and CSV text tables (.csv, .tsv, .txt)")

// Hints shared by the problems of damaged files.
var (
	resaveFileHint = hromada.T("відкрийте файл в Excel або LibreOffice і збережіть його знову або експортуйте ще раз",
		"open the file in Excel or LibreOffice and save it again, or export it again")
	resaveItHint = hromada.T("відкрийте його в Excel або LibreOffice і збережіть знову або експортуйте ще раз",
		"open it in Excel or LibreOffice and save it again, or export it again")
	saveAgainHint = hromada.T("відкрийте його в Excel або LibreOffice і збережіть знову",
		"open it in Excel or LibreOffice and save it again")
	downloadAgainHint = hromada.T("скопіюйте або завантажте його ще раз", "copy or download it again")
	splitHint         = hromada.T("розділіть дані на менші файли", "split the data into smaller files")
)

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
func fileError(path string, cause error, msg, hint hromada.Text) *InputError {
	return &InputError{Problem: hromada.Problem{File: path, Msg: msg, Hint: hint}, Err: cause}
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
		return nil, fileError(path, ErrNotSpreadsheet, hromada.T("це папка, а не файл", "this is a folder, not a file"), acceptedHint)
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
		err = fileError(path, ErrDamaged, hromada.T("файл порожній (0 байтів): він пошкоджений або неповний",
			"the file is empty (0 bytes): it is damaged or incomplete"), downloadAgainHint)
	default:
		if what := sniff(head); !what.IsZero() {
			return nil, fileError(path, ErrNotSpreadsheet, hromada.T("це %s, а не електронна таблиця", "this is %s, not a spreadsheet", what), notSpreadsheetHint(what))
		}
		if !isTextExt(ext) {
			return nil, fileError(path, ErrNotSpreadsheet,
				hromada.T("це текстовий файл, а не книга Excel, хоча його назва закінчується на %q",
					"this is a text file, not an Excel workbook, although its name ends in %q", ext),
				hromada.T("якщо це таблиця CSV, змініть закінчення назви на .csv; %s", "if it is a CSV table, rename it to .csv; %s", acceptedHint))
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
// from its first bytes, or returns no text for what may be text.
func sniff(head []byte) hromada.Text {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 64)])
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return hromada.T("документ PDF", "a PDF document")
	case bytes.HasPrefix(head, []byte("\x89PNG")):
		return hromada.T("зображення PNG", "a PNG picture")
	case bytes.HasPrefix(head, []byte("\xFF\xD8\xFF")):
		return hromada.T("зображення JPEG", "a JPEG picture")
	case bytes.HasPrefix(head, []byte("GIF8")):
		return hromada.T("зображення GIF", "a GIF picture")
	case bytes.HasPrefix(head, []byte("\x1F\x8B")):
		return hromada.T("архів gzip", "a gzip archive")
	case bytes.HasPrefix(head, []byte("Rar!")):
		return hromada.T("архів RAR", "a RAR archive")
	case bytes.HasPrefix(head, []byte("7z\xBC\xAF\x27\x1C")):
		return hromada.T("архів 7-Zip", "a 7-Zip archive")
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return hromada.T("документ RTF", "an RTF document")
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return kindHTML
	case bytes.HasPrefix(lower, []byte("<?xml")):
		return hromada.T("документ XML", "an XML document")
	}
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return hromada.Text{} // UTF-16 text with a byte-order mark
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return hromada.T("двійковий файл", "a binary file")
	}
	return hromada.Text{}
}

// Kinds of file that have a hint of their own.
var (
	kindXLS  = hromada.T("книга Excel 97–2003 (.xls)", "an Excel 97–2003 workbook (.xls)")
	kindODS  = hromada.T("таблиця OpenDocument (.ods)", "an OpenDocument spreadsheet (.ods)")
	kindXLSB = hromada.T("двійкова книга Excel (.xlsb)", "an Excel binary workbook (.xlsb)")
	kindHTML = hromada.T("вебсторінка (HTML)", "an HTML page")
)

func notSpreadsheetHint(what hromada.Text) hromada.Text {
	switch what {
	case kindXLS, kindODS, kindXLSB:
		return hromada.T("відкрийте його в Excel або LibreOffice і збережіть як книгу Excel (.xlsx)",
			"open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)")
	case kindHTML:
		return hromada.T("можливо, це вебсторінка, збережена під назвою таблиці; завантажте дані ще раз як .xlsx або .csv",
			"it may be a web page saved under a spreadsheet's name; download the data again as .xlsx or .csv")
	}
	return acceptedHint
}

// openZip checks that a ZIP archive is a workbook, then opens it.
func (f *File) openZip(fh *os.File, size int64) error {
	zr, err := zip.NewReader(fh, size)
	if err != nil {
		return fileError(f.path, ErrDamaged, hromada.T("файл пошкоджений або неповний: він починається як архів ZIP (як файли .xlsx), але його кінця немає або він зламаний",
			"the file is damaged or incomplete: it starts as a ZIP archive (as .xlsx files do) but its end is missing or broken"),
			hromada.T("скопіюйте або завантажте його ще раз або відкрийте в Excel і збережіть знову", "copy or download it again, or open it in Excel and save it again"))
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
	what := hromada.T("архів ZIP", "a ZIP archive")
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		switch {
		case name == "xl/workbook.bin":
			what = kindXLSB
		case strings.HasPrefix(name, "xl/") && strings.HasSuffix(name, ".xml") && strings.Contains(name, "workbook"):
			hasWorkbook = true
		case strings.HasPrefix(name, "word/"):
			what = hromada.T("документ Word (.docx)", "a Word document (.docx)")
		case strings.HasPrefix(name, "ppt/"):
			what = hromada.T("презентація PowerPoint (.pptx)", "a PowerPoint presentation (.pptx)")
		case name == "mimetype":
			what = odfKind(zf)
		}
	}
	if !hasWorkbook {
		return fileError(f.path, ErrNotSpreadsheet, hromada.T("це %s, а не книга Excel", "this is %s, not an Excel workbook", what), notSpreadsheetHint(what))
	}
	if total > uint64(f.opt.MaxUnpacked) {
		return fileError(f.path, ErrTooLarge,
			hromada.T("розпакована книга займає %s, більше за межу в %s", "the workbook unpacks to %s, more than the limit of %s",
				byteSize(int64(min(total, 1<<62))), byteSize(f.opt.MaxUnpacked)),
			hromada.T("розділіть дані на менші файли; такий великий файл може бути й створений, щоб зашкодити комп'ютеру, який його відкриває",
				"split the data into smaller files; a file this large may also be built to harm the computer that opens it"))
	}
	return nil
}

// odfKind reads the mimetype entry of an OpenDocument file.
func odfKind(zf *zip.File) hromada.Text {
	odf := hromada.T("файл OpenDocument", "an OpenDocument file")
	rc, err := zf.Open()
	if err != nil {
		return odf
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 100))
	if err == nil && strings.Contains(string(b), "spreadsheet") {
		return kindODS
	}
	return odf
}

// byteSize writes a size in each language: "1.5 GiB" and "1,5 ГіБ",
// "300 bytes" and "300 байтів".
func byteSize(n int64) hromada.Text {
	var x float64
	var uk, en string
	switch {
	case n >= 1<<30:
		x, uk, en = float64(n)/(1<<30), "ГіБ", "GiB"
	case n >= 1<<20:
		x, uk, en = float64(n)/(1<<20), "МіБ", "MiB"
	default:
		return hromada.T("%d %s", "%[1]d bytes", n, PluralUK(int(n%100), "байт", "байти", "байтів"))
	}
	num := fmt.Sprintf("%.1f", x)
	return hromada.Text{UK: strings.Replace(num, ".", ",", 1) + " " + uk, EN: num + " " + en}
}

// PluralUK returns the Ukrainian form of a noun that goes with the number
// n: one for 1, 21, 31 …; few for 2–4, 22–24 …; many for the rest
// (5–20, 25–30 …): "1 рядок", "3 рядки", "11 рядків".
func PluralUK(n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	switch d, dd := n%10, n%100; {
	case d == 1 && dd != 11:
		return one
	case d >= 2 && d <= 4 && (dd < 12 || dd > 14):
		return few
	}
	return many
}

// openOLE opens a compound (OLE) file: an encrypted workbook, or says which
// older Office format it is.
func (f *File) openOLE(fh *os.File) error {
	doc, err := mscfb.New(fh)
	if err != nil {
		return fileError(f.path, ErrDamaged, hromada.T("файл пошкоджений або неповний: він починається як складений файл Office, але його не вдається прочитати",
			"the file is damaged or incomplete: it starts as an Office compound file but cannot be read"), downloadAgainHint)
	}
	streams := map[string]bool{}
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		streams[entry.Name] = true
	}
	switch {
	case streams["EncryptionInfo"] && streams["EncryptedPackage"]:
	case streams["Workbook"] || streams["Book"]:
		return fileError(f.path, ErrNotSpreadsheet, hromada.T("це %s; такі файли hromada не читає", "this is %s, which hromada cannot read", kindXLS), notSpreadsheetHint(kindXLS))
	case streams["WordDocument"]:
		return fileError(f.path, ErrNotSpreadsheet, hromada.T("це документ Word 97–2003 (.doc), а не електронна таблиця",
			"this is a Word 97–2003 document (.doc), not a spreadsheet"), acceptedHint)
	case streams["PowerPoint Document"]:
		return fileError(f.path, ErrNotSpreadsheet, hromada.T("це презентація PowerPoint 97–2003 (.ppt), а не електронна таблиця",
			"this is a PowerPoint 97–2003 presentation (.ppt), not a spreadsheet"), acceptedHint)
	default:
		return fileError(f.path, ErrNotSpreadsheet, hromada.T("це складений файл Office, а не книга Excel", "this is an Office compound file, not a workbook"), acceptedHint)
	}
	if f.opt.Password == "" {
		return fileError(f.path, ErrEncrypted, hromada.T("книгу захищено паролем", "the workbook is password-protected"), PasswordHint)
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
			hromada.T("зашифрована книга займає %s, більше за межу в %s", "the encrypted workbook is %s, more than the limit of %s",
				byteSize(info.Size()), byteSize(f.opt.MaxUnpacked)),
			splitHint)
	}
	raw := make([]byte, info.Size())
	if _, err := fh.ReadAt(raw, 0); err != nil {
		return err
	}
	pkg, err := excelize.Decrypt(raw, &excelize.Options{Password: f.opt.Password})
	if err != nil || len(pkg) == 0 {
		return fileError(f.path, ErrEncrypted, hromada.T("книгу зашифровано так, що hromada не може її відкрити", "the workbook is encrypted in a way hromada cannot open"),
			hromada.T("відкрийте її в Excel, зніміть пароль (Файл > Відомості > Захистити книгу > Зашифрувати за допомогою пароля) і збережіть як .xlsx",
				"open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it as .xlsx"))
	}
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return fileError(f.path, ErrWrongPassword, hromada.T("вказаний пароль не відкриває книгу", "the password given does not open the workbook"),
			hromada.T("перевірте пароль; %s", "check the password; %s", PasswordHint))
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
		return fileError(f.path, ErrTooLarge, hromada.T("книга завелика, щоб її відкрити: %v", "the workbook is too large to open: %v", err), splitHint)
	}
	return fileError(f.path, ErrDamaged, damagedFile(err), resaveItHint)
}

// damagedFile says that the file is damaged, with the reader's words.
func damagedFile(err error) hromada.Text {
	return hromada.T("файл пошкоджений або неповний: %v", "the file is damaged or incomplete: %v", err)
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
		return fileError(f.path, ErrDamaged, hromada.T("у книзі немає аркушів", "the workbook has no sheets"), saveAgainHint)
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
		return "", fileError(f.path, ErrNoSheet, hromada.T("у файлі CSV немає аркуша %q", "a CSV file has no sheet %q", sheet),
			hromada.T("файл CSV — це одна таблиця; вказуйте аркуш \"\"", "a CSV file is one table; ask for sheet \"\""))
	}
	return "", fileError(f.path, ErrNoSheet, hromada.T("у книзі немає аркуша %q", "the workbook has no sheet %q", sheet),
		hromada.T("її аркуші: %s", "its sheets: %s", strings.Join(names, ", ")))
}
