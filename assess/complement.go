package assess

import "slices"

// Complementary suppression (METHODS.md §1.4, the privacy rule). When the
// groups of a partition — disjoint groups that together hold every
// household, such as the values of one column — are all published but one
// that is suppressed as a small cell, the suppressed one is "all" minus
// the others. The published group of the partition with the fewest
// respondents is then suppressed too (FlagComplementary), as statistical
// offices do, so that no subtraction recovers the small cell.

// partitions returns the partitions among the survey's groups, as indices
// into doms (doms[0] is AllGroup, doms[k] the survey's group k−1): the
// groups of one column (Membership.Var), and all the groups together,
// when they are disjoint and cover every household of positive weight.
func (a *analysis) partitions(doms []domainDef) [][]int {
	var cands [][]int
	byVar := map[string][]int{}
	var vars []string
	var every []int
	for k := 1; k < len(doms); k++ {
		every = append(every, k)
		if v := a.s.Groups[k-1].Var; v != "" {
			if byVar[v] == nil {
				vars = append(vars, v)
			}
			byVar[v] = append(byVar[v], k)
		}
	}
	for _, v := range vars {
		cands = append(cands, byVar[v])
	}
	cands = append(cands, every)
	var out [][]int
	for _, c := range cands {
		if len(c) < 2 || slices.ContainsFunc(out, func(p []int) bool { return slices.Equal(p, c) }) {
			continue
		}
		if a.partitionOfAll(doms, c) {
			out = append(out, c)
		}
	}
	return out
}

// partitionOfAll reports whether the groups ks hold every household of
// positive weight exactly once.
func (a *analysis) partitionOfAll(doms []domainDef, ks []int) bool {
	for i := 0; i < a.d.n; i++ {
		if a.d.w != nil && a.d.w[i] <= 0 {
			continue
		}
		in := 0
		for _, k := range ks {
			if doms[k].member[i] {
				in++
			}
		}
		if in != 1 {
			return false
		}
	}
	return true
}

// complement applies complementary suppression to the rows of each need
// in every partition, in rates and in demand; rows are indexed
// k·needs + j as Result.Rates is.
func complement(res *Result, needs int, parts [][]int) {
	if len(parts) == 0 {
		return
	}
	for j := 0; j < needs; j++ {
		rates := make([]*Rate, 0)
		for k := 0; k*needs+j < len(res.Rates); k++ {
			rates = append(rates, &res.Rates[k*needs+j])
		}
		protect(rates, parts)
		dems := make([]*Rate, 0)
		for k := 0; k*needs+j < len(res.Demand); k++ {
			dems = append(dems, &res.Demand[k*needs+j].Rate)
		}
		protect(dems, parts)
	}
}

// protect suppresses, in each partition whose only suppressed row is a
// small cell, the published row with the fewest respondents; it repeats
// until no partition changes, since one row may be in two partitions.
func protect(rows []*Rate, parts [][]int) {
	for changed := true; changed; {
		changed = false
		for _, p := range parts {
			var hidden, small int
			best := -1
			for _, k := range p {
				r := rows[k]
				switch {
				case r.NotObserved:
					// Published as "not observed": its count, 0, is known.
				case r.Verdict.Suppress:
					hidden++
					if slices.Contains(r.Verdict.Reasons, FlagSmallCount) {
						small++
					}
				case best < 0 || r.NTotal < rows[best].NTotal:
					best = k
				}
			}
			if hidden != 1 || small != 1 {
				continue
			}
			switch {
			case best >= 0:
				suppressComplementary(rows[best])
			case !rows[0].Verdict.Suppress:
				// Every other group is not observed: "all" is the small
				// cell itself.
				suppressComplementary(rows[0])
			default:
				continue
			}
			changed = true
		}
	}
}

// suppressComplementary hides a published row to protect a small cell,
// naming the reason first.
func suppressComplementary(r *Rate) {
	r.Verdict.Suppress = true
	r.Verdict.Reasons = append([]Flag{FlagComplementary}, r.Verdict.Reasons...)
	r.Flags = append([]Flag{FlagComplementary}, r.Flags...)
}
