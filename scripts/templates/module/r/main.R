# {{title}}: core solution (base R only).
main <- function(args) {
  if (length(args) != 1) stop("usage: main.R <input>", call. = FALSE)
  if (!file.exists(args[1])) stop("cannot read ", args[1], call. = FALSE)
  lines <- readLines(args[1], warn = FALSE)
  cat("lines\t", sum(nzchar(trimws(lines))), "\n", sep = "")
}

main(commandArgs(trailingOnly = TRUE))
