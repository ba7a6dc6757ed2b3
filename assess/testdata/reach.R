# Reference values for TestReachAgreesWithR (assess/reach_test.go): the
# estimates of a Kobo export with don't-know / refused answers, in
# hromada's own conventions and in REACH's (--reach, METHODS.md §1.6, §1.6b).
#
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), survey 4.1-1
# (Debian packages r-base-core and r-cran-survey).
# Run from the repository root: Rscript assess/testdata/reach.R
#
# Data: assess/testdata/reach.csv, 35 households written for this test
# (2 strata, 7 clusters, unequal weights); "needs" is a select_multiple with
# its option columns, with don't-know (dnk) and refused (pnta) ticked alone
# and together with real options; shelter_type a select_one; days_help an
# integer 0-7; school_need a yes/no question not asked in two clusters.
#
# Designs: "weighted" = svydesign(ids=~cluster, strata=~stratum,
# weights=~w, nest=TRUE); "unweighted" = svydesign(ids=~1) (each household
# its own PSU, weight 1).
#
# Modes:
#   hromada: a respondent whose only answers are dnk / pnta is missing for
#     "needs"; one who also ticked real options counts with them; the
#     options none, dnk, pnta are not services. Proportions: p and SE from
#     svymean on the domain (subset), interval svyciprop(method = "logit")
#     on the domain's answered rows (domain degrees of freedom). Means:
#     confint(svymean) with df = degf of the domain's answered rows.
#   reach: dnk / pnta are answers like any other, every option reported;
#     every interval is Wald, confint(svymean(...), df = degf(answered))
#     with the degrees of freedom of the whole design cut to the rows that
#     answered the question, in every group: analysistools::create_analysis
#     filters !is.na(question) (srvyr's filter subsets the design, as
#     survey's "[" does) and srvyr::survey_mean(vartype = "ci") takes
#     df = degf(cur_svy_full()), the filtered design before grouping
#     (srvyr R/survey_statistics.r, R/subset_svy_vars.R).
#     school_need is not asked in clusters A1 and B4: 5 PSUs − 2 strata = 3
#     degrees of freedom, where degf(design) is 5.
# n = answered domain rows with the option (for a mean, = n_total),
# n_total = answered domain rows, n_w / n_w_total their weighted counts.
library(survey)
options(digits = 15)
d <- read.csv("assess/testdata/reach.csv", sep = ";", colClasses = "character")
d$w <- as.numeric(d$w)
codes <- strsplit(d$needs, " ")
missing_codes <- c("dnk", "pnta")
asked <- d$needs != ""
real <- sapply(codes, function(cs) any(!(cs %in% missing_codes)))
d$days_help <- as.numeric(ifelse(d$days_help == "", NA, d$days_help))

designs <- list(
  weighted = function(x) svydesign(ids = ~cluster, strata = ~stratum, weights = ~w, nest = TRUE, data = x),
  unweighted = function(x) svydesign(ids = ~1, data = x)
)
groups <- list(all = rep(TRUE, nrow(d)), "idp_status=yes" = d$idp_status == "yes", "idp_status=no" = d$idp_status == "no")

out <- data.frame()
add <- function(design, mode, type, var, value, group, des, y, dom, proportion) {
  x <- des
  x$variables$y <- y
  x$variables$dom <- dom & !is.na(y)
  sub <- subset(x, dom)
  m <- svymean(~y, sub)
  p <- unname(coef(m)); se <- unname(SE(m))
  if (mode == "reach") {
    df <- degf(subset(x, !is.na(y)))
    ci <- confint(m, df = df)
  } else {
    df <- degf(sub)
    if (proportion && p > 0 && p < 1) {
      ci <- attr(svyciprop(~y, sub, method = "logit"), "ci")
    } else {
      ci <- confint(m, df = df)
    }
  }
  w <- weights(sub)
  yy <- sub$variables$y
  out <<- rbind(out, data.frame(design = design, mode = mode, analysis_type = type, analysis_var = var,
    analysis_var_value = value, group = group, stat = p, se = se, df = df,
    stat_low = unname(ci[1]), stat_upp = unname(ci[2]),
    n = if (proportion) sum(yy) else length(yy), n_total = length(yy),
    n_w = if (proportion) sum(w * yy) else sum(w), n_w_total = sum(w)))
}

for (design in names(designs)) {
  des <- designs[[design]](d)
  for (group in names(groups)) {
    dom <- groups[[group]]
    for (mode in c("hromada", "reach")) {
      opts <- if (mode == "hromada") c("day_care", "home_care", "shelter") else c("day_care", "home_care", "shelter", "none", "dnk", "pnta")
      for (o in opts) {
        y <- as.numeric(sapply(codes, function(cs) o %in% cs))
        if (mode == "hromada") y[!asked | !real] <- NA else y[!asked] <- NA
        add(design, mode, "prop_select_multiple", "needs", o, group, des, y, dom, TRUE)
      }
      for (o in c("owned", "rented", "collective")) {
        y <- ifelse(d$shelter_type == "", NA, as.numeric(d$shelter_type == o))
        add(design, mode, "prop_select_one", "shelter_type", o, group, des, y, dom, TRUE)
      }
      add(design, mode, "mean", "days_help", "", group, des, d$days_help, dom, FALSE)
      y <- ifelse(d$school_need == "", NA, as.numeric(d$school_need == "yes"))
      add(design, mode, "prop_select_one", "school_need", "yes", group, des, y, dom, TRUE)
    }
  }
}
write.csv(out, "assess/testdata/reach_ref.csv", row.names = FALSE)
