import { serve } from "@hono/node-server";
import { Hono } from "hono";
const app = new Hono();
const pad = Array.from({ length: 3 }, (_, i) => ({ optionId: "b1.sa-0" + i + ".x".repeat(30), start: "2026-11-24T10:15:00+01:00", end: "2026-11-24T10:30:00+01:00", advisorId: "sa-01", advisorName: "Anna Rossi", receptionMinutes: 15, readyAt: "2026-11-24T16:30:00+01:00", return: { start: "2026-11-24T17:15:00+01:00", end: "2026-11-24T17:25:00+01:00", advisorId: "sa-01", minutes: 10 }, quiet: true, express: false, mobility: "none" }));
app.post("/x", async (c) => { const b = await c.req.json(); return c.json({ dealerId: "bench", timeZone: "Europe/Rome", b, options: pad }); });
serve({ fetch: app.fetch, port: 18183, hostname: "127.0.0.1" });
