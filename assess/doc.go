// Package assess estimates, from a household survey, how many families,
// children or persons of a community need each social service: design-based
// need rates per population group, their confidence intervals and
// reliability, and the demand they imply. It follows METHODS.md §1 and
// gives the numbers of R's survey package (Taylor linearisation,
// with-replacement PSUs), as used by REACH/IMPACT analysistools.
//
// It is pure computation: columns in, values and an error out. It reads no
// file and prints nothing.
//
// # The common case
//
// Read the needed columns into slices, describe the design, and call
// [Analyse]:
//
//	d, err := assess.NewDesign(assess.DesignSpec{
//		Weight:  w,       // nil: every row weight 1
//		Strata:  stratum, // nil: one stratum
//		Cluster: village, // nil: each household its own PSU
//	})
//	res, err := assess.Analyse(assess.Survey{
//		Design:   d,
//		Groups:   []assess.Membership{{Group: "idp", Member: isIDP}},
//		Needs:    []assess.Need{{Service: "day_care", Y: needsDayCare}},
//		Children: nChildren,
//	}, assess.Options{
//		Units:  map[string]hromada.Unit{"day_care": hromada.Child},
//		Counts: map[string]assess.Count{"idp": {Value: 1200, Unit: hromada.Family}},
//	})
//
// [Result] holds one [Rate] per group and service (the rows of an
// analysistools results table, ready for JSON), one [Demand] per group and
// service, the unduplicated demand of the union of the groups per service,
// and warnings for the user.
//
// # Estimates
//
// [Design.Mean], [Design.Total] and [Design.Ratio] estimate over a domain
// (a group): rows outside it contribute zero, and the variance still sums
// over every PSU of the design, so a group is never cut out of the sample
// first. A NaN answer takes its row out of that estimate's domain only.
// Each returns an [Estimate] with its standard error, degrees of freedom,
// design effect and, for proportions, effective sample size:
//
//	p   = Σ_{i∈d} w y / Σ_{i∈d} w
//	z_i = 1{i∈d} w_i (y_i − p) / Σ_{i∈d} w
//	Z_hc = Σ_{i∈PSU c of stratum h} z_i
//	V   = Σ_h f_h · n_h/(n_h − 1) · Σ_c (Z_hc − Z̄_h)²
//	df  = PSUs with an answered domain member − strata with one
//
// with f_h = 1, or (N_h − n_h)/N_h with a finite population correction.
// Strata with a single PSU follow [LonelyPSU] (default "adjust").
//
// [CI] gives the interval of an estimate: logit (default), Wald, Wilson or
// Korn–Graubard (beta), with the degenerate cases of METHODS.md §1.3.
// [Reliability] applies the NCHS presentation standards: it says whether to
// suppress a proportion or flag it for review, and why.
//
// # From rates to people
//
// A group's demand is its count N_g times its rate: the registry count of
// the group when [Options] has one (Annex 1), otherwise the survey's own
// weighted count of the group, labelled [BasisSurvey]. A service counted in
// children or persons converts with a ratio estimator (see [Demand]).
// Groups overlap, so the demand across groups is estimated on their union
// as one domain, never by adding the groups' demands.
//
// # Choices
//
//   - Rows of weight 0 are outside every estimate (as in R's degf) but
//     their PSUs count among the n_h PSUs of their stratum (as in R's
//     variance). N, the respondents, counts rows of positive weight only;
//     R's svyciprop(method = "beta") counts every row of the domain.
//   - The design effect is NaN when the weights sum to no more than the
//     respondents (normalised or absent weights), where R gives NA or Inf.
//   - For p = 0 or 1 every interval method gives the Korn–Graubard bound on
//     n* = N·(t_{N−1}/t_df)², and NEff is N (NCHS).
//   - analysis_key follows analysistools' own format,
//     "prop_select_multiple @/@ needs %/% day_care @/@ idp_status %/% no"
//     ("NA %/% NA" for the whole sample), so that its companion tools can
//     split it; a yes/no need of 1 and a member of a group without a
//     column value are written "yes".
//   - Intervals use the domain's degrees of freedom (R svyciprop on a
//     subset); Options.DesignDF those of the design cut to the answered
//     rows, the same for every group, as srvyr's survey_mean and so
//     REACH's analysistools do.
//
// All functions are safe for concurrent use; a [Design] is immutable.
package assess
