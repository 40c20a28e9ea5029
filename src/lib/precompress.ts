// Precompression of the built site: every compressible file gets a `.br` and a `.gz`
// sibling, so a host that serves precompressed files (scripts/serve.mjs, nginx
// gzip_static/brotli_static, Netlify, Cloudflare) sends Pyodide's 9.6 MB wasm as
// 3.1 MB without compressing on every request. Results are cached by content hash:
// the 60 MB of runtimes only change with a runtime upgrade.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Formats that are compressed already: a second pass only costs time. */
const ALREADY_COMPRESSED = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".gz", ".br", ".pdf", ".pf_fragment", ".pf_index", ".pf_meta", ".pagefind"]);
/** Below this a response fits in one packet anyway. */
export const MIN_BYTES = 1024;
/** Keep a compressed copy only if it saves at least this fraction. */
export const MIN_SAVING = 0.1;

export function isCompressible(path: string, bytes: number): boolean {
  if (bytes < MIN_BYTES) return false;
  const dot = path.lastIndexOf(".");
  const slash = path.lastIndexOf("/");
  const ext = dot > slash ? path.slice(dot).toLowerCase() : "";
  return !ALREADY_COMPRESSED.has(ext);
}

/** Brotli's best setting is slow on megabytes; above this size a faster one is nearly as small. */
const BEST_QUALITY_LIMIT = 256 * 1024;

export async function compressBoth(data: Buffer): Promise<{ br: Buffer; gz: Buffer }> {
  const quality = data.length <= BEST_QUALITY_LIMIT ? 11 : 9;
  const [br, gzipped] = await Promise.all([
    brotli(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
    gz(data, { level: 9 }),
  ]);
  return { br, gz: gzipped };
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

export interface PrecompressReport {
  files: number;
  bytes: number;
  brotliBytes: number;
  cached: number;
}

/** Writes `<file>.br` and `<file>.gz` beside each compressible file under `dir`. */
export async function precompressDir(dir: string, cacheDir: string, concurrency = 4): Promise<PrecompressReport> {
  mkdirSync(cacheDir, { recursive: true });
  const report: PrecompressReport = { files: 0, bytes: 0, brotliBytes: 0, cached: 0 };
  const queue = [...walk(dir)].filter((f) => isCompressible(f, statSync(f).size));
  const work = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const data = readFileSync(file);
      const key = createHash("sha256").update(data).digest("hex");
      const cached = { br: join(cacheDir, `${key}.br`), gz: join(cacheDir, `${key}.gz`), skip: join(cacheDir, `${key}.skip`) };
      if (existsSync(cached.skip)) continue;
      let out: { br: Buffer; gz: Buffer };
      if (existsSync(cached.br) && existsSync(cached.gz)) {
        out = { br: readFileSync(cached.br), gz: readFileSync(cached.gz) };
        report.cached++;
      } else {
        out = await compressBoth(data);
        if (out.br.length > data.length * (1 - MIN_SAVING)) {
          writeFileSync(cached.skip, "");
          continue;
        }
        writeFileSync(cached.br, out.br);
        writeFileSync(cached.gz, out.gz);
      }
      writeFileSync(`${file}.br`, out.br);
      writeFileSync(`${file}.gz`, out.gz);
      report.files++;
      report.bytes += data.length;
      report.brotliBytes += out.br.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, work));
  return report;
}
