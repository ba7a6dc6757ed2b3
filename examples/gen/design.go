package main

import (
	"math"
	"math/rand/v2"

	"github.com/hromada-tool/hromada/examples/internal/sim"
)

// The example's sample design: strata urban and rural, settlements drawn
// with probability proportional to size (package sim draws them).

// Sample sizes: from minSample households in the smallest community to
// maxSample in the largest, growing with population to the power 3/4 (so
// the mid-sized towns get more than a share in proportion to population).
const (
	minSample     = 300
	maxSample     = 1500
	minPerStratum = 40 // households, so each stratum has at least 2 clusters
	maxClusters   = 30
	urbanTake     = 55 // about this many households a town cluster
	ruralTake     = 30 // about this many a village
)

// sampleSize returns the households sampled in a community of pop
// residents.
func sampleSize(pop int) int {
	lo, hi := places[0].Pop, places[0].Pop
	for _, p := range places {
		lo, hi = min(lo, p.Pop), max(hi, p.Pop)
	}
	x := math.Pow(float64(pop-lo)/float64(hi-lo), 0.75)
	return int(math.Round((minSample+(maxSample-minSample)*x)/10)) * 10
}

// designFor allocates the sample of c to its strata in proportion to
// households, with at least minPerStratum households and 2 clusters each.
func designFor(c *community) []sim.StratumDesign {
	n := sampleSize(c.Pop)
	hu, hr := c.Households(sim.Urban), c.Households(sim.Rural)
	nr := max(minPerStratum, int(math.Round(float64(n)*float64(hr)/float64(hu+hr))))
	nu := max(minPerStratum, n-nr)
	ku := max(2, int(math.Round(float64(nu)/urbanTake)))
	kr := max(2, int(math.Round(float64(nr)/ruralTake)))
	for ku+kr > maxClusters {
		if ku > kr {
			ku--
		} else {
			kr--
		}
	}
	return []sim.StratumDesign{
		{Stratum: sim.Urban, Households: hu, Sample: nu, Clusters: ku},
		{Stratum: sim.Rural, Households: hr, Sample: nr, Clusters: kr},
	}
}

// drawSurvey samples c with the example's design and records the
// interviews.
func drawSurvey(c *community, r *rand.Rand) *survey {
	return sim.DrawSurvey(c, designFor(c), r)
}
