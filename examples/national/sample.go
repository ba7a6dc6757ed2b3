package main

import (
	"fmt"
	"math"
	"sort"

	"github.com/hromada-tool/hromada/examples/internal/sim"
)

// The national survey's design. The households asked for are shared among
// the communities in proportion to their households, each community
// surveying at least minSample of them and at most maxFraction of its
// households; within a community as in the example: strata urban and
// rural in proportion to households (at least minPerStratum each),
// settlements drawn with probability proportional to size, about urbanTake
// households from a precinct of the town and ruralTake from a village.
const (
	minSample     = 150
	maxFraction   = 0.25
	minPerStratum = 40
	urbanTake     = 55
	ruralTake     = 30
)

// households returns the households of p, as sim.BuildCommunity makes
// them: urban and rural residents each divided by the household size.
func households(p sim.Place) (urban, rural int) {
	return int(math.Round(float64(p.Urban) / sim.PersonsPerHousehold)),
		int(math.Round(float64(p.Pop-p.Urban) / sim.PersonsPerHousehold))
}

// allocate divides total among communities with hh households each: in
// proportion to hh, each part between min(minSample, its cap) and its cap
// of maxFraction of hh, the parts summing to total exactly.
func allocate(total int, hh []int) ([]int, error) {
	n := len(hh)
	lo, hi := make([]int, n), make([]int, n)
	sumLo, sumHi := 0, 0
	for i, h := range hh {
		hi[i] = int(maxFraction * float64(h))
		lo[i] = min(minSample, hi[i])
		sumLo += lo[i]
		sumHi += hi[i]
	}
	if total < sumLo {
		return nil, fmt.Errorf("%d households are too few for %d communities: each surveys at least %d, %d in all", total, n, minSample, sumLo)
	}
	if total > sumHi {
		return nil, fmt.Errorf("%d households are too many for these communities: each surveys at most %.0f %% of its households, %d in all", total, 100*maxFraction, sumHi)
	}
	clamp := func(l float64, i int) float64 {
		return min(max(l*float64(hh[i]), float64(lo[i])), float64(hi[i]))
	}
	sum := func(l float64) float64 {
		s := 0.0
		for i := range hh {
			s += clamp(l, i)
		}
		return s
	}
	// The share λ of its households a community surveys, unless a bound
	// stops it: the λ whose parts add up to total, by bisection.
	a, b := 0.0, 1.0
	for range 200 {
		m := (a + b) / 2
		if sum(m) < float64(total) {
			a = m
		} else {
			b = m
		}
	}
	out := make([]int, n)
	type rem struct {
		i int
		f float64
	}
	var rems []rem
	given := 0
	for i := range hh {
		x := clamp(b, i)
		out[i] = int(math.Floor(x))
		given += out[i]
		if out[i] < hi[i] {
			rems = append(rems, rem{i, x - math.Floor(x)})
		}
	}
	// Largest remainders first, ties by position.
	sort.SliceStable(rems, func(p, q int) bool { return rems[p].f > rems[q].f })
	for left := total - given; left != 0; {
		moved := false
		for _, x := range rems {
			switch {
			case left > 0 && out[x.i] < hi[x.i]:
				out[x.i]++
				left--
				moved = true
			case left < 0 && out[x.i] > lo[x.i]:
				out[x.i]--
				left++
				moved = true
			}
		}
		if !moved {
			return nil, fmt.Errorf("cannot share %d households among the communities", total)
		}
	}
	return out, nil
}

// designFor allocates n households of c to its strata (those it has) in
// proportion to households, at least minPerStratum each, and chooses how
// many settlements each stratum samples: about one per take households,
// at least 2, and enough that even its smallest settlements hold the
// stratum's sample.
func designFor(c *sim.Community, n int) ([]sim.StratumDesign, error) {
	hu, hr := c.Households(sim.Urban), c.Households(sim.Rural)
	var d []sim.StratumDesign
	switch {
	case hu > 0 && hr > 0:
		nr := max(minPerStratum, int(math.Round(float64(n)*float64(hr)/float64(hu+hr))))
		nu := n - nr
		if nu < minPerStratum {
			nu, nr = minPerStratum, n-minPerStratum
		}
		d = []sim.StratumDesign{{Stratum: sim.Urban, Households: hu, Sample: nu}, {Stratum: sim.Rural, Households: hr, Sample: nr}}
	case hu > 0:
		d = []sim.StratumDesign{{Stratum: sim.Urban, Households: hu, Sample: n}}
	default:
		d = []sim.StratumDesign{{Stratum: sim.Rural, Households: hr, Sample: n}}
	}
	for i := range d {
		take := ruralTake
		if d[i].Stratum == sim.Urban {
			take = urbanTake
		}
		var sizes []int
		for _, s := range c.Settlements {
			if s.Stratum == d[i].Stratum {
				sizes = append(sizes, len(s.Households))
			}
		}
		sort.Ints(sizes)
		k := min(max(2, int(math.Round(float64(d[i].Sample)/float64(take)))), len(sizes))
		for k < len(sizes) && sumInts(sizes[:k]) < d[i].Sample {
			k++
		}
		if sumInts(sizes[:k]) < d[i].Sample || k < 2 {
			return nil, fmt.Errorf("%s: stratum %s has %d households in %d settlements, too few for a sample of %d", c.EN, d[i].Stratum, d[i].Households, len(sizes), d[i].Sample)
		}
		d[i].Clusters = k
	}
	return d, nil
}

func sumInts(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
