# Clinical data frames with dplyr: the per-arm summary and the lab-safety listing.
#
# Usage: Rscript dplyr_frames.R summary trial.csv
#        Rscript dplyr_frames.R join trial.csv labs.csv
# Written against dplyr 1.0.10 (Debian: apt-get install -y r-cran-dplyr); the verbs used
# here are unchanged in dplyr 1.1. Prints exactly what ../../r/main.R prints, with the
# grouping, joining and statistics done by dplyr and R's stats package.

suppressPackageStartupMessages(library(dplyr))

ARMS <- c("placebo", "low", "high")

read <- function(path, required) {
  # fill = FALSE: read.csv() pads a short row with NA by default. na.strings = "NA"
  # is the default, written out so the reader sees what "missing" means.
  frame <- tryCatch(
    read.csv(path, na.strings = "NA", fill = FALSE, stringsAsFactors = FALSE,
             colClasses = c(patient_id = "character")),
    warning = function(cond) cond, error = function(cond) cond
  )
  if (inherits(frame, "condition")) stop(sprintf("cannot read %s: %s", path, conditionMessage(frame)), call. = FALSE)
  for (name in required) {
    if (!name %in% names(frame)) stop(sprintf('%s: missing column "%s"', path, name), call. = FALSE)
  }
  frame
}

read_trial <- function(path) {
  trial <- read(path, c("patient_id", "arm", "sex", "age", "completed", "baseline", "week12"))
  # A factor with the levels in dose order: group_by() and arrange() follow the
  # levels, and an arm outside the protocol becomes NA, which we refuse.
  trial <- mutate(trial, arm = factor(arm, levels = ARMS))
  unknown <- which(is.na(trial$arm))
  if (length(unknown) > 0) stop(sprintf("%s line %d: unknown arm", path, unknown[1] + 1), call. = FALSE)
  if (!is.numeric(trial$age)) stop(sprintf("%s: column age is not numeric", path), call. = FALSE)
  trial
}

# Fixed decimals, "NA" for NA and NaN, and never "-0.00" (the core solutions' rule).
fixed <- function(x, decimals) {
  text <- sprintf(paste0("%.", decimals, "f"), x)
  text <- ifelse(grepl("^-[0.]*$", text), substring(text, 2), text)
  ifelse(is.na(x), "NA", text)
}

summary_table <- function(trial) {
  trial <- mutate(trial,
    measured = completed == 1 & !is.na(week12),
    pct = if_else(measured, 100 * (week12 - baseline) / baseline, NA_real_),
    # Week 12 at most 80% of baseline, compared in whole tenths (exact).
    responder = measured & 10 * round(week12 * 10) <= 8 * round(baseline * 10)
  )
  # Each patient counts in its sex and in "All": stack a copy with sex = "All".
  both <- bind_rows(trial, mutate(trial, sex = "All")) %>%
    mutate(sex = factor(sex, levels = c("F", "M", "All")))
  table <- both %>%
    group_by(arm, sex) %>%
    summarise(
      n = n(),
      completers = sum(completed),
      age_mean = mean(age),
      age_sd = sd(age), # n - 1
      pct_n = sum(!is.na(pct)),
      # Without na.rm = TRUE every group with one missing value would be NA.
      pct_mean = mean(pct, na.rm = TRUE),
      pct_sd = sd(pct, na.rm = TRUE),
      biomarker_responders = sum(responder),
      .groups = "drop"
    ) %>%
    mutate(responder_rate = biomarker_responders / pct_n) # NaN for 0/0
  c(
    paste(names(table), collapse = "\t"),
    with(table, sprintf("%s\t%s\t%d\t%d\t%s\t%s\t%d\t%s\t%s\t%d\t%s", arm, sex, n, completers,
                        fixed(age_mean, 2), fixed(age_sd, 2), pct_n, fixed(pct_mean, 2),
                        fixed(pct_sd, 2), biomarker_responders, fixed(responder_rate, 4)))
  )
}

join_table <- function(trial, labs_path) {
  labs <- read(labs_path, c("patient_id", "week", "test", "value", "uln")) %>%
    mutate(line = row_number() + 1)
  # inner_join() would silently drop lab rows of patients not in the trial: look first.
  orphans <- anti_join(labs, trial, by = "patient_id")
  if (nrow(orphans) > 0) {
    stop(sprintf("%s line %d: patient %s is not in the trial", labs_path, orphans$line[1], orphans$patient_id[1]),
         call. = FALSE)
  }
  flagged <- labs %>%
    inner_join(select(trial, patient_id, arm), by = "patient_id") %>%
    # filter() drops rows where the condition is NA: a missing value never flags.
    filter(round(value * 100) > 3 * round(uln * 100)) %>%
    arrange(patient_id, week, test)
  # .drop = FALSE keeps every level of the arm factor, so placebo shows 0 instead of
  # disappearing from the count.
  patients <- count(trial, arm, name = "patients", .drop = FALSE)
  hit <- flagged %>%
    group_by(arm, .drop = FALSE) %>%
    summarise(flagged_patients = n_distinct(patient_id), .groups = "drop")
  per_arm <- left_join(patients, hit, by = "arm")
  c(
    "patient_id\tarm\tweek\ttest\tvalue\tuln\tx_uln",
    with(flagged, sprintf("%s\t%s\t%d\t%s\t%s\t%s\t%s", patient_id, arm, week, test, fixed(value, 2),
                          fixed(uln, 2), fixed(value / uln, 2))),
    "",
    "arm\tpatients\tflagged_patients",
    with(per_arm, sprintf("%s\t%d\t%d", arm, patients, flagged_patients))
  )
}

main <- function(args) {
  ok <- (length(args) == 2 && args[1] == "summary") || (length(args) == 3 && args[1] == "join")
  if (!ok) stop("usage: Rscript dplyr_frames.R summary <trial.csv> | Rscript dplyr_frames.R join <trial.csv> <labs.csv>",
                call. = FALSE)
  trial <- read_trial(args[2])
  rows <- if (args[1] == "summary") summary_table(trial) else join_table(trial, args[3])
  cat(paste0(rows, "\n"), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
