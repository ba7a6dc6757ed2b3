package assess

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/hromada-tool/hromada"
)

// LonelyPSU says how a stratum with a single primary sampling unit (PSU)
// enters a variance. The names and the arithmetic are those of R survey's
// option survey.lonely.psu.
type LonelyPSU string

// Rules for strata with a single PSU.
const (
	// LonelyAdjust centres the lonely PSU's total on the grand mean of all
	// PSU totals (the PSU totals of the estimate's domain summed, divided by
	// the number of PSUs of the strata the domain reaches). The default.
	LonelyAdjust LonelyPSU = "adjust"
	// LonelyRemove lets the stratum contribute nothing to the variance.
	LonelyRemove LonelyPSU = "remove"
	// LonelyAverage drops the stratum and scales the variance by H/H_ok,
	// the strata the domain reaches over those of them with two PSUs or more.
	LonelyAverage LonelyPSU = "average"
	// LonelyFail makes NewDesign return an error naming the strata.
	LonelyFail LonelyPSU = "fail"
)

// DesignSpec describes a survey design column by column. Every non-nil
// slice has one element per row (household) and all have the same length.
//
// The slices are not copied: Weight is kept by the Design and must not be
// changed while the Design is in use; Strata and Cluster are read once.
type DesignSpec struct {
	// Weight is the sampling weight of each row: an expansion weight 1/π
	// (families in the community the row stands for) or a normalised one.
	// Nil gives every row weight 1. A row of weight 0 is outside every
	// estimate, but its PSU still counts among the PSUs of its stratum, as
	// in R survey.
	Weight []float64
	// Strata is the stratum of each row; nil means one stratum.
	Strata []string
	// Cluster is the PSU (cluster) of each row, nested in its stratum:
	// cluster "1" of stratum "A" and cluster "1" of stratum "B" are two
	// PSUs (R svydesign(..., nest = TRUE)). Nil makes each row its own PSU.
	Cluster []string
	// FPC is the finite population correction: the number N_h of PSUs in
	// the population of each stratum, by stratum name (the name "" when
	// Strata is nil). Nil means sampling with replacement. When given it
	// must name every stratum, and N_h must be at least the number n_h of
	// PSUs sampled there; N_h = n_h means a take-all stratum.
	FPC map[string]float64
	// Lonely is the rule for strata with a single PSU; "" means
	// LonelyAdjust.
	Lonely LonelyPSU
	// Rows is the number of rows. It is needed only when Weight, Strata and
	// Cluster are all nil (a simple random sample with equal weights);
	// otherwise it must be 0 or equal to their length.
	Rows int
}

// Design is a survey design ready to estimate with. It is immutable and
// safe for concurrent use.
type Design struct {
	n          int
	w          []float64 // nil: every weight 1
	psu        []int32   // PSU of each row; nil: row i is PSU i
	psuStratum []int32   // stratum of each PSU; nil: one stratum
	npsu       int
	strata     []string  // stratum names by index
	nh         []int     // PSUs per stratum, all rows counted
	fh         []float64 // (N_h − n_h)/N_h, or 1 without FPC
	lonely     LonelyPSU
	lonelyIdx  []int32 // strata with a single PSU, in name order
	wsum       float64 // Σ w over all rows
	npos       int     // rows with w > 0
	pool       sync.Pool
}

// ErrDesign is wrapped by every error NewDesign returns.
var ErrDesign = hromada.Errorf("план вибірки", "survey design")

// designErr is an error of the survey design wrapping ErrDesign: uk and
// en are fmt formats of the same args.
func designErr(uk, en string, args ...any) error {
	return hromada.Errorf("%v: %v", "%w: %v", ErrDesign, hromada.T(uk, en, args...))
}

// NewDesign checks spec and prepares the design: it numbers the PSUs and
// strata, counts the PSUs n_h of every stratum and finds the strata with a
// single PSU.
//
// It returns an error (wrapping ErrDesign) when the columns differ in
// length, a weight is negative, NaN or infinite, a stratum or cluster
// label is empty, the FPC misses a stratum or is smaller than the number of
// PSUs sampled there, the lonely PSU rule is unknown, or Lonely is
// LonelyFail and some stratum has a single PSU.
func NewDesign(spec DesignSpec) (*Design, error) {
	n, err := designRows(spec)
	if err != nil {
		return nil, err
	}
	lonely := spec.Lonely
	switch lonely {
	case "":
		lonely = LonelyAdjust
	case LonelyAdjust, LonelyRemove, LonelyAverage, LonelyFail:
	default:
		return nil, designErr("правило для одиночного PSU «%s» невідоме; можливі: adjust, remove, average, fail", "lonely PSU rule %q is not known; allowed: adjust, remove, average, fail", spec.Lonely)
	}
	d := &Design{n: n, w: spec.Weight, lonely: lonely}
	if err := d.setWeights(spec.Weight); err != nil {
		return nil, err
	}
	rowStratum, err := d.setStrata(spec.Strata)
	if err != nil {
		return nil, err
	}
	if err := d.setPSUs(spec.Cluster, rowStratum); err != nil {
		return nil, err
	}
	if err := d.setFPC(spec.FPC); err != nil {
		return nil, err
	}
	for h, k := range d.nh {
		if k == 1 {
			d.lonelyIdx = append(d.lonelyIdx, int32(h))
		}
	}
	sort.Slice(d.lonelyIdx, func(i, j int) bool { return d.strata[d.lonelyIdx[i]] < d.strata[d.lonelyIdx[j]] })
	if lonely == LonelyFail && len(d.lonelyIdx) > 0 {
		return nil, designErr("страти з одним PSU: %s; об'єднайте їх із сусідньою стратою або виберіть інше правило для одиночного PSU", "strata with a single PSU: %s; merge them with a neighbouring stratum or choose another lonely PSU rule", strings.Join(d.LonelyStrata(), ", "))
	}
	return d, nil
}

// designRows is the number of rows of spec: that of its columns, which
// must agree with each other and with Rows when it is given.
func designRows(spec DesignSpec) (int, error) {
	n := -1
	for _, c := range []struct {
		name string
		len  int
		nil  bool
	}{
		{"weight", len(spec.Weight), spec.Weight == nil},
		{"strata", len(spec.Strata), spec.Strata == nil},
		{"cluster", len(spec.Cluster), spec.Cluster == nil},
	} {
		if c.nil {
			continue
		}
		if n >= 0 && c.len != n {
			return 0, designErr("стовпець %s має рядків %d, інші — %d", "the %s column has %d rows, the others %d", c.name, c.len, n)
		}
		n = c.len
	}
	switch {
	case n < 0 && spec.Rows <= 0:
		return 0, designErr("немає ні стовпця ваги, страти чи кластера, ні кількості рядків", "no weight, strata or cluster column and no row count")
	case n < 0:
		n = spec.Rows
	case spec.Rows != 0 && spec.Rows != n:
		return 0, designErr("кількість рядків %d не збігається з %d рядками стовпців", "row count %d differs from the %d rows of the columns", spec.Rows, n)
	}
	if n == 0 {
		return 0, designErr("немає рядків", "no rows")
	}
	if n > math.MaxInt32 {
		return 0, designErr("рядків %d — більше, ніж може обробити програма", "%d rows is more than this package handles", n)
	}
	return n, nil
}

// setWeights checks the weights (nil: every weight 1) and sums them.
func (d *Design) setWeights(weight []float64) error {
	if weight == nil {
		d.wsum, d.npos = float64(d.n), d.n
		return nil
	}
	for i, w := range weight {
		if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return designErr("у рядку %d вага %v; ваги мають бути скінченними й невід'ємними", "row %d has weight %v; weights must be finite and not negative", i+1, w)
		}
		d.wsum += w
		if w > 0 {
			d.npos++
		}
	}
	return nil
}

// setStrata numbers the strata in the order they first appear and returns
// each row's stratum; nil strata are one stratum, and a nil result.
func (d *Design) setStrata(strata []string) ([]int32, error) {
	rowStratum := []int32(nil)
	if strata == nil {
		d.strata = []string{""}
	} else {
		rowStratum = make([]int32, d.n)
		index := map[string]int32{}
		for i, s := range strata {
			if s == "" {
				return nil, designErr("у рядку %d немає страти", "row %d has no stratum", i+1)
			}
			h, ok := index[s]
			if !ok {
				h = int32(len(d.strata))
				index[s] = h
				d.strata = append(d.strata, s)
			}
			rowStratum[i] = h
		}
	}
	d.nh = make([]int, len(d.strata))
	return rowStratum, nil
}

// setPSUs numbers the PSUs, nested in the rows' strata (nil clusters:
// each row its own PSU), and counts the PSUs of each stratum.
func (d *Design) setPSUs(cluster []string, rowStratum []int32) error {
	n, H := d.n, len(d.strata)
	if cluster == nil {
		d.npsu = n
		d.psuStratum = rowStratum
		if rowStratum == nil {
			d.nh[0] = n
		} else {
			for _, h := range rowStratum {
				d.nh[h]++
			}
		}
	} else {
		d.psu = make([]int32, n)
		type key struct {
			h int32
			c string
		}
		index := map[key]int32{}
		for i, c := range cluster {
			if c == "" {
				return designErr("у рядку %d немає кластера", "row %d has no cluster", i+1)
			}
			var h int32
			if rowStratum != nil {
				h = rowStratum[i]
			}
			k := key{h, c}
			p, ok := index[k]
			if !ok {
				p = int32(len(d.psuStratum))
				index[k] = p
				d.psuStratum = append(d.psuStratum, h)
				d.nh[h]++
			}
			d.psu[i] = p
		}
		d.npsu = len(d.psuStratum)
		if H == 1 {
			d.psuStratum = nil
		}
	}
	return nil
}

// setFPC sets the finite population correction of each stratum from the
// number of PSUs in its population (nil: no correction).
func (d *Design) setFPC(fpc map[string]float64) error {
	d.fh = make([]float64, len(d.strata))
	for h := range d.fh {
		d.fh[h] = 1
	}
	if fpc != nil {
		known := map[string]bool{}
		for h, name := range d.strata {
			known[name] = true
			N, ok := fpc[name]
			if !ok {
				return designErr("у поправці на скінченну сукупність немає кількості PSU для страти «%s»", "the finite population correction has no PSU count for stratum %q", name)
			}
			if math.IsNaN(N) || math.IsInf(N, 0) || N < float64(d.nh[h]) {
				return designErr("страта «%s»: PSU у сукупності (%v) менше, ніж у вибірці (%d); впишіть кількість PSU у сукупності, а не частку вибірки", "stratum %q: %v PSUs in the population is fewer than the %d sampled; give the population number of PSUs, not a sampling fraction", name, hromada.Number(N, 6), d.nh[h])
			}
			d.fh[h] = (N - float64(d.nh[h])) / N
		}
		var extra []string
		for name := range fpc {
			if !known[name] {
				extra = append(extra, fmt.Sprintf("%q", name))
			}
		}
		if len(extra) > 0 {
			sort.Strings(extra)
			return designErr("поправка на скінченну сукупність називає страти, яких немає в даних: %s", "the finite population correction names strata not in the data: %s", strings.Join(extra, ", "))
		}
	}
	return nil
}

// N returns the number of rows of the design.
func (d *Design) N() int { return d.n }

// PSUs returns the number of primary sampling units of the design.
func (d *Design) PSUs() int { return d.npsu }

// Strata returns the stratum names in order of first appearance; a design
// without strata has the one stratum "".
func (d *Design) Strata() []string { return append([]string(nil), d.strata...) }

// LonelyStrata returns the names of the strata with a single PSU, sorted.
func (d *Design) LonelyStrata() []string {
	if len(d.lonelyIdx) == 0 {
		return nil
	}
	names := make([]string, len(d.lonelyIdx))
	for i, h := range d.lonelyIdx {
		names[i] = d.strata[h]
	}
	return names
}

// Lonely returns the rule the design applies to strata with a single PSU.
func (d *Design) Lonely() LonelyPSU { return d.lonely }

// WeightSum returns Σ w over all rows.
func (d *Design) WeightSum() float64 { return d.wsum }

// NormalisedWeights reports whether the weights sum to the number of rows
// with a positive weight (within 10⁻⁹), as normalised weights and absent
// weights do. Such weights give proportions but not population counts.
func (d *Design) NormalisedWeights() bool {
	return math.Abs(d.wsum-float64(d.npos)) <= 1e-9*float64(d.npos)
}

// scratch holds the per-PSU and per-stratum sums of one estimate.
type scratch struct {
	a, b  []float64 // per PSU: Σ w·y and Σ w·x over the domain
	mark  []uint8   // per PSU: markRow, markPos
	hsum  []float64 // per stratum: Σ Z_c
	hdev  []float64 // per stratum: Σ (Z_c − Z̄_h)²
	hmark []uint8   // per stratum: markRow, markPos
	hcnt  []int32   // per stratum: PSUs with domain rows
}

const (
	markRow uint8 = 1 << iota // a domain row of any weight
	markPos                   // a domain row of positive weight
)

func (d *Design) getScratch() *scratch {
	if s, ok := d.pool.Get().(*scratch); ok {
		clear(s.a)
		clear(s.b)
		clear(s.mark)
		clear(s.hsum)
		clear(s.hdev)
		clear(s.hmark)
		clear(s.hcnt)
		return s
	}
	H := len(d.strata)
	return &scratch{
		a:     make([]float64, d.npsu),
		b:     make([]float64, d.npsu),
		mark:  make([]uint8, d.npsu),
		hsum:  make([]float64, H),
		hdev:  make([]float64, H),
		hmark: make([]uint8, H),
		hcnt:  make([]int32, H),
	}
}

func (d *Design) putScratch(s *scratch) { d.pool.Put(s) }

// variance returns the with-replacement Taylor variance of an estimator
// whose PSU totals of influence values are Z_c = s·(a_c − k·b_c), its
// degrees of freedom and the lonely strata the domain reaches:
//
//	V = Σ_h f_h · n_h/(n_h − 1) · Σ_c (Z_hc − Z̄_h)²
//	df = #PSUs with a domain row of positive weight − #strata with one
//
// PSUs of a stratum without domain rows count with Z_c = 0, so the domain
// is never cut out of the design before the variance. Strata with a single
// PSU follow d.lonely.
func (d *Design) variance(sc *scratch, k, s float64) (v float64, df int, lonely []string) {
	H := len(d.strata)
	df = d.psuDeviations(sc, k, s)
	var grand, grandN float64
	present, ok := 0, 0
	for h := 0; h < H; h++ {
		if sc.hmark[h] != 0 {
			present++
			grand += sc.hsum[h]
			grandN += float64(d.nh[h])
			if sc.hmark[h]&markPos != 0 {
				df--
			}
		}
	}
	if grandN > 0 {
		grand /= grandN
	}
	for h := 0; h < H; h++ {
		if sc.hmark[h] == 0 {
			continue
		}
		nh := d.nh[h]
		f := d.fh[h]
		if f < 1e-7 { // a take-all stratum
			ok++
			continue
		}
		if nh == 1 {
			lonely = append(lonely, d.strata[h])
			switch d.lonely {
			case LonelyAdjust:
				dev := sc.hsum[h] - grand
				v += f * dev * dev
				ok++
			case LonelyRemove:
				ok++
			}
			continue
		}
		ok++
		mean := sc.hsum[h] / float64(nh)
		dev := sc.hdev[h] + float64(nh-int(sc.hcnt[h]))*mean*mean
		v += f * float64(nh) / float64(nh-1) * dev
	}
	if d.lonely == LonelyAverage && ok < present {
		if ok == 0 {
			v = math.NaN()
		} else {
			v *= float64(present) / float64(ok)
		}
	}
	sort.Strings(lonely)
	return v, df, lonely
}

// psuDeviations computes the PSU totals Z_c of the linearised estimate
// (k: the estimate, s: its scale) and their deviations from the stratum
// means, into sc, and returns the PSUs with rows of positive weight in
// the domain (the degrees of freedom before the strata are taken off).
func (d *Design) psuDeviations(sc *scratch, k, s float64) int {
	df := 0
	for c := 0; c < d.npsu; c++ {
		var h int32
		if d.psuStratum != nil {
			h = d.psuStratum[c]
		}
		m := sc.mark[c]
		if m == 0 {
			continue
		}
		z := s * (sc.a[c] - k*sc.b[c])
		sc.a[c] = z // a now holds Z_c
		sc.hsum[h] += z
		sc.hmark[h] |= m
		if m&markPos != 0 {
			df++
		}
	}
	// Deviations from the stratum means. PSUs of the stratum without domain
	// rows have Z_c = 0; they add (n_h − m_h)·Z̄_h² below.
	for c := 0; c < d.npsu; c++ {
		if sc.mark[c] == 0 {
			continue
		}
		var h int32
		if d.psuStratum != nil {
			h = d.psuStratum[c]
		}
		dev := sc.a[c] - sc.hsum[h]/float64(d.nh[h])
		sc.hdev[h] += dev * dev
		sc.hcnt[h]++
	}
	return df
}

// DF returns the degrees of freedom of the whole design, as R's
// degf(design): the PSUs with a row of positive weight less the strata
// with one.
func (d *Design) DF() int {
	psus := make([]bool, d.npsu)
	strata := make([]bool, len(d.strata))
	df := 0
	for i := 0; i < d.n; i++ {
		if d.w != nil && !(d.w[i] > 0) {
			continue
		}
		c := i
		if d.psu != nil {
			c = int(d.psu[i])
		}
		if psus[c] {
			continue
		}
		psus[c] = true
		df++
		var h int32
		if d.psuStratum != nil {
			h = d.psuStratum[c]
		}
		if !strata[h] {
			strata[h] = true
			df--
		}
	}
	return df
}
