//! Token ids of the universe regions that each query region overlaps, printed as TSV.
//!
//! Usage: main universe.bed queries.bed
//! std only, so it compiles to WebAssembly and runs in the browser.
//! `cargo test` (or `rustc --test main.rs && ./main`) runs the tests at the bottom.

use std::collections::HashMap;
use std::env;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process;

// region: region
/// A genomic interval, 0-based and half-open like BED (and like Rust's `start..end`):
/// `chr1 100 200` holds bases 100 to 199, so it touches `chr1 200 300` without overlapping it.
/// Two regions overlap when they share at least one base pair:
/// `a.chrom == b.chrom && a.start < b.end && b.start < a.end`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Region {
    chrom: String,
    start: u64,
    end: u64,
}
// endregion

// region: trait
/// Anything that can map a query region onto the universe's token ids. Two types
/// implement it: `SortedIndex` below, and the `LinearScan` the tests check it against.
trait Tokenizer {
    /// The ids of every universe region sharing at least 1 bp with `query`, ascending;
    /// empty when there is none (printed as UNK).
    fn tokenize(&self, query: &Region) -> Vec<usize>;
}
// endregion

// region: index
/// One chromosome's universe regions in file order. The universe is sorted and
/// non-overlapping, so `starts` and `ends` both ascend, and binary search works on either.
#[derive(Default)]
struct ChromIndex {
    starts: Vec<u64>,
    ends: Vec<u64>,
    ids: Vec<usize>,
}

/// The fast tokenizer: two binary searches per query, O(log n) whatever the universe's size.
struct SortedIndex {
    chroms: HashMap<String, ChromIndex>,
}

impl SortedIndex {
    /// `universe` must already be checked sorted and non-overlapping (`check_universe`).
    fn new(universe: &[Region]) -> SortedIndex {
        let mut chroms: HashMap<String, ChromIndex> = HashMap::new();
        for (id, region) in universe.iter().enumerate() {
            let chrom = chroms.entry(region.chrom.clone()).or_default();
            chrom.starts.push(region.start);
            chrom.ends.push(region.end);
            chrom.ids.push(id);
        }
        SortedIndex { chroms }
    }
}

impl Tokenizer for SortedIndex {
    fn tokenize(&self, query: &Region) -> Vec<usize> {
        let chrom = match self.chroms.get(&query.chrom) {
            Some(chrom) => chrom,
            None => return Vec::new(), // a chromosome the universe does not have
        };
        // Regions that end at or before the query's start lie wholly to its left ...
        let first = chrom.ends.partition_point(|&end| end <= query.start);
        // ... and those that start at or after its end lie wholly to its right.
        let last = chrom.starts.partition_point(|&start| start < query.end);
        // Everything in between overlaps. (first <= last always: a region ending before
        // the query starts also starts before the query ends.)
        chrom.ids[first..last].to_vec()
    }
}
// endregion

// region: generic
/// Tokenizes every query with any `T` that implements `Tokenizer`. The compiler makes one
/// copy of this function per type it is called with (here only `SortedIndex`), and in
/// each copy `tokenize` is a direct call it can inline: no lookup at run time.
fn tokenize_all<T: Tokenizer>(tokenizer: &T, queries: &[Query]) -> Vec<Vec<usize>> {
    queries
        .iter()
        .map(|query| tokenizer.tokenize(&query.region))
        .collect()
}
// endregion

struct Query {
    name: String,
    region: Region,
}

/// One data line of a BED file, with its line number for error messages.
#[derive(Debug)]
struct Record {
    line_no: usize,
    region: Region,
    /// The 4th field; empty for universe lines, which have no name.
    name: String,
}

/// A coordinate: ASCII digits only, so "+5", " 5" and "5e3" are refused in all three languages.
fn whole_number(text: &str) -> Option<u64> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok() // None when it overflows u64
    } else {
        None
    }
}

fn parse_record(text: &str, path: &str, line_no: usize, with_name: bool) -> Result<Record, String> {
    let fields: Vec<&str> = text.split('\t').collect();
    let (needed, names) = if with_name {
        (4, "chrom, start, end, name")
    } else {
        (3, "chrom, start, end")
    };
    if fields.len() < needed {
        return Err(format!(
            "{path} line {line_no}: expected at least {needed} tab-separated fields ({names}), found {}",
            fields.len()
        ));
    }
    let number = |what: &str, text: &str| {
        whole_number(text)
            .ok_or_else(|| format!("{path} line {line_no}: {what} '{text}' is not a whole number"))
    };
    let start = number("start", fields[1])?;
    let end = number("end", fields[2])?;
    if start >= end {
        return Err(format!(
            "{path} line {line_no}: start ({start}) must be less than end ({end})"
        ));
    }
    let name = if with_name { fields[3] } else { "" };
    Ok(Record {
        line_no,
        region: Region {
            chrom: fields[0].to_string(),
            start,
            end,
        },
        name: name.to_string(),
    })
}

// region: parse
/// Reads BED records from any buffered reader: a file in `run`, a byte string in the
/// tests. Generic again: `R` is whatever type implements `BufRead`.
fn read_bed<R: BufRead>(mut reader: R, path: &str, with_name: bool) -> Result<Vec<Record>, String> {
    let mut records = Vec::new();
    let mut line = String::new();
    let mut line_no = 0;
    loop {
        line.clear();
        let bytes_read = reader
            .read_line(&mut line)
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if bytes_read == 0 {
            break; // end of file
        }
        line_no += 1;
        let text = line.trim_end_matches(&['\n', '\r'][..]);
        let skipped = ["#", "track", "browser"];
        if text.trim().is_empty() || skipped.iter().any(|p| text.starts_with(p)) {
            continue;
        }
        records.push(parse_record(text, path, line_no, with_name)?);
    }
    Ok(records)
}
// endregion

// region: check
/// The contract `SortedIndex` relies on: on each chromosome, every region starts at or
/// after the end of the previous one. Returns the regions; token id = position.
fn check_universe(records: Vec<Record>, path: &str) -> Result<Vec<Region>, String> {
    // Borrowed keys: the map points into `records` instead of copying each name.
    let mut previous_end: HashMap<&str, u64> = HashMap::new();
    for record in &records {
        let region = &record.region;
        if let Some(&end) = previous_end.get(region.chrom.as_str()) {
            if region.start < end {
                return Err(format!(
                    "{path} line {}: {}:{}-{} starts before the previous {} region ends ({end}); \
                     the universe must be sorted and non-overlapping",
                    record.line_no, region.chrom, region.start, region.end, region.chrom
                ));
            }
        }
        previous_end.insert(&region.chrom, region.end);
    }
    // The map's borrow ends above, so `records` can now be consumed.
    Ok(records.into_iter().map(|record| record.region).collect())
}
// endregion

fn format_tokens(ids: &[usize]) -> String {
    if ids.is_empty() {
        return "UNK".to_string();
    }
    let ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    ids.join(",")
}

fn write_table(out: &mut impl Write, queries: &[Query], tokens: &[Vec<usize>]) -> io::Result<()> {
    writeln!(out, "query\ttokens")?;
    for (query, ids) in queries.iter().zip(tokens) {
        writeln!(out, "{}\t{}", query.name, format_tokens(ids))?;
    }
    out.flush()
}

fn open(path: &str) -> Result<BufReader<File>, String> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|e| format!("cannot read {path}: {e}"))
}

// region: main
fn run(universe_path: &str, queries_path: &str) -> Result<(), String> {
    let records = read_bed(open(universe_path)?, universe_path, false)?;
    let universe = check_universe(records, universe_path)?;
    let queries: Vec<Query> = read_bed(open(queries_path)?, queries_path, true)?
        .into_iter()
        .map(|record| Query {
            name: record.name,
            region: record.region,
        })
        .collect();
    let index = SortedIndex::new(&universe);
    let tokens = tokenize_all(&index, &queries); // T = SortedIndex, chosen at compile time
    let mut out = BufWriter::new(io::stdout().lock());
    write_table(&mut out, &queries, &tokens).map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: main <universe.bed> <queries.bed>");
        process::exit(1);
    }
    if let Err(message) = run(&args[1], &args[2]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion

// region: tests
// Compiled only by `cargo test` / `rustc --test`: the browser build never sees it.
#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious tokenizer: compare the query with every universe region. O(n) per
    /// query, far too slow for a real universe, but easy to trust: the oracle.
    struct LinearScan {
        universe: Vec<Region>,
    }

    impl Tokenizer for LinearScan {
        fn tokenize(&self, query: &Region) -> Vec<usize> {
            // The definition of overlap, written out: same chromosome, >= 1 bp in common.
            let overlaps =
                |r: &Region| r.chrom == query.chrom && r.start < query.end && query.start < r.end;
            let regions = self.universe.iter().enumerate();
            regions
                .filter(|(_, r)| overlaps(r))
                .map(|(id, _)| id)
                .collect()
        }
    }

    fn region(chrom: &str, start: u64, end: u64) -> Region {
        let chrom = chrom.to_string();
        Region { chrom, start, end }
    }

    /// Touching regions (ids 0 and 1), a gap, another chromosome in between (id 3).
    fn universe() -> Vec<Region> {
        vec![
            region("chr1", 100, 200),
            region("chr1", 200, 300),
            region("chr1", 500, 800),
            region("chr2", 0, 50),
            region("chr1", 900, 1000),
        ]
    }

    #[test]
    fn touching_is_not_overlapping() {
        let index = SortedIndex::new(&universe());
        let none: Vec<usize> = Vec::new();
        assert_eq!(index.tokenize(&region("chr1", 50, 100)), none); // ends where id 0 starts
        assert_eq!(index.tokenize(&region("chr1", 300, 500)), none); // exactly the gap
        assert_eq!(index.tokenize(&region("chr1", 199, 201)), vec![0, 1]); // 1 bp of each
        assert_eq!(index.tokenize(&region("chr1", 0, 2000)), vec![0, 1, 2, 4]);
        assert_eq!(index.tokenize(&region("chr2", 10, 20)), vec![3]);
        assert_eq!(index.tokenize(&region("1", 100, 200)), none); // "1" is not "chr1"
    }

    #[test]
    fn sorted_index_agrees_with_linear_scan() {
        let universe = universe();
        // Two different types behind one trait: `dyn Tokenizer` picks the method at run time.
        let tokenizers: Vec<Box<dyn Tokenizer>> = vec![
            Box::new(LinearScan {
                universe: universe.clone(),
            }),
            Box::new(SortedIndex::new(&universe)),
        ];
        for chrom in ["chr1", "chr2", "chrY"] {
            for start in (0..1100).step_by(10) {
                for end in start + 1..=1100 {
                    let query = region(chrom, start, end);
                    let oracle = tokenizers[0].tokenize(&query);
                    for tokenizer in &tokenizers[1..] {
                        assert_eq!(tokenizer.tokenize(&query), oracle, "{query:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let short = "# comment\nchr1\t1\t2\tq1\nchr1\t3\t4\n";
        let err = read_bed(short.as_bytes(), "q.bed", true).unwrap_err();
        assert!(
            err.starts_with("q.bed line 3: expected at least 4"),
            "{err}"
        );

        let swapped = "chr1\t1\t2\tq1\nchr1\t40\t30\tq2\n";
        let err = read_bed(swapped.as_bytes(), "q.bed", true).unwrap_err();
        assert!(
            err.starts_with("q.bed line 2: start (40) must be less"),
            "{err}"
        );

        let overlapping = "chr1\t100\t200\nchr2\t0\t50\nchr1\t150\t300\n";
        let records = read_bed(overlapping.as_bytes(), "u.bed", false).unwrap();
        let err = check_universe(records, "u.bed").unwrap_err();
        assert!(
            err.starts_with("u.bed line 3: chr1:150-300 starts before"),
            "{err}"
        );
    }
}
// endregion
