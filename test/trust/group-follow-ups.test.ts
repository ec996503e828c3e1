import { afterEach, describe, expect, it } from "vitest";
import { auth, createTestApp, type TestApp } from "../support/app.js";
import { type Api, booking, putDealer, romeDealer } from "../support/http.js";
import { supervisorNotices, toldSupervisor } from "../support/supervisor.js";

// A booking's timers and supervisor's notice are written after its group's last booking,
// in the group's transaction (book.ts, db/tx.ts afterGroupWrites): outside each booking's
// savepoint, which would copy the pages they touch once per booking (issue 17); the
// supervisor hears of a group's bookings in one notice (journey/supervisor-notice.ts). TEMP
// triggers count the appointments stored when each timer and notice row goes in: with the
// follow-ups deferred, every count is a group's end, never a booking in the middle of one.

let t: TestApp | undefined;
afterEach(() => t?.close());

const ADVISORS = Array.from({ length: 8 }, (_, i) => ({ id: `sa-${i}`, name: `Advisor ${i}` }));

describe("a group of bookings", () => {
  it("writes each booking's timers and notice after the group's last booking, and all of them", async () => {
    const groups: number[] = [];
    t = createTestApp({ deps: { groupCommit: { onGroup: (n) => groups.push(n) } } });
    const api: Api = async (...args) => t!.json(...args);
    await putDealer(api, "follow", romeDealer({ advisors: ADVISORS }));
    const count = "(SELECT count(*) FROM appointments WHERE dealer_id = 'follow')";
    t.sqlite.exec(
      `CREATE TEMP TABLE seen (tbl TEXT, n INTEGER);
       CREATE TEMP TRIGGER jobs_seen AFTER INSERT ON jobs BEGIN INSERT INTO seen VALUES ('jobs', ${count}); END;
       CREATE TEMP TRIGGER outbox_seen AFTER INSERT ON outbox BEGIN INSERT INTO seen VALUES ('outbox', ${count}); END;`,
    );
    // Far enough ahead for a reminder: the timer a booking writes (derived-timers.ts).
    const bodies = ADVISORS.map((a, i) =>
      booking(
        { start: "2026-11-26T10:00", advisorId: a.id },
        {
          vehicle: { model: "Grecale", vin: `ZN6FUPS${String(i).padStart(10, "0")}` },
          interventions: ["tyres"],
          customer: {
            known: true,
            name: `Follow ${i}`,
            email: `follow-${i}@example.com`,
            reminders: { consent: true, channel: "email" },
          },
        },
      ),
    );
    const answers = await Promise.all(bodies.map((b) => api("POST", "/v1/dealers/follow/appointments", b)));
    expect(answers.map((r) => r.status)).toEqual(bodies.map(() => 201));
    expect(groups.some((n) => n > 1)).toBe(true);

    // Each timer and notice row went in when the appointments stored were exactly those of whole groups.
    const ends = new Set(groups.map((_, i) => groups.slice(0, i + 1).reduce((a, b) => a + b, 0)));
    const seen = t.sqlite.prepare("SELECT tbl, n FROM seen").all() as Array<{ tbl: string; n: number }>;
    expect(new Set(seen.map((r) => r.tbl))).toEqual(new Set(["jobs", "outbox"]));
    for (const r of seen) expect(ends, `${r.tbl} row written among ${r.n} appointments`).toContain(r.n);
    // And nothing was left out: every booking has its timers and its notice.
    const owners = (table: string) =>
      new Set(
        (
          t!.sqlite
            .prepare(`SELECT DISTINCT appointment_id AS id FROM ${table} WHERE dealer_id = 'follow'`)
            .all() as Array<{ id: string }>
        ).map((r) => r.id),
      );
    const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(owners("jobs")).toEqual(ids);
    // Told to the supervisor once each, the bookings of a group in one notice with a line each.
    expect(toldSupervisor(t.sqlite, "follow")).toEqual([...ids].sort());
    const notices = supervisorNotices(t.sqlite, "follow");
    expect(notices.length).toBeLessThan(ids.size);
    for (const n of notices.filter((x) => x.told.length > 1)) {
      expect(n.appointmentId).toBeNull();
      expect(n.subject).toBe(`${n.told.length} nuove prenotazioni: riservare una postazione per ciascuna`);
      expect(n.text.split("\n")).toEqual(
        n.told.map(() => expect.stringMatching(/^Nuova prenotazione per .*Riservare una postazione\.$/)),
      );
    }
  });

  it("tells each dealer's supervisor of its own bookings only, a line each, with the labour they hold", async () => {
    const groups: number[] = [];
    t = createTestApp({ deps: { groupCommit: { onGroup: (n) => groups.push(n) } } });
    const api: Api = async (...args) => t!.json(...args);
    for (const d of ["north", "south"]) await putDealer(api, d, romeDealer({ advisors: ADVISORS }));
    const body = (d: string, i: number) =>
      booking(
        { start: "2026-11-26T10:00", advisorId: ADVISORS[i].id },
        {
          vehicle: { model: "Grecale", vin: `ZN6${d === "north" ? "N" : "S"}UPS${String(i).padStart(10, "0")}` },
          interventions: ["tyres"],
          customer: { known: true, name: `${d} ${i}`, email: `${d}-${i}@example.com` },
        },
      );
    const sent = ["north", "south"].flatMap((d) => ADVISORS.map((_, i) => ({ d, i })));
    const answers = await Promise.all(sent.map(({ d, i }) => api("POST", `/v1/dealers/${d}/appointments`, body(d, i))));
    expect(answers.map((r) => r.status)).toEqual(sent.map(() => 201));
    expect(groups.some((n) => n > 1)).toBe(true);
    const ids = await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id));
    const advisorOf = new Map(sent.map(({ i }, k) => [ids[k], `Advisor ${i}`]));
    for (const d of ["north", "south"]) {
      const own = ids.filter((_, k) => sent[k].d === d);
      expect(toldSupervisor(t.sqlite, d)).toEqual([...own].sort());
      for (const n of supervisorNotices(t.sqlite, d)) {
        // Each line is its own booking's (its advisor), in the order told.
        const lines = n.text.split("\n");
        expect(lines.map((l, k) => l.includes(advisorOf.get(n.told[k])!))).toEqual(n.told.map(() => true));
        // The labour the notice asks a bay for: the sum of its bookings'.
        const data = JSON.parse(
          (
            t.sqlite
              .prepare(
                "SELECT body_json FROM outbox WHERE kind = 'supervisor_notice' AND dealer_id = ? AND body_json LIKE ?",
              )
              .get(d, `%${n.told[0]}%`) as { body_json: string }
          ).body_json,
        ).data as { labourHours: Record<string, number>; bookings?: Array<{ labourHours: Record<string, number> }> };
        const hours = (data.bookings ?? [data]).reduce(
          (a, b) => a + Object.values(b.labourHours).reduce((x, y) => x + y, 0),
          0,
        );
        expect(Object.values(data.labourHours).reduce((x, y) => x + y, 0)).toBeCloseTo(hours);
        expect(hours).toBeGreaterThan(0);
      }
      // The messages list names a group notice's bookings (the board lists it on their days).
      const listed = (
        (await (await api("GET", `/v1/dealers/${d}/messages?limit=500`, undefined, auth)).json()) as {
          messages: Array<{ kind: string; appointmentId: string | null; bookings: string[] | null }>;
        }
      ).messages.filter((m) => m.kind === "supervisor_notice");
      expect(listed.some((m) => m.bookings !== null)).toBe(true);
      for (const m of listed)
        expect(m.bookings ?? [m.appointmentId]).toEqual(expect.arrayContaining([expect.any(String)]));
      expect(listed.flatMap((m) => m.bookings ?? [m.appointmentId]).sort()).toEqual([...own].sort());
      // Asked about one booking, the list gives its notice, whether its own or its group's.
      for (const id of own) {
        const about = (
          (await (
            await api("GET", `/v1/dealers/${d}/messages?appointmentId=${id}&limit=500`, undefined, auth)
          ).json()) as { messages: Array<{ kind: string; appointmentId: string | null; bookings: string[] | null }> }
        ).messages;
        const told = about.filter((m) => m.kind === "supervisor_notice");
        expect(told.map((m) => m.bookings ?? [m.appointmentId])).toEqual([expect.arrayContaining([id])]);
        expect(about.every((m) => m.appointmentId === id || m.bookings?.includes(id))).toBe(true);
      }
    }
    // Another dealer's booking is not about this dealer's notices.
    const southId = ids[sent.findIndex((s) => s.d === "south")];
    const crossed = (await (
      await api("GET", `/v1/dealers/north/messages?appointmentId=${southId}`, undefined, auth)
    ).json()) as { messages: unknown[] };
    expect(crossed.messages).toEqual([]);
  });
});
