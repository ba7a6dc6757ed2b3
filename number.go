package hromada

import (
	"fmt"
	"math"
	"strings"
)

// Numbers in the language's format, for the terminal and messages.
//
// Ukrainian writes a decimal comma and separates thousands with a space
// («10,5 %», «11 118 806»); English a decimal point and commas between
// thousands ("10.5 %", "11,118,806"). Each function returns a [Text], so
// that a number given to [T] or [Errorf] is written as the language of each
// format writes it. A value that is not a number is written "–".

// Decimal returns v with the given number of decimals: «13,00», "13.00".
func Decimal(v float64, decimals int) Text {
	if math.IsNaN(v) {
		return Text{UK: "–", EN: "–"}
	}
	s := fmt.Sprintf("%.*f", decimals, v)
	return Text{UK: strings.Replace(s, ".", ",", 1), EN: s}
}

// Count returns v rounded to a whole number with its thousands separated:
// «11 118 806», "11,118,806".
func Count(v float64) Text {
	if math.IsNaN(v) {
		return Text{UK: "–", EN: "–"}
	}
	s := fmt.Sprintf("%.0f", v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if s == "0" {
		neg = false // -0.4 rounds to 0, not -0
	}
	group := func(sep string) string {
		var b strings.Builder
		if neg {
			b.WriteByte('-')
		}
		for i, r := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteString(sep)
			}
			b.WriteRune(r)
		}
		return b.String()
	}
	return Text{UK: group(" "), EN: group(",")}
}

// Number returns v with at most the given decimals, trailing zeros
// dropped, as %g would write a limit: «0,5», "0.5", «2», "2".
func Number(v float64, decimals int) Text {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		s := fmt.Sprint(v)
		if math.IsNaN(v) {
			s = "–"
		}
		return Text{UK: s, EN: s}
	}
	s := fmt.Sprintf("%.*f", decimals, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return Text{UK: strings.Replace(s, ".", ",", 1), EN: s}
}

// Percent returns a share (0.105) as a percentage with the given
// decimals: «10,5 %», "10.5 %".
func Percent(share float64, decimals int) Text {
	if math.IsNaN(share) {
		return Text{UK: "–", EN: "–"}
	}
	d := Decimal(100*share, decimals)
	return Text{UK: d.UK + " %", EN: d.EN + " %"}
}

// PercentCI returns a share with its interval, as percentages with the
// given decimals: «10,5 % (6,2–17,2)», "10.5 % (6.2–17.2)". Without an
// interval (low or upp not a number), the share alone.
func PercentCI(share, low, upp float64, decimals int) Text {
	p := Percent(share, decimals)
	if math.IsNaN(share) || math.IsNaN(low) || math.IsNaN(upp) {
		return p
	}
	l, u := Decimal(100*low, decimals), Decimal(100*upp, decimals)
	return Text{UK: p.UK + " (" + l.UK + "–" + u.UK + ")", EN: p.EN + " (" + l.EN + "–" + u.EN + ")"}
}
