# Canonical k-mer counts and motif hits on both strands, with Bioconductor's Biostrings
# doing the reading, the counting, the reverse complements and the matching.
#
# Usage: Rscript biostrings_kmers_motifs.R kmers genome.fasta K N
#        Rscript biostrings_kmers_motifs.R motif genome.fasta PATTERN
# Needs Biostrings (written against 2.66; Debian: apt-get install -y r-bioc-biostrings).
# Prints exactly what ../../r/main.R prints, computed by Biostrings instead.

suppressPackageStartupMessages(library(Biostrings))

usage <- "usage: Rscript biostrings_kmers_motifs.R kmers <fasta> <k> <n> | motif <fasta> <pattern>"

# readDNAStringSet() stores soft-masked (lowercase) bases as uppercase ones.
read_genome <- function(path) {
  tryCatch(readDNAStringSet(path, format = "fasta"), error = function(cond) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(cond)), call. = FALSE)
  })
}

whole_number <- function(text, name, low, high = Inf) {
  value <- if (grepl("^[0-9]+$", text)) as.numeric(text) else NA
  if (is.na(value) || value < low || value > high) {
    rule <- if (is.finite(high)) sprintf("from %d to %d", low, high) else sprintf("of at least %d", low)
    stop(sprintf("%s must be a whole number %s, got '%s'", name, rule, text), call. = FALSE)
  }
  value
}

# Counts of every canonical k-mer, named by the k-mer.
canonical_counts <- function(genome, k) {
  if (k <= 10) {
    # The Biostrings idiom: one count for each of the 4^k possible k-mers, summed over
    # records; windows with N or any other letter are left out. Its table has 4^k cells
    # (and Biostrings refuses k > 15), so it is only for short k-mers.
    forward <- oligonucleotideFrequency(genome, width = k, simplify.as = "collapsed")
    kmers <- DNAStringSet(names(forward))
    partner <- as.character(reverseComplement(kmers))
    palindrome <- names(forward) == partner
    # A canonical k-mer is seen as itself or as its reverse complement (once, for a palindrome).
    counts <- forward + ifelse(palindrome, 0, forward[partner])
    keep <- pcompare(kmers, reverseComplement(kmers)) <= 0 & counts > 0
    return(counts[keep])
  }
  # Long k-mers: take every window as a view on its record, drop those with a letter
  # other than A, C, G or T, and fold each onto the smaller of it and its reverse complement.
  long_enough <- genome[width(genome) >= k]
  windows <- do.call(c, lapply(seq_along(long_enough), function(i) {
    n <- width(long_enough)[i]
    DNAStringSet(Views(long_enough[[i]], start = seq_len(n - k + 1), width = k))
  }))
  windows <- windows[letterFrequency(windows, "ACGT")[, 1] == k]
  reverse <- reverseComplement(windows)
  canonical <- ifelse(pcompare(windows, reverse) <= 0, as.character(windows), as.character(reverse))
  table(canonical)
}

kmers <- function(path, k_text, n_text) {
  k <- whole_number(k_text, "k", 1, 32)
  n <- whole_number(n_text, "n", 1)
  genome <- read_genome(path)
  longest <- max(c(0, width(genome)))
  if (k > longest) {
    stop(sprintf("k = %d is longer than every sequence in %s (longest: %d)", k, path, longest),
         call. = FALSE)
  }
  counts <- canonical_counts(genome, k)
  # Count descending, then k-mer ascending in byte order (radix sorts in the C locale).
  top <- head(order(-as.numeric(counts), names(counts), method = "radix"), n)
  cat("kmer\tcount\n", sprintf("%s\t%.0f\n", names(counts)[top], as.numeric(counts)[top]), sep = "")
}

motif <- function(path, pattern) {
  pattern <- toupper(pattern)
  if (pattern == "") stop("pattern is empty: give a motif of A, C, G and T", call. = FALSE)
  bad <- regmatches(pattern, regexpr("[^ACGT]", pattern))
  if (length(bad) > 0) {
    stop(sprintf("pattern %s contains '%s': use only A, C, G and T", pattern, bad), call. = FALSE)
  }
  genome <- read_genome(path)
  ids <- sub("[[:space:]].*$", "", names(genome))
  # vmatchPattern() searches the forward strand of every record and reports overlapping
  # matches; the reverse complement's hits are the pattern's hits on the reverse strand.
  plus <- startIndex(vmatchPattern(pattern, genome))
  minus <- startIndex(vmatchPattern(reverseComplement(DNAString(pattern)), genome))
  hits <- do.call(rbind, lapply(seq_along(genome), function(i) {
    strand <- rep(c("+", "-"), c(length(plus[[i]]), length(minus[[i]])))
    data.frame(record = rep(i, length(strand)), strand = strand,
               position = c(plus[[i]], minus[[i]]) - 1, stringsAsFactors = FALSE)
  }))
  hits <- hits[order(hits$record, hits$position, hits$strand == "-"), ]
  cat("id\tstrand\tposition\n",
      sprintf("%s\t%s\t%.0f\n", ids[hits$record], hits$strand, hits$position), sep = "")
}

main <- function(args) {
  if (length(args) == 4 && args[1] == "kmers") {
    kmers(args[2], args[3], args[4])
  } else if (length(args) == 3 && args[1] == "motif") {
    motif(args[2], args[3])
  } else {
    stop(usage, call. = FALSE)
  }
}

main(commandArgs(trailingOnly = TRUE))
