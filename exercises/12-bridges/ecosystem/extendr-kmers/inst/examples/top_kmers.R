# Module 02's k-mer table from R, counted in Rust by the kmerkernel package (extendr).
#
# Usage, after installing the package (in R: rextendr::document(); devtools::install()):
#   Rscript inst/examples/top_kmers.R ../../data/genome.fasta 21 10
# Prints what ../../../../r/main.R prints in the page, where the same Rust is reached
# through WebAssembly instead.

library(kmerkernel)

# Every record's sequence as one string (a character vector, one element per record).
read_sequences <- function(path) {
  lines <- sub("[[:space:]]+$", "", readLines(path, warn = FALSE))
  is_header <- startsWith(lines, ">")
  record <- cumsum(is_header)
  if (any(record == 0 & lines != "")) stop(path, ": sequence before the first '>' header", call. = FALSE)
  owner <- factor(record[!is_header & record > 0], levels = seq_len(sum(is_header)))
  unname(vapply(split(lines[!is_header & record > 0], owner), paste, "", collapse = ""))
}

main <- function(args) {
  if (length(args) != 3) stop("usage: Rscript top_kmers.R <fasta> <k> <n>", call. = FALSE)
  if (!all(grepl("^[0-9]+$", args[2:3]))) stop("k and n must be whole numbers", call. = FALSE)
  seqs <- read_sequences(args[1])
  k <- as.integer(args[2])
  n <- as.integer(args[3])
  # A character vector goes in, a data frame comes out; a broken rule in Rust arrives
  # as an ordinary R error, which tryCatch() or the R prompt handle as usual.
  table <- top_kmers(seqs, k, n)
  # The same kernel from raw bytes, borrowed by Rust without a copy.
  stopifnot(identical(top_kmers_raw(charToRaw(paste(seqs, collapse = "\n")), k, n), table))
  cat("kmer\tcount\n", sprintf("%s\t%.0f\n", table$kmer, table$count), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
