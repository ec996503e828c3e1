import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

// bench/results/http.json holds both halves of `npm run bench:http`: the search bench's
// rows (bench/http.bench.ts), then the write bench's, each task named "write: …"
// (bench/write.bench.ts). Each half replaces its own rows and keeps the other's, so a run
// of one half alone, or an experiment of the other (which writes nothing), loses no result.

const isWrite = (t: unknown) => String((t as { task?: unknown } | null)?.task).startsWith("write:");

/** Writes `rows` as `half`'s rows of `file`, the other half's rows as they were. */
export function replaceHalf(file: string, half: "search" | "write", rows: readonly object[]): void {
  let prior: unknown[] = [];
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8"));
    if (Array.isArray(parsed)) prior = parsed;
  } catch {}
  const search = half === "search" ? rows : prior.filter((t) => !isWrite(t));
  const writes = half === "write" ? rows : prior.filter(isWrite);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify([...search, ...writes], null, 2) + "\n");
}
