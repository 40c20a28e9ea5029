# Length and GC content of every record in a FASTA file, printed as TSV.
#
# Usage: Rscript main.R records.fasta
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session.

# region: read
read_lines_or_stop <- function(path) {
  # readLines() accepts "\n", "\r\n" and "\r" line endings; warn = FALSE accepts a
  # missing final newline. A missing file makes it warn, then fail: catch either
  # and hand the condition back as a value (much like a Rust Result), then stop
  # with one clear message. Interrupts are not caught, so the Stop button works.
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  lines
}
# endregion

# How many characters of each string match `pattern`: vectorised over all lines.
count_matches <- function(x, pattern) nchar(x) - nchar(gsub(pattern, "", x))

# region: parse
parse_fasta <- function(path) {
  lines <- read_lines_or_stop(path)
  is_header <- startsWith(lines, ">")
  is_blank <- grepl("^[[:space:]]*$", lines)
  # Record number of every line: 0 before the first header, then 1, 2, ...
  record <- cumsum(is_header)

  stray <- which(record == 0 & !is_blank)
  if (length(stray) > 0) {
    stop(sprintf("%s line %d: sequence text before the first '>' header", path, stray[1]),
         call. = FALSE)
  }
  # The id runs from after ">" to the first whitespace ("" if the header starts with one).
  ids <- sub("[[:space:]].*$", "", substring(lines[is_header], 2))
  empty <- which(ids == "")
  if (length(empty) > 0) {
    stop(sprintf("%s line %d: header has an empty id", path, which(is_header)[empty[1]]),
         call. = FALSE)
  }

  residues <- gsub("[[:space:]]", "", lines[!is_header & record > 0])
  # factor() with every record as a level keeps empty records (no sequence lines).
  owner <- factor(record[!is_header & record > 0], levels = seq_along(ids))
  # as.numeric(): R integers are 32-bit, doubles count exactly up to 2^53.
  per_record <- function(counts) as.numeric(vapply(split(counts, owner), sum, numeric(1)))
  data.frame(
    id = ids,
    seq_len = per_record(nchar(residues)),
    gc = per_record(count_matches(residues, "[GCgc]")),
    at = per_record(count_matches(residues, "[ATat]")),
    stringsAsFactors = FALSE
  )
}
# endregion

# GC content as an exact fraction: list(numerator, denominator), no rounding yet.
gc_fraction <- function(gc, at) list(numerator = gc, denominator = gc + at)

# numerator/denominator with 4 decimals, rounded half up on the exact fraction;
# "NA" when the denominator is 0. Whole-number arithmetic on purpose: sprintf("%.4f")
# rounds the nearest binary double half to even (1/32 = 0.03125 prints 0.0312),
# and round() has its own rules. %/% and %% are exact on whole doubles below 2^53.
format_ratio <- function(fraction) {
  num <- fraction$numerator
  den <- fraction$denominator
  scaled <- (2 * num * 10000 + den) %/% (2 * den)
  ifelse(den == 0, "NA", sprintf("%.0f.%04.0f", scaled %/% 10000, scaled %% 10000))
}

write_table <- function(records) {
  total <- gc_fraction(sum(records$gc), sum(records$at))
  rows <- c(
    "id\tlength\tgc",
    sprintf("%s\t%.0f\t%s", records$id, records$seq_len,
            format_ratio(gc_fraction(records$gc, records$at))),
    sprintf("TOTAL\t%.0f\t%s", sum(records$seq_len), format_ratio(total))
  )
  # cat() with sep = "" writes exactly these bytes: "\n" on every platform.
  cat(paste0(rows, "\n"), sep = "")
}

main <- function(args) {
  if (length(args) != 1) stop("usage: Rscript main.R <fasta-file>", call. = FALSE)
  write_table(parse_fasta(args[1]))
}

main(commandArgs(trailingOnly = TRUE))
