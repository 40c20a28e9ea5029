/// The table as bytes, ready for a caller on the other side of the boundary.
fn table_bytes(rows: &[(String, u64)]) -> &[u8] {
    let mut table = String::from("kmer\tcount\n");
    for (kmer, count) in rows {
        table.push_str(&format!("{kmer}\t{count}\n"));
    }
    table.as_bytes()
}
