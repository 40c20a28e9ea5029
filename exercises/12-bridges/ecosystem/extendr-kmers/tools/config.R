# Run by ./configure (configure.win on Windows) before R compiles the package: checks the
# Rust toolchain (tools/msrv.R), then writes src/Makevars from src/Makevars.in, filling in
# the @...@ placeholders for this build.

source("tools/msrv.R")

env_debug <- Sys.getenv("DEBUG")
env_not_cran <- Sys.getenv("NOT_CRAN")
vendor_exists <- file.exists("src/rust/vendor.tar.xz")

is_not_cran <- env_not_cran != ""
is_debug <- env_debug != ""
if (is_debug) {
  # A debug build is never a CRAN build.
  is_not_cran <- TRUE
  message("Creating DEBUG build.")
}
if (!is_not_cran) message("Building for CRAN.")

# On CRAN, with the crates vendored: build offline, on at most two cores.
.cran_flags <- if (!is_not_cran && vendor_exists) "-j 2 --offline" else ""
.profile <- if (is_debug) "" else "--release"
.clean_targets <- if (is_debug) "" else "$(TARGET_DIR)"

# webR builds the package for WebAssembly, in R-universe for instance.
is_wasm <- R.version$platform == "wasm32-unknown-emscripten"
if (is_wasm) message("Building for webR.")
.target <- if (is_wasm) "--target=wasm32-unknown-emscripten" else ""
.libdir <- if (is_wasm) {
  "wasm32-unknown-emscripten/release"
} else if (is_debug) {
  "debug"
} else {
  "release"
}

is_windows <- .Platform[["OS.type"]] == "windows"
mv_fp <- if (is_windows) "src/Makevars.win.in" else "src/Makevars.in"
mv_ofp <- if (is_windows) "src/Makevars.win" else "src/Makevars"
if (file.exists(mv_ofp)) {
  message("Cleaning previous `", mv_ofp, "`.")
  invisible(file.remove(mv_ofp))
}

mv_txt <- readLines(mv_fp)
new_txt <- gsub("@CRAN_FLAGS@", .cran_flags, mv_txt, fixed = TRUE)
new_txt <- gsub("@PROFILE@", .profile, new_txt, fixed = TRUE)
new_txt <- gsub("@CLEAN_TARGET@", .clean_targets, new_txt, fixed = TRUE)
new_txt <- gsub("@LIBDIR@", .libdir, new_txt, fixed = TRUE)
new_txt <- gsub("@TARGET@", .target, new_txt, fixed = TRUE)

message("Writing `", mv_ofp, "`.")
con <- file(mv_ofp, open = "wb")
writeLines(new_txt, con, sep = "\n")
close(con)
message("`tools/config.R` has finished.")
