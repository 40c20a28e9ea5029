// The markup lesson authors use to shape a module's slide deck, as lesson pages
// render it. The deck page (/slides/<module>/) maps the same names to its own
// variants (deck/deck-components.ts), so one MDX source gives both.
//
//   ## Section            → a slide; `### Sub` inside it → a sub-slide below (↓)
//   <Notes minutes={5}>   → speaker notes for the slide it sits on (S opens the
//   What to say…            speaker view); minutes feed its pacing timer.
//   </Notes>                Hidden in the lesson.
//   <LessonOnly>…</LessonOnly> → in the lesson, not on the slides; wrap a whole
//                           `##` section, heading included, to drop its slide.
//   <SlideOnly>…</SlideOnly>   → on the slides only (a terse version of prose).
//   <SlideBreak />         → continue the section on a new sub-slide.
//
// The build check (tests/e2e/slides-build.test.ts) holds every heading outside
// <LessonOnly> to being a slide.
import LessonOnly from "./LessonOnly.astro";
import SlideOnly from "./SlideOnly.astro";
import Notes from "./Notes.astro";
import SlideBreak from "./SlideBreak.astro";

export const lessonMarkup = { LessonOnly, SlideOnly, Notes, SlideBreak };
