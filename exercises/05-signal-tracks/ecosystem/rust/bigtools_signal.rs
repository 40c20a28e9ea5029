//! Mean and max of a bedGraph signal over peaks, or over fixed-width bins, with the
//! bigtools crate: the bedGraph becomes a real bigWig file, and the answers come back
//! out of it.
//!
//! Written against bigtools 0.5.6 (docs.rs): `BigWigWrite::create_file(path, chrom_sizes)`
//! and `.write(data, runtime)` with a `BedParserStreamingIterator`; `BigWigRead::open_file`,
//! `get_interval` (the stored intervals overlapping a window, clipped to it), `values`
//! (one f32 per base, NaN where nothing is stored) and `get_zoom_interval` (the
//! precomputed zoom records). Build and run from ecosystem/rust/:
//!     cargo run --release --bin bigtools_signal -- peaks ../../data/chrom.sizes \
//!         ../../data/signal.bedGraph ../../data/peaks.bed
//!     cargo run --release --bin bigtools_signal -- zoom 5000 ../../data/chrom.sizes \
//!         ../../data/signal.bedGraph
//!     cargo run --release --bin bigtools_signal -- zoom-levels ../../data/chrom.sizes \
//!         ../../data/signal.bedGraph
//! The first two print exactly what ../../rust/main.rs prints; the third prints the
//! file's own first zoom level, to compare bigWig's definition of a mean with ours.

use bigtools::beddata::BedParserStreamingIterator;
use bigtools::{BigWigRead, BigWigWrite, Value};
use std::collections::HashMap;
use std::env;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process;

struct Chrom {
    name: String,
    size: u32,
}

/// Data lines of a tab-separated file, without blank, `#`, `track` and `browser` lines.
fn data_lines(path: &str) -> Result<Vec<Vec<String>>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| !l.starts_with("track") && !l.starts_with("browser"))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect())
}

fn number<T: std::str::FromStr>(text: &str, path: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{path}: '{text}' is not a number"))
}

fn read_chrom_sizes(path: &str) -> Result<Vec<Chrom>, String> {
    data_lines(path)?
        .iter()
        .map(|f| {
            Ok(Chrom {
                name: f[0].clone(),
                size: number(&f[1], path)?,
            })
        })
        .collect()
}

/// The bedGraph as (chrom, Value) pairs, in file order. Value holds an f32, as bigWig does.
fn read_bedgraph(path: &str) -> Result<Vec<(String, Value)>, String> {
    data_lines(path)?
        .into_iter()
        .map(|f| {
            let value = Value {
                start: number(&f[1], path)?,
                end: number(&f[2], path)?,
                value: number(&f[3], path)?,
            };
            Ok((f[0].clone(), value))
        })
        .collect()
}

fn write_bigwig(
    path: &Path,
    chroms: &[Chrom],
    entries: Vec<(String, Value)>,
) -> Result<(), String> {
    let sizes: HashMap<String, u32> = chroms.iter().map(|c| (c.name.clone(), c.size)).collect();
    let writer = BigWigWrite::create_file(path, sizes)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    // true: chromosomes may come in any order (each still in one block), so chr10 may
    // precede chr2. bigtools checks the sorting within a chromosome and the overlaps.
    let data = BedParserStreamingIterator::wrap_infallible_iter(entries.into_iter(), true);
    // Compression and zoom levels are computed on an async runtime.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    writer
        .write(data, runtime)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// bigWig stores f32: 1.234 comes back as 1.2339999675750732. Values with at most 3
/// decimals (below 8388.608) are recovered exactly by rounding to thousandths.
fn milli(value: f32) -> u64 {
    (f64::from(value) * 1000.0).round() as u64
}

/// The mean in units of 0.0001, uncovered bases as 0, rounded half up on the exact fraction.
fn mean_e4(sum: u64, bases: u64) -> u64 {
    (20 * sum + bases) / (2 * bases)
}

fn fixed4(e4: u64) -> String {
    format!("{}.{:04}", e4 / 10_000, e4 % 10_000)
}

fn run(args: &[String]) -> Result<Vec<String>, String> {
    let (sizes_path, signal_path) = match args {
        [c, sizes, signal, _] if c == "peaks" => (sizes, signal),
        [c, _, sizes, signal] if c == "zoom" => (sizes, signal),
        [c, sizes, signal] if c == "zoom-levels" => (sizes, signal),
        _ => return Err("usage: bigtools_signal peaks|zoom|zoom-levels ...".to_string()),
    };
    let chroms = read_chrom_sizes(sizes_path)?;
    let entries = read_bedgraph(signal_path)?;
    let bigwig = env::temp_dir().join(format!("bigtools-signal-{}.bw", process::id()));
    write_bigwig(&bigwig, &chroms, entries)?;
    let mut reader = BigWigRead::open_file(&bigwig)
        .map_err(|e| format!("cannot open {}: {e}", bigwig.display()))?;

    let mut rows = Vec::new();
    match args[0].as_str() {
        "peaks" => {
            rows.push("name\tmean\tmax".to_string());
            for f in data_lines(&args[3])? {
                let (start, end): (u32, u32) = (number(&f[1], &args[3])?, number(&f[2], &args[3])?);
                let mut sum = 0;
                let mut max: Option<u64> = None;
                let intervals = reader
                    .get_interval(&f[0], start, end)
                    .map_err(|e| format!("{}: {e}", f[0]))?;
                for value in intervals {
                    let value = value.map_err(|e| format!("{}: {e}", f[0]))?;
                    // Clip again, and skip pieces that only touch the window: half-open
                    // coordinates make an interval ending at `start` share no base with it.
                    let (from, to) = (value.start.max(start), value.end.min(end));
                    if from >= to {
                        continue;
                    }
                    let m = milli(value.value);
                    sum += u64::from(to - from) * m;
                    max = Some(max.map_or(m, |x| x.max(m)));
                }
                let mean = fixed4(mean_e4(sum, u64::from(end - start)));
                rows.push(format!(
                    "{}\t{mean}\t{}",
                    f[3],
                    fixed4(10 * max.unwrap_or(0))
                ));
            }
        }
        "zoom" => {
            let bin: u32 = match args[1].parse() {
                Ok(bin) if bin > 0 => bin,
                _ => return Err(format!("BIN must be a positive integer, got '{}'", args[1])),
            };
            rows.push("chrom\tstart\tend\tmean".to_string());
            for chrom in &chroms {
                let mut start = 0;
                while start < chrom.size {
                    let end = start.saturating_add(bin).min(chrom.size);
                    // values(): one f32 per base of start..end, NaN where nothing is stored.
                    let per_base = reader
                        .values(&chrom.name, start, end)
                        .map_err(|e| format!("{}: {e}", chrom.name))?;
                    let sum: u64 = per_base
                        .iter()
                        .filter(|v| !v.is_nan())
                        .map(|v| milli(*v))
                        .sum();
                    let mean = fixed4(mean_e4(sum, u64::from(end - start)));
                    rows.push(format!("{}\t{start}\t{end}\t{mean}", chrom.name));
                    start = end;
                }
            }
        }
        _ => {
            // The zoom levels bigtools wrote: windows of `reduction_level` bases that start
            // where data starts (not at multiples of the level), each with a summary over
            // its *covered* bases. bigWig's mean divides by bases_covered; ours by the width.
            let level = match reader.info().zoom_headers.first() {
                Some(header) => header.reduction_level,
                None => return Err("the bigWig has no zoom levels".to_string()),
            };
            rows.push(format!("# zoom level: {level} bases"));
            rows.push("chrom\tstart\tend\tbases_covered\tmean_covered\tmean_window".to_string());
            for chrom in &chroms {
                let records = reader
                    .get_zoom_interval(&chrom.name, 0, chrom.size, level)
                    .map_err(|e| format!("{}: {e}", chrom.name))?;
                for record in records {
                    let record = record.map_err(|e| format!("{}: {e}", chrom.name))?;
                    let summary = record.summary;
                    let covered = summary.bases_covered as f64;
                    let width = f64::from(record.end - record.start);
                    rows.push(format!(
                        "{}\t{}\t{}\t{}\t{:.4}\t{:.4}",
                        chrom.name,
                        record.start,
                        record.end,
                        summary.bases_covered,
                        if covered > 0.0 {
                            summary.sum / covered
                        } else {
                            0.0
                        },
                        summary.sum / width
                    ));
                }
            }
        }
    }
    drop(reader);
    let _ = fs::remove_file(&bigwig);
    Ok(rows)
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    match run(&args) {
        Ok(rows) => {
            let mut out = BufWriter::new(io::stdout().lock());
            for row in rows {
                if writeln!(out, "{row}").is_err() {
                    process::exit(1);
                }
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            process::exit(1);
        }
    }
}
