//! The capstone pipeline's last stage: summarise a canonical k-mer profile as a table of
//! totals and the ten most frequent k-mers, and draw it as a bar chart in SVG.
//!
//! Usage: main table profile.tsv            the table, on stdout
//!        main plot profile.tsv             the SVG, on stdout
//!        main report profile.tsv plot.svg  the table on stdout, the SVG in a file
//! std only, so it compiles to WebAssembly and runs in the browser. The SVG is text built
//! with format!, every coordinate computed on whole numbers, so the Python and R versions
//! write the very same bytes.

use std::collections::HashMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::process;

const USAGE: &str = "usage: main table PROFILE | plot PROFILE | report PROFILE PLOT.svg";
const HEADER: &str = "kmer\tcount";
const TOP: usize = 10;

// region: row
/// One line of the profile. The k-mer is an owned String: the rows outlive the text
/// they were parsed from.
struct Row {
    kmer: String,
    count: u64,
}
// endregion

fn reverse_complement(kmer: &str) -> String {
    kmer.bytes()
        .rev()
        .map(|b| match b {
            b'A' => 'T',
            b'C' => 'G',
            b'G' => 'C',
            _ => 'A',
        })
        .collect()
}

// region: parse
/// The rows of a profile, in file order, checked line by line. The error is the message,
/// naming the file and the line.
fn read_profile(path: &str) -> Result<Vec<Row>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    // lines() ends a line at "\n" and drops a "\r" before it; a final "\n" opens no new line.
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Err(format!("{path} line 1: expected the header kmer<TAB>count"));
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new(); // k-mer -> the line it was on
    for (index, line) in lines.enumerate() {
        let line_no = index + 2;
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 2 {
            let got = fields.len();
            return Err(format!(
                "{path} line {line_no}: expected 2 tab-separated fields, got {got}"
            ));
        }
        let (kmer, count) = (fields[0], fields[1]);
        let acgt = !kmer.is_empty() && kmer.bytes().all(|b| b"ACGT".contains(&b));
        if !acgt {
            return Err(format!(
                "{path} line {line_no}: k-mer '{kmer}' has a letter other than A, C, G or T"
            ));
        }
        if let Some(first) = rows.first() {
            if kmer.len() != first.kmer.len() {
                return Err(format!(
                    "{path} line {line_no}: k-mer '{kmer}' has {} letters, but the first k-mer has {}",
                    kmer.len(),
                    first.kmer.len()
                ));
            }
        }
        let rc = reverse_complement(kmer);
        if rc.as_str() < kmer {
            return Err(format!("{path} line {line_no}: k-mer '{kmer}' is not canonical: its reverse complement '{rc}' comes first"));
        }
        let whole =
            !count.is_empty() && count.len() <= 9 && count.bytes().all(|b| b.is_ascii_digit());
        if !whole {
            return Err(format!(
                "{path} line {line_no}: count '{count}' is not a whole number of at most 9 digits"
            ));
        }
        if let Some(first_line) = seen.get(kmer) {
            return Err(format!(
                "{path} line {line_no}: k-mer '{kmer}' appears twice (first on line {first_line})"
            ));
        }
        seen.insert(kmer.to_string(), line_no);
        // Nine digits always fit a u64: the parse cannot fail after the check above.
        let count: u64 = count.parse().expect("nine digits fit a u64");
        rows.push(Row {
            kmer: kmer.to_string(),
            count,
        });
    }
    if rows.is_empty() {
        return Err(format!("{path} has no k-mers"));
    }
    Ok(rows)
}
// endregion

/// num/den rounded half up on the exact fraction; "NA" when den is 0. Integers only:
/// `{:.2}` would round the nearest f64, half to even.
fn format_ratio(numerator: u64, denominator: u64, decimals: u32) -> String {
    if denominator == 0 {
        return "NA".to_string();
    }
    let scale = 10u64.pow(decimals);
    let scaled = (2 * numerator * scale + denominator) / (2 * denominator);
    format!(
        "{}.{:0width$}",
        scaled / scale,
        scaled % scale,
        width = decimals as usize
    )
}

fn gc_bases(kmer: &str) -> u64 {
    kmer.bytes().filter(|&b| b == b'G' || b == b'C').count() as u64
}

// region: summary
/// The rows, most frequent first; equal counts in alphabetical order of the k-mer. A
/// Vec of borrows: sorting moves 8-byte references, not the rows.
fn by_count(rows: &[Row]) -> Vec<&Row> {
    let mut ordered: Vec<&Row> = rows.iter().collect();
    ordered.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.kmer.cmp(&b.kmer)));
    ordered
}

fn summary_table(rows: &[Row]) -> String {
    let k = rows[0].kmer.len() as u64;
    let mut total = 0;
    let mut gc = 0;
    let mut distinct = 0;
    for row in rows {
        total += row.count;
        gc += row.count * gc_bases(&row.kmer);
        if row.count > 0 {
            distinct += 1;
        }
    }
    let mut out = String::new();
    // Writing to a String cannot fail: the fmt::Result of writeln! is always Ok.
    let _ = writeln!(out, "k\tkmers\tdistinct\tgc");
    let _ = writeln!(
        out,
        "{k}\t{total}\t{distinct}\t{}",
        format_ratio(gc, k * total, 4)
    );
    let _ = writeln!(out, "\nrank\tkmer\tcount\tpercent");
    let top = by_count(rows)
        .into_iter()
        .filter(|row| row.count > 0)
        .take(TOP);
    for (rank, row) in top.enumerate() {
        let percent = format_ratio(100 * row.count, total, 2);
        let _ = writeln!(out, "{}\t{}\t{}\t{percent}", rank + 1, row.kmer, row.count);
    }
    out
}
// endregion

// region: svg
// The chart: 720 x 360 pixels; bars stand on y = 300 and reach up to y = 60 (240 px)
// between x = 70 and x = 690 (620 px), one slot of 620/n px per k-mer, the bar 8/10
// of the slot wide and centred in it.
const WIDTH: u64 = 720;
const HEIGHT: u64 = 360;
const LEFT: u64 = 70;
const RIGHT: u64 = 690;
const TOP_Y: u64 = 60;
const BASE_Y: u64 = 300;
const COLOURS: [(&str, &str); 3] = [
    ("AT-rich", "#4e79a7"),
    ("balanced", "#bab0ac"),
    ("GC-rich", "#e15759"),
];

/// A coordinate: the exact fraction with 2 decimals, rounded half up.
fn fixed2(numerator: u64, denominator: u64) -> String {
    format_ratio(numerator, denominator, 2)
}

fn colour(kmer: &str) -> &'static str {
    let twice_gc = 2 * gc_bases(kmer);
    let k = kmer.len() as u64;
    let class = if twice_gc < k {
        0
    } else if twice_gc == k {
        1
    } else {
        2
    };
    COLOURS[class].1
}

fn svg_chart(rows: &[Row]) -> String {
    let k = rows[0].kmer.len();
    let ordered = by_count(rows);
    let n = ordered.len() as u64;
    let top_count = ordered[0].count;
    let mut total = 0;
    for row in rows {
        total += row.count;
    }
    let distinct = rows.iter().filter(|row| row.count > 0).count();
    let height_of = top_count.max(1); // a profile of zeros draws flat bars, not a division by 0
    let span = RIGHT - LEFT;
    let span_y = BASE_Y - TOP_Y;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(out, "<title>Canonical {k}-mer profile</title>");
    let _ = writeln!(
        out,
        "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"28\" text-anchor=\"middle\" font-size=\"15\">\
         Canonical {k}-mer profile: {total} k-mers, {distinct} distinct</text>",
        WIDTH / 2
    );
    for (i, (label, fill)) in COLOURS.iter().enumerate() {
        let x = 470 + 75 * i;
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"40\" width=\"10\" height=\"10\" fill=\"{fill}\"/>"
        );
        let _ = writeln!(out, "<text x=\"{}\" y=\"49\">{label}</text>", x + 14);
    }
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{BASE_Y}\" x2=\"{RIGHT}\" y2=\"{BASE_Y}\" stroke=\"#333333\"/>"
    );
    let _ = writeln!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{TOP_Y}\" x2=\"{LEFT}\" y2=\"{BASE_Y}\" stroke=\"#333333\"/>"
    );
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>",
        LEFT - 6,
        BASE_Y + 4
    );
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{top_count}</text>",
        LEFT - 6,
        TOP_Y + 4
    );
    for (i, row) in ordered.iter().enumerate() {
        let i = i as u64;
        // x = LEFT + span * (i + 1/10) / n, as one fraction over 10 n.
        let x = fixed2(10 * n * LEFT + span * (10 * i + 1), 10 * n);
        let width = fixed2(8 * span, 10 * n);
        let y = fixed2(BASE_Y * height_of - span_y * row.count, height_of);
        let height = fixed2(span_y * row.count, height_of);
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" fill=\"{}\">\
             <title>{} {}</title></rect>",
            colour(&row.kmer),
            row.kmer,
            row.count
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">canonical {k}-mers, most to least frequent</text>",
        (LEFT + RIGHT) / 2,
        BASE_Y + 30
    );
    let middle = (TOP_Y + BASE_Y) / 2;
    let _ = writeln!(
        out,
        "<text x=\"24\" y=\"{middle}\" text-anchor=\"middle\" transform=\"rotate(-90 24 {middle})\">count</text>"
    );
    let _ = writeln!(out, "</svg>");
    out
}
// endregion

// region: main
fn run(args: &[String]) -> Result<(), String> {
    let command = args.first().map(String::as_str).unwrap_or("");
    let known = match command {
        "table" | "plot" => args.len() == 2,
        "report" => args.len() == 3,
        _ => false,
    };
    if !known {
        return Err(USAGE.to_string());
    }
    let rows = read_profile(&args[1])?;
    let text = match command {
        "plot" => svg_chart(&rows),
        "report" => {
            // The file first: if it cannot be written, nothing has been printed yet.
            let target = &args[2];
            fs::write(target, svg_chart(&rows))
                .map_err(|e| format!("cannot write {target}: {e}"))?;
            summary_table(&rows)
        }
        _ => summary_table(&rows),
    };
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if let Err(message) = run(&args) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion
