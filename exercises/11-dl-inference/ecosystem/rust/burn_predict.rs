//! Risk scores from the trained network with Burn doing the tensor work, serde_json
//! reading the model file and csv the trial.
//!
//! Written against burn 0.22.1 (docs.rs and the Burn book's "Migrating to Burn 0.22",
//! October 2026). Since 0.22 a model and its tensors carry no backend type parameter
//! (`Linear`, `Tensor<2>`, not `Linear<B>`, `Tensor<B, 2>`): a `Device` picks the backend
//! at run time. `Device::flex()` is Burn's pure-Rust CPU backend; with the matching
//! feature, `Device::wgpu(Default::default())` runs the same model on a GPU through
//! WebGPU, and `Device::cuda(0)` on an NVIDIA card. Build and run from ecosystem/rust/:
//!     cargo run --release -- predict ../../data/model.json ../../data/trial.csv
//! Prints what ../../rust/main.rs prints, within the task's 1.5e-6: a matrix product on a
//! backend adds in its own order, not the core solution's bias-first loop.

use burn::module::{Module, Param, ParamId};
use burn::nn::{Linear, Relu};
use burn::tensor::activation::sigmoid;
use burn::tensor::{DType, Device, Tensor, TensorData};
use serde::Deserialize;
use std::env;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::process;

const INPUTS: [&str; 6] = ["age", "male", "bmi", "baseline", "arm_low", "arm_high"];
const ARMS: [&str; 3] = ["placebo", "low", "high"];

/// data/model.json, as written by ecosystem/train/train_mlp.py: serde checks that every
/// key is there and that each value has the right type; unknown keys are ignored.
#[derive(Deserialize)]
struct ModelFile {
    inputs: Vec<String>,
    input_mean: Vec<f64>,
    input_sd: Vec<f64>,
    #[serde(rename = "hidden.shape")]
    hidden_shape: [usize; 2],
    #[serde(rename = "hidden.weight")]
    hidden_weight: Vec<f64>,
    #[serde(rename = "hidden.bias")]
    hidden_bias: Vec<f64>,
    #[serde(rename = "output.shape")]
    output_shape: [usize; 2],
    #[serde(rename = "output.weight")]
    output_weight: Vec<f64>,
    #[serde(rename = "output.bias")]
    output_bias: Vec<f64>,
}

/// The network as a Burn module: the derive makes it a tree of parameters that Burn
/// can move between devices, save, load and (on an autodiff device) train.
#[derive(Module, Debug)]
struct Mlp {
    hidden: Linear,
    relu: Relu,
    output: Linear,
}

impl Mlp {
    /// [patients, 6] standardised inputs -> [patients, 1] probabilities.
    fn forward(&self, z: Tensor<2>) -> Tensor<2> {
        let h = self.relu.forward(self.hidden.forward(z));
        sigmoid(self.output.forward(h))
    }
}

/// A Linear layer from the file's matrix. The file stores [out, in], as PyTorch's
/// nn.Linear does; Burn's Linear computes x W + b and keeps W as [in, out], so the
/// matrix is transposed on the way in. (burn::store::PytorchStore does the same
/// transposition when it loads a PyTorch .pt file.)
fn linear(
    name: &str,
    shape: [usize; 2],
    weight: Vec<f64>,
    bias: Vec<f64>,
    want: [usize; 2],
    device: &Device,
) -> Result<Linear, String> {
    if shape != want {
        return Err(format!(
            "layer {name}: weight shape is {shape:?}, this program needs {want:?} ([outputs, inputs])"
        ));
    }
    if weight.len() != shape[0] * shape[1] || bias.len() != shape[0] {
        return Err(format!(
            "layer {name}: the numbers do not fill shape {shape:?}"
        ));
    }
    // f64 explicitly: a device's default float type is f32, which would move the 6th decimal.
    let w = Tensor::<2>::from_data(TensorData::new(weight, shape), (device, DType::F64));
    let b = Tensor::<1>::from_data(TensorData::new(bias, [shape[0]]), (device, DType::F64));
    Ok(Linear {
        weight: Param::initialized(ParamId::new(), w.transpose()),
        bias: Some(Param::initialized(ParamId::new(), b)),
    })
}

struct Model {
    mean: Vec<f64>,
    sd: Vec<f64>,
    mlp: Mlp,
}

fn load_model(path: &str, device: &Device) -> Result<Model, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let file: ModelFile = serde_json::from_str(&text)
        .map_err(|e| format!("{path} is not a valid model file: {e}"))?;
    if file.inputs != INPUTS {
        return Err(format!(
            "model inputs are {}; this program builds {}",
            file.inputs.join(", "),
            INPUTS.join(", ")
        ));
    }
    if file.input_mean.len() != 6 || file.input_sd.len() != 6 {
        return Err("input_mean and input_sd need 6 numbers each".to_string());
    }
    let hidden = linear(
        "hidden",
        file.hidden_shape,
        file.hidden_weight,
        file.hidden_bias,
        [16, 6],
        device,
    )?;
    let output = linear(
        "output",
        file.output_shape,
        file.output_weight,
        file.output_bias,
        [1, 16],
        device,
    )?;
    Ok(Model {
        mean: file.input_mean,
        sd: file.input_sd,
        mlp: Mlp {
            hidden,
            relu: Relu::new(),
            output,
        },
    })
}

/// One row of the trial CSV; serde matches the fields to the header by name and ignores
/// the other columns. `invalid_option` turns "NA" (or any text that is not a number)
/// into None, so that it can be reported instead of failing deep inside the reader.
#[derive(Deserialize)]
struct Row {
    patient_id: String,
    arm: String,
    sex: String,
    #[serde(deserialize_with = "csv::invalid_option")]
    age: Option<f64>,
    #[serde(deserialize_with = "csv::invalid_option")]
    bmi: Option<f64>,
    #[serde(deserialize_with = "csv::invalid_option")]
    baseline: Option<f64>,
    #[serde(default)]
    response: Option<u8>,
}

struct Patient {
    id: String,
    arm: usize,
    response: Option<u8>,
}

/// The patients, and their standardised inputs as one [patients, 6] tensor.
fn read_trial(
    path: &str,
    model: &Model,
    device: &Device,
) -> Result<(Vec<Patient>, Tensor<2>), String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let (mut patients, mut z) = (Vec::new(), Vec::new());
    for (index, result) in reader.deserialize::<Row>().enumerate() {
        let row = result.map_err(|e| format!("{path}: {e}"))?;
        let at = format!("{path} line {} ({})", index + 2, row.patient_id);
        let arm = ARMS
            .iter()
            .position(|&a| a == row.arm)
            .ok_or_else(|| format!("{at}: unknown arm \"{}\"", row.arm))?;
        let male = match row.sex.as_str() {
            "M" => 1.0,
            "F" => 0.0,
            other => return Err(format!("{at}: sex must be F or M, found \"{other}\"")),
        };
        let value = |x: Option<f64>, name: &str| x.ok_or_else(|| format!("{at}: {name} is NA"));
        let x = [
            value(row.age, "age")?,
            male,
            value(row.bmi, "bmi")?,
            value(row.baseline, "baseline")?,
            if arm == 1 { 1.0 } else { 0.0 },
            if arm == 2 { 1.0 } else { 0.0 },
        ];
        // Standardised on the host, while the rows stream in: one upload to the device.
        z.extend((0..6).map(|i| (x[i] - model.mean[i]) / model.sd[i]));
        patients.push(Patient {
            id: row.patient_id,
            arm,
            response: row.response,
        });
    }
    let n = patients.len();
    let input = Tensor::<2>::from_data(TensorData::new(z, [n, 6]), (device, DType::F64));
    Ok((patients, input))
}

/// Mann-Whitney U / (n1 n0), tied risks sharing their mid-rank; None if a group is empty.
fn auc(pairs: &mut [(f64, u8)]) -> Option<f64> {
    let n1 = pairs.iter().filter(|p| p.1 == 1).count() as f64;
    let n0 = pairs.len() as f64 - n1;
    if n1 == 0.0 || n0 == 0.0 {
        return None;
    }
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < pairs.len() {
        let j = i + pairs[i..].iter().take_while(|p| p.0 == pairs[i].0).count();
        let mid_rank = (i + j + 1) as f64 / 2.0; // ranks i+1..=j share their mean
        rank_sum += mid_rank * pairs[i..j].iter().filter(|p| p.1 == 1).count() as f64;
        i = j;
    }
    Some((rank_sum - n1 * (n1 + 1.0) / 2.0) / (n1 * n0))
}

fn fmt(x: Option<f64>) -> String {
    x.map_or("NA".to_string(), |x| format!("{x:.6}"))
}

fn run(command: &str, model_path: &str, trial_path: &str) -> Result<(), String> {
    let device = Device::flex();
    let model = load_model(model_path, &device)?;
    let (patients, input) = read_trial(trial_path, &model, &device)?;
    // One forward pass for every patient: two matrix products on the backend.
    let risk: Vec<f64> = model
        .mlp
        .forward(input)
        .into_data()
        .try_into_vec::<f64>()
        .map_err(|e| format!("cannot read the result back: {e:?}"))?;

    let mut out = BufWriter::new(io::stdout().lock());
    let mut lines = Vec::new();
    if command == "predict" {
        lines.push("patient_id\trisk".to_string());
        for (p, r) in patients.iter().zip(&risk) {
            lines.push(format!("{}\t{r:.6}", p.id));
        }
    } else {
        lines.push("arm\tn\tmean_risk\tobserved\tauc".to_string());
        for group in 0..=ARMS.len() {
            let mut pairs = Vec::new();
            for (p, &r) in patients.iter().zip(&risk) {
                if group == ARMS.len() || p.arm == group {
                    let response = p.response.filter(|&y| y <= 1).ok_or_else(|| {
                        format!("{trial_path}: patient {} needs a response of 0 or 1", p.id)
                    })?;
                    pairs.push((r, response));
                }
            }
            let n = pairs.len() as f64;
            let total: f64 = pairs.iter().map(|p| p.0).sum();
            let responders = pairs.iter().filter(|p| p.1 == 1).count() as f64;
            let (mean, observed) = if pairs.is_empty() {
                (None, None)
            } else {
                (Some(total / n), Some(responders / n))
            };
            let name = ARMS.get(group).copied().unwrap_or("all");
            let area = fmt(auc(&mut pairs));
            lines.push(format!(
                "{name}\t{}\t{}\t{}\t{area}",
                pairs.len(),
                fmt(mean),
                fmt(observed)
            ));
        }
    }
    for line in lines {
        writeln!(out, "{line}").map_err(|e| format!("cannot write output: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write output: {e}"))
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 4 || (args[1] != "predict" && args[1] != "summary") {
        eprintln!("usage: burn_predict predict|summary <model.json> <trial.csv>");
        process::exit(1);
    }
    if let Err(message) = run(&args[1], &args[2], &args[3]) {
        eprintln!("error: {message}");
        process::exit(1);
    }
}
