// What each component name in a lesson's MDX renders as in its slide deck. Keep
// the names in step with the lesson page's `components`: a name missing here
// fails the deck's build with MDX's "Expected component … to be defined".
import SourceCode from "../SourceCode.astro";
import Callout from "../Callout.astro";
import Quiz from "../Quiz.astro";
import Crate from "../Crate.astro";
import BridgeTiming from "../BridgeTiming.astro";
import CapstonePipeline from "../CapstonePipeline.astro";
import BenchTimes from "../BenchTimes.astro";
import Dropped from "./Dropped.astro";
import Kept from "./Kept.astro";
import DeckNotes from "./DeckNotes.astro";
import DeckSlideBreak from "./DeckSlideBreak.astro";
import DeckTriptych from "./DeckTriptych.astro";
import DeckDrillSet from "./DeckDrillSet.astro";

export const deckComponents = {
  TaskTriptych: DeckTriptych,
  SourceCode,
  Callout,
  DrillSet: DeckDrillSet,
  Quiz,
  Crate,
  BridgeTiming,
  CapstonePipeline,
  BenchTimes,
  LessonOnly: Dropped,
  SlideOnly: Kept,
  Notes: DeckNotes,
  SlideBreak: DeckSlideBreak,
};
