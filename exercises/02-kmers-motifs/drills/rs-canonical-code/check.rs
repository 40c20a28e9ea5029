// Hidden check: a main() that calls the learner's canonical_code and stops at the first wrong answer.
fn main() {
    let cases: [(&[u8], Option<u64>, &str); 9] = [
        (
            b"CA",
            Some(4),
            "CA is 0b01_00 = 4, smaller than its reverse complement TG = 0b11_10",
        ),
        (b"TG", Some(4), "TG and CA are the two strands of one k-mer"),
        (b"A", Some(0), "a single A is 0"),
        (b"T", Some(0), "T's reverse complement is A"),
        (
            b"ACGT",
            Some(27),
            "ACGT = 0b00_01_10_11 = 27 is its own reverse complement",
        ),
        (
            b"TTAGGG",
            Some(0b01_01_01_11_00_00),
            "TTAGGG is the other strand of CCCTAA",
        ),
        (b"ACNT", None, "a k-mer with an N has no code"),
        (
            b"GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG",
            Some(0x5555_5555_5555_5555),
            "32 G pair with 32 C: all 64 bits are used",
        ),
        (
            b"acgt",
            None,
            "lowercase is not upper-cased here: the caller does that",
        ),
    ];
    for (kmer, want, why) in cases {
        let got = canonical_code(kmer);
        if got != want {
            let text = String::from_utf8_lossy(kmer);
            panic!("canonical_code(b\"{text}\") should be {want:?}, got {got:?}: {why}");
        }
    }
}
