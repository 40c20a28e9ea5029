use std::collections::HashMap;

/// The files a stage reads (`wanted`), taken from everything the earlier stages wrote.
fn hand_over(
    written: &HashMap<String, Vec<u8>>,
    wanted: &[&str],
) -> Result<HashMap<String, Vec<u8>>, String> {
    let mut files = HashMap::new();
    for path in wanted {
        let bytes = written.get(*path).ok_or(format!("no stage wrote {path}"))?;
        files.insert(path.to_string(), bytes.clone());
    }
    Ok(files)
}
