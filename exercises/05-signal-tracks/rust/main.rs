//! Summarise a bedGraph signal track: mean and max over each peak of a BED file, or
//! the mean over fixed-width bins of every chromosome (a bigWig-style zoom level).
//!
//! Usage: main peaks <chrom.sizes> <signal.bedGraph> <peaks.bed>
//!        main zoom <BIN> <chrom.sizes> <signal.bedGraph>
//! std only, so it compiles to WebAssembly and runs in the browser.

use std::env;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process;

// region: structs
/// One bedGraph line: every base in `start..end` (0-based, end excluded) carries the
/// same value, kept as a whole number of thousandths so that sums are exact.
#[derive(Debug, Clone, Copy)]
struct Interval {
    start: u64,
    end: u64,
    milli: u64,
}

/// A chromosome from chrom.sizes and the signal intervals on it, sorted by position.
struct Chrom {
    name: String,
    size: u64,
    intervals: Vec<Interval>,
}

/// The chromosomes in chrom.sizes order, plus an index sorted by name for lookups.
struct Genome {
    chroms: Vec<Chrom>,
    by_name: Vec<(String, usize)>,
}
// endregion

// region: lookup
impl Genome {
    /// Builds the name index: sort it once, and every lookup is a binary search.
    fn new(chroms: Vec<Chrom>, path: &str) -> Result<Genome, String> {
        let mut by_name: Vec<(String, usize)> = chroms
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.clone(), i))
            .collect();
        // sort_by compares borrowed names; sort_by_key would have to clone each key.
        by_name.sort_by(|a, b| a.0.cmp(&b.0));
        // Once sorted, a name listed twice sits next to itself.
        if let Some(pair) = by_name.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(format!(
                "{path}: chromosome {} is listed more than once",
                pair[0].0
            ));
        }
        Ok(Genome { chroms, by_name })
    }

    /// The position of `name` in `chroms`, or None for a chromosome we do not know.
    fn find(&self, name: &str) -> Option<usize> {
        let found = self.by_name.binary_search_by(|(n, _)| n.as_str().cmp(name));
        found.ok().map(|i| self.by_name[i].1)
    }
}
// endregion

/// Reads `path` line by line and calls `handle(line_no, text)` for every line that is
/// data: blank lines, `#` comments and `track`/`browser` header lines are skipped.
fn for_each_data_line(
    path: &str,
    mut handle: impl FnMut(usize, &str) -> Result<(), String>,
) -> Result<(), String> {
    let file = File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut reader = BufReader::new(file);
    let mut line = String::new();
    let mut line_no = 0;
    loop {
        line.clear();
        let bytes = reader
            .read_line(&mut line)
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if bytes == 0 {
            return Ok(());
        }
        line_no += 1;
        let text = line.trim_end();
        let first_word = text.split(|c| c == ' ' || c == '\t').next().unwrap_or("");
        if text.is_empty()
            || text.starts_with('#')
            || first_word == "track"
            || first_word == "browser"
        {
            continue;
        }
        handle(line_no, text)?;
    }
}

/// A base count: digits only, no sign.
fn parse_whole(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

// region: milli
/// "12.5" -> 12500: a non-negative value with at most 3 decimals, in thousandths.
/// Whole numbers, so sums over millions of bases stay exact in every language.
fn parse_milli(text: &str) -> Option<u64> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, "000"),
    };
    if fraction.is_empty() || fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut milli = parse_whole(whole)?.checked_mul(1000)?;
    let mut unit = 100;
    for digit in fraction.bytes() {
        milli += u64::from(digit - b'0') * unit;
        unit /= 10;
    }
    Some(milli)
}
// endregion

fn read_chrom_sizes(path: &str) -> Result<Genome, String> {
    let mut chroms = Vec::new();
    for_each_data_line(path, |line_no, text| {
        let fields: Vec<&str> = text.split('\t').collect();
        if fields.len() != 2 {
            return Err(format!(
                "{path} line {line_no}: expected 2 tab-separated fields (chrom, size), found {}",
                fields.len()
            ));
        }
        let size = match parse_whole(fields[1]) {
            Some(size) if size > 0 => size,
            _ => {
                return Err(format!(
                "{path} line {line_no}: chromosome size must be a positive whole number, got '{}'",
                fields[1]
            ))
            }
        };
        chroms.push(Chrom {
            name: fields[0].to_string(),
            size,
            intervals: Vec::new(),
        });
        Ok(())
    })?;
    Genome::new(chroms, path)
}

// region: bedgraph
/// Adds every interval of the bedGraph at `path` to its chromosome in `genome`.
/// Like bigWig writers, it insists on sorted input: each chromosome in one block,
/// and within it each interval starting at or after the end of the previous one.
fn read_bedgraph(path: &str, genome: &mut Genome, sizes_path: &str) -> Result<(), String> {
    let mut current: Option<usize> = None;
    for_each_data_line(path, |line_no, text| {
        // A closure, so the message is only formatted when something is wrong.
        let at = |problem: String| format!("{path} line {line_no}: {problem}");
        let fields: Vec<&str> = text.split('\t').collect();
        if fields.len() != 4 {
            let found = fields.len();
            return Err(at(format!(
                "expected 4 tab-separated fields (chrom, start, end, value), found {found}"
            )));
        }
        let (start, end) = parse_coordinates(fields[1], fields[2]).map_err(at)?;
        let milli = parse_milli(fields[3]).ok_or_else(|| {
            at(format!(
                "value '{}' is not a non-negative number with at most 3 decimals",
                fields[3]
            ))
        })?;
        if end <= start {
            return Err(at(format!(
                "empty interval: end {end} must be greater than start {start}"
            )));
        }
        let name = fields[0];
        let index = genome
            .find(name)
            .ok_or_else(|| at(format!("unknown chromosome {name} (not in {sizes_path})")))?;
        let chrom = &mut genome.chroms[index];
        if end > chrom.size {
            let size = chrom.size;
            return Err(at(format!(
                "interval ends at {end}, past the end of {name} ({size})"
            )));
        }
        if current != Some(index) && !chrom.intervals.is_empty() {
            return Err(at(format!(
                "{name} appears again after another chromosome: {}",
                "the bedGraph must be sorted by chromosome, then position"
            )));
        }
        current = Some(index);
        if let Some(previous) = chrom.intervals.last() {
            if start < previous.end {
                return Err(at(format!(
                    "{name}:{start}-{end} starts before the previous interval ends ({}): {}",
                    previous.end, "the bedGraph must be sorted, without overlaps"
                )));
            }
        }
        chrom.intervals.push(Interval { start, end, milli });
        Ok(())
    })
}
// endregion

/// Start and end of a BED or bedGraph line, both whole numbers.
fn parse_coordinates(start: &str, end: &str) -> Result<(u64, u64), String> {
    match (parse_whole(start), parse_whole(end)) {
        (Some(s), Some(e)) => Ok((s, e)),
        _ => Err(format!(
            "start and end must be whole numbers, got '{start}' and '{end}'"
        )),
    }
}

struct Peak {
    chrom: usize,
    start: u64,
    end: u64,
    name: String,
}

fn read_peaks(path: &str, genome: &Genome, sizes_path: &str) -> Result<Vec<Peak>, String> {
    let mut peaks = Vec::new();
    for_each_data_line(path, |line_no, text| {
        let at = |problem: String| format!("{path} line {line_no}: {problem}");
        let fields: Vec<&str> = text.split('\t').collect();
        if fields.len() < 4 {
            let found = fields.len();
            return Err(at(format!(
                "expected at least 4 tab-separated fields (chrom, start, end, name), found {found}"
            )));
        }
        let (start, end) = parse_coordinates(fields[1], fields[2]).map_err(at)?;
        if end <= start {
            return Err(at(format!(
                "empty peak: end {end} must be greater than start {start}"
            )));
        }
        let name = fields[0];
        let chrom = genome.find(name).ok_or_else(|| {
            at(format!(
                "peak on unknown chromosome {name} (not in {sizes_path})"
            ))
        })?;
        let size = genome.chroms[chrom].size;
        if end > size {
            return Err(at(format!(
                "peak ends at {end}, past the end of {name} ({size})"
            )));
        }
        peaks.push(Peak {
            chrom,
            start,
            end,
            name: fields[3].to_string(),
        });
        Ok(())
    })?;
    Ok(peaks)
}

// region: overlapping
/// The intervals of `track` that share at least one base with `start..end`.
/// The result is a view into `track` (no copy); the lifetime `'a` says it is valid
/// exactly as long as the track it was cut from.
fn overlapping<'a>(track: &'a [Interval], start: u64, end: u64) -> &'a [Interval] {
    // Sorted and non-overlapping, so the ends are sorted too: two binary searches.
    // First interval that ends after `start` (half-open: ending at `start` is out).
    let first = track.partition_point(|iv| iv.end <= start);
    // Of the rest, those that begin before `end`.
    let count = track[first..].partition_point(|iv| iv.start < end);
    &track[first..first + count]
}
// endregion

// region: summarise
/// Signal over `start..end`: the sum over covered bases (thousandths × bases) and
/// the largest value of a covered base (None when no base is covered).
fn summarise(track: &[Interval], start: u64, end: u64) -> (u64, Option<u64>) {
    let mut sum = 0;
    let mut max: Option<u64> = None;
    for iv in overlapping(track, start, end) {
        let bases = iv.end.min(end) - iv.start.max(start);
        sum += bases * iv.milli;
        max = Some(max.map_or(iv.milli, |m| m.max(iv.milli)));
    }
    (sum, max)
}
// endregion

// region: format
/// The mean over `bases` bases (uncovered ones count as 0) in units of 0.0001,
/// rounded half up on the exact fraction: sum / 1000 / bases * 10^4 = 10 sum / bases.
fn mean_e4(sum: u64, bases: u64) -> u64 {
    (20 * sum + bases) / (2 * bases)
}

/// 1234 -> "0.1234": units of 0.0001 printed with exactly 4 decimals.
fn fixed4(e4: u64) -> String {
    format!("{}.{:04}", e4 / 10_000, e4 % 10_000)
}
// endregion

fn write_peaks(out: &mut impl Write, genome: &Genome, peaks: &[Peak]) -> io::Result<()> {
    writeln!(out, "name\tmean\tmax")?;
    for peak in peaks {
        let track = &genome.chroms[peak.chrom].intervals;
        let (sum, max) = summarise(track, peak.start, peak.end);
        let mean = fixed4(mean_e4(sum, peak.end - peak.start));
        // A value in thousandths is a whole number of 0.0001 units times 10.
        let max = fixed4(10 * max.unwrap_or(0));
        writeln!(out, "{}\t{mean}\t{max}", peak.name)?;
    }
    out.flush()
}

// region: zoom
fn write_zoom(out: &mut impl Write, genome: &Genome, bin: u64) -> io::Result<()> {
    writeln!(out, "chrom\tstart\tend\tmean")?;
    for chrom in &genome.chroms {
        let mut start = 0;
        while start < chrom.size {
            // The last bin stops at the chromosome's end.
            let end = (start + bin).min(chrom.size);
            let (sum, _) = summarise(&chrom.intervals, start, end);
            let mean = fixed4(mean_e4(sum, end - start));
            writeln!(out, "{}\t{start}\t{end}\t{mean}", chrom.name)?;
            start = end;
        }
    }
    out.flush()
}
// endregion

// region: main
const USAGE: &str = concat!(
    "usage: main peaks <chrom.sizes> <signal.bedGraph> <peaks.bed>\n",
    "       main zoom <BIN> <chrom.sizes> <signal.bedGraph>"
);

fn run(args: &[String]) -> Result<(), String> {
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match args {
        [command, sizes, signal, peaks] if command == "peaks" => {
            let mut genome = read_chrom_sizes(sizes)?;
            read_bedgraph(signal, &mut genome, sizes)?;
            let peaks = read_peaks(peaks, &genome, sizes)?;
            write_peaks(&mut out, &genome, &peaks)
        }
        [command, bin, sizes, signal] if command == "zoom" => {
            let bin = match parse_whole(bin) {
                Some(bin) if bin > 0 => bin,
                _ => {
                    return Err(format!(
                        "BIN must be a positive integer (a bin width in bases), got '{bin}'"
                    ))
                }
            };
            let mut genome = read_chrom_sizes(sizes)?;
            read_bedgraph(signal, &mut genome, sizes)?;
            write_zoom(&mut out, &genome, bin)
        }
        _ => return Err(USAGE.to_string()),
    };
    written.map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if let Err(message) = run(&args) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion
