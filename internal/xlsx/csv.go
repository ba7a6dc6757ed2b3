package xlsx

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/hromada-tool/hromada"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// textFormat is what Open learnt of a CSV file: its encoding and delimiter.
type textFormat struct {
	bom   int                 // length of the byte-order mark to skip; 0 if none
	utf16 *unicode.Endianness // non-nil: UTF-16 with this byte order
	comma rune
}

// sampleSize is how much of a text file Open reads to learn its format.
const sampleSize = 1 << 20

// openText learns the encoding and delimiter of a text table from its first
// bytes. head is the start of the file, already read.
func (f *File) openText() error {
	sample, err := readSample(f.path)
	if err != nil {
		return err
	}
	tf := &textFormat{comma: ','}
	switch {
	case bytes.HasPrefix(sample, []byte("\xEF\xBB\xBF")):
		tf.bom = 3
	case bytes.HasPrefix(sample, []byte{0xFF, 0xFE}):
		tf.bom, tf.utf16 = 2, new(unicode.Endianness)
		*tf.utf16 = unicode.LittleEndian
	case bytes.HasPrefix(sample, []byte{0xFE, 0xFF}):
		tf.bom, tf.utf16 = 2, new(unicode.Endianness)
		*tf.utf16 = unicode.BigEndian
	}
	text := sample[tf.bom:]
	if tf.utf16 != nil {
		dec := unicode.UTF16(*tf.utf16, unicode.IgnoreBOM).NewDecoder()
		if text, _, err = transform.Bytes(dec, text[:len(text)&^1]); err != nil {
			return fileError(f.path, ErrEncoding, hromada.T("файл починається як текст UTF-16, але його не вдається розкодувати", "the file starts as UTF-16 text but cannot be decoded"),
				hromada.T("збережіть його знову як CSV UTF-8", "save it again as CSV UTF-8"))
		}
	}
	if len(sample) == sampleSize {
		// The sample may end inside a character: check whole lines only.
		if i := bytes.LastIndexByte(text, '\n'); i >= 0 {
			text = text[:i+1]
		}
	}
	if !utf8.Valid(text) {
		line, msg := notUTF8(text)
		return fileError(f.path, ErrEncoding, hromada.T("%s, у рядку %d", "%s, on line %d", msg, line), utf8Hint)
	}
	tf.comma = detectComma(firstLine(text), strings.HasSuffix(strings.ToLower(f.path), ".tsv"))
	f.text = tf
	f.sheets = []string{""}
	return nil
}

func readSample(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	b := make([]byte, sampleSize)
	n, err := io.ReadFull(fh, b)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return b[:n], nil
}

var utf8Hint = hromada.T(`збережіть його знову як «CSV UTF-8» (в Excel: Файл > Зберегти як > CSV UTF-8; у LibreOffice: кодування Юнікод (UTF-8))`,
	`save it again as "CSV UTF-8" (in Excel: File > Save As > CSV UTF-8; in LibreOffice: character set Unicode (UTF-8))`)

// notUTF8 says where text stops being UTF-8 (the line, counted from 1) and
// what it likely is.
func notUTF8(text []byte) (line int, msg hromada.Text) {
	line = 1
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		if r == utf8.RuneError && size == 1 {
			break
		}
		if r == '\n' {
			line++
		}
		text = text[size:]
	}
	if len(text) == 0 {
		return line, hromada.T("текст не в кодуванні UTF-8", "the text is not UTF-8")
	}
	msg = hromada.T("текст не в кодуванні UTF-8 (байт 0x%02X)", "the text is not UTF-8 (byte 0x%02X)", text[0])
	if cyrillic1251(text) {
		msg = hromada.T("%s; схоже на Windows-1251 (кирилицю)", "%s; it looks like Windows-1251 (Cyrillic)", msg)
	}
	return line, msg
}

// cyrillic1251 reports whether the bytes from the first invalid one on look
// like Windows-1251 Cyrillic letters (0xC0–0xFF, plus Ukrainian і ї є ґ).
func cyrillic1251(b []byte) bool {
	letters, high := 0, 0
	for _, c := range b[:min(len(b), 4096)] {
		if c >= 0x80 {
			high++
			if c >= 0xC0 || c == 0xB2 || c == 0xB3 || c == 0xAF || c == 0xBF || c == 0xAA || c == 0xBA || c == 0xA5 || c == 0xB4 {
				letters++
			}
		}
	}
	return high > 0 && letters*10 >= high*8
}

// firstLine returns the first line of text that holds something.
func firstLine(text []byte) []byte {
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		if len(bytes.TrimSpace(line)) > 0 {
			return line
		}
	}
	return nil
}

// detectComma picks the delimiter of a header line: the most frequent of
// ',', ';' and tab outside quotes; ',' when there is none or a tie.
func detectComma(line []byte, tsv bool) rune {
	var comma, semi, tab int
	quoted := false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			comma++
		case c == ';':
			semi++
		case c == '\t':
			tab++
		}
	}
	switch {
	case tsv && tab > 0:
		return '\t'
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// csvSource streams the records of a CSV file.
type csvSource struct {
	path   string
	fh     *os.File
	r      *csv.Reader
	line   int   // line of the current record
	extra  int   // line breaks inside quoted fields before the current record
	nextEx int   // line breaks inside the current record
	recEnd int64 // input offset of the end of the last record read
	err    error
}

func (f *File) openCSV() (*csvSource, error) {
	fh, err := os.Open(f.path)
	if err != nil {
		return nil, err
	}
	var rd io.Reader = bufio.NewReaderSize(fh, 64<<10)
	if _, err := io.CopyN(io.Discard, rd, int64(f.text.bom)); err != nil {
		fh.Close()
		return nil, err
	}
	if f.text.utf16 != nil {
		rd = transform.NewReader(rd, unicode.UTF16(*f.text.utf16, unicode.IgnoreBOM).NewDecoder())
	}
	s := &csvSource{path: f.path, fh: fh}
	s.r = csv.NewReader(&recordLimit{rd: rd, src: s})
	s.r.Comma = f.text.comma
	s.r.FieldsPerRecord = -1
	s.r.ReuseRecord = true
	return s, nil
}

// errRecordTooLong: a CSV record is longer than MaxRowBytes.
var errRecordTooLong = errors.New("record too long")

// recordLimit fails a read that takes the CSV reader more than
// MaxRowBytes past the end of the last record it returned: encoding/csv
// holds a whole record in memory, however long.
type recordLimit struct {
	rd   io.Reader
	src  *csvSource
	read int64 // bytes read so far
}

func (l *recordLimit) Read(p []byte) (int, error) {
	if l.read-l.src.recEnd > MaxRowBytes {
		return 0, errRecordTooLong
	}
	n, err := l.rd.Read(p)
	l.read += int64(n)
	return n, err
}

func (s *csvSource) next() ([]string, bool) {
	if s.err != nil {
		return nil, false
	}
	rec, err := s.r.Read()
	s.recEnd = s.r.InputOffset()
	if err == io.EOF {
		return nil, false
	}
	if errors.Is(err, errRecordTooLong) {
		e := fileError(s.path, ErrTooLarge, hromada.T("запис довший за %s — більше, ніж hromada читає в одному рядку",
			"a record is longer than %s, the most hromada reads in a row", byteSize(MaxRowBytes)),
			hromada.T("перевірте, що кожне поле в лапках закрите; розділіть дані на менші файли",
				"check that every quoted field is closed; split the data into smaller files"))
		e.Cell = fmt.Sprintf("line %d", s.line+s.nextEx+1) // where the record starts
		s.err = e
		return nil, false
	}
	if err != nil {
		s.err = s.csvError(err)
		return nil, false
	}
	s.line, _ = s.r.FieldPos(0)
	s.extra += s.nextEx
	s.nextEx = 0
	for i, v := range rec {
		if len(v) > MaxCellChars && utf8.RuneCountInString(v) > MaxCellChars {
			line, col := s.r.FieldPos(i)
			e := fileError(s.path, ErrTooLarge, hromada.T("поле містить понад %d символів — більше, ніж уміщує клітинка Excel",
				"a field holds more than %d characters, the most a cell of Excel holds", MaxCellChars),
				hromada.T("скоротіть значення; перевірте, що кожне поле в лапках закрите", "shorten the value; check that every quoted field is closed"))
			e.Cell = fmt.Sprintf("line %d, column %d", line, col)
			s.err = e
			return nil, false
		}
		if !utf8.ValidString(v) {
			line, msg := notUTF8([]byte(v))
			e := fileError(s.path, ErrEncoding, msg, utf8Hint)
			e.Cell = fmt.Sprintf("line %d", s.line+s.nextEx+line-1)
			s.err = e
			return nil, false
		}
		s.nextEx += strings.Count(v, "\n")
	}
	return rec, true
}

func (s *csvSource) csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	e := fileError(s.path, ErrCSV, hromada.ErrText(pe.Err), hromada.Text{})
	e.Cell = fmt.Sprintf("line %d, column %d", pe.Line, pe.Column)
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		e.Msg = hromada.T(`поле містить ", але не взяте в лапки`, `a field holds a " but is not in quotes`)
		e.Hint = hromada.T(`візьміть усе поле в подвійні лапки, а кожну лапку всередині подвойте: "say ""yes"""`,
			`put the whole field in double quotes and double each quote inside it: "say ""yes"""`)
	case errors.Is(pe.Err, csv.ErrQuote):
		e.Msg = hromada.T("поле в лапках не закрите, або після лапки йде інший текст", "a quoted field is not closed, or a quote is followed by other text")
		e.Hint = hromada.T(`закінчуйте кожне поле в лапках знаком " безпосередньо перед роздільником або кінцем рядка`,
			`end each quoted field with " right before the delimiter or the line end`)
	}
	return e
}

func (s *csvSource) position() int { return s.line }

// row returns the spreadsheet row a CSV record appears on, which differs
// from its line when earlier fields held line breaks.
func (s *csvSource) row() int { return s.line - s.extra }

func (s *csvSource) failure() error { return s.err }

func (s *csvSource) close() error { return s.fh.Close() }
