# Reference values for the clients of a service (METHODS.md §1.5), computed
# with R survey.
#
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), survey 4.1-1
# (Debian packages r-base-core and r-cran-survey).
#
# Run from this folder:   Rscript clients.R
# It reads districts.csv (written by reference.R), makes a roster of the
# household members, and writes roster.csv (one row per member) and
# clients.csv: per household the clients m_i of three sources, and the
# expected values clients_ref.csv (case, stat, value). The Go tests read
# these files and do not need R (project reads roster.csv as a Kobo roster
# and wants the sums of clients.csv).
#
# Design: the districts design of reference.R with its finite population
# correction, svydesign(ids=~cluster, strata=~stratum, weights=~w,
# fpc=~N_h, nest=TRUE). Conventions as in reference.R: a domain is a
# subset() of the full design, and a row whose variables are missing leaves
# the domain.
#
# Clients per household, m_i:
#   m_roster  members who need day care (y1), summed over the roster;
#   m_count   the answer to "how many children need day care", capped at
#             the household's children (uncapped when children is unknown);
#   m_person  members of any age who need the person service (y2), from
#             the roster;
#   y1        one client per household in need.
# Demand is N_g * R with (R survey)
#   family count:       R = svymean(~m)             = sum w m / sum w
#   child/person count: R = svyratio(~m, ~children) = sum w m / sum w x
# and the interval is confint(..., df = degf(design)), a Wald t interval.

suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
level <- 0.95

districts <- read.csv("districts.csv")
set.seed(20261206)

# ---------------------------------------------------------------- roster
kids <- ifelse(is.na(districts$children), 0, districts$children)
roster <- do.call(rbind, lapply(seq_len(nrow(districts)), function(i) {
  h <- districts[i, ]
  n <- h$persons
  age <- c(sample(0:17, kids[i], replace = TRUE), sample(18:80, n - kids[i], replace = TRUE))
  child <- age < 18
  day <- rep(0L, n)
  if (!is.na(h$y1) && h$y1 == 1 && kids[i] > 0) {
    day[child] <- as.integer(runif(sum(child)) < 0.5)
    if (sum(day) == 0) day[which(child)[1]] <- 1L
  }
  pers <- rep(0L, n)
  if (!is.na(h$y2) && h$y2 == 1) {
    pers <- as.integer(runif(n) < 0.4)
    if (sum(pers) == 0) pers[1] <- 1L
  }
  needs <- trimws(paste(ifelse(day == 1, "day_care", ""), ifelse(pers == 1, "psych", "")))
  needs[needs == ""] <- "none"
  data.frame(member = seq_len(n), hh = h$hh, member_age = age, member_needs = needs)
}))
roster$member_needs <- gsub(" +", " ", roster$member_needs)

has <- function(v, opt) vapply(strsplit(v, " "), function(x) opt %in% x, logical(1))
m_roster <- as.vector(tapply(has(roster$member_needs, "day_care"), roster$hh, sum)[as.character(districts$hh)])
m_person <- as.vector(tapply(has(roster$member_needs, "psych"), roster$hh, sum)[as.character(districts$hh)])
# The count question: the roster's count, one more in some households
# (an answer above the children, capped).
answer <- m_roster + as.integer(m_roster > 0 & runif(nrow(districts)) < 0.3)
m_count <- ifelse(is.na(districts$children), answer, pmin(answer, districts$children))

clients <- data.frame(hh = districts$hh, m_roster = m_roster, count_answer = answer,
  m_count = m_count, m_person = m_person)
write.csv(roster, "roster.csv", row.names = FALSE, na = "NA")
write.csv(clients, "clients.csv", row.names = FALSE, na = "NA")

# ---------------------------------------------------------------- values
data <- cbind(districts, clients[, -1])
des <- svydesign(ids = ~cluster, strata = ~stratum, weights = ~w, fpc = ~N_h, nest = TRUE, data = data)

out <- data.frame(case = character(), stat = character(), value = character())
put <- function(case, stat, value) {
  out[nrow(out) + 1, ] <<- list(case, stat, format(value, digits = 15))
}
dom_of <- function(expr) {
  if (expr == "all") {
    return(rep(TRUE, nrow(data)))
  }
  if (grepl("\\|", expr)) {
    p <- strsplit(expr, "\\|")[[1]]
    return(dom_of(p[1]) | dom_of(p[2]))
  }
  data[[expr]] == "yes"
}
sub_of <- function(dom, vars) {
  keep <- dom_of(dom) & data$w > 0
  for (v in vars) keep <- keep & !is.na(data[[v]])
  des$variables$.keep <- keep
  subset(des, .keep)
}
counts <- function(case, sub, num) {
  put(case, "n", sum(weights(sub) > 0))
  put(case, "npos", sum(weights(sub) > 0 & sub$variables[[num]] > 0))
}

# family count: clients per family
ref_mean <- function(num, dom) {
  case <- paste("clients", "mean", num, dom, sep = ";")
  sub <- sub_of(dom, num)
  m <- svymean(as.formula(paste0("~", num)), sub)
  put(case, "value", unname(coef(m)))
  put(case, "se", as.vector(SE(m)))
  put(case, "df", degf(sub))
  ci <- confint(m, df = degf(sub), level = level)
  put(case, "wald_low", ci[1])
  put(case, "wald_upp", ci[2])
  counts(case, sub, num)
}

# count in the service's unit: clients per child or person
ref_ratio <- function(num, den, dom) {
  case <- paste("clients", "ratio", paste0(num, "/", den), dom, sep = ";")
  sub <- sub_of(dom, c(num, den))
  r <- svyratio(as.formula(paste0("~", num)), as.formula(paste0("~", den)), sub)
  put(case, "value", unname(coef(r)))
  put(case, "se", as.vector(SE(r)))
  put(case, "df", degf(sub))
  ci <- confint(r, df = degf(sub), level = level)
  put(case, "wald_low", ci[1])
  put(case, "wald_upp", ci[2])
  counts(case, sub, num)
}

for (dom in c("all", "idp")) {
  ref_mean("m_roster", dom)
  ref_ratio("m_roster", "children", dom)
}
ref_mean("m_count", "idp")
ref_ratio("m_count", "children", "lowinc")
ref_mean("m_person", "idp|lowinc")
ref_ratio("m_person", "persons", "idp|lowinc")
ref_ratio("y1", "children", "idp")

write.csv(out, "clients_ref.csv", row.names = FALSE)
