package assess

import (
	"math"

	"github.com/hromada-tool/hromada"
)

// Kind says what an Estimate estimates; it decides which intervals and
// reliability rules apply.
type Kind string

// Kinds of estimates.
const (
	KindProportion Kind = "proportion" // a mean of a 0/1 variable, in [0, 1]
	KindMean       Kind = "mean"       // a mean of any other variable
	KindTotal      Kind = "total"      // a weighted total
	KindRatio      Kind = "ratio"      // a ratio of two weighted totals
)

// Estimate is a design-based estimate with its standard error.
//
// Rows of weight 0 are counted nowhere: N, NYes, NDomain are counts of rows
// with a positive weight.
type Estimate struct {
	Kind  Kind
	Value float64 // the estimate; NaN when the domain has no answers
	SE    float64 // standard error √V; NaN when it cannot be estimated
	// DF is the degrees of freedom: PSUs containing an answered domain
	// member minus strata containing one.
	DF int
	// Deff is the design effect V/V_srs; NaN when undefined (weights that
	// sum to no more than the rows, fewer than two answers).
	Deff float64
	// NEff is the effective sample size of a proportion, p(1−p)/V; when p
	// is 0 or 1 it is N (NCHS convention). NaN for other kinds.
	NEff float64
	// N is the number of domain members with an answer (every variable of
	// the estimator known); NW is their weighted count.
	N  int
	NW float64
	// NYes is, for a proportion, the number of the N with y = 1.
	NYes int
	// NPos is the number of the N with y ≠ 0, whatever the kind: for a
	// count of clients per family or a ratio, the households with the need.
	NPos int
	// NDomain is the number of domain members whether or not they
	// answered; NWDomain is their weighted count Σ_{i∈d} w.
	NDomain  int
	NWDomain float64
	// LonelyStrata lists the strata with a single PSU that the domain
	// reaches; their variance follows the design's LonelyPSU rule.
	LonelyStrata []string
}

// ErrLength is wrapped by the errors of estimators given a column whose
// length differs from the design's.
var ErrLength = hromada.Errorf("довжина стовпця не збігається з планом вибірки", "column length differs from the design")

func (d *Design) checkLen(name string, n int, isNil bool) error {
	if isNil {
		return hromada.Errorf("%s: %v: стовпця немає", "%s: %w: column is missing", name, ErrLength)
	}
	if n != d.n {
		return hromada.Errorf("%s: %v: рядків %d, у плані вибірки %d", "%s: %w: %d rows, design %d", name, ErrLength, n, d.n)
	}
	return nil
}

func (d *Design) checkDomain(domain []bool) error {
	if domain != nil && len(domain) != d.n {
		return hromada.Errorf("підсукупність: %v: рядків %d, у плані вибірки %d", "domain: %w: %d rows, design %d", ErrLength, len(domain), d.n)
	}
	return nil
}

// sums are the scalar sums over the answered domain rows.
type sums struct {
	n, nyes, npos, ndom int
	sw, swy, swx, swdom float64
	swyy, swxy, swxx    float64
	binary              bool
}

// accumulate adds every answered domain row into the per-PSU sums a (w·y)
// and b (w·x, or w when x is nil) and the scalar sums. A row is answered
// when y (and x) is not NaN. The sums live in locals, not in the struct, so
// that the loop keeps them in registers.
func (d *Design) accumulate(sc *scratch, y, x []float64, domain []bool) sums {
	var n, nyes, npos, ndom int
	var sw, swy, swx, swdom, swyy, swxy, swxx float64
	binary := true
	a, b, mark, psu, weights := sc.a, sc.b, sc.mark, d.psu, d.w
	w := 1.0
	for i, yi := range y {
		if domain != nil && !domain[i] {
			continue
		}
		if weights != nil {
			w = weights[i]
		}
		if w > 0 {
			ndom++
			swdom += w
		}
		xi := 1.0
		if x != nil {
			xi = x[i]
		}
		if yi != yi || xi != xi { // NaN: not answered
			continue
		}
		c := i
		if psu != nil {
			c = int(psu[i])
		}
		wy, wx := w*yi, w*xi
		a[c] += wy
		b[c] += wx
		if w == 0 {
			mark[c] |= markRow
			continue
		}
		mark[c] |= markRow | markPos
		n++
		sw += w
		swy += wy
		swx += wx
		swyy += wy * yi
		swxy += wy * xi
		swxx += wx * xi
		nyes += b2i(yi == 1)
		npos += b2i(yi != 0)
		if yi != 0 && yi != 1 {
			binary = false
		}
	}
	return sums{
		n: n, nyes: nyes, npos: npos, ndom: ndom,
		sw: sw, swy: swy, swx: swx, swdom: swdom,
		swyy: swyy, swxy: swxy, swxx: swxx,
		binary: binary,
	}
}

// b2i is 1 for true; the compiler makes it a flag move, not a branch.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// srsFactor returns (Σw − n)/(Σw·n), the factor of V_srs, or NaN when
// Σw ≤ n (normalised or absent weights) or n < 2.
func srsFactor(sw float64, n int) float64 {
	fn := float64(n)
	if n < 2 || sw-fn <= 1e-9*fn {
		return math.NaN()
	}
	return (sw - fn) / (sw * fn)
}

func (d *Design) finish(sc *scratch, s sums, kind Kind, value, k, scale float64) Estimate {
	e := Estimate{
		Kind: kind, Value: value, SE: math.NaN(), Deff: math.NaN(), NEff: math.NaN(),
		N: s.n, NW: s.sw, NDomain: s.ndom, NWDomain: s.swdom, NPos: s.npos,
	}
	if kind == KindProportion {
		e.NYes = s.nyes
	}
	if s.n == 0 {
		e.Value = math.NaN()
		return e
	}
	v, df, lonely := d.variance(sc, k, scale)
	e.SE, e.DF, e.LonelyStrata = math.Sqrt(v), df, lonely
	if kind == KindProportion {
		e.NEff = neff(value, v, s.n)
	}
	return e
}

func neff(p, v float64, n int) float64 {
	if p == 0 || p == 1 {
		return float64(n)
	}
	return p * (1 - p) / v
}

// Mean estimates the mean of y over the domain — a proportion when every
// answer is 0 or 1:
//
//	p = Σ_{i∈d} w_i y_i / Σ_{i∈d} w_i
//	z_i = 1{i∈d} · w_i (y_i − p) / Σ_{i∈d} w_i
//
// and V from the PSU totals of z (see the package documentation). The
// design effect is V / V_srs with V_srs = s² (Σw − n)/(Σw·n) and
// s² = [Σ w (y − p)² / Σ w] · n/(n − 1), all over the answered domain.
//
// A NaN in y means "not answered": the row leaves the domain of this
// estimate but stays in the design. A nil domain is every row. The error
// is non-nil only when a column's length differs from the design's.
func (d *Design) Mean(y []float64, domain []bool) (Estimate, error) {
	if err := d.checkLen("y", len(y), y == nil); err != nil {
		return Estimate{}, err
	}
	if err := d.checkDomain(domain); err != nil {
		return Estimate{}, err
	}
	sc := d.getScratch()
	defer d.putScratch(sc)
	s := d.accumulate(sc, y, nil, domain)
	kind := KindMean
	if s.binary {
		kind = KindProportion
	}
	if s.n == 0 {
		return d.finish(sc, s, kind, math.NaN(), 0, 0), nil
	}
	p := s.swy / s.sw
	e := d.finish(sc, s, kind, p, p, 1/s.sw)
	// s² = [Σ w y²/Σ w − p²]·n/(n−1)
	s2 := math.Max(s.swyy/s.sw-p*p, 0) * float64(s.n) / float64(s.n-1)
	if vsrs := s2 * srsFactor(s.sw, s.n); vsrs > 0 {
		e.Deff = e.SE * e.SE / vsrs
	}
	return e, nil
}

// Total estimates the population total of y over the domain,
// Σ_{i∈d} w_i y_i, with influence values z_i = 1{i∈d} w_i y_i. Its design
// effect is V / [s² (Σw)² (Σw − n)/(Σw·n)] with s² the variance of y as in
// Mean. NaN answers and the domain are as in Mean.
func (d *Design) Total(y []float64, domain []bool) (Estimate, error) {
	if err := d.checkLen("y", len(y), y == nil); err != nil {
		return Estimate{}, err
	}
	if err := d.checkDomain(domain); err != nil {
		return Estimate{}, err
	}
	sc := d.getScratch()
	defer d.putScratch(sc)
	s := d.accumulate(sc, y, nil, domain)
	e := d.finish(sc, s, KindTotal, s.swy, 0, 1)
	if s.n > 1 {
		m := s.swy / s.sw
		s2 := math.Max(s.swyy/s.sw-m*m, 0) * float64(s.n) / float64(s.n-1)
		if vsrs := s2 * s.sw * s.sw * srsFactor(s.sw, s.n); vsrs > 0 {
			e.Deff = e.SE * e.SE / vsrs
		}
	}
	return e, nil
}

// Ratio estimates the ratio of two population totals over the domain,
//
//	R = Σ_{i∈d} w_i y_i / Σ_{i∈d} w_i x_i
//	z_i = 1{i∈d} · w_i (y_i − R x_i) / Σ_{i∈d} w_i x_i
//
// (R svyratio). A row answers when both y and x are known. Its design
// effect is V / [s_r² (Σw)² (Σw − n)/(Σw·n)] with s_r² the variance of
// r_i = (y_i − R x_i)/Σwx. Rows with x = 0 are kept (they count in N and
// the degrees of freedom).
func (d *Design) Ratio(y, x []float64, domain []bool) (Estimate, error) {
	if err := d.checkLen("y", len(y), y == nil); err != nil {
		return Estimate{}, err
	}
	if err := d.checkLen("x", len(x), x == nil); err != nil {
		return Estimate{}, err
	}
	if err := d.checkDomain(domain); err != nil {
		return Estimate{}, err
	}
	sc := d.getScratch()
	defer d.putScratch(sc)
	s := d.accumulate(sc, y, x, domain)
	if s.n == 0 || s.swx == 0 {
		// Nothing to divide by: no estimate, but the counts are reported.
		nan := math.NaN()
		return Estimate{Kind: KindRatio, Value: nan, SE: nan, Deff: nan, NEff: nan,
			N: s.n, NW: s.sw, NDomain: s.ndom, NWDomain: s.swdom, NPos: s.npos}, nil
	}
	r := s.swy / s.swx
	e := d.finish(sc, s, KindRatio, r, r, 1/s.swx)
	if s.n > 1 {
		// Σ w r_i² / Σ w with r_i = (y_i − R x_i)/X; the weighted mean of
		// r is 0.
		ss := (s.swyy - 2*r*s.swxy + r*r*s.swxx) / (s.swx * s.swx)
		s2 := math.Max(ss/s.sw, 0) * float64(s.n) / float64(s.n-1)
		if vsrs := s2 * s.sw * s.sw * srsFactor(s.sw, s.n); vsrs > 0 {
			e.Deff = e.SE * e.SE / vsrs
		}
	}
	return e, nil
}

// Proportion returns e read as a proportion: Kind KindProportion and NEff
// p(1−p)/V. Use it for a ratio whose numerator counts a part of what its
// denominator counts, such as the share of children who live in families
// needing a service, Σ w·children·y / Σ w·children. It returns an error
// when the value is outside [0, 1].
func (e Estimate) Proportion() (Estimate, error) {
	if math.IsNaN(e.Value) {
		e.Kind = KindProportion
		return e, nil
	}
	if e.Value < 0 || e.Value > 1 {
		return e, hromada.Errorf("%v — не частка", "%v is not a proportion", e.Value)
	}
	e.Kind = KindProportion
	e.NEff = neff(e.Value, e.SE*e.SE, e.N)
	return e, nil
}
