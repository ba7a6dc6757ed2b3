package xlsx

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hromada-tool/hromada"
)

// Causes of errors in cell values.
var (
	// ErrErrorValue: the cell holds a spreadsheet error such as #DIV/0! or
	// #N/A, which is never read as a value.
	ErrErrorValue = errors.New("cell holds an error value")
	ErrNotNumber  = errors.New("not a number")   // a number is expected
	ErrNotYesNo   = errors.New("not yes or no")  // yes/no is expected
	ErrNotDate    = errors.New("not a date")     // a date is expected
	ErrBlank      = errors.New("value is blank") // returned by the Parse… functions for ""
)

// ValueError is a bad value, with what to do about it; [Table.CellError]
// turns it into an [*InputError] at the cell.
type ValueError struct {
	Msg, Hint hromada.Text
	Err       error // the Err: ErrNotNumber, ErrErrorValue …
}

// Error returns the message and the hint in English.
func (e *ValueError) Error() string { return e.In(hromada.English) }

// In returns the message and the hint in lang: "msg; hint".
func (e *ValueError) In(lang hromada.Lang) string {
	if h := e.Hint.In(lang); h != "" {
		return e.Msg.In(lang) + "; " + h
	}
	return e.Msg.In(lang)
}

// Unwrap returns the cause.
func (e *ValueError) Unwrap() error { return e.Err }

// errorValues are the error values of spreadsheet programs, with what they
// mean.
var errorValues = map[string]hromada.Text{
	"#NULL!":        {UK: "діапазони не перетинаються", EN: "ranges that do not intersect"},
	"#DIV/0!":       {UK: "ділення на нуль", EN: "a division by zero"},
	"#VALUE!":       {UK: "значення неправильного типу у формулі", EN: "a value of the wrong type in a formula"},
	"#REF!":         {UK: "посилання на видалену клітинку", EN: "a reference to a deleted cell"},
	"#NAME?":        {UK: "невідома назва у формулі", EN: "an unknown name in a formula"},
	"#NUM!":         {UK: "неможливе число", EN: "an impossible number"},
	"#N/A":          {UK: "значення недоступне", EN: "a value that is not available"},
	"#GETTING_DATA": {UK: "дані ще завантажуються", EN: "data still loading"},
	"#SPILL!":       {UK: "результат не вміщується", EN: "a result that does not fit"},
	"#CALC!":        {UK: "обчислення не вдалося", EN: "a calculation that failed"},
	"#FIELD!":       {UK: "поля немає", EN: "a missing field"},
	"#BLOCKED!":     {UK: "функцію заблоковано", EN: "a blocked feature"},
	"#UNKNOWN!":     {UK: "невідомий тип даних", EN: "an unknown data type"},
	"#BUSY!":        {UK: "значення ще обчислюється", EN: "a value still being computed"},
	"#CONNECT!":     {UK: "з'єднання не вдалося", EN: "a failed connection"},
	"Err:502":       {UK: "недійсний аргумент (LibreOffice)", EN: "an invalid argument (LibreOffice)"},
	"Err:504":       {UK: "неправильний параметр (LibreOffice)", EN: "a wrong parameter (LibreOffice)"},
	"Err:508":       {UK: "незбалансовані дужки (LibreOffice)", EN: "unbalanced brackets (LibreOffice)"},
	"Err:522":       {UK: "циклічне посилання (LibreOffice)", EN: "a circular reference (LibreOffice)"},
}

// IsErrorValue reports whether s is a spreadsheet error value such as
// #DIV/0!, #N/A or #REF!.
func IsErrorValue(s string) bool {
	if len(s) < 4 || (s[0] != '#' && s[0] != 'E') {
		return false
	}
	_, ok := errorValues[strings.TrimSpace(s)]
	return ok
}

// ErrorValue returns a [*ValueError] with cause ErrErrorValue when s is a
// spreadsheet error value ([IsErrorValue]), and nil otherwise.
func ErrorValue(s string) error {
	if !IsErrorValue(s) {
		return nil
	}
	return errorValueError(s)
}

func errorValueError(s string) error {
	s = strings.TrimSpace(s)
	return &ValueError{
		Msg: hromada.T("клітинка містить помилку %s (%s), а не значення", "the cell holds the error %s (%s), not a value", s, errorValues[s]),
		Hint: hromada.T("виправте формулу або очистьте клітинку, якщо значення невідоме",
			"correct the formula, or clear the cell if the value is not known"),
		Err: ErrErrorValue,
	}
}

var spacedNumber = regexp.MustCompile(`^[+-]?(?:\d{1,3}(?:[ \x{00A0}\x{202F}\x{2009}]\d{3})+|\d*)(?:[.,]\d*)?(?:[eE][+-]?\d+)?$`)

// ParseNumber reads a number as people and programs write it:
//
//   - "12", "-3", "12.5", "1.2E-05" (as stored in workbooks);
//   - "12,5": a comma is a decimal separator, as in Ukrainian, never a
//     thousands separator, so "1,234" is 1.234;
//   - "1 234,5", "1 234.5": spaces (also no-break and thin spaces, as Excel
//     and LibreOffice write them) separate thousands, in groups of three;
//   - a leading "+", "-" or "−" (minus sign).
//
// Anything else is refused with ErrNotNumber rather than guessed: units
// ("12,5 грн"), percentages ("45%"), both separators ("1,234.5"), "NaN",
// "Inf", hexadecimal. A blank string gives ErrBlank; an error value such as
// #DIV/0! gives ErrErrorValue.
func ParseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, ErrBlank
	}
	if plainNumber(t) {
		if v, err := strconv.ParseFloat(t, 64); err == nil && !math.IsInf(v, 0) {
			return v, nil
		}
		return 0, notNumber(s)
	}
	if IsErrorValue(t) {
		return 0, errorValueError(t)
	}
	t = strings.Replace(t, "−", "-", 1)
	if !spacedNumber.MatchString(t) || !strings.ContainsAny(t, "0123456789") {
		return 0, notNumber(s)
	}
	clean := strings.NewReplacer(" ", "", "\u00A0", "", "\u202F", "", "\u2009", "", ",", ".").Replace(t)
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, notNumber(s)
	}
	return v, nil
}

// plainNumber reports whether s holds only what strconv.ParseFloat may take
// of a decimal number; no letters, so no "NaN", "Inf" or hexadecimal.
func plainNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == '.', c == '-', c == '+', c == 'e', c == 'E':
		default:
			return false
		}
	}
	return true
}

func notNumber(s string) error {
	t := strings.TrimSpace(s)
	hint := hromada.T("пишіть лише число, без одиниць чи іншого тексту, напр. 1234,5 або 1 234.5",
		"write the number alone, without units or other text, e.g. 1234,5 or 1 234.5")
	switch {
	case strings.HasSuffix(t, "%"):
		hint = hromada.T("пишіть частку числом (0,45), без знака %", "write a share as a number (0.45), without the % sign")
	case strings.Contains(t, ",") && strings.Contains(t, "."):
		hint = hromada.T("пишіть один десятковий роздільник і без ком між тисячами: 1234,5, 1234.5 або 1 234,5",
			"use one decimal separator and no commas between thousands: 1234.5, 1234,5 or 1 234,5")
	}
	return &ValueError{Msg: hromada.T("%s — не число", "%s is not a number", QuoteText(s)), Hint: hint, Err: ErrNotNumber}
}

// ParseYesNo reads yes/no answers: yes, no, так, ні, 1, 0, true, false, in
// any case. A blank string gives ErrBlank, an error value ErrErrorValue, and
// anything else ErrNotYesNo. Check for don't-know codes first (kobo.IsMissing):
// "dnk" is not "no".
func ParseYesNo(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "так", "1", "true":
		return true, nil
	case "no", "ні", "0", "false":
		return false, nil
	case "":
		return false, ErrBlank
	}
	if IsErrorValue(s) {
		return false, errorValueError(s)
	}
	return false, &ValueError{Msg: hromada.T("%s — не «так» і не «ні»", "%s is not yes/no", QuoteText(s)),
		Hint: hromada.T("дозволено: так, ні, yes, no, 1, 0", "allowed: yes, no, так, ні, 1, 0"), Err: ErrNotYesNo}
}

// Excel's day numbers: the 1900 system counts 1 for 1900-01-01 (and, as
// Lotus 1-2-3 did, has a 29 February 1900); the 1904 system counts 0 for
// 1904-01-01.
var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

const maxSerial = 2958465 // 9999-12-31 in the 1900 system

var dateLayouts = []string{
	"2006-01-02",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2.1.2006",
	"2.1.2006 15:04:05",
	"2.1.2006 15:04",
}

// ParseDate reads a date, or a date and time:
//
//   - a spreadsheet serial number such as 45503 or 45503.6181 (2024-07-30
//     14:50), counted in the 1904 system when date1904 is true (see
//     [File.Date1904]) and in the 1900 system otherwise;
//   - ISO 8601 as Kobo and ODK write it: "2024-07-30",
//     "2024-07-30T15:50:17+0200", "2024-07-30T15:50:17.123+02:00", also
//     with a space for the T;
//   - the Ukrainian day.month.year: "30.07.2024", "30.07.2024 15:50".
//
// A time without an offset, and a date alone, are in UTC. Dates with
// slashes ("07/30/2024") are refused, since the day and month cannot be
// told apart; so is anything else, with ErrNotDate. A blank string gives
// ErrBlank; an error value ErrErrorValue.
func ParseDate(s string, date1904 bool) (time.Time, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return time.Time{}, ErrBlank
	}
	if plainNumber(t) {
		v, err := strconv.ParseFloat(t, 64)
		if err == nil && v >= 0 && v <= maxSerial {
			return serialDate(v, date1904), nil
		}
	}
	for _, layout := range dateLayouts {
		if d, err := time.Parse(layout, t); err == nil {
			return d, nil
		}
	}
	if IsErrorValue(t) {
		return time.Time{}, errorValueError(t)
	}
	return time.Time{}, &ValueError{Msg: hromada.T("%s — не дата", "%s is not a date", QuoteText(s)),
		Hint: hromada.T("пишіть дати як 30.07.2024 або 2024-07-30, або як клітинку з датою", "write dates as 2024-07-30 or 30.07.2024, or as a date cell"),
		Err:  ErrNotDate}
}

// serialDate converts a spreadsheet serial number to a time, to the
// millisecond.
func serialDate(v float64, date1904 bool) time.Time {
	days := math.Floor(v)
	ms := math.Round((v - days) * 86400e3)
	base := epoch1900
	switch {
	case date1904:
		base = epoch1904
	case days < 60:
		// Before Lotus's 29 February 1900 the count is one day ahead.
		base = base.AddDate(0, 0, 1)
	}
	return base.AddDate(0, 0, int(days)).Add(time.Duration(ms) * time.Millisecond)
}

// CellError is err as an [*InputError] at column col of the current row:
// the message and hint of a [*ValueError], with its cause.
func (t *Table) CellError(col int, err error) error {
	var ve *ValueError
	if !errors.As(err, &ve) {
		ve = &ValueError{Msg: hromada.ErrText(err), Err: err}
		if errors.Is(err, ErrBlank) {
			ve.Msg = hromada.T("значення порожнє", "value is blank")
		}
	}
	return &InputError{Problem: t.Problem(col, ve.Msg, ve.Hint), Err: ve.Err}
}

// missing reports whether a value means no answer: blank, or one that
// OpenOptions.Missing names.
func (t *Table) missing(s string) bool {
	return strings.TrimSpace(s) == "" || (t.file.opt.Missing != nil && t.file.opt.Missing(s))
}

// Text returns the value at column col of the current row with surrounding
// spaces removed. A spreadsheet error value (#N/A, #REF! …) is an error.
func (t *Table) Text(col int) (string, error) {
	v := strings.TrimSpace(t.row[col])
	if IsErrorValue(v) {
		return "", t.CellError(col, errorValueError(v))
	}
	return v, nil
}

// Number reads the number at column col of the current row, as
// [ParseNumber] does. ok is false when the answer is missing (blank, or [OpenOptions.Missing]);
// a value that is not a number is an [*InputError] naming the cell.
func (t *Table) Number(col int) (v float64, ok bool, err error) {
	s := t.row[col]
	if t.missing(s) {
		return 0, false, nil
	}
	if v, err = ParseNumber(s); err != nil {
		return 0, false, t.CellError(col, err)
	}
	return v, true, nil
}

// YesNo reads the yes/no answer at column col of the current row, as
// [ParseYesNo] does. ok is false when the answer is missing (blank, or [OpenOptions.Missing]).
func (t *Table) YesNo(col int) (v bool, ok bool, err error) {
	s := t.row[col]
	if t.missing(s) {
		return false, false, nil
	}
	if v, err = ParseYesNo(s); err != nil {
		return false, false, t.CellError(col, err)
	}
	return v, true, nil
}

// Date reads the date at column col of the current row, as [ParseDate]
// does with the workbook's date system. ok is false when the answer is
// missing (blank, or [OpenOptions.Missing]).
func (t *Table) Date(col int) (v time.Time, ok bool, err error) {
	s := t.row[col]
	if t.missing(s) {
		return time.Time{}, false, nil
	}
	if v, err = ParseDate(s, t.file.date1904); err != nil {
		return time.Time{}, false, t.CellError(col, err)
	}
	return v, true, nil
}

// Quote quotes a value for a message, as %q does, cut to its first 60
// characters: a message names a value, it does not repeat a long one.
func Quote(s string) string {
	const most = 60
	if len(s) <= most {
		return strconv.Quote(s)
	}
	n := 0
	for i := range s {
		if n == most {
			return strconv.Quote(s[:i]) + fmt.Sprintf("… (%d characters)", utf8.RuneCountInString(s))
		}
		n++
	}
	return strconv.Quote(s)
}

// QuoteText is [Quote] in each language: a long value is cut with its
// length in characters ("… (75 characters)", «… (75 символів)»).
func QuoteText(s string) hromada.Text {
	q := Quote(s)
	n := utf8.RuneCountInString(s)
	if cut, ok := strings.CutSuffix(q, fmt.Sprintf("… (%d characters)", n)); ok {
		return hromada.T("%s… (%d %s)", "%[1]s… (%[2]d characters)", cut, n, PluralUK(n, "символ", "символи", "символів"))
	}
	return hromada.Text{UK: q, EN: q}
}
