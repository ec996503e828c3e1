import { describe, expect, it } from "vitest";
import { isWrite } from "../../src/api/middleware/writer-unavailable.js";

// Which requests a cluster worker sends to the writer process (node/writer.ts): anything
// that may write; the searches (POST, but reads of the in-memory index) stay where they land.

describe("isWrite", () => {
  it.each([
    ["POST", "/v1/dealers/demo/availability", false],
    ["POST", "/v1/dealers/demo/availability/calendar", false],
    ["POST", "/v1/dealers/demo/availability/day", false],
    ["POST", "/v1/manage/tok_abc/availability/calendar", false],
    ["POST", "/v1/manage/tok_abc/availability/day", false],
    ["GET", "/v1/dealers/demo/appointments/x", false],
    ["POST", "/v1/dealers/demo/appointments", true],
    ["POST", "/v1/manage/tok_abc/reschedule", true],
    ["POST", "/v1/dealers/demo/availability/holds", true],
    ["POST", "/v1/dealers/demo/availability/calendar/x", true],
    ["PATCH", "/v1/dealers/demo/appointments/x", true],
  ] as const)("%s %s → %s", (method, path, write) => {
    expect(isWrite(method, path)).toBe(write);
  });
});
