import { FIELD_MAX } from "../../core/field-limits.js";
import type { Lang } from "../shared/i18n.js";
import type { DealerInfo } from "../shared/types.js";
import { TextField } from "./fields.js";
import type { StepProps } from "./step-props.js";

// The dealer's pre-diagnosis questions on the details step (contact-step.tsx): only those
// for the services chosen, each a text field whose answer is sent as typed (the empty
// ones are left out of the booking, booking.ts). A refused answer is said at its field.
// Trap: the answers outlive the questions (kept for Back, should the customer choose the
// service again); only those to the questions asked may be sent (`questionsFor`).

/** The dealer's questions asked for these services. */
export function questionsFor(dealer: DealerInfo, interventions: string[]) {
  return dealer.questionnaire.filter((q) => q.interventions.some((i) => interventions.includes(i)));
}

interface Props {
  t: StepProps["t"];
  lang: Lang;
  dealer: DealerInfo;
  /** The services chosen: a question is asked when it is for one of them. */
  interventions: string[];
  answers: Record<string, string>;
  onAnswer: (id: string, answer: string) => void;
  /** The error said at a question, by its id. */
  errorAt: (id: string) => string | null;
}

export function QuestionsField({ t, lang, dealer, interventions, answers, onAnswer, errorAt }: Props) {
  const questions = questionsFor(dealer, interventions);
  if (questions.length === 0) return null;
  return (
    <fieldset>
      <legend>{t("questionsLegend")}</legend>
      {questions.map((q) => (
        <TextField
          key={q.id}
          id={`pl-q-${q.id}`}
          // The built-in questions come in both languages; a dealer's own as written.
          label={q.texts?.[lang] ?? q.text}
          maxLength={FIELD_MAX.answer}
          error={errorAt(q.id)}
          value={answers[q.id] ?? ""}
          onValue={(answer) => onAnswer(q.id, answer)}
        />
      ))}
    </fieldset>
  );
}
