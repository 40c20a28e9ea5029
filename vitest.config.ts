import { defineConfig } from "vitest/config";

// One project per kind of test (see DESIGN.md, "Tests"); `npm test` runs them all
// after the site is built, e2e last because it needs the build.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        test: {
          name: "equivalence",
          include: ["tests/equivalence/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "native",
          include: ["tests/native/**/*.test.ts"],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A poll waits for the page, not for a computation: on a loaded 2-core CI machine
          // the default 1 s is too short (reveal.js alone debounces its URL writes by 1 s).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
