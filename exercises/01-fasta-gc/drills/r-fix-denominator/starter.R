# Length and GC content of every record in a FASTA file.
# Usage: Rscript gc.R records.fasta
lines <- readLines(commandArgs(trailingOnly = TRUE)[1], warn = FALSE)
is_header <- startsWith(lines, ">")
record <- cumsum(is_header)
ids <- sub("[[:space:]].*$", "", substring(lines[is_header], 2))
residues <- gsub("[[:space:]]", "", lines[!is_header])
owner <- factor(record[!is_header], levels = seq_along(ids))

# How many characters of each record match `pattern`.
count <- function(pattern) {
  per_line <- nchar(residues) - nchar(gsub(pattern, "", residues))
  as.numeric(vapply(split(per_line, owner), sum, numeric(1)))
}
len <- as.numeric(vapply(split(nchar(residues), owner), sum, numeric(1)))
gc <- count("[GCgc]")

format_ratio <- function(num, den) {
  scaled <- (2 * num * 10000 + den) %/% (2 * den)
  ifelse(den == 0, "NA", sprintf("%.0f.%04.0f", scaled %/% 10000, scaled %% 10000))
}
cat("id\tlength\tgc\n")
cat(sprintf("%s\t%.0f\t%s\n", ids, len, format_ratio(gc, len)), sep = "")
cat(sprintf("TOTAL\t%.0f\t%s\n", sum(len), format_ratio(sum(gc), sum(len))))
