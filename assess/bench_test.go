package assess

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/hromada-tool/hromada"
)

// benchSurvey is a synthetic survey of n households: 20 strata of 25
// clusters, expansion weights, 5 overlapping groups, 12 needs with 3 %
// missing answers, children and persons per household.
func benchSurvey(b testing.TB, n int) Survey {
	rng := rand.New(rand.NewPCG(1, 2))
	w := make([]float64, n)
	strata := make([]string, n)
	cluster := make([]string, n)
	children := make([]float64, n)
	persons := make([]float64, n)
	sname := make([]string, 20)
	for h := range sname {
		sname[h] = fmt.Sprintf("s%02d", h)
	}
	cname := make([]string, 25)
	for c := range cname {
		cname[c] = fmt.Sprintf("c%02d", c)
	}
	for i := range n {
		w[i] = 20 + 40*rng.Float64()
		strata[i] = sname[i%20]
		cluster[i] = cname[(i/20)%25]
		children[i] = float64(rng.IntN(4))
		persons[i] = children[i] + 1 + float64(rng.IntN(3))
	}
	d, err := NewDesign(DesignSpec{Weight: w, Strata: strata, Cluster: cluster})
	if err != nil {
		b.Fatal(err)
	}
	s := Survey{Design: d, Children: children, Persons: persons}
	for g := range 5 {
		m := make([]bool, n)
		for i := range m {
			m[i] = rng.Float64() < 0.1+0.05*float64(g)
		}
		s.Groups = append(s.Groups, Membership{Group: fmt.Sprintf("g%d", g), Member: m})
	}
	for k := range 12 {
		y := make([]float64, n)
		for i := range y {
			switch {
			case rng.Float64() < 0.03:
				y[i] = math.NaN()
			case rng.Float64() < 0.05+0.02*float64(k):
				y[i] = 1
			}
		}
		s.Needs = append(s.Needs, Need{Service: fmt.Sprintf("service%02d", k), Y: y})
	}
	return s
}

// BenchmarkAnalyse is the assessment of 100,000 households: 6 groups (all
// and 5 target groups) × 12 needs, 3 of them counted in children and 1 in
// persons, registry counts for two groups, and the union.
func BenchmarkAnalyse(b *testing.B) {
	s := benchSurvey(b, 100_000)
	opt := Options{
		Units: map[string]hromada.Unit{
			"service00": hromada.Child, "service01": hromada.Child, "service02": hromada.Child,
			"service03": hromada.Person,
		},
		Counts: map[string]Count{
			"g0":     {Value: 5000, Unit: hromada.Family},
			"g1":     {Value: 9000, Unit: hromada.Child},
			AllGroup: {Value: 60000},
		},
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Analyse(s, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMean is one domain proportion on 100,000 households.
func BenchmarkMean(b *testing.B) {
	s := benchSurvey(b, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Design.Mean(s.Needs[0].Y, s.Groups[0].Member); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewDesign prepares the design of 100,000 households.
func BenchmarkNewDesign(b *testing.B) {
	s := benchSurvey(b, 100_000)
	_ = s
	rng := rand.New(rand.NewPCG(3, 4))
	n := 100_000
	w := make([]float64, n)
	strata := make([]string, n)
	cluster := make([]string, n)
	for i := range n {
		w[i] = 1 + rng.Float64()
		strata[i] = fmt.Sprintf("s%02d", i%20)
		cluster[i] = fmt.Sprintf("c%02d", (i/20)%25)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewDesign(DesignSpec{Weight: w, Strata: strata, Cluster: cluster}); err != nil {
			b.Fatal(err)
		}
	}
}
