# Mean percent change of the biomarker per arm, among completers with a week-12 value.
trial <- read.csv(commandArgs(trailingOnly = TRUE)[1])
trial$arm <- factor(trial$arm, levels = c("placebo", "low", "high"))

pct <- 100 * (trial$week12 - trial$baseline) / trial$baseline
pct[trial$completed != 1] <- NA

n_used <- tapply(pct, trial$arm, length)
mean_pct <- tapply(pct, trial$arm, mean)

cat("arm\tpct_n\tpct_mean\n")
cat(sprintf("%s\t%d\t%.2f\n", levels(trial$arm), n_used, mean_pct), sep = "")
