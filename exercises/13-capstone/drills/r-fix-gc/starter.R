# The totals of a canonical k-mer profile: k, the number of k-mers, how many distinct, GC share.
# Usage: Rscript totals.R profile.tsv
profile <- read.delim(commandArgs(trailingOnly = TRUE)[1], colClasses = c("character", "numeric"))
k <- nchar(profile$kmer[1])
gc_letters <- nchar(gsub("[AT]", "", profile$kmer))  # G and C in each k-mer

# A loop, not sum(): the same order of additions as the Python and Rust versions.
total <- 0
gc <- 0
for (i in seq_len(nrow(profile))) {
  total <- total + profile$count[i]
  gc <- gc + profile$count[i] * gc_letters[i]
}

# num/den with 4 decimals, rounded half up on the exact fraction.
format_ratio <- function(num, den, decimals) {
  scaled <- (2 * num * 10^decimals + den) %/% (2 * den)
  sprintf("%.0f.%0*.0f", scaled %/% 10^decimals, decimals, scaled %% 10^decimals)
}
cat("k\tkmers\tdistinct\tgc\n")
cat(sprintf("%d\t%.0f\t%d\t%s\n", k, total, sum(profile$count > 0), format_ratio(gc, total, 4)))
