import type { Dealer } from "../../core/dealer.js";
import type { SqliteHandle } from "../../db/sqlite-handle.js";
import type { BookingFile, BookingRequest } from "../contracts.js";
import { invalid } from "../errors.js";
import { openCampaignsFor } from "../../db/repos/campaigns.js";

// The booking file: what the reception needs beyond the slot. The request text itself
// stays verbatim in appointments.request_text; here go the pre-diagnosis answers (with
// the question as it was asked), open campaigns for the VIN, the service contract and
// who attends reception.

/**
 * `customerSaid`: a public booking (anonymous, or a client app's key). Its service contract
 * is the customer's word, not a fact the dealer checked: kept as `declaredBy: "customer"`,
 * so the desk verifies it before anything rests on it. Staff enter what they checked.
 */
export function bookingFile(
  sqlite: SqliteHandle,
  dealer: Dealer,
  req: BookingRequest,
  customerSaid: boolean,
): BookingFile {
  const questions = new Map(dealer.config.questionnaire.map((q) => [q.id, q]));
  const questionnaire: BookingFile["questionnaire"] = [];
  for (const [id, answer] of Object.entries(req.questionnaire ?? {})) {
    const q = questions.get(id);
    if (!q) throw invalid(`questionnaire.${id}`, "not a question of this dealer's questionnaire");
    questionnaire.push({ id, question: q.text, answer });
  }
  return {
    questionnaire,
    campaigns: req.vehicle.vin ? openCampaignsFor(sqlite, dealer.id, req.vehicle.vin) : [],
    serviceContract: req.serviceContract
      ? { ...req.serviceContract, declaredBy: customerSaid ? "customer" : "staff" }
      : null,
    attendance: req.attendance ?? null,
  };
}
