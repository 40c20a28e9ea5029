//! The k-mer kernel that Python and R call in this page: module 02's counter behind a
//! C ABI, compiled to WebAssembly (kernel/kmers.wasm) by scripts/build-wasm.ts.
//!
//! WebAssembly functions take and return numbers only, so a sequence crosses the
//! boundary as a pointer and a length into the kernel's linear memory, and the table
//! comes back the same way. The contract, call by call:
//!
//! 1. `ru_alloc(len)` reserves `len` bytes in the kernel's memory and returns where they
//!    start. The caller owns the block: it copies the sequence in, and frees it with
//!    `ru_free(ptr, len)` when done.
//! 2. `kmer_top(ptr, len, k, n)` reads the block during the call only, counts, and keeps
//!    the table in a buffer of its own. It returns the table's length in bytes, or a
//!    negative error code (`ERR_*` below).
//! 3. `ru_result_ptr()` says where that table is. The kernel owns it: it stays valid
//!    until `ru_result_free()` or the next `kmer_top`, so the caller copies it out first.
//!
//! Every length and pointer is a `usize`, which is 32 bits on wasm32: JavaScript sees
//! them as `i32`, so an address above 2 GiB arrives negative (`>>> 0` fixes that).
//! No imports, no I/O: the module needs nothing from its host but to be called.

// Inside an `unsafe fn`, every unsafe operation still needs its own `unsafe { }` block:
// the places where the compiler trusts us stay few and visible.
#![deny(unsafe_op_in_unsafe_fn)]

#[path = "../ecosystem/rust/kmer_core.rs"]
mod kmer_core;

use kmer_core::{top_kmers_tsv, KmerError};
use std::sync::{Mutex, MutexGuard};

// region: codes
/// k is not from 1 to 32.
pub const ERR_K_OUT_OF_RANGE: i32 = -1;
/// n is 0.
pub const ERR_N_ZERO: i32 = -2;
/// Every record is shorter than k.
pub const ERR_K_LONGER_THAN_EVERY_RECORD: i32 = -3;
/// `kmer_top` was given a null pointer with a non-zero length.
pub const ERR_NULL_POINTER: i32 = -4;
/// The table is longer than an `i32` can report (2 GiB).
pub const ERR_TABLE_TOO_LARGE: i32 = -5;

fn error_code(error: &KmerError) -> i32 {
    match error {
        KmerError::KOutOfRange { .. } => ERR_K_OUT_OF_RANGE,
        KmerError::NZero => ERR_N_ZERO,
        KmerError::KLongerThanEveryRecord { .. } => ERR_K_LONGER_THAN_EVERY_RECORD,
    }
}
// endregion

// region: result
/// The last table, owned by the kernel between `kmer_top` and `ru_result_free`. A
/// `static` must be safe to share, so the `Vec` sits in a `Mutex` (uncontended here:
/// a WebAssembly instance runs one call at a time).
static RESULT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

fn result() -> MutexGuard<'static, Vec<u8>> {
    // A panic while the lock was held would poison it; the bytes are still usable.
    RESULT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Where the last table starts (its length is what `kmer_top` returned).
#[no_mangle]
pub extern "C" fn ru_result_ptr() -> *const u8 {
    result().as_ptr()
}

/// Frees the last table. Calling it twice, or before any `kmer_top`, is harmless.
#[no_mangle]
pub extern "C" fn ru_result_free() {
    *result() = Vec::new();
}
// endregion

// region: alloc
/// Reserves `len` bytes for the caller to fill and returns their address. The caller
/// now owns them, and must give them back with `ru_free(ptr, len)`, the same `len`.
#[no_mangle]
pub extern "C" fn ru_alloc(len: usize) -> *mut u8 {
    // `Vec::with_capacity(len)` allocates exactly `len` bytes (a documented guarantee
    // for non-zero-sized types), which is what `ru_free` will hand back.
    let mut block: Vec<u8> = Vec::with_capacity(len);
    let ptr = block.as_mut_ptr();
    // Forget the Vec without freeing its memory: from here on the caller is the owner.
    std::mem::forget(block);
    ptr
}

/// Frees a block from `ru_alloc`.
///
/// # Safety
/// `ptr` and `len` must be exactly what one `ru_alloc(len)` call returned and was
/// given, the block not freed before, and not used after.
#[no_mangle]
pub unsafe extern "C" fn ru_free(ptr: *mut u8, len: usize) {
    if ptr.is_null() {
        return;
    }
    // SAFETY: by the contract above, ptr is the buffer of a Vec<u8> of capacity len that
    // ru_alloc forgot. Rebuilding that Vec (length 0: no bytes to drop) and dropping it
    // returns the memory to the allocator it came from.
    drop(unsafe { Vec::from_raw_parts(ptr, 0, len) });
}
// endregion

// region: kmer_top
/// Counts the canonical k-mers of the `len` bytes at `seq` (records separated by
/// newlines) and keeps the table of the `n` most frequent; returns its length in bytes,
/// or one of the negative `ERR_*` codes.
///
/// # Safety
/// `seq` must point to `len` initialised bytes that nothing changes during the call,
/// such as a block from `ru_alloc(len)` that the caller has filled; with `len == 0` it
/// may be anything, null included.
#[no_mangle]
pub unsafe extern "C" fn kmer_top(seq: *const u8, len: usize, k: u32, n: u32) -> i32 {
    ru_result_free();
    let seqs: &[u8] = if len == 0 {
        &[]
    } else if seq.is_null() {
        return ERR_NULL_POINTER;
    } else {
        // SAFETY: non-null, and by the contract above `len` readable bytes that stay
        // unchanged while this borrow lives (it ends before kmer_top returns).
        unsafe { std::slice::from_raw_parts(seq, len) }
    };
    // From here on, safe Rust: the slice carries its length, and every index is checked.
    match top_kmers_tsv(seqs, k as usize, n as usize) {
        Ok(table) => match i32::try_from(table.len()) {
            Ok(length) => {
                *result() = table.into_bytes();
                length
            }
            Err(_) => ERR_TABLE_TOO_LARGE,
        },
        Err(error) => error_code(&error),
    }
}
// endregion

// The kernel's own checks, run natively by the tests (rustc --test kernel/kmers.rs): the
// same calls, in the same order, that the Python and R code make through JavaScript.
#[cfg(test)]
mod tests {
    use super::*;

    /// What the page's Python and R do: alloc, copy in, call, copy out, free both.
    fn call(seqs: &[u8], k: u32, n: u32) -> Result<String, i32> {
        let ptr = ru_alloc(seqs.len());
        unsafe { std::ptr::copy_nonoverlapping(seqs.as_ptr(), ptr, seqs.len()) };
        let length = unsafe { kmer_top(ptr, seqs.len(), k, n) };
        unsafe { ru_free(ptr, seqs.len()) };
        if length < 0 {
            return Err(length);
        }
        let table = unsafe { std::slice::from_raw_parts(ru_result_ptr(), length as usize) };
        let text = String::from_utf8(table.to_vec()).expect("the table is ASCII");
        ru_result_free();
        Ok(text)
    }

    /// The sequences of a FASTA file, one record per line, as the page's Python and R send them.
    fn fasta_records(path: &str) -> Vec<u8> {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path}: {e} (run the tests from exercises/12-bridges)"));
        let mut records: Vec<String> = Vec::new();
        for line in text.lines() {
            if line.starts_with('>') {
                records.push(String::new());
            } else if let Some(record) = records.last_mut() {
                record.push_str(line.trim_end());
            }
        }
        records.join("\n").into_bytes()
    }

    // The tests share the one RESULT buffer, as calls in the page do: one at a time.
    static SERIAL: Mutex<()> = Mutex::new(());

    #[test]
    fn prints_module_02s_tables_through_the_c_abi() {
        let _one_at_a_time = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let genome = fasta_records("data/genome.fasta");
        for (k, expected) in [(21, "expected/kmers-k21.tsv"), (5, "expected/kmers-k5.tsv")] {
            let want = std::fs::read_to_string(expected).expect("the expected table");
            assert_eq!(call(&genome, k, 10), Ok(want), "k = {k}");
        }
    }

    #[test]
    fn reports_bad_arguments_as_negative_codes() {
        let _one_at_a_time = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        assert_eq!(call(b"ACGT", 0, 1), Err(ERR_K_OUT_OF_RANGE));
        assert_eq!(call(b"ACGT", 33, 1), Err(ERR_K_OUT_OF_RANGE));
        assert_eq!(call(b"ACGT", u32::MAX, 1), Err(ERR_K_OUT_OF_RANGE));
        assert_eq!(call(b"ACGT", 2, 0), Err(ERR_N_ZERO));
        assert_eq!(call(b"ACGT\nAC", 5, 1), Err(ERR_K_LONGER_THAN_EVERY_RECORD));
        assert_eq!(call(b"", 1, 1), Err(ERR_K_LONGER_THAN_EVERY_RECORD));
        let null = unsafe { kmer_top(std::ptr::null(), 4, 2, 1) };
        assert_eq!(null, ERR_NULL_POINTER);
    }

    #[test]
    fn owns_one_table_at_a_time_and_frees_it() {
        let _one_at_a_time = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        assert_eq!(call(b"AAAA", 2, 5), Ok("kmer\tcount\nAA\t3\n".to_string()));
        // A failed call drops the previous table too: nothing stale can be read.
        let _ = unsafe { kmer_top(b"ACGT".as_ptr(), 4, 2, 1) };
        assert!(result().capacity() > 0);
        let _ = unsafe { kmer_top(b"ACGT".as_ptr(), 4, 0, 1) };
        assert_eq!(result().capacity(), 0);
        ru_result_free();
        ru_result_free();
    }

    #[test]
    fn empty_blocks_round_trip() {
        let ptr = ru_alloc(0);
        assert!(!ptr.is_null());
        unsafe { ru_free(ptr, 0) };
        unsafe { ru_free(std::ptr::null_mut(), 0) };
    }
}
