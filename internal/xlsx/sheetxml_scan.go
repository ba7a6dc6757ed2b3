package xlsx

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/hromada-tool/hromada"
)

// xmlScanner is a forward-only scanner over the XML of a workbook part,
// made for the few element types a worksheet's cells are written with. It
// reads through a window of bytes that it refills from the reader, and
// hands out tags and text as slices of that window: nothing is copied but
// the text a caller asks for. It knows XML as encoding/xml reads it (what
// excelize does): namespace prefixes are dropped from element and attribute
// names, the five predefined entities and character references are
// decoded, CDATA sections are text, comments and processing instructions
// are skipped, and "\r\n" and a lone "\r" in text read as "\n".
type xmlScanner struct {
	rd       io.Reader
	buf      []byte
	pos, end int       // unread bytes are buf[pos:end]
	consumed int64     // bytes of the part before buf[0]
	eof      bool      // rd returned io.EOF
	rerr     error     // rd failed
	attrs    []xmlAttr // of the last tag

	// valueBytes counts the text bytes decoded since the caller last set
	// it to 0, at the start of a value; text fails with errValueTooLong
	// when it passes maxValue (0: no limit). It bounds the memory a
	// single cell or shared string can take while it is read.
	valueBytes, maxValue int
}

// errValueTooLong: a value holds more text than xmlScanner.maxValue.
var errValueTooLong = errors.New("value too long")

// grew counts n more bytes of a value's text.
func (s *xmlScanner) grew(n int) error {
	s.valueBytes += n
	if s.maxValue > 0 && s.valueBytes > s.maxValue {
		return errValueTooLong
	}
	return nil
}

// Limits of the scanner.
const (
	scanWindow = 256 << 10 // the window's first size
	maxToken   = 64 << 20  // a tag, a comment or a character reference longer than this is an error
)

// Kinds of markup returned by tag.
const (
	tagStart = iota + 1 // <name …>
	tagEmpty            // <name …/>
	tagEnd              // </name>
	tagEOF              // the part ended
)

// errXML is the cause of malformed XML in a part.
var errXML = hromada.Errorf("XML зіпсований", "malformed XML")

func newXMLScanner(rd io.Reader) *xmlScanner {
	return &xmlScanner{rd: rd, buf: make([]byte, scanWindow), maxValue: maxValueBytes}
}

// syntax returns an error about the XML at the scanner's position.
func (s *xmlScanner) syntax(msg hromada.Text) error {
	return hromada.Errorf("%w у байті %d частини: %s", "%w at byte %d of the part: %s", errXML, s.consumed+int64(s.pos), msg)
}

// failure returns the reader's error, or one about an unexpected end
// inside what ("a tag", "a cell" …, one of partsInside).
func (s *xmlScanner) failure(what string) error {
	if s.rerr != nil {
		return s.rerr
	}
	return s.syntax(hromada.T("частина закінчується всередині %s", "the part ends inside %s", hromada.Text{UK: partsInside[what], EN: what}))
}

// partsInside are the things a part of a workbook may end inside, in the
// Ukrainian genitive.
var partsInside = map[string]string{
	"the sheet data":        "даних аркуша",
	"a cell":                "клітинки",
	"the shared strings":    "спільних рядків",
	"a tag":                 "тегу",
	"a declaration":         "оголошення",
	"a character reference": "посилання на символ",
	"text":                  "тексту",
	"a CDATA section":       "розділу CDATA",
	"an element":            "елемента",
	"a string":              "рядка",
	"a rich text run":       "фрагмента форматованого тексту",
}

// more reads more bytes into the window, keeping the unread ones, and
// reports whether any arrived.
func (s *xmlScanner) more() bool {
	if s.eof || s.rerr != nil {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.consumed += int64(s.pos)
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxToken {
			s.rerr = s.syntax(hromada.T("розмітка довша за %d МіБ", "markup longer than %d MiB", maxToken>>20))
			return false
		}
		grown := make([]byte, 2*len(s.buf))
		copy(grown, s.buf[:s.end])
		s.buf = grown
	}
	for range 100 {
		n, err := s.rd.Read(s.buf[s.end:])
		s.end += n
		switch {
		case err == io.EOF:
			s.eof = true
			return n > 0
		case err != nil:
			s.rerr = err
			return n > 0
		case n > 0:
			return true
		}
	}
	s.rerr = io.ErrNoProgress
	return false
}

// need makes at least n unread bytes available if the part has them.
func (s *xmlScanner) need(n int) bool {
	for s.end-s.pos < n {
		if !s.more() {
			return false
		}
	}
	return true
}

// tag skips character data, comments, processing instructions, CDATA
// sections and the document type, and reads the next element tag. name is
// its local name and s.attrs its attributes, valid until the next read. At
// the end of the part kind is tagEOF and err is the reader's error, if any.
func (s *xmlScanner) tag() (kind int, name []byte, err error) {
	for {
		if s.pos >= s.end || s.buf[s.pos] != '<' {
			i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
			if i < 0 {
				s.pos = s.end
				if !s.more() {
					return tagEOF, nil, s.rerr
				}
				continue
			}
			s.pos += i
		}
		if s.end-s.pos < 2 && !s.need(2) {
			return 0, nil, s.failure("a tag")
		}
		switch s.buf[s.pos+1] {
		case '!', '?':
			if err := s.skipMarkup(); err != nil {
				return 0, nil, err
			}
			continue
		}
		for {
			kind, name, err := s.element(s.buf[s.pos:s.end])
			if kind != 0 || err != nil {
				return kind, name, err
			}
			if !s.more() {
				return 0, nil, s.failure("a tag")
			}
		}
	}
}

// xmlAttr is an attribute: its local name and its raw value.
type xmlAttr struct{ name, value []byte }

// element reads the element tag at the start of w, which is s.buf[s.pos:],
// into its kind, local name and s.attrs, and moves past it. When w ends
// before the tag does, it returns kind 0 and moves nowhere.
func (s *xmlScanner) element(w []byte) (kind int, name []byte, err error) {
	kind = tagStart
	i := 1
	if i < len(w) && w[i] == '/' {
		kind = tagEnd
		i++
	}
	name, i = xmlName(w, i)
	if i == len(w) {
		return 0, nil, nil
	}
	if len(name) == 0 {
		return 0, nil, s.syntax(hromada.T("тег без назви", "a tag without a name"))
	}
	s.attrs = s.attrs[:0]
	for {
		for i < len(w) && isSpace(w[i]) {
			i++
		}
		if i == len(w) {
			return 0, nil, nil
		}
		switch w[i] {
		case '>':
			s.pos += i + 1
			return kind, name, nil
		case '/':
			if i+1 == len(w) {
				return 0, nil, nil
			}
			if w[i+1] != '>' || kind == tagEnd {
				return 0, nil, s.syntax(hromada.T("неочікуваний '/' у тегу %s", "unexpected '/' in the tag of %s", name))
			}
			s.pos += i + 2
			return tagEmpty, name, nil
		}
		if kind == tagEnd {
			return 0, nil, s.syntax(hromada.T("атрибути в закривальному тегу %s", "attributes in the end tag of %s", name))
		}
		// name = "value" or name = 'value'
		var a xmlAttr
		if a.name, i = xmlName(w, i); i == len(w) {
			return 0, nil, nil
		}
		if len(a.name) == 0 {
			return 0, nil, s.syntax(hromada.T("атрибут %s без назви", "an attribute of %s without a name", name))
		}
		for i < len(w) && isSpace(w[i]) {
			i++
		}
		if i == len(w) {
			return 0, nil, nil
		}
		if w[i] != '=' {
			return 0, nil, s.syntax(hromada.T("атрибут %s елемента %s без значення", "attribute %s of %s without a value", a.name, name))
		}
		for i++; i < len(w) && isSpace(w[i]); i++ {
		}
		if i == len(w) {
			return 0, nil, nil
		}
		q := w[i]
		if q != '"' && q != '\'' {
			return 0, nil, s.syntax(hromada.T("значення атрибута %s елемента %s не в лапках", "the value of attribute %s of %s is not in quotes", a.name, name))
		}
		from := i + 1
		for i = from; i < len(w) && w[i] != q; i++ {
		}
		if i == len(w) {
			return 0, nil, nil
		}
		a.value = w[from:i]
		i++
		s.attrs = append(s.attrs, a)
	}
}

// xmlName reads the name that starts at w[i], up to a space, '=', '/' or
// '>', and returns its local part and where it ends.
func xmlName(w []byte, i int) ([]byte, int) {
	from, local := i, i
	for ; i < len(w); i++ {
		c := w[i]
		if c == '>' || c == '/' || c == '=' || c <= ' ' && isSpace(c) {
			break
		}
		if c == ':' {
			local = i + 1
		}
	}
	if local > from && local == i {
		local = from // "a:" is a name, if a strange one
	}
	return w[local:i], i
}

// skipMarkup skips the comment, processing instruction, CDATA section or
// document type at s.pos.
func (s *xmlScanner) skipMarkup() error {
	s.need(9)
	w := s.buf[s.pos:s.end]
	switch {
	case bytes.HasPrefix(w, []byte("<!--")):
		return s.skipPast(4, "-->", "a comment")
	case bytes.HasPrefix(w, []byte("<![CDATA[")):
		return s.skipPast(9, "]]>", "a CDATA section")
	case bytes.HasPrefix(w, []byte("<?")):
		return s.skipPast(2, "?>", "a processing instruction")
	}
	// <!DOCTYPE …> and the like: up to the '>' outside brackets and quotes.
	depth, quote := 0, byte(0)
	for i := s.pos + 2; ; i++ {
		if i == s.end {
			scanned := i - s.pos
			if !s.more() {
				return s.failure("a declaration")
			}
			i = s.pos + scanned
		}
		c := s.buf[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			s.pos = i + 1
			return nil
		}
	}
}

// skipPast skips from s.pos+from to just past the terminator.
func (s *xmlScanner) skipPast(from int, end, what string) error {
	scanned := from
	for {
		if i := bytes.Index(s.buf[s.pos+scanned:s.end], []byte(end)); i >= 0 {
			s.pos += scanned + i + len(end)
			return nil
		}
		scanned = max(scanned, s.end-s.pos-len(end)+1)
		if !s.more() {
			return s.failure(what)
		}
	}
}

// text appends the character data up to the next element tag to dst,
// decoded: entities, CDATA sections, line ends. Comments and processing
// instructions in it are skipped.
func (s *xmlScanner) text(dst []byte) ([]byte, error) {
	cr := false // the last byte copied was a '\r' turned into '\n'
	for {
		w := s.buf[s.pos:s.end]
		// Most values are short: look at them byte by byte first.
		i, plain := 0, true
		for ; i < len(w) && i < 32; i++ {
			if c := w[i]; c == '<' {
				break
			} else if c == '&' || c == '\r' {
				plain = false
			}
		}
		if i == len(w) || i == 32 {
			i = bytes.IndexByte(w, '<')
			plain = false
		}
		chunk := w
		if i >= 0 {
			chunk = w[:i]
		}
		if len(chunk) > 0 {
			if plain || bytes.IndexByte(chunk, '&') < 0 && bytes.IndexByte(chunk, '\r') < 0 {
				plain = !(cr && chunk[0] == '\n')
			}
			if plain {
				dst = append(dst, chunk...)
				s.pos += len(chunk)
				cr = false
				if err := s.grew(len(chunk)); err != nil {
					return dst, err
				}
			} else {
				var short bool
				var err error
				before := len(dst)
				if dst, cr, short, err = s.escapedText(dst, len(chunk), cr); err != nil {
					return dst, err
				}
				if err := s.grew(len(dst) - before); err != nil {
					return dst, err
				}
				if short && !s.more() {
					return dst, s.failure("a character reference")
				}
				continue
			}
		}
		if i < 0 {
			if !s.more() {
				return dst, s.rerr
			}
			continue
		}
		// s.pos is at '<'.
		if s.end-s.pos < 9 && !s.need(9) && s.end-s.pos < 2 {
			return dst, s.failure("text")
		}
		w = s.buf[s.pos:s.end]
		if w[1] != '!' && w[1] != '?' {
			return dst, nil
		}
		switch {
		case bytes.HasPrefix(w, []byte("<![CDATA[")):
			var err error
			if dst, err = s.cdata(dst); err != nil {
				return dst, err
			}
			cr = false
		case bytes.HasPrefix(w, []byte("<!--")), w[1] == '?':
			if err := s.skipMarkup(); err != nil {
				return dst, err
			}
			cr = false
		default:
			return dst, nil
		}
	}
}

// plain reads, when the window holds it whole, an element whose start tag
// (without attributes) is open, whose content is text without references,
// CDATA or carriage returns, and which is followed by close, such as
// "<v>12</v></c>": the common shapes of a cell, read without the steps of
// tag and text. It returns the text, valid until the next read, or false
// and reads nothing.
func (s *xmlScanner) plain(open, close string) ([]byte, bool) {
	w := s.buf[s.pos:s.end]
	if len(w) < len(open)+len(close) || string(w[:len(open)]) != open {
		return nil, false
	}
	w = w[len(open):]
	i := 0
	for ; i < len(w); i++ {
		if c := w[i]; c == '<' {
			break
		} else if c == '&' || c == '\r' {
			return nil, false
		}
	}
	if len(w)-i < len(close) || string(w[i:i+len(close)]) != close {
		return nil, false
	}
	s.pos += len(open) + i + len(close)
	return w[:i], true
}

// escapedText decodes the next n bytes of text, which hold a '&' or a '\r',
// into dst. short reports a reference cut by the window's end: the caller
// reads more and calls again.
func (s *xmlScanner) escapedText(dst []byte, n int, cr bool) (_ []byte, _ bool, short bool, _ error) {
	end := s.pos + n
	for s.pos < end {
		c := s.buf[s.pos]
		switch {
		case c == '&':
			semi := bytes.IndexByte(s.buf[s.pos:end], ';')
			if semi < 0 {
				if end < s.end || s.eof || s.rerr != nil || end-s.pos > 32 {
					return dst, cr, false, s.syntax(hromada.T("посилання на символ %q без крапки з комою", "character reference %q without a semicolon", clip(s.buf[s.pos:end])))
				}
				return dst, cr, true, nil
			}
			var err error
			if dst, err = appendEntity(dst, s.buf[s.pos+1:s.pos+semi]); err != nil {
				return dst, cr, false, s.syntax(hromada.ErrText(err))
			}
			s.pos += semi + 1
			cr = false
		case c == '\r':
			dst = append(dst, '\n')
			s.pos++
			cr = true
		case c == '\n' && cr:
			s.pos++
			cr = false
		default:
			dst = append(dst, c)
			s.pos++
			cr = false
		}
	}
	return dst, cr, false, nil
}

// cdata appends the content of the CDATA section at s.pos to dst.
func (s *xmlScanner) cdata(dst []byte) ([]byte, error) {
	s.pos += len("<![CDATA[")
	cr := false
	for {
		w := s.buf[s.pos:s.end]
		i := bytes.Index(w, []byte("]]>"))
		chunk := w
		if i >= 0 {
			chunk = w[:i]
		} else {
			chunk = w[:max(0, len(w)-2)] // "]]" may be cut by the window's end
		}
		for _, c := range chunk {
			switch {
			case c == '\r':
				dst = append(dst, '\n')
				cr = true
			case c == '\n' && cr:
				cr = false
			default:
				dst = append(dst, c)
				cr = false
			}
		}
		s.pos += len(chunk)
		if err := s.grew(len(chunk)); err != nil {
			return dst, err
		}
		if i >= 0 {
			s.pos += 3
			return dst, nil
		}
		if !s.more() {
			return dst, s.failure("a CDATA section")
		}
	}
}

// textOrSkip is text for keep, else it skips the character data up to
// the next element tag.
func (s *xmlScanner) textOrSkip(dst []byte, keep bool) ([]byte, error) {
	if keep {
		return s.text(dst)
	}
	for {
		i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
		if i < 0 {
			s.pos = s.end
			if !s.more() {
				return dst, s.rerr
			}
			continue
		}
		s.pos += i
		if !s.need(9) && s.end-s.pos < 2 {
			return dst, s.failure("text")
		}
		w := s.buf[s.pos:s.end]
		if bytes.HasPrefix(w, []byte("<![CDATA[")) || bytes.HasPrefix(w, []byte("<!--")) || w[1] == '?' {
			if err := s.skipMarkup(); err != nil {
				return dst, err
			}
			continue
		}
		return dst, nil
	}
}

// elementText appends the character data directly inside the element whose
// start tag was just read to dst, and reads up to its end tag. Text inside
// child elements is left out, as encoding/xml does when it decodes an
// element into a string.
func (s *xmlScanner) elementText(dst []byte) ([]byte, error) {
	depth := 0
	for {
		var err error
		if dst, err = s.textOrSkip(dst, depth == 0); err != nil {
			return dst, err
		}
		kind, _, err := s.tag()
		switch {
		case err != nil:
			return dst, err
		case kind == tagEOF:
			return dst, s.failure("an element")
		case kind == tagStart:
			depth++
		case kind == tagEnd:
			if depth == 0 {
				return dst, nil
			}
			depth--
		}
	}
}

// skipElement reads up to the end tag of the element whose start tag was
// just read.
func (s *xmlScanner) skipElement() error {
	depth := 0
	for {
		kind, _, err := s.tag()
		switch {
		case err != nil:
			return err
		case kind == tagEOF:
			return s.failure("an element")
		case kind == tagStart:
			depth++
		case kind == tagEnd:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// stringItem reads a string item, a shared string's <si> or a cell's <is>,
// whose start tag was just read, and appends its text to dst as excelize
// reads it: the text of its <t> followed by the texts of its rich text runs
// (<r><t>), with phonetic runs left out and _xHHHH_ escapes decoded. As with
// encoding/xml, the last <t> of an item or run is the one that counts.
func (s *xmlScanner) stringItem(dst, scratch []byte) ([]byte, []byte, error) {
	direct := scratch[:0]
	runs := len(dst) // the runs' text is gathered in dst, the direct text in scratch
	for {
		kind, name, err := s.tag()
		switch {
		case err != nil:
			return dst, direct, err
		case kind == tagEOF:
			return dst, direct, s.failure("a string")
		case kind == tagEnd:
			if len(direct) > 0 {
				// The direct text comes first: move the runs up behind it.
				n := len(dst) - runs
				dst = append(dst, direct...)
				copy(dst[runs+len(direct):], dst[runs:runs+n])
				copy(dst[runs:], direct)
			}
			if bytes.Contains(dst[runs:], []byte("_x")) {
				direct = unescapeBstr(direct[:0], dst[runs:])
				dst = append(dst[:runs], direct...)
			}
			return dst, direct, nil
		case kind == tagEmpty:
			if string(name) == "t" {
				direct = direct[:0]
			}
		case string(name) == "t":
			if direct, err = s.elementText(direct[:0]); err != nil {
				return dst, direct, err
			}
		case string(name) == "r":
			if dst, err = s.run(dst); err != nil {
				return dst, direct, err
			}
		default:
			if err := s.skipElement(); err != nil {
				return dst, direct, err
			}
		}
	}
}

// run appends the text of the rich text run whose start tag was just read.
func (s *xmlScanner) run(dst []byte) ([]byte, error) {
	start := len(dst)
	for {
		kind, name, err := s.tag()
		switch {
		case err != nil:
			return dst, err
		case kind == tagEOF:
			return dst, s.failure("a rich text run")
		case kind == tagEnd:
			return dst, nil
		case kind == tagEmpty:
			if string(name) == "t" {
				dst = dst[:start]
			}
		case string(name) == "t":
			if dst, err = s.elementText(dst[:start]); err != nil {
				return dst, err
			}
		default:
			if err := s.skipElement(); err != nil {
				return dst, err
			}
		}
	}
}

// nextAttr splits the first attribute off attrs: its local name and raw
// value. ok is false when there is none left.
func nextAttr(attrs []byte) (name, value, rest []byte, ok bool) {
	i := 0
	for i < len(attrs) && isSpace(attrs[i]) {
		i++
	}
	j := i
	for j < len(attrs) && attrs[j] != '=' && !isSpace(attrs[j]) {
		j++
	}
	if j == i {
		return nil, nil, nil, false
	}
	name = attrs[i:j]
	for j < len(attrs) && isSpace(attrs[j]) {
		j++
	}
	if j == len(attrs) || attrs[j] != '=' {
		return nil, nil, nil, false
	}
	j++
	for j < len(attrs) && isSpace(attrs[j]) {
		j++
	}
	if j == len(attrs) || (attrs[j] != '"' && attrs[j] != '\'') {
		return nil, nil, nil, false
	}
	q := attrs[j]
	k := j + 1
	for k < len(attrs) && attrs[k] != q {
		k++
	}
	if k == len(attrs) {
		return nil, nil, nil, false
	}
	value = attrs[j+1 : k]
	for c := len(name) - 1; c >= 0; c-- {
		if name[c] == ':' {
			name = name[c+1:]
			break
		}
	}
	return name, value, attrs[k+1:], true
}

// attrText decodes an attribute value: references and line ends.
func attrText(dst, v []byte) ([]byte, error) {
	if bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return append(dst, v...), nil
	}
	cr := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '&':
			semi := bytes.IndexByte(v[i:], ';')
			if semi < 0 {
				return dst, hromada.Errorf("посилання на символ %q без крапки з комою", "character reference %q without a semicolon", clip(v[i:]))
			}
			var err error
			if dst, err = appendEntity(dst, v[i+1:i+semi]); err != nil {
				return dst, err
			}
			i += semi
			cr = false
		case c == '\r':
			dst = append(dst, '\n')
			cr = true
		case c == '\n' && cr:
			cr = false
		default:
			dst = append(dst, c)
			cr = false
		}
	}
	return dst, nil
}

// appendEntity appends the character a reference stands for: ref is what
// stands between '&' and ';'.
func appendEntity(dst, ref []byte) ([]byte, error) {
	switch string(ref) {
	case "lt":
		return append(dst, '<'), nil
	case "gt":
		return append(dst, '>'), nil
	case "amp":
		return append(dst, '&'), nil
	case "quot":
		return append(dst, '"'), nil
	case "apos":
		return append(dst, '\''), nil
	}
	if len(ref) < 2 || ref[0] != '#' {
		return dst, hromada.Errorf("невідома сутність &%s;", "unknown entity &%s;", clip(ref))
	}
	digits, base := ref[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || n > utf8.MaxRune {
		return dst, hromada.Errorf("недійсне посилання на символ &%s;", "invalid character reference &%s;", clip(ref))
	}
	r := rune(n)
	if 0xD800 <= r && r <= 0xDFFF {
		r = utf8.RuneError // as string(rune(n)) in encoding/xml
	}
	if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000) {
		return dst, hromada.Errorf("посилання &%s; на символ, якого XML не дозволяє", "character reference &%s; to a character XML does not allow", clip(ref))
	}
	return utf8.AppendRune(dst, r), nil
}

// unescapeBstr decodes the _xHHHH_ escapes Excel writes for characters XML
// cannot hold (_x000D_ is a carriage return, _x005F_ an underscore), as
// excelize does: an escape of a surrogate half is dropped. It appends the
// result to dst.
func unescapeBstr(dst, s []byte) []byte {
	for {
		i := bytes.Index(s, []byte("_x"))
		if i < 0 || len(s)-i < 7 {
			return append(dst, s...)
		}
		h := s[i+2 : i+6]
		if s[i+6] != '_' || !isHex(h[0]) || !isHex(h[1]) || !isHex(h[2]) || !isHex(h[3]) {
			dst = append(dst, s[:i+1]...)
			s = s[i+1:]
			continue
		}
		dst = append(dst, s[:i]...)
		r := rune(hexVal(h[0])<<12 | hexVal(h[1])<<8 | hexVal(h[2])<<4 | hexVal(h[3]))
		if r < 0xD800 || r > 0xDFFF {
			dst = utf8.AppendRune(dst, r)
		}
		s = s[i+7:]
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) int {
	switch {
	case c <= '9':
		return int(c - '0')
	case c <= 'F':
		return int(c-'A') + 10
	}
	return int(c-'a') + 10
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// clip shortens what an error message quotes.
func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}
