# Token ids of the universe regions each query overlaps.
# Usage: Rscript tokens.R universe.bed queries.bed
args <- commandArgs(trailingOnly = TRUE)
u <- read.delim(args[1], header = FALSE, col.names = c("chrom", "start", "end"))
q <- read.delim(args[2], header = FALSE, comment.char = "#",
                col.names = c("chrom", "start", "end", "name"))
tokens <- rep("UNK", nrow(q))
for (chrom in intersect(unique(q$chrom), unique(u$chrom))) {
  rows <- which(u$chrom == chrom)
  k <- which(q$chrom == chrom)
  first <- findInterval(q$start[k], u$end[rows]) + 1L
  last <- findInterval(q$end[k], u$start[rows], left.open = TRUE)
  hit <- which(first <= last)
  tokens[k[hit]] <- vapply(hit, function(i) paste(rows[first[i]:last[i]] - 1L, collapse = ","), "")
}
cat("query\ttokens\n", sprintf("%s\t%s\n", q$name, tokens), sep = "")
