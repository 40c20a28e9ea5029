# Token ids of the universe regions that each query region overlaps, printed as TSV.
#
# Usage: Rscript main.R universe.bed queries.bed
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session.

read_lines_or_stop <- function(path) {
  # A missing file makes readLines() warn, then fail: catch either, stop with one message.
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  lines
}

# region: parse
# Every data line of a BED file as a data frame (chrom, start, end, name, line), checked
# all at once: each line gets its first problem, and the earliest line's problem is the
# error, so the message is the one Python and Rust give when they stop at that line.
read_bed <- function(path, with_name) {
  lines <- read_lines_or_stop(path)
  keep <- !grepl("^[[:space:]]*$", lines) & !grepl("^(#|track|browser)", lines)
  # strsplit() drops one trailing empty field ("a\tb\t" gives 2 fields, not 3); the
  # extra "\t" makes it count fields the way Python's and Rust's split() do. sprintf(),
  # not paste0(): for a file with no data lines, paste0(character(0), "\t") is "\t".
  fields <- strsplit(sprintf("%s\t", lines[keep]), "\t", fixed = TRUE)
  needed <- if (with_name) 4L else 3L
  field <- function(i) vapply(fields, `[`, character(1), i) # f[i] of each line; NA if missing
  n_fields <- lengths(fields)
  start_text <- field(2)
  end_text <- field(3)
  start <- suppressWarnings(as.numeric(start_text))
  end <- suppressWarnings(as.numeric(end_text))

  problem <- rep(NA_character_, length(fields))
  # Marks the lines where `bad` holds and no earlier check failed; `message(i)` writes
  # the text for those lines only (formatting 100,000 messages to keep 3 would be slow).
  set_problem <- function(bad, message) {
    hit <- which(bad & is.na(problem)) # which() also drops the NAs of missing fields
    if (length(hit) > 0) problem[hit] <<- message(hit)
  }
  names_of <- if (with_name) "chrom, start, end, name" else "chrom, start, end"
  set_problem(n_fields < needed, function(i) {
    sprintf("expected at least %d tab-separated fields (%s), found %d", needed, names_of, n_fields[i])
  })
  set_problem(!grepl("^[0-9]+$", start_text), function(i) sprintf("start '%s' is not a whole number", start_text[i]))
  set_problem(!grepl("^[0-9]+$", end_text), function(i) sprintf("end '%s' is not a whole number", end_text[i]))
  set_problem(start >= end, function(i) sprintf("start (%.0f) must be less than end (%.0f)", start[i], end[i]))

  line_no <- which(keep)
  first <- which(!is.na(problem))[1]
  if (!is.na(first)) stop(sprintf("%s line %d: %s", path, line_no[first], problem[first]), call. = FALSE)

  data.frame(chrom = field(1), start = start, end = end,
             name = if (with_name) field(4) else rep("", length(fields)),
             line = line_no, stringsAsFactors = FALSE)
}
# endregion

# On each chromosome every region must start at or after the end of the previous one.
check_universe <- function(universe, path) {
  previous_end <- rep(NA_real_, nrow(universe))
  for (rows in split(seq_len(nrow(universe)), universe$chrom)) {
    previous_end[rows] <- c(NA, universe$end[rows][-length(rows)])
  }
  bad <- which(universe$start < previous_end)[1] # which() skips the NAs
  if (!is.na(bad)) {
    u <- universe[bad, ]
    stop(sprintf("%s line %d: %s:%.0f-%.0f starts before the previous %s region ends (%.0f); the universe must be sorted and non-overlapping",
                 path, u$line, u$chrom, u$start, u$end, u$chrom, previous_end[bad]), call. = FALSE)
  }
  universe
}

# region: index
# R's nearest thing to a trait: a generic function, and one method per class.
tokenize <- function(tokenizer, queries) UseMethod("tokenize")

sorted_index <- function(universe) {
  # Row numbers of each chromosome's regions, in file order; token id = row - 1.
  structure(list(universe = universe, rows = split(seq_len(nrow(universe)), universe$chrom)),
            class = "sorted_index")
}

# Vectorised: one findInterval() call per chromosome answers all its queries at once.
tokenize.sorted_index <- function(tokenizer, queries) {
  u <- tokenizer$universe
  tokens <- rep("UNK", nrow(queries))
  for (chrom in intersect(unique(queries$chrom), names(tokenizer$rows))) {
    rows <- tokenizer$rows[[chrom]]
    q <- which(queries$chrom == chrom)
    # Skip the regions whose end is <= the query start (findInterval counts them) ...
    first <- findInterval(queries$start[q], u$end[rows]) + 1L
    # ... and count those whose start is < the query end (left.open = TRUE: strictly less).
    last <- findInterval(queries$end[q], u$start[rows], left.open = TRUE)
    hit <- which(first <= last)
    # rows are integers, so "- 1L" keeps them integers: 100000 prints as 100000, not 1e+05.
    tokens[q[hit]] <- vapply(hit, function(k) paste(rows[first[k]:last[k]] - 1L, collapse = ","),
                             character(1))
  }
  tokens
}
# endregion

# region: main
main <- function(args) {
  if (length(args) != 2) stop("usage: Rscript main.R <universe.bed> <queries.bed>", call. = FALSE)
  universe <- check_universe(read_bed(args[1], with_name = FALSE), args[1])
  queries <- read_bed(args[2], with_name = TRUE)
  tokens <- tokenize(sorted_index(universe), queries)
  cat(paste0(c("query\ttokens", sprintf("%s\t%s", queries$name, tokens)), "\n"), sep = "")
}
# endregion

main(commandArgs(trailingOnly = TRUE))
