// The authoring markup lessons may use, as lesson pages render it. The deck page
// maps the same names to its own variants (deck/deck-components.ts), so one MDX
// source gives both the lesson and the slides.
import LessonOnly from "./LessonOnly.astro";
import SlideOnly from "./SlideOnly.astro";
import Notes from "./Notes.astro";
import SlideBreak from "./SlideBreak.astro";

export const lessonMarkup = { LessonOnly, SlideOnly, Notes, SlideBreak };
