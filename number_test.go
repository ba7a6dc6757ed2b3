package hromada

import (
	"math"
	"testing"
)

// TestNumbers checks each number format in both languages. The expected
// strings are written by hand from the conventions: Ukrainian decimal
// comma and space between thousands, English decimal point and comma.
func TestNumbers(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		got  Text
		want Text
	}{
		{"Decimal 13", Decimal(13, 2), Text{UK: "13,00", EN: "13.00"}},
		{"Decimal rounds", Decimal(2.935, 1), Text{UK: "2,9", EN: "2.9"}},
		{"Decimal NaN", Decimal(nan, 2), Text{UK: "–", EN: "–"}},
		{"Count 11118806", Count(11118806), Text{UK: "11 118 806", EN: "11,118,806"}},
		{"Count 999", Count(999), Text{UK: "999", EN: "999"}},
		{"Count 1000", Count(1000), Text{UK: "1 000", EN: "1,000"}},
		{"Count rounds 1234.6", Count(1234.6), Text{UK: "1 235", EN: "1,235"}},
		{"Count negative", Count(-25000), Text{UK: "-25 000", EN: "-25,000"}},
		{"Count -0.4 is 0", Count(-0.4), Text{UK: "0", EN: "0"}},
		{"Count NaN", Count(nan), Text{UK: "–", EN: "–"}},
		{"Number 0.5", Number(0.5, 2), Text{UK: "0,5", EN: "0.5"}},
		{"Number 2", Number(2, 2), Text{UK: "2", EN: "2"}},
		{"Number 1.25", Number(1.25, 2), Text{UK: "1,25", EN: "1.25"}},
		{"Percent", Percent(0.105, 1), Text{UK: "10,5 %", EN: "10.5 %"}},
		// 0.0123 × 100 = 1.23 → "1.23 %".
		{"Percent two decimals", Percent(0.0123, 2), Text{UK: "1,23 %", EN: "1.23 %"}},
		{"PercentCI", PercentCI(0.105, 0.062, 0.172, 1), Text{UK: "10,5 % (6,2–17,2)", EN: "10.5 % (6.2–17.2)"}},
		{"PercentCI no interval", PercentCI(0.105, nan, nan, 1), Text{UK: "10,5 %", EN: "10.5 %"}},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s = %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
	// A number given to T is written as each language writes it.
	if got, want := T("%s нових ставок", "%s new posts", Decimal(2.5, 2)), (Text{UK: "2,50 нових ставок", EN: "2.50 new posts"}); got != want {
		t.Errorf("T with a Decimal = %+v, want %+v", got, want)
	}
}
