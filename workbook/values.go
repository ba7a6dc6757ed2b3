package workbook

import "math"

// Integral reports whether every value is a whole number.
func Integral(v []float64) bool {
	for _, x := range v {
		if x != math.Trunc(x) {
			return false
		}
	}
	return true
}

// Sum adds the values.
func Sum(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s
}

// At returns v[t], or 0 for a nil v.
func At(v []float64, t int) float64 {
	if t < len(v) {
		return v[t]
	}
	return 0
}

// ZeroNaN is v, or 0 where v is not a number.
func ZeroNaN(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}
