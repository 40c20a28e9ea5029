# Summarise a bedGraph signal track over peaks or over fixed-width bins, printed as TSV.
#
# Usage: Rscript main.R peaks <chrom.sizes> <signal.bedGraph> <peaks.bed>
#        Rscript main.R zoom <BIN> <chrom.sizes> <signal.bedGraph>
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session. No loop runs per base
# or per line: every step works on whole vectors.

USAGE <- paste0("usage: Rscript main.R peaks <chrom.sizes> <signal.bedGraph> <peaks.bed>\n",
                "       Rscript main.R zoom <BIN> <chrom.sizes> <signal.bedGraph>")

fail <- function(...) stop(sprintf(...), call. = FALSE)

# The data lines of `path` and their line numbers: blank lines, "#" comments and
# track/browser header lines are dropped.
read_data_lines <- function(path) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) fail("cannot read %s: %s", path, conditionMessage(lines))
  # perl = TRUE: PCRE is several times faster than R's default regex engine here.
  text <- sub("[[:space:]]+$", "", lines, perl = TRUE)
  keep <- text != "" & !startsWith(text, "#") & !is_header(text, "track") & !is_header(text, "browser")
  list(text = text[keep], line = which(keep))
}

# Lines whose first word is `word` (followed by a space, a tab or nothing).
is_header <- function(text, word) {
  after <- substr(text, nchar(word) + 1, nchar(word) + 1)
  startsWith(text, word) & after %in% c("", " ", "\t")
}

# Fields 1..k of every line as a character matrix (NA where a line has fewer).
field_matrix <- function(text, k) {
  parts <- strsplit(text, "\t", fixed = TRUE)
  n <- lengths(parts)
  fields <- matrix(NA_character_, nrow = length(text), ncol = k)
  exact <- n == k
  # The common case in one call: every line with exactly k fields.
  if (any(exact)) {
    fields[exact, ] <- matrix(unlist(parts[exact], use.names = FALSE), ncol = k, byrow = TRUE)
  }
  longer <- n > k
  if (any(longer)) fields[longer, ] <- t(vapply(parts[longer], function(p) p[seq_len(k)], character(k)))
  list(fields = fields, n = n)
}

is_whole <- function(x) grepl("^[0-9]+$", x, perl = TRUE)

# as.numeric() of the entries that passed a check; NA elsewhere (and no warnings).
as_number <- function(x, ok) {
  out <- rep(NA_real_, length(x))
  out[ok] <- as.numeric(x[ok])
  out
}

# region: first-failure
# A line-by-line reader stops at the first bad line, with the first check that line
# fails. Vectorised checks see every line at once, so pick that same line and check:
# `checks` is a list of logical vectors (TRUE = bad, NA = not checked) and `messages`
# a list of functions giving each check's message for line i.
stop_at_first_failure <- function(path, line, checks, messages) {
  bad <- Reduce(`|`, lapply(checks, function(x) !is.na(x) & x))
  i <- which(bad)[1]
  if (is.na(i)) return(invisible(NULL))
  k <- which(vapply(checks, function(x) isTRUE(x[i]), logical(1)))[1]
  fail("%s line %d: %s", path, line[i], messages[[k]](i))
}
# endregion

read_chrom_sizes <- function(path) {
  data <- read_data_lines(path)
  parsed <- field_matrix(data$text, 2)
  f <- parsed$fields
  size_ok <- is_whole(f[, 2])
  size <- as_number(f[, 2], size_ok)
  stop_at_first_failure(path, data$line,
    list(parsed$n != 2, !size_ok | size == 0),
    list(function(i) sprintf("expected 2 tab-separated fields (chrom, size), found %d", parsed$n[i]),
         function(i) sprintf("chromosome size must be a positive whole number, got '%s'", f[i, 2])))
  repeated <- unique(f[duplicated(f[, 1]), 1])
  if (length(repeated) > 0) {
    # The smallest name in byte order, as the Rust version finds it after sorting.
    fail("%s: chromosome %s is listed more than once", path, sort(repeated, method = "radix")[1])
  }
  # Chromosomes laid end to end: a base's global coordinate is offset + position,
  # so one sorted vector can hold the whole genome.
  data.frame(name = f[, 1], size = size, offset = cumsum(size) - size, stringsAsFactors = FALSE)
}

# region: bedgraph
read_bedgraph <- function(path, genome, sizes_path) {
  data <- read_data_lines(path)
  parsed <- field_matrix(data$text, 4)
  f <- parsed$fields
  coords_ok <- is_whole(f[, 2]) & is_whole(f[, 3])
  value_ok <- grepl("^[0-9]+(\\.[0-9]{1,3})?$", f[, 4], perl = TRUE)
  start <- as_number(f[, 2], coords_ok)
  end <- as_number(f[, 3], coords_ok)
  # Thousandths: round() undoes the binary error of as.numeric("0.1") * 1000.
  milli <- round(as_number(f[, 4], value_ok) * 1000)
  chrom <- match(f[, 1], genome$name)
  previous <- c(NA, chrom[-length(chrom)])
  previous_end <- c(NA, end[-length(end)])
  stop_at_first_failure(path, data$line,
    list(parsed$n != 4, !coords_ok, !value_ok, end <= start, is.na(chrom),
         end > genome$size[chrom],
         chrom != previous & duplicated(chrom),
         chrom == previous & start < previous_end),
    list(function(i) sprintf("expected 4 tab-separated fields (chrom, start, end, value), found %d", parsed$n[i]),
         function(i) sprintf("start and end must be whole numbers, got '%s' and '%s'", f[i, 2], f[i, 3]),
         function(i) sprintf("value '%s' is not a non-negative number with at most 3 decimals", f[i, 4]),
         function(i) sprintf("empty interval: end %.0f must be greater than start %.0f", end[i], start[i]),
         function(i) sprintf("unknown chromosome %s (not in %s)", f[i, 1], sizes_path),
         function(i) sprintf("interval ends at %.0f, past the end of %s (%.0f)", end[i], f[i, 1], genome$size[chrom[i]]),
         function(i) sprintf("%s appears again after another chromosome: %s", f[i, 1],
                             "the bedGraph must be sorted by chromosome, then position"),
         function(i) sprintf("%s:%.0f-%.0f starts before the previous interval ends (%.0f): %s",
                             f[i, 1], start[i], end[i], previous_end[i],
                             "the bedGraph must be sorted, without overlaps")))
  # Global coordinates, in genome order; a zero-width sentinel at -1 sits in front so
  # that every position has an interval starting at or before it.
  s <- genome$offset[chrom] + start
  o <- order(s)
  list(start = c(-1, s[o]), end = c(-1, (genome$offset[chrom] + end)[o]), milli = c(0, milli[o]))
}
# endregion

# region: signal-below
# Total signal (thousandths × bases) on all bases before global position x, for a
# whole vector of x at once: findInterval() is R's vectorised binary search.
signal_below <- function(track, x) {
  covered <- cumsum(track$milli * (track$end - track$start))
  i <- findInterval(x, track$start)  # last interval starting at or before x
  # Everything up to interval i, minus the part of interval i that lies at or after x.
  covered[i] - track$milli[i] * pmax(track$end[i] - x, 0)
}
# endregion

# region: window-max
# The largest value among the intervals overlapping each window [from, to), 0 when
# none does. Windows overlap few intervals, so loop over the overlap depth (1st, 2nd,
# ... interval of every window at once), not over the windows.
window_max <- function(track, from, to) {
  first <- findInterval(from, track$end) + 1  # first interval ending after `from`
  last <- findInterval(to - 1, track$start)   # last interval starting before `to`
  best <- rep(0, length(from))
  depth <- 0
  while (any(todo <- first + depth <= last)) {
    best[todo] <- pmax(best[todo], track$milli[first[todo] + depth])
    depth <- depth + 1
  }
  best
}
# endregion

read_peaks <- function(path, genome, sizes_path) {
  data <- read_data_lines(path)
  parsed <- field_matrix(data$text, 4)
  f <- parsed$fields
  coords_ok <- is_whole(f[, 2]) & is_whole(f[, 3])
  start <- as_number(f[, 2], coords_ok)
  end <- as_number(f[, 3], coords_ok)
  chrom <- match(f[, 1], genome$name)
  stop_at_first_failure(path, data$line,
    list(parsed$n < 4, !coords_ok, end <= start, is.na(chrom), end > genome$size[chrom]),
    list(function(i) sprintf("expected at least 4 tab-separated fields (chrom, start, end, name), found %d", parsed$n[i]),
         function(i) sprintf("start and end must be whole numbers, got '%s' and '%s'", f[i, 2], f[i, 3]),
         function(i) sprintf("empty peak: end %.0f must be greater than start %.0f", end[i], start[i]),
         function(i) sprintf("peak on unknown chromosome %s (not in %s)", f[i, 1], sizes_path),
         function(i) sprintf("peak ends at %.0f, past the end of %s (%.0f)", end[i], f[i, 1], genome$size[chrom[i]])))
  data.frame(name = f[, 4], from = genome$offset[chrom] + start, to = genome$offset[chrom] + end,
             stringsAsFactors = FALSE)
}

# region: format
# The mean in units of 0.0001 (uncovered bases count as 0), rounded half up on the
# exact fraction; %/% is exact on whole-number doubles below 2^53.
mean_e4 <- function(total, bases) (20 * total + bases) %/% (2 * bases)
fixed4 <- function(e4) sprintf("%.0f.%04.0f", e4 %/% 10000, e4 %% 10000)
# endregion

write_rows <- function(rows) cat(paste0(rows, "\n"), sep = "")

run_peaks <- function(sizes_path, signal_path, peaks_path) {
  genome <- read_chrom_sizes(sizes_path)
  track <- read_bedgraph(signal_path, genome, sizes_path)
  peaks <- read_peaks(peaks_path, genome, sizes_path)
  total <- signal_below(track, peaks$to) - signal_below(track, peaks$from)
  mean <- fixed4(mean_e4(total, peaks$to - peaks$from))
  max <- fixed4(10 * window_max(track, peaks$from, peaks$to))
  write_rows(c("name\tmean\tmax", sprintf("%s\t%s\t%s", peaks$name, mean, max)))
}

# region: zoom
run_zoom <- function(bin_text, sizes_path, signal_path) {
  if (!is_whole(bin_text) || as.numeric(bin_text) == 0) {
    fail("BIN must be a positive integer (a bin width in bases), got '%s'", bin_text)
  }
  bin <- as.numeric(bin_text)
  genome <- read_chrom_sizes(sizes_path)
  track <- read_bedgraph(signal_path, genome, sizes_path)
  # Every bin of every chromosome as one vector; the last bin stops at the chromosome end.
  bins <- ceiling(genome$size / bin)
  chrom <- rep(seq_len(nrow(genome)), bins)
  start <- (sequence(bins) - 1) * bin
  end <- pmin(start + bin, genome$size[chrom])
  from <- genome$offset[chrom] + start
  total <- signal_below(track, from + (end - start)) - signal_below(track, from)
  write_rows(c("chrom\tstart\tend\tmean",
               sprintf("%s\t%.0f\t%.0f\t%s", genome$name[chrom], start, end,
                       fixed4(mean_e4(total, end - start)))))
}
# endregion

main <- function(args) {
  if (length(args) == 4 && args[1] == "peaks") {
    run_peaks(args[2], args[3], args[4])
  } else if (length(args) == 4 && args[1] == "zoom") {
    run_zoom(args[2], args[3], args[4])
  } else {
    stop(USAGE, call. = FALSE)
  }
}

main(commandArgs(trailingOnly = TRUE))
