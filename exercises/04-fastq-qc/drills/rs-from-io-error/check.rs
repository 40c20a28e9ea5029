// Hidden check: a main() that calls the learner's count_records.
struct Broken;

impl std::io::Read for Broken {
    fn read(&mut self, _buf: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::new(
            std::io::ErrorKind::Other,
            "disk unplugged",
        ))
    }
}

fn main() {
    let two = "@r1\nACGT\n+\nIIII\n@r2\nGG\n+\n##\n";
    match count_records(&mut two.as_bytes()) {
        Ok(2) => {}
        other => panic!("two complete records should give Ok(2), got {other:?}"),
    }
    match count_records(&mut "".as_bytes()) {
        Ok(0) => {}
        other => panic!("empty input should give Ok(0), got {other:?}"),
    }
    let cut = "@r1\nACGT\n+\nIIII\n@r2\nGG\n";
    match count_records(&mut cut.as_bytes()) {
        Err(FastqError::Truncated {
            record: 2,
            lines_read: 2,
        }) => {}
        other => {
            panic!("a file that stops after 2 lines of record 2 should be Truncated, got {other:?}")
        }
    }
    let mut broken = std::io::BufReader::new(Broken);
    match count_records(&mut broken) {
        Err(FastqError::Io(e)) => assert_eq!(e.to_string(), "disk unplugged"),
        other => panic!("a failing reader should give FastqError::Io, got {other:?}"),
    }
}
