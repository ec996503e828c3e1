// Compares two bench result files ([{ task, medianUs, p99Us, opsPerSec }], as written by
// bench/core.bench.ts) and prints the change per task in %.
//
//   npm run bench:compare -- <before.json> [after.json] [--threshold=10] [--json]
//
// `after` defaults to bench/results/latest.json. A task REGRESSED when its median latency
// grew by more than the threshold (default 10 %), IMPROVED when it shrank by more. The
// exit code is 1 when any task regressed, 2 on bad input, 0 otherwise; --json prints one
// machine-readable object instead of the table.
//
// Medians on a shared machine move by several % between identical runs: compare runs made
// on the same machine, and treat changes under ~10 % as noise.

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Row } from "./lib/task-row.js";

interface Change {
  task: string;
  before: Row | null;
  after: Row | null;
  medianPct: number | null;
  p99Pct: number | null;
  opsPct: number | null;
  verdict: "regressed" | "improved" | "unchanged" | "added" | "removed";
}

function fail(msg: string): never {
  console.error(msg);
  console.error("usage: tsx bench/compare.ts <before.json> [after.json] [--threshold=10] [--json]");
  process.exit(2);
}

function load(file: string): Row[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    fail(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) fail(`${file}: expected an array of { task, medianUs, p99Us, opsPerSec }`);
  for (const r of data as Row[]) {
    if (
      typeof r?.task !== "string" ||
      ![r.medianUs, r.p99Us, r.opsPerSec].every((n) => typeof n === "number" && Number.isFinite(n))
    ) {
      fail(`${file}: malformed row ${JSON.stringify(r)}`);
    }
  }
  return data as Row[];
}

const pct = (before: number, after: number): number | null => (before > 0 ? ((after - before) / before) * 100 : null);

export function compare(before: Row[], after: Row[], threshold: number): Change[] {
  const a = new Map(after.map((r) => [r.task, r]));
  const b = new Map(before.map((r) => [r.task, r]));
  const names = [...before.map((r) => r.task), ...after.filter((r) => !b.has(r.task)).map((r) => r.task)];
  return names.map((task): Change => {
    const x = b.get(task) ?? null;
    const y = a.get(task) ?? null;
    if (!x || !y)
      return {
        task,
        before: x,
        after: y,
        medianPct: null,
        p99Pct: null,
        opsPct: null,
        verdict: x ? "removed" : "added",
      };
    const medianPct = pct(x.medianUs, y.medianUs);
    const verdict =
      medianPct === null
        ? "unchanged"
        : medianPct > threshold
          ? "regressed"
          : medianPct < -threshold
            ? "improved"
            : "unchanged";
    return {
      task,
      before: x,
      after: y,
      medianPct,
      p99Pct: pct(x.p99Us, y.p99Us),
      opsPct: pct(x.opsPerSec, y.opsPerSec),
      verdict,
    };
  });
}

function main(argv: string[]): void {
  const flags = argv.filter((a) => a.startsWith("--"));
  const files = argv.filter((a) => !a.startsWith("--"));
  const thresholdFlag = flags.find((f) => f.startsWith("--threshold="));
  const threshold = thresholdFlag ? Number(thresholdFlag.slice("--threshold=".length)) : 10;
  if (!Number.isFinite(threshold) || threshold < 0) fail(`bad threshold ${thresholdFlag}`);
  const unknown = flags.filter((f) => f !== "--json" && f !== thresholdFlag);
  if (unknown.length) fail(`unknown option ${unknown.join(" ")}`);
  if (files.length < 1 || files.length > 2) fail("expected one or two result files");
  const beforeFile = resolve(files[0]);
  const afterFile = resolve(files[1] ?? resolve(dirname(fileURLToPath(import.meta.url)), "results/latest.json"));
  const changes = compare(load(beforeFile), load(afterFile), threshold);
  const regressed = changes.filter((c) => c.verdict === "regressed");

  if (flags.includes("--json")) {
    console.log(
      JSON.stringify(
        { before: beforeFile, after: afterFile, thresholdPct: threshold, regressions: regressed.length, changes },
        null,
        2,
      ),
    );
  } else {
    const signed = (p: number | null) => (p === null ? "—" : `${p > 0 ? "+" : ""}${p.toFixed(1)}%`);
    const us = (n: number | undefined) =>
      n === undefined ? "—" : n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(2);
    const rows = changes.map((c) => [
      c.task,
      us(c.before?.medianUs),
      us(c.after?.medianUs),
      signed(c.medianPct),
      signed(c.p99Pct),
      signed(c.opsPct),
      c.verdict === "regressed"
        ? "REGRESSED"
        : c.verdict === "improved"
          ? "improved"
          : c.verdict === "unchanged"
            ? ""
            : c.verdict,
    ]);
    const head = ["task", "median µs before", "after", "Δ median", "Δ p99", "Δ ops/s", ""];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join("  ")
        .trimEnd();
    console.log(`before: ${beforeFile}\nafter:  ${afterFile}\n`);
    console.log(line(head));
    for (const r of rows) console.log(line(r));
    console.log(
      `\n${regressed.length ? `${regressed.length} task(s) regressed` : "no regression"} (threshold ±${threshold}% on the median)`,
    );
  }
  if (regressed.length) process.exitCode = 1;
}

main(process.argv.slice(2));
