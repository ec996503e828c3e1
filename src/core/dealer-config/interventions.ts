import { z } from "../../lib/zod.js";
import { BUILT_IN_QUESTIONS } from "../diagnosis-questions.js";
import { Id } from "../primitives.js";

// What a customer books (DealerConfig.interventions, questionnaire): the catalogue of
// interventions, each with its desk minutes, labour and skill, and the pre-diagnosis
// questions asked when a booking names one of them.

export const Intervention = z
  .object({
    label: z.string().max(120).optional(),
    receptionMinutes: z.union([z.literal(15), z.literal(30)]),
    returnMinutes: z.number().int().min(10).max(15),
    labourHours: z.number().min(0).max(200),
    skill: Id,
  })
  .strict();
export type Intervention = z.infer<typeof Intervention>;

export const DEFAULT_INTERVENTIONS: Record<string, Intervention> = {
  service: {
    label: "Scheduled service",
    receptionMinutes: 15,
    returnMinutes: 10,
    labourHours: 2.5,
    skill: "mechanical",
  },
  maintenance: { label: "Maintenance", receptionMinutes: 15, returnMinutes: 10, labourHours: 2, skill: "mechanical" },
  diagnosis: {
    label: "Diagnosis of a fault",
    receptionMinutes: 30,
    returnMinutes: 15,
    labourHours: 1.5,
    skill: "diagnosis",
  },
  bodywork: { label: "Bodywork repair", receptionMinutes: 30, returnMinutes: 15, labourHours: 12, skill: "bodywork" },
  tyres: { label: "Tyre change", receptionMinutes: 15, returnMinutes: 10, labourHours: 1, skill: "mechanical" },
  recall: { label: "Recall campaign", receptionMinutes: 15, returnMinutes: 10, labourHours: 1, skill: "mechanical" },
};

/** One pre-diagnosis question, asked when the booking names one of `interventions`. */
export const DiagnosisQuestion = z
  .object({
    id: Id,
    text: z.string().min(1).max(300),
    interventions: z.array(Id).max(50).default(["diagnosis"]),
  })
  .strict();
export type DiagnosisQuestion = z.infer<typeof DiagnosisQuestion>;

/** The built-in questions (core/diagnosis-questions.ts), stored in English as they always were. */
export const DEFAULT_QUESTIONNAIRE: DiagnosisQuestion[] = BUILT_IN_QUESTIONS.map((q) => ({
  id: q.id,
  text: q.texts.en,
  interventions: [...q.interventions],
}));
