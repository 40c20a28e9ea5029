library(testthat)
library(kmerkernel)

test_check("kmerkernel")
