import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { restoreDatabase } from "../../scripts/restore.js";
import { type SpawnedServer, spawnServer } from "../support/server.js";
import { type DayBoard, json, withoutStaffFields } from "../support/contracts.js";
import { auth, book, booking, fetchApi, putDealer, romeDealer } from "../support/http.js";

// Backups: `npm run backup` copies the live database with SQLite's online backup API while
// the server keeps serving; `npm run restore` puts a backup in place (refusing while the
// server has the file open). Proof: book, back up, book again, restore into a new path,
// start a server there: the first booking is there exactly as it was, the second is not.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "pitlane-backup-"));
const servers: SpawnedServer[] = [];
afterAll(async () => {
  for (const s of servers.reverse()) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a script exactly as `npm run <name> -- <arg>` does (tsx), with DATABASE_PATH set. */
function run(script: "backup" | "restore", databasePath: string, arg?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...(arg ? [arg] : [])], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_PATH: databasePath },
    encoding: "utf8",
    timeout: 30_000,
  });
  return {
    code: r.status,
    out: r.stdout.trim() ? JSON.parse(r.stdout.trim().split("\n").pop()!) : null,
    err: r.stderr,
  };
}

describe("backup while serving, restore elsewhere", () => {
  it("restores exactly the bookings acknowledged before the backup", async () => {
    const live = await spawnServer({ dbPath: join(dir, "live", "scheduler.db"), env: { SEED_DEMO: "0" } });
    servers.push(live);
    const api = fetchApi(live.baseUrl);
    await putDealer(api, "rome", romeDealer());
    const kept = await book(api, "rome", booking({ start: "2026-11-24T10:00", advisorId: "anna" }));

    const backupPath = join(dir, "backups", "nightly.db");
    const backup = run("backup", live.dbPath, backupPath);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatchObject({ backup: backupPath, integrity: "ok", tables: { dealers: 1, appointments: 1 } });
    // A single self-contained file: no -wal to carry around.
    expect(existsSync(`${backupPath}-wal`)).toBe(false);

    // The server never noticed, and what happens after the backup is not in it.
    const later = await book(
      api,
      "rome",
      booking(
        { start: "2026-11-24T11:00", advisorId: "bruno" },
        { customer: { name: "Later", email: "later@example.com" } },
      ),
    );

    // Restoring over the LIVE database is refused, and changes nothing.
    const refused = run("restore", live.dbPath, backupPath);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/in use/);
    expect((await api("GET", `/v1/dealers/rome/appointments/${later.id}`, undefined, auth)).status).toBe(200);

    const restoredPath = join(dir, "restored", "scheduler.db");
    const restore = run("restore", restoredPath, backupPath);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toMatchObject({ restored: restoredPath, previous: null, integrity: "ok" });

    const twin = await spawnServer({ dbPath: restoredPath, env: { SEED_DEMO: "0" } });
    servers.push(twin);
    const api2 = fetchApi(twin.baseUrl);
    const res = await api2("GET", `/v1/dealers/rome/appointments/${kept.id}`, undefined, auth);
    expect(res.status).toBe(200);
    const { manageToken, ...view } = kept;
    expect(withoutStaffFields((await res.json()) as Record<string, unknown>)).toEqual(view);
    expect((await api2("GET", `/v1/manage/${manageToken}`)).status).toBe(200);
    expect((await api2("GET", `/v1/dealers/rome/appointments/${later.id}`, undefined, auth)).status).toBe(404);
    // The restored server's schedule knows the booking: its slot is taken.
    const again = await api2(
      "POST",
      "/v1/dealers/rome/appointments",
      booking(
        { start: "2026-11-24T10:00", advisorId: "anna" },
        { customer: { name: "Other", email: "o@example.com" } },
      ),
    );
    expect(again.status).toBe(409);
  }, 90_000);

  it("restores over a stopped server's database, keeping the replaced file", async () => {
    const source = join(dir, "live", "scheduler.db");
    const backupPath = join(dir, "backups", "nightly.db");
    await servers[0].stop(); // the live server: now stopped, its file free
    const r = await restoreDatabase(backupPath, source);
    expect(r.previous).toMatch(/scheduler\.db\.pre-restore-\d{8}T\d{6}Z$/);
    expect(existsSync(r.previous!)).toBe(true);
    expect(
      readdirSync(join(dir, "live"))
        .filter((f) => f.startsWith("scheduler.db"))
        .sort()[0],
    ).toBe("scheduler.db");
    const back = await spawnServer({ dbPath: source, env: { SEED_DEMO: "0" } });
    servers.push(back);
    const day = await json<DayBoard>(
      await fetchApi(back.baseUrl)("GET", "/v1/dealers/rome/days/2026-11-24", undefined, auth),
    );
    const starts = day.advisors.flatMap((a) => a.slots.filter((s) => s.kind === "reception").map((s) => s.start));
    expect(starts).toEqual(["2026-11-24T10:00:00+01:00"]);
  }, 60_000);
});
