# Length and GC content of every record in a FASTA file, with Bioconductor's Biostrings
# doing the work.
#
# Usage: Rscript biostrings_gc.R records.fasta
# Needs Biostrings (written against 2.66; Debian: apt-get install -y r-bioc-biostrings).
# Prints exactly what ../../r/main.R prints, parsed and counted by Biostrings instead.

suppressPackageStartupMessages(library(Biostrings))

# numerator/denominator with 4 decimals, rounded half up on the exact fraction; "NA"
# when the denominator is 0. The same whole-number rule as the core solutions:
# sprintf("%.4f") would round the nearest double half to even (1/32 prints 0.0312).
format_ratio <- function(numerator, denominator) {
  scaled <- (2 * numerator * 10000 + denominator) %/% (2 * denominator)
  ifelse(denominator == 0, "NA", sprintf("%.0f.%04.0f", scaled %/% 10000, scaled %% 10000))
}

main <- function(args) {
  if (length(args) != 1) stop("usage: Rscript biostrings_gc.R <fasta-file>", call. = FALSE)
  path <- args[1]
  # readDNAStringSet() accepts every IUPAC code, stores lowercase (soft-masked) bases as
  # uppercase, and rejects text before the first ">" header (it names the line).
  records <- tryCatch(readDNAStringSet(path, format = "fasta"), error = function(cond) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(cond)), call. = FALSE)
  })

  # names() is the whole header line; the id is the text up to the first whitespace.
  ids <- sub("[[:space:]].*$", "", names(records))
  empty <- which(ids == "")
  if (length(empty) > 0) {
    stop(sprintf("%s record %d: header has an empty id", path, empty[1]), call. = FALSE)
  }

  # One row per record, one column per letter; N, R, Y, S, W, ... are in no column.
  # as.numeric(): R integers are 32-bit and sums over a genome would overflow them.
  counts <- letterFrequency(records, letters = c("A", "C", "G", "T"))
  gc <- as.numeric(counts[, "C"] + counts[, "G"])
  acgt <- as.numeric(rowSums(counts))
  len <- as.numeric(width(records))

  rows <- c(
    "id\tlength\tgc",
    sprintf("%s\t%.0f\t%s", ids, len, format_ratio(gc, acgt)),
    sprintf("TOTAL\t%.0f\t%s", sum(len), format_ratio(sum(gc), sum(acgt)))
  )
  cat(paste0(rows, "\n"), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
