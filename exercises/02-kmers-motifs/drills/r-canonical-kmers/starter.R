# The canonical form of each k-mer: the smaller of it and its reverse complement.
canonical <- function(kmers) {
  # Your code here.
  kmers
}
