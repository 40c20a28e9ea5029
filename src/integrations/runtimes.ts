// Self-hosts Pyodide and webR: copies the runtime files the browser needs from
// node_modules into public/runtimes/<name>/<version>/ before dev or build, so the
// core path never touches a CDN (air-gapped training rooms work).
import type { AstroIntegration } from "astro";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

interface RuntimeCopy {
  name: string;
  /** Directory inside the package that holds the browser files. */
  dir: (pkgRoot: string) => string;
  /** Files or folders to copy; everything else (Node builds, maps, demos) stays out. */
  keep: (name: string) => boolean;
}

function packageRoot(name: string): string {
  // Both packages hide package.json behind "exports"; resolve the main entry and walk up.
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}

export function runtimeVersion(name: string): string {
  return JSON.parse(readFileSync(join(packageRoot(name), "package.json"), "utf8")).version;
}

const RUNTIMES: RuntimeCopy[] = [
  {
    name: "pyodide",
    dir: (root) => root,
    keep: (f) =>
      ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"].includes(f),
  },
  {
    name: "webr",
    dir: (root) => join(root, "dist"),
    keep: (f) => ["webr.js", "webr-worker.js", "R.js", "R.wasm", "libRblas.so", "libRlapack.so", "vfs"].includes(f),
  },
];

/**
 * The size of every top-level runtime file, keyed "<runtime>/<file>". The page checks
 * each download against it: a truncated pyodide.asm.wasm served with a matching
 * Content-Length would otherwise make the runtime's loader hang instead of failing.
 */
export function runtimeFileBytes(): Record<string, number> {
  const bytes: Record<string, number> = {};
  for (const runtime of RUNTIMES) {
    const source = runtime.dir(packageRoot(runtime.name));
    for (const entry of readdirSync(source)) {
      const stat = statSync(join(source, entry));
      if (runtime.keep(entry) && stat.isFile()) bytes[`${runtime.name}/${entry}`] = stat.size;
    }
  }
  return bytes;
}

export function copyRuntimes(publicDir: string): void {
  for (const runtime of RUNTIMES) {
    const version = runtimeVersion(runtime.name);
    const target = join(publicDir, "runtimes", runtime.name, version);
    const marker = join(target, ".complete");
    if (existsSync(marker)) continue;
    rmSync(join(publicDir, "runtimes", runtime.name), { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    const source = runtime.dir(packageRoot(runtime.name));
    for (const entry of readdirSync(source)) {
      if (runtime.keep(entry)) cpSync(join(source, entry), join(target, entry), { recursive: true });
    }
    cpSync(join(packageRoot(runtime.name), "package.json"), marker);
  }
}

export default function runtimes(): AstroIntegration {
  return {
    name: "rust-underneath:runtimes",
    hooks: {
      "astro:config:setup": ({ config, updateConfig }) => {
        copyRuntimes(new URL(config.publicDir).pathname);
        updateConfig({
          vite: {
            define: {
              __PYODIDE_VERSION__: JSON.stringify(runtimeVersion("pyodide")),
              __WEBR_VERSION__: JSON.stringify(runtimeVersion("webr")),
              __RUNTIME_FILE_BYTES__: JSON.stringify(runtimeFileBytes()),
            },
          },
        });
      },
    },
  };
}
