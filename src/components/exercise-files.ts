// A module's committed files as the page fetches them — as bytes, since a task may
// mount a binary (module 12's kernel) — each fetched once per page; and a task's input
// set at a given size, which the triptych and the bridge timing panel both run.
import { inputGenerator } from "../lib/inputs/index.ts";
import type { RunRequest } from "../runners/protocol.ts";

export class ExerciseFiles {
  private static readonly byBase = new Map<string, ExerciseFiles>();
  private readonly base: string;
  private readonly cache = new Map<string, Promise<Uint8Array>>();

  /**
   * The page's one loader for the module served under `base` (exerciseFileUrl(module, "")):
   * a triptych, its drills and its panels share the downloads.
   */
  static for(base: string): ExerciseFiles {
    let files = ExerciseFiles.byBase.get(base);
    if (!files) ExerciseFiles.byBase.set(base, (files = new ExerciseFiles(base)));
    return files;
  }

  private constructor(base: string) {
    this.base = base;
  }

  bytes(path: string): Promise<Uint8Array> {
    let file = this.cache.get(path);
    if (!file) {
      file = fetch(this.base + path).then(async (r) => {
        if (!r.ok) throw new Error(`Could not load ${path} (HTTP ${r.status}).`);
        return new Uint8Array(await r.arrayBuffer());
      });
      // A failed download is not kept: the next run tries again.
      file.catch(() => this.cache.delete(path));
      this.cache.set(path, file);
    }
    return file;
  }

  async text(path: string): Promise<string> {
    return new TextDecoder().decode(await this.bytes(path));
  }

  /** Files by path, as a run mounts them. */
  async mount(paths: readonly string[]): Promise<RunRequest["files"]> {
    return Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await this.bytes(p)] as const)));
  }

  /**
   * A task's input files at `scale`: the committed ones at 1×, otherwise the module's
   * generator output over them — only the task's own files: a generator may also make
   * inputs for a module's other widgets (the capstone's pipeline reads).
   */
  async inputs(module: string, files: readonly string[], scale: number): Promise<RunRequest["files"]> {
    const committed = await this.mount(files);
    if (scale === 1) return committed;
    const generated = Object.entries((await inputGenerator(module))(scale)).filter(([path]) => files.includes(path));
    return { ...committed, ...Object.fromEntries(generated) };
  }
}
