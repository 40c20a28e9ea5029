# Kaplan–Meier curves, median survival and the log-rank test per arm, with the survival
# package doing the statistics: survfit() and survdiff().
#
# Usage: Rscript survival_km.R km|median|logrank trial.csv
# Needs survival (written against 3.5-3; it ships with R as a recommended package). This
# script produced the files in expected/: survival is the reference implementation that
# the core solutions (and statsmodels) are checked against.

suppressPackageStartupMessages(library(survival))

ARMS <- c("placebo", "low", "high")

# The numbers, with the task's fixed decimals; "NA" for a missing value (a NaN standard
# error where the risk set empties, a median that is not reached).
fmt <- function(x, decimals) ifelse(is.na(x), "NA", sprintf(paste0("%.", decimals, "f"), x))

km_table <- function(fit) {
  # summary() lists the event times only (censored = FALSE is its default), and its
  # std.err is on the survival scale: Greenwood's SE of S(t). fit$std.err, on the
  # other hand, is the SE of the cumulative hazard, -log S(t) (summary multiplies it by
  # S(t)). Where the risk set empties S(t) = 0 and that product is 0 * Inf = NaN.
  s <- summary(fit)
  arm <- sub("^arm=", "", as.character(s$strata))
  c("arm\ttime\tn_risk\tn_event\tsurvival\tse",
    sprintf("%s\t%.0f\t%.0f\t%.0f\t%s\t%s", arm, s$time, s$n.risk, s$n.event,
            fmt(s$surv, 4), fmt(s$std.err, 4)))
}

median_table <- function(fit) {
  # The median that print(fit) shows: the first time S(t) <= 0.5, or, where the curve
  # lies exactly at 0.5 (to within sqrt(.Machine$double.eps)) until a later drop, the
  # midpoint of that flat stretch. NA when the curve never reaches 0.5.
  tab <- summary(fit)$table
  c("arm\tn\tevents\tmedian",
    sprintf("%s\t%.0f\t%.0f\t%s", ARMS, tab[, "records"], tab[, "events"], fmt(tab[, "median"], 1)))
}

logrank_table <- function(test) {
  # survdiff() keeps O, E and the variance matrix of O - E; chisq uses a generalised
  # inverse of that (singular) 3 x 3 matrix, and pvalue is pchisq(chisq, 2, lower = FALSE).
  df <- length(test$n) - 1
  c("arm\tn\tobserved\texpected",
    sprintf("%s\t%.0f\t%.0f\t%.4f", ARMS, as.numeric(test$n), test$obs, test$exp),
    sprintf("chisq\t%.6f", test$chisq),
    sprintf("df\t%d", df),
    sprintf("p\t%.6f", test$pvalue))
}

main <- function(args) {
  if (length(args) != 2 || !args[1] %in% c("km", "median", "logrank")) {
    stop("usage: Rscript survival_km.R km|median|logrank <trial.csv>", call. = FALSE)
  }
  trial <- read.csv(args[2], stringsAsFactors = FALSE)
  # A factor fixes the order of the strata (and of every table) to placebo, low, high.
  trial$arm <- factor(trial$arm, levels = ARMS)
  rows <- switch(args[1],
    km = km_table(survfit(Surv(time, event) ~ arm, data = trial)),
    median = median_table(survfit(Surv(time, event) ~ arm, data = trial)),
    logrank = logrank_table(survdiff(Surv(time, event) ~ arm, data = trial))
  )
  cat(paste0(rows, "\n"), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
