//! kmer-core for R: the counter that the page reaches through WebAssembly, here compiled
//! into an R package with extendr.
//!
//! Written against extendr-api 0.9:
//! - `#[extendr]` turns a Rust function into one R can call, converting the arguments
//!   (a character vector to `Strings`, a raw vector to `Raw`, a number to `i32`) and the
//!   result (a `Dataframe` built from `#[derive(IntoDataFrameRow)]` rows);
//! - `extendr_module!` lists what the package exports; rextendr::document() reads it and
//!   writes R/extendr-wrappers.R;
//! - returning `Err(extendr_api::Error::Other(message))` raises an R error, as `stop()`
//!   would. (Since 0.9 the prelude no longer shadows std's `Result`, hence the full
//!   `extendr_api::Result`.)
//!
//! Build and install from the package folder, in R:
//!     rextendr::document(); devtools::install()

use extendr_api::prelude::*;
use kmer_core::{KmerCount, KmerError};

// region: row
/// One row of the data frame R receives: deriving IntoDataFrameRow lets a `Vec<KmerRow>`
/// become a data.frame with one column per field.
#[derive(IntoDataFrameRow)]
struct KmerRow {
    kmer: String,
    /// A double, as R's own counts are: R integers stop at 2^31 - 1.
    count: f64,
}
// endregion

fn data_frame(table: Vec<KmerCount>) -> extendr_api::Result<Dataframe<KmerRow>> {
    let rows: Vec<KmerRow> = table
        .into_iter()
        .map(|row| KmerRow {
            kmer: row.kmer,
            count: row.count as f64,
        })
        .collect();
    rows.into_dataframe()
}

// region: errors
/// A broken rule becomes an R error carrying the counter's own message.
fn r_error(error: KmerError) -> extendr_api::Error {
    extendr_api::Error::Other(error.to_string())
}

/// R has no unsigned integers: a negative k or n must be caught before it becomes a usize.
fn count_arg(name: &str, value: i32) -> extendr_api::Result<usize> {
    usize::try_from(value)
        .map_err(|_| extendr_api::Error::Other(format!("{name} must not be negative, got {value}")))
}
// endregion

// region: extendr
/// Most frequent canonical k-mers
///
/// @param seqs A character vector of DNA sequences, one per record.
/// @param k The k-mer length, from 1 to 32.
/// @param n How many k-mers to return.
/// @return A data frame with columns `kmer` and `count`: the `n` most frequent canonical
///   k-mers, by count descending, ties by k-mer.
/// @export
#[extendr]
fn top_kmers(
    seqs: Strings,
    k: i32,
    #[default = "10L"] n: i32,
) -> extendr_api::Result<Dataframe<KmerRow>> {
    // A character vector is many separate strings; the counter takes one buffer, records
    // separated by a newline. Building it is the one copy on the way in.
    let mut joined = String::new();
    for (i, seq) in seqs.iter().enumerate() {
        if seq.is_na() {
            return Err(extendr_api::Error::Other(format!("seqs[{}] is NA", i + 1)));
        }
        if i > 0 {
            joined.push('\n');
        }
        joined.push_str(seq.as_str());
    }
    let table = kmer_core::top_kmers(joined.as_bytes(), count_arg("k", k)?, count_arg("n", n)?)
        .map_err(r_error)?;
    data_frame(table)
}

/// Most frequent canonical k-mers of raw bytes
///
/// @param seqs A raw vector: the records' sequences separated by newlines, for instance
///   `charToRaw(paste(seqs, collapse = "\n"))`.
/// @inheritParams top_kmers
/// @return The same data frame as [top_kmers()].
/// @export
#[extendr]
fn top_kmers_raw(
    seqs: Raw,
    k: i32,
    #[default = "10L"] n: i32,
) -> extendr_api::Result<Dataframe<KmerRow>> {
    // The bytes are borrowed where R keeps them: as_slice() copies nothing.
    let table = kmer_core::top_kmers(seqs.as_slice(), count_arg("k", k)?, count_arg("n", n)?)
        .map_err(r_error)?;
    data_frame(table)
}
// endregion

// region: module
// What the package exports, and the name R_init_kmerkernel_extendr (src/entrypoint.c) is
// generated from.
extendr_module! {
    mod kmerkernel;
    fn top_kmers;
    fn top_kmers_raw;
}
// endregion
