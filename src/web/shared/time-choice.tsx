import { useEffect, useRef, useState } from "preact/hooks";
import { Alternatives } from "./alternatives.js";
import { DayChooser, type DayChooserLabels, type DayChooserSetup } from "./day-chooser.js";
import type { Problem } from "./problem.js";
import { problemSentence } from "./problem-sentence.js";
import type { Option } from "./types.js";

// Choosing a time for a visit, as both customer pages do it (the widget's WhenStep before
// its hold, the manage page before its reschedule): a refused time's alternatives, then
// the day chooser. A refusal is said in words, its alternatives offered, and the day
// reloaded without the time that was lost.

export type TimeChoiceLabels = DayChooserLabels & Record<"alternativesTitle" | "pickTime", string>;

export interface TimeChoiceSetup extends DayChooserSetup {
  labels: TimeChoiceLabels;
}

/** The alternatives a 409 carries (slot_unavailable, rule_violation); none otherwise. */
export const alternativesOf = (p: Problem): Option[] =>
  Array.isArray(p.alternatives) ? (p.alternatives as Option[]) : [];

export function useTimeChoice(
  setup: TimeChoiceSetup,
  /** A time chosen before; or a time lost since (the refusal said at once, its alternatives offered). */
  start: { chosen?: Option | null; lost?: { problem: Problem; alternatives: Option[] } | null } = {},
) {
  const { lost } = start;
  const [selected, setSelected] = useState<Option | null>(lost ? null : (start.chosen ?? null));
  const [error, setError] = useState<string | null>(
    lost ? problemSentence(lost.problem, setup.lang, setup.phone) : null,
  );
  // The refusal the chooser opened with is the step's: its opening says it (the widget's
  // live region, with the step and the alternatives), so it is no alert too. Any error
  // said since is one.
  const [opened, setOpened] = useState(!!lost);
  const say = (sentence: string | null) => {
    setOpened(false);
    setError(sentence);
  };
  const [alternatives, setAlternatives] = useState<Option[]>(lost?.alternatives ?? []);
  const [reload, setReload] = useState(0);
  // The day's times the list shows now (null while loading): a choice counts only while
  // the customer can see it chosen, there or among the alternatives.
  const [shown, setShown] = useState<Option[] | null>(null);
  // Refusals said since the chooser opened (not the one it opened with: that one is the
  // step's, whose heading takes focus).
  const [refusals, setRefusals] = useState(0);
  // Continue or Move pressed with no time chosen: counted, so the chooser takes the focus.
  const [unpicked, setUnpicked] = useState(0);
  return {
    ...setup,
    selected,
    setSelected,
    alternatives,
    error,
    /** The error is a new one, to say at once (an alert); not the one the chooser opened with. */
    errorIsNew: !opened,
    setError: say,
    reload,
    refusals,
    unpicked,
    setShown,
    /** The chosen time, or null with "please choose a time" said (also when none is shown chosen). */
    picked: () => {
      const visible = (list: Option[] | null) => !!selected && !!list?.some((o) => o.optionId === selected.optionId);
      if (selected && (visible(shown) || visible(alternatives))) return selected;
      setSelected(null);
      say(setup.labels.pickTime);
      setUnpicked((n) => n + 1);
      return null;
    },
    /** The chosen time was refused: say why, offer the refusal's alternatives, reload the day. */
    refused: (p: Problem) => {
      say(problemSentence(p, setup.lang, setup.phone));
      setAlternatives(alternativesOf(p));
      setSelected(null);
      setReload((n) => n + 1);
      setRefusals((n) => n + 1);
    },
  };
}

export type TimeChoice = ReturnType<typeof useTimeChoice>;

/**
 * The choice's controls; `intro` and `hint` are the widget's extra words, `initialDate` the
 * day to open on, `openFrom` the date from which the first free day is opened (the manage page's own day).
 */
export function TimeChooser({
  choice: c,
  intro,
  hint,
  initialDate,
  openFrom,
}: {
  choice: TimeChoice;
  intro?: string;
  hint?: string;
  initialDate?: string | null;
  openFrom?: string | null;
}) {
  // A refused time: focus goes to the first alternative (the error is said by its alert),
  // not left on the submit button, away from what there is to choose.
  const alts = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (c.refusals > 0) alts.current?.querySelector("input")?.focus();
  }, [c.refusals]);
  // No time chosen: focus goes to the first time, where the choice is made. Left on the
  // button at the foot of a long day, the keyboard user would not see "Please choose a time".
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (c.unpicked > 0) box.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }, [c.unpicked]);
  return (
    <div ref={box}>
      <div ref={alts}>
        <Alternatives
          options={c.alternatives}
          selected={c.selected}
          onSelect={c.setSelected}
          lang={c.lang}
          legend={c.labels.alternativesTitle}
          intro={intro}
          quiet={c.labels.quiet}
        />
      </div>
      {hint && <p class="pl-hint">{hint}</p>}
      <DayChooser
        api={c.api}
        source={c.source}
        lang={c.lang}
        labels={c.labels}
        announce={c.announce}
        current={c.current}
        phone={c.phone}
        fixFor={c.fixFor}
        selected={c.selected}
        onShown={c.setShown}
        onSelect={c.setSelected}
        onError={c.setError}
        reload={c.reload}
        initialDate={initialDate}
        openFrom={openFrom}
      />
    </div>
  );
}
