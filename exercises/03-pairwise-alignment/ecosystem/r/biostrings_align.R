# Global alignment of sequence pairs, with Bioconductor's pairwiseAlignment() doing the
# work.
#
# Usage: Rscript biostrings_align.R pairs.tsv
# Needs Biostrings (written against 2.66; Debian: apt-get install -y r-bioc-biostrings).
# Since Bioconductor 3.19, pairwiseAlignment() and its helpers live in the pwalign
# package; this script uses pwalign when it is installed.
# Prints exactly what ../../r/main.R prints.
#
# What Biostrings decides here: the score and the alignment, both computed by its C
# code. Which of several equally good alignments it returns is not documented. In
# Biostrings 2.66 we observed (on data/pairs.tsv, on the 1,000 pairs of the 100x input
# and on 1,500 short random pairs) that it returns the one a traceback from the START
# picks when it prefers the diagonal, then a gap in the pattern, then a gap in the
# subject: the mirror image of this task's rule, which walks back from the end. So we give it the sequences reversed, with a and b
# swapped, and reverse what comes back. That is observed behaviour, not a promise: if a
# release changes it, the tests that compare this script with expected/ will say so.

suppressPackageStartupMessages(library(Biostrings))
pw <- if (requireNamespace("pwalign", quietly = TRUE)) asNamespace("pwalign") else asNamespace("Biostrings")

read_pairs <- function(path) {
  # fill = FALSE makes a row with a missing field an error that names the line (as
  # read.table counts them: the first line after the header is line 1); quote = "" and
  # na.strings = character(0) keep every field as the literal text.
  pairs <- tryCatch(
    read.delim(path, colClasses = "character", quote = "", na.strings = character(0),
               fill = FALSE, comment.char = ""),
    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(pairs, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(pairs)), call. = FALSE)
  }
  if (!identical(names(pairs), c("id", "seq_a", "seq_b"))) {
    stop(sprintf("%s line 1: the header must be id, seq_a, seq_b (tab-separated)", path), call. = FALSE)
  }
  # DNAStringSet() stores soft-masked (lowercase) bases as uppercase.
  seqs <- list(seq_a = DNAStringSet(pairs$seq_a), seq_b = DNAStringSet(pairs$seq_b))
  for (name in names(seqs)) {
    # It also accepts N and every other IUPAC code: this task's scoring knows only A, C, G, T.
    bad <- which(width(seqs[[name]]) == 0 | alphabetFrequency(seqs[[name]], baseOnly = TRUE)[, "other"] > 0)
    if (length(bad) > 0) {
      stop(sprintf("%s line %d: %s must be one or more of A, C, G, T", path, bad[1] + 1, name), call. = FALSE)
    }
  }
  list(id = pairs$id, a = seqs$seq_a, b = seqs$seq_b)
}

# +2 for a match, -1 for a mismatch, on A, C, G and T only.
scoring <- pw$nucleotideSubstitutionMatrix(match = 2, mismatch = -1, baseOnly = TRUE)

align_pair <- function(a, b) {
  # Biostrings charges gapOpening + k * gapExtension for a gap of k positions (both
  # given as positive costs), so 0 and 2 are the linear -2 per position.
  # type = "global" charges the end gaps too.
  aln <- pw$pairwiseAlignment(reverse(b), reverse(a), type = "global",
                              substitutionMatrix = scoring, gapOpening = 0, gapExtension = 2)
  # b was the pattern and a the subject; reverse both rows back.
  c(score = sprintf("%.0f", score(aln)),
    aligned_a = as.character(reverse(pw$alignedSubject(aln))),
    aligned_b = as.character(reverse(pw$alignedPattern(aln))))
}

main <- function(args) {
  if (length(args) != 1) stop("usage: Rscript biostrings_align.R <pairs.tsv>", call. = FALSE)
  pairs <- read_pairs(args[1])
  # One call per pair: pairwiseAlignment() aligns many patterns to ONE subject at a time.
  rows <- vapply(seq_along(pairs$id), function(k) {
    aligned <- align_pair(pairs$a[[k]], pairs$b[[k]])
    paste(pairs$id[k], aligned[["score"]], aligned[["aligned_a"]], aligned[["aligned_b"]], sep = "\t")
  }, character(1))
  cat(paste0(c("id\tscore\taligned_a\taligned_b", rows), "\n"), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
