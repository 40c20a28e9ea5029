# Canonical k-mer counts and motif hits on both strands of the records of a FASTA file.
#
# Usage: Rscript main.R kmers genome.fasta K N
#        Rscript main.R motif genome.fasta PATTERN
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session.

usage <- "usage: Rscript main.R kmers <fasta> <k> <n> | Rscript main.R motif <fasta> <pattern>"

# region: read
# Every record as one string: list(id = ..., seq = ...). The case is kept; each task
# deals with soft-masked (lowercase) bases itself.
read_fasta <- function(path) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  lines <- sub("[[:space:]]+$", "", lines)
  is_header <- startsWith(lines, ">")
  record <- cumsum(is_header)
  stray <- which(record == 0 & lines != "")
  if (length(stray) > 0) {
    stop(sprintf("%s line %d: sequence before the first '>' header", path, stray[1]), call. = FALSE)
  }
  ids <- sub("[[:space:]].*$", "", substring(lines[is_header], 2))
  # factor() with every record as a level keeps records that have no sequence lines.
  owner <- factor(record[!is_header & record > 0], levels = seq_along(ids))
  seqs <- vapply(split(lines[!is_header & record > 0], owner), paste, "", collapse = "")
  list(id = ids, seq = unname(seqs))
}
# endregion

# A whole number between low and high, from digits only (as.numeric would take "2.5e1").
whole_number <- function(text, name, low, high = Inf) {
  value <- if (grepl("^[0-9]+$", text)) as.numeric(text) else NA
  if (is.na(value) || value < low || value > high) {
    rule <- if (is.finite(high)) sprintf("from %d to %d", low, high) else sprintf("of at least %d", low)
    stop(sprintf("%s must be a whole number %s, got '%s'", name, rule, text), call. = FALSE)
  }
  value
}

# region: codes
# A k-mer as a number: each base is a digit in base 4 (A = 0, C = 1, G = 2, T = 3),
# first base first. Such numbers sort exactly like the k-mers' letters. Lowercase
# (soft-masked) bases get the same digits; N and every other letter become NA, and
# NA spreads through the arithmetic, so a window that holds one is NA as a whole.
BASE_DIGIT <- rep(NA_real_, 256)
BASE_DIGIT[utf8ToInt("ACGTacgt")] <- c(0:3, 0:3)

# The codes of the `len` bases that start `from - 1` bases into each of the first `m`
# windows: one vectorised step per base, over all windows at once.
window_codes <- function(digits, from, len, m) {
  code <- numeric(m)
  for (offset in seq_len(len) - 1) code <- code * 4 + digits[(from + offset):(from + offset + m - 1)]
  code
}

# Every k-mer of one strand as two numbers: its first min(k, 16) bases and the rest.
# A double holds whole numbers exactly only up to 2^53, and 32 bases need 64 bits.
kmer_codes <- function(digits, k) {
  m <- length(digits) - k + 1
  h <- min(k, 16)
  list(hi = window_codes(digits, 1, h, m), lo = window_codes(digits, h + 1, k - h, m))
}
# endregion

# region: canonical
# The canonical code of every window of one record; NA where a window holds an N.
canonical_codes <- function(seq, k) {
  digits <- BASE_DIGIT[utf8ToInt(seq)]
  if (length(digits) < k) return(list(hi = numeric(0), lo = numeric(0)))
  forward <- kmer_codes(digits, k)
  # The reverse strand, read 5' to 3', is the complement (3 - digit) reversed; its last
  # window is the reverse complement of our first, so reverse its windows again.
  back <- kmer_codes(rev(3 - digits), k)
  back <- list(hi = rev(back$hi), lo = rev(back$lo))
  smaller <- which(back$hi < forward$hi | (back$hi == forward$hi & back$lo < forward$lo))
  forward$hi[smaller] <- back$hi[smaller]
  forward$lo[smaller] <- back$lo[smaller]
  forward
}
# endregion

decode <- function(code, len) {
  digits <- (code %/% 4^(rev(seq_len(len)) - 1)) %% 4
  paste(c("A", "C", "G", "T")[digits + 1], collapse = "")
}

# region: count
count_kmers <- function(seqs, k, n) {
  # One string for the whole file, records joined by an N: no window spans two records.
  codes <- canonical_codes(paste(seqs, collapse = "N"), k)
  ok <- !is.na(codes$hi) & !is.na(codes$lo)
  hi <- codes$hi[ok]
  lo <- codes$lo[ok]
  if (length(hi) == 0) return(data.frame(kmer = character(0), count = numeric(0)))
  # Sort the codes so equal k-mers sit together, then count each run: the vectorised
  # alternative to a hash table. Radix sorting of doubles is linear time.
  sorted <- order(hi, lo, method = "radix")
  hi <- hi[sorted]
  lo <- lo[sorted]
  first <- which(c(TRUE, diff(hi) != 0 | diff(lo) != 0))
  count <- diff(c(first, length(hi) + 1))
  # Most frequent first; ties by k-mer, which is by code (hi, then lo).
  top <- head(order(-count, hi[first], lo[first], method = "radix"), n)
  h <- min(k, 16)
  kmer <- vapply(top, function(i) paste0(decode(hi[first[i]], h), decode(lo[first[i]], k - h)), "")
  data.frame(kmer = kmer, count = count[top], stringsAsFactors = FALSE)
}
# endregion

run_kmers <- function(path, k_text, n_text) {
  k <- whole_number(k_text, "k", 1, 32)
  n <- whole_number(n_text, "n", 1)
  genome <- read_fasta(path)
  longest <- max(c(0, nchar(genome$seq)))
  if (k > longest) {
    stop(sprintf("k = %d is longer than every sequence in %s (longest: %d)", k, path, longest),
         call. = FALSE)
  }
  top <- count_kmers(genome$seq, k, n)
  cat("kmer\tcount\n", sprintf("%s\t%.0f\n", top$kmer, top$count), sep = "")
}

revcomp <- function(seq) intToUtf8(rev(utf8ToInt(chartr("ACGT", "TGCA", seq))))

# region: motif
# 0-based starts of every match of `pattern` in each sequence, overlapping ones
# included: the lookahead (?=...) matches without using up the text it looks at.
match_starts <- function(seqs, pattern) {
  found <- gregexpr(paste0("(?=", pattern, ")"), seqs, perl = TRUE)
  lapply(found, function(starts) starts[starts > 0] - 1)
}

run_motif <- function(path, pattern) {
  pattern <- toupper(pattern)
  if (pattern == "") stop("pattern is empty: give a motif of A, C, G and T", call. = FALSE)
  bad <- regmatches(pattern, regexpr("[^ACGT]", pattern))
  if (length(bad) > 0) {
    stop(sprintf("pattern %s contains '%s': use only A, C, G and T", pattern, bad), call. = FALSE)
  }
  genome <- read_fasta(path)
  seqs <- toupper(genome$seq)
  # A match of the reverse complement on the forward strand is a match of the pattern
  # on the reverse strand, at the same forward-strand coordinates.
  plus <- match_starts(seqs, pattern)
  minus <- match_starts(seqs, revcomp(pattern))
  record <- rep(seq_along(seqs), lengths(plus) + lengths(minus))
  strand <- unlist(lapply(seq_along(seqs), function(i) rep(c("+", "-"), c(length(plus[[i]]), length(minus[[i]])))))
  position <- unlist(lapply(seq_along(seqs), function(i) c(plus[[i]], minus[[i]])))
  hits <- order(record, position, strand == "-")
  cat("id\tstrand\tposition\n",
      sprintf("%s\t%s\t%.0f\n", genome$id[record[hits]], strand[hits], position[hits]), sep = "")
}
# endregion

main <- function(args) {
  if (length(args) == 4 && args[1] == "kmers") {
    run_kmers(args[2], args[3], args[4])
  } else if (length(args) == 3 && args[1] == "motif") {
    run_motif(args[2], args[3])
  } else {
    stop(usage, call. = FALSE)
  }
}

main(commandArgs(trailingOnly = TRUE))
