// Where the self-hosted runtimes live in the built site. The versions are baked in
// by astro.config.mjs from the installed packages, so a runtime upgrade gets a new
// URL and long-lived caching stays safe.
declare const __PYODIDE_VERSION__: string;
declare const __WEBR_VERSION__: string;
declare const __RUNTIME_FILE_BYTES__: Record<string, number>;

const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");

export const PYODIDE_URL = `${base}runtimes/pyodide/${__PYODIDE_VERSION__}/`;
export const WEBR_URL = `${base}runtimes/webr/${__WEBR_VERSION__}/`;

/** A runtime file to download, with the size the build saw (to catch truncated copies). */
export interface RuntimeFile {
  url: string;
  bytes?: number;
}

/** `file` of Pyodide or webR, with its expected size. */
export function runtimeFile(runtime: "pyodide" | "webr", file: string): RuntimeFile {
  return { url: `${runtime === "pyodide" ? PYODIDE_URL : WEBR_URL}${file}`, bytes: __RUNTIME_FILE_BYTES__[`${runtime}/${file}`] };
}

/** Where the precompiled core solutions live (built by scripts/build-wasm.ts). */
export const WASM_URL = `${base}wasm/`;

/** The precompiled core solution of a module. */
export function moduleWasmUrl(moduleId: string): string {
  return `${WASM_URL}${moduleId}/main.wasm`;
}

/** The precompiled program of one pipeline stage: `name` is its stages/<name> folder (see scripts/lib/wasm-manifest.ts). */
export function stageWasmUrl(moduleId: string, name: string): string {
  return `${WASM_URL}${moduleId}/${name}.wasm`;
}

/** A committed input file of a module, served from exercises/<module>/ at build time. */
export function exerciseFileUrl(moduleId: string, path: string): string {
  return `${base}exercises/${moduleId}/${path}`;
}
