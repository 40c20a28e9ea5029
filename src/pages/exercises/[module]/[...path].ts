// Serves each module's input and expected files as static files, straight from
// exercises/, so the page runs exactly the bytes the tests run.
import type { APIRoute, GetStaticPaths } from "astro";
import { listDrills } from "../../../lib/drills.ts";
import { listTaskIds, loadTask, readModuleFile } from "../../../lib/task.ts";

export const getStaticPaths = (() =>
  listTaskIds().flatMap((id) => {
    const task = loadTask(id);
    const drillFiles = listDrills(id).flatMap((d) => Object.keys(d.files));
    const paths = new Set([...task.files, ...task.cases.map((c) => c.expected), ...drillFiles]);
    return [...paths].map((path) => ({ params: { module: id, path } }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readModuleFile(params.module!, params.path!), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
