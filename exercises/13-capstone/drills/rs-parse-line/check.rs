// Hidden check: a main() that calls the learner's parse_line and stops at the first wrong answer.
fn main() {
    let good: [(&str, usize, (&str, u64)); 3] = [
        ("AAAA\t5012", 4, ("AAAA", 5012)),
        ("ACGTA\t0", 5, ("ACGTA", 0)),
        ("GC\t999999999", 2, ("GC", 999_999_999)),
    ];
    for (line, k, (kmer, count)) in good {
        match parse_line(line, k) {
            Ok(got) => assert_eq!(got, (kmer.to_string(), count), "parse_line({line:?}, {k})"),
            Err(e) => panic!("parse_line({line:?}, {k}) should be Ok, got Err({e:?})"),
        }
    }
    let bad: [(&str, usize, &str); 9] = [
        (
            "AAAA\t12\textra",
            4,
            "expected 2 tab-separated fields, got 3",
        ),
        ("AAAA", 4, "expected 2 tab-separated fields, got 1"),
        (
            "ACNT\t12",
            4,
            "k-mer 'ACNT' has a letter other than A, C, G or T",
        ),
        (
            "acgt\t12",
            4,
            "k-mer 'acgt' has a letter other than A, C, G or T",
        ),
        ("\t12", 4, "k-mer '' has a letter other than A, C, G or T"),
        (
            "ACG\t12",
            4,
            "k-mer 'ACG' has 3 letters, but the first k-mer has 4",
        ),
        (
            "ACGT\t12.5",
            4,
            "count '12.5' is not a whole number of at most 9 digits",
        ),
        (
            "ACGT\t-3",
            4,
            "count '-3' is not a whole number of at most 9 digits",
        ),
        (
            "ACGT\t1234567890",
            4,
            "count '1234567890' is not a whole number of at most 9 digits",
        ),
    ];
    for (line, k, want) in bad {
        match parse_line(line, k) {
            Err(got) => assert_eq!(got, want, "parse_line({line:?}, {k})"),
            Ok(got) => {
                panic!("parse_line({line:?}, {k}) should fail with {want:?}, got Ok({got:?})")
            }
        }
    }
}
