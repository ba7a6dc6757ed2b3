# The work of
#   hromada assess --survey FILE --weight weight --strata stratum --cluster settlement \
#     --by idp,low_income,child_disability,large_family,difficult_circumstances,has_children \
#     --need needs --json
# in R, as a REACH analyst would do it: readxl::read_xlsx (or read.csv2),
# survey::svydesign, svymean over all households and svyby over each value
# of each grouping column, for every option of the select_multiple "needs",
# with logit intervals (svyciprop) for the overall estimates.
#
#   Rscript assess_survey.R /tmp/survey100k.xlsx
#
# Prints the time of each step; run under /usr/bin/time -v for peak memory.
suppressPackageStartupMessages({ library(readxl); library(survey) })
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]
t0 <- Sys.time()
d <- if (grepl("\\.csv$", path)) read.csv2(path, check.names = FALSE) else read_xlsx(path)
t1 <- Sys.time()
needs <- grep("^needs/", names(d), value = TRUE)
needs <- setdiff(needs, c("needs/none", "needs/dnk", "needs/pnta"))
safe <- make.names(needs)
names(d)[match(needs, names(d))] <- safe
groups <- c("idp", "low_income", "child_disability", "large_family", "difficult_circumstances", "has_children")
options(survey.lonely.psu = "adjust")
des <- svydesign(ids = ~settlement, strata = ~stratum, weights = ~weight, data = d, nest = TRUE)
f <- as.formula(paste("~", paste(safe, collapse = "+")))
overall <- lapply(safe, function(v) svyciprop(as.formula(paste0("~", v)), des, method = "logit"))
by <- lapply(groups, function(g) svyby(f, as.formula(paste0("~", g)), des, svymean, na.rm = TRUE))
t2 <- Sys.time()
cat(sprintf("read %.2f s, estimate %.2f s, total %.2f s; %d rows, %d needs, %d groups\n",
  as.numeric(t1 - t0, units = "secs"), as.numeric(t2 - t1, units = "secs"),
  as.numeric(t2 - t0, units = "secs"), nrow(d), length(safe), length(groups)))
cat(sprintf("social_support overall: %.10f [%.10f, %.10f]\n", overall[[1]][1],
  attr(overall[[1]], "ci")[1], attr(overall[[1]], "ci")[2]))
