package workbook

import "math"

// integral reports whether every value is a whole number.
func integral(v []float64) bool {
	for _, x := range v {
		if x != math.Trunc(x) {
			return false
		}
	}
	return true
}

// sum adds the values.
func sum(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s
}

// at returns v[t], or 0 for a nil v.
func at(v []float64, t int) float64 {
	if t < len(v) {
		return v[t]
	}
	return 0
}

// nan0 is v, or 0 where v is not a number.
func nan0(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}
