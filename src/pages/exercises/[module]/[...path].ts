// Serves each module's input and expected files as static files, straight from
// exercises/, so the page runs exactly the bytes the tests run.
import type { APIRoute, GetStaticPaths } from "astro";
import { listDrills } from "../../../lib/drills.ts";
import { pipelineFiles } from "../../../lib/pipeline.ts";
import { listTaskIds, loadTask, readModuleBytes } from "../../../lib/task.ts";

export const getStaticPaths = (() =>
  listTaskIds().flatMap((id) => {
    const task = loadTask(id);
    const drillFiles = listDrills(id).flatMap((d) => Object.keys(d.files));
    const paths = new Set([...task.files, ...task.cases.map((c) => c.expected), ...drillFiles, ...pipelineFiles(id)]);
    return [...paths].map((path) => ({ params: { module: id, path } }));
  })) satisfies GetStaticPaths;

// Bytes, not text: a task may mount a binary (module 12's Rust kernel, kernel/*.wasm),
// which a round trip through UTF-8 would corrupt.
export const GET: APIRoute = ({ params }) => {
  const path = params.path!;
  const type = path.endsWith(".wasm") ? "application/wasm" : "text/plain; charset=utf-8";
  return new Response(readModuleBytes(params.module!, path), { headers: { "Content-Type": type } });
};
