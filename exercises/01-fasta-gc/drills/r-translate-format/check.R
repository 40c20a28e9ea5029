# Hidden check: appended after the learner's code, which must define format_ratio.
.expect_ratio <- function(num, den, want, why) {
  got <- tryCatch(format_ratio(num, den), error = function(e) {
    stop(sprintf("format_ratio(%.0f, %.0f) stopped with an error (%s); it should return \"%s\": %s",
                 num, den, conditionMessage(e), want, why), call. = FALSE)
  })
  shown <- if (is.character(got) && length(got) == 1 && !is.na(got)) sprintf("\"%s\"", got) else deparse(got)
  if (!identical(got, want)) {
    stop(sprintf("format_ratio(%.0f, %.0f) should be \"%s\", got %s: %s", num, den, want, shown, why),
         call. = FALSE)
  }
}
.expect_ratio(2, 3, "0.6667", "2/3 = 0.66666... rounds up")
.expect_ratio(1, 3, "0.3333", "1/3 = 0.33333... rounds down")
.expect_ratio(1, 1, "1.0000", "a record that is all G or C prints 1.0000")
.expect_ratio(0, 5, "0.0000", "no G or C prints 0.0000")
.expect_ratio(1, 32, "0.0313", "1/32 = 0.03125 is a tie on the exact fraction, and ties round up")
.expect_ratio(1, 800, "0.0013", "1/800 = 0.00125 is a tie: round up")
.expect_ratio(1, 8000, "0.0001", "1/8000 = 0.000125 rounds down at the fourth decimal")
.expect_ratio(0, 0, "NA", "0/0 gives the string \"NA\", not R's missing value")
.expect_ratio(1.2e9, 3e9, "0.4000", "genome-sized counts must not overflow (keep doubles, not 32-bit integers)")
.expect_ratio(19476, 45323, "0.4297", "the pooled TOTAL of data/records.fasta")
