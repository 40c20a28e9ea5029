//! Clinical data frames with the polars crate: the per-arm summary and the lab-safety
//! listing, written as lazy queries.
//!
//! Written against polars 0.55 (the latest release when written; Rust release 0.55.x,
//! 2026-08, whose DSL matches Python Polars 1.43). Changes an older tutorial will trip
//! over: `LazyCsvReader::new` takes a `PlRefPath` (since 0.53; `impl AsRef<Path>` up to
//! 0.39), `groupby` is `group_by` (since 0.33), `Expr::round` takes a `RoundMode`, and
//! the eager `GroupBy` shortcuts (`df.group_by(..)?.mean()`) are gone on main. Build and
//! run from ecosystem/rust/:
//!     cargo run --release --bin polars_frames -- summary ../../data/trial.csv
//!     cargo run --release --bin polars_frames -- join ../../data/trial.csv ../../data/labs.csv
//! Prints exactly what ../../rust/main.rs prints.

use polars::df;
use polars::prelude::*;
use std::env;
use std::process;

const ARMS: [&str; 3] = ["placebo", "low", "high"];

/// A lazy scan: nothing is read until `collect()`. Only the text `NA` is missing
/// (null). Without `with_null_values`, polars would see "NA" as text and read the whole
/// week12 column as strings.
fn scan(path: &str, required: &[&str]) -> Result<LazyFrame, String> {
    let mut lf = LazyCsvReader::new(PlRefPath::new(path))
        .with_has_header(true)
        .with_null_values(Some(NullValues::AllColumnsSingle("NA".into())))
        .finish()
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    // Reading the schema looks at the header and the first rows only.
    let schema = lf
        .collect_schema()
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    for &name in required {
        if schema.get(name).is_none() {
            return Err(format!("{path}: missing column \"{name}\""));
        }
    }
    Ok(lf)
}

/// The arms in protocol order, as a tiny table to join to: the job a factor's levels
/// do in R and an ordered Categorical does in pandas.
fn arm_levels() -> PolarsResult<LazyFrame> {
    Ok(df!("arm" => ARMS, "arm_rank" => [0i32, 1, 2])?.lazy())
}

/// The trial with `arm_rank` added; an arm outside the protocol is an error, which a
/// plain inner join to the levels would have dropped without a word.
fn read_trial(path: &str) -> Result<LazyFrame, String> {
    let required = [
        "patient_id",
        "arm",
        "sex",
        "age",
        "completed",
        "baseline",
        "week12",
    ];
    let levels = arm_levels().map_err(|e| e.to_string())?;
    let trial = scan(path, &required)?.left_join(levels, col("arm"), col("arm"));
    let unknown = trial
        .clone()
        .filter(col("arm_rank").is_null())
        .collect()
        .map_err(|e| format!("{path}: {e}"))?;
    if unknown.height() > 0 {
        return Err(format!("{path}: unknown arm"));
    }
    Ok(trial)
}

/// Fixed decimals, "NA" for null or NaN, and never "-0.00".
fn fixed(x: Option<f64>, decimals: usize) -> String {
    match x.filter(|v| !v.is_nan()) {
        None => "NA".to_string(),
        Some(v) => {
            let text = format!("{v:.decimals$}");
            match text.strip_prefix('-') {
                Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_string(),
                _ => text,
            }
        }
    }
}

/// A value with one (or two) decimals as a whole number of tenths (hundredths).
fn scaled(column: &str, factor: f64) -> Expr {
    (col(column) * lit(factor) + lit(0.5)).floor()
}

fn summary(trial: LazyFrame) -> PolarsResult<Vec<String>> {
    let trial = trial.with_columns([
        col("completed")
            .eq(lit(1))
            .and(col("week12").is_not_null())
            .alias("measured"),
        (lit(100.0) * (col("week12") - col("baseline")) / col("baseline")).alias("pct"),
        // Week 12 at most 80% of baseline, compared in whole tenths (exact).
        (lit(10.0) * scaled("week12", 10.0))
            .lt_eq(lit(8.0) * scaled("baseline", 10.0))
            .alias("responder"),
    ]);
    // The same aggregations for each sex and for everybody. mean() and std() skip
    // nulls; std(1) is the sample SD (ddof = 1, as in pandas and R).
    let measured = || col("measured");
    let aggs = [
        len().cast(DataType::Int64).alias("n"),
        col("completed")
            .sum()
            .cast(DataType::Int64)
            .alias("completers"),
        col("age").cast(DataType::Float64).mean().alias("age_mean"),
        col("age").cast(DataType::Float64).std(1).alias("age_sd"),
        col("pct")
            .filter(measured())
            .count()
            .cast(DataType::Int64)
            .alias("pct_n"),
        col("pct").filter(measured()).mean().alias("pct_mean"),
        col("pct").filter(measured()).std(1).alias("pct_sd"),
        col("responder")
            .filter(measured())
            .sum()
            .cast(DataType::Int64)
            .alias("biomarker_responders"),
    ];
    let keys = [col("arm_rank"), col("arm"), col("sex")];
    let by_sex = trial.clone().group_by(keys.clone()).agg(aggs.clone());
    let everybody = trial
        .with_column(lit("All").alias("sex"))
        .group_by(keys)
        .agg(aggs);
    let strata = df!("sex" => ["F", "M", "All"], "sex_rank" => [0i32, 1, 2])?.lazy();
    // group_by does not promise any order (it runs in parallel): sort explicitly.
    let table = concat([by_sex, everybody], UnionArgs::default())?
        .inner_join(strata, col("sex"), col("sex"))
        .with_column(
            // Integer division would give 0; 0 / 0 in floats is NaN, printed as NA.
            (col("biomarker_responders").cast(DataType::Float64)
                / col("pct_n").cast(DataType::Float64))
            .alias("responder_rate"),
        )
        .sort_by_exprs(
            [col("arm_rank"), col("sex_rank")],
            SortMultipleOptions::default(),
        )
        .collect()?;

    let text = |name: &str| table.column(name).and_then(|c| c.str().cloned());
    let int = |name: &str| table.column(name).and_then(|c| c.i64().cloned());
    let float = |name: &str| table.column(name).and_then(|c| c.f64().cloned());
    let (arm, sex) = (text("arm")?, text("sex")?);
    let (n, completers, pct_n, responders) = (
        int("n")?,
        int("completers")?,
        int("pct_n")?,
        int("biomarker_responders")?,
    );
    let (age_mean, age_sd) = (float("age_mean")?, float("age_sd")?);
    let (pct_mean, pct_sd, rate) = (
        float("pct_mean")?,
        float("pct_sd")?,
        float("responder_rate")?,
    );
    let mut lines = vec![
        "arm\tsex\tn\tcompleters\tage_mean\tage_sd\tpct_n\tpct_mean\tpct_sd\tbiomarker_responders\tresponder_rate"
            .to_string(),
    ];
    for i in 0..table.height() {
        lines.push(format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            arm.get(i).unwrap_or("NA"),
            sex.get(i).unwrap_or("NA"),
            n.get(i).unwrap_or(0),
            completers.get(i).unwrap_or(0),
            fixed(age_mean.get(i), 2),
            fixed(age_sd.get(i), 2),
            pct_n.get(i).unwrap_or(0),
            fixed(pct_mean.get(i), 2),
            fixed(pct_sd.get(i), 2),
            responders.get(i).unwrap_or(0),
            fixed(rate.get(i), 4),
        ));
    }
    Ok(lines)
}

fn join(trial: LazyFrame, labs_path: &str) -> Result<Vec<String>, String> {
    let required = ["patient_id", "week", "test", "value", "uln"];
    let labs = scan(labs_path, &required)?;
    let arms = trial
        .clone()
        .select([col("patient_id"), col("arm"), col("arm_rank")]);
    // A left join, then look for lab rows that found no patient: an inner join would
    // drop them silently.
    let joined = labs.left_join(arms, col("patient_id"), col("patient_id"));
    let orphans = joined
        .clone()
        .filter(col("arm").is_null())
        .collect()
        .map_err(|e| e.to_string())?;
    if orphans.height() > 0 {
        let id = orphans.column("patient_id").and_then(|c| c.str().cloned());
        let first = id.ok().and_then(|ids| ids.get(0).map(str::to_string));
        return Err(format!(
            "{labs_path}: patient {} is not in the trial",
            first.unwrap_or_default()
        ));
    }
    // Above 3× ULN in whole hundredths. A null value makes the comparison null, and
    // filter() keeps only true: NA never flags.
    let flagged = joined
        .filter(scaled("value", 100.0).gt(lit(3.0) * scaled("uln", 100.0)))
        .sort_by_exprs(
            [col("patient_id"), col("week"), col("test")],
            SortMultipleOptions::default(),
        );
    // Every arm of the protocol gets a row: start from the levels and left-join the
    // counts, so an arm with nobody flagged shows 0 instead of vanishing.
    let patients = trial.group_by([col("arm")]).agg([len().alias("patients")]);
    let hit = flagged
        .clone()
        .group_by([col("arm")])
        .agg([col("patient_id").n_unique().alias("flagged_patients")]);
    let levels = arm_levels().map_err(|e| e.to_string())?;
    let per_arm = levels
        .left_join(patients, col("arm"), col("arm"))
        .left_join(hit, col("arm"), col("arm"))
        .with_columns([
            col("patients").fill_null(lit(0)).cast(DataType::Int64),
            col("flagged_patients")
                .fill_null(lit(0))
                .cast(DataType::Int64),
        ])
        .sort_by_exprs([col("arm_rank")], SortMultipleOptions::default());

    let listing = |flagged: LazyFrame, per_arm: LazyFrame| -> PolarsResult<Vec<String>> {
        let rows = flagged
            .with_column(col("week").cast(DataType::Int64))
            .collect()?;
        let (id, arm, test) = (
            rows.column("patient_id")?.str()?,
            rows.column("arm")?.str()?,
            rows.column("test")?.str()?,
        );
        let week = rows.column("week")?.i64()?;
        let value = rows.column("value")?.cast(&DataType::Float64)?;
        let uln = rows.column("uln")?.cast(&DataType::Float64)?;
        let (value, uln) = (value.f64()?, uln.f64()?);
        let mut lines = vec!["patient_id\tarm\tweek\ttest\tvalue\tuln\tx_uln".to_string()];
        for i in 0..rows.height() {
            let ratio = value.get(i).zip(uln.get(i)).map(|(v, u)| v / u);
            lines.push(format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                id.get(i).unwrap_or("NA"),
                arm.get(i).unwrap_or("NA"),
                week.get(i).unwrap_or(0),
                test.get(i).unwrap_or("NA"),
                fixed(value.get(i), 2),
                fixed(uln.get(i), 2),
                fixed(ratio, 2),
            ));
        }
        let counts = per_arm.collect()?;
        let arm = counts.column("arm")?.str()?;
        let patients = counts.column("patients")?.i64()?;
        let flagged = counts.column("flagged_patients")?.i64()?;
        lines.push(String::new());
        lines.push("arm\tpatients\tflagged_patients".to_string());
        for i in 0..counts.height() {
            lines.push(format!(
                "{}\t{}\t{}",
                arm.get(i).unwrap_or("NA"),
                patients.get(i).unwrap_or(0),
                flagged.get(i).unwrap_or(0),
            ));
        }
        Ok(lines)
    };
    listing(flagged, per_arm).map_err(|e| e.to_string())
}

fn run(args: &[String]) -> Result<Vec<String>, String> {
    let trial = read_trial(&args[1])?;
    if args[0] == "summary" {
        summary(trial).map_err(|e| e.to_string())
    } else {
        join(trial, &args[2])
    }
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let known = matches!(
        (args.len(), args.first().map(String::as_str)),
        (2, Some("summary")) | (3, Some("join"))
    );
    if !known {
        eprintln!(
            "usage: polars_frames summary <trial.csv> | polars_frames join <trial.csv> <labs.csv>"
        );
        process::exit(1);
    }
    match run(&args) {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            process::exit(1);
        }
    }
}
