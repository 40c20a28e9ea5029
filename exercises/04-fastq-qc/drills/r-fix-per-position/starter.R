# Mean Phred quality at every position of a FASTQ file.
# Usage: Rscript per_position.R per-position reads.fastq
lines <- readLines(commandArgs(trailingOnly = TRUE)[2], warn = FALSE)
qual <- lines[seq(4, length(lines), by = 4)]
len <- nchar(qual)
width <- max(len)

# One row per read, one column per position; shorter reads are padded with 0.
scores <- matrix(0, nrow = length(qual), ncol = width)
scores[cbind(rep(seq_along(qual), len), sequence(len))] <- utf8ToInt(paste(qual, collapse = "")) - 33
sums <- colSums(scores)
# Every read is counted at every position.
counts <- rep(length(qual), width)

# numerator/denominator with 2 decimals, rounded half up on the exact fraction.
format_ratio <- function(num, den) {
  scaled <- (2 * num * 100 + den) %/% (2 * den)
  sprintf("%.0f.%02.0f", scaled %/% 100, scaled %% 100)
}
cat("position\tmean_quality\n")
cat(sprintf("%d\t%s\n", seq_len(width), format_ratio(sums, counts)), sep = "")
