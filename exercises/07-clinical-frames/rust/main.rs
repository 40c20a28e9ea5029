//! Clinical data frames: a per-arm summary of a trial, and a lab-safety listing.
//!
//! Usage: main summary trial.csv
//!        main join trial.csv labs.csv
//! std only, so it compiles to WebAssembly and runs in the browser.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::env;
use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::process;

// region: enums
/// The three arms of the protocol. `derive(Ord)` orders the variants as they are
/// written here, so a BTreeMap keyed by `Arm` iterates in dose order, not A–Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Arm {
    Placebo,
    Low,
    High,
}

impl Arm {
    const ALL: [Arm; 3] = [Arm::Placebo, Arm::Low, Arm::High];

    /// `None` for any text that is not an arm: the caller turns it into an error.
    fn parse(text: &str) -> Option<Arm> {
        match text {
            "placebo" => Some(Arm::Placebo),
            "low" => Some(Arm::Low),
            "high" => Some(Arm::High),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Arm::Placebo => "placebo",
            Arm::Low => "low",
            Arm::High => "high",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Sex {
    F,
    M,
}

/// A row of the summary within an arm: one sex, or everybody. Derived `Ord` compares
/// the variant first, then what is inside: Sex(F) < Sex(M) < All.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stratum {
    Sex(Sex),
    All,
}
// endregion

// region: patient
/// One row of trial.csv, with the columns this task uses, already checked.
struct Patient {
    id: String,
    arm: Arm,
    sex: Sex,
    age: f64,
    completed: bool,
    baseline: f64,
    /// `None` where the file says NA: there is no value. Not NaN, which is a
    /// floating-point value that every comparison and sum would have to avoid.
    week12: Option<f64>,
}
// endregion

// region: table
/// A comma-separated text split into fields. The fields are `&str` slices of the
/// text, not copies; the lifetime `'a` tells the compiler that a Table cannot
/// outlive the String it points into.
struct Table<'a> {
    header: Vec<&'a str>,
    /// (line number in the file, fields) for every data line.
    rows: Vec<(usize, Vec<&'a str>)>,
}

/// Splits `text` into a header and rows, after checking that every `required` column
/// is in the header, and that every row has as many fields as the header.
fn split_table<'a>(text: &'a str, path: &str, required: &[&str]) -> Result<Table<'a>, String> {
    let mut lines = text.lines();
    let header: Vec<&str> = match lines.next() {
        Some(line) => line.split(',').collect(),
        None => return Err(format!("{path} is empty: expected a header line")),
    };
    for name in required {
        if !header.contains(name) {
            return Err(format!("{path}: missing column \"{name}\""));
        }
    }
    let mut rows = Vec::new();
    for (i, line) in lines.enumerate() {
        let fields: Vec<&str> = line.split(',').collect();
        let line_no = i + 2; // the header is line 1
        if fields.len() != header.len() {
            return Err(format!(
                "{path} line {line_no}: expected {} fields, found {}",
                header.len(),
                fields.len()
            ));
        }
        rows.push((line_no, fields));
    }
    Ok(Table { header, rows })
}

impl<'a> Table<'a> {
    /// Where a column is: found by name, never by position. `split_table` has checked
    /// that the required columns exist, so a miss here is a bug, not bad input.
    fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|&h| h == name)
            .expect("split_table checks the required columns")
    }
}
// endregion

// region: parse-number
/// Where a value came from. Built for every row but turned into text only when there
/// is an error to report: implementing Display lets `format!("{at}")` do that.
#[derive(Clone, Copy)]
struct At<'a> {
    path: &'a str,
    line: usize,
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} line {}", self.path, self.line)
    }
}

/// A finite number, or an error that names the column, the line and the text.
/// `parse::<f64>()` accepts "NaN" and "inf" as numbers, so those are refused here.
fn parse_number(text: &str, column: &str, at: At) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("{at}: {column} \"{text}\" is not a number")),
    }
}

/// `NA` is missing (`None`); anything else must be a number.
fn parse_optional(text: &str, column: &str, at: At) -> Result<Option<f64>, String> {
    if text == "NA" {
        Ok(None)
    } else {
        parse_number(text, column, at).map(Some)
    }
}
// endregion

fn read_file(path: &str) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

// region: read-trial
fn read_trial(path: &str) -> Result<Vec<Patient>, String> {
    let text = read_file(path)?;
    let required = [
        "patient_id",
        "arm",
        "sex",
        "age",
        "completed",
        "baseline",
        "week12",
    ];
    let table = split_table(&text, path, &required)?;
    let [id, arm, sex, age, completed, baseline, week12] = required.map(|name| table.column(name));

    let mut seen = HashSet::new();
    let mut patients = Vec::with_capacity(table.rows.len());
    for (line_no, fields) in &table.rows {
        let at = At {
            path,
            line: *line_no,
        };
        let arm = Arm::parse(fields[arm])
            .ok_or_else(|| format!("{at}: unknown arm \"{}\"", fields[arm]))?;
        let sex = match fields[sex] {
            "F" => Sex::F,
            "M" => Sex::M,
            other => return Err(format!("{at}: unknown sex \"{other}\"")),
        };
        let completed = match fields[completed] {
            "0" => false,
            "1" => true,
            other => return Err(format!("{at}: completed \"{other}\" is not 0 or 1")),
        };
        // insert() returns false when the set already held the id.
        if !seen.insert(fields[id]) {
            return Err(format!("{at}: patient {} appears twice", fields[id]));
        }
        patients.push(Patient {
            id: fields[id].to_string(), // copied out: `text` is freed when we return
            arm,
            sex,
            age: parse_number(fields[age], "age", at)?,
            completed,
            baseline: parse_number(fields[baseline], "baseline", at)?,
            week12: parse_optional(fields[week12], "week12", at)?,
        });
    }
    Ok(patients)
}
// endregion

/// A value written with one decimal, as a whole number of tenths (exact).
fn tenths(x: f64) -> i64 {
    (x * 10.0).round() as i64
}

fn hundredths(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

// region: mean-sd
/// Mean and sample SD (n - 1), `None` when undefined. A plain left-to-right sum:
/// Python's and R's built-in sums are more clever, so all three use this same loop.
fn mean_sd(values: &[f64]) -> (Option<f64>, Option<f64>) {
    let n = values.len();
    if n == 0 {
        return (None, None);
    }
    let mean = values.iter().fold(0.0, |total, x| total + x) / n as f64;
    if n < 2 {
        return (Some(mean), None);
    }
    let squares = values
        .iter()
        .fold(0.0, |total, x| total + (x - mean) * (x - mean));
    (Some(mean), Some((squares / (n - 1) as f64).sqrt()))
}
// endregion

/// Fixed decimals, "NA" for `None`, and never "-0.00".
fn fixed(x: Option<f64>, decimals: usize) -> String {
    match x {
        None => "NA".to_string(),
        Some(v) => {
            let text = format!("{:.*}", decimals, v);
            match text.strip_prefix('-') {
                Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
                _ => text,
            }
        }
    }
}

// region: summary
/// What one row of the summary needs, collected in file order.
#[derive(Default)]
struct Group {
    ages: Vec<f64>,
    completers: u64,
    pct: Vec<f64>,
    responders: u64,
}

fn summary(patients: &[Patient], out: &mut impl Write) -> io::Result<()> {
    // A BTreeMap keeps its keys sorted: (Arm, Stratum) comes out in dose order, then
    // F, M, All. A HashMap would give a different order on every run.
    let mut groups: BTreeMap<(Arm, Stratum), Group> = BTreeMap::new();
    for p in patients {
        for stratum in [Stratum::Sex(p.sex), Stratum::All] {
            let group = groups.entry((p.arm, stratum)).or_default();
            group.ages.push(p.age);
            if p.completed {
                group.completers += 1;
            }
            // Completers with a week-12 value: `if let` reaches into the Option.
            if let (true, Some(week12)) = (p.completed, p.week12) {
                group.pct.push(100.0 * (week12 - p.baseline) / p.baseline);
                // Week 12 at most 80% of baseline, in whole tenths: the float pct of
                // an exact 20% fall can be -19.999999999999996.
                if 10 * tenths(week12) <= 8 * tenths(p.baseline) {
                    group.responders += 1;
                }
            }
        }
    }
    writeln!(out, "arm\tsex\tn\tcompleters\tage_mean\tage_sd\tpct_n\tpct_mean\tpct_sd\tbiomarker_responders\tresponder_rate")?;
    for ((arm, stratum), g) in &groups {
        let sex = match stratum {
            Stratum::Sex(Sex::F) => "F",
            Stratum::Sex(Sex::M) => "M",
            Stratum::All => "All",
        };
        let (age_mean, age_sd) = mean_sd(&g.ages);
        let (pct_mean, pct_sd) = mean_sd(&g.pct);
        let rate = if g.pct.is_empty() {
            None
        } else {
            Some(g.responders as f64 / g.pct.len() as f64)
        };
        writeln!(
            out,
            "{}\t{sex}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            arm.name(),
            g.ages.len(),
            g.completers,
            fixed(age_mean, 2),
            fixed(age_sd, 2),
            g.pct.len(),
            fixed(pct_mean, 2),
            fixed(pct_sd, 2),
            g.responders,
            fixed(rate, 4)
        )?;
    }
    Ok(())
}
// endregion

// region: join
/// One lab result above 3× the upper limit of normal.
struct Flag<'a> {
    patient_id: &'a str,
    arm: Arm,
    week: u32,
    test: &'a str,
    value: f64,
    uln: f64,
}

const LAB_COLUMNS: [&str; 5] = ["patient_id", "week", "test", "value", "uln"];

/// The lab rows above 3× ULN, with each patient's arm from the trial: the join.
fn flag_labs<'a>(
    arm_of: &HashMap<&str, Arm>,
    table: &Table<'a>,
    path: &str,
) -> Result<Vec<Flag<'a>>, String> {
    let [id, week, test, value, uln] = LAB_COLUMNS.map(|name| table.column(name));
    let mut flagged = Vec::new();
    for (line_no, fields) in &table.rows {
        let at = At {
            path,
            line: *line_no,
        };
        // get() returns an Option: the compiler makes us decide what a lab row for an
        // unknown patient means. An inner join would silently drop it.
        let arm = match arm_of.get(fields[id]) {
            Some(&arm) => arm,
            None => return Err(format!("{at}: patient {} is not in the trial", fields[id])),
        };
        let week = match fields[week].parse::<u32>() {
            Ok(w) if fields[week].bytes().all(|b| b.is_ascii_digit()) => w,
            _ => {
                return Err(format!(
                    "{at}: week \"{}\" is not a whole number",
                    fields[week]
                ))
            }
        };
        let value = parse_optional(fields[value], "value", at)?;
        let uln = parse_number(fields[uln], "uln", at)?;
        // Above 3× the upper limit of normal, in whole hundredths. A missing value is
        // `None` and never reaches the comparison: NA never flags.
        if let Some(value) = value {
            if hundredths(value) > 3 * hundredths(uln) {
                let (patient_id, test) = (fields[id], fields[test]);
                flagged.push(Flag {
                    patient_id,
                    arm,
                    week,
                    test,
                    value,
                    uln,
                });
            }
        }
    }
    // Tuples compare element by element: patient, then week, then test.
    flagged.sort_by(|a, b| (a.patient_id, a.week, a.test).cmp(&(b.patient_id, b.week, b.test)));
    Ok(flagged)
}

fn write_listing(patients: &[Patient], flagged: &[Flag], out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "patient_id\tarm\tweek\ttest\tvalue\tuln\tx_uln")?;
    for f in flagged {
        let (value, uln, ratio) = (
            fixed(Some(f.value), 2),
            fixed(Some(f.uln), 2),
            fixed(Some(f.value / f.uln), 2),
        );
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{value}\t{uln}\t{ratio}",
            f.patient_id,
            f.arm.name(),
            f.week,
            f.test
        )?;
    }
    // Every arm gets a row, also one with no flagged patient: loop over the arms of
    // the protocol, not over the groups that happen to have data.
    writeln!(out, "\narm\tpatients\tflagged_patients")?;
    for arm in Arm::ALL {
        let n = patients.iter().filter(|p| p.arm == arm).count();
        let hit: BTreeSet<&str> = flagged
            .iter()
            .filter(|f| f.arm == arm)
            .map(|f| f.patient_id)
            .collect();
        writeln!(out, "{}\t{n}\t{}", arm.name(), hit.len())?;
    }
    Ok(())
}

fn join(patients: &[Patient], labs_path: &str, out: &mut impl Write) -> Result<(), String> {
    // A HashMap for lookups: we only ask "which arm is this patient in?", never for order.
    let arm_of: HashMap<&str, Arm> = patients.iter().map(|p| (p.id.as_str(), p.arm)).collect();
    let text = read_file(labs_path)?;
    let table = split_table(&text, labs_path, &LAB_COLUMNS)?;
    let flagged = flag_labs(&arm_of, &table, labs_path)?;
    write_listing(patients, &flagged, out).map_err(|e| format!("cannot write output: {e}"))
}
// endregion

// region: main
const USAGE: &str = "usage: main summary <trial.csv> | main join <trial.csv> <labs.csv>";

fn run(args: &[String]) -> Result<(), String> {
    let patients = read_trial(&args[1])?;
    // The whole output is built in memory first, so an error leaves stdout empty.
    let mut buffer = Vec::new();
    if args[0] == "summary" {
        summary(&patients, &mut buffer).map_err(|e| format!("cannot write output: {e}"))?;
    } else {
        join(&patients, &args[2], &mut buffer)?;
    }
    io::stdout()
        .write_all(&buffer)
        .map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let known = matches!(
        (args.len(), args.first().map(String::as_str)),
        (2, Some("summary")) | (3, Some("join"))
    );
    if !known {
        eprintln!("{USAGE}");
        process::exit(1);
    }
    if let Err(message) = run(&args) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion
