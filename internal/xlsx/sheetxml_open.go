package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/hromada-tool/hromada"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Opening an ordinary workbook (a ZIP archive, not encrypted), Open leaves
// the worksheets that are larger than OpenOptions.MaxInMemory and the
// shared strings to the sheet reader, sheetXML: excelize opens the rest of
// the package, for the sheet list, the date system and merged cells.
// excelize alone would inflate every part at Open, the large sheets into
// temporary files, before a row is read.

// xlsxParts is what a File keeps to read the sheets of an ordinary workbook
// from its archive.
type xlsxParts struct {
	stubbed map[string]bool // worksheets excelize was given empty: they are read from the archive

	mu      sync.Mutex
	sst     []string
	sstErr  error
	sstRead bool
	full    *excelize.File // the whole workbook, opened by excelize for a sheet sheetXML leaves to it
}

// errNotFast says that sheetXML leaves a sheet to excelize.
var errNotFast = errors.New("sheet left to excelize")

// stubSheet stands in for a large worksheet in the package excelize opens.
const stubSheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`

// openParts opens the workbook with excelize from a package of the parts
// it needs to list the sheets and the date system: without the shared
// strings, and with the worksheets it would unpack to temporary files
// (those larger than MaxInMemory) left empty. Parts hromada never reads
// (pictures, drawings, themes, printer settings, macros …) are left out,
// so they are never inflated. The parts kept are copied as they are,
// still compressed, into a package in memory; excelize checks them as it
// always does.
func (f *File) openParts(zr *zip.Reader) (*excelize.File, error) {
	parts := &xlsxParts{stubbed: map[string]bool{}}
	pkg, err := f.smallPackage(zr, parts.stubbed)
	if err != nil {
		return nil, err
	}
	xl, err := excelize.OpenReader(bytes.NewReader(pkg), f.excelizeOptions(""))
	if err != nil {
		return nil, f.openError(err)
	}
	f.parts = parts
	return xl, nil
}

// smallPackage copies the parts of the workbook excelize needs into a new
// package. With stubbed non-nil, the shared strings are left out and
// worksheets larger than MaxInMemory are replaced by an empty one and
// recorded in stubbed; with stubbed nil (a package excelize reads sheets
// from), both are kept. A part kept that is not a sheet and is larger
// than MaxInMemory is refused with ErrTooLarge.
func (f *File) smallPackage(zr *zip.Reader, stubbed map[string]bool) ([]byte, error) {
	var pkg bytes.Buffer
	zw := zip.NewWriter(&pkg)
	partLimit := max(f.opt.MaxInMemory, min(DefaultMaxInMemory, f.opt.MaxUnpacked))
	for _, zf := range zr.File {
		name := strings.ReplaceAll(zf.Name, "\\", "/")
		lower := strings.ToLower(name)
		sheet := isSheetPart(lower) && !zf.FileInfo().IsDir()
		switch {
		case lower == "xl/sharedstrings.xml":
			if stubbed != nil {
				continue
			}
		case !keepPart(lower):
			continue
		case sheet && stubbed != nil && zf.UncompressedSize64 > uint64(f.opt.MaxInMemory):
			w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Store})
			if err != nil {
				return nil, err
			}
			if _, err := io.WriteString(w, stubSheet); err != nil {
				return nil, err
			}
			stubbed[name] = true
			continue
		case !sheet && zf.UncompressedSize64 > uint64(partLimit):
			return nil, fileError(f.path, ErrTooLarge,
				hromada.T("частина %s книги розпаковується до %s — більше за межу в %s для частини, що не є аркушем",
					"part %s of the workbook unpacks to %s, more than the limit of %s for a part that is not a sheet",
					name, byteSize(int64(min(zf.UncompressedSize64, 1<<62))), byteSize(partLimit)),
				hromada.T("відкрийте файл в Excel або LibreOffice і збережіть його знову; такий файл може бути й створений, щоб зашкодити комп'ютеру, який його відкриває",
					"open the file in Excel or LibreOffice and save it again; a file like this may also be built to harm the computer that opens it"))
		}
		raw, err := zf.OpenRaw()
		if err != nil {
			return nil, fileError(f.path, ErrDamaged, damagedFile(err), resaveItHint)
		}
		fh := zf.FileHeader
		w, err := zw.CreateRaw(&fh)
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(w, raw); err != nil {
			return nil, fileError(f.path, ErrDamaged, damagedFile(err), resaveItHint)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return pkg.Bytes(), nil
}

// isSheetPart reports whether a part, named in lower case, is a sheet.
func isSheetPart(lower string) bool {
	for _, dir := range []string{"xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/", "xl/macrosheets/"} {
		if rest, ok := strings.CutPrefix(lower, dir); ok {
			return !strings.Contains(rest, "/")
		}
	}
	return false
}

// keepPart reports whether excelize needs a part, named in lower case, to
// list a workbook's sheets and read them: the content types, the package's
// and the workbook's relationships, the parts right under xl/ (the
// workbook, its styles) and the sheets.
func keepPart(lower string) bool {
	switch {
	case lower == "[content_types].xml", lower == "_rels/.rels":
		return true
	case strings.HasPrefix(lower, "xl/_rels/"):
		return true
	case strings.HasPrefix(lower, "xl/") && strings.HasSuffix(lower, ".xml") && !strings.Contains(lower[3:], "/"):
		return lower != "xl/calcchain.xml"
	}
	return isSheetPart(lower)
}

// sheetReader opens a sheet of a workbook for streaming: with sheetXML for
// an ordinary workbook, with excelize's row reader for an encrypted one and
// for sheets sheetXML leaves to it.
func (f *File) sheetReader(name string) (source, error) {
	if f.parts != nil {
		src, err := f.openSheetXML(name)
		if err == nil {
			return src, nil
		}
		if !errors.Is(err, errNotFast) {
			return nil, err
		}
	}
	return f.excelizeRows(name)
}

// excelizeRows opens a sheet with excelize's row reader.
func (f *File) excelizeRows(name string) (source, error) {
	xl, err := f.excelizeFile()
	if err != nil {
		return nil, err
	}
	rows, err := xl.Rows(name)
	if err != nil {
		return nil, fileError(f.path, ErrDamaged, hromada.T("аркуш %q не вдається прочитати: %v", "sheet %q cannot be read: %v", name, err),
			hromada.T("відкрийте файл в Excel або LibreOffice і збережіть його знову", "open the file in Excel or LibreOffice and save it again"))
	}
	return &sheetSource{file: f, sheet: name, rows: rows}, nil
}

// excelizeFile returns an excelize workbook whose cells can be read: the
// one Open made, or for an ordinary workbook the whole of it, opened on
// first use.
func (f *File) excelizeFile() (*excelize.File, error) {
	if f.parts == nil {
		return f.xl, nil
	}
	p := f.parts
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.full == nil {
		fh, zr, err := f.openArchive()
		if err != nil {
			return nil, err
		}
		pkg, err := f.smallPackage(zr, nil)
		_ = fh.Close() // only read from; the package is in memory
		if err != nil {
			return nil, err
		}
		xl, err := excelize.OpenReader(bytes.NewReader(pkg), f.excelizeOptions(""))
		if err != nil {
			return nil, f.openError(err)
		}
		p.full = xl
	}
	return p.full, nil
}

// closeParts closes what reading from the archive opened.
func (f *File) closeParts() error {
	if f.parts == nil {
		return nil
	}
	p := f.parts
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.full == nil {
		return nil
	}
	err := p.full.Close()
	p.full = nil
	return err
}

// openSheetXML opens a sheet with sheetXML. It fails with errNotFast for
// a sheet it leaves to excelize: one whose part it cannot find, or whose XML
// is not in UTF-8.
func (f *File) openSheetXML(name string) (src *sheetXML, err error) {
	part := f.sheetPart(name)
	if part == "" {
		return nil, errNotFast
	}
	fh, zr, err := f.openArchive()
	if err != nil {
		return nil, err
	}
	defer func() {
		if src == nil {
			_ = fh.Close() // only read from; the error that matters is err
		}
	}()
	sst, err := f.parts.sharedStrings(f, zr)
	if err != nil {
		return nil, err
	}
	var rc io.ReadCloser
	if raw, ok := f.xl.Pkg.Load(part); ok && !f.parts.stubbed[part] {
		b, ok := raw.([]byte)
		if !ok {
			return nil, errNotFast
		}
		rc = io.NopCloser(bytes.NewReader(b))
	} else {
		zf := findPart(zr, part)
		if zf == nil {
			return nil, errNotFast
		}
		if rc, err = zf.Open(); err != nil {
			return nil, f.damagedPart(name, err)
		}
		rc = readAhead(rc, zf.UncompressedSize64)
	}
	rd, ok := utf8Reader(rc)
	if !ok {
		_ = rc.Close() // as above
		return nil, errNotFast
	}
	sc := newXMLScanner(rd)
	return &sheetXML{file: f, sheet: name, fh: fh, part: rc, sc: sc, sst: sst}, nil
}

// openArchive opens the workbook's ZIP archive: the file, or the package
// decrypted from it.
func (f *File) openArchive() (io.Closer, *zip.Reader, error) {
	if f.pkg != nil {
		zr, err := zip.NewReader(bytes.NewReader(f.pkg), int64(len(f.pkg)))
		if err != nil {
			return nil, nil, fileError(f.path, ErrDamaged, hromada.T("розшифровану книгу не вдається прочитати: %v", "the decrypted workbook cannot be read: %v", err),
				saveAgainHint)
		}
		return io.NopCloser(nil), zr, nil
	}
	fh, err := os.Open(f.path)
	if err != nil {
		return nil, nil, err
	}
	info, err := fh.Stat()
	if err == nil {
		var zr *zip.Reader
		if zr, err = zip.NewReader(fh, info.Size()); err == nil {
			return fh, zr, nil
		}
	}
	_ = fh.Close() // only read from
	return nil, nil, fileError(f.path, ErrDamaged, hromada.T("файл не вдається прочитати вдруге: %v", "the file cannot be read again: %v", err),
		hromada.T("перевірте, чи файл не змінили або не перемістили, поки hromada його читала", "check that it was not changed or moved while hromada read it"))
}

// findPart returns the archive's entry of a part, named as excelize names
// it.
func findPart(zr *zip.Reader, part string) *zip.File {
	for _, zf := range zr.File {
		if strings.ReplaceAll(zf.Name, "\\", "/") == part {
			return zf
		}
	}
	for _, zf := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(zf.Name, "\\", "/"), part) {
			return zf
		}
	}
	return nil
}

func (f *File) damagedPart(sheet string, err error) error {
	e := fileError(f.path, ErrDamaged, damagedSheet(err), resaveFileHint)
	e.Sheet = sheet
	return e
}

// sharedStrings returns the workbook's shared strings, read on first use.
func (p *xlsxParts) sharedStrings(f *File, zr *zip.Reader) ([]string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.sstRead {
		p.sst, p.sstErr = readSharedPart(f, zr)
		p.sstRead = true
	}
	return p.sst, p.sstErr
}

// readSharedPart reads xl/sharedStrings.xml, the part excelize reads
// shared strings from.
func readSharedPart(f *File, zr *zip.Reader) ([]string, error) {
	zf := findPart(zr, "xl/sharedStrings.xml")
	if zf == nil {
		return nil, nil // a workbook without shared strings
	}
	rc, err := zf.Open()
	var sst []string
	if err == nil {
		if rd, ok := utf8Reader(rc); !ok {
			err = errNotFast
		} else if sst, err = readSharedStrings(newXMLScanner(rd)); err == nil {
			_, err = io.Copy(io.Discard, rc) // the rest, for the checksum
		}
		if cerr := rc.Close(); err == nil {
			err = cerr
		}
	}
	var le *limitError
	switch {
	case errors.As(err, &le):
		err = fileError(f.path, ErrTooLarge, le.msg,
			hromada.T("розділіть дані на менші файли; така книга може бути й створена, щоб зашкодити комп'ютеру, який її читає",
				"split the data into smaller files; a workbook like this may also be built to harm the computer that reads it"))
	case err != nil && !errors.Is(err, errNotFast):
		err = fileError(f.path, ErrDamaged, hromada.T("спільні рядки книги пошкоджені: %v", "the shared strings of the workbook are damaged: %v", err),
			resaveFileHint)
	}
	if err != nil {
		return nil, err
	}
	return sst, nil
}

// utf8Reader returns a reader of a part's XML in UTF-8: the part itself
// when it is in UTF-8, as Excel writes it, or decoded when it starts with
// a UTF-16 byte-order mark or declares another encoding. ok is false for
// an encoding hromada does not know.
func utf8Reader(rd io.Reader) (_ io.Reader, ok bool) {
	br := bufio.NewReaderSize(rd, 4096)
	head, _ := br.Peek(256) // a shorter part is all there; errors come again on reading
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), true
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()), true
	}
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return br, true
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return br, true // the scanner reports what is wrong
	}
	for attrs := head[len("<?xml"):end]; ; {
		name, value, rest, found := nextAttr(attrs)
		if !found {
			return br, true
		}
		attrs = rest
		if string(name) != "encoding" {
			continue
		}
		enc := strings.ToLower(string(value))
		if enc == "utf-8" || enc == "utf8" {
			return br, true
		}
		e, err := htmlindex.Get(enc)
		if err != nil {
			return nil, false
		}
		if strings.HasPrefix(enc, "utf-16") {
			return br, true // declared, but without a byte-order mark: the bytes are what they are
		}
		return transform.NewReader(br, e.NewDecoder()), true
	}
}
