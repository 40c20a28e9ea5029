# The bytes the k-mer kernel takes: every record's sequence, separated by a newline.
sequence_buffer <- function(seqs) {
  writeBin(seqs, raw())
}
