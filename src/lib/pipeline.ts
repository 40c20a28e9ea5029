// Loads exercises/<module>/pipeline.json (build time and tests): validates it against the
// schema, then checks what a schema cannot — that every file and program it names exists
// and that each stage reads only what is there when it runs. Errors name the file, the
// field and the fix, like task.json's.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Lang } from "../runners/protocol.ts";
import { listDrills } from "./drills.ts";
import { readJsonFile } from "./json-file.ts";
import { PipelineSchema, type Pipeline, type Stage } from "./pipeline-schema.ts";
import { checklistKey, checklistLang, LANG_CHOICES } from "./pipeline-combos.ts";
import { EXERCISES_DIR, moduleDir, SOLUTION_FILES } from "./task.ts";

export class PipelineError extends Error {}

export const PIPELINE_FILE = "pipeline.json";

export function hasPipeline(moduleId: string, root = EXERCISES_DIR): boolean {
  return existsSync(join(moduleDir(moduleId, root), PIPELINE_FILE));
}

/** The modules that have a pipeline.json, sorted. */
export function listPipelineIds(root = EXERCISES_DIR): string[] {
  return readdirSync(root)
    .filter((d) => hasPipeline(d, root))
    .sort();
}

/** A stage's program in one language, relative to the module folder ("stages/qc-filter/rust/main.rs"). */
export function stageSolutionPath(stage: Pick<Stage, "dir">, lang: Lang): string {
  return stage.dir === "." ? SOLUTION_FILES[lang] : `${stage.dir}/${SOLUTION_FILES[lang]}`;
}

/**
 * The name of a stage's compiled Rust program under public/wasm/<module>/:
 * "main" for the module's own task, the stage folder's name otherwise
 * (see scripts/lib/wasm-manifest.ts).
 */
export function stageWasmName(stage: Pick<Stage, "dir">): string {
  return stage.dir === "." ? "main" : stage.dir.slice("stages/".length);
}

export function loadPipeline(moduleId: string, root = EXERCISES_DIR): Pipeline {
  const dir = moduleDir(moduleId, root);
  const file = join(dir, PIPELINE_FILE);
  if (!existsSync(file)) throw new PipelineError(`No pipeline for "${moduleId}": ${file} does not exist.`);
  const pipeline = readJsonFile(file, PipelineSchema, "pipeline schema (src/lib/pipeline-schema.ts)", (m) => new PipelineError(m));
  const fail = (field: string, message: string): never => {
    throw new PipelineError(`${file}: ${field}: ${message}`);
  };
  const mustExist = (field: string, path: string, why: string) => {
    if (!existsSync(join(dir, path))) fail(field, `${path} does not exist in exercises/${moduleId}/ (${why}).`);
  };

  pipeline.inputs.forEach((path, i) =>
    mustExist(`inputs.${i}`, path, "inputs are committed files: add it to the module's generator and run npm run generate-data"),
  );
  const available = new Set(pipeline.inputs);
  const ids = new Set<string>();
  pipeline.stages.forEach((stage, s) => {
    if (ids.has(stage.id)) fail(`stages.${s}.id`, `"${stage.id}" is used by two stages; give each its own id.`);
    ids.add(stage.id);
    for (const lang of LANG_CHOICES) {
      mustExist(`stages.${s}.dir`, stageSolutionPath(stage, lang), `every stage needs its program in all three languages`);
    }
    stage.reads.forEach((path, r) => {
      if (!available.has(path)) {
        fail(
          `stages.${s}.reads.${r}`,
          `${path} is neither a pipeline input nor written by an earlier stage; list it in "inputs" or in an earlier stage's "writes".`,
        );
      }
    });
    for (const path of stage.writes) available.add(path);
    for (const lang of ["python", "r"] as const) {
      const script = stage.ecosystem[lang];
      if (script) mustExist(`stages.${s}.ecosystem.${lang}`, script, "the ecosystem version of the stage");
    }
  });

  const last = pipeline.stages[pipeline.stages.length - 1]!;
  mustExist("expected.stdout", pipeline.expected.stdout, "what the last stage must print");
  for (const [written, expected] of Object.entries(pipeline.expected.files)) {
    if (!last.writes.includes(written)) {
      fail(`expected.files.${written}`, `the last stage ("${last.id}") does not write ${written}; its "writes" are ${last.writes.join(", ")}.`);
    }
    mustExist(`expected.files.${written}`, expected, "the file the last stage's output must equal");
  }

  const drills = new Set(listDrills(moduleId, root).map((d) => d.id));
  const items = new Set<string>();
  pipeline.checklist.forEach((item, i) => {
    if (items.has(item.id)) fail(`checklist.${i}.id`, `"${item.id}" is used by two items; give each its own id.`);
    if (drills.has(item.id)) {
      fail(`checklist.${i}.id`, `"${item.id}" is also a drill of ${moduleId}: progress is stored under "${moduleId}/<id>" for both, so rename one.`);
    }
    items.add(item.id);
  });
  return pipeline;
}

/** The committed files a module's pipeline page fetches (its inputs and expected results); none without a pipeline. */
export function pipelineFiles(moduleId: string, root = EXERCISES_DIR): string[] {
  if (!hasPipeline(moduleId, root)) return [];
  const pipeline = loadPipeline(moduleId, root);
  return [...pipeline.inputs, pipeline.expected.stdout, ...Object.values(pipeline.expected.files)];
}

/**
 * A module's checklist items in the shape of the progress catalog's drills
 * (src/lib/catalog.ts), so they count toward the module's completion. They are recorded
 * with kind "pipeline-run" (a run of the curriculum's solutions, not code the learner wrote)
 * and the language of checklistLang().
 */
export function pipelineChecklist(
  moduleId: string,
  root = EXERCISES_DIR,
): { key: string; title: string; lang: Lang; kind: "pipeline-run"; xp: number }[] {
  if (!hasPipeline(moduleId, root)) return [];
  return loadPipeline(moduleId, root).checklist.map((item) => ({
    key: checklistKey(moduleId, item.id),
    title: item.title,
    lang: checklistLang(item.when),
    kind: "pipeline-run" as const,
    xp: item.xp,
  }));
}
