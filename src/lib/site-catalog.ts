// The catalog as pages embed it. Every page carries it (for the header's XP and the
// progress bars), so a production build computes it once instead of once per page;
// the dev server rebuilds it per request, so a new drill shows up without a restart.
import { buildCatalog, type Catalog } from "./catalog.ts";

let built: Promise<Catalog> | undefined;

export function siteCatalog(): Promise<Catalog> {
  if (!import.meta.env.PROD) return buildCatalog();
  return (built ??= buildCatalog());
}
