package assess

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/hromada-tool/hromada"
)

// table is a CSV file of testdata/ read by column.
type table struct {
	rows int
	cols map[string][]string
}

func readTable(t testing.TB, path string) table {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	tb := table{rows: len(recs) - 1, cols: map[string][]string{}}
	for j, name := range recs[0] {
		col := make([]string, tb.rows)
		for i, r := range recs[1:] {
			col[i] = r[j]
		}
		tb.cols[name] = col
	}
	return tb
}

func (tb table) str(t testing.TB, name string) []string {
	t.Helper()
	c, ok := tb.cols[name]
	if !ok {
		t.Fatalf("no column %q", name)
	}
	return c
}

// num reads a numeric column; "NA" and "" are NaN.
func (tb table) num(t testing.TB, name string) []float64 {
	t.Helper()
	c := tb.str(t, name)
	out := make([]float64, len(c))
	for i, s := range c {
		if s == "NA" || s == "" {
			out[i] = math.NaN()
			continue
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("column %q row %d: %v", name, i+1, err)
		}
		out[i] = v
	}
	return out
}

// is reads a column as the domain "value == want".
func (tb table) is(t testing.TB, name, want string) []bool {
	t.Helper()
	c := tb.str(t, name)
	out := make([]bool, len(c))
	for i, s := range c {
		out[i] = s == want
	}
	return out
}

// close reports whether got is within tol of want, relative to |want| when
// |want| > 1 and absolute otherwise; NaN equals NaN.
func near(got, want, tol float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	if math.IsInf(want, 0) {
		return got == want
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func and(a, b []bool) []bool {
	out := make([]bool, len(a))
	for i := range a {
		out[i] = a[i] && b[i]
	}
	return out
}

func not(a []bool) []bool {
	out := make([]bool, len(a))
	for i := range a {
		out[i] = !a[i]
	}
	return out
}

func mustDesign(t testing.TB, spec DesignSpec) *Design {
	t.Helper()
	d, err := NewDesign(spec)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// warningsEN joins the English of warnings, one a line, after checking
// that each has its own Ukrainian wording.
func warningsEN(t *testing.T, ws []hromada.Text) string {
	t.Helper()
	en := make([]string, len(ws))
	for i, w := range ws {
		if w.UK == "" || w.UK == w.EN {
			t.Errorf("warning %q has no Ukrainian wording", w.EN)
		}
		en[i] = w.EN
	}
	return strings.Join(en, "\n")
}
