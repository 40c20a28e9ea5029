# Hidden check: appended after the learner's code, which must define farthest_point_init.
.points <- rbind(c(10, 0), c(0, 0), c(1, 0), c(-10, 0), c(0, 1))
.expect_seeds <- function(k, want, why) {
  got <- as.integer(farthest_point_init(.points, k))
  if (!identical(got, as.integer(want))) {
    stop(sprintf("farthest_point_init(points, %d) should be c(%s), got c(%s): %s", k,
                 paste(want, collapse = ", "), paste(got, collapse = ", "), why), call. = FALSE)
  }
}
.expect_seeds(1, 2, "(0, 0) is the sample closest to the mean (0.2, 0.2)")
.expect_seeds(2, c(2, 1), "samples 1 and 4 are both 100 from (0, 0): the tie goes to the lower index")
.expect_seeds(3, c(2, 1, 4), "sample 4 is 100 from its nearest seed, (0, 0)")
.expect_seeds(4, c(2, 1, 4, 3), "every seed is 0 from itself, so no sample is chosen twice; 3 and 5 tie at 1")
