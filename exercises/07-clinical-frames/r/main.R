# Clinical data frames: a per-arm summary of a trial, and a lab-safety listing.
#
# Usage: Rscript main.R summary trial.csv
#        Rscript main.R join trial.csv labs.csv
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session.

# Dose order, not alphabetical: a clinical table reads placebo, low, high.
ARMS <- c("placebo", "low", "high")
SEXES <- c("F", "M")
# What the Rust solution's str::parse::<f64>() accepts once infinities and NaN are
# refused. as.numeric() alone would also take " 61", "0x3D", "1e" and "NaN".
NUMBER <- "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$"

fail <- function(...) stop(sprintf(...), call. = FALSE)

# region: read-table
# Splits lines at every comma, keeping empty fields: strsplit() drops the one after a
# trailing comma ("a,b," gives "a", "b") and turns "" into no field at all.
split_fields <- function(lines) {
  fields <- strsplit(lines, ",", fixed = TRUE)
  trailing <- which(endsWith(lines, ",") | !nzchar(lines))
  fields[trailing] <- lapply(fields[trailing], c, "")
  fields
}

# The fields of a comma-separated file as a character matrix (one row per data line),
# with the line number of each row. read.csv() would pad a short row with NA
# (fill = TRUE is its default), so we split the lines ourselves and count.
read_table <- function(path, required) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) fail("cannot read %s: %s", path, conditionMessage(lines))
  if (length(lines) == 0) fail("%s is empty: expected a header line", path)
  header <- split_fields(lines[1])[[1]]
  for (name in required) {
    if (!name %in% header) fail('%s: missing column "%s"', path, name)
  }
  fields <- split_fields(lines[-1])
  counts <- lengths(fields)
  bad <- which(counts != length(header))
  if (length(bad) > 0) {
    fail("%s line %d: expected %d fields, found %d", path, bad[1] + 1, length(header), counts[bad[1]])
  }
  cells <- matrix(as.character(unlist(fields)), ncol = length(header), byrow = TRUE, dimnames = list(NULL, header))
  list(cells = cells[, required, drop = FALSE], line = seq_along(fields) + 1)
}
# endregion

# region: parse-number
# Numbers from text, all at once. "NA" is missing (NA) where `na_ok`; anything else
# must be a finite number, or its row is marked bad. Returns both, so the caller can
# report the first bad row of the file.
parse_numbers <- function(text, column, na_ok = FALSE) {
  missing <- na_ok & text == "NA"
  value <- rep(NA_real_, length(text))
  value[!missing] <- suppressWarnings(as.numeric(text[!missing]))
  bad <- !missing & (!grepl(NUMBER, text) | !is.finite(value))
  list(value = value, check = list(bad = bad, message = function(i) sprintf('%s "%s" is not a number', column, text[i])))
}

# Stops at the first row with any problem, naming its line. Within a row the checks
# count in the order given, the order the Python and Rust solutions check a row in.
stop_at_first <- function(path, line, checks) {
  first <- vapply(checks, function(check) {
    i <- which(check$bad)[1]
    if (is.na(i)) Inf else i
  }, numeric(1))
  if (all(is.infinite(first))) return(invisible(NULL))
  k <- which.min(first)
  fail("%s line %d: %s", path, line[first[k]], checks[[k]]$message(first[k]))
}

# A check that `text` is one of `allowed`.
one_of <- function(text, allowed, message) {
  list(bad = !text %in% allowed, message = function(i) sprintf(message, text[i]))
}
# endregion

# region: read-trial
read_trial <- function(path) {
  table <- read_table(path, c("patient_id", "arm", "sex", "age", "completed", "baseline", "week12"))
  cells <- table$cells
  age <- parse_numbers(cells[, "age"], "age")
  baseline <- parse_numbers(cells[, "baseline"], "baseline")
  week12 <- parse_numbers(cells[, "week12"], "week12", na_ok = TRUE)
  ids <- cells[, "patient_id"]
  stop_at_first(path, table$line, list(
    one_of(cells[, "arm"], ARMS, 'unknown arm "%s"'),
    one_of(cells[, "sex"], SEXES, 'unknown sex "%s"'),
    one_of(cells[, "completed"], c("0", "1"), 'completed "%s" is not 0 or 1'),
    list(bad = duplicated(ids), message = function(i) sprintf("patient %s appears twice", ids[i])),
    age$check, baseline$check, week12$check
  ))
  data.frame(
    patient_id = ids,
    arm = match(cells[, "arm"], ARMS), # 1, 2, 3 in dose order
    sex = match(cells[, "sex"], SEXES),
    age = age$value,
    completed = cells[, "completed"] == "1",
    baseline = baseline$value,
    week12 = week12$value, # NA: no week-12 value
    stringsAsFactors = FALSE
  )
}
# endregion

# region: mean-sd
# Mean and sample SD (n - 1); NA when undefined. A for loop, not sum(): R's sum()
# accumulates in long double, Python 3.12+ sum() compensates rounding errors, Rust's
# iter().sum() does neither. One plain loop gives all three the same bits.
add_up <- function(x) {
  total <- 0
  for (v in x) total <- total + v
  total
}

mean_sd <- function(x) {
  n <- length(x)
  if (n == 0) return(c(NA, NA))
  m <- add_up(x) / n
  if (n < 2) return(c(m, NA))
  d <- x - m
  c(m, sqrt(add_up(d * d) / (n - 1)))
}
# endregion

# Fixed decimals, "NA" for NA, and never "-0.00".
fixed <- function(x, decimals) {
  text <- sprintf(paste0("%.", decimals, "f"), x)
  text <- ifelse(grepl("^-[0.]*$", text), substring(text, 2), text)
  ifelse(is.na(x), "NA", text)
}

# region: summary
summary_table <- function(p) {
  # Responder: week 12 at most 80% of baseline, decided in whole tenths (exact).
  measured <- p$completed & !is.na(p$week12)
  pct <- 100 * (p$week12 - p$baseline) / p$baseline
  responder <- measured & 10 * round(p$week12 * 10) <= 8 * round(p$baseline * 10)
  rows <- "arm\tsex\tn\tcompleters\tage_mean\tage_sd\tpct_n\tpct_mean\tpct_sd\tbiomarker_responders\tresponder_rate"
  for (arm in seq_along(ARMS)) {
    for (stratum in 1:3) { # F, M, then All
      members <- p$arm == arm & (stratum == 3 | p$sex == stratum)
      if (!any(members)) next # like group_by: no patients, no row
      age <- mean_sd(p$age[members])
      used <- members & measured
      change <- mean_sd(pct[used])
      n_used <- sum(used)
      responders <- sum(responder[used])
      rate <- if (n_used > 0) responders / n_used else NA
      rows <- c(rows, paste(ARMS[arm], c(SEXES, "All")[stratum], sum(members), sum(p$completed[members]),
                            fixed(age[1], 2), fixed(age[2], 2), n_used, fixed(change[1], 2), fixed(change[2], 2),
                            responders, fixed(rate, 4), sep = "\t"))
    }
  }
  rows
}
# endregion

# region: join
join_table <- function(p, labs_path) {
  table <- read_table(labs_path, c("patient_id", "week", "test", "value", "uln"))
  labs <- table$cells
  ids <- labs[, "patient_id"]
  row_of <- match(ids, p$patient_id) # NA: not in the trial
  value <- parse_numbers(labs[, "value"], "value", na_ok = TRUE)
  uln <- parse_numbers(labs[, "uln"], "uln")
  stop_at_first(labs_path, table$line, list(
    # An inner join would silently drop these rows.
    list(bad = is.na(row_of), message = function(i) sprintf("patient %s is not in the trial", ids[i])),
    list(bad = !grepl("^[0-9]+$", labs[, "week"]),
         message = function(i) sprintf('week "%s" is not a whole number', labs[i, "week"])),
    value$check, uln$check
  ))
  value <- value$value
  uln <- uln$value
  # Above 3x the upper limit of normal, in whole hundredths. NA > x is NA, and
  # which() keeps only TRUE, so a missing value never flags.
  hit <- which(round(value * 100) > 3 * round(uln * 100))
  week <- as.numeric(labs[, "week"])
  # method = "radix" sorts strings by bytes, as Python and Rust do, whatever the locale.
  hit <- hit[order(labs[hit, "patient_id"], week[hit], labs[hit, "test"], method = "radix")]
  listing <- sprintf("%s\t%s\t%.0f\t%s\t%s\t%s\t%s", labs[hit, "patient_id"], ARMS[p$arm[row_of[hit]]],
                     week[hit], labs[hit, "test"], fixed(value[hit], 2), fixed(uln[hit], 2),
                     fixed(value[hit] / uln[hit], 2))
  # Every arm gets a row, also one with no flagged patient.
  flagged <- unique(labs[hit, "patient_id"])
  per_arm <- vapply(seq_along(ARMS), function(arm) {
    sprintf("%s\t%d\t%d", ARMS[arm], sum(p$arm == arm), sum(p$arm[match(flagged, p$patient_id)] == arm))
  }, character(1))
  c("patient_id\tarm\tweek\ttest\tvalue\tuln\tx_uln", listing, "", "arm\tpatients\tflagged_patients", per_arm)
}
# endregion

# region: main
main <- function(args) {
  ok <- (length(args) == 2 && args[1] == "summary") || (length(args) == 3 && args[1] == "join")
  if (!ok) stop("usage: Rscript main.R summary <trial.csv> | Rscript main.R join <trial.csv> <labs.csv>", call. = FALSE)
  patients <- read_trial(args[2])
  rows <- if (args[1] == "summary") summary_table(patients) else join_table(patients, args[3])
  # cat() with sep = "" writes exactly these bytes: "\n" on every platform.
  cat(paste0(rows, "\n"), sep = "")
}
# endregion

main(commandArgs(trailingOnly = TRUE))
