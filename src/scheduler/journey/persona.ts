import type { Customer, Persona } from "../contracts.js";

// The customer's persona (Unique, Performance, Appearance, Excitement): from the CRM when
// the booking names it, otherwise assessed from four 0-5 answers. Pure.

const ORDER: Persona[] = ["unique", "performance", "appearance", "excitement"];

export function assessPersona(answers: NonNullable<Customer["personaAnswers"]>): Persona {
  // Highest score wins; ties go to the earlier persona in ORDER (deterministic).
  let best: Persona = ORDER[0];
  for (const p of ORDER) if (answers[p] > answers[best]) best = p;
  return best;
}

export function personaOf(
  c: Pick<Customer, "persona" | "personaAnswers">,
): { persona: Persona; source: "crm" | "assessed" } | null {
  if (c.persona) return { persona: c.persona, source: "crm" };
  if (c.personaAnswers) return { persona: assessPersona(c.personaAnswers), source: "assessed" };
  return null;
}
