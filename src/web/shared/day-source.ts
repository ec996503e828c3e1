import type { Announce } from "./announcer.js";
import type { DayChooserLabels } from "./day-labels.js";
import type { Lang } from "./i18n.js";
import type { Option } from "./types.js";

// What a day chooser is given (day-chooser.tsx), and so what its loading needs
// (day-loading.ts): whose days, for which visit, in which words, and whom to tell what came.

/**
 * Where the days come from: `${path}/availability/calendar` and `…/day`, each asked with
 * `body` besides the dates. The widget asks the dealer about its visit
 * (`/v1/dealers/{id}`, the visit); the manage page asks about the appointment itself
 * (`/v1/manage/{token}`, nothing more: the server knows its job).
 */
export interface DaySource {
  path: string;
  body: object;
  /**
   * A call the days wait for: the widget's hold, given back on the way here. Until it is,
   * the time it held is not free, and would be missing from the list or offered with
   * another advisor (another optionId), so the time chosen before would not show chosen.
   */
  after?: Promise<unknown>;
}

/** Whose days, for which visit, in which words, announced how. */
export interface DaySetup {
  api: string;
  source: DaySource;
  lang: Lang;
  labels: DayChooserLabels;
  /** The first day's times follow the step's opening (spoken.ts); any later day's are said alone. */
  announce: Announce;
  /** A start not to offer: the appointment's own time, when moving it (the manage page). */
  current?: string;
  /** The dealer's number, said where a sentence asks the customer to call. */
  phone?: string;
}

/** What to load, and whom to tell what came. */
export interface DayLoading extends DaySetup {
  /** The times listed now, null while a day loads. */
  onShown?: (options: Option[] | null) => void;
  /** A refused call said in words; null when it is tried again. */
  onError: (sentence: string | null) => void;
  /** Bumped to reload the day (after a refusal: the taken time disappears). */
  reload: number;
  /** The day to open on (a time chosen before); default the first free day. */
  initialDate?: string | null;
  /** Open on the first free day from this date on (the appointment's own day, when moving it). */
  openFrom?: string | null;
}
