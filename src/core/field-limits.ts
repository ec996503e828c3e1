// The longest value the API takes for each free-text field a customer types, defined once:
// the zod schemas (scheduler/contracts.ts, routes/vehicles/schemas.ts) validate with them,
// and the customer pages (src/web) put them on their inputs as maxLength, so a customer can
// never type what the API would refuse two steps later. Lengths in UTF-16 code units, as
// both zod's .max() and the browser's maxLength count them.

export const FIELD_MAX = {
  /** vehicle.model */
  model: 60,
  /** vehicle.plate */
  plate: 20,
  /** vehicle.vin: exactly 17 (ISO 3779). */
  vin: 17,
  /** customer.name */
  name: 120,
  /** customer.email */
  email: 200,
  /** customer.phone: "+" and up to 24 digits, spaces, brackets or dashes. */
  phone: 25,
  /** The request in the customer's own words. */
  request: 2000,
  /** One pre-diagnosis answer. */
  answer: 1000,
} as const;
