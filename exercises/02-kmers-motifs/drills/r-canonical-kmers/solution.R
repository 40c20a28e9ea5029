# The canonical form of each k-mer: the smaller of it and its reverse complement.
canonical <- function(kmers) {
  complemented <- chartr("ACGT", "TGCA", kmers)
  rc <- vapply(strsplit(complemented, ""), function(b) paste(rev(b), collapse = ""), "")
  pmin(kmers, rc) # the smaller of each pair, element by element
}
