# Pipeline stage 1: keep the reads of a FASTQ file that pass a length and mean-quality
# filter, and write them to a new FASTQ file.
#
# Usage: Rscript main.R reads.fastq filtered.fastq MINLEN MINMEANQ
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session. The rules are module
# 04's: 4 lines per record, Phred+33 qualities, and a read passes when its length is at
# least MINLEN and its mean quality at least MINMEANQ, compared exactly.

USAGE <- "usage: main READS.fastq OUT.fastq MINLEN MINMEANQ"
PHRED_OFFSET <- 33L

whole_number <- function(name, text) {
  if (!grepl("^[0-9]{1,9}$", text)) {
    stop(sprintf("%s must be a whole number (digits only), got '%s'\n%s", name, text, USAGE),
         call. = FALSE)
  }
  as.numeric(text)
}

# region: records
# The records of a FASTQ file as a list of four character vectors (one string per
# record), checked as in module 04: the first record that breaks a rule is reported.
read_fastq <- function(path) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  n <- length(lines) %/% 4
  last <- 4 * seq_len(n)
  fastq <- list(header = lines[last - 3], seq = lines[last - 2], plus = lines[last - 1],
                qual = lines[last])
  seq_len_bytes <- nchar(fastq$seq, type = "bytes")
  qual_len <- nchar(fastq$qual, type = "bytes")
  bad_quality <- vapply(fastq$qual, function(q) {
    codes <- as.integer(charToRaw(q))
    bad <- codes[codes < 33L | codes > 126L]
    if (length(bad) > 0) bad[1] else NA_integer_
  }, integer(1), USE.NAMES = FALSE)
  failing <- c(
    match(FALSE, startsWith(fastq$header, "@")),
    match(FALSE, startsWith(fastq$plus, "+")),
    match(TRUE, seq_len_bytes != qual_len),
    match(TRUE, !is.na(bad_quality)),
    if (length(lines) %% 4 != 0) n + 1 else NA
  )
  if (!all(is.na(failing))) {
    rule <- which.min(failing)  # the first failing record; on a tie, the first rule
    r <- failing[rule]
    problem <- switch(rule,
      "header does not start with '@'",
      "separator line does not start with '+'",
      sprintf("%d quality characters for %d bases", qual_len[r], seq_len_bytes[r]),
      sprintf("quality byte 0x%02x is not Phred+33 ('!' to '~')", bad_quality[r]),
      sprintf("the file ends after %d of its 4 lines", length(lines) %% 4)
    )
    line <- 4 * (r - 1) + c(1, 3, 4, 4, 1)[rule]
    stop(sprintf("%s: record %.0f (line %.0f): %s", path, r, line, problem), call. = FALSE)
  }
  fastq
}
# endregion

# region: filter
passes <- function(qual, min_len, min_mean_q) {
  len <- nchar(qual, type = "bytes")
  # Each read's quality total: whole numbers, exact in a double whatever the order.
  quality_sum <- vapply(qual, function(q) sum(as.integer(charToRaw(q))), numeric(1),
                        USE.NAMES = FALSE) - PHRED_OFFSET * len
  len >= min_len & len > 0 & quality_sum >= min_mean_q * len
}
# endregion

# region: main
main <- function(args) {
  if (length(args) != 4) stop(USAGE, call. = FALSE)
  min_len <- whole_number("MINLEN", args[3])
  min_mean_q <- whole_number("MINMEANQ", args[4])
  fastq <- read_fastq(args[1])
  keep <- passes(fastq$qual, min_len, min_mean_q)
  records <- paste0(fastq$header[keep], "\n", fastq$seq[keep], "\n+\n", fastq$qual[keep], "\n",
                    collapse = "")
  # writeBin() writes the bytes as they are: "\n" line ends on every platform.
  written <- tryCatch(writeBin(charToRaw(records), args[2]),
                      warning = function(cond) cond, error = function(cond) cond)
  if (inherits(written, "condition")) {
    stop(sprintf("cannot write %s: %s", args[2], conditionMessage(written)), call. = FALSE)
  }
  cat(sprintf("qc-filter: kept %d of %d reads (length >= %.0f, mean quality >= %.0f)\n",
              sum(keep), length(keep), min_len, min_mean_q))
}
# endregion

main(commandArgs(trailingOnly = TRUE))
