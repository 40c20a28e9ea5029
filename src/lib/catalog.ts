// What can be earned in each module: its drills and quiz questions, with their XP.
// Built at build time and embedded in the pages that show progress, so the browser
// never needs a second copy of the curriculum's structure.
import { getEntry } from "astro:content";
import { listDrills } from "./drills.ts";
import { pipelineChecklist } from "./pipeline.ts";
import { getModules, moduleUrl } from "./modules.ts";
import type { Lang } from "../runners/protocol.ts";
import type { ExerciseKind } from "./drill-schema.ts";

export const QUIZ_XP = 5;

export interface CatalogModule {
  id: string;
  number: number;
  title: string;
  url: string;
  drills: { key: string; title: string; lang: Lang; kind: ExerciseKind; xp: number }[];
  questions: { key: string; xp: number }[];
}

export type Catalog = CatalogModule[];

export async function buildCatalog(): Promise<Catalog> {
  const modules = await getModules();
  return Promise.all(
    modules.map(async (m) => {
      const quiz = await getEntry("quizzes", m.id);
      return {
        id: m.id,
        number: m.data.number,
        title: m.data.title,
        url: moduleUrl(m.id),
        drills: [
          ...listDrills(m.data.task).map((d) => ({
            key: d.key,
            title: d.drill.title,
            lang: d.drill.lang,
            kind: d.drill.kind,
            xp: d.drill.xp,
          })),
          // A pipeline's checklist (exercises/<module>/pipeline.json) is graded like drills.
          ...pipelineChecklist(m.data.task),
        ],
        questions: (quiz?.data.questions ?? []).map((q) => ({ key: `${m.id}/${q.id}`, xp: QUIZ_XP })),
      };
    }),
  );
}
