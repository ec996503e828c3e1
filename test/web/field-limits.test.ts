import { describe, expect, it } from "vitest";
import { FIELD_MAX } from "../../src/core/field-limits.js";
import { PutVehicleRequest } from "../../src/routes/vehicles/schemas.js";
import { BookingRequest } from "../../src/scheduler/contracts.js";

// The customer pages put FIELD_MAX on their inputs as maxLength; the API's schemas must take
// exactly that much and refuse one character more, or a customer could type what a later
// step is refused for (or be stopped short of what the API takes).

const base = {
  optionId: "o",
  vehicle: { model: "Grecale" },
  interventions: ["maintenance"],
  customer: { name: "Anna" },
};
type Body = typeof base & Record<string, unknown>;
const email = (n: number) => `${"a".repeat(n - "@example.com".length)}@example.com`;
const phone = (n: number) => `+${"3".repeat(n - 1)}`;

const fields: Array<[keyof typeof FIELD_MAX, (n: number) => Body]> = [
  ["model", (n) => ({ ...base, vehicle: { model: "M".repeat(n) } })],
  ["plate", (n) => ({ ...base, vehicle: { model: "Grecale", plate: "P".repeat(n) } })],
  ["name", (n) => ({ ...base, customer: { name: "N".repeat(n) } })],
  ["email", (n) => ({ ...base, customer: { name: "Anna", email: email(n) } })],
  ["phone", (n) => ({ ...base, customer: { name: "Anna", phone: phone(n) } })],
  ["request", (n) => ({ ...base, request: "r".repeat(n) })],
  ["answer", (n) => ({ ...base, questionnaire: { since: "a".repeat(n) } })],
];

describe("the fields' lengths (core/field-limits.ts) are the booking schema's", () => {
  it.each(fields)("%s: the maximum is taken, one more is refused", (field, body) => {
    const max = FIELD_MAX[field];
    expect(BookingRequest.safeParse(body(max)).success).toBe(true);
    expect(BookingRequest.safeParse(body(max + 1)).success).toBe(false);
  });

  it("vin: exactly 17", () => {
    const vin = (n: number) => ({ ...base, vehicle: { model: "Grecale", vin: "ZN6XXXXXXXX000001".padEnd(n, "1") } });
    expect(BookingRequest.safeParse(vin(FIELD_MAX.vin)).success).toBe(true);
    expect(BookingRequest.safeParse(vin(FIELD_MAX.vin + 1)).success).toBe(false);
  });

  it("and the vehicle registry's", () => {
    const put = (model: string, plate?: string) => PutVehicleRequest.safeParse({ model, priority: true, plate });
    expect(put("M".repeat(FIELD_MAX.model), "P".repeat(FIELD_MAX.plate)).success).toBe(true);
    expect(put("M".repeat(FIELD_MAX.model + 1)).success).toBe(false);
    expect(put("MC20", "P".repeat(FIELD_MAX.plate + 1)).success).toBe(false);
  });
});
