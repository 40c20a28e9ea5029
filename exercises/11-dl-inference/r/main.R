# Risk scores from a small trained neural network, in base R.
#
# Usage: Rscript main.R predict data/model.json data/trial.csv
#        Rscript main.R summary data/model.json data/trial.csv
# Base R only, so it runs unchanged in webR in the browser. Errors use stop(), never
# quit(): in webR, quit() would end the reader's whole R session. No %*%, sum() or
# mean() on the risks: they add up in another order (BLAS, long double) than Rust and
# Python, so every sum here is an explicit loop in the task's order.

INPUTS <- c("age", "male", "bmi", "baseline", "arm_low", "arm_high")
N_IN <- 6
N_HIDDEN <- 16
ARMS <- c("placebo", "low", "high")

read_lines_or_stop <- function(path) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  lines
}

# region: json
# The model file is flat: every value is a string or an array on one line, so one
# regular expression per key finds it. (A full JSON parser is jsonlite::read_json(),
# which is not among webR's base packages.)
json_field <- function(text, key) {
  pattern <- sprintf('"%s"[[:space:]]*:[[:space:]]*(\\[[^]]*\\]|"[^"]*")', gsub(".", "\\.", key, fixed = TRUE))
  found <- regmatches(text, regexec(pattern, text))[[1]]
  if (length(found) == 0) stop(sprintf("model file has no \"%s\"", key), call. = FALSE)
  found[2]
}

json_numbers <- function(text, key) {
  value <- json_field(text, key)
  inside <- trimws(substr(value, 2, nchar(value) - 1))
  if (!startsWith(value, "[")) stop(sprintf("\"%s\" must be an array of numbers", key), call. = FALSE)
  if (inside == "") return(numeric(0))
  parts <- trimws(strsplit(inside, ",", fixed = TRUE)[[1]])
  x <- suppressWarnings(as.numeric(parts))
  if (anyNA(x) || !all(grepl("^[-+0-9.eE]+$", parts))) {
    stop(sprintf("\"%s\" must be an array of numbers", key), call. = FALSE)
  }
  x
}
# endregion

# region: layer
# Layer `name` as a list(w = out x in matrix, b = out biases), checked against the sizes
# this program runs. The file stores the matrix row by row: byrow = TRUE.
dense <- function(text, name, n_in, n_out) {
  shape <- json_numbers(text, paste0(name, ".shape"))
  if (!identical(shape, c(n_out, n_in))) {
    stop(sprintf("layer %s: weight shape is [%s], this program needs [%d, %d] ([outputs, inputs])",
                 name, paste(shape, collapse = ", "), n_out, n_in), call. = FALSE)
  }
  w <- json_numbers(text, paste0(name, ".weight"))
  if (length(w) != n_in * n_out) {
    stop(sprintf("layer %s: weight has %d numbers, [%d, %d] needs %d",
                 name, length(w), n_out, n_in, n_in * n_out), call. = FALSE)
  }
  b <- json_numbers(text, paste0(name, ".bias"))
  if (length(b) != n_out) {
    stop(sprintf("layer %s: bias has %d numbers, needs %d", name, length(b), n_out), call. = FALSE)
  }
  list(w = matrix(w, nrow = n_out, ncol = n_in, byrow = TRUE), b = b)
}
# endregion

scaling <- function(text, key) {
  x <- json_numbers(text, key)
  if (length(x) != N_IN) stop(sprintf("%s has %d numbers, needs %d", key, length(x), N_IN), call. = FALSE)
  x
}

load_model <- function(path) {
  text <- paste(read_lines_or_stop(path), collapse = "\n")
  names <- regmatches(json_field(text, "inputs"), gregexpr('"[^"]*"', json_field(text, "inputs")))[[1]]
  names <- gsub('"', "", names, fixed = TRUE)
  if (!identical(names, INPUTS)) {
    stop(sprintf("model inputs are %s; this program builds %s",
                 paste(names, collapse = ", "), paste(INPUTS, collapse = ", ")), call. = FALSE)
  }
  sd <- scaling(text, "input_sd")
  if (any(sd <= 0)) stop(sprintf("input_sd of %s must be positive", INPUTS[which(sd <= 0)[1]]), call. = FALSE)
  list(mean = scaling(text, "input_mean"), sd = sd,
       hidden = dense(text, "hidden", N_IN, N_HIDDEN), output = dense(text, "output", N_HIDDEN, 1))
}

# region: forward
# Vectorised over patients, looped over weights: acc is one number per patient, and
# each patient's number is built in the same order as Rust's fold and Python's loop.
layer_forward <- function(layer, x) {
  out <- matrix(0, nrow(x), nrow(layer$w))
  for (o in seq_len(nrow(layer$w))) {
    acc <- rep(layer$b[o], nrow(x))  # start from the bias ...
    for (i in seq_len(ncol(layer$w))) acc <- acc + layer$w[o, i] * x[, i]  # ... then left to right
    out[, o] <- acc
  }
  out
}

risk <- function(model, x) {
  z <- x
  for (i in seq_len(N_IN)) z[, i] <- (x[, i] - model$mean[i]) / model$sd[i]
  a <- layer_forward(model$hidden, z)
  h <- ifelse(a > 0, a, 0)  # ReLU (keeps the matrix shape; never -0)
  logit <- layer_forward(model$output, h)[, 1]
  1 / (1 + exp(-logit))
}
# endregion

# region: features
# The trial as a list(id, arm, x, response). Checks run on whole columns, but the error
# reported is the first one in file order, as a line-by-line reader would find it. NA
# is an error, not a silent skip: a risk table that quietly leaves out patients is worse
# than no table.
read_trial <- function(path, with_response) {
  lines <- sub("\r$", "", read_lines_or_stop(path))
  if (length(lines) == 0) stop(sprintf("%s is empty", path), call. = FALSE)
  header <- strsplit(lines[1], ",", fixed = TRUE)[[1]]
  wanted <- c("patient_id", "arm", "sex", "age", "bmi", "baseline", if (with_response) "response")
  for (name in wanted) {
    if (!(name %in% header)) stop(sprintf("%s: missing column \"%s\"", path, name), call. = FALSE)
  }
  line_no <- which(lines != "")[-1]
  fields <- strsplit(lines[line_no], ",", fixed = TRUE)
  widths <- lengths(fields)
  wide <- which(widths != length(header))
  # Lines after the first one with a wrong number of fields are never reached.
  keep <- if (length(wide) > 0) seq_len(wide[1] - 1) else seq_along(fields)
  cells <- matrix(as.character(unlist(fields[keep])), ncol = length(header), byrow = TRUE)
  col <- function(name) cells[, match(name, header)]
  id <- col("patient_id")
  at <- sprintf("%s line %d (%s)", path, line_no[keep], id)

  arm <- match(col("arm"), ARMS)
  sex <- col("sex")
  values <- lapply(c(age = "age", bmi = "bmi", baseline = "baseline"), function(name) {
    text <- col(name)
    x <- suppressWarnings(as.numeric(text))
    list(text = text, x = x, na = text == "NA", bad = text != "NA" & !is.finite(x))
  })
  response <- if (with_response) col("response") else rep("0", length(id))
  # In the order a line is checked: arm, sex, age, bmi, baseline, response.
  checks <- list(
    list(bad = is.na(arm), message = function(k) sprintf("%s: unknown arm \"%s\"", at[k], col("arm")[k])),
    list(bad = !(sex %in% c("F", "M")), message = function(k) sprintf("%s: sex must be F or M, found \"%s\"", at[k], sex[k]))
  )
  for (name in names(values)) {
    v <- values[[name]]
    checks <- c(checks, list(
      list(bad = v$na, message = local({ n <- name; function(k) sprintf("%s: %s is NA", at[k], n) })),
      list(bad = v$bad, message = local({ n <- name; t <- v$text; function(k) sprintf("%s: %s \"%s\" is not a number", at[k], n, t[k]) }))
    ))
  }
  checks <- c(checks, list(list(bad = !(response %in% c("0", "1")),
                                message = function(k) sprintf("%s: response must be 0 or 1", at[k]))))
  any_bad <- Reduce(`|`, lapply(checks, `[[`, "bad"))
  if (any(any_bad)) {
    k <- which(any_bad)[1]
    for (check in checks) if (check$bad[k]) stop(check$message(k), call. = FALSE)
  }
  if (length(wide) > 0) {
    stop(sprintf("%s line %d: expected %d fields, found %d",
                 path, line_no[wide[1]], length(header), widths[wide[1]]), call. = FALSE)
  }
  x <- cbind(values$age$x, as.numeric(sex == "M"), values$bmi$x, values$baseline$x,
             as.numeric(arm == 2), as.numeric(arm == 3))
  list(id = id, arm = arm, x = x, response = as.integer(response))
}
# endregion

# region: auc
# Mann-Whitney U / (n1 n0). rank() gives tied risks their mid-rank; every rank is a
# whole or half number, so sum() of them is exact in any order.
auc <- function(risk, response) {
  n1 <- sum(response == 1)
  n0 <- length(response) - n1
  if (n1 == 0 || n0 == 0) return(NA_real_)
  ranks <- rank(risk, ties.method = "average")
  (sum(ranks[response == 1]) - n1 * (n1 + 1) / 2) / (n1 * n0)
}
# endregion

fmt <- function(x) if (is.na(x)) "NA" else sprintf("%.6f", x)

summary_table <- function(trial, risk) {
  rows <- "arm\tn\tmean_risk\tobserved\tauc"
  for (group in seq_len(length(ARMS) + 1)) {
    members <- if (group > length(ARMS)) seq_along(risk) else which(trial$arm == group)
    n <- length(members)
    total <- 0
    for (r in risk[members]) total <- total + r  # in file order, from 0: not sum() or mean()
    mean_risk <- if (n > 0) total / n else NA_real_
    observed <- if (n > 0) sum(trial$response[members]) / n else NA_real_
    area <- auc(risk[members], trial$response[members])
    name <- if (group > length(ARMS)) "all" else ARMS[group]
    rows <- c(rows, sprintf("%s\t%d\t%s\t%s\t%s", name, n, fmt(mean_risk), fmt(observed), fmt(area)))
  }
  rows
}

# region: main
main <- function(args) {
  if (length(args) != 3 || !(args[1] %in% c("predict", "summary"))) {
    stop("usage: Rscript main.R predict|summary <model.json> <trial.csv>", call. = FALSE)
  }
  model <- load_model(args[2])
  trial <- read_trial(args[3], args[1] == "summary")
  p <- risk(model, trial$x)
  rows <- if (args[1] == "predict") {
    c("patient_id\trisk", sprintf("%s\t%.6f", trial$id, p))
  } else {
    summary_table(trial, p)
  }
  cat(paste0(rows, "\n"), sep = "")
}
# endregion

main(commandArgs(trailingOnly = TRUE))
