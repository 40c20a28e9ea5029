# Global alignment of every pair in a TSV file: +2 match, -1 mismatch, -2 per gap position.
# Usage: Rscript align.R pairs.tsv
pairs <- read.delim(commandArgs(trailingOnly = TRUE)[1], colClasses = "character", quote = "")

align <- function(a, b) {
  a <- strsplit(toupper(a), "")[[1]]
  b <- strsplit(toupper(b), "")[[1]]
  n <- length(a)
  m <- length(b)
  s <- function(i, j) if (a[i] == b[j]) 2 else -1
  # h[i + 1, j + 1] is the best score of a[1..i] against b[1..j].
  h <- matrix(0, n + 1, m + 1)
  h[, 1] <- -2 * (0:n)
  h[1, ] <- -2 * (0:m)
  for (i in 1:n) for (j in 1:m) {
    h[i + 1, j + 1] <- max(h[i, j] + s(i, j), h[i, j + 1] - 2, h[i + 1, j] - 2)
  }
  # Walk back from the bottom-right corner, one move at a time.
  row_a <- character(0)
  row_b <- character(0)
  i <- n
  j <- m
  while (i > 0 || j > 0) {
    if (i > 0 && h[i + 1, j + 1] == h[i, j + 1] - 2) {
      row_a <- c(a[i], row_a); row_b <- c("-", row_b); i <- i - 1
    } else if (j > 0 && h[i + 1, j + 1] == h[i + 1, j] - 2) {
      row_a <- c("-", row_a); row_b <- c(b[j], row_b); j <- j - 1
    } else {
      row_a <- c(a[i], row_a); row_b <- c(b[j], row_b); i <- i - 1; j <- j - 1
    }
  }
  sprintf("%.0f\t%s\t%s", h[n + 1, m + 1], paste(row_a, collapse = ""), paste(row_b, collapse = ""))
}

cat("id\tscore\taligned_a\taligned_b\n")
cat(sprintf("%s\t%s\n", pairs$id, mapply(align, pairs$seq_a, pairs$seq_b)), sep = "")
