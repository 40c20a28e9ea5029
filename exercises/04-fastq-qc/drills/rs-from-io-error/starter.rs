use std::fmt;
use std::io::{self, BufRead};

#[derive(Debug)]
enum FastqError {
    Io(io::Error),
    Truncated { record: u64, lines_read: u64 },
}

impl fmt::Display for FastqError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FastqError::Io(e) => write!(f, "{e}"),
            FastqError::Truncated { record, lines_read } => {
                write!(
                    f,
                    "record {record}: the file ends after {lines_read} of its 4 lines"
                )
            }
        }
    }
}

/// The number of complete 4-line records in `reader`.
fn count_records(reader: &mut impl BufRead) -> Result<u64, FastqError> {
    let mut line = String::new();
    let mut records = 0;
    loop {
        let mut lines_read = 0;
        for _ in 0..4 {
            line.clear();
            if reader.read_line(&mut line)? == 0 {
                break;
            }
            lines_read += 1;
        }
        match lines_read {
            0 => return Ok(records),
            4 => records += 1,
            _ => {
                return Err(FastqError::Truncated {
                    record: records + 1,
                    lines_read,
                })
            }
        }
    }
}
