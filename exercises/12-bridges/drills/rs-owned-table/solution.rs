/// The table as bytes, ready for a caller on the other side of the boundary.
fn table_bytes(rows: &[(String, u64)]) -> Vec<u8> {
    let mut table = String::from("kmer\tcount\n");
    for (kmer, count) in rows {
        table.push_str(&format!("{kmer}\t{count}\n"));
    }
    // The String's buffer moves out, uncopied: the caller owns it now.
    table.into_bytes()
}
