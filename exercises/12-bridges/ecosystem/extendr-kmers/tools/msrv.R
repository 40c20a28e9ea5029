# Sourced by tools/config.R: checks that cargo and rustc are installed and, when
# DESCRIPTION's SystemRequirements names a minimum rustc version ("rustc >= 1.83"), that
# the installed one is at least that. CRAN asks packages to report the versions they use.

desc <- read.dcf("DESCRIPTION")
if (!"SystemRequirements" %in% colnames(desc)) {
  stop("`SystemRequirements` not found in `DESCRIPTION`. ",
       "Please specify `SystemRequirements: Cargo (Rust's package manager), rustc`")
}
sysreqs <- desc[, "SystemRequirements"]
if (!grepl("cargo", sysreqs, ignore.case = TRUE) || !grepl("rustc", sysreqs, ignore.case = TRUE)) {
  stop("You must specify `Cargo (Rust's package manager), rustc` in your `SystemRequirements`")
}
parts <- strsplit(sysreqs, ", ")[[1]]
rustc_req <- parts[grepl("rustc", parts)]

install_hint <- c(
  "Install Rust from https://www.rust-lang.org/tools/install",
  "or from your OS package manager:",
  " - Debian/Ubuntu: apt-get install cargo rustc",
  " - Fedora/CentOS: dnf install cargo rustc",
  " - macOS: brew install rust"
)

# rustup installs into ~/.cargo/bin, which is not always on R's PATH.
Sys.setenv(PATH = paste0(Sys.getenv("PATH"), .Platform$path.sep, path.expand("~/.cargo/bin")))

rustc_version <- tryCatch(system("rustc --version", intern = TRUE), error = function(e) {
  stop(paste(c("---- [RUST NOT FOUND] ----", "The 'rustc' compiler was not found on the PATH.",
               install_hint), collapse = "\n"))
})
cargo_version <- tryCatch(system("cargo --version", intern = TRUE), error = function(e) {
  stop(paste(c("---- [CARGO NOT FOUND] ----", "The 'cargo' command was not found on the PATH.",
               install_hint), collapse = "\n"))
})

extract_semver <- function(ver) {
  if (grepl("\\d+\\.\\d+(\\.\\d+)?", ver)) sub(".*?(\\d+\\.\\d+(\\.\\d+)?).*", "\\1", ver) else NA
}
msrv <- extract_semver(rustc_req)
current <- extract_semver(rustc_version)
if (!is.na(msrv) && utils::compareVersion(msrv, current) == 1) {
  stop(sprintf("Minimum supported Rust version is %s; the installed one is %s.", msrv, current))
}
message(sprintf("Using %s\nUsing %s", cargo_version, rustc_version))
