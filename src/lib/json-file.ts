// Reads an author-written JSON file and validates it, with errors that name the
// file, the field and the schema to read — the one way task.json and drill.json load.
import { readFileSync } from "node:fs";
import type { z } from "astro/zod";

export function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  schemaName: string,
  fail: (message: string) => Error,
): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw fail(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw fail(`${file} does not match the ${schemaName}:\n${problems.join("\n")}`);
  }
  return parsed.data;
}
