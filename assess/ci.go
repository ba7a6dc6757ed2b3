package assess

import (
	"math"

	"github.com/hromada-tool/hromada"
	"gonum.org/v1/gonum/stat/distuv"
)

// CIMethod is the method of a confidence interval for a proportion.
type CIMethod string

// Confidence interval methods (METHODS.md §1.3). Every one uses the
// t quantile t = t_{df, 1−α/2} with the estimate's degrees of freedom.
const (
	// Logit is expit(logit(p) ± t·SE/(p(1−p))), R svyciprop method
	// "logit". The default.
	Logit CIMethod = "logit"
	// Wald is p ± t·SE, R confint(svymean(...), df = degf(design)). It may
	// leave [0, 1].
	Wald CIMethod = "wald"
	// Wilson is the Wilson score interval on the effective sample size
	// n* = p(1−p)/V:
	// [p + t²/2n* ∓ (t/2n*)·√(4n*p(1−p) + t²)] / (1 + t²/n*).
	Wilson CIMethod = "wilson"
	// Beta is the Korn–Graubard interval, R svyciprop method "beta":
	// n* = p(1−p)/V · (t_{n−1}/t_df)², L = Beta⁻¹(α/2; n*p, n*(1−p)+1),
	// U = Beta⁻¹(1−α/2; n*p+1, n*(1−p)).
	Beta CIMethod = "beta"
)

// ParseCIMethod returns the method named s; "" is Logit. It accepts
// "korn-graubard" for Beta and "mean" (R's name) for Wald.
func ParseCIMethod(s string) (CIMethod, error) {
	switch s {
	case "", "logit":
		return Logit, nil
	case "wald", "mean":
		return Wald, nil
	case "wilson":
		return Wilson, nil
	case "beta", "korn-graubard":
		return Beta, nil
	}
	return "", hromada.Errorf("метод довірчого інтервалу «%s» невідомий; можливі: logit, wald, wilson, beta", "confidence interval method %q is not known; allowed: logit, wald, wilson, beta", s)
}

// Flag is a short code that marks an estimate, an interval or a verdict.
// The codes are stable: tables and JSON carry them.
type Flag string

// Flags.
const (
	FlagNoData         Flag = "no_data"          // no domain member answered
	FlagNoDF           Flag = "no_df"            // df ≤ 0: no interval
	FlagNoSE           Flag = "no_se"            // the variance cannot be estimated
	FlagP0or1          Flag = "p_0_or_1"         // p is 0 or 1: one-sided Korn–Graubard bound
	FlagDFLow          Flag = "df_lt_8"          // fewer than 8 degrees of freedom
	FlagNEffLow        Flag = "neff_lt_30"       // effective sample size below 30
	FlagWideCI         Flag = "wide_ci"          // interval width ≥ 0.30
	FlagWideRelativeCI Flag = "wide_relative_ci" // width/p > 1.30 and width > 0.05
	FlagSmallCount     Flag = "small_count"      // fewer respondents than the minimum count
	FlagLonelyPSU      Flag = "lonely_psu"       // a stratum with a single PSU entered the variance
	FlagHighRSE        Flag = "high_rse"         // not a proportion, and SE/|value| > 0.30
	FlagNotObserved    Flag = "not_observed"     // no respondent has the need: not observed, not 0
	FlagComplementary  Flag = "complementary"    // suppressed so that a small cell of its partition cannot be recovered by subtraction
)

// Interval is a confidence interval. Low and High are NaN when there is no
// interval; Flags say why, or what was special about it.
type Interval struct {
	Low, High float64
	Flags     []Flag
}

// CI returns the confidence interval of e at the level (0.95 when 0) by
// method m ("" is Logit).
//
// Proportions take any method. Other kinds (means, totals, ratios) take
// only Wald, a t interval; any other method is an error for them.
//
// Degenerate cases, for every method (METHODS.md §1.3):
//   - no answers: NaN bounds, FlagNoData;
//   - df ≤ 0: NaN bounds, FlagNoDF;
//   - SE not a number (every stratum lonely under LonelyAverage): NaN
//     bounds, FlagNoSE;
//   - p = 0 or 1: the Korn–Graubard bound on n* = N·(t_{N−1}/t_df)² —
//     [0, Beta⁻¹(1−α/2; 1, n*)] or [Beta⁻¹(α/2; n*, 1), 1] — with FlagP0or1;
//   - SE = 0 with 0 < p < 1 (take-all strata): [p, p].
//
// The error is non-nil for an unknown method, a level outside (0, 1), or a
// method other than Wald for an estimate that is not a proportion.
func CI(e Estimate, m CIMethod, level float64) (Interval, error) {
	if level == 0 {
		level = 0.95
	}
	if !(level > 0 && level < 1) {
		return Interval{}, hromada.Errorf("рівень довіри %v — не між 0 і 1", "confidence level %v is not between 0 and 1", hromada.Number(level, 6))
	}
	if m == "" {
		m = Logit
	}
	switch m {
	case Logit, Wald, Wilson, Beta:
	default:
		return Interval{}, hromada.Errorf("метод довірчого інтервалу «%s» невідомий; можливі: logit, wald, wilson, beta", "confidence interval method %q is not known; allowed: logit, wald, wilson, beta", m)
	}
	if e.Kind != KindProportion && m != Wald {
		return Interval{}, hromada.Errorf("інтервал %s потребує частки; для %s беріть wald", "a %s interval needs a proportion; use wald for a %s", m, e.Kind)
	}
	nan := math.NaN()
	none := func(f Flag) (Interval, error) { return Interval{Low: nan, High: nan, Flags: []Flag{f}}, nil }
	p, se := e.Value, e.SE
	switch {
	case math.IsNaN(p) || e.N == 0:
		return none(FlagNoData)
	case e.DF <= 0:
		return none(FlagNoDF)
	case math.IsNaN(se):
		return none(FlagNoSE)
	}
	alpha := 1 - level
	t := tQuantile(1-alpha/2, float64(e.DF))
	if e.Kind == KindProportion {
		if p == 0 || p == 1 {
			n := float64(e.N)
			if e.N > 1 {
				r := tQuantile(1-alpha/2, n-1) / t
				n *= r * r
			}
			if p == 0 {
				return Interval{Low: 0, High: distuv.Beta{Alpha: 1, Beta: n}.Quantile(1 - alpha/2), Flags: []Flag{FlagP0or1}}, nil
			}
			return Interval{Low: distuv.Beta{Alpha: n, Beta: 1}.Quantile(alpha / 2), High: 1, Flags: []Flag{FlagP0or1}}, nil
		}
		if se == 0 {
			return Interval{Low: p, High: p}, nil
		}
	}
	switch m {
	case Wald:
		return Interval{Low: p - t*se, High: p + t*se}, nil
	case Logit:
		l := math.Log(p / (1 - p))
		h := t * se / (p * (1 - p))
		return Interval{Low: expit(l - h), High: expit(l + h)}, nil
	case Wilson:
		ns := p * (1 - p) / (se * se)
		t2 := t * t
		c := p + t2/(2*ns)
		r := t / (2 * ns) * math.Sqrt(4*ns*p*(1-p)+t2)
		den := 1 + t2/ns
		return Interval{Low: (c - r) / den, High: (c + r) / den}, nil
	default: // Beta
		ns := p * (1 - p) / (se * se)
		if e.N > 1 {
			r := tQuantile(1-alpha/2, float64(e.N-1)) / t
			ns *= r * r
		}
		return Interval{
			Low:  distuv.Beta{Alpha: ns * p, Beta: ns*(1-p) + 1}.Quantile(alpha / 2),
			High: distuv.Beta{Alpha: ns*p + 1, Beta: ns * (1 - p)}.Quantile(1 - alpha/2),
		}, nil
	}
}

func expit(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func tQuantile(p, df float64) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(p)
}
