# Module 02's k-mer table, counted by a Rust kernel compiled to WebAssembly.
#
# Usage (in webR, as this page runs it): Rscript main.R kmers genome.fasta K N
# R reads the FASTA file and checks that K and N are whole numbers; the Rust kernel,
# kernel/kmers.wasm (built from kernel/kmers.rs), does the counting. R reaches it through
# webR's bridge to JavaScript, webr::eval_js(), which runs JavaScript in webR's worker;
# that JavaScript loads the kernel and calls it. Plain R has no such bridge: there, the
# extendr package in ecosystem/extendr-kmers is the way. Errors use stop(), never quit():
# in webR, quit() would end the reader's whole R session.

usage <- "usage: Rscript main.R kmers <fasta> <k> <n>"
kernel_file <- "kernel/kmers.wasm"
# The kernel's k and n are u32s: JavaScript would wrap anything larger modulo 2^32
# (4294967317 would become 21), so larger values are pinned here first.
u32_max <- 2^32 - 1
# The kernel's negative return values (kernel/kmers.rs, region "codes").
err_k_out_of_range <- -1
err_n_zero <- -2
err_k_longer_than_every_record <- -3

# Every record as one string: list(id = ..., seq = ...), the case kept.
read_fasta <- function(path) {
  lines <- tryCatch(readLines(path, warn = FALSE),
                    warning = function(cond) cond, error = function(cond) cond)
  if (inherits(lines, "condition")) {
    stop(sprintf("cannot read %s: %s", path, conditionMessage(lines)), call. = FALSE)
  }
  lines <- sub("[[:space:]]+$", "", lines)
  is_header <- startsWith(lines, ">")
  record <- cumsum(is_header)
  stray <- which(record == 0 & lines != "")
  if (length(stray) > 0) {
    stop(sprintf("%s line %d: sequence before the first '>' header", path, stray[1]), call. = FALSE)
  }
  ids <- sub("[[:space:]].*$", "", substring(lines[is_header], 2))
  # factor() with every record as a level keeps records that have no sequence lines.
  owner <- factor(record[!is_header & record > 0], levels = seq_along(ids))
  seqs <- vapply(split(lines[!is_header & record > 0], owner), paste, "", collapse = "")
  list(id = ids, seq = unname(seqs))
}

# The value of a whole number written with digits only (as.numeric would take "2.5e1").
digits <- function(text, rule) {
  if (!grepl("^[0-9]+$", text)) stop(rule, call. = FALSE)
  as.numeric(text)
}

# region: js
# The JavaScript that webr::eval_js() runs in webR's worker. Module.FS is webR's virtual
# file system, the one readLines() and writeBin() use, so R hands over file names, not
# data. One kernel instance is kept on globalThis, so later runs skip compiling it; it
# is rebuilt if the file changes, or after a call that failed.
kernel_js <- '(() => {
  const FS = globalThis.Module.FS;
  const wasm = FS.readFile(%s);
  let kept = globalThis.ruKmerKernel;
  if (!kept || kept.size !== wasm.length) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {});
    kept = globalThis.ruKmerKernel = { size: wasm.length, exports: instance.exports };
  }
  const kernel = kept.exports;
  const seqs = FS.readFile(%s);
  try {
    // 1. Borrow a block of the kernel memory and copy the sequences into it (>>> 0 reads
    //    the i32 address as unsigned; memory.buffer is fetched after ru_alloc grew it).
    const ptr = kernel.ru_alloc(seqs.length) >>> 0;
    new Uint8Array(kernel.memory.buffer, ptr, seqs.length).set(seqs);
    // 2. Count; the kernel reads the block during this call only, so free it at once.
    const length = kernel.kmer_top(ptr, seqs.length, %.0f, %.0f);
    kernel.ru_free(ptr, seqs.length);
    if (length < 0) return length;
    // 3. The kernel owns the table: copy it out as a string, then let the kernel free it.
    const at = kernel.ru_result_ptr() >>> 0;
    const table = new TextDecoder().decode(new Uint8Array(kernel.memory.buffer, at, length));
    kernel.ru_result_free();
    return table;
  } catch (error) {
    globalThis.ruKmerKernel = undefined; // a trapped instance is in no known state
    throw error;
  }
})()'
# endregion

# region: call
# The kernel's table for the sequences, or its negative error code.
kernel_top_kmers <- function(seqs, k, n) {
  if (!file.exists(kernel_file)) stop(sprintf("cannot read the k-mer kernel %s", kernel_file), call. = FALSE)
  # One buffer, records separated by a newline: the layout the kernel takes.
  seq_file <- tempfile(fileext = ".seq")
  on.exit(unlink(seq_file))
  writeBin(charToRaw(paste(seqs, collapse = "\n")), seq_file)
  # encodeString() quotes and escapes a path the way a JavaScript string literal needs.
  js <- sprintf(kernel_js, encodeString(normalizePath(kernel_file), quote = '"'),
                encodeString(seq_file, quote = '"'), min(k, u32_max), min(n, u32_max))
  webr::eval_js(js)
}
# endregion

# region: run
run_kmers <- function(path, k_text, n_text) {
  k_rule <- sprintf("k must be a whole number from 1 to 32, got '%s'", k_text)
  n_rule <- sprintf("n must be a whole number of at least 1, got '%s'", n_text)
  # Parsing the text is R's job; the rules about k and n are the kernel's.
  k <- digits(k_text, k_rule)
  n <- digits(n_text, n_rule)
  genome <- read_fasta(path)
  result <- kernel_top_kmers(genome$seq, k, n)
  if (is.character(result)) return(cat(result))
  if (result == err_k_out_of_range) stop(k_rule, call. = FALSE)
  if (result == err_n_zero) stop(n_rule, call. = FALSE)
  if (result == err_k_longer_than_every_record) {
    longest <- max(c(0, nchar(genome$seq, type = "bytes")))
    stop(sprintf("k = %.0f is longer than every sequence in %s (longest: %d)", k, path, longest),
         call. = FALSE)
  }
  stop(sprintf("the k-mer kernel failed with code %s", format(result)), call. = FALSE)
}
# endregion

main <- function(args) {
  if (R.version$os != "emscripten") {
    stop("this program runs in webR (R in WebAssembly, as on the lesson page): it calls the ",
         "k-mer kernel through webR's bridge to JavaScript. In R, build and load ",
         "ecosystem/extendr-kmers instead.", call. = FALSE)
  }
  if (length(args) != 4 || args[1] != "kmers") stop(usage, call. = FALSE)
  run_kmers(args[2], args[3], args[4])
}

main(commandArgs(trailingOnly = TRUE))
