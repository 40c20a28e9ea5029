// What the TaskTriptych hands its element in the page (serialised as JSON).
import type { Lang } from "../runners/protocol.ts";
import type { Task } from "../lib/task-schema.ts";

export interface TriptychData extends Pick<Task, "id" | "files" | "cases" | "errorCases" | "compare" | "scaling"> {
  /** Each language's core solution, as shown. */
  code: Record<Lang, string>;
  /** The precompiled Rust solution. */
  wasmUrl: string;
  /** Files the Rust solution reads with #[path] (see RunRequest.pathModules). */
  rustPathModules: Record<string, string>;
  /** URL prefix under which the module's data/ and expected/ files are served. */
  fileBase: string;
}
