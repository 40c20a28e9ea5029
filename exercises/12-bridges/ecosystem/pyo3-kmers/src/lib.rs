//! kmer-core for CPython: the counter that the page reaches through WebAssembly, here
//! compiled into a native extension module with PyO3 and built into a wheel by maturin.
//!
//! Written against pyo3 0.29 and numpy 0.29 (rust-numpy, whose versions follow PyO3's):
//! - `#[pyfunction]` turns a Rust function into a Python one, converting the arguments
//!   (`str` to `&str`, `int` to `usize`, a NumPy array to `PyReadonlyArray1`) and the
//!   result (`Vec<(String, u64)>` to a list of tuples);
//! - `#[pymodule]` on a function that receives the new module as `&Bound<'_, PyModule>`,
//!   and `m.add_function(wrap_pyfunction!(f, m)?)` to put functions in it;
//! - `Python::detach` releases the interpreter while Rust works (before PyO3 0.26 it was
//!   `allow_threads`, as `Python::attach` was `with_gil`);
//! - `PyValueError::new_err` builds the exception a Rust error becomes.
//!
//! Build it from this folder with `maturin develop --release`, then
//!     python examples/top_kmers.py ../../data/genome.fasta 21 10

use kmer_core::{KmerCount, KmerError};
use numpy::PyReadonlyArray1;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

// region: errors
/// A broken rule becomes a Python `ValueError` carrying the counter's own message. This is
/// a function, not `impl From<KmerError> for PyErr`: both types belong to other crates,
/// and Rust lets a crate implement a foreign trait only for its own types.
fn value_error(error: KmerError) -> PyErr {
    PyValueError::new_err(error.to_string())
}
// endregion

/// The table as (k-mer, count) pairs, which PyO3 turns into a list of tuples.
fn pairs(table: Vec<KmerCount>) -> Vec<(String, u64)> {
    table.into_iter().map(|row| (row.kmer, row.count)).collect()
}

// region: pyfunction
/// The `n` most frequent canonical k-mers of `seqs` (records separated by "\n"), as a list
/// of (k-mer, count) tuples: by count descending, ties by k-mer. Raises ValueError for a k
/// outside 1 to 32, an n of 0, or a k longer than every record.
#[pyfunction]
#[pyo3(signature = (seqs, k, n = 10))]
fn top_kmers(py: Python<'_>, seqs: &str, k: usize, n: usize) -> PyResult<Vec<(String, u64)>> {
    // `seqs` borrows the Python string's UTF-8 bytes where they are: nothing is copied.
    // A str cannot change, so it is safe to let other Python threads run meanwhile:
    // detach releases the GIL for the counting and takes it back for the result.
    let table = py.detach(|| kmer_core::top_kmers(seqs.as_bytes(), k, n));
    table.map(pairs).map_err(value_error)
}

/// The same table from a one-dimensional NumPy array of bytes, for instance
/// `numpy.frombuffer(b"ACGT\nGGCC", dtype=numpy.uint8)`.
#[pyfunction]
#[pyo3(signature = (seqs, k, n = 10))]
fn top_kmers_array(
    py: Python<'_>,
    seqs: PyReadonlyArray1<'_, u8>,
    k: usize,
    n: usize,
) -> PyResult<Vec<(String, u64)>> {
    // A contiguous array is a slice already (a strided view such as a[::2] is refused
    // with an error). But unlike a str, an array can be written to by Python code, from
    // another thread once the GIL is released (or at any time in free-threaded Python),
    // so the counter gets its own copy, moved into the closure: then nothing is shared.
    let bytes: Vec<u8> = seqs.as_slice()?.to_vec();
    let table = py.detach(move || kmer_core::top_kmers(&bytes, k, n));
    table.map(pairs).map_err(value_error)
}
// endregion

// region: pymodule
/// The module Python imports: `import kmer_kernel`.
#[pymodule]
fn kmer_kernel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(top_kmers, m)?)?;
    m.add_function(wrap_pyfunction!(top_kmers_array, m)?)?;
    Ok(())
}
// endregion
