import { DurableObject } from "cloudflare:workers";

// The one piece of global state: WHICH dealers exist, for operations that must visit all
// of them (today only POST /v1/admin/tick). Nothing on a customer's or an advisor's path
// reads it: each dealer's own Durable Object answers whether it exists, and its API keys
// live with it. So a single object (Cloudflare's guidance: avoid one global object on the
// hot path; fine for a rarely touched coordinator) with strongly consistent SQLite, rather
// than KV (eventually consistent for up to ~60 s) or D1 (a second database to provision
// for one table).

export const DIRECTORY_NAME = "directory";

export class DealerDirectory extends DurableObject<unknown> {
  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS dealers (id TEXT PRIMARY KEY, registered_at TEXT NOT NULL)");
  }

  /**
   * Idempotent: a dealer's object calls it after every successful PUT of its config.
   * `atMs` is the dealer's app clock (SCHEDULER_NOW when set), not this object's wall clock.
   */
  register(dealerId: string, atMs: number): void {
    this.ctx.storage.sql.exec(
      "INSERT OR IGNORE INTO dealers (id, registered_at) VALUES (?, ?)",
      dealerId,
      new Date(atMs).toISOString(),
    );
  }

  list(): string[] {
    return this.ctx.storage.sql
      .exec<{ id: string }>("SELECT id FROM dealers ORDER BY id")
      .toArray()
      .map((r) => r.id);
  }
}
