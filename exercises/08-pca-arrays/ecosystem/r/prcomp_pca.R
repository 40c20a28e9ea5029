# PCA of the samples of a genes × samples expression matrix, with R's own prcomp().
#
# Usage: Rscript prcomp_pca.R variance expression.tsv
#        Rscript prcomp_pca.R scores expression.tsv
# Base R and stats only (written against R 4.2). This script produced expected/*.tsv:
# prcomp() takes the SVD of the scaled matrix with LAPACK, an implementation independent
# of the Jacobi eigensolver in the core solutions.

read_expression <- function(path) {
  # fill = FALSE: read.delim() would otherwise pad a short row with NA, silently.
  # Errors (a missing file, a ragged row: "line 4 did not have 6 elements") are
  # turned into one message that names the file.
  x <- tryCatch(
    read.delim(path, row.names = 1, check.names = FALSE, fill = FALSE,
               na.strings = character(0), strip.white = FALSE),
    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(x, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(x)), call. = FALSE)
  }
  # A column with any text that is not a number is read as character, not numeric.
  text <- which(!vapply(x, is.numeric, logical(1)))
  if (length(text) > 0) {
    sample <- names(x)[text[1]]
    bad <- which(is.na(suppressWarnings(as.numeric(x[[sample]]))))[1]
    stop(sprintf("%s line %d, sample %s: '%s' is not a number",
                 path, bad + 1, sample, x[[sample]][bad]), call. = FALSE)
  }
  as.matrix(x)
}

main <- function(args) {
  if (length(args) != 2 || !(args[1] %in% c("variance", "scores"))) {
    stop("usage: Rscript prcomp_pca.R <variance|scores> <expression.tsv>", call. = FALSE)
  }
  m <- read_expression(args[2])
  # prcomp() would stop with "cannot rescale a constant/zero column to unit variance"
  # without saying which gene; name it first.
  constant <- which(apply(m, 1, function(g) all(g == g[1])))
  if (length(constant) > 0) {
    stop(sprintf("%s: gene %s is constant (variance 0), so it cannot be scaled to unit variance",
                 args[2], rownames(m)[constant[1]]), call. = FALSE)
  }

  # Samples are the observations: transpose so they are the rows. scale. = TRUE divides
  # each gene by its sd with n - 1, like sd().
  pca <- prcomp(t(m), center = TRUE, scale. = TRUE)

  if (args[1] == "variance") {
    ratio <- pca$sdev^2 / sum(pca$sdev^2)
    k <- seq_len(min(5, length(ratio)))
    rows <- c("PC\tvariance_ratio", sprintf("PC%d\t%.6f", k, ratio[k]))
  } else {
    # An eigenvector's sign is arbitrary (LAPACK may return either); fix it so that the
    # gene with the largest |loading| has a positive loading.
    scores <- pca$x[, 1:2]
    for (k in 1:2) {
      top <- which.max(abs(pca$rotation[, k]))
      if (pca$rotation[top, k] < 0) scores[, k] <- -scores[, k]
    }
    fixed <- function(v) sub("^-(0\\.0+)$", "\\1", sprintf("%.6f", v))
    rows <- c("sample\tPC1\tPC2",
              sprintf("%s\t%s\t%s", rownames(scores), fixed(scores[, 1]), fixed(scores[, 2])))
  }
  cat(paste0(rows, "\n"), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
