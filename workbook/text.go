package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/hromada-tool/hromada"
)

// Texts are the texts of a workbook by key, in both languages.
type Texts map[string]hromada.Text

// In returns the text of key in lang, formatted with args when there are
// any. An unknown key is returned as it is, so a missing text shows in the
// workbook rather than failing it; each workbook has a test that every key
// it uses is in its table.
func (t Texts) In(lang hromada.Lang, key string, args ...any) string {
	x, ok := t[key]
	if !ok {
		return key
	}
	s := x.In(lang)
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}

// With returns t with the texts of more added; a key of more replaces
// the same key of t. t itself is left as it is.
func (t Texts) With(more Texts) Texts {
	out := make(Texts, len(t)+len(more))
	for k, x := range t {
		out[k] = x
	}
	for k, x := range more {
		out[k] = x
	}
	return out
}

// ReportText holds the texts that more than one report writes: the groups
// hromada adds to the survey's, a confidence interval's level and a
// chart's service label.
var ReportText = Texts{
	"group.all": {UK: "Усі сім'ї", EN: "All families"},
	"group.any": {UK: "Будь-яка цільова група (без повторів)", EN: "Any target group (unduplicated)"},

	"sum.chart.label": {UK: "%s, %s", EN: "%s (%s)"},              // service, unit
	"ci":              {UK: "%s\u00a0%% ДІ", EN: "%s\u00a0%% CI"}, // 95 % CI
}

// unitText names the units of counts, by unit and plural form
// ([PluralForm]).
var unitText = Texts{
	"family.one":     {UK: "сім'я", EN: "family"},
	"family.few":     {UK: "сім'ї", EN: "families"},
	"family.many":    {UK: "сімей", EN: "families"},
	"child.one":      {UK: "дитина", EN: "child"},
	"child.few":      {UK: "дитини", EN: "children"},
	"child.many":     {UK: "дітей", EN: "children"},
	"person.one":     {UK: "особа", EN: "person"},
	"person.few":     {UK: "особи", EN: "persons"},
	"person.many":    {UK: "осіб", EN: "persons"},
	"household.one":  {UK: "домогосподарство", EN: "household"},
	"household.few":  {UK: "домогосподарства", EN: "households"},
	"household.many": {UK: "домогосподарств", EN: "households"},
}

// UnitWord is the form of a unit's name that goes with the number n:
// «1 сім'я», «2 сім'ї», «5 сімей»; "1 family", "2 families".
func UnitWord(lang hromada.Lang, u hromada.Unit, n float64) string {
	if u == "" {
		u = hromada.Family
	}
	return unitText.In(lang, string(u)+"."+PluralForm(lang, n))
}

// PluralForm is the plural class of a whole number n: "one", "few" or
// "many" (Ukrainian has three; English uses "one" and "many").
func PluralForm(lang hromada.Lang, n float64) string {
	k := int64(math.Abs(math.Round(n)))
	if lang == hromada.English {
		if k == 1 {
			return "one"
		}
		return "many"
	}
	switch {
	case k%10 == 1 && k%100 != 11:
		return "one"
	case k%10 >= 2 && k%10 <= 4 && (k%100 < 12 || k%100 > 14):
		return "few"
	}
	return "many"
}

// countForm is the plural class ([PluralForm]) of a number that may be a
// fraction: a fraction takes the Ukrainian genitive singular, the "few"
// form («2,5 ставки», «0,5 клієнта»), and the English plural.
func countForm(lang hromada.Lang, n float64) string {
	n = math.Round(n*100) / 100 // as numbers are written, to two decimals
	if n != math.Trunc(n) {
		if lang == hromada.English {
			return "many"
		}
		return "few"
	}
	return PluralForm(lang, n)
}

// countText names what a count counts, by noun and plural form
// ([countForm]).
var countText = Texts{
	"client.one":     {UK: "клієнт", EN: "client"},
	"client.few":     {UK: "клієнти", EN: "clients"},
	"client.many":    {UK: "клієнтів", EN: "clients"},
	"community.one":  {UK: "громада", EN: "community"},
	"community.few":  {UK: "громади", EN: "communities"},
	"community.many": {UK: "громад", EN: "communities"},
	"fte.one":        {UK: "ставка", EN: "FTE"},
	"fte.few":        {UK: "ставки", EN: "FTE"},
	"fte.many":       {UK: "ставок", EN: "FTE"},
}

// CountWord is the form of noun ("client", "fte") that goes with n:
// «1 клієнт», «2 клієнти», «5 клієнтів», «1,5 ставки».
func CountWord(lang hromada.Lang, noun string, n float64) string {
	return countText.In(lang, noun+"."+countForm(lang, n))
}

// UnitPlural is the plural name of a unit, as in column headers.
func UnitPlural(lang hromada.Lang, u hromada.Unit) string {
	if u == "" {
		u = hromada.Family
	}
	return unitText.In(lang, string(u)+".many")
}

// FormatCount writes a whole number as the language does: «1 240» with a
// no-break space in Ukrainian, "1,240" in English.
func FormatCount(lang hromada.Lang, v float64) string {
	s := fmt.Sprintf("%.0f", math.Abs(v))
	sep := ","
	if lang != hromada.English {
		sep = "\u00a0"
	}
	var b strings.Builder
	if v < -0.5 {
		b.WriteString("−")
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FormatPercent writes a share as a percentage with one decimal: «12,3 %»,
// "12.3 %".
func FormatPercent(lang hromada.Lang, v float64) string {
	return FormatDecimal(lang, v*100, 1) + "\u00a0%"
}

// FormatDecimal writes v with the given decimals and the language's
// decimal separator.
func FormatDecimal(lang hromada.Lang, v float64, decimals int) string {
	s := fmt.Sprintf("%.*f", decimals, v)
	if lang != hromada.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// LowerFirst lowers the first letter of a name for the middle of an English
// sentence, unless the name starts with an abbreviation ("IDP families").
func LowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 || (len(r) > 1 && unicode.IsUpper(r[1])) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// FormatFTE writes a number of full-time posts with at most two decimals,
// with a decimal comma in Ukrainian.
func FormatFTE(lang hromada.Lang, v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if lang != hromada.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// ActionText names the actions of a plan, by [plan.Action] code, as the
// plan workbook writes and reads them and the consolidated workbook
// shows them.
var ActionText = Texts{
	"create":     {UK: "створити", EN: "create"},
	"enhance":    {UK: "розширити", EN: "enhance"},
	"sufficient": {UK: "достатньо", EN: "sufficient"},
	"more_data":  {UK: "потрібні дані", EN: "more data needed"},
}

// ActionWord names plan action a in lang, or gives a code it does not
// know as it is.
func ActionWord(lang hromada.Lang, a string) string { return ActionText.In(lang, a) }
