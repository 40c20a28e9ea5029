use std::io::BufRead;

/// The (id, length) of every FASTA record that `reader` yields.
fn id_lengths(reader: &mut impl BufRead) -> Vec<(String, u64)> {
    // Owned ids: each one is copied out of `line` before `line` is refilled.
    let mut records: Vec<(String, u64)> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).expect("cannot read") == 0 {
            break; // end of input
        }
        let text = line.trim_end();
        if let Some(header) = text.strip_prefix('>') {
            let id = header.split_whitespace().next().unwrap_or("");
            records.push((id.to_string(), 0));
        } else if let Some(last) = records.last_mut() {
            last.1 += text.len() as u64;
        }
    }
    records
}
