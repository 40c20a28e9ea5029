/// Reserves `len` bytes and hands them, and the duty to free them, to the caller.
#[no_mangle]
pub extern "C" fn ru_alloc(len: usize) -> *mut u8 {
    let mut block: Vec<u8> = Vec::with_capacity(len);
    let ptr = block.as_mut_ptr();
    // Without this the Vec would free its memory right here, at the end of the function.
    std::mem::forget(block);
    ptr
}

/// Takes back a block from `ru_alloc(len)`.
///
/// # Safety
/// `ptr` and `len` must come from one `ru_alloc(len)` call, and the block must not be
/// used afterwards.
#[no_mangle]
pub unsafe extern "C" fn ru_free(ptr: *mut u8, len: usize) {
    if ptr.is_null() {
        return;
    }
    // The same Vec again (no elements to drop, capacity len); dropping it frees the block.
    drop(Vec::from_raw_parts(ptr, 0, len));
}
