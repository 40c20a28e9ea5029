// Compiling edited Rust (DESIGN.md, "Live Rust editing"). Rust cannot be compiled in
// the browser, so edited code goes to a backend, in this order of choice:
//   1. the workshop compile service (`npm run rust-server`): returns WASM that then
//      runs here, in the reader's browser, like the precompiled solutions;
//   2. the public Rust Playground, which compiles and runs on its own servers;
//   3. neither: a clear message (the precompiled solution still runs).
import { screenRustSource } from "../lib/rust-screening.ts";

export type RustBackendMode = "auto" | "workshop" | "playground" | "offline";

export interface RustBackendSettings {
  mode: RustBackendMode;
  /** The URL the instructor's `npm run rust-server` printed, e.g. http://192.168.1.20:7878 */
  workshopUrl: string;
}

export interface CompilerMessage {
  level: "error" | "warning";
  message: string;
  code: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rendered: string;
}

export type RustBuild =
  | { kind: "wasm"; backend: "workshop"; wasm: Uint8Array; warnings: CompilerMessage[] }
  | { kind: "ran"; backend: "playground"; stdout: string; stderr: string; exitCode: number }
  | { kind: "compile-error"; backend: "workshop" | "playground"; messages: CompilerMessage[]; rendered: string }
  | { kind: "refused"; message: string; line: number; column: number }
  | { kind: "unavailable"; message: string };

export const SETTINGS_KEY = "ru-rust-backend";
export const PLAYGROUND_URL = "https://play.rust-lang.org/execute";
/** Where `npm run rust-server` listens by default. */
export const LOCAL_WORKSHOP_URL = "http://127.0.0.1:7878";

export const DEFAULT_SETTINGS: RustBackendSettings = { mode: "auto", workshopUrl: "" };

export function loadSettings(storage: Storage | null = safeStorage()): RustBackendSettings {
  try {
    const raw = JSON.parse(storage?.getItem(SETTINGS_KEY) ?? "null");
    const modes: RustBackendMode[] = ["auto", "workshop", "playground", "offline"];
    if (raw && modes.includes(raw.mode) && typeof raw.workshopUrl === "string") return raw;
  } catch {
    // Garbage in storage is treated as "not set".
  }
  return { ...DEFAULT_SETTINGS };
}

export function saveSettings(settings: RustBackendSettings, storage: Storage | null = safeStorage()): boolean {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
    return Boolean(storage);
  } catch {
    return false;
  }
}

function safeStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function normaliseWorkshopUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, "");
  if (!trimmed) return "";
  return /^https?:\/\//.test(trimmed) ? trimmed : `http://${trimmed}`;
}

export interface BackendEnvironment {
  fetch: typeof fetch;
  online: boolean;
  /** The page is served from this machine, so probing the default local service is harmless. */
  pageIsLocal: boolean;
  playgroundUrl?: string;
}

function browserEnvironment(): BackendEnvironment {
  const host = globalThis.location?.hostname ?? "";
  return {
    fetch: globalThis.fetch.bind(globalThis),
    online: globalThis.navigator?.onLine ?? true,
    pageIsLocal: host === "localhost" || host === "127.0.0.1" || host === "[::1]",
  };
}

async function workshopHealthy(url: string, env: BackendEnvironment): Promise<boolean> {
  try {
    const response = await env.fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Which backend a build would use now, and why (shown in the settings panel). */
export async function resolveBackend(
  settings: RustBackendSettings,
  env: BackendEnvironment = browserEnvironment(),
): Promise<{ backend: "workshop" | "playground" | "offline"; url?: string; reason: string }> {
  const configured = normaliseWorkshopUrl(settings.workshopUrl);
  if (settings.mode === "offline") return { backend: "offline", reason: "Rust compilation is switched off in the settings." };
  if (settings.mode === "playground") return { backend: "playground", reason: "The Rust Playground is chosen in the settings." };
  if (settings.mode === "workshop") {
    if (!configured) return { backend: "offline", reason: "No workshop compile service URL is set." };
    return (await workshopHealthy(configured, env))
      ? { backend: "workshop", url: configured, reason: `Workshop compile service at ${configured}.` }
      : { backend: "offline", reason: `The workshop compile service at ${configured} does not answer.` };
  }
  const candidates = configured ? [configured] : env.pageIsLocal ? [LOCAL_WORKSHOP_URL] : [];
  for (const url of candidates) {
    if (await workshopHealthy(url, env)) return { backend: "workshop", url, reason: `Workshop compile service at ${url}.` };
  }
  if (env.online) return { backend: "playground", reason: "No workshop service found; using the public Rust Playground." };
  return { backend: "offline", reason: "Offline, and no workshop compile service is reachable." };
}

function fromService(d: {
  level: string;
  message: string;
  code: string | null;
  spans: { line_start: number; line_end: number; column_start: number; column_end: number; is_primary: boolean }[];
  rendered: string;
}): CompilerMessage {
  const span = d.spans.find((s) => s.is_primary) ?? d.spans[0];
  return {
    level: d.level === "warning" ? "warning" : "error",
    message: d.message,
    code: d.code,
    line: span?.line_start ?? 1,
    column: span?.column_start ?? 1,
    endLine: span?.line_end ?? span?.line_start ?? 1,
    endColumn: span?.column_end ?? span?.column_start ?? 1,
    rendered: d.rendered,
  };
}

/** Reads `error[E0308]: …` / `--> src/main.rs:3:5` pairs out of the Playground's rendered stderr. */
export function parseRenderedDiagnostics(stderr: string): CompilerMessage[] {
  const messages: CompilerMessage[] = [];
  const re = /^(error|warning)(?:\[(E\d{4})\])?: (.+)\n\s*--> src\/main\.rs:(\d+):(\d+)/gm;
  for (const m of stderr.matchAll(re)) {
    const start = m.index ?? 0;
    const next = stderr.slice(start + m[0].length).search(/\n(error|warning)(\[E\d{4}\])?: /);
    const rendered = stderr.slice(start, next < 0 ? undefined : start + m[0].length + next).trim();
    messages.push({
      level: m[1] as "error" | "warning",
      code: m[2] ?? null,
      message: m[3]!,
      line: Number(m[4]),
      column: Number(m[5]),
      endLine: Number(m[4]),
      endColumn: Number(m[5]) + 1,
      rendered,
    });
  }
  return messages;
}

async function buildOnWorkshop(source: string, url: string, env: BackendEnvironment): Promise<RustBuild> {
  let response: Response;
  try {
    response = await env.fetch(`${url}/compile`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ source }),
    });
  } catch (e) {
    return { kind: "unavailable", message: `The workshop compile service at ${url} could not be reached (${(e as Error).message}).` };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body) return { kind: "unavailable", message: `The workshop compile service answered HTTP ${response.status} without a result.` };
  if (body.ok === true) {
    const binary = atob(String(body.wasm));
    const wasm = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const warnings = ((body.diagnostics as Parameters<typeof fromService>[0][]) ?? []).map(fromService);
    return { kind: "wasm", backend: "workshop", wasm, warnings };
  }
  if (body.kind === "compile-error") {
    const messages = (body.diagnostics as Parameters<typeof fromService>[0][]).map(fromService);
    return { kind: "compile-error", backend: "workshop", messages, rendered: messages.map((m) => m.rendered).join("\n") };
  }
  if (body.kind === "refused") {
    return { kind: "refused", message: String(body.message), line: Number(body.line), column: Number(body.column) };
  }
  const retry = body.retryAfterSeconds ? ` Try again in ${body.retryAfterSeconds} s.` : "";
  return { kind: "unavailable", message: `${String(body.message ?? `HTTP ${response.status}`)}${retry}` };
}

async function buildOnPlayground(source: string, env: BackendEnvironment): Promise<RustBuild> {
  let response: Response;
  try {
    response = await env.fetch(env.playgroundUrl ?? PLAYGROUND_URL, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        channel: "stable",
        mode: "debug",
        edition: "2021",
        crateType: "bin",
        tests: false,
        backtrace: false,
        code: source,
      }),
    });
  } catch (e) {
    return { kind: "unavailable", message: `The Rust Playground could not be reached (${(e as Error).message}). Are you offline?` };
  }
  const body = (await response.json().catch(() => null)) as
    | { success: boolean; stdout: string; stderr: string; exitDetail?: string; error?: string }
    | null;
  if (!response.ok || !body || typeof body.stdout !== "string") {
    return { kind: "unavailable", message: `The Rust Playground answered HTTP ${response.status}${body?.error ? `: ${body.error}` : ""}.` };
  }
  const messages = parseRenderedDiagnostics(body.stderr);
  // The Playground reports a failed build and a failed run the same way; a build
  // failure is the one where the program never started.
  if (!body.success && !/Running `target\//.test(body.stderr)) {
    return { kind: "compile-error", backend: "playground", messages: messages.filter((m) => m.level === "error"), rendered: body.stderr };
  }
  const programStderr = body.stderr.replace(/^[\s\S]*?Running `target\/[^`]*`\n?/, "");
  const code = /exit (?:status|code):? (\d+)/.exec(body.exitDetail ?? "")?.[1];
  return {
    kind: "ran",
    backend: "playground",
    stdout: body.stdout,
    stderr: programStderr,
    exitCode: body.success ? 0 : code ? Number(code) : 101,
  };
}

/** Screens the source here first (instant feedback), then builds it on the chosen backend. */
export async function buildRust(
  source: string,
  settings: RustBackendSettings = loadSettings(),
  env: BackendEnvironment = browserEnvironment(),
): Promise<RustBuild> {
  const screened = screenRustSource(source);
  if (!screened.ok) return { kind: "refused", message: screened.message, line: screened.line, column: screened.column };
  const choice = await resolveBackend(settings, env);
  if (choice.backend === "workshop") return buildOnWorkshop(source, choice.url!, env);
  if (choice.backend === "playground") return buildOnPlayground(source, env);
  return {
    kind: "unavailable",
    message: `${choice.reason} Edited Rust needs a compiler: ask your instructor for the workshop service URL (Rust settings), or go online to use the Rust Playground.`,
  };
}
