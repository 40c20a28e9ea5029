// Hidden check: a main() that calls the learner's table_bytes.
fn main() {
    let rows = vec![("ATAAA".to_string(), 253u64), ("AAAAA".to_string(), 251)];
    let got: Vec<u8> = table_bytes(&rows).into();
    let want = b"kmer\tcount\nATAAA\t253\nAAAAA\t251\n".to_vec();
    if got != want {
        panic!(
            "table_bytes should give {:?}, got {:?}",
            String::from_utf8_lossy(&want),
            String::from_utf8_lossy(&got)
        );
    }
    let empty: Vec<u8> = table_bytes(&[]).into();
    if empty != b"kmer\tcount\n".to_vec() {
        panic!(
            "with no rows the table is its header line only, got {:?}",
            String::from_utf8_lossy(&empty)
        );
    }
}
