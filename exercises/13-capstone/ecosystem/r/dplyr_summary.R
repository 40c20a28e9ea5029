# The summary stage with dplyr and Biostrings: the table of totals and top 10 k-mers, and
# the SVG chart.
#
# Usage: Rscript dplyr_summary.R table profile.tsv
#        Rscript dplyr_summary.R plot profile.tsv
#        Rscript dplyr_summary.R report profile.tsv plot.svg
# read.delim() reads the TSV, Biostrings::letterFrequency() counts each k-mer's G and C,
# and dplyr sorts, filters and adds the columns. The SVG is written with sprintf(): no
# plotting library writes the same bytes in R, Python and Rust.
suppressPackageStartupMessages({
  library(dplyr)
  library(Biostrings)
})

# num/den rounded half up on the exact fraction (whole-number arithmetic; "NA" for 0).
rounded <- function(num, den, decimals) {
  scale <- 10^decimals
  scaled <- (2 * num * scale + den) %/% (2 * den)
  out <- sprintf("%.0f.%0*.0f", scaled %/% scale, decimals, scaled %% scale)
  out[rep_len(den == 0, length(out))] <- "NA"
  out
}

load_profile <- function(path) {
  read.delim(path, colClasses = c(kmer = "character", count = "numeric")) |>
    mutate(gc = as.vector(letterFrequency(DNAStringSet(kmer), "GC"))) |>
    # Most frequent first, ties in alphabetical order (for A, C, G and T every locale agrees).
    arrange(desc(count), kmer)
}

table_lines <- function(profile) {
  k <- nchar(profile$kmer[1])
  totals <- profile |> summarise(total = sum(count), gc = sum(count * gc), distinct = sum(count > 0))
  top <- profile |> filter(count > 0) |> slice_head(n = 10) |>
    mutate(rank = row_number(), percent = rounded(100 * count, totals$total, 2))
  c("k\tkmers\tdistinct\tgc",
    sprintf("%d\t%.0f\t%d\t%s", k, totals$total, totals$distinct, rounded(totals$gc, k * totals$total, 4)),
    "",
    "rank\tkmer\tcount\tpercent",
    sprintf("%d\t%s\t%.0f\t%s", top$rank, top$kmer, top$count, top$percent))
}

svg_lines <- function(profile) {
  k <- nchar(profile$kmer[1])
  n <- nrow(profile)
  height_of <- max(profile$count[1], 1)
  colours <- c("AT-rich" = "#4e79a7", "balanced" = "#bab0ac", "GC-rich" = "#e15759")
  bars <- profile |>
    mutate(
      i = row_number() - 1,
      kind = case_when(2 * gc < k ~ "AT-rich", 2 * gc == k ~ "balanced", TRUE ~ "GC-rich"),
      svg = sprintf('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s %.0f</title></rect>',
                    rounded(700 * n + 620 * (10 * i + 1), 10 * n, 2),
                    rounded(300 * height_of - 240 * count, height_of, 2),
                    rounded(496, n, 2),
                    rounded(240 * count, height_of, 2),
                    colours[kind], kmer, count)
    )
  legend_x <- 470 + 75 * (0:2)
  c('<svg xmlns="http://www.w3.org/2000/svg" width="720" height="360" viewBox="0 0 720 360" font-family="sans-serif" font-size="12">',
    sprintf("<title>Canonical %d-mer profile</title>", k),
    '<rect width="720" height="360" fill="#ffffff"/>',
    sprintf('<text x="360" y="28" text-anchor="middle" font-size="15">Canonical %d-mer profile: %.0f k-mers, %d distinct</text>',
            k, sum(profile$count), sum(profile$count > 0)),
    as.vector(rbind(sprintf('<rect x="%.0f" y="40" width="10" height="10" fill="%s"/>', legend_x, colours),
                    sprintf('<text x="%.0f" y="49">%s</text>', legend_x + 14, names(colours)))),
    '<line x1="70" y1="300" x2="690" y2="300" stroke="#333333"/>',
    '<line x1="70" y1="60" x2="70" y2="300" stroke="#333333"/>',
    '<text x="64" y="304" text-anchor="end">0</text>',
    sprintf('<text x="64" y="64" text-anchor="end">%.0f</text>', profile$count[1]),
    bars$svg,
    sprintf('<text x="380" y="330" text-anchor="middle">canonical %d-mers, most to least frequent</text>', k),
    '<text x="24" y="180" text-anchor="middle" transform="rotate(-90 24 180)">count</text>',
    "</svg>")
}

args <- commandArgs(trailingOnly = TRUE)
profile <- load_profile(args[2])
if (args[1] == "plot") {
  cat(paste0(svg_lines(profile), "\n"), sep = "")
} else {
  if (args[1] == "report") writeBin(charToRaw(paste0(svg_lines(profile), "\n", collapse = "")), args[3])
  cat(paste0(table_lines(profile), "\n"), sep = "")
}
