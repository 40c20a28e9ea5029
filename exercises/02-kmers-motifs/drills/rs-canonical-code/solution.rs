/// A base as a 2-bit number: A = 0, C = 1, G = 2, T = 3; `None` for anything else.
fn base_code(base: u8) -> Option<u64> {
    match base {
        b'A' => Some(0),
        b'C' => Some(1),
        b'G' => Some(2),
        b'T' => Some(3),
        _ => None,
    }
}

/// The smaller of the codes of `kmer` and of its reverse complement; `None` if it holds an N.
fn canonical_code(kmer: &[u8]) -> Option<u64> {
    let (mut forward, mut reverse) = (0u64, 0u64);
    for (i, &base) in kmer.iter().enumerate() {
        let code = base_code(base)?; // an N ends the function with None
        forward = (forward << 2) | code;
        // Read backwards and complemented: base i is digit i from the right.
        reverse |= (3 - code) << (2 * i);
    }
    Some(forward.min(reverse))
}
