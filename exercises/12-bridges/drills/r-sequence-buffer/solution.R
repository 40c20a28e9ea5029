# The bytes the k-mer kernel takes: every record's sequence, separated by a newline.
sequence_buffer <- function(seqs) {
  # writeBin() would end each string with a NUL byte, C's way of marking its end; across
  # this boundary the length is passed instead. Join the records, then take the bytes.
  charToRaw(paste(seqs, collapse = "\n"))
}
