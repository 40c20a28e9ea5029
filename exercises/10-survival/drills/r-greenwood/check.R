# Hidden check: appended after the learner's code, which must define km_greenwood.
.expect_km <- function(n, d, survival, se, why) {
  got <- tryCatch(km_greenwood(n, d), error = function(e) {
    stop(sprintf("km_greenwood() stopped with an error (%s): %s", conditionMessage(e), why), call. = FALSE)
  })
  if (!is.data.frame(got) || !all(c("survival", "se") %in% names(got)) || nrow(got) != length(n)) {
    stop(sprintf("km_greenwood() must return a data frame with columns survival and se, one row per event day: %s", why), call. = FALSE)
  }
  show <- function(x) paste(ifelse(is.na(x), "NA", sprintf("%.4f", x)), collapse = ", ")
  if (any(is.na(got$survival)) || any(abs(got$survival - survival) > 1e-4)) {
    stop(sprintf("survival should be %s, got %s: %s", show(survival), show(got$survival), why), call. = FALSE)
  }
  nan_wanted <- is.na(se)
  if (!identical(is.nan(got$se), nan_wanted) ||
      any(is.na(got$se[!nan_wanted])) || any(abs(got$se[!nan_wanted] - se[!nan_wanted]) > 1e-4)) {
    stop(sprintf("se should be %s, got %s: %s", show(se), show(got$se), why), call. = FALSE)
  }
}
.expect_km(c(7, 6, 3), c(1, 2, 1), c(0.8571, 0.5714, 0.3810), c(0.1323, 0.1870, 0.1993),
           "the low arm of the edge cases")
.expect_km(c(6, 4, 1), c(2, 1, 1), c(0.6667, 0.5, 0), c(0.1925, 0.2041, NA),
           "where n == d, S(t) = 0 and se is NaN")
.expect_km(c(200L, 199L, 198L), c(1L, 1L, 1L), c(0.995, 0.99, 0.985), c(0.0050, 0.0070, 0.0086),
           "the first three placebo rows of the trial, given as R integers")
.expect_km(c(60000L, 59990L), c(10L, 5L), c(0.999833333, 0.999750000), c(0.0000527, 0.0000645),
           "60,000 patients at risk: n * (n - d) overflows 32-bit integers (use doubles)")
