# Mean and max signal over each peak. Usage: Rscript peaks.R signal.bedGraph peaks.bed
args <- commandArgs(trailingOnly = TRUE)
# skip = 1: the bedGraph starts with a `track` line.
signal <- read.table(args[1], sep = "\t", skip = 1, col.names = c("chrom", "start", "end", "value"))
peaks <- read.table(args[2], sep = "\t", col.names = c("chrom", "start", "end", "name"))
milli <- round(signal$value * 1000)  # thousandths: every sum stays a whole number

fixed4 <- function(e4) sprintf("%.0f.%04.0f", e4 %/% 10000, e4 %% 10000)
rows <- character(nrow(peaks))
for (i in seq_len(nrow(peaks))) {
  p <- peaks[i, ]
  # Intervals that share at least one base with the peak (half-open coordinates).
  hit <- signal$chrom == p$chrom & signal$end > p$start & signal$start < p$end
  bases <- pmin(signal$end[hit], p$end) - pmax(signal$start[hit], p$start)
  total <- sum(bases * milli[hit])
  width <- sum(bases)
  mean_e4 <- (20 * total + width) %/% (2 * width)  # rounded half up
  rows[i] <- sprintf("%s\t%s\t%s", p$name, fixed4(mean_e4), fixed4(10 * max(c(0, milli[hit]))))
}
cat("name\tmean\tmax\n", paste0(rows, "\n"), sep = "")
