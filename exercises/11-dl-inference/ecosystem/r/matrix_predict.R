# Risk scores from the trained network, the R way: the forward pass as matrix algebra.
#
# Usage: Rscript matrix_predict.R predict data/model.json data/trial.csv
#        Rscript matrix_predict.R summary data/model.json data/trial.csv
# Needs dplyr for the summary table (written against R 4.2 and dplyr 1.0.10; Debian:
# apt-get install -y r-cran-dplyr). The forward pass is base R's %*%, which hands each
# product to BLAS: like NumPy's @, it adds up in its own order, so the last bits can
# differ from the core solutions' left-to-right loop (the task allows 1.5e-6). An
# independent check of expected/, which NumPy (numpy_predict.py) produced. R's torch
# package would load a model saved from PyTorch; it is not installed here, and for a
# network this small, four matrices and %*% are all that inference is.

suppressPackageStartupMessages(library(dplyr))

INPUTS <- c("age", "male", "bmi", "baseline", "arm_low", "arm_high")
ARMS <- c("placebo", "low", "high")

# jsonlite::read_json(path) would do this; it is not among this machine's R packages,
# and the file is simple: every value is a string or a flat array on one line.
read_model <- function(path) {
  text <- paste(readLines(path, warn = FALSE), collapse = "\n")
  field <- function(key) {
    pattern <- sprintf('"%s"[[:space:]]*:[[:space:]]*\\[([^]]*)\\]', gsub(".", "\\.", key, fixed = TRUE))
    found <- regmatches(text, regexec(pattern, text))[[1]]
    if (length(found) == 0) stop(sprintf("%s has no \"%s\"", path, key), call. = FALSE)
    trimws(strsplit(found[2], ",", fixed = TRUE)[[1]])
  }
  inputs <- gsub('"', "", field("inputs"), fixed = TRUE)
  if (!identical(inputs, INPUTS)) {
    stop(sprintf("model inputs are %s; this program builds %s",
                 paste(inputs, collapse = ", "), paste(INPUTS, collapse = ", ")), call. = FALSE)
  }
  numbers <- function(key) as.numeric(field(key))
  # The weights are saved row by row, [out, in]: matrix(..., byrow = TRUE) restores them.
  layer <- function(name) {
    shape <- numbers(paste0(name, ".shape"))
    list(weight = matrix(numbers(paste0(name, ".weight")), nrow = shape[1], ncol = shape[2], byrow = TRUE),
         bias = numbers(paste0(name, ".bias")))
  }
  list(mean = numbers("input_mean"), sd = numbers("input_sd"), hidden = layer("hidden"), output = layer("output"))
}

features <- function(trial) {
  x <- cbind(age = trial$age, male = as.numeric(trial$sex == "M"), bmi = trial$bmi,
             baseline = trial$baseline, arm_low = as.numeric(trial$arm == "low"),
             arm_high = as.numeric(trial$arm == "high"))
  missing <- which(!complete.cases(x))
  if (length(missing) > 0) stop(sprintf("patient %s has a missing input", trial$patient_id[missing[1]]), call. = FALSE)
  x
}

risk <- function(model, x) {
  z <- sweep(sweep(x, 2, model$mean, "-"), 2, model$sd, "/")
  # A bias vector added to every row: sweep() broadcasts it across the columns.
  h <- pmax(sweep(z %*% t(model$hidden$weight), 2, model$hidden$bias, "+"), 0)  # Linear + ReLU
  logit <- h %*% t(model$output$weight) + model$output$bias  # Linear
  as.vector(1 / (1 + exp(-logit)))  # sigmoid (plogis(logit) is the same function)
}

# The AUC is the Mann-Whitney U over n1 n0: wilcox.test's statistic W is U, with ties
# counted 1/2 through mid-ranks.
auc <- function(score, response) {
  n1 <- sum(response == 1)
  n0 <- sum(response == 0)
  if (n1 == 0 || n0 == 0) return(NA_real_)
  w <- wilcox.test(score[response == 1], score[response == 0], exact = FALSE)$statistic
  unname(w) / (n1 * n0)
}

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.6f", x))

main <- function(args) {
  if (length(args) != 3 || !(args[1] %in% c("predict", "summary"))) {
    stop("usage: Rscript matrix_predict.R predict|summary <model.json> <trial.csv>", call. = FALSE)
  }
  model <- read_model(args[2])
  trial <- read.csv(args[3], stringsAsFactors = FALSE)
  trial$risk <- risk(model, features(trial))
  if (args[1] == "predict") {
    cat(paste0(c("patient_id\trisk", sprintf("%s\t%.6f", trial$patient_id, trial$risk)), "\n"), sep = "")
    return(invisible())
  }
  stats <- function(d) summarise(d, n = n(), mean_risk = mean(risk), observed = mean(response), auc = auc(risk, response))
  table <- bind_rows(
    trial |> mutate(arm = factor(arm, levels = ARMS)) |> group_by(arm, .drop = FALSE) |> stats() |>
      mutate(arm = as.character(arm)),
    trial |> stats() |> mutate(arm = "all")
  )
  cat("arm\tn\tmean_risk\tobserved\tauc\n")
  cat(sprintf("%s\t%d\t%s\t%s\t%s\n", table$arm, table$n, fmt(table$mean_risk), fmt(table$observed), fmt(table$auc)), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
