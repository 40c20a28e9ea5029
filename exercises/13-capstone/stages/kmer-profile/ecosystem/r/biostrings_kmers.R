# Pipeline stage 2 with Biostrings (Bioconductor): the canonical k-mer profile of a FASTQ
# file.
#
# Usage: Rscript biostrings_kmers.R filtered.fastq profile.tsv K
# readDNAStringSet(format = "fastq") reads the sequences; oligonucleotideFrequency()
# counts every k-mer of every read in compiled code, skipping windows with an N, and
# collapses them into one count per k-mer; reverseComplement() pairs each k-mer with its
# reverse complement to fold the counts onto the canonical forms.
suppressPackageStartupMessages(library(Biostrings))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: biostrings_kmers.R READS.fastq PROFILE.tsv K")
k <- as.integer(args[3])

reads <- readDNAStringSet(args[1], format = "fastq")
forward <- oligonucleotideFrequency(reads, width = k, simplify.as = "collapsed")
kmers <- names(forward)  # all 4^k k-mers, in alphabetical order
rc <- as.character(reverseComplement(DNAStringSet(kmers)))
# Positions in the alphabetical list compare k-mers without any locale collation.
canonical <- seq_along(kmers) <= match(rc, kmers)
count <- ifelse(kmers == rc, forward, forward + forward[rc])[canonical]
lines <- c("kmer\tcount", paste0(kmers[canonical], "\t", sprintf("%.0f", count)))
writeBin(charToRaw(paste0(lines, "\n", collapse = "")), args[2])
cat(sprintf("kmer-profile: %.0f %d-mers in %d reads; %d of %d canonical %d-mers seen\n",
            sum(forward), k, length(reads), sum(count > 0), sum(canonical), k))
