# Global alignment (Needleman-Wunsch) of every sequence pair in a TSV file.
#
# Usage: Rscript main.R pairs.tsv
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session.

# region: scoring
MATCH <- 2L
MISMATCH <- -1L
GAP <- -2L # per gap position: a gap of k positions costs k * GAP (a linear gap score)
HEADER <- "id\tseq_a\tseq_b"
# endregion

read_lines_or_stop <- function(path) {
  # A missing file makes readLines() warn, then fail: catch either and stop with one
  # clear message. Interrupts are not caught, so the Stop button still works.
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  lines
}

check_sequence <- function(path, line_no, name, seq) {
  if (seq == "") stop(sprintf("%s line %d: %s is empty", path, line_no, name), call. = FALSE)
  bad <- regexpr("[^ACGTacgt]", seq)
  if (bad > 0) {
    stop(sprintf("%s line %d: %s has '%s' at position %d (only A, C, G and T are allowed)",
                 path, line_no, name, substr(seq, bad, bad), bad), call. = FALSE)
  }
  toupper(seq) # soft-masked (lowercase) bases are still bases
}

# region: parse
parse_pairs <- function(path) {
  lines <- read_lines_or_stop(path)
  if (length(lines) == 0 || lines[1] != HEADER) {
    stop(sprintf("%s line 1: the header must be id, seq_a, seq_b (tab-separated)", path), call. = FALSE)
  }
  line_nos <- seq_along(lines)[-1]
  line_nos <- line_nos[lines[line_nos] != ""] # blank lines are skipped
  pairs <- lapply(line_nos, function(line_no) {
    # strsplit() drops one empty field at the end ("x\tACGT\t" gives 2 fields, not 3);
    # a tab added at the end is the one it drops, so every real field survives.
    fields <- strsplit(paste0(lines[line_no], "\t"), "\t", fixed = TRUE)[[1]]
    if (length(fields) != 3) {
      stop(sprintf("%s line %d: expected 3 tab-separated fields (id, seq_a, seq_b), found %d",
                   path, line_no, length(fields)), call. = FALSE)
    }
    list(id = fields[1],
         a = check_sequence(path, line_no, "seq_a", fields[2]),
         b = check_sequence(path, line_no, "seq_b", fields[3]))
  })
  pairs
}
# endregion

# region: fill
# h[i + 1, j + 1] = best score of a[1..i] against b[1..j]: R counts from 1, so row 1
# and column 1 hold the empty prefixes. A matrix is ONE vector, stored column by column.
fill_scores <- function(a, b) {
  n <- length(a)
  m <- length(b)
  h <- matrix(0L, nrow = n + 1, ncol = m + 1)
  steps <- GAP * (0:m) # the gap cost of 0, 1, ..., m positions
  h[1, ] <- steps
  for (i in seq_len(n)) {
    above <- h[i, ]
    # Diagonal and up for the whole row at once: vectors of length m. (b == a[i]) is
    # TRUE/FALSE, which arithmetic reads as 1/0. Plain arithmetic and `[`, not ifelse()
    # and pmax(): those are R functions with many checks, and made this loop several
    # times slower in webR.
    diagonal <- above[-(m + 1)] + MISMATCH + (MATCH - MISMATCH) * (b == a[i])
    up <- above[-1] + GAP
    best <- diagonal
    up_wins <- up > diagonal
    best[up_wins] <- up[up_wins]
    # "left" depends on the cell just computed, which looks like a loop over j. But
    # h[i, j] = max over k <= j of (best[k] + GAP * (j - k)), and that is a running
    # maximum: cummax() runs it in C for the whole row.
    best <- c(i * GAP, best)
    h[i + 1, ] <- cummax(best - steps) + steps
  }
  h
}
# endregion

# region: traceback
traceback_pair <- function(h, a, b) {
  i <- length(a)
  j <- length(b)
  row_a <- character(i + j)
  row_b <- character(i + j)
  k <- i + j # fill the rows from the end; at most n + m columns
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 &&
        h[i + 1, j + 1] == h[i, j] + (if (a[i] == b[j]) MATCH else MISMATCH)) {
      row_a[k] <- a[i]
      row_b[k] <- b[j]
      i <- i - 1
      j <- j - 1
    } else if (i > 0 && h[i + 1, j + 1] == h[i, j + 1] + GAP) {
      row_a[k] <- a[i]
      row_b[k] <- "-"
      i <- i - 1
    } else {
      row_a[k] <- "-"
      row_b[k] <- b[j]
      j <- j - 1
    }
    k <- k - 1
  }
  used <- (k + 1):length(row_a)
  c(paste(row_a[used], collapse = ""), paste(row_b[used], collapse = ""))
}
# endregion

align_pair <- function(pair) {
  a <- strsplit(pair$a, "")[[1]]
  b <- strsplit(pair$b, "")[[1]]
  h <- fill_scores(a, b)
  aligned <- traceback_pair(h, a, b)
  sprintf("%s\t%d\t%s\t%s", pair$id, h[length(a) + 1, length(b) + 1], aligned[1], aligned[2])
}

main <- function(args) {
  if (length(args) != 1) stop("usage: Rscript main.R <pairs.tsv>", call. = FALSE)
  pairs <- parse_pairs(args[1])
  rows <- vapply(pairs, align_pair, character(1))
  # cat() with sep = "" writes exactly these bytes: "\n" on every platform.
  cat(paste0(c("id\tscore\taligned_a\taligned_b", rows), "\n"), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
