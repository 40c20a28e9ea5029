use std::io::BufRead;

/// The (id, length) of every FASTA record that `reader` yields.
fn id_lengths(reader: &mut impl BufRead) -> Vec<(String, u64)> {
    let mut records: Vec<(&str, u64)> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).expect("cannot read") == 0 {
            break; // end of input
        }
        let text = line.trim_end();
        if let Some(header) = text.strip_prefix('>') {
            let id = header.split_whitespace().next().unwrap_or("");
            records.push((id, 0));
        } else if let Some(last) = records.last_mut() {
            last.1 += text.len() as u64;
        }
    }
    // Copy the ids only once, at the end.
    records.into_iter().map(|(id, len)| (id.to_string(), len)).collect()
}
