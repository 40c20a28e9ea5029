# Risk of the first eight patients of the trial, with R's matrix algebra.
# Usage: Rscript risk.R   (reads data/model.json and data/trial.csv)
text <- paste(readLines("data/model.json"), collapse = "\n")
numbers <- function(key) {
  found <- regmatches(text, regexec(sprintf('"%s": \\[([^]]*)\\]', key), text))[[1]][2]
  as.numeric(strsplit(found, ",", fixed = TRUE)[[1]])
}
# The file stores each weight matrix row by row, [outputs, inputs] as PyTorch does.
w_hidden <- matrix(numbers("hidden[.]weight"), nrow = 16, ncol = 6)
w_output <- matrix(numbers("output[.]weight"), nrow = 1, ncol = 16)

trial <- read.csv("data/trial.csv")[1:8, ]
x <- cbind(trial$age, trial$sex == "M", trial$bmi, trial$baseline, trial$arm == "low", trial$arm == "high")
z <- sweep(sweep(x, 2, numbers("input_mean")), 2, numbers("input_sd"), "/")
h <- pmax(sweep(z %*% t(w_hidden), 2, numbers("hidden[.]bias"), "+"), 0)
risk <- 1 / (1 + exp(-(h %*% t(w_output) + numbers("output[.]bias"))))
cat(sprintf("%s\t%.4f\n", trial$patient_id, risk), sep = "")
