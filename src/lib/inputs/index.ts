// The seeded input generators, by module. Each returns the module's input files at
// a given multiple of the base size; scale 1 is byte-identical to the committed
// exercises/<module>/data files (tests/unit/inputs.test.ts holds it to that).
export type InputGenerator = (scale: number) => Record<string, string>;

const generators: Record<string, () => Promise<InputGenerator>> = {
  "01-fasta-gc": () => import("./fasta-gc.ts").then((m) => m.fastaGcInput),
};

export function hasInputGenerator(moduleId: string): boolean {
  return moduleId in generators;
}

export async function inputGenerator(moduleId: string): Promise<InputGenerator> {
  const load = generators[moduleId];
  if (!load) {
    throw new Error(`Module ${moduleId} has no input generator; add one to src/lib/inputs/index.ts to allow larger sizes.`);
  }
  return load();
}
