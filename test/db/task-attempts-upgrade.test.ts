import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DESK_TASK_KINDS } from "../../src/core/message-kinds.js";
import { MIGRATIONS_FOLDER, prepareDatabase } from "../../src/db/open.js";
import { openTasks } from "../../src/db/repos/task-attempts.js";
import { migrate, type Journal } from "../../src/worker/migrate.js";

// Migration 0015 adds task_attempts and the outbox's partial index of desk tasks. A file
// written before it (every migration up to 0014, with a task in its outbox) opens with
// both, loses nothing, and its task is open.

const dir = mkdtempSync(join(tmpdir(), "pitlane-tasks-upgrade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;
const before = { entries: journal.entries.filter((e) => e.idx < 15) };
const files = Object.fromEntries(
  before.entries.map((e) => [e.tag, readFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), "utf8")]),
);
const named = (db: Database.Database) =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE name IN ('task_attempts', 'outbox_desk_tasks_idx') ORDER BY name")
    .all();

describe("migration 0015 (task attempts)", () => {
  it("upgrades a database written before it", () => {
    const path = join(dir, "old.db");
    const old = new Database(path);
    migrate(old, before, files);
    old.prepare("INSERT INTO dealers (id, config_json, version, updated_at) VALUES ('d', '{}', 1, 'x')").run();
    old
      .prepare(
        `INSERT INTO outbox (id, dealer_id, kind, audience, channel, locale, body_json, dedupe_id, status, next_attempt_at, created_at)
         VALUES ('m', 'd', 'no_show_task', 'staff', 'staff', 'en', '{"subject":"Call"}', 'no_show_task:a', 'delivered', 0, 'x')`,
      )
      .run();
    expect(named(old)).toEqual([]);
    old.close();
    const db = new Database(path);
    prepareDatabase(db);
    expect(named(db)).toEqual([{ name: "outbox_desk_tasks_idx" }, { name: "task_attempts" }]);
    expect(openTasks(db, "d", 10).map((k) => [k.id, k.subject])).toEqual([["m", "Call"]]);
    db.close();
  });

  it("closes the tasks raised more than 7 days before it (nothing could close them), keeps the last week's open", () => {
    const path = join(dir, "backlog.db");
    const old = new Database(path);
    migrate(old, before, files);
    old.prepare("INSERT INTO dealers (id, config_json, version, updated_at) VALUES ('d', '{}', 1, 'x')").run();
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const task = old.prepare(
      `INSERT INTO outbox (id, dealer_id, kind, audience, channel, locale, body_json, dedupe_id, status, next_attempt_at, created_at)
       VALUES (?, 'd', ?, 'staff', 'staff', 'en', '{"subject":"Call"}', ?, 'delivered', 0, ?)`,
    );
    task.run("two-years", "follow_up_call", "fu:1", ago(730));
    task.run("eight-days", "no_show_task", "ns:1", ago(8));
    task.run("yesterday", "car_ready_call", "cr:1", ago(1));
    task.run("notice", "supervisor_notice", "sn:1", ago(30)); // not a desk task: untouched
    old.close();
    const db = new Database(path);
    prepareDatabase(db);
    expect(openTasks(db, "d", 10).map((k) => k.id)).toEqual(["yesterday"]);
    expect(db.prepare("SELECT message_id, outcome, by_label FROM task_attempts ORDER BY message_id").all()).toEqual([
      { message_id: "eight-days", outcome: "not_needed", by_label: "Pitlane (upgrade)" },
      { message_id: "two-years", outcome: "not_needed", by_label: "Pitlane (upgrade)" },
    ]);
    expect(db.prepare("SELECT id FROM outbox WHERE task_closed_at IS NOT NULL ORDER BY id").all()).toEqual([
      { id: "eight-days" },
      { id: "two-years" },
    ]);
    db.close();
  });
});

describe("the outbox's index of desk tasks", () => {
  it("lists exactly DESK_TASK_KINDS (the repository's query must match it word for word)", () => {
    const db = new Database(join(dir, "kinds.db"));
    prepareDatabase(db);
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'outbox_desk_tasks_idx'").get() as {
      sql: string;
    };
    const kinds = [...sql.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).filter((k) => k !== "staff" && k !== "withdrawn");
    expect(kinds.sort()).toEqual([...DESK_TASK_KINDS].sort());
    db.close();
  });
});
