import { stmt as prepared } from "../prepared.js";
import type { SqliteHandle, SqliteStatement } from "../sqlite-handle.js";

// The advisors' page sessions (schema.ts boardSessions): rows are keyed by the sha256 of
// the cookie's secret. Every statement is prepared once per connection. Instants are
// epoch ms of the real clock (api/board-session.ts says why).

export interface BoardSessionRow {
  idHash: string;
  dealerId: string;
  kind: "root" | "key";
  keyId: string | null;
  role: string;
  credentialHash: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

const SQL = {
  insert: `INSERT INTO board_sessions (id_hash, dealer_id, kind, key_id, role, credential_hash, created_at, last_seen_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  find: `SELECT id_hash AS idHash, dealer_id AS dealerId, kind, key_id AS keyId, role, credential_hash AS credentialHash,
                created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt
           FROM board_sessions WHERE id_hash = ?`,
  touch: "UPDATE board_sessions SET last_seen_at = ? WHERE id_hash = ?",
  remove: "DELETE FROM board_sessions WHERE id_hash = ?",
  purge: "DELETE FROM board_sessions WHERE expires_at <= ?",
  keyAlive: "SELECT 1 AS ok FROM api_keys WHERE id = ? AND secret_hash = ? AND revoked_at IS NULL",
} as const;

const stmt = (sqlite: SqliteHandle, name: keyof typeof SQL): SqliteStatement => prepared(sqlite, SQL[name]);

export function insertBoardSession(sqlite: SqliteHandle, row: BoardSessionRow): void {
  // Positional: a Durable Object's SQL API binds no named (@name) parameters.
  const r = row;
  stmt(sqlite, "insert").run(
    r.idHash,
    r.dealerId,
    r.kind,
    r.keyId,
    r.role,
    r.credentialHash,
    r.createdAt,
    r.lastSeenAt,
    r.expiresAt,
  );
}

export function findBoardSession(sqlite: SqliteHandle, idHash: string): BoardSessionRow | null {
  return (stmt(sqlite, "find").get(idHash) as BoardSessionRow | undefined) ?? null;
}

export function touchBoardSession(sqlite: SqliteHandle, idHash: string, at: number): void {
  stmt(sqlite, "touch").run(at, idHash);
}

export function deleteBoardSession(sqlite: SqliteHandle, idHash: string): void {
  stmt(sqlite, "remove").run(idHash);
}

/** Expired rows go at each sign-in: the table stays as small as the signed-in staff. */
export function purgeBoardSessions(sqlite: SqliteHandle, now: number): void {
  stmt(sqlite, "purge").run(now);
}

/** Is the key a session came from still live (not revoked, same secret)? */
export function keyStillActive(sqlite: SqliteHandle, keyId: string, secretHash: string): boolean {
  return stmt(sqlite, "keyAlive").get(keyId, secretHash) !== undefined;
}
