// What <CapstonePipeline> hands its element in the page (serialised as JSON), and how it
// is built from exercises/<module>/pipeline.json at build time. The element imports the
// types only: the builder reads files and never reaches the browser.
import type { Lang } from "../runners/protocol.ts";
import type { ChecklistWhen } from "../lib/pipeline-combos.ts";
import { checklistKey, checklistLang, LANG_CHOICES } from "../lib/pipeline-combos.ts";
import { loadPipeline, stageSolutionPath, stageWasmName } from "../lib/pipeline.ts";
import { stripRegionMarkers } from "../lib/source.ts";
import { readModuleFile } from "../lib/task.ts";
import { exerciseFileUrl, stageWasmUrl } from "../runners/runtime-paths.ts";

export interface CapstoneStage {
  id: string;
  title: string;
  args: string[];
  reads: string[];
  writes: string[];
  /** Each language's program, as shown, and where it lives. */
  code: Record<Lang, string>;
  paths: Record<Lang, string>;
  /** The stage's precompiled Rust program. */
  wasmUrl: string;
}

export interface CapstoneData {
  module: string;
  /** URL prefix under which the module's committed files are served. */
  fileBase: string;
  inputs: string[];
  stages: CapstoneStage[];
  expected: { stdout: string; files: Record<string, string> };
  checklist: { id: string; key: string; title: string; lang: Lang; when: ChecklistWhen }[];
}

export function capstoneData(module: string): CapstoneData {
  const pipeline = loadPipeline(module);
  const byLang = (f: (lang: Lang) => string) => Object.fromEntries(LANG_CHOICES.map((l) => [l, f(l)])) as Record<Lang, string>;
  return {
    module,
    fileBase: exerciseFileUrl(module, ""),
    inputs: pipeline.inputs,
    stages: pipeline.stages.map((stage) => ({
      id: stage.id,
      title: stage.title,
      args: stage.args,
      reads: stage.reads,
      writes: stage.writes,
      code: byLang((lang) => stripRegionMarkers(readModuleFile(module, stageSolutionPath(stage, lang)))),
      paths: byLang((lang) => `exercises/${module}/${stageSolutionPath(stage, lang)}`),
      wasmUrl: stageWasmUrl(module, stageWasmName(stage)),
    })),
    expected: pipeline.expected,
    checklist: pipeline.checklist.map((item) => ({
      id: item.id,
      key: checklistKey(module, item.id),
      title: item.title,
      lang: checklistLang(item.when),
      when: item.when,
    })),
  };
}
