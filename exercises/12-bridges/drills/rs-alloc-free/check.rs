// Hidden check: the calls a Python or R caller makes through JavaScript, in that order.
fn main() {
    let a = ru_alloc(64);
    if a.is_null() {
        panic!("ru_alloc(64) returned a null pointer: it should return where a new 64-byte block starts");
    }
    let b = ru_alloc(64);
    if a == b {
        panic!("two blocks still in use start at the same address: is the Vec freed when ru_alloc returns? (std::mem::forget keeps it allocated)");
    }
    unsafe {
        std::ptr::write_bytes(a, b'A', 64);
        std::ptr::write_bytes(b, b'C', 64);
        if std::slice::from_raw_parts(a, 64).iter().any(|&x| x != b'A') {
            panic!("filling the second block changed the first: the blocks overlap");
        }
        ru_free(b, 64);
        ru_free(a, 64);
    }
    // The allocator hands a freed block of the same size out again: only if it got it back.
    let c = ru_alloc(64);
    if c != a && c != b {
        panic!("after ru_free, a new 64-byte block did not reuse the freed memory: does ru_free give the block back (Vec::from_raw_parts, then drop)?");
    }
    unsafe { ru_free(c, 64) };
    unsafe { ru_free(std::ptr::null_mut(), 0) };
}
