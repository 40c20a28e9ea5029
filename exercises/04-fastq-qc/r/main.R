# Quality control of a FASTQ file: a summary, the mean quality at every position, or the
# ids of the reads that pass a length and mean-quality filter.
#
# Usage: Rscript main.R summary reads.fastq
#        Rscript main.R per-position reads.fastq
#        Rscript main.R filter reads.fastq MINLEN MINMEANQ
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session.
#
# R is fast when it works on whole vectors, slow when it loops over records, so the file
# is read in chunks of 10,000 records (40,000 lines) and each chunk is handled with
# vectorised calls. Memory stays bounded, as in the Rust and Python versions.

USAGE <- "usage: Rscript main.R summary|per-position FASTQ | filter FASTQ MINLEN MINMEANQ"
PHRED_OFFSET <- 33L  # an integer (L): integer minus integer stays integer, half the memory of doubles
CHUNK_RECORDS <- 10000

open_or_stop <- function(path) {
  # A missing file makes file() warn, then fail: catch either and stop with one message.
  con <- tryCatch(file(path, open = "r"),
                  warning = function(cond) cond, error = function(cond) cond)
  if (inherits(con, "condition")) {
    stop(sprintf("%s: %s", path, conditionMessage(con)), call. = FALSE)
  }
  con
}

# region: check
# Stops at the first malformed record of a chunk. Every check runs on the whole chunk at
# once; the first record that fails any of them is the one reported, and within one
# record the checks count in this order (which.min() keeps the first of equal values).
check_chunk <- function(chunk, first, path) {
  seq_len_bytes <- nchar(chunk$seq, type = "bytes")
  # min() and max() are fast passes; only a chunk with a bad byte pays for finding it.
  bad_byte <- if (length(chunk$codes) > 0 && (min(chunk$codes) < 33L || max(chunk$codes) > 126L)) {
    which(chunk$codes < 33L | chunk$codes > 126L)[1]
  } else {
    NA
  }
  # The record that holds a byte: the number of reads that end before it, plus one.
  bad_byte_record <- findInterval(bad_byte, cumsum(chunk$qual_len), left.open = TRUE) + 1
  failing <- c(
    match(FALSE, startsWith(chunk$header, "@")),
    match(FALSE, startsWith(chunk$plus, "+")),
    match(TRUE, seq_len_bytes != chunk$qual_len),
    bad_byte_record
  )
  if (all(is.na(failing))) return(invisible(NULL))
  rule <- which.min(failing)
  r <- failing[rule]
  problem <- switch(rule,
    "header does not start with '@'",
    "separator line does not start with '+'",
    sprintf("%d quality characters for %d bases", chunk$qual_len[r], seq_len_bytes[r]),
    sprintf("quality byte 0x%02x is not Phred+33 ('!' to '~')", chunk$codes[bad_byte])
  )
  record <- first + r - 1
  line <- 4 * (record - 1) + c(1, 3, 4, 4)[rule]
  stop(sprintf("%s: record %.0f (line %.0f): %s", path, record, line, problem), call. = FALSE)
}
# endregion

# region: chunks
# Calls on_chunk(chunk) for every 10,000 records, in file order. A chunk is a list of
# the records' lines (header, seq, plus, qual), one string per record, plus all its
# quality bytes as one integer vector (codes) and each read's quality length (qual_len).
for_each_chunk <- function(path, on_chunk) {
  con <- open_or_stop(path)
  on.exit(close(con))
  first <- 1  # the number of the chunk's first record
  repeat {
    lines <- readLines(con, n = 4 * CHUNK_RECORDS, warn = FALSE)
    if (length(lines) == 0) break
    n <- length(lines) %/% 4
    last <- 4 * seq_len(n)  # each record's last line
    qual <- lines[last]
    chunk <- list(
      header = lines[last - 3], seq = lines[last - 2], plus = lines[last - 1], qual = qual,
      # One call for all reads: the bytes of every quality line, end to end.
      codes = as.integer(charToRaw(paste(qual, collapse = ""))),
      qual_len = nchar(qual, type = "bytes")
    )
    check_chunk(chunk, first, path)
    if (length(lines) %% 4 != 0) {
      record <- first + n
      stop(sprintf("%s: record %.0f (line %.0f): the file ends after %d of its 4 lines",
                   path, record, 4 * record - 3, length(lines) %% 4), call. = FALSE)
    }
    on_chunk(chunk)
    first <- first + n
  }
  invisible(NULL)
}
# endregion

# numerator/denominator rounded half up on the exact fraction; "NA" when the denominator
# is 0. Whole-number arithmetic on purpose: sprintf("%.4f") rounds the nearest binary
# double half to even. %/% and %% are exact on whole doubles below 2^53.
format_ratio <- function(numerator, denominator, decimals) {
  scale <- 10^decimals
  scaled <- (2 * numerator * scale + denominator) %/% (2 * denominator)
  ifelse(denominator == 0, "NA",
         sprintf("%.0f.%0*.0f", scaled %/% scale, decimals, scaled %% scale))
}

# region: summary
summary_rows <- function(path) {
  reads <- 0; bases <- 0; gc <- 0; acgt <- 0; q20 <- 0
  for_each_chunk(path, function(chunk) {
    # How often each byte value occurs in the chunk's sequences: one C-level pass.
    letters <- tabulate(as.integer(charToRaw(paste(chunk$seq, collapse = ""))), nbins = 255)
    count <- function(chars) sum(letters[utf8ToInt(chars)])
    reads <<- reads + length(chunk$seq)
    bases <<- bases + sum(nchar(chunk$seq, type = "bytes"))
    gc <<- gc + count("GCgc")
    acgt <<- acgt + count("ACGTacgt")
    q20 <<- q20 + sum(chunk$codes >= PHRED_OFFSET + 20)
  })
  c("reads\tbases\tmean_length\tgc\tq20_fraction",
    sprintf("%.0f\t%.0f\t%s\t%s\t%s", reads, bases, format_ratio(bases, reads, 2),
            format_ratio(gc, acgt, 4), format_ratio(q20, bases, 4)))
}
# endregion

# region: per-position
per_position_rows <- function(path) {
  # Element p is position p; both grow when a chunk holds a longer read.
  sums <- numeric(0)
  counts <- numeric(0)
  for_each_chunk(path, function(chunk) {
    len <- chunk$qual_len
    before <- cumsum(len) - len  # how many quality bytes come before each read
    # A loop over positions (150 here), each step one vector operation over the chunk's
    # 10,000 reads: R loops are slow per step, so loop over the short dimension.
    for (p in seq_len(max(0, len))) {
      reaching <- before[len >= p]  # the reads long enough to have position p
      if (p > length(sums)) {
        sums[p] <<- 0
        counts[p] <<- 0
      }
      sums[p] <<- sums[p] + sum(chunk$codes[reaching + p]) - PHRED_OFFSET * length(reaching)
      counts[p] <<- counts[p] + length(reaching)
    }
  })
  c("position\tmean_quality",
    sprintf("%d\t%s", seq_along(sums), format_ratio(sums, counts, 2)))
}
# endregion

# region: filter
filter_rows <- function(path, min_len, min_mean_q) {
  passed <- list()
  total <- 0
  for_each_chunk(path, function(chunk) {
    len <- chunk$qual_len
    # Each read's byte total as a difference of running totals over the whole chunk
    # (doubles: no overflow), then 33 off per base.
    running <- c(0, cumsum(as.numeric(chunk$codes)))
    ends <- cumsum(len)
    quality_sum <- running[ends + 1] - running[ends - len + 1] - PHRED_OFFSET * len
    # mean >= MINMEANQ, compared exactly as sum >= MINMEANQ * length: no division.
    keep <- len >= min_len & len > 0 & quality_sum >= min_mean_q * len
    ids <- sub("[ \t].*$", "", substring(chunk$header[keep], 2))
    passed[[length(passed) + 1]] <<- ids
    total <<- total + length(len)
  })
  ids <- unlist(passed)
  c("id", ids, sprintf("# %d of %.0f reads passed", length(ids), total))
}
# endregion

whole_number <- function(name, text) {
  if (!grepl("^[0-9]{1,9}$", text)) {
    stop(sprintf("%s must be a whole number (digits only), got '%s'\n%s", name, text, USAGE),
         call. = FALSE)
  }
  as.numeric(text)
}

# region: main
main <- function(args) {
  command <- if (length(args) >= 1) args[1] else ""
  rows <- if (command == "summary" && length(args) == 2) {
    summary_rows(args[2])
  } else if (command == "per-position" && length(args) == 2) {
    per_position_rows(args[2])
  } else if (command == "filter" && length(args) == 4) {
    # Named first: R evaluates arguments lazily, so a bad number passed straight into
    # filter_rows() would only be noticed after the file had been opened.
    min_len <- whole_number("MINLEN", args[3])
    min_mean_q <- whole_number("MINMEANQ", args[4])
    filter_rows(args[2], min_len, min_mean_q)
  } else {
    stop(USAGE, call. = FALSE)
  }
  # Nothing is printed until the whole file has been read: a malformed record leaves
  # stdout empty instead of half a table. cat() with sep = "" writes exactly these bytes.
  cat(paste0(rows, "\n"), sep = "")
}
# endregion

main(commandArgs(trailingOnly = TRUE))
