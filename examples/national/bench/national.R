#!/usr/bin/env Rscript
# The assessment hromada makes, in R, for every community of a project
# (examples/national writes one): each community's survey read with
# readxl::read_xlsx (or read.csv for a CSV export), its design as the
# project's Settings say (strata, clusters nested in strata, weights), and
# the share of households needing each service among all households and in
# each population group, with a logit confidence interval (svyciprop) —
# the needs × groups hromada estimates. Needs and groups are read from the
# project's Needs and Groups sheets of project.xlsx, the survey columns
# from its Settings sheet.
#
#   Rscript national.R PROJECT [--cores N] [--out estimates.csv] [--limit N]
#
# It prints the time spent reading the surveys, the time spent on the
# designs and estimates, and the total wall time. --cores N runs
# communities in N forked processes (parallel::mclapply; default 1);
# --out writes every estimate; --limit N does the first N communities only.
#
# As in hromada: a need not answered (a refusal: the cell is empty) is
# outside the denominator as a domain, not a dropped row; a household is in
# a group when the group's column holds one of its member values; the
# interval is the logit interval at the Settings' level (0.95 by default);
# a stratum with one cluster is handled as the Settings' lonely_psu says
# (adjust by default).

suppressPackageStartupMessages({
  library(readxl)
  library(survey)
  library(parallel)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript national.R PROJECT [--cores N] [--out FILE] [--limit N]")
dir <- args[1]
opt <- function(name, default) {
  i <- match(name, args)
  if (is.na(i)) default else args[i + 1]
}
cores <- as.integer(opt("--cores", "1"))
out <- opt("--out", "")
limit <- as.integer(opt("--limit", "0"))

t0 <- Sys.time()

# project.xlsx: sheets and headers in Ukrainian or English, as hromada
# accepts them; a header marks a required column with " *".
project <- file.path(dir, "project.xlsx")
sheet <- function(uk, en) {
  s <- excel_sheets(project)
  name <- s[tolower(s) %in% tolower(c(uk, en))][1]
  d <- as.data.frame(read_xlsx(project, sheet = name, col_types = "text"))
  names(d) <- sub(" *\\*$", "", trimws(names(d)))
  d
}
col <- function(d, ...) {
  h <- intersect(c(...), names(d))
  if (length(h) == 0) stop("no column ", paste(c(...), collapse = " / "))
  d[[h[1]]]
}

settings <- sheet("Налаштування", "Settings")
keys <- col(settings, "Ключ", "Key")
values <- col(settings, "Значення", "Value")
setting <- function(key, default = NA) {
  v <- values[match(key, keys)]
  if (is.na(v) || v == "") default else v
}
weight_col <- setting("weight")
stratum_col <- setting("stratum")
cluster_col <- setting("cluster")
level <- as.numeric(setting("level", "0.95"))
if (level > 1) level <- level / 100
options(survey.lonely.psu = setting("lonely_psu", "adjust"))

communities <- sheet("Громади", "Communities")
codes <- col(communities, "Код КАТОТТГ", "KATOTTG code")
files <- col(communities, "Файл опитування", "Survey file")
groups <- sheet("Групи", "Groups")
group_ids <- col(groups, "Код групи", "Group id")
group_cols <- col(groups, "Стовпець опитування", "Survey column")
group_values <- col(groups, "Значення членства", "Member values")
group_values[is.na(group_values)] <- "yes"
needs <- sheet("Потреби", "Needs")
need_services <- col(needs, "Код послуги", "Service code")
need_cols <- col(needs, "Стовпець опитування", "Survey column")
need_options <- col(needs, "Варіант відповіді", "Option code")

# A survey column by name: Kobo puts a question under its group path
# (household/idp), which hromada matches by the question's name.
find <- function(d, name) {
  n <- names(d)
  i <- which(n == name)
  if (length(i) == 0) i <- which(endsWith(n, paste0("/", name)))
  if (length(i) == 0) stop("no column ", name)
  n[i[1]]
}

read_survey <- function(path) {
  if (grepl("\\.csv$", path, ignore.case = TRUE)) {
    read.csv(path, sep = ";", check.names = FALSE, stringsAsFactors = FALSE, na.strings = "", encoding = "UTF-8")
  } else {
    as.data.frame(read_xlsx(path))
  }
}

# assess returns the estimates of one community and its times.
assess <- function(i) {
  path <- file.path(dir, files[i])
  t1 <- Sys.time()
  d <- read_survey(path)
  t2 <- Sys.time()
  x <- data.frame(
    w = as.numeric(d[[find(d, weight_col)]]),
    stratum = d[[find(d, stratum_col)]],
    cluster = d[[find(d, cluster_col)]]
  )
  for (g in seq_along(group_ids)) {
    v <- tolower(as.character(d[[find(d, group_cols[g])]]))
    x[[paste0("g_", group_ids[g])]] <- !is.na(v) & v %in% strsplit(tolower(group_values[g]), " +")[[1]]
  }
  for (k in seq_along(need_services)) {
    # A select_multiple option is its 0/1 column, empty when not asked.
    name <- if (is.na(need_options[k])) need_cols[k] else paste0(need_cols[k], "/", need_options[k])
    v <- d[[find(d, name)]]
    if (!is.numeric(v)) v <- ifelse(is.na(v), NA, as.numeric(tolower(v) %in% c("1", "yes")))
    x[[paste0("y", k)]] <- v
  }
  des <- svydesign(ids = ~cluster, strata = ~stratum, weights = ~w, nest = TRUE, data = x)
  rows <- list()
  for (k in seq_along(need_services)) {
    y <- paste0("y", k)
    answered <- subset(des, !is.na(x[[y]]))
    # The need among all households that answered, then in each group:
    # the group's households as a domain of the whole design, as svyby
    # estimates each level of a grouping (only the members' level here).
    domains <- c(list(all = answered), lapply(setNames(group_ids, group_ids), function(g) {
      subset(answered, answered$variables[[paste0("g_", g)]])
    }))
    for (g in names(domains)) {
      dd <- domains[[g]]
      n <- nrow(dd)
      if (n == 0 || sum(weights(dd) > 0) == 0) {
        est <- c(NA, NA, NA)
      } else {
        e <- suppressWarnings(svyciprop(as.formula(paste0("~", y)), dd, method = "logit", level = level))
        est <- c(coef(e), attr(e, "ci"))
      }
      rows[[length(rows) + 1]] <- data.frame(community = codes[i], service = need_services[k], group = g,
        n = n, stat = est[1], low = est[2], upp = est[3])
    }
  }
  t3 <- Sys.time()
  list(estimates = do.call(rbind, rows), read = as.numeric(t2 - t1, units = "secs"),
    estimate = as.numeric(t3 - t2, units = "secs"), households = nrow(d))
}

todo <- seq_along(files)
if (limit > 0) todo <- head(todo, limit)
res <- if (cores > 1) mclapply(todo, assess, mc.cores = cores, mc.preschedule = FALSE) else lapply(todo, assess)
failed <- vapply(res, inherits, logical(1), "try-error")
if (any(failed)) stop(res[[which(failed)[1]]])

read_s <- sum(vapply(res, `[[`, numeric(1), "read"))
est_s <- sum(vapply(res, `[[`, numeric(1), "estimate"))
hh <- sum(vapply(res, `[[`, numeric(1), "households"))
est <- do.call(rbind, lapply(res, `[[`, "estimates"))
if (out != "") write.csv(est, out, row.names = FALSE)
total <- as.numeric(Sys.time() - t0, units = "secs")
cat(sprintf("communities %d, households %d, estimates %d (%d not estimable)\n",
  length(todo), hh, nrow(est), sum(is.na(est$stat))))
cat(sprintf("read %.1f s, design and estimates %.1f s%s, total wall %.1f s\n",
  read_s, est_s, if (cores > 1) sprintf(" (summed over %d processes)", cores) else "", total))
