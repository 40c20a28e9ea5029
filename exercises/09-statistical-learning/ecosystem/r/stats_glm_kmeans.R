# Logistic regression with glm() and k-means with kmeans(): base R's stats package.
#
# Usage: Rscript stats_glm_kmeans.R logistic trial.csv
#        Rscript stats_glm_kmeans.R kmeans expression.tsv K
# This script wrote the module's expected/ files. stats is part of every R, webR
# included; here it does the numerical work (QR-based IRLS, Lloyd's algorithm in C).

fixed6 <- function(x) sub("^-(0\\.0+)$", "\\1", sprintf("%.6f", x))

# region: glm
run_logistic <- function(path) {
  trial <- read.csv(path, stringsAsFactors = FALSE)
  # Reference levels as the task fixes them: placebo for arm, F for sex.
  trial$arm <- factor(trial$arm, levels = c("placebo", "low", "high"))
  trial$sex <- factor(trial$sex, levels = c("F", "M"))
  # Start at 0 and stop when |dev - dev_old| / (|dev| + 0.1) < 1e-10: the core
  # solutions' rule, so both take the same Newton steps.
  fit <- glm(response ~ age + sex + bmi + baseline + arm, family = binomial, data = trial,
             start = rep(0, 7), control = glm.control(epsilon = 1e-10, maxit = 25))
  if (!fit$converged) stop("glm did not converge", call. = FALSE)
  coefs <- summary(fit)$coefficients  # Estimate, Std. Error, z value, Pr(>|z|)
  cat("term\testimate\tstd_error\tz\tp_value\n")
  cat(sprintf("%s\t%s\t%s\t%s\t%.3e\n", rownames(coefs), fixed6(coefs[, 1]), fixed6(coefs[, 2]),
              fixed6(coefs[, 3]), coefs[, 4]), sep = "")
}
# endregion

# Farthest-point seeds: the sample nearest the overall mean, then repeatedly the
# sample farthest from its nearest seed (which.min/which.max pick the lower index on ties).
farthest_point_seeds <- function(x, k) {
  sq_dist_to <- function(centre) rowSums(sweep(x, 2, centre)^2)
  seeds <- which.min(sq_dist_to(colMeans(x)))
  nearest <- sq_dist_to(x[seeds, ])
  while (length(seeds) < k) {
    far <- which.max(nearest)
    seeds <- c(seeds, far)
    nearest <- pmin(nearest, sq_dist_to(x[far, ]))
  }
  seeds
}

# region: kmeans
run_kmeans <- function(path, k) {
  expr <- read.delim(path, row.names = 1, check.names = FALSE)
  x <- t(as.matrix(expr))  # samples are the points: one row per sample
  seeds <- farthest_point_seeds(x, k)
  fit <- kmeans(x, centers = x[seeds, , drop = FALSE], algorithm = "Lloyd", iter.max = 100)
  # Number clusters by their first member sample.
  order <- order(match(seq_len(k), fit$cluster))
  shown <- seq_len(min(5, ncol(x)))
  cat(paste(c("cluster", "size", colnames(x)[shown]), collapse = "\t"), "\n", sep = "")
  for (i in seq_along(order)) {
    c <- order[i]
    cat(paste(c(i, fit$size[c], fixed6(fit$centers[c, shown])), collapse = "\t"), "\n", sep = "")
  }
}
# endregion

args <- commandArgs(trailingOnly = TRUE)
if (length(args) == 2 && args[1] == "logistic") {
  run_logistic(args[2])
} else if (length(args) == 3 && args[1] == "kmeans") {
  run_kmeans(args[2], as.integer(args[3]))
} else {
  stop("usage: Rscript stats_glm_kmeans.R logistic <trial.csv> | kmeans <expression.tsv> <K>", call. = FALSE)
}
