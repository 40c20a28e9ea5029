// What a Drill hands its element in the page (serialised as JSON).
import type { Drill, DrillKind } from "../lib/drill-schema.ts";
import type { Lang } from "../runners/protocol.ts";

export interface DrillData {
  key: string;
  lang: Lang;
  kind: DrillKind;
  title: string;
  starter: string;
  solution: string;
  hints: string[];
  drill: Drill;
  checkCode?: string;
  expected?: string;
  /** Paths of the input files the check mounts, fetched from fileBase. */
  files: string[];
  fileBase: string;
}
