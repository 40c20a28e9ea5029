// js-yaml ships no types (it comes with Astro, which parses content/**/*.yaml with it);
// this is the one function the tests use.
declare module "js-yaml" {
  export function load(text: string): unknown;
}
