# num/den with 4 decimals, rounded half up on the exact fraction; "NA" when den is 0.
format_ratio <- function(num, den) {
  # Your code here.
  ""
}
