# Hidden check: appended after the learner's code, which must define sequence_buffer.
.expect_bytes <- function(seqs, want, why) {
  got <- sequence_buffer(seqs)
  if (!is.raw(got)) {
    stop(sprintf("sequence_buffer(%s) should return a raw vector, got a %s", deparse(seqs), class(got)[1]),
         call. = FALSE)
  }
  if (!identical(got, want)) {
    stop(sprintf("sequence_buffer(%s) should be %s, got %s: %s", deparse(seqs),
                 paste(format(want), collapse = " "), paste(format(got), collapse = " "), why),
         call. = FALSE)
  }
}
.expect_bytes("ACGT", charToRaw("ACGT"), "one record is just its bytes, with no terminator after it")
.expect_bytes(c("AC", "GT"), as.raw(c(0x41, 0x43, 0x0a, 0x47, 0x54)),
              "one newline byte (0a) between two records, and nothing at the end")
.expect_bytes(c("acgt", "", "NN"), charToRaw("acgt\n\nNN"),
              "the case is kept, and an empty record still has its place between two separators")
