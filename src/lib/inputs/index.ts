// The seeded input generators, by module. A module's generator lives in
// src/lib/inputs/<module-id>.ts and exports `generate(scale)` (and, for error cases,
// `errorInputs`); it is found by its file name, so adding a module touches no
// registry. Scale 1 is byte-identical to the committed exercises/<module>/data files
// (tests/unit/inputs.test.ts holds it to that). Shared generators (a clinical trial
// used by several modules) live in src/lib/inputs/shared/.
export type InputGenerator = (scale: number) => Record<string, string>;

/** What a module's generator file exports. */
export interface ModuleInputs {
  /** Seeded generator; scale 1 is what gets committed. */
  generate: InputGenerator;
  /** Small fixed files (error cases), written as they are. */
  errorInputs?: Readonly<Record<string, string>>;
}

const files = import.meta.glob<ModuleInputs>("./[0-9][0-9]-*.ts");
const generators = new Map(
  Object.entries(files).map(([path, load]) => [path.slice(2, -3), load] as const),
);

export function hasInputGenerator(moduleId: string): boolean {
  return generators.has(moduleId);
}

export async function inputGenerator(moduleId: string): Promise<InputGenerator> {
  const load = generators.get(moduleId);
  if (!load) {
    throw new Error(`Module ${moduleId} has no input generator; add src/lib/inputs/${moduleId}.ts exporting generate(scale) to allow larger sizes.`);
  }
  return (await load()).generate;
}
