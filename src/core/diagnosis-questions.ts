// The built-in pre-diagnosis questionnaire (a dealer's default), in each language the
// customer pages speak. A dealer's config stores a question's `text` only (English for the
// built-in ones, as before); the public dealer view adds `texts` to a question that is
// still a built-in one as shipped (same id, same English text), so the pages can ask it
// in the customer's language. A dealer's own question, or a built-in one reworded, is
// asked as the dealer wrote it. Pure constants: the web bundles may import this file.

export interface QuestionTexts {
  en: string;
  it: string;
}

export const BUILT_IN_QUESTIONS: ReadonlyArray<{ id: string; texts: QuestionTexts; interventions: string[] }> = [
  {
    id: "since",
    texts: { en: "Since when does the problem occur?", it: "Da quando si presenta il problema?" },
    interventions: ["diagnosis"],
  },
  {
    id: "when",
    texts: {
      en: "When does it occur (cold engine, warm engine, braking, turning, at speed)?",
      it: "Quando si presenta (a motore freddo, a motore caldo, in frenata, in curva, ad alta velocità)?",
    },
    interventions: ["diagnosis"],
  },
  {
    id: "warning_lights",
    texts: { en: "Is a warning light on? Which one?", it: "È accesa una spia? Quale?" },
    interventions: ["diagnosis"],
  },
  {
    id: "noise",
    texts: {
      en: "Is there a noise, smell or vibration? Where from?",
      it: "Sente un rumore, un odore o una vibrazione? Da dove proviene?",
    },
    interventions: ["diagnosis"],
  },
];

/** A question's text in each language when it is a built-in one as shipped; null for a dealer's own. */
export function builtInTexts(q: { id: string; text: string }): QuestionTexts | null {
  const b = BUILT_IN_QUESTIONS.find((x) => x.id === q.id);
  return b && b.texts.en === q.text ? { ...b.texts } : null;
}
