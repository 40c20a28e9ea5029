#!/usr/bin/env node
// Makes sure the system tools the tests need are present: Chromium (e2e), a Rust
// compiler with a WASI target (compile service, wasm rebuilds), and Debian's Python
// and R with the libraries the ecosystem versions use (Biopython, pandas,
// scikit-learn, statsmodels, pyBigWig; Biostrings, dplyr, survival, rtracklayer...).
// As root with apt (CI, a fresh machine of this image) it installs what is missing;
// otherwise it stops and prints the exact command to run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const ok = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

const requirements = [
  { what: "Chromium (browser tests)", packages: ["chromium"], present: () => existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium") },
  {
    what: "rustc with the wasm32-wasi standard library",
    // lld-14 provides rust-lld, the linker rustc uses for wasm; --no-install-recommends leaves it out.
    packages: ["rustc", "libstd-rust-dev-wasm32", "lld-14"],
    present: () =>
      ok("sh", ["-c", "command -v rust-lld"]) &&
      (existsSync("/usr/lib/rustlib/wasm32-wasi") || ok("sh", ["-c", 'test -d "$(rustc --print sysroot)/lib/rustlib/wasm32-wasip1"'])),
  },
  {
    what: "Python 3 with the libraries of the ecosystem versions",
    packages: ["python3-biopython", "python3-pandas", "python3-scipy", "python3-sklearn", "python3-statsmodels", "python3-pybigwig"],
    present: () => ok("/usr/bin/python3", ["-c", "import Bio, pandas, scipy, sklearn, statsmodels, pyBigWig"]),
  },
  {
    what: "R with the packages of the ecosystem versions",
    packages: ["r-base-core", "r-bioc-biostrings", "r-cran-dplyr", "r-cran-survival", "r-bioc-iranges", "r-bioc-genomicranges", "r-bioc-rtracklayer", "r-bioc-shortread"],
    present: () =>
      ok("/usr/bin/Rscript", ["-e", "for (p in c('Biostrings', 'dplyr', 'survival', 'IRanges', 'GenomicRanges', 'rtracklayer', 'ShortRead')) library(p, character.only = TRUE)"]),
  },
  { what: "fonts for screenshots and PDFs", packages: ["fonts-dejavu-core"], present: () => existsSync("/usr/share/fonts/truetype/dejavu") },
];

const missing = requirements.filter((r) => !r.present());
if (missing.length === 0) process.exit(0);

const packages = missing.flatMap((m) => m.packages);
const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")}`;
console.log(`Missing: ${missing.map((m) => m.what).join("; ")}`);

const isRoot = process.getuid?.() === 0;
if (!isRoot || !ok("sh", ["-c", "command -v apt-get"])) {
  console.error(`Install them first (as root):\n  ${command}`);
  process.exit(1);
}
console.log(`Installing: ${command}`);
try {
  execFileSync("sh", ["-c", command], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
} catch {
  console.error(`The installation failed. Run it by hand:\n  ${command}`);
  process.exit(1);
}
const still = missing.filter((r) => !r.present());
if (still.length > 0) {
  console.error(`Still missing after installing: ${still.map((m) => m.what).join("; ")}`);
  process.exit(1);
}
