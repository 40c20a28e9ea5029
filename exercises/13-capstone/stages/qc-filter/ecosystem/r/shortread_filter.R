# Pipeline stage 1 with ShortRead (Bioconductor): keep the reads of 75+ bases with mean
# quality >= 25.
#
# Usage: Rscript shortread_filter.R reads.fastq filtered.fastq MINLEN MINMEANQ
# readFastq() reads the whole file into a ShortReadQ object; as(quality(reads), "matrix")
# gives the Phred scores (NA past each read's end), width() the read lengths, and
# writeFastq() writes the kept reads back: the same bytes as the core solutions.
suppressPackageStartupMessages(library(ShortRead))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 4) stop("usage: shortread_filter.R READS.fastq OUT.fastq MINLEN MINMEANQ")
min_len <- as.numeric(args[3])
min_mean_q <- as.numeric(args[4])

reads <- readFastq(args[1])
len <- width(reads)
scores <- as(quality(reads), "matrix")
quality_sum <- rowSums(scores, na.rm = TRUE)
# Whole numbers, compared without division: mean >= MINMEANQ  <=>  sum >= MINMEANQ * length.
keep <- len >= min_len & len > 0 & quality_sum >= min_mean_q * len
if (file.exists(args[2])) file.remove(args[2])  # writeFastq() refuses to overwrite
writeFastq(reads[keep], args[2], mode = "w", compress = FALSE)
cat(sprintf("qc-filter: kept %d of %d reads (length >= %.0f, mean quality >= %.0f)\n",
            sum(keep), length(reads), min_len, min_mean_q))
