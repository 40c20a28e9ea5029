// Hidden check: a main() that calls the learner's hand_over.
fn main() {
    let mut written: std::collections::HashMap<String, Vec<u8>> = std::collections::HashMap::new();
    written.insert(
        "filtered.fastq".to_string(),
        b"@r1\nACGT\n+\nIIII\n".to_vec(),
    );
    written.insert(
        "profile.tsv".to_string(),
        b"kmer\tcount\nAAAA\t3\n".to_vec(),
    );

    let files = hand_over(&written, &["profile.tsv"]).expect("profile.tsv was written");
    assert_eq!(
        files.len(),
        1,
        "only the files the stage reads are handed over"
    );
    assert_eq!(
        files["profile.tsv"],
        b"kmer\tcount\nAAAA\t3\n".to_vec(),
        "the bytes arrive unchanged"
    );

    // The same file again, for a later stage: `written` must still hold it.
    let again = hand_over(&written, &["profile.tsv", "filtered.fastq"]).expect("both were written");
    assert_eq!(
        again.len(),
        2,
        "a file can be handed to more than one stage"
    );

    match hand_over(&written, &["plot.svg"]) {
        Err(message) => assert!(
            message.contains("plot.svg"),
            "the error should name the missing file, got: {message}"
        ),
        Ok(_) => panic!("plot.svg was never written: hand_over should fail"),
    }
}
