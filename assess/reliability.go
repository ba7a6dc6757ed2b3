package assess

import "math"

// Verdict says whether an estimate may be published. A suppressed estimate
// is replaced in tables by a note naming its Reasons, never by a blank.
type Verdict struct {
	Suppress bool   `json:"suppress"` // do not publish the value
	Review   bool   `json:"review"`   // publish, flagged for statistical review
	Reasons  []Flag `json:"reasons"`  // why, in a fixed order; suppression reasons first
}

// DefaultMinCount is the fewest respondents behind an estimate that
// Analyse publishes (METHODS.md §1.4, a choice).
const DefaultMinCount = 5

// Reliability applies the NCHS data presentation standards (METHODS.md
// §1.4) to an estimate and its interval.
//
// Every estimate is suppressed when nobody in the domain answered
// (FlagNoData), there are no degrees of freedom (FlagNoDF) or no variance
// (FlagNoSE), and when no respondent has the need (FlagNotObserved): that
// is "not observed", never "no need" (in a group of fewer than minCount
// respondents, also a small cell, which Hide publishes as such).
//
// A proportion is also suppressed when
//   - it is a small cell (SmallCell: fewer than minCount respondents, or
//     1 to minCount−1 of them with the need, or 1 to minCount−1 without
//     it; FlagSmallCount; minCount ≤ 0 turns the rule off);
//   - its effective sample size is below 30 (FlagNEffLow);
//   - its interval is 0.30 wide or wider (FlagWideCI);
//   - its interval is wider than 0.05 and its width relative to p exceeds
//     1.30 (FlagWideRelativeCI; not applied when p = 0).
//
// A mean, total or ratio (clients per family, demand in people) is also
// suppressed when fewer than minCount households have the need, y ≠ 0
// (FlagSmallCount), or its relative standard error SE/|value| exceeds
// 0.30 (FlagHighRSE).
//
// Any estimate is flagged for review when df < 8 (FlagDFLow) or a stratum
// with a single PSU entered its variance (FlagLonelyPSU); a proportion
// also when p is 0 or 1 (FlagP0or1).
func Reliability(e Estimate, iv Interval, minCount int) Verdict {
	var v Verdict
	suppress := func(f Flag) { v.Suppress = true; v.Reasons = append(v.Reasons, f) }
	review := func(f Flag) { v.Review = true; v.Reasons = append(v.Reasons, f) }

	hasFlag := func(f Flag) bool {
		for _, g := range iv.Flags {
			if g == f {
				return true
			}
		}
		return false
	}
	switch {
	case e.N == 0 || math.IsNaN(e.Value) || hasFlag(FlagNoData):
		suppress(FlagNoData)
	case e.DF <= 0 || hasFlag(FlagNoDF):
		suppress(FlagNoDF)
	case math.IsNaN(e.SE) || hasFlag(FlagNoSE):
		suppress(FlagNoSE)
	}
	unusable := v.Suppress
	positives := e.NPos
	if e.Kind == KindProportion {
		positives = e.NYes
	}
	if e.N > 0 && positives == 0 && !math.IsNaN(e.Value) {
		suppress(FlagNotObserved)
	}
	if minCount > 0 && SmallCell(e, minCount) {
		suppress(FlagSmallCount)
	}
	noInterval := math.IsNaN(iv.Low) || math.IsNaN(iv.High)
	if e.Kind == KindProportion && !unusable {
		if e.NEff < 30 {
			suppress(FlagNEffLow)
		}
		if !noInterval {
			width := iv.High - iv.Low
			if width >= 0.30 {
				suppress(FlagWideCI)
			}
			if width > 0.05 && e.Value > 0 && width/e.Value > 1.30 {
				suppress(FlagWideRelativeCI)
			}
		}
	}
	if e.Kind != KindProportion && !unusable && e.Value != 0 && e.SE/math.Abs(e.Value) > 0.30 {
		suppress(FlagHighRSE)
	}
	if e.DF > 0 && e.DF < 8 {
		review(FlagDFLow)
	}
	if e.Kind == KindProportion && (e.Value == 0 || e.Value == 1) {
		review(FlagP0or1)
	}
	if len(e.LonelyStrata) > 0 {
		review(FlagLonelyPSU)
	}
	return v
}

// SmallCell reports whether an estimate would reveal fewer than minCount
// respondents (METHODS.md §1.4, the privacy rule):
//
//   - a proportion whose group has fewer than minCount respondents
//     (N < minCount), or whose numerator — the respondents with the need,
//     NYes — is 1 to minCount−1, or whose complement N − NYes — those
//     without it — is 1 to minCount−1: the complement is the other cell of
//     the same yes/no table, and "all but 3 households need it" names those
//     3 households as surely as "3 households need it";
//   - a mean, total or ratio with fewer than minCount households with the
//     need (NPos < minCount, including 0).
//
// A numerator of 0 is "not observed" (FlagNotObserved), not a small cell,
// and so is a complement of 0 (p = 1, flagged for review): neither count
// names a household that a reader could tell from the others.
// minCount ≤ 0 is never small.
func SmallCell(e Estimate, minCount int) bool {
	if minCount <= 0 {
		return false
	}
	if e.Kind != KindProportion {
		return e.NPos < minCount
	}
	few := func(n int) bool { return n > 0 && n < minCount }
	return e.N < minCount || few(e.NYes) || few(e.N-e.NYes)
}
