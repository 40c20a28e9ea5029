import { describe, expect, it } from "vitest";
import { htmlToText, isTyping, opensSearch, orderFacetValues, pagefindFilters, type KeyLike } from "../../src/lib/search.ts";
import { facetFilters } from "../../src/lib/search-facets.ts";
import { shortCite } from "../../src/lib/references.ts";

const key = (over: Partial<KeyLike>): KeyLike => ({ key: "/", ctrlKey: false, metaKey: false, altKey: false, target: { tagName: "BODY" }, ...over });

describe("search shortcuts", () => {
  it("opens on / outside text fields", () => {
    expect(opensSearch(key({}))).toBe(true);
    expect(opensSearch(key({ target: { tagName: "INPUT", type: "search" } }))).toBe(false);
    expect(opensSearch(key({ target: { tagName: "TEXTAREA" } }))).toBe(false);
    expect(opensSearch(key({ target: { tagName: "DIV", isContentEditable: true } }))).toBe(false);
    // The code editors (CodeMirror) type "/" into Rust, Python and R.
    expect(opensSearch(key({ target: { tagName: "DIV", inEditor: true } }))).toBe(false);
    // A checkbox or button is not a text field: "/" still searches.
    expect(opensSearch(key({ target: { tagName: "INPUT", type: "checkbox" } }))).toBe(true);
  });
  it("opens on Ctrl+K and Cmd+K everywhere, but not on Ctrl+/ or Alt+K", () => {
    expect(opensSearch(key({ key: "k", ctrlKey: true, target: { tagName: "TEXTAREA" } }))).toBe(true);
    expect(opensSearch(key({ key: "K", metaKey: true }))).toBe(true);
    expect(opensSearch(key({ key: "/", ctrlKey: true }))).toBe(false);
    expect(opensSearch(key({ key: "k", ctrlKey: true, altKey: true }))).toBe(false);
    expect(opensSearch(key({ key: "k" }))).toBe(false);
  });
  it("treats a missing target as not typing", () => {
    expect(isTyping(null)).toBe(false);
  });
});

describe("facets", () => {
  it("turn choices into Pagefind filters: any within a facet, all across facets", () => {
    expect(pagefindFilters({ language: ["Rust", "R"], type: [], module: ["01 · x"] })).toEqual({
      language: { any: ["Rust", "R"] },
      module: { any: ["01 · x"] },
    });
  });
  it("order modules by number and other values by count", () => {
    expect(orderFacetValues("module", { "10 · b": 1, "02 · a": 5 }).map(([v]) => v)).toEqual(["02 · a", "10 · b"]);
    expect(orderFacetValues("type", { Lesson: 1, Crate: 4, Drill: 4 }).map(([v]) => v)).toEqual(["Crate", "Drill", "Lesson"]);
  });
  it("declare each value once and leave out empty facets", () => {
    expect(facetFilters({ type: "Crate", modules: ["01 · x", "01 · x"], languages: [] })).toEqual({ type: ["Crate"], module: ["01 · x"] });
  });
});

describe("htmlToText", () => {
  it("keeps the words and code of a rendered prompt, without tags or entities", () => {
    expect(htmlToText('<p>Write <code>gc_fraction(seq)</code> &amp; return <em>(G + C, A + C + G + T)</em>.</p><pre><code>x &lt; 1</code></pre>')).toBe(
      "Write gc_fraction(seq) & return (G + C, A + C + G + T).\nx < 1",
    );
  });
});

describe("shortCite", () => {
  it("names one, two or many authors the way a reader scans a bibliography", () => {
    expect(shortCite({ authors: ["Köster J"], year: 2016 })).toBe("Köster 2016");
    expect(shortCite({ authors: ["Huey JD", "Abdennur N"], year: 2024 })).toBe("Huey & Abdennur 2024");
    expect(shortCite({ authors: ["Reimert MM", "Parry JD", "Denwood M"], year: 2024 })).toBe("Reimert et al. 2024");
    expect(shortCite({ authors: ["Linfa contributors (Rust-ML working group)"], year: 2025 })).toBe("Linfa contributors 2025");
  });
});
