package budget

import (
	"math"
	"testing"
)

// tol is the relative tolerance of amounts: the expected values are exact
// decimal results of the hand calculations, so only rounding in the last
// bits of a float64 may differ.
const tol = 1e-9

// near reports whether got equals want within tol (NaN equals NaN).
func near(got, want float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func checkNear(t *testing.T, name string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %.10g, want %.10g", name, got, want)
	}
}

func checkAll(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s has %d values, want %d", name, len(got), len(want))
		return
	}
	for i := range want {
		if !near(got[i], want[i]) {
			t.Errorf("%s[%d] = %.10g, want %.10g", name, i, got[i], want[i])
		}
	}
}

// flat returns the minimum wage table of n years at mw every month.
func flat(n int, mw float64) [][12]float64 {
	out := make([][12]float64, n)
	for t := range out {
		for m := range out[t] {
			out[t][m] = mw
		}
	}
	return out
}

// findLine returns the line of service with kind and item, or fails.
func findLine(t *testing.T, r *Result, service string, kind LineKind, item string) Line {
	t.Helper()
	for _, l := range r.Lines {
		if l.Service == service && l.Kind == kind && l.Item == item {
			return l
		}
	}
	t.Fatalf("no %s line %q of service %s", kind, item, service)
	return Line{}
}

func sum(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s
}
