// Hidden check: a main() that calls the learner's count_windows.
fn main() {
    let counts = count_windows(b"ACACAC", 2);
    let get = |kmer: &[u8]| counts.get(kmer).copied().unwrap_or(0);
    if get(b"AC") != 3 || get(b"CA") != 2 || counts.len() != 2 {
        panic!(
            "count_windows(b\"ACACAC\", 2) should count AC 3 times and CA 2 times, got {counts:?}"
        );
    }
    let none = count_windows(b"ACG", 4);
    if !none.is_empty() {
        panic!("a sequence shorter than k has no windows, got {none:?}");
    }
}
