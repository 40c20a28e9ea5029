# Pipeline stage 2: count the canonical k-mers of the reads in a FASTQ file and write the
# profile as a table: every canonical k-mer of length K with its count, zeros included.
#
# Usage: Rscript main.R filtered.fastq profile.tsv K
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session. A k-mer and its
# reverse complement are the same double-stranded sequence, so each is counted under its
# canonical form, the alphabetically smaller of the two (module 02). Windows that hold a
# letter other than A, C, G or T (an N) are skipped; lowercase counts as uppercase.

USAGE <- "usage: main READS.fastq PROFILE.tsv K"
MAX_K <- 8

reverse_complement <- function(kmer) {
  vapply(strsplit(chartr("ACGT", "TGCA", kmer), ""),
         function(letters) paste(rev(letters), collapse = ""), character(1))
}

# region: reads
read_sequences <- function(path) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  n <- length(lines) %/% 4
  headers <- lines[4 * seq_len(n) - 3]
  bad_header <- match(FALSE, startsWith(headers, "@"))
  truncated <- if (length(lines) %% 4 != 0) n + 1 else NA
  if (!is.na(bad_header)) {
    stop(sprintf("%s: record %d (line %d): header does not start with '@'",
                 path, bad_header, 4 * bad_header - 3), call. = FALSE)
  }
  if (!is.na(truncated)) {
    stop(sprintf("%s: record %d (line %d): the file ends after %d of its 4 lines",
                 path, truncated, 4 * truncated - 3, length(lines) %% 4), call. = FALSE)
  }
  lines[4 * seq_len(n) - 2]
}
# endregion

# region: count
# Forward k-mer counts over every read, as a named vector (k-mer -> count), with no loop
# over reads: all windows of all reads are cut out in one substring() call.
count_kmers <- function(seqs, k) {
  seqs <- toupper(seqs)
  len <- nchar(seqs)
  windows <- pmax(len - k + 1, 0)  # windows per read
  read <- rep(seq_along(seqs), windows)
  # Each window's start within its read: 1, 2, ... restarting at every read.
  start <- sequence(windows)
  kmers <- substring(seqs[read], start, start + k - 1)
  kmers <- kmers[!grepl("[^ACGT]", kmers)]  # skip windows with an N (or any other letter)
  table(kmers)
}

canonical_profile <- function(counts, k) {
  # Every k-mer of length k in alphabetical order: expand.grid varies its first column
  # fastest, so the columns are given in reverse and pasted back in order.
  grid <- expand.grid(rep(list(c("A", "C", "G", "T")), k), stringsAsFactors = FALSE)
  all <- do.call(paste0, rev(grid))
  rc <- reverse_complement(all)
  forward <- as.numeric(counts[all])
  forward[is.na(forward)] <- 0
  names(forward) <- all
  # `all` is in alphabetical order, so comparing positions compares k-mers, with no
  # string collation (which depends on the locale) involved.
  canonical <- seq_along(all) <= match(rc, all)
  kmer <- all[canonical]
  # A palindrome (its own reverse complement) is one k-mer, found on both strands at once.
  count <- ifelse(kmer == rc[canonical], forward[kmer], forward[kmer] + forward[rc[canonical]])
  data.frame(kmer = kmer, count = unname(count), stringsAsFactors = FALSE)
}
# endregion

# region: main
main <- function(args) {
  if (length(args) != 3) stop(USAGE, call. = FALSE)
  if (!grepl("^[1-9]$", args[3]) || as.numeric(args[3]) > MAX_K) {
    stop(sprintf("K must be a whole number from 1 to %d, got '%s'", MAX_K, args[3]), call. = FALSE)
  }
  k <- as.integer(args[3])
  seqs <- read_sequences(args[1])
  counts <- count_kmers(seqs, k)
  profile <- canonical_profile(counts, k)
  text <- paste0("kmer\tcount\n", paste0(profile$kmer, "\t", sprintf("%.0f", profile$count), "\n",
                                          collapse = ""))
  written <- tryCatch(writeBin(charToRaw(text), args[2]),
                      warning = function(cond) cond, error = function(cond) cond)
  if (inherits(written, "condition")) {
    stop(sprintf("cannot write %s: %s", args[2], conditionMessage(written)), call. = FALSE)
  }
  windows <- 0
  for (count in counts) windows <- windows + count
  cat(sprintf("kmer-profile: %.0f %d-mers in %d reads; %d of %d canonical %d-mers seen\n",
              windows, k, length(seqs), sum(profile$count > 0), nrow(profile), k))
}
# endregion

main(commandArgs(trailingOnly = TRUE))
