//! The summary stage with the csv crate: the table of totals and top 10 k-mers, and the
//! SVG chart.
//!
//! Written against csv 1.3.1 with serde 1 (the versions on docs.rs when written):
//! `ReaderBuilder::new().delimiter(b'\t').from_path(path)?` opens the TSV, and
//! `deserialize::<Row>()` turns each line into a typed `Row` through serde's derive,
//! with an error naming the line when a count is not a number. Built by Cargo.toml:
//!     cargo run --release --bin csv_summary -- report ../../data/profile.tsv plot.svg
//! Prints (and writes) exactly what ../../rust/main.rs prints for a valid profile.

use serde::Deserialize;
use std::env;
use std::error::Error;
use std::fs;
use std::process;

#[derive(Deserialize)]
struct Row {
    kmer: String,
    count: u64,
}

/// num/den rounded half up on the exact fraction; "NA" when den is 0.
fn rounded(num: u64, den: u64, decimals: u32) -> String {
    if den == 0 {
        return "NA".to_string();
    }
    let scale = 10u64.pow(decimals);
    let scaled = (2 * num * scale + den) / (2 * den);
    let width = decimals as usize;
    format!("{}.{:0width$}", scaled / scale, scaled % scale)
}

fn gc_of(kmer: &str) -> u64 {
    kmer.bytes().filter(|b| matches!(b, b'G' | b'C')).count() as u64
}

fn load(path: &str) -> Result<Vec<Row>, Box<dyn Error>> {
    let mut reader = csv::ReaderBuilder::new().delimiter(b'\t').from_path(path)?;
    let mut rows = reader
        .deserialize::<Row>()
        .collect::<Result<Vec<Row>, _>>()?;
    // Most frequent first, ties in alphabetical order.
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.kmer.cmp(&b.kmer)));
    Ok(rows)
}

fn table(rows: &[Row]) -> String {
    let k = rows[0].kmer.len() as u64;
    let total: u64 = rows.iter().map(|r| r.count).sum();
    let gc: u64 = rows.iter().map(|r| r.count * gc_of(&r.kmer)).sum();
    let distinct = rows.iter().filter(|r| r.count > 0).count();
    let mut out = format!(
        "k\tkmers\tdistinct\tgc\n{k}\t{total}\t{distinct}\t{}\n\nrank\tkmer\tcount\tpercent\n",
        rounded(gc, k * total, 4)
    );
    let top = rows.iter().filter(|r| r.count > 0).take(10);
    for (rank, row) in top.enumerate() {
        let percent = rounded(100 * row.count, total, 2);
        out += &format!("{}\t{}\t{}\t{percent}\n", rank + 1, row.kmer, row.count);
    }
    out
}

fn plot(rows: &[Row]) -> String {
    let k = rows[0].kmer.len();
    let n = rows.len() as u64;
    let total: u64 = rows.iter().map(|r| r.count).sum();
    let distinct = rows.iter().filter(|r| r.count > 0).count();
    let height_of = rows[0].count.max(1);
    let mut lines = vec![
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"360\" viewBox=\"0 0 720 360\" font-family=\"sans-serif\" font-size=\"12\">".to_string(),
        format!("<title>Canonical {k}-mer profile</title>"),
        "<rect width=\"720\" height=\"360\" fill=\"#ffffff\"/>".to_string(),
        format!("<text x=\"360\" y=\"28\" text-anchor=\"middle\" font-size=\"15\">Canonical {k}-mer profile: {total} k-mers, {distinct} distinct</text>"),
    ];
    let colours = [
        ("AT-rich", "#4e79a7"),
        ("balanced", "#bab0ac"),
        ("GC-rich", "#e15759"),
    ];
    for (i, (label, fill)) in colours.iter().enumerate() {
        let x = 470 + 75 * i;
        lines.push(format!(
            "<rect x=\"{x}\" y=\"40\" width=\"10\" height=\"10\" fill=\"{fill}\"/>"
        ));
        lines.push(format!("<text x=\"{}\" y=\"49\">{label}</text>", x + 14));
    }
    lines.push("<line x1=\"70\" y1=\"300\" x2=\"690\" y2=\"300\" stroke=\"#333333\"/>".to_string());
    lines.push("<line x1=\"70\" y1=\"60\" x2=\"70\" y2=\"300\" stroke=\"#333333\"/>".to_string());
    lines.push("<text x=\"64\" y=\"304\" text-anchor=\"end\">0</text>".to_string());
    lines.push(format!(
        "<text x=\"64\" y=\"64\" text-anchor=\"end\">{}</text>",
        rows[0].count
    ));
    for (i, row) in rows.iter().enumerate() {
        let i = i as u64;
        let twice_gc = 2 * gc_of(&row.kmer);
        let class = match twice_gc.cmp(&(k as u64)) {
            std::cmp::Ordering::Less => 0,
            std::cmp::Ordering::Equal => 1,
            std::cmp::Ordering::Greater => 2,
        };
        lines.push(format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{} {}</title></rect>",
            rounded(700 * n + 620 * (10 * i + 1), 10 * n, 2),
            rounded(300 * height_of - 240 * row.count, height_of, 2),
            rounded(496, n, 2),
            rounded(240 * row.count, height_of, 2),
            colours[class].1,
            row.kmer,
            row.count
        ));
    }
    lines.push(format!("<text x=\"380\" y=\"330\" text-anchor=\"middle\">canonical {k}-mers, most to least frequent</text>"));
    lines.push("<text x=\"24\" y=\"180\" text-anchor=\"middle\" transform=\"rotate(-90 24 180)\">count</text>".to_string());
    lines.push("</svg>".to_string());
    lines.iter().map(|line| format!("{line}\n")).collect()
}

fn run(args: &[String]) -> Result<(), Box<dyn Error>> {
    let rows = load(&args[1])?;
    if rows.is_empty() {
        return Err(format!("{} has no k-mers", args[1]).into());
    }
    match args[0].as_str() {
        "plot" => print!("{}", plot(&rows)),
        "report" => {
            fs::write(&args[2], plot(&rows))?;
            print!("{}", table(&rows));
        }
        _ => print!("{}", table(&rows)),
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let known = matches!(
        (args.first().map(String::as_str), args.len()),
        (Some("table" | "plot"), 2) | (Some("report"), 3)
    );
    if !known {
        eprintln!("usage: csv_summary table PROFILE | plot PROFILE | report PROFILE PLOT.svg");
        process::exit(1);
    }
    if let Err(e) = run(&args) {
        eprintln!("error: {e}");
        process::exit(1);
    }
}
