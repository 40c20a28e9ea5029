# Mean percent change of the biomarker per arm, among completers with a week-12 value.
trial <- read.csv(commandArgs(trailingOnly = TRUE)[1])
trial$arm <- factor(trial$arm, levels = c("placebo", "low", "high"))

pct <- 100 * (trial$week12 - trial$baseline) / trial$baseline
pct[trial$completed != 1] <- NA

# Leave the missing values out of both the count and the mean.
n_used <- tapply(!is.na(pct), trial$arm, sum)
mean_pct <- tapply(pct, trial$arm, mean, na.rm = TRUE)

cat("arm\tpct_n\tpct_mean\n")
cat(sprintf("%s\t%d\t%.2f\n", levels(trial$arm), n_used, mean_pct), sep = "")
