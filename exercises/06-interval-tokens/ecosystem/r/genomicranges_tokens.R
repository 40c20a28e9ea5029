# Tokenize query regions against a universe of regions, with Bioconductor doing the work:
# rtracklayer reads the BED files, GenomicRanges finds the overlaps.
#
# Usage: Rscript genomicranges_tokens.R universe.bed queries.bed
# Needs rtracklayer and GenomicRanges (written against rtracklayer 1.58, GenomicRanges
# 1.50, IRanges 2.32; Debian: apt-get install -y r-bioc-rtracklayer, which brings
# r-bioc-genomicranges). This script made expected/tokenize.tsv and
# expected/tokenize-tiles.tsv: the overlap search here is Bioconductor's, not ours.

suppressPackageStartupMessages({
  library(rtracklayer)
  library(GenomicRanges)
})

read_bed <- function(path) {
  # import() turns BED's 0-based, half-open [start, end) into Bioconductor's 1-based,
  # closed [start + 1, end]: the same bases, so overlaps mean the same thing. It skips
  # "#", "track" and "browser" lines and keeps file order, so row i is token i - 1.
  if (!file.exists(path)) stop(sprintf("cannot read %s: no such file", path), call. = FALSE)
  tryCatch(import(path, format = "bed"), error = function(cond) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(cond)), call. = FALSE)
  })
}

# The tokenizer contract: within each chromosome, every region starts at or after the
# end of the one before it. GRanges can check that for all chromosomes at once.
check_sorted <- function(universe, path) {
  if (length(universe) < 2) return(invisible(universe))
  same_chrom <- as.character(seqnames(universe))
  by_chrom <- split(seq_along(universe), same_chrom)
  for (rows in by_chrom) {
    if (length(rows) < 2) next
    # 1-based closed: the next start must be past the previous end.
    bad <- which(start(universe)[rows[-1]] <= end(universe)[rows[-length(rows)]])
    if (length(bad) > 0) {
      row <- rows[bad[1] + 1]
      stop(sprintf("%s region %d (%s:%d-%d) starts before the previous %s region ends; the universe must be sorted and non-overlapping",
                   path, row, same_chrom[row], start(universe)[row] - 1L, end(universe)[row], same_chrom[row]),
           call. = FALSE)
    }
  }
  invisible(universe)
}

main <- function(args) {
  if (length(args) != 2) stop("usage: Rscript genomicranges_tokens.R <universe.bed> <queries.bed>", call. = FALSE)
  universe <- check_sorted(read_bed(args[1]), args[1])
  queries <- read_bed(args[2])

  # minoverlap = 1L is this task's rule, "at least one base pair in common". Chromosomes
  # that only one side has (chrY, "1" for chr1) simply give no hits; GenomicRanges warns
  # that the two objects' sequence levels differ, which here is expected, so we muffle
  # that one warning and let any other through.
  hits <- withCallingHandlers(
    findOverlaps(queries, universe, minoverlap = 1L),
    warning = function(w) {
      if (grepl("sequence levels", conditionMessage(w))) invokeRestart("muffleWarning")
    }
  )

  # One group of universe rows per query, empty groups kept; token id = row - 1.
  # 1L, not 1: integer ids print as 100000, a double would print as 1e+05.
  per_query <- split(subjectHits(hits) - 1L, factor(queryHits(hits), levels = seq_along(queries)))
  tokens <- vapply(per_query, function(ids) {
    if (length(ids) == 0) "UNK" else paste(sort(ids), collapse = ",")
  }, character(1), USE.NAMES = FALSE)

  cat("query\ttokens\n", sprintf("%s\t%s\n", queries$name, tokens), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
