//! Risk scores from a small trained neural network: the "deploy in Rust" half of module 11.
//!
//! Usage: main predict <model.json> <trial.csv>
//!        main summary <model.json> <trial.csv>
//! std only, so it compiles to WebAssembly and runs in the browser. The network was
//! trained in Python (ecosystem/train/train_mlp.py); this program only reads its weights.

use std::collections::HashMap;
use std::env;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::process;

/// The network's inputs, in the order its first layer expects them.
const INPUTS: [&str; N_IN] = ["age", "male", "bmi", "baseline", "arm_low", "arm_high"];
const N_IN: usize = 6;
const N_HIDDEN: usize = 16;
const ARMS: [&str; 3] = ["placebo", "low", "high"];

// region: dense
/// A fully connected layer whose sizes are part of its type: `Dense<6, 16>` takes 6
/// numbers and gives 16. The weights live inline in fixed-size arrays (no Vec, no heap),
/// one row per output: [out][in], the layout of PyTorch's `nn.Linear.weight`.
struct Dense<const IN: usize, const OUT: usize> {
    w: [[f64; IN]; OUT],
    b: [f64; OUT],
}

impl<const IN: usize, const OUT: usize> Dense<IN, OUT> {
    /// y = b + W x. Each output starts from its bias and adds w * x left to right:
    /// the summation order the task fixes, so that Python and R get the same bits.
    fn forward(&self, x: &[f64; IN]) -> [f64; OUT] {
        let mut y = self.b; // arrays of f64 are Copy: this copies the 16 biases
        for (y_o, row) in y.iter_mut().zip(&self.w) {
            // region: fold
            *y_o = row.iter().zip(x).fold(*y_o, |acc, (w, x_i)| acc + w * x_i);
            // endregion
        }
        y
    }
}
// endregion

// region: mlp
/// The whole model: standardisation, Linear(6, 16), ReLU, Linear(16, 1), sigmoid.
/// Every size is a constant, so the compiler knows the shape of every array and a
/// forward pass allocates nothing.
struct Mlp {
    mean: [f64; N_IN],
    sd: [f64; N_IN],
    hidden: Dense<N_IN, N_HIDDEN>,
    output: Dense<N_HIDDEN, 1>,
}

impl Mlp {
    /// The predicted probability of response for one patient's raw inputs.
    fn risk(&self, x: &[f64; N_IN]) -> f64 {
        let z: [f64; N_IN] = std::array::from_fn(|i| (x[i] - self.mean[i]) / self.sd[i]);
        let mut h = self.hidden.forward(&z);
        for h_j in h.iter_mut() {
            // ReLU, written so that it never returns -0.0 (a value, not a comparison).
            *h_j = if *h_j > 0.0 { *h_j } else { 0.0 };
        }
        let logit = self.output.forward(&h)[0];
        1.0 / (1.0 + (-logit).exp())
    }
}
// endregion

// region: json
/// What a value in the model file can be. The format is deliberately flat: strings and
/// arrays of numbers or strings, never objects inside objects. A lone string (the
/// model's description, its target) is checked and skipped: the program needs none.
enum Value {
    Text,
    Numbers(Vec<f64>),
    Texts(Vec<String>),
}

/// A tiny JSON reader for that subset: just enough to load the model, with errors that
/// say where. (In a real project: serde_json.)
struct JsonReader<'a> {
    text: &'a [u8],
    pos: usize,
}

impl<'a> JsonReader<'a> {
    fn fail<T>(&self, what: &str) -> Result<T, String> {
        let line = self.text[..self.pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Err(format!("line {line}: {what}"))
    }

    fn skip_space(&mut self) {
        while self.pos < self.text.len() && self.text[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    /// Skips white space, then consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.text.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn string(&mut self) -> Result<String, String> {
        if !self.eat(b'"') {
            return self.fail("expected a string in double quotes");
        }
        let start = self.pos;
        while self.pos < self.text.len() && self.text[self.pos] != b'"' {
            if self.text[self.pos] == b'\\' {
                return self.fail("escapes in strings are not supported");
            }
            self.pos += 1;
        }
        if self.pos == self.text.len() {
            return self.fail("unterminated string");
        }
        self.pos += 1; // the closing quote
        String::from_utf8(self.text[start..self.pos - 1].to_vec())
            .or_else(|_| self.fail("a string is not UTF-8"))
    }

    fn number(&mut self) -> Result<f64, String> {
        self.skip_space();
        let start = self.pos;
        while self.pos < self.text.len() && b"+-.0123456789eE".contains(&self.text[self.pos]) {
            self.pos += 1;
        }
        let token = std::str::from_utf8(&self.text[start..self.pos]).unwrap_or("");
        match token.parse::<f64>() {
            Ok(x) => Ok(x),
            Err(_) => self.fail("expected a number"),
        }
    }

    // region: json-value
    fn value(&mut self) -> Result<Value, String> {
        if self.eat(b'[') {
            self.skip_space();
            let strings = self.text.get(self.pos) == Some(&b'"');
            let (mut numbers, mut texts) = (Vec::new(), Vec::new());
            if self.eat(b']') {
                return Ok(Value::Numbers(numbers));
            }
            loop {
                if strings {
                    texts.push(self.string()?);
                } else {
                    numbers.push(self.number()?);
                }
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return self.fail("expected ',' or ']' in an array");
                }
            }
            return Ok(if strings {
                Value::Texts(texts)
            } else {
                Value::Numbers(numbers)
            });
        }
        self.skip_space();
        if self.text.get(self.pos) == Some(&b'"') {
            self.string()?;
            return Ok(Value::Text);
        }
        self.fail("expected a string or an array")
    }
    // endregion

    /// The top-level object, as a map from key to value.
    fn object(&mut self) -> Result<HashMap<String, Value>, String> {
        let mut fields = HashMap::new();
        if !self.eat(b'{') {
            return self.fail("expected '{' at the start of the file");
        }
        if self.eat(b'}') {
            return Ok(fields);
        }
        loop {
            let key = self.string()?;
            if !self.eat(b':') {
                return self.fail("expected ':' after a key");
            }
            fields.insert(key, self.value()?);
            if self.eat(b'}') {
                break;
            }
            if !self.eat(b',') {
                return self.fail("expected ',' or '}' after a value");
            }
        }
        self.skip_space();
        if self.pos != self.text.len() {
            return self.fail("text after the closing '}'");
        }
        Ok(fields)
    }
}
// endregion

type Fields = HashMap<String, Value>;

fn numbers<'f>(fields: &'f Fields, key: &str) -> Result<&'f [f64], String> {
    match fields.get(key) {
        Some(Value::Numbers(values)) => Ok(values),
        Some(_) => Err(format!("\"{key}\" must be an array of numbers")),
        None => Err(format!("model file has no \"{key}\"")),
    }
}

/// `[6, 16]`, as the shapes are written in the file and in the messages.
fn show_shape(shape: &[f64]) -> String {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    format!("[{}]", dims.join(", "))
}

// region: layer
/// Reads the layer called `name` into a `Dense<IN, OUT>`. The caller's type annotation
/// picks IN and OUT, so the sizes checked here are the ones the forward pass will use.
fn dense<const IN: usize, const OUT: usize>(
    fields: &Fields,
    name: &str,
) -> Result<Dense<IN, OUT>, String> {
    let shape = numbers(fields, &format!("{name}.shape"))?;
    if shape != [OUT as f64, IN as f64] {
        return Err(format!(
            "layer {name}: weight shape is {}, this program needs [{OUT}, {IN}] ([outputs, inputs])",
            show_shape(shape)
        ));
    }
    let w = numbers(fields, &format!("{name}.weight"))?;
    if w.len() != IN * OUT {
        let n = w.len();
        return Err(format!(
            "layer {name}: weight has {n} numbers, [{OUT}, {IN}] needs {}",
            IN * OUT
        ));
    }
    let b = numbers(fields, &format!("{name}.bias"))?;
    if b.len() != OUT {
        return Err(format!(
            "layer {name}: bias has {} numbers, needs {OUT}",
            b.len()
        ));
    }
    let mut layer = Dense {
        w: [[0.0; IN]; OUT],
        b: [0.0; OUT],
    };
    for (row, chunk) in layer.w.iter_mut().zip(w.chunks(IN)) {
        row.copy_from_slice(chunk); // the file stores the matrix row by row
    }
    layer.b.copy_from_slice(b);
    Ok(layer)
}
// endregion

fn scaling(fields: &Fields, key: &str) -> Result<[f64; N_IN], String> {
    let values = numbers(fields, key)?;
    if values.len() != N_IN {
        return Err(format!("{key} has {} numbers, needs {N_IN}", values.len()));
    }
    let mut out = [0.0; N_IN];
    out.copy_from_slice(values);
    Ok(out)
}

fn load_model(path: &str) -> Result<Mlp, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut reader = JsonReader {
        text: text.as_bytes(),
        pos: 0,
    };
    let fields = reader
        .object()
        .map_err(|e| format!("{path} is not a valid model file: {e}"))?;
    match fields.get("inputs") {
        Some(Value::Texts(names)) if names.iter().eq(INPUTS.iter()) => {}
        Some(Value::Texts(names)) => {
            return Err(format!(
                "model inputs are {}; this program builds {}",
                names.join(", "),
                INPUTS.join(", ")
            ))
        }
        _ => return Err("model file has no \"inputs\" list of names".to_string()),
    }
    let sd = scaling(&fields, "input_sd")?;
    if let Some(i) = sd.iter().position(|&s| s <= 0.0) {
        return Err(format!("input_sd of {} must be positive", INPUTS[i]));
    }
    Ok(Mlp {
        mean: scaling(&fields, "input_mean")?,
        sd,
        hidden: dense(&fields, "hidden")?,
        output: dense(&fields, "output")?,
    })
}

/// One patient: the raw inputs in the order of INPUTS, the arm (0, 1, 2) and, for
/// `summary`, the observed response.
struct Patient {
    id: String,
    arm: usize,
    x: [f64; N_IN],
    response: u8,
}

// region: features
// region: input
/// The numeric value of one input field. NA is an error, not a silent skip: a risk table
/// that quietly leaves out patients is worse than no table.
fn input(field: &str, name: &str, at: &str) -> Result<f64, String> {
    if field == "NA" {
        return Err(format!("{at}: {name} is NA"));
    }
    match field.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("{at}: {name} \"{field}\" is not a number")),
    }
}
// endregion

fn read_trial(path: &str, with_response: bool) -> Result<Vec<Patient>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = match lines.next() {
        Some((_, line)) => line.trim_end_matches('\r').split(',').collect(),
        None => return Err(format!("{path} is empty")),
    };
    let mut wanted = vec!["patient_id", "arm", "sex", "age", "bmi", "baseline"];
    if with_response {
        wanted.push("response");
    }
    let mut col = Vec::new(); // col[k]: where wanted[k] is in each line
    for name in &wanted {
        match header.iter().position(|h| h == name) {
            Some(i) => col.push(i),
            None => return Err(format!("{path}: missing column \"{name}\"")),
        }
    }
    let mut patients = Vec::new();
    for (index, raw) in lines {
        let line = raw.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        let line_no = index + 1;
        if f.len() != header.len() {
            let n = header.len();
            return Err(format!(
                "{path} line {line_no}: expected {n} fields, found {}",
                f.len()
            ));
        }
        let id = f[col[0]];
        let at = format!("{path} line {line_no} ({id})");
        let arm = match ARMS.iter().position(|&a| a == f[col[1]]) {
            Some(arm) => arm,
            None => return Err(format!("{at}: unknown arm \"{}\"", f[col[1]])),
        };
        let male = match f[col[2]] {
            "M" => 1.0,
            "F" => 0.0,
            other => return Err(format!("{at}: sex must be F or M, found \"{other}\"")),
        };
        let x = [
            input(f[col[3]], "age", &at)?,
            male,
            input(f[col[4]], "bmi", &at)?,
            input(f[col[5]], "baseline", &at)?,
            if arm == 1 { 1.0 } else { 0.0 },
            if arm == 2 { 1.0 } else { 0.0 },
        ];
        let response = if with_response {
            match f[col[6]] {
                "0" => 0,
                "1" => 1,
                _ => return Err(format!("{at}: response must be 0 or 1")),
            }
        } else {
            0
        };
        patients.push(Patient {
            id: id.to_string(),
            arm,
            x,
            response,
        });
    }
    Ok(patients)
}
// endregion

// region: auc
/// The area under the ROC curve: the probability that a random responder has a higher
/// risk than a random non-responder, ties counting 1/2 (the Mann-Whitney U / (n1 n0)).
/// None when either group is empty.
fn auc(risk: &[f64], response: &[u8]) -> Option<f64> {
    let n = risk.len();
    let n1 = response.iter().filter(|&&r| r == 1).count() as f64;
    let n0 = n as f64 - n1;
    if n1 == 0.0 || n0 == 0.0 {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| risk[a].partial_cmp(&risk[b]).expect("risks are never NaN"));
    // Ranks 1..n in sorted order; a run of equal risks shares its mid-rank. Every rank
    // is a whole or half number, so this sum is exact whatever order it is added in.
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n && risk[order[j + 1]] == risk[order[i]] {
            j += 1;
        }
        let mid_rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            if response[k] == 1 {
                rank_sum += mid_rank;
            }
        }
        i = j + 1;
    }
    Some((rank_sum - n1 * (n1 + 1.0) / 2.0) / (n1 * n0))
}
// endregion

fn fmt(x: Option<f64>) -> String {
    match x {
        Some(x) => format!("{x:.6}"),
        None => "NA".to_string(),
    }
}

fn write_summary(out: &mut impl Write, patients: &[Patient], risk: &[f64]) -> io::Result<()> {
    writeln!(out, "arm\tn\tmean_risk\tobserved\tauc")?;
    for group in 0..=ARMS.len() {
        // Group 3 is everyone; the others are the arms, in the order of ARMS.
        let name = if group < ARMS.len() {
            ARMS[group]
        } else {
            "all"
        };
        let (mut n, mut total, mut responders) = (0usize, 0.0, 0usize);
        let (mut scores, mut labels) = (Vec::new(), Vec::new());
        for (p, &r) in patients.iter().zip(risk) {
            if group == ARMS.len() || p.arm == group {
                n += 1;
                total += r; // in file order, from 0.0: the order the task fixes
                responders += p.response as usize;
                scores.push(r);
                labels.push(p.response);
            }
        }
        let (mean, observed) = if n == 0 {
            (None, None)
        } else {
            (Some(total / n as f64), Some(responders as f64 / n as f64))
        };
        let auc = auc(&scores, &labels);
        writeln!(
            out,
            "{name}\t{n}\t{}\t{}\t{}",
            fmt(mean),
            fmt(observed),
            fmt(auc)
        )?;
    }
    Ok(())
}

// region: main
fn run(command: &str, model_path: &str, trial_path: &str) -> Result<(), String> {
    let model = load_model(model_path)?;
    let patients = read_trial(trial_path, command == "summary")?;
    let risk: Vec<f64> = patients.iter().map(|p| model.risk(&p.x)).collect();
    let mut out = BufWriter::new(io::stdout().lock());
    let written = if command == "predict" {
        writeln!(out, "patient_id\trisk").and_then(|_| {
            patients
                .iter()
                .zip(&risk)
                .try_for_each(|(p, r)| writeln!(out, "{}\t{r:.6}", p.id))
        })
    } else {
        write_summary(&mut out, &patients, &risk)
    };
    written
        .and_then(|_| out.flush())
        .map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 4 || (args[1] != "predict" && args[1] != "summary") {
        eprintln!("usage: main predict|summary <model.json> <trial.csv>");
        process::exit(1);
    }
    if let Err(message) = run(&args[1], &args[2], &args[3]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
// endregion
