// Hidden check: a main() that calls the learner's id_lengths on small FASTA texts.
fn main() {
    let cases: [(&str, &[(&str, u64)], &str); 4] = [
        (">a desc\nACGT\nAC\n>b\n>c x y\nNNNN\n", &[("a", 6), ("b", 0), ("c", 4)], "three records, one empty"),
        (">seq1 len=5\r\nACGTN\r\n", &[("seq1", 5)], "Windows line endings: \\r is not part of the sequence"),
        (">first\nAAAA\n>second_id_longer_than_the_first\nCC\n", &[("first", 4), ("second_id_longer_than_the_first", 2)], "each id survives the next line"),
        ("", &[], "empty input gives no records"),
    ];
    for (text, want, why) in cases {
        let mut reader = text.as_bytes();
        let got = id_lengths(&mut reader);
        let want: Vec<(String, u64)> = want.iter().map(|(id, len)| (id.to_string(), *len)).collect();
        if got != want {
            panic!("id_lengths({text:?}) should be {want:?}, got {got:?}: {why}");
        }
    }
}
