# Reference values for package assess, computed with R survey.
#
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), survey 4.1-1
# (Debian packages r-base-core and r-cran-survey).
#
# Run from this folder:   Rscript reference.R
# It writes the data sets districts.csv, village.csv, lonely.csv and the
# expected values reference.csv (case, stat, value). The Go tests read these
# files and do not need R.
#
# Designs
#   districts  3 strata with 6, 3 and 2 PSUs of 3-8 households, finite
#              population correction (PSUs in the population: north 40,
#              centre 12, south 9), one PSU of north whose two households
#              have weight 0, unequal weights, answers missing (NA).
#              variant "fpc": svydesign(ids=~cluster, strata=~stratum,
#                 weights=~w, fpc=~N_h, nest=TRUE)
#              variant "nofpc": the same without fpc.
#   village    40 households, no strata or clusters.
#              variant "weights": svydesign(ids=~1, weights=~w)
#              variant "noweights": svydesign(ids=~1)
#   lonely     4 strata with 3, 1, 2 and 1 PSUs;
#              variants "adjust", "remove", "average": options(survey.lonely.psu=...)
#
# Conventions that follow hromada (METHODS.md §1.2) and that the R calls
# below reproduce:
#   - a domain is estimated on the full design: subset() keeps the PSU
#     counts n_h of the whole design;
#   - a missing answer takes the row out of the domain: every domain is
#     subset(design, <domain> & !is.na(<variables>));
#   - a row of weight 0 is outside every estimate: every domain also has
#     w > 0 (this only matters for nrow(design), the n of svyciprop "beta").
#
# Intervals: logit and beta are svyciprop(method = "logit" / "beta"); wald is
# confint(svymean(...), df = degf(design)); survey has no Wilson interval, so
# wilson is the METHODS.md §1.3 formula coded here on svymean's SE. Also
# coded here from METHODS.md, because svyciprop gives NaN at p = 0 or 1 and
# has no ratio: the Korn-Graubard bound for p = 0 (kg0_upp) or p = 1
# (kg1_low) on n* = n (t_{n-1}/t_df)^2 with n the respondents, and the logit
# interval of a ratio. Totals under lonely.psu = "adjust" are the METHODS.md
# §1.2 formula coded here (adjust_total): survey 4.1 centres a lonely PSU on
# 0, survey >= 4.2 and METHODS.md on the mean of all PSU totals; for means
# and ratios the two agree because their influence values sum to zero.

suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")

out <- data.frame(case = character(), stat = character(), value = character())
put <- function(case, stat, value) {
  out[nrow(out) + 1, ] <<- list(case, stat, format(value, digits = 15))
}
level <- 0.95

# ---------------------------------------------------------------- data sets
set.seed(20261122)
mk_districts <- function() {
  psus <- data.frame(
    stratum = c(rep("north", 6), rep("centre", 3), rep("south", 2)),
    cluster = c("n1", "n2", "n3", "n4", "n5", "n6", "c1", "c2", "c3", "s1", "s2"),
    size = c(5, 7, 3, 6, 2, 8, 4, 6, 5, 7, 4),
    base = c(30, 42, 25, 36, 0, 50, 20, 24, 18, 55, 40)
  )
  rows <- psus[rep(seq_len(nrow(psus)), psus$size), ]
  n <- nrow(rows)
  w <- round(rows$base * (0.8 + 0.4 * runif(n)), 2)
  idp <- runif(n) < 0.35
  lowinc <- runif(n) < 0.4
  children <- sample(0:4, n, replace = TRUE, prob = c(.3, .25, .25, .12, .08))
  persons <- children + sample(1:3, n, replace = TRUE)
  y1 <- as.integer(runif(n) < 0.2 + 0.3 * idp + 0.2 * lowinc)
  y2 <- as.integer(runif(n) < 0.15 + 0.1 * idp)
  hours <- round(rgamma(n, shape = 2, rate = 0.25), 1)
  y1[sample(n, 5)] <- NA
  children[sample(n, 2)] <- NA
  hours[sample(n, 3)] <- NA
  N_h <- c(north = 40, centre = 12, south = 9)[rows$stratum]
  data.frame(
    hh = seq_len(n), stratum = rows$stratum, cluster = rows$cluster, w = w,
    N_h = N_h, idp = ifelse(idp, "yes", "no"), lowinc = ifelse(lowinc, "yes", "no"),
    children = children, persons = persons, y1 = y1, y2 = y2, hours = hours
  )
}
districts <- mk_districts()

mk_village <- function() {
  n <- 40
  w <- round(15 + 30 * runif(n), 2)
  disab <- seq_len(n) %% 8 == 0 # 5 households, none needing (p = 0)
  roma <- seq_len(n) %% 5 == 1 # 8 households, some not answering
  y <- as.integer(runif(n) < 0.35)
  y[disab] <- 0L
  y[which(roma)[c(2, 5, 7)]] <- NA
  y[c(12, 27)] <- NA
  data.frame(
    hh = seq_len(n), w = w, disab = ifelse(disab, "yes", "no"),
    roma = ifelse(roma, "yes", "no"), y = y
  )
}
village <- mk_village()

mk_lonely <- function() {
  psus <- data.frame(
    stratum = c("s1", "s1", "s1", "s2", "s3", "s3", "s4"),
    cluster = c("a", "b", "c", "a", "a", "b", "a"),
    size = c(4, 5, 3, 6, 4, 4, 5)
  )
  rows <- psus[rep(seq_len(nrow(psus)), psus$size), ]
  n <- nrow(rows)
  w <- round(10 + 20 * runif(n), 2)
  y <- as.integer(runif(n) < 0.4)
  x <- sample(1:5, n, replace = TRUE)
  # grp reaches s1, s2 and s3 but not the lonely s4
  grp <- rows$stratum != "s4" & runif(n) < 0.6
  data.frame(
    hh = seq_len(n), stratum = rows$stratum, cluster = rows$cluster, w = w,
    grp = ifelse(grp, "yes", "no"), y = y, x = x
  )
}
lonely <- mk_lonely()

write.csv(districts, "districts.csv", row.names = FALSE, na = "NA")
write.csv(village, "village.csv", row.names = FALSE, na = "NA")
write.csv(lonely, "lonely.csv", row.names = FALSE, na = "NA")

# ---------------------------------------------------------------- helpers
wilson <- function(p, se, df) {
  t <- qt(1 - (1 - level) / 2, df)
  ns <- p * (1 - p) / se^2
  c <- p + t^2 / (2 * ns)
  r <- t / (2 * ns) * sqrt(4 * ns * p * (1 - p) + t^2)
  as.vector(c(c - r, c + r) / (1 + t^2 / ns))
}
logit_ci <- function(p, se, df) {
  t <- qt(1 - (1 - level) / 2, df)
  h <- t * se / (p * (1 - p))
  plogis(qlogis(p) + c(-h, h))
}

# domain expression over the data: "all", "a", "!a", "a|b", "a&b"
dom_of <- function(data, expr) {
  if (expr == "all") {
    return(rep(TRUE, nrow(data)))
  }
  if (grepl("\\|", expr)) {
    p <- strsplit(expr, "\\|")[[1]]
    return(dom_of(data, p[1]) | dom_of(data, p[2]))
  }
  if (grepl("&", expr)) {
    p <- strsplit(expr, "&")[[1]]
    return(dom_of(data, p[1]) & dom_of(data, p[2]))
  }
  if (startsWith(expr, "!")) {
    return(!dom_of(data, substring(expr, 2)))
  }
  data[[expr]] == "yes"
}

# variable expression: "y1" or "children*y1"
var_of <- function(data, expr) {
  p <- strsplit(expr, "\\*")[[1]]
  v <- data[[p[1]]]
  if (length(p) > 1) v <- v * data[[p[2]]]
  v
}

domain_design <- function(des, data, dom, vars) {
  keep <- dom_of(data, dom) & data$w > 0
  for (v in vars) keep <- keep & !is.na(var_of(data, v))
  des$variables$.keep <- keep
  subset(des, .keep)
}

ref_mean <- function(name, des, data, var, dom, cis = TRUE) {
  case <- paste(name, "mean", var, dom, sep = ";")
  data$.v <- var_of(data, var)
  des$variables$.v <- data$.v
  sub <- domain_design(des, data, dom, var)
  m <- svymean(~.v, sub, deff = TRUE)
  p <- unname(coef(m))
  se <- as.vector(SE(m))
  df <- degf(sub)
  put(case, "value", p)
  put(case, "se", se)
  put(case, "df", df)
  d <- unname(deff(m))
  put(case, "deff", if (is.finite(d)) d else NaN)
  put(case, "n", sum(weights(sub) > 0))
  put(case, "n_w", sum(weights(sub)))
  w <- confint(m, df = df, level = level)
  put(case, "wald_low", w[1])
  put(case, "wald_upp", w[2])
  if (cis && p > 0 && p < 1) {
    l <- attr(svyciprop(~.v, sub, method = "logit", level = level), "ci")
    b <- attr(svyciprop(~.v, sub, method = "beta", level = level), "ci")
    wi <- wilson(p, se, df)
    put(case, "logit_low", l[1])
    put(case, "logit_upp", l[2])
    put(case, "beta_low", b[1])
    put(case, "beta_upp", b[2])
    put(case, "wilson_low", wi[1])
    put(case, "wilson_upp", wi[2])
  }
  if (cis && (p == 0 || p == 1)) {
    n <- sum(weights(sub) > 0)
    ns <- n * (qt(1 - (1 - level) / 2, n - 1) / qt(1 - (1 - level) / 2, df))^2
    if (p == 0) put(case, "kg0_upp", qbeta(1 - (1 - level) / 2, 1, ns))
    if (p == 1) put(case, "kg1_low", qbeta((1 - level) / 2, ns, 1))
  }
}

ref_total <- function(name, des, data, var, dom) {
  case <- paste(name, "total", var, dom, sep = ";")
  des$variables$.v <- var_of(data, var)
  sub <- domain_design(des, data, dom, var)
  m <- svytotal(~.v, sub, deff = TRUE)
  put(case, "value", coef(m))
  put(case, "se", SE(m))
  put(case, "df", degf(sub))
  d <- unname(deff(m))
  put(case, "deff", if (is.finite(d)) d else NaN)
}

ref_ratio <- function(name, des, data, num, den, dom, logit = FALSE) {
  case <- paste(name, "ratio", paste0(num, "/", den), dom, sep = ";")
  des$variables$.n <- var_of(data, num)
  des$variables$.d <- var_of(data, den)
  sub <- domain_design(des, data, dom, c(num, den))
  r <- svyratio(~.n, ~.d, sub, deff = TRUE)
  v <- unname(coef(r))
  se <- as.vector(SE(r))
  put(case, "value", v)
  put(case, "se", se)
  put(case, "df", degf(sub))
  d <- unname(deff(r))
  put(case, "deff", if (is.finite(d)) d else NaN)
  put(case, "n", sum(weights(sub) > 0))
  if (logit) {
    l <- logit_ci(v, se, degf(sub))
    put(case, "logit_low", l[1])
    put(case, "logit_upp", l[2])
  }
}

# METHODS.md §1.2 variance of a domain total under lonely.psu = "adjust",
# coded directly: a lonely PSU is centred on the sum of the domain's PSU
# totals over the PSUs of the strata the domain reaches.
adjust_total <- function(name, data, var, dom) {
  case <- paste(name, "total", var, dom, sep = ";")
  keep <- dom_of(data, dom) & data$w > 0 & !is.na(data[[var]])
  z <- ifelse(keep, data$w * data[[var]], 0)
  psu <- paste(data$stratum, data$cluster)
  Z <- tapply(z, psu, sum)
  st <- tapply(data$stratum, psu, function(s) s[1])
  nh <- table(st)
  present <- unique(data$stratum[keep])
  G <- sum(z) / sum(nh[present])
  V <- 0
  for (h in present) {
    Zh <- Z[st == h]
    if (nh[h] == 1) {
      V <- V + (Zh - G)^2
    } else {
      V <- V + nh[h] / (nh[h] - 1) * sum((Zh - mean(Zh))^2)
    }
  }
  put(case, "value", sum(z))
  put(case, "se", sqrt(unname(V)))
}

# ---------------------------------------------------------------- districts
for (variant in c("fpc", "nofpc")) {
  des <- if (variant == "fpc") {
    svydesign(ids = ~cluster, strata = ~stratum, weights = ~w, fpc = ~N_h, nest = TRUE, data = districts)
  } else {
    svydesign(ids = ~cluster, strata = ~stratum, weights = ~w, nest = TRUE, data = districts)
  }
  name <- paste0("districts/", variant)
  for (dom in c("all", "idp", "!idp", "lowinc", "idp|lowinc", "idp&lowinc")) {
    ref_mean(name, des, districts, "y1", dom)
    ref_mean(name, des, districts, "y2", dom)
  }
  ref_mean(name, des, districts, "hours", "all", cis = FALSE)
  ref_mean(name, des, districts, "hours", "lowinc", cis = FALSE)
  ref_mean(name, des, districts, "children*y1", "idp", cis = FALSE)
  ref_total(name, des, districts, "y1", "all")
  ref_total(name, des, districts, "y1", "idp")
  ref_total(name, des, districts, "children*y1", "lowinc")
  ref_ratio(name, des, districts, "y1", "children", "all")
  ref_ratio(name, des, districts, "children*y1", "children", "idp", logit = TRUE)
  ref_ratio(name, des, districts, "persons*y2", "persons", "idp|lowinc", logit = TRUE)
}

# ---------------------------------------------------------------- village
for (variant in c("weights", "noweights")) {
  des <- if (variant == "weights") {
    svydesign(ids = ~1, weights = ~w, data = village)
  } else {
    svydesign(ids = ~1, data = village)
  }
  data <- village
  if (variant == "noweights") data$w <- 1
  name <- paste0("village/", variant)
  for (dom in c("all", "disab", "roma", "!roma")) ref_mean(name, des, data, "y", dom)
  ref_total(name, des, data, "y", "all")
}

# ---------------------------------------------------------------- lonely
for (rule in c("adjust", "remove", "average")) {
  options(survey.lonely.psu = rule)
  des <- svydesign(ids = ~cluster, strata = ~stratum, weights = ~w, nest = TRUE, data = lonely)
  name <- paste0("lonely/", rule)
  for (dom in c("all", "grp")) {
    ref_mean(name, des, lonely, "y", dom)
    ref_ratio(name, des, lonely, "y", "x", dom)
    if (rule == "adjust") {
      adjust_total(name, lonely, "y", dom)
    } else {
      ref_total(name, des, lonely, "y", dom)
    }
  }
}
options(survey.lonely.psu = "adjust")

write.csv(out, "reference.csv", row.names = FALSE)
