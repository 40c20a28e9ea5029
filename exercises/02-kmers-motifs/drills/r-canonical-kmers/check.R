# Hidden check: appended after the learner's code, which must define canonical().
.expect_canonical <- function(kmers, want, why) {
  got <- tryCatch(canonical(kmers), error = function(e) {
    stop(sprintf("canonical(%s) stopped with an error (%s): %s", deparse(kmers), conditionMessage(e), why),
         call. = FALSE)
  })
  if (!identical(unname(got), want)) {
    stop(sprintf("canonical(%s) should be %s, got %s: %s", deparse(kmers), deparse(want), deparse(unname(got)), why),
         call. = FALSE)
  }
}
.expect_canonical(c("TTTG", "CAAA"), c("CAAA", "CAAA"), "the two strands of one k-mer share one canonical form")
.expect_canonical("ACGT", "ACGT", "ACGT is its own reverse complement (a palindrome)")
.expect_canonical("GGA", "GGA", "GGA's reverse complement TCC is larger, so GGA stays")
.expect_canonical("TCC", "GGA", "reverse complement: complement TCC to AGG, then reverse it to GGA")
.expect_canonical("TTAGGG", "CCCTAA", "the telomere repeat TTAGGG is stored as CCCTAA")
.expect_canonical(c("A", "T", "C", "G"), c("A", "A", "C", "C"), "single bases: T pairs with A, G with C")
.expect_canonical(character(0), character(0), "an empty vector gives an empty vector")
