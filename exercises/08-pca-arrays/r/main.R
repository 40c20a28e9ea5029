# PCA of the samples of a genes × samples expression matrix, printed as TSV.
#
# Usage: Rscript main.R variance expression.tsv
#        Rscript main.R scores expression.tsv
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session.
#
# No sum(), mean(), sd(), %*% or crossprod() on the numbers: sum() and mean() add in
# extended (long double) precision, and %*% hands the work to BLAS, which adds in its
# own blocked order. Each sum here is a loop over one index, vectorised over the other,
# in the same order as ../python/main.py and ../rust/main.rs: same doubles, same bytes.

# A plain decimal number, as Rust's str::parse::<f64> accepts it: as.numeric() alone
# would also take " 5", "0x1A", "1e" (as 1), "NA" and "Inf".
NUMBER <- "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$"
# Stop the Jacobi sweeps once every off-diagonal entry is this small relative to the
# largest diagonal entry of the Gram matrix; MAX_SWEEPS is only a safety net.
TOLERANCE <- 1e-15
MAX_SWEEPS <- 100
COMPONENTS <- 5

read_lines_or_stop <- function(path) {
  # A missing file makes readLines() warn, then fail: catch either, stop once.
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  lines
}

# region: parse
# A genes × samples matrix (R stores it column by column: each sample's values are
# contiguous), with the gene ids as row names and the sample names as column names.
read_matrix <- function(path) {
  lines <- read_lines_or_stop(path)
  line_no <- which(lines != "") # blank lines are allowed anywhere
  if (length(line_no) == 0) stop(sprintf("%s: no header line", path), call. = FALSE)
  # strsplit() drops one trailing empty field ("G1\t5\t" gives 2 pieces, not 3); a tab
  # appended to every line makes that dropped field the extra one.
  fields <- strsplit(paste0(lines[line_no], "\t"), "\t", fixed = TRUE)
  samples <- fields[[1]][-1]
  n <- length(samples)
  if (n < 2) {
    stop(sprintf("%s line %d: the header needs at least 2 sample columns", path, line_no[1]),
         call. = FALSE)
  }
  fields <- fields[-1]
  line_no <- line_no[-1]
  if (length(fields) == 0) stop(sprintf("%s: no genes", path), call. = FALSE)

  counts <- lengths(fields)
  ragged <- which(counts != n + 1)
  text <- unlist(lapply(fields, `[`, -1)) # every value, row by row
  value <- rep(NA_real_, length(text))
  plain <- grepl(NUMBER, text, perl = TRUE) # PCRE: same answer, faster than the default
  value[plain] <- as.numeric(text[plain])
  bad <- which(!is.finite(value))
  # Report what a line-by-line reader meets first; on one line, the field count.
  cell_line <- rep(line_no, counts - 1)
  if (length(ragged) > 0 && (length(bad) == 0 || line_no[ragged[1]] <= cell_line[bad[1]])) {
    stop(sprintf("%s line %d: expected %d fields (a gene id and %d samples), found %d",
                 path, line_no[ragged[1]], n + 1, n, counts[ragged[1]]), call. = FALSE)
  }
  if (length(bad) > 0) {
    column <- sequence(counts - 1)[bad[1]]
    stop(sprintf("%s line %d, sample %s: '%s' is not a number",
                 path, cell_line[bad[1]], samples[column], text[bad[1]]), call. = FALSE)
  }
  genes <- vapply(fields, `[`, "", 1)
  matrix(value, nrow = length(fields), byrow = TRUE, dimnames = list(genes, samples))
}
# endregion

# region: standardize
# Centre each gene (row) on its mean and divide by its sd (n - 1): vectorised over the
# genes, one sample (column) at a time, so each gene's sum runs left to right.
standardize <- function(path, x) {
  constant <- which(rowSums(x != x[, 1]) == 0)
  if (length(constant) > 0) {
    stop(sprintf("%s: gene %s is constant (variance 0), so it cannot be scaled to unit variance",
                 path, rownames(x)[constant[1]]), call. = FALSE)
  }
  n <- ncol(x)
  total <- numeric(nrow(x))
  for (j in seq_len(n)) total <- total + x[, j]
  d <- x - total / n # a vector of gene means, recycled down each column
  squares <- numeric(nrow(x))
  for (j in seq_len(n)) squares <- squares + d[, j] * d[, j]
  d / sqrt(squares / (n - 1))
}
# endregion

# region: gram
# G = Z Zᵀ for samples × samples: one gene at a time, its outer product is added to G.
gram <- function(z) {
  zt <- t(z) # samples × genes, so each gene's values are one contiguous column
  g <- matrix(0, ncol(z), ncol(z))
  for (k in seq_len(nrow(z))) {
    zk <- zt[, k]
    g <- g + outer(zk, zk)
  }
  g
}
# endregion

# region: jacobi
# Eigenvalues and eigenvectors (columns of v) of the symmetric matrix a. Cyclic Jacobi:
# sweep over the pairs (p, q), p < q, in row order; each rotation zeroes a[p, q]. Stop
# after the first sweep that finds nothing above the tolerance.
jacobi <- function(a) {
  n <- nrow(a)
  v <- diag(n)
  threshold <- TOLERANCE * max(abs(diag(a)))
  for (sweep in seq_len(MAX_SWEEPS)) {
    rotated <- FALSE
    for (p in seq_len(n - 1)) {
      for (q in (p + 1):n) {
        apq <- a[p, q]
        if (abs(apq) <= threshold) next
        rotated <- TRUE
        app <- a[p, p]
        aqq <- a[q, q]
        theta <- (aqq - app) / (2 * apq)
        t <- 1 / (abs(theta) + sqrt(theta * theta + 1))
        if (theta < 0) t <- -t
        cs <- 1 / sqrt(t * t + 1)
        sn <- t * cs
        # Whole columns at once; the entries at rows p and q are overwritten below.
        ap <- a[, p]
        aq <- a[, q]
        a[, p] <- a[p, ] <- cs * ap - sn * aq
        a[, q] <- a[q, ] <- sn * ap + cs * aq
        a[p, p] <- app - t * apq
        a[q, q] <- aqq + t * apq
        a[p, q] <- a[q, p] <- 0
        vp <- v[, p]
        vq <- v[, q]
        v[, p] <- cs * vp - sn * vq
        v[, q] <- sn * vp + cs * vq
      }
    }
    if (!rotated) break
  }
  list(values = diag(a), vectors = v)
}
# endregion

# Left-to-right sum, one rounding per addition (sum() would add in long double).
running_sum <- function(x) {
  total <- 0
  for (v in x) total <- total + v
  total
}

# 6 decimals; a value that rounds to zero prints 0.000000, never -0.000000.
fixed <- function(x) {
  text <- sprintf("%.6f", x)
  ifelse(text == "-0.000000", "0.000000", text)
}

# region: scores
# Scores of component k, u * sqrt(lambda), signed so the gene with the largest
# |loading| is positive. The loadings are Zᵀu / sqrt(lambda); dividing by sqrt(lambda) > 0
# changes neither their signs nor which one is largest, so Zᵀu is enough.
scores <- function(z, values, vectors, k) {
  u <- vectors[, k]
  w <- numeric(nrow(z))
  for (i in seq_len(ncol(z))) w <- w + z[, i] * u[i]
  best <- which.max(abs(w)) # the first gene wins a tie
  sign <- if (w[best] < 0) -1 else 1
  sign * (u * sqrt(max(values[k], 0)))
}
# endregion

main <- function(args) {
  if (length(args) != 2 || !(args[1] %in% c("variance", "scores"))) {
    stop("usage: Rscript main.R <variance|scores> <expression.tsv>", call. = FALSE)
  }
  path <- args[2]
  z <- standardize(path, read_matrix(path))
  eigen <- jacobi(gram(z))
  # Largest eigenvalue first; order() is stable, so equal values keep their index order.
  o <- order(-eigen$values)
  values <- eigen$values[o]
  vectors <- eigen$vectors[, o, drop = FALSE]
  if (args[1] == "variance") {
    # As many components as prcomp() reports, min(samples, genes), but at most 5.
    k <- seq_len(min(COMPONENTS, ncol(z), nrow(z)))
    rows <- c("PC\tvariance_ratio", sprintf("PC%d\t%s", k, fixed(values[k] / running_sum(values))))
  } else {
    rows <- c("sample\tPC1\tPC2",
              sprintf("%s\t%s\t%s", colnames(z), fixed(scores(z, values, vectors, 1)),
                      fixed(scores(z, values, vectors, 2))))
  }
  # cat() with sep = "" writes exactly these bytes: "\n" on every platform.
  cat(paste0(rows, "\n"), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
