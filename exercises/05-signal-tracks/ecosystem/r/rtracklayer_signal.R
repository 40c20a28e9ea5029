# Mean and max of a bedGraph signal over peaks, or over fixed-width bins, with
# Bioconductor: rtracklayer reads the files, GenomicRanges/IRanges do the arithmetic.
#
# Usage: Rscript rtracklayer_signal.R peaks <chrom.sizes> <signal.bedGraph> <peaks.bed>
#        Rscript rtracklayer_signal.R zoom <BIN> <chrom.sizes> <signal.bedGraph>
# Needs rtracklayer and GenomicRanges (written against rtracklayer 1.58, GenomicRanges
# 1.50, IRanges 2.32; Debian: apt-get install -y r-bioc-rtracklayer). Prints exactly
# what ../../r/main.R prints.

suppressPackageStartupMessages({
  library(rtracklayer)
  library(GenomicRanges)
})

fixed4 <- function(e4) sprintf("%.0f.%04.0f", e4 %/% 10000, e4 %% 10000)
# Mean in units of 0.0001 (uncovered bases count as 0), rounded half up on the exact fraction.
mean_e4 <- function(total, bases) (20 * total + bases) %/% (2 * bases)

main <- function(args) {
  if (length(args) != 4 || !(args[1] %in% c("peaks", "zoom"))) {
    stop("usage: Rscript rtracklayer_signal.R peaks|zoom ... (see the header)", call. = FALSE)
  }
  sizes_path <- if (args[1] == "peaks") args[2] else args[3]
  signal_path <- if (args[1] == "peaks") args[3] else args[4]
  sizes <- read.table(sizes_path, sep = "\t", col.names = c("chrom", "size"),
                      colClasses = c("character", "numeric"))
  genome <- Seqinfo(seqnames = sizes$chrom, seqlengths = sizes$size)

  # import() understands the track line and turns 0-based bedGraph coordinates into
  # 1-based GRanges; the score column holds the values, as doubles parsed from text.
  signal <- import(signal_path, format = "bedGraph", seqinfo = genome)
  # coverage() with weights: an RleList, one run-length vector per chromosome, as long as
  # the chromosome; uncovered bases are 0 — exactly this task's definition. Weights in
  # thousandths keep every sum a whole number, so no rounding error can creep in.
  signal_milli <- coverage(signal, weight = round(score(signal) * 1000))

  if (args[1] == "peaks") {
    peaks <- import(args[4], format = "BED", seqinfo = genome)
    # Subsetting an RleList by GRanges gives one Rle per peak, in BED order.
    per_peak <- signal_milli[peaks]
    total <- sum(per_peak)
    # max() sees the uncovered bases as 0. The task's max is over covered bases only,
    # but values are never negative, so the two agree (and a peak with no signal gets 0).
    largest <- max(per_peak)
    rows <- sprintf("%s\t%s\t%s", mcols(peaks)$name,
                    fixed4(mean_e4(total, width(peaks))), fixed4(10 * largest))
    header <- "name\tmean\tmax"
  } else {
    if (!grepl("^[0-9]+$", args[2]) || as.numeric(args[2]) == 0) {
      stop(sprintf("BIN must be a positive integer (a bin width in bases), got '%s'", args[2]),
           call. = FALSE)
    }
    bin <- as.numeric(args[2])
    # tileGenome(tilewidth = ) would make equal-width tiles that do not start every BIN
    # bases, so the bins are built by hand: 1-based starts 1, BIN + 1, 2 BIN + 1, ...
    n <- ceiling(sizes$size / bin)
    chrom <- rep(sizes$chrom, n)
    start <- (sequence(n) - 1) * bin + 1
    end <- pmin(start + bin - 1, rep(sizes$size, n))
    bins <- GRanges(chrom, IRanges(start, end), seqinfo = genome)
    # binnedAverage(): the mean of the coverage over each bin, uncovered bases as 0.
    # mean × width gives back the whole-number sum (the error is far below 0.5).
    means <- mcols(binnedAverage(bins, signal_milli, "mean"))$mean
    total <- round(means * width(bins))
    rows <- sprintf("%s\t%.0f\t%.0f\t%s", chrom, start - 1, end,
                    fixed4(mean_e4(total, width(bins))))
    header <- "chrom\tstart\tend\tmean"
  }
  cat(paste0(c(header, rows), "\n"), sep = "")
}

main(commandArgs(trailingOnly = TRUE))
