package plan

import (
	"math"
	"sort"
)

// Weights of the priority score. They are a choice of this tool, shown in
// the plan workbook beside the score, not a norm of law.
const (
	// ScaleScore turns the unmet share of demand (0..1) into points: a
	// service nobody provides, with ordinary groups and no bonus, scores
	// 100.
	ScaleScore = 100
	// BasicWeight raises the score of a basic social service, which the
	// law obliges every community to provide, by half.
	BasicWeight = 0.5
	// MinimumPackageWeight raises the score of a service of the minimum
	// package for families with children by a quarter.
	MinimumPackageWeight = 0.25
)

// Vulnerability returns the demand-weighted mean vulnerability of the
// groups that need a service:
//
//	W = Σ_g v_g · D_g / Σ_g D_g
//
// over groups whose demand D_g is known and above 0; 1 (ordinary) when
// there are none. Groups overlap, so this is a mean weight of the need,
// not a share of the union demand.
func Vulnerability(groups []GroupGap) float64 {
	var num, den float64
	for _, g := range groups {
		if math.IsNaN(g.Demand) || g.Demand <= 0 {
			continue
		}
		num += g.Vulnerability * g.Demand
		den += g.Demand
	}
	if den == 0 {
		return 1
	}
	return num / den
}

// Score is the priority score of a service:
//
//	Score = 100 · U · W · (1 + 0.5·basic + 0.25·minimum_package)
//	U     = TargetGap / Demand      (0 when Demand is 0)
//
// U is the share of demand the plan sets out to add capacity for (the
// target gap, not the gap to full demand, so a service that meets its
// target scores 0 whatever its bonuses); W is [Vulnerability]; basic and
// minimum_package are 1 or 0. The bonuses multiply rather than add so that
// they order services with a gap and never lift one without a gap.
func Score(targetGap, demand, w float64, basic, minimumPackage bool) float64 {
	if !(demand > 0) {
		return 0
	}
	m := 1.0
	if basic {
		m += BasicWeight
	}
	if minimumPackage {
		m += MinimumPackageWeight
	}
	return ScaleScore * targetGap / demand * w * m
}

// rank orders services and numbers them 1 … n.
//
// By score: higher score first; at equal score a service that needs more
// data before one with a demand (its need may be large: a person should
// look at it before at a service that meets its target); then by
// classifier code.
//
// The planner's rank (Input.Rank) wins: a ranked service takes the place
// it was given and the others fill the remaining places in score order.
// Two services given the same place keep their score order; a place past
// the end puts the service last. Rank then renumbers the places 1 … n.
func rank(services []ServicePlan, override map[string]int) {
	byScore := func(a, b ServicePlan) bool {
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Known != b.Known {
			return !a.Known
		}
		return a.Service.Code < b.Service.Code
	}
	var free, fixed []ServicePlan
	for _, sp := range services {
		if _, ok := override[sp.Service.Code]; ok {
			sp.Overridden = true
			sp.Reasons = append(sp.Reasons, ReasonPlannerRank)
			fixed = append(fixed, sp)
		} else {
			free = append(free, sp)
		}
	}
	sort.SliceStable(free, func(i, j int) bool { return byScore(free[i], free[j]) })
	sort.SliceStable(fixed, func(i, j int) bool {
		ri, rj := override[fixed[i].Service.Code], override[fixed[j].Service.Code]
		if ri != rj {
			return ri < rj
		}
		return byScore(fixed[i], fixed[j])
	})
	out := services[:0]
	for place := 1; len(free)+len(fixed) > 0; place++ {
		if len(fixed) > 0 && (override[fixed[0].Service.Code] <= place || len(free) == 0) {
			out = append(out, fixed[0])
			fixed = fixed[1:]
		} else {
			out = append(out, free[0])
			free = free[1:]
		}
	}
	for i := range out {
		out[i].Rank = i + 1
	}
}
