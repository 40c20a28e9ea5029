# Kaplan–Meier curves, median survival and the log-rank test for a three-arm trial.
#
# Usage: Rscript main.R km|median|logrank trial.csv
# Base R only (no survival package), so it runs unchanged in webR in the browser.
# Errors use stop(), never quit(): in webR, quit() would end the reader's R session.
#
# The whole-vector work (parsing, counting per day) is vectorised; the running
# products and sums are plain loops over the distinct days (at most 366, whatever the
# number of patients). A loop on purpose: cumprod() and cumsum() accumulate in long
# double where the platform has one (80 bits on x86-64), so they would not give the very
# doubles that Python and Rust compute, and the three programs must print the same
# bytes. (Counting with them is fine: whole numbers are exact either way.)

ARMS <- c("placebo", "low", "high")
# R's own tolerance for "the curve is exactly at 0.5" (survival:::survmean).
HALF_TOLERANCE <- sqrt(.Machine$double.eps)

read_lines_or_stop <- function(path) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  lines
}

# region: parse
parse_trial <- function(path) {
  lines <- read_lines_or_stop(path)
  if (length(lines) == 0) stop(sprintf("%s: the file is empty (no header line)", path), call. = FALSE)
  header <- strsplit(paste0(lines[1], ","), ",", fixed = TRUE)[[1]]
  for (name in c("time", "event", "arm")) {
    if (!name %in% header) {
      stop(sprintf('%s: missing column "%s" (need time, event and arm)', path, name), call. = FALSE)
    }
  }
  line_no <- seq_along(lines)[-1]
  body <- lines[-1]
  line_no <- line_no[body != ""]
  body <- body[body != ""]
  fail <- function(i, what) stop(sprintf("%s line %d: %s", path, line_no[i], what), call. = FALSE)

  # Count fields as commas + 1: strsplit() drops a trailing empty field.
  n_fields <- nchar(gsub("[^,]", "", body)) + 1
  bad_count <- match(TRUE, n_fields != length(header))
  good <- if (is.na(bad_count)) length(body) else bad_count - 1
  # One matrix of text, a row per patient (a trailing "," keeps empty last fields).
  cells <- matrix(unlist(strsplit(paste0(body[seq_len(good)], ","), ",", fixed = TRUE)),
                  ncol = length(header), byrow = TRUE)
  time_text <- cells[, match("time", header)]
  event_text <- cells[, match("event", header)]
  arm_text <- cells[, match("arm", header)]

  # as.integer("12.5") would quietly give 12: check the text first.
  not_days <- !grepl("^-?[0-9]{1,9}$", time_text)
  time <- suppressWarnings(as.numeric(time_text))
  negative <- !not_days & time < 0
  bad_event <- !event_text %in% c("0", "1")
  arm <- match(arm_text, ARMS)
  first <- match(TRUE, not_days | negative | bad_event | is.na(arm))
  if (!is.na(first)) {
    if (not_days[first]) fail(first, sprintf('time "%s" is not a whole number of days', time_text[first]))
    if (negative[first]) fail(first, sprintf("time %s is negative", time_text[first]))
    if (bad_event[first]) fail(first, sprintf('event must be 0 or 1, got "%s"', event_text[first]))
    fail(first, sprintf('unknown arm "%s" (expected placebo, low or high)', arm_text[first]))
  }
  if (!is.na(bad_count)) {
    fail(bad_count, sprintf("expected %d fields, got %d", length(header), n_fields[bad_count]))
  }
  for (j in seq_along(ARMS)) {
    if (!any(arm == j)) stop(sprintf("%s: no patients in arm %s", path, ARMS[j]), call. = FALSE)
  }
  # abs(): "-0" is a valid time of 0 days.
  data.frame(time = abs(time), event = event_text == "1", arm = arm)
}
# endregion

# region: km
# The Kaplan–Meier table of one arm. No sort needed: tabulate() counts the patients
# leaving on each distinct day, and the number at risk on day t is everyone whose
# time is >= t, which puts that day's censored patients in the risk set by itself.
kaplan_meier <- function(time, event) {
  days <- sort(unique(time))
  slot <- match(time, days)
  leaving <- tabulate(slot, length(days))
  deaths <- tabulate(slot[event], length(days))
  # Doubles, not R's 32-bit integers: n * (n - d) overflows them at 46,341 patients.
  n_risk <- as.numeric(rev(cumsum(rev(leaving))))
  keep <- deaths > 0
  n <- n_risk[keep]
  d <- as.numeric(deaths[keep])
  survival <- numeric(length(n))
  se <- numeric(length(n))
  s <- 1
  greenwood <- 0
  for (i in seq_along(n)) {
    s <- s * ((n[i] - d[i]) / n[i])
    # d / 0 is Inf in R (no error), and 0 * sqrt(Inf) is NaN, as in Rust.
    greenwood <- greenwood + d[i] / (n[i] * (n[i] - d[i]))
    survival[i] <- s
    se[i] <- s * sqrt(greenwood)
  }
  data.frame(time = days[keep], n_risk = n, n_event = d, survival = survival, se = se)
}
# endregion

# region: median
median_survival <- function(km) {
  first <- match(TRUE, km$survival < 0.5 + HALF_TOLERANCE)
  if (is.na(first)) return(NA_real_)
  if (abs(km$survival[first] - 0.5) < HALF_TOLERANCE && first < nrow(km)) {
    return((km$time[first] + km$time[first + 1]) / 2)
  }
  km$time[first]
}
# endregion

# region: logrank
log_rank <- function(trial) {
  days <- sort(unique(trial$time))
  slot <- match(trial$time, days)
  leaving <- matrix(0, 3, length(days))
  deaths <- matrix(0, 3, length(days))
  for (j in 1:3) {
    leaving[j, ] <- tabulate(slot[trial$arm == j], length(days))
    deaths[j, ] <- tabulate(slot[trial$arm == j & trial$event], length(days))
  }
  # at_risk[j, t]: patients of arm j followed up to day t or beyond.
  at_risk <- t(apply(leaving, 1, function(x) rev(cumsum(rev(x)))))
  observed <- rowSums(deaths)
  expected <- numeric(3)
  var <- matrix(0, 3, 3)
  for (t in seq_along(days)) {
    nj <- at_risk[, t]
    n <- nj[1] + nj[2] + nj[3]
    d <- deaths[1, t] + deaths[2, t] + deaths[3, t]
    if (d > 0) {
      expected <- expected + d * nj / n
      if (n > 1) {
        w <- d * (n - d) / (n * n * (n - 1))
        # cross[j, k] = n [j == k] - n_k; times n_j down each row.
        cross <- diag(n, 3) - matrix(nj, 3, 3, byrow = TRUE)
        var <- var + w * (nj * cross)
      }
    }
  }
  u <- c(observed[1] - expected[1], observed[2] - expected[2])
  v00 <- var[1, 1]; v01 <- var[1, 2]; v11 <- var[2, 2]
  det <- v00 * v11 - v01 * v01
  x <- c((v11 * u[1] - v01 * u[2]) / det, (v00 * u[2] - v01 * u[1]) / det)
  chisq <- u[1] * x[1] + u[2] * x[2]
  # An arm with V_jj = 0 carries no information (V has rank < 2): NA, as in Rust.
  if (any(diag(var) == 0) || det <= 0) chisq <- NaN
  list(observed = observed, expected = expected, chisq = chisq, p_value = exp(-chisq / 2))
}
# endregion

fmt <- function(x, decimals) ifelse(is.na(x), "NA", sprintf(paste0("%.", decimals, "f"), x))

km_lines <- function(trial) {
  rows <- lapply(seq_along(ARMS), function(j) {
    km <- kaplan_meier(trial$time[trial$arm == j], trial$event[trial$arm == j])
    sprintf("%s\t%.0f\t%.0f\t%.0f\t%s\t%s", rep(ARMS[j], nrow(km)), km$time, km$n_risk,
            km$n_event, fmt(km$survival, 4), fmt(km$se, 4))
  })
  c("arm\ttime\tn_risk\tn_event\tsurvival\tse", unlist(rows))
}

median_lines <- function(trial) {
  rows <- vapply(seq_along(ARMS), function(j) {
    in_arm <- trial$arm == j
    median <- median_survival(kaplan_meier(trial$time[in_arm], trial$event[in_arm]))
    sprintf("%s\t%d\t%d\t%s", ARMS[j], sum(in_arm), sum(trial$event[in_arm]), fmt(median, 1))
  }, character(1))
  c("arm\tn\tevents\tmedian", rows)
}

log_rank_lines <- function(trial) {
  test <- log_rank(trial)
  n <- tabulate(trial$arm, 3)
  c("arm\tn\tobserved\texpected",
    sprintf("%s\t%d\t%.0f\t%s", ARMS, n, test$observed, fmt(test$expected, 4)),
    sprintf("chisq\t%s", fmt(test$chisq, 6)),
    "df\t2",
    sprintf("p\t%s", fmt(test$p_value, 6)))
}

# region: main
main <- function(args) {
  commands <- list(km = km_lines, median = median_lines, logrank = log_rank_lines)
  if (length(args) != 2 || !args[1] %in% names(commands)) {
    stop("usage: Rscript main.R km|median|logrank <trial.csv>", call. = FALSE)
  }
  trial <- parse_trial(args[2])
  cat(paste0(commands[[args[1]]](trial), "\n"), sep = "")
}
# endregion

main(commandArgs(trailingOnly = TRUE))
