import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { type AppointmentView, json } from "../support/contracts.js";
import { booking } from "../support/http.js";
import { ARTIFACTS_DIR, axeViolations } from "../support/browser.js";
import { admin, DAY, signedInPage, useBoardWorld } from "../support/board.js";

// The supervisor's notice of bookings committed together (journey/supervisor-notice.ts)
// names no one appointment: the Messages panel says how many bookings it is about and
// which of them are on the shown day, in the desk's words.

const bw = useBoardWorld();

async function book(time: string, advisorId: string, name: string) {
  const res = await bw.world.api(
    "POST",
    "/v1/dealers/demo/appointments",
    booking(
      { start: `${DAY}T${time}`, advisorId },
      { customer: { known: true, name, email: `${advisorId}@example.com` } },
    ),
    admin,
  );
  if (res.status !== 201) throw new Error(`booking ${time}: ${res.status} ${await res.text()}`);
  return json<AppointmentView>(res);
}

/** The notice a group commit writes for these bookings (the server's own row shape; a storm is not needed to test the page). */
function groupNotice(ids: string[]) {
  const db = new Database(bw.world.server.dbPath);
  try {
    db.prepare(
      "INSERT INTO outbox (id, dealer_id, appointment_id, kind, audience, channel, locale, recipient_ref, body_json, dedupe_id, status, attempts, next_attempt_at, created_at, transport) VALUES (?, 'demo', NULL, 'supervisor_notice', 'staff', 'staff', 'it', 'supervisor', ?, ?, 'delivered', 1, 0, ?, 'webhook')",
    ).run(
      "01a24c00-0000-7000-8000-000000000001",
      JSON.stringify({
        subject: `${ids.length} nuove prenotazioni: riservare una postazione per ciascuna`,
        text: ids.map((id) => `Nuova prenotazione ${id}`).join("\n"),
        data: { labourHours: {}, bookings: ids.map((appointmentId) => ({ appointmentId, text: "", labourHours: {} })) },
      }),
      `supervisor_notice:group:${ids[0]}`,
      "2026-11-23T09:00:00.000Z",
    );
  } finally {
    db.close();
  }
}

describe("a notice about several bookings", () => {
  it("says how many, names those of the day in the desk's words, and is listed on their day; axe-clean; in Italian too", async () => {
    const a = await book("11:00", "marco", "Carla Gruppo");
    const b = await book("11:00", "giulia", "Dario Gruppo");
    groupNotice([a.id, b.id, "01a24c00-0000-7000-8000-0000000000ff"]); // the third booked on another day
    const page = await signedInPage(bw.browser, bw.world);
    const panel = page.getByRole("region", { name: "Messages" });
    const group = panel.locator("li[data-message]").filter({ hasText: "About 3 bookings" });
    await group.waitFor();
    const words = await group.innerText();
    expect(words).toContain("Notice to the supervisor");
    expect(words).toContain("11:00 · Carla Gruppo");
    expect(words).toContain("11:00 · Dario Gruppo");
    expect(await axeViolations(page)).toEqual([]);
    await group.screenshot({ path: `${ARTIFACTS_DIR}board-group-notice-en.png` });
    await page.context().close();

    // In Italian, the same.
    const pagina = await signedInPage(bw.browser, bw.world, "it");
    const gruppo = pagina
      .getByRole("region", { name: "Messaggi" })
      .locator("li[data-message]")
      .filter({ hasText: "Riguarda 3 prenotazioni" });
    await gruppo.waitFor();
    expect(await gruppo.innerText()).toContain("Avviso al responsabile");
    await gruppo.screenshot({ path: `${ARTIFACTS_DIR}board-group-notice-it.png` });
    await pagina.context().close();
  });
});
