# The capstone pipeline's last stage: summarise a canonical k-mer profile as a table of
# totals and the ten most frequent k-mers, and draw it as a bar chart in SVG.
#
# Usage: Rscript main.R table profile.tsv            the table, on stdout
#        Rscript main.R plot profile.tsv             the SVG, on stdout
#        Rscript main.R report profile.tsv plot.svg  the table on stdout, the SVG in a file
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session. The SVG is text built
# with sprintf(), every coordinate computed on whole numbers, so the Python and Rust
# versions write the very same bytes.

USAGE <- "usage: main table PROFILE | plot PROFILE | report PROFILE PLOT.svg"
HEADER <- "kmer\tcount"
TOP <- 10

reverse_complement <- function(kmer) {
  # chartr() complements every string at once; reversing needs the letters one by one.
  vapply(strsplit(chartr("ACGT", "TGCA", kmer), ""),
         function(letters) paste(rev(letters), collapse = ""), character(1))
}

# region: parse
read_profile <- function(path) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  if (length(lines) == 0 || lines[1] != HEADER) {
    stop(sprintf("%s line 1: expected the header kmer<TAB>count", path), call. = FALSE)
  }
  body <- lines[-1]
  if (length(body) == 0) stop(sprintf("%s has no k-mers", path), call. = FALSE)
  # Every check runs on all lines at once; the first line that fails any check is the
  # one reported, and on that line the checks count in this order.
  fields <- strsplit(body, "\t", fixed = TRUE)
  # strsplit() drops a trailing empty field ("AAAA\t" gives one field): count tabs instead.
  n_fields <- nchar(body) - nchar(gsub("\t", "", body, fixed = TRUE)) + 1
  kmer <- vapply(fields, function(f) if (length(f) >= 1) f[1] else "", character(1))
  count <- vapply(fields, function(f) if (length(f) >= 2) f[2] else "", character(1))
  k <- nchar(kmer[1])
  rc <- reverse_complement(kmer)
  first_line <- match(kmer, kmer)  # where each k-mer first appears
  # Sorting in the C locale (method = "radix"): "A" < "C" < "G" < "T" whatever the locale.
  not_canonical <- vapply(seq_along(kmer), function(i) {
    sort(c(kmer[i], rc[i]), method = "radix")[1] != kmer[i]
  }, logical(1))
  failing <- list(
    fields = n_fields != 2,
    letters = !grepl("^[ACGT]+$", kmer),
    length = nchar(kmer) != k,
    canonical = not_canonical,
    count = !grepl("^[0-9]{1,9}$", count),
    duplicate = first_line != seq_along(kmer)
  )
  bad <- Reduce(`|`, failing)
  if (any(bad)) {
    i <- which(bad)[1]
    rule <- names(failing)[vapply(failing, function(f) f[i], logical(1))][1]
    where <- sprintf("%s line %d", path, i + 1)
    stop(switch(rule,
      fields = sprintf("%s: expected 2 tab-separated fields, got %d", where, n_fields[i]),
      letters = sprintf("%s: k-mer '%s' has a letter other than A, C, G or T", where, kmer[i]),
      length = sprintf("%s: k-mer '%s' has %d letters, but the first k-mer has %d",
                       where, kmer[i], nchar(kmer[i]), k),
      canonical = sprintf("%s: k-mer '%s' is not canonical: its reverse complement '%s' comes first",
                          where, kmer[i], rc[i]),
      count = sprintf("%s: count '%s' is not a whole number of at most 9 digits", where, count[i]),
      duplicate = sprintf("%s: k-mer '%s' appears twice (first on line %d)",
                          where, kmer[i], first_line[i] + 1)
    ), call. = FALSE)
  }
  data.frame(kmer = kmer, count = as.numeric(count), stringsAsFactors = FALSE)
}
# endregion

# numerator/denominator rounded half up on the exact fraction; "NA" when the denominator
# is 0. Whole-number arithmetic: %/% and %% are exact on whole doubles below 2^53, which
# holds while k times the total stays below 4.5e11 (the pipeline's is 7e5).
format_ratio <- function(numerator, denominator, decimals) {
  scale <- 10^decimals
  scaled <- (2 * numerator * scale + denominator) %/% (2 * denominator)
  out <- sprintf("%.0f.%0*.0f", scaled %/% scale, decimals, scaled %% scale)
  # Not ifelse(): its result has the length of the test, and the denominator may be one number.
  out[rep_len(denominator == 0, length(out))] <- "NA"
  out
}

gc_bases <- function(kmer) nchar(gsub("[AT]", "", kmer))

# region: summary
# Most frequent first; equal counts in alphabetical (C-locale) order of the k-mer.
by_count <- function(profile) {
  profile[order(-profile$count, profile$kmer, method = "radix"), , drop = FALSE]
}

summary_table <- function(profile) {
  k <- nchar(profile$kmer[1])
  # A loop, not sum(): R's sum() adds in long double. Whole numbers are exact either way,
  # but the same loop is what the Python and Rust versions write.
  total <- 0
  gc <- 0
  for (i in seq_len(nrow(profile))) {
    total <- total + profile$count[i]
    gc <- gc + profile$count[i] * gc_bases(profile$kmer[i])
  }
  distinct <- sum(profile$count > 0)
  top <- head(by_count(profile[profile$count > 0, , drop = FALSE]), TOP)
  c("k\tkmers\tdistinct\tgc",
    sprintf("%d\t%.0f\t%d\t%s", k, total, distinct, format_ratio(gc, k * total, 4)),
    "",
    "rank\tkmer\tcount\tpercent",
    sprintf("%d\t%s\t%.0f\t%s", seq_len(nrow(top)), top$kmer, top$count,
            format_ratio(100 * top$count, total, 2)))
}
# endregion

# region: svg
# The chart: 720 x 360 pixels; bars stand on y = 300 and reach up to y = 60 (240 px)
# between x = 70 and x = 690 (620 px), one slot of 620/n px per k-mer, the bar 8/10
# of the slot wide and centred in it.
WIDTH <- 720; HEIGHT <- 360
LEFT <- 70; RIGHT <- 690; TOP_Y <- 60; BASE_Y <- 300
COLOURS <- c("AT-rich" = "#4e79a7", "balanced" = "#bab0ac", "GC-rich" = "#e15759")

# A coordinate: the exact fraction with 2 decimals, rounded half up.
fixed2 <- function(numerator, denominator) format_ratio(numerator, denominator, 2)

colour <- function(kmer) {
  twice_gc <- 2 * gc_bases(kmer)
  k <- nchar(kmer)
  unname(COLOURS[ifelse(twice_gc < k, 1, ifelse(twice_gc == k, 2, 3))])
}

svg_chart <- function(profile) {
  k <- nchar(profile$kmer[1])
  ordered <- by_count(profile)
  n <- nrow(ordered)
  top_count <- ordered$count[1]
  total <- 0
  for (count in profile$count) total <- total + count
  distinct <- sum(profile$count > 0)
  height_of <- max(top_count, 1)  # a profile of zeros draws flat bars, not a division by 0
  span <- RIGHT - LEFT
  span_y <- BASE_Y - TOP_Y
  i <- seq_len(n) - 1
  legend_x <- 470 + 75 * (seq_along(COLOURS) - 1)
  middle <- (TOP_Y + BASE_Y) %/% 2
  c(
    sprintf(paste0('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" ',
                   'viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">'),
            WIDTH, HEIGHT, WIDTH, HEIGHT),
    sprintf("<title>Canonical %d-mer profile</title>", k),
    sprintf('<rect width="%d" height="%d" fill="#ffffff"/>', WIDTH, HEIGHT),
    sprintf(paste0('<text x="%d" y="28" text-anchor="middle" font-size="15">',
                   "Canonical %d-mer profile: %.0f k-mers, %d distinct</text>"),
            WIDTH %/% 2, k, total, distinct),
    # The legend: a square and a label per colour, interleaved.
    as.vector(rbind(
      sprintf('<rect x="%.0f" y="40" width="10" height="10" fill="%s"/>', legend_x, COLOURS),
      sprintf('<text x="%.0f" y="49">%s</text>', legend_x + 14, names(COLOURS))
    )),
    sprintf('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333333"/>', LEFT, BASE_Y, RIGHT, BASE_Y),
    sprintf('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333333"/>', LEFT, TOP_Y, LEFT, BASE_Y),
    sprintf('<text x="%d" y="%d" text-anchor="end">0</text>', LEFT - 6, BASE_Y + 4),
    sprintf('<text x="%d" y="%d" text-anchor="end">%.0f</text>', LEFT - 6, TOP_Y + 4, top_count),
    # One bar per k-mer, every coordinate vectorised over all bars at once.
    sprintf('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s %.0f</title></rect>',
            fixed2(10 * n * LEFT + span * (10 * i + 1), 10 * n),
            fixed2(BASE_Y * height_of - span_y * ordered$count, height_of),
            fixed2(8 * span, 10 * n),
            fixed2(span_y * ordered$count, height_of),
            colour(ordered$kmer), ordered$kmer, ordered$count),
    sprintf('<text x="%d" y="%d" text-anchor="middle">canonical %d-mers, most to least frequent</text>',
            (LEFT + RIGHT) %/% 2, BASE_Y + 30, k),
    sprintf('<text x="24" y="%d" text-anchor="middle" transform="rotate(-90 24 %d)">count</text>',
            middle, middle),
    "</svg>"
  )
}
# endregion

text_of <- function(lines) paste0(lines, "\n", collapse = "")

# region: main
main <- function(args) {
  command <- if (length(args) >= 1) args[1] else ""
  if (!((command %in% c("table", "plot") && length(args) == 2) ||
        (command == "report" && length(args) == 3))) {
    stop(USAGE, call. = FALSE)
  }
  profile <- read_profile(args[2])
  if (command == "plot") {
    cat(text_of(svg_chart(profile)))
    return(invisible(NULL))
  }
  if (command == "report") {
    # The file first: if it cannot be written, nothing has been printed yet. writeBin()
    # writes the bytes as they are ("\n" line ends on every platform).
    written <- tryCatch(writeBin(charToRaw(text_of(svg_chart(profile))), args[3]),
                        warning = function(cond) cond, error = function(cond) cond)
    if (inherits(written, "condition")) {
      stop(sprintf("cannot write %s: %s", args[3], conditionMessage(written)), call. = FALSE)
    }
  }
  cat(text_of(summary_table(profile)))
}
# endregion

main(commandArgs(trailingOnly = TRUE))
