package assess

import (
	"math"
	"slices"
)

// suppressing are the flags that suppress an estimate; the others (df < 8,
// p of 0 or 1, a lonely PSU) only ask for review.
var suppressing = []Flag{FlagNoData, FlagNoDF, FlagNoSE, FlagNotObserved, FlagSmallCount, FlagNEffLow,
	FlagWideCI, FlagWideRelativeCI, FlagHighRSE, FlagComplementary}

// Hide returns a suppressed row as published output shows it (METHODS.md
// §1.4, the privacy rule): no estimate, bounds, standard error, design
// effect, degrees of freedom, counts or weighted counts — whatever the
// reason, so that a small cell cannot be told from any other suppressed
// one — and, as flags and reasons, only the reasons it is suppressed for:
// a review flag such as p_0_or_1 would say the hidden share is 0 or 100 %,
// and not_observed that it is 0.
// Its JSON writes the hidden numbers as null (Hidden).
//
// A row not suppressed, or not observed (published as "not observed" with
// its upper bound: nobody has the need, a count that names no household),
// is returned as it is — unless its group is itself a small cell, fewer
// than minCount respondents (minCount ≤ 0: no such rule): "none of these 3
// households needs it" names them, so it is hidden like any other, and no
// longer says it is not observed.
func Hide(r Rate, minCount int) Rate {
	if !r.Verdict.Suppress || r.NotObserved && !(minCount > 0 && r.NTotal < minCount) {
		return r
	}
	nan := math.NaN()
	r.Stat, r.StatLow, r.StatUpp, r.SE, r.Deff, r.NEff = nan, nan, nan, nan, nan, nan
	r.NW, r.NWTotal, r.NWDomain, r.UpperBound = nan, nan, nan, nan
	r.N, r.NTotal, r.NDomain, r.DF = 0, 0, 0, 0
	keep := func(fs []Flag) []Flag {
		out := []Flag{}
		for _, f := range fs {
			if f != FlagNotObserved && slices.Contains(suppressing, f) {
				out = append(out, f)
			}
		}
		return out
	}
	r.Flags = keep(r.Flags)
	r.Verdict = Verdict{Suppress: true, Reasons: keep(r.Verdict.Reasons)}
	r.Hidden, r.NotObserved = true, false
	return r
}

// hiddenFields are the JSON fields a Hidden row writes as null.
var hiddenFields = []string{"stat", "stat_low", "stat_upp", "n", "n_total", "n_w", "n_w_total",
	"se", "df", "deff", "n_eff", "upper_bound", "n_domain", "n_w_domain"}

// HideDemand returns a demand as published output shows it: its rate
// hidden (Hide) and, when that hides it, no longer "not observed". The
// people it counts are left to the caller, who shows a note instead.
func HideDemand(d Demand, minCount int) Demand {
	d.Rate = Hide(d.Rate, minCount)
	if d.Rate.Hidden {
		d.NotObserved, d.ShareUpp = false, math.NaN()
	}
	return d
}
