# Logistic regression (IRLS) and k-means, written out in base R.
#
# Usage: Rscript main.R logistic trial.csv
#        Rscript main.R kmeans expression.tsv K
# Base R only, so it runs unchanged in webR. Errors use stop(), never quit(): in webR,
# quit() would end the reader's whole R session. The three core solutions add,
# multiply and round in the same order, so they print the same bytes — which is why
# this file never calls sum(), mean(), colSums() or %*% on long vectors (see tree_sum).

USAGE <- "usage: Rscript main.R logistic <trial.csv> | kmeans <expression.tsv> <K>"
# A finite decimal number: 5, -0.25, .5, 1e-3 (not NA, Inf, NaN, hex or text).
DECIMAL <- "^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$"

fail <- function(...) stop(sprintf(...), call. = FALSE)

# TRUE for a finite decimal number (1e999 is decimal but not finite).
is_number <- function(text) grepl(DECIMAL, text) & is.finite(suppressWarnings(as.numeric(text)))

# region: tree-sum
# Column sums of a matrix in a fixed pairwise order: pad the rows to a power of two
# with zeros, then add the second half onto the first until one row is left.
# sum(), colSums() and cumsum() add in long double (80-bit on a PC, 128-bit in
# webR), so no other language can reproduce them; this order can, it is vectorised,
# and its rounding error grows like log2(n), not n.
tree_sum_cols <- function(m) {
  n <- nrow(m)
  if (n == 0) return(rep(0, ncol(m)))
  size <- 1
  while (size < n) size <- size * 2
  if (size > n) m <- rbind(m, matrix(0, size - n, ncol(m)))
  while (size > 1) {
    size <- size / 2
    m <- m[1:size, , drop = FALSE] + m[(size + 1):(2 * size), , drop = FALSE]
  }
  m[1, ]
}
tree_sum <- function(v) tree_sum_cols(matrix(v, ncol = 1))
# endregion

read_lines_or_stop <- function(path) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) fail("cannot read %s: %s", path, conditionMessage(lines))
  lines
}

# Splits lines into fields; every line must have as many as the header.
split_fields <- function(lines, sep, path, line_nos, expected) {
  counts <- nchar(gsub(sprintf("[^%s]", sep), "", lines)) + 1
  bad <- which(counts != expected)
  if (length(bad) > 0) {
    fail("%s line %d: expected %d fields, found %d", path, line_nos[bad[1]], expected, counts[bad[1]])
  }
  if (length(lines) == 0) return(matrix(character(0), 0, expected))
  # A trailing separator makes strsplit() drop the last, empty field: add one more.
  matrix(unlist(strsplit(paste0(lines, sep), sep, fixed = TRUE)), ncol = expected, byrow = TRUE)
}

# ---------------------------------------------------------------- logistic regression

TERMS <- c("(Intercept)", "age", "sexM", "bmi", "baseline", "armlow", "armhigh")
NEEDED <- c("response", "age", "sex", "bmi", "baseline", "arm")

# The first problem in one row, checked in the same order as the other two languages.
row_problem <- function(row) {
  for (name in NEEDED) {
    if (row[[name]] == "NA") return(sprintf("%s is NA (the model needs complete rows)", name))
  }
  if (!row[["response"]] %in% c("0", "1")) return(sprintf('response must be 0 or 1, found "%s"', row[["response"]]))
  if (!row[["sex"]] %in% c("F", "M")) return(sprintf('sex must be F or M, found "%s"', row[["sex"]]))
  if (!row[["arm"]] %in% c("placebo", "low", "high")) {
    return(sprintf('arm must be placebo, low or high, found "%s"', row[["arm"]]))
  }
  for (name in c("age", "bmi", "baseline")) {
    if (!is_number(row[[name]])) return(sprintf('%s is not a number: "%s"', name, row[[name]]))
  }
  NULL
}

# region: design
read_trial <- function(path) {
  lines <- read_lines_or_stop(path)
  if (length(lines) == 0) fail("%s is empty", path)
  header <- strsplit(paste0(lines[1], ","), ",", fixed = TRUE)[[1]]
  for (name in NEEDED) if (!name %in% header) fail("%s: missing column %s", path, name)
  line_nos <- seq_along(lines)[-1]
  keep <- lines[-1] != ""
  fields <- split_fields(lines[-1][keep], ",", path, line_nos[keep], length(header))
  cols <- fields[, match(NEEDED, header), drop = FALSE]
  colnames(cols) <- NEEDED
  ok <- rowSums(cols == "NA") == 0 & cols[, "response"] %in% c("0", "1") &
    cols[, "sex"] %in% c("F", "M") & cols[, "arm"] %in% c("placebo", "low", "high") &
    is_number(cols[, "age"]) & is_number(cols[, "bmi"]) & is_number(cols[, "baseline"])
  if (!all(ok)) {
    first <- which(!ok)[1]
    fail("%s line %d: %s", path, line_nos[keep][first], row_problem(cols[first, ]))
  }
  if (nrow(cols) == 0) fail("%s has no patients", path)
  x <- cbind(1, as.numeric(cols[, "age"]), as.numeric(cols[, "sex"] == "M"), as.numeric(cols[, "bmi"]),
             as.numeric(cols[, "baseline"]), as.numeric(cols[, "arm"] == "low"),
             as.numeric(cols[, "arm"] == "high"))
  colnames(x) <- TERMS
  list(x = x, y = as.numeric(cols[, "response"]))
}
# endregion

# region: cholesky
cholesky <- function(a) {
  p <- nrow(a)
  low <- matrix(0, p, p)
  for (j in seq_len(p)) {
    s <- a[j, j]
    for (k in seq_len(j - 1)) s <- s - low[j, k] * low[j, k]
    if (!(s > 0)) fail("X'WX is not positive definite (pivot %d): is a column constant or collinear?", j)
    low[j, j] <- sqrt(s)
    for (i in seq_len(p - j) + j) {
      s <- a[i, j]
      for (k in seq_len(j - 1)) s <- s - low[i, k] * low[j, k]
      low[i, j] <- s / low[j, j]
    }
  }
  low
}

cholesky_solve <- function(low, b) {
  p <- length(b)
  z <- numeric(p)
  for (i in seq_len(p)) {
    s <- b[i]
    for (k in seq_len(i - 1)) s <- s - low[i, k] * z[k]
    z[i] <- s / low[i, i]
  }
  x <- numeric(p)
  for (i in rev(seq_len(p))) {
    s <- z[i]
    for (k in seq_len(p - i) + i) s <- s - low[k, i] * x[k]
    x[i] <- s / low[i, i]
  }
  x
}
# endregion

# region: logistic-fn
# e = exp(-|eta|) never overflows; mu = 1/(1 + exp(-eta)) is 1/(1+e) or e/(1+e).
fitted_mu <- function(eta) {
  e <- exp(-abs(eta))
  ifelse(eta >= 0, 1 / (1 + e), e / (1 + e))
}

# -2 log-likelihood: -log(mu) = log1p(e) + max(-eta, 0) when y = 1 and
# -log(1 - mu) = log1p(e) + max(eta, 0) when y = 0: no log(0), no overflow.
deviance <- function(eta, y) {
  tail <- ifelse(y == 1, pmax(-eta, 0), pmax(eta, 0))
  tree_sum(2 * (log1p(exp(-abs(eta))) + tail))
}
# endregion

# eta = x1*b1 + x2*b2 + ..., added column by column in that order (not x %*% b).
linear_predictor <- function(x, beta) {
  eta <- x[, 1] * beta[1]
  for (j in seq_along(beta)[-1]) eta <- eta + x[, j] * beta[j]
  eta
}

# region: irls
fit_logistic <- function(x, y, epsilon = 1e-10, max_iter = 25) {
  p <- ncol(x)
  beta <- numeric(p)
  eta <- linear_predictor(x, beta)
  dev_old <- deviance(eta, y)
  pairs <- which(lower.tri(diag(p), diag = TRUE), arr.ind = TRUE)  # (j, k) with k <= j
  for (iter in seq_len(max_iter)) {
    e <- exp(-abs(eta))
    mu <- ifelse(eta >= 0, 1 / (1 + e), e / (1 + e))
    w <- e / ((1 + e) * (1 + e))  # mu (1 - mu), accurate on both tails
    # X'WX (lower triangle, mirrored) and the score X'(y - mu), as tree sums.
    products <- matrix(0, nrow(x), nrow(pairs))
    for (q in seq_len(nrow(pairs))) products[, q] <- w * x[, pairs[q, 1]] * x[, pairs[q, 2]]
    xtwx <- matrix(0, p, p)
    xtwx[pairs] <- tree_sum_cols(products)
    xtwx[pairs[, 2:1]] <- xtwx[pairs]
    score <- tree_sum_cols((y - mu) * x)
    low <- cholesky(xtwx)
    beta <- beta + cholesky_solve(low, score)
    eta <- linear_predictor(x, beta)
    dev <- deviance(eta, y)
    if (abs(dev - dev_old) / (abs(dev) + 0.1) < epsilon) {
      # As summary.glm(): (X'WX)^-1 with this iteration's weights.
      se <- sqrt(vapply(seq_len(p), function(j) cholesky_solve(low, diag(p)[, j])[j], numeric(1)))
      return(list(coef = beta, se = se))
    }
    dev_old <- dev
  }
  fail("IRLS did not converge in %d iterations: does a covariate separate the responses perfectly?", max_iter)
}
# endregion

# region: pnorm
# P(Z > y) for y >= 0: W. J. Cody's rational Chebyshev approximations (ANORM, ACM
# TOMS Algorithm 715), the algorithm inside pnorm(), written out so that Python, R
# and Rust evaluate the same formula. About 1e-16 relative accuracy.
upper_tail <- function(y) {
  if (y <= 0.66291) {
    a <- c(2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
           0.065682337918207449113)
    b <- c(47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956)
    xsq <- y * y
    num <- a[5] * xsq
    den <- xsq
    for (i in 1:3) {
      num <- (num + a[i]) * xsq
      den <- (den + b[i]) * xsq
    }
    return(0.5 - y * (num + a[4]) / (den + b[4]))
  }
  if (y <= 5.656854249492380195) {  # sqrt(32)
    c <- c(0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
           2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
           1.0765576773720192317e-8)
    d <- c(22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
           18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727)
    num <- c[9] * y
    den <- y
    for (i in 1:7) {
      num <- (num + c[i]) * y
      den <- (den + d[i]) * y
    }
    r <- (num + c[8]) / (den + d[8])
  } else if (y < 50) {
    p <- c(0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
           2.9112874951168792e-5, 0.02307344176494017303)
    q <- c(1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
           7.29751555083966205e-5)
    xsq <- 1 / (y * y)
    num <- p[6] * xsq
    den <- xsq
    for (i in 1:4) {
      num <- (num + p[i]) * xsq
      den <- (den + q[i]) * xsq
    }
    r <- xsq * (num + p[5]) / (den + q[5])
    r <- (0.398942280401432677939946 - r) / y  # 1/sqrt(2 pi)
  } else {
    return(0)
  }
  # exp(-y^2/2) in two factors: y^2 = s^2 + (y - s)(y + s), s = y rounded down to 1/16.
  s <- floor(y * 16) / 16
  tail <- exp(-s * s * 0.5) * exp(-(y - s) * (y + s) * 0.5) * r
  if (tail >= 2.2250738585072014e-308) tail else 0
}
# endregion

# region: format
fixed6 <- function(x) sub("^-(0\\.0+)$", "\\1", sprintf("%.6f", x))
sci3 <- function(x) sprintf("%.3e", x)
# endregion

run_logistic <- function(path) {
  data <- read_trial(path)
  fit <- fit_logistic(data$x, data$y)
  z <- fit$coef / fit$se
  p_value <- 2 * vapply(abs(z), upper_tail, numeric(1))
  c("term\testimate\tstd_error\tz\tp_value",
    sprintf("%s\t%s\t%s\t%s\t%s", TERMS, fixed6(fit$coef), fixed6(fit$se), fixed6(z), sci3(p_value)))
}

# ---------------------------------------------------------------- k-means

# Returns the gene ids and the points: one row per sample, one column per gene.
read_expression <- function(path) {
  lines <- read_lines_or_stop(path)
  if (length(lines) == 0) fail("%s is empty", path)
  header <- strsplit(paste0(lines[1], "\t"), "\t", fixed = TRUE)[[1]]
  samples <- header[-1]
  if (length(samples) == 0) fail("%s: the header names no samples", path)
  line_nos <- seq_along(lines)[-1]
  keep <- lines[-1] != ""
  fields <- split_fields(lines[-1][keep], "\t", path, line_nos[keep], length(header))
  if (nrow(fields) == 0) fail("%s has no genes", path)
  values <- fields[, -1, drop = FALSE]
  bad <- which(!is_number(t(values)))  # t(): the first bad value in reading order
  if (length(bad) > 0) {
    row <- (bad[1] - 1) %/% ncol(values) + 1
    col <- (bad[1] - 1) %% ncol(values) + 1
    fail('%s line %d: %s is not a number: "%s"', path, line_nos[keep][row], samples[col], values[row, col])
  }
  points <- t(matrix(as.numeric(values), nrow = nrow(values)))
  list(genes = fields[, 1], samples = samples, points = points)
}

# Squared distance of every point (row) to one centre: genes summed as a tree.
squared_distances <- function(points, centre) {
  diff <- t(points) - centre  # genes x samples: column i is point i minus the centre
  tree_sum_cols(diff * diff)
}

# Mean of the member points, adding them in sample order (as R's kmeans C code does).
member_mean <- function(points, members) {
  total <- numeric(ncol(points))
  for (i in members) total <- total + points[i, ]
  total / length(members)
}

# region: farthest-point
farthest_point_init <- function(points, k) {
  to_mean <- squared_distances(points, member_mean(points, seq_len(nrow(points))))
  seeds <- which.min(to_mean)  # which.min/which.max: the first, so the lower index wins
  nearest <- squared_distances(points, points[seeds, ])
  while (length(seeds) < k) {
    far <- which.max(nearest)
    seeds <- c(seeds, far)
    nearest <- pmin(nearest, squared_distances(points, points[far, ]))
  }
  seeds
}
# endregion

# region: kmeans
# Nearest centre of every point (ties: the lower-numbered centre).
predict_cluster <- function(centres, points) {
  best <- squared_distances(points, centres[1, ])
  labels <- rep(1L, nrow(points))
  for (c in seq_len(nrow(centres))[-1]) {
    d <- squared_distances(points, centres[c, ])
    closer <- d < best  # strictly closer: on a tie the lower-numbered centre stays
    labels[closer] <- c
    best[closer] <- d[closer]
  }
  labels
}

fit_kmeans <- function(points, k, max_iter = 100) {
  centres <- points[farthest_point_init(points, k), , drop = FALSE]
  labels <- integer(0)
  for (iter in seq_len(max_iter)) {
    new <- predict_cluster(centres, points)
    if (identical(new, labels)) return(list(centres = centres, labels = labels))
    labels <- new
    for (c in seq_len(k)) {
      members <- which(labels == c)
      if (length(members) == 0) fail("cluster %d became empty: K is larger than the data supports", c)
      centres[c, ] <- member_mean(points, members)
    }
  }
  message(sprintf("warning: k-means did not converge in %d iterations", max_iter))
  list(centres = centres, labels = labels)
}
# endregion

run_kmeans <- function(path, k_text) {
  data <- read_expression(path)
  n <- length(data$samples)
  if (!grepl("^[0-9]+$", k_text) || as.numeric(k_text) < 1 || as.numeric(k_text) > n) {
    fail('K must be a whole number from 1 to %d (the number of samples), got "%s"', n, k_text)
  }
  k <- as.integer(k_text)
  fit <- fit_kmeans(data$points, k)
  # Number clusters by their first member sample.
  order <- order(match(seq_len(k), fit$labels))
  shown <- seq_len(min(5, length(data$genes)))
  rows <- vapply(seq_len(k), function(i) {
    c <- order[i]
    paste(c(i, sum(fit$labels == c), fixed6(fit$centres[c, shown])), collapse = "\t")
  }, character(1))
  c(paste(c("cluster", "size", data$genes[shown]), collapse = "\t"), rows)
}

# region: main
main <- function(args) {
  if (length(args) == 2 && args[1] == "logistic") {
    out <- run_logistic(args[2])
  } else if (length(args) == 3 && args[1] == "kmeans") {
    out <- run_kmeans(args[2], args[3])
  } else if (length(args) > 0 && !args[1] %in% c("logistic", "kmeans")) {
    fail("unknown command '%s'\n%s", args[1], USAGE)
  } else {
    fail("%s", USAGE)
  }
  cat(paste0(out, "\n"), sep = "")
}
# endregion

main(commandArgs(trailingOnly = TRUE))
