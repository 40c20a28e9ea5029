# num/den with 4 decimals, rounded half up on the exact fraction; "NA" when den is 0.
format_ratio <- function(num, den) {
  if (den == 0) return("NA")
  scaled <- (2 * num * 10000 + den) %/% (2 * den)
  sprintf("%.0f.%04.0f", scaled %/% 10000, scaled %% 10000)
}
