# FASTQ quality control with Bioconductor's ShortRead doing the parsing and the Phred
# decoding.
#
# Usage: Rscript shortread_qc.R summary reads.fastq
#        Rscript shortread_qc.R per-position reads.fastq
#        Rscript shortread_qc.R filter reads.fastq MINLEN MINMEANQ
# Needs ShortRead (written against 1.56; Debian: apt-get install -y r-bioc-shortread), which
# brings Biostrings. Prints exactly what ../../r/main.R prints.

suppressPackageStartupMessages(library(ShortRead))

USAGE <- "usage: Rscript shortread_qc.R summary|per-position FASTQ | filter FASTQ MINLEN MINMEANQ"

# numerator/denominator rounded half up on the exact fraction; "NA" when the denominator
# is 0. Whole-number arithmetic, as in the core solutions: sprintf("%.4f") rounds the
# nearest double half to even. %/% and %% are exact on whole doubles below 2^53.
format_ratio <- function(numerator, denominator, decimals) {
  scale <- 10^decimals
  scaled <- (2 * numerator * scale + denominator) %/% (2 * denominator)
  ifelse(denominator == 0, "NA",
         sprintf("%.0f.%0*.0f", scaled %/% scale, decimals, scaled %% scale))
}

read_reads <- function(path) {
  # readFastq() reads the whole file into memory: a ShortReadQ object holding the
  # reads (sread), their qualities (quality) and the header lines (id).
  tryCatch(readFastq(path), error = function(cond) {
    stop(sprintf("%s: %s", path, conditionMessage(cond)), call. = FALSE)
  })
}

# Phred scores as a reads x positions matrix: NA where a read is shorter than the longest.
# FastqQuality knows the Phred+33 offset; the matrix is decoded for us.
quality_matrix <- function(reads) as(quality(reads), "matrix")

summary_rows <- function(reads) {
  # One count per letter, summed over all reads: an integer matrix of 1 row.
  letters <- alphabetFrequency(sread(reads), collapse = TRUE)
  gc <- as.numeric(sum(letters[c("G", "C")]))
  acgt <- as.numeric(sum(letters[c("A", "C", "G", "T")]))
  bases <- as.numeric(sum(width(reads)))
  q <- quality_matrix(reads)
  q20 <- as.numeric(sum(q >= 20, na.rm = TRUE))
  c("reads\tbases\tmean_length\tgc\tq20_fraction",
    sprintf("%d\t%.0f\t%s\t%s\t%s", length(reads), bases, format_ratio(bases, length(reads), 2),
            format_ratio(gc, acgt, 4), format_ratio(q20, bases, 4)))
}

per_position_rows <- function(reads) {
  q <- quality_matrix(reads)
  # Sums and counts per column over the reads that reach that position: the NAs
  # padding shorter reads are left out of both.
  sums <- colSums(q, na.rm = TRUE)
  counts <- colSums(!is.na(q))
  c("position\tmean_quality",
    sprintf("%d\t%s", seq_along(sums), format_ratio(sums, counts, 2)))
}

filter_rows <- function(reads, min_len, min_mean_q) {
  q <- quality_matrix(reads)
  len <- width(reads)
  total_q <- rowSums(q, na.rm = TRUE)
  keep <- len >= min_len & len > 0 & total_q >= min_mean_q * len
  # id() is the whole header line after '@'; the read id is its first word.
  ids <- sub("[[:space:]].*$", "", as.character(id(reads)))
  c("id", ids[keep], sprintf("# %d of %d reads passed", sum(keep), length(reads)))
}

whole_number <- function(name, text) {
  if (!grepl("^[0-9]{1,9}$", text)) {
    stop(sprintf("%s must be a whole number (digits only), got '%s'\n%s", name, text, USAGE),
         call. = FALSE)
  }
  as.numeric(text)
}

main <- function(args) {
  command <- if (length(args) >= 1) args[1] else ""
  known <- (command %in% c("summary", "per-position") && length(args) == 2) ||
    (command == "filter" && length(args) == 4)
  if (!known) stop(USAGE, call. = FALSE)
  if (command == "filter") {
    min_len <- whole_number("MINLEN", args[3])
    min_mean_q <- whole_number("MINMEANQ", args[4])
  }
  # Read before dispatching: R evaluates arguments lazily, so a read_reads() call passed
  # as an argument would fail deep inside the first function that touches it.
  reads <- read_reads(args[2])
  rows <- switch(command,
    "summary" = summary_rows(reads),
    "per-position" = per_position_rows(reads),
    "filter" = filter_rows(reads, min_len, min_mean_q)
  )
  cat(paste0(rows, "\n"), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
