/// One line of a profile: the k-mer and its count, or what is wrong with the line.
fn parse_line(line: &str, k: usize) -> Result<(String, u64), String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != 2 {
        return Err(format!(
            "expected 2 tab-separated fields, got {}",
            fields.len()
        ));
    }
    let (kmer, count) = (fields[0], fields[1]);
    if kmer.is_empty() || !kmer.bytes().all(|b| b"ACGT".contains(&b)) {
        return Err(format!(
            "k-mer '{kmer}' has a letter other than A, C, G or T"
        ));
    }
    if kmer.len() != k {
        return Err(format!(
            "k-mer '{kmer}' has {} letters, but the first k-mer has {k}",
            kmer.len()
        ));
    }
    if count.is_empty() || count.len() > 9 || !count.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "count '{count}' is not a whole number of at most 9 digits"
        ));
    }
    let count: u64 = count.parse().expect("nine digits fit a u64");
    Ok((kmer.to_string(), count))
}
