test_that("a k-mer and its reverse complement count together", {
  # TTGCA on one strand is TGCAA on the other; TGCAA is the canonical (smaller) form.
  expect_equal(top_kmers(c("TTGCA", "TGCAA"), 5L), data.frame(kmer = "TGCAA", count = 2))
})

test_that("soft-masked bases count and N breaks windows", {
  expect_equal(top_kmers("acgNNtac", 3L)$kmer, c("ACG", "GTA"))
})

test_that("raw bytes give the same table", {
  seqs <- c("CCC", "AAA", "GGG")
  expect_identical(top_kmers_raw(charToRaw(paste(seqs, collapse = "\n")), 3L, 1L),
                   top_kmers(seqs, 3L, 1L))
})

test_that("Rust errors arrive as R errors", {
  expect_error(top_kmers("ACGT", 33L), "k must be from 1 to 32, got 33")
  expect_error(top_kmers("ACGT", 2L, 0L), "n must be at least 1")
  expect_error(top_kmers("ACGT", 5L), "longer than every sequence")
  expect_error(top_kmers("ACGT", -1L), "k must not be negative")
  expect_error(top_kmers(c("ACGT", NA), 2L), "seqs\\[2\\] is NA")
})
