# PC1 and PC2 scores of every sample of a genes x samples expression matrix.
# Usage: Rscript scores.R expression.tsv
x <- as.matrix(read.delim(commandArgs(trailingOnly = TRUE)[1], row.names = 1, check.names = FALSE))

# Samples are the observations, so they must be the rows.
pca <- prcomp(t(x))

scores <- pca$x[, 1:2]
for (k in 1:2) {
  top <- which.max(abs(pca$rotation[, k])) # the gene with the largest |loading|
  if (pca$rotation[top, k] < 0) scores[, k] <- -scores[, k]
}
cat("sample\tPC1\tPC2\n")
cat(sprintf("%s\t%.6f\t%.6f\n", rownames(scores), scores[, 1], scores[, 2]), sep = "")
