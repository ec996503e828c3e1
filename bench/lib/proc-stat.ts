// A process's CPU time as the kernel counts it (Linux /proc/<pid>/stat): what the benches
// report as server CPU per request, which other work on a shared machine moves far less
// than wall-clock throughput.

import { readdirSync, readFileSync } from "node:fs";

const MS_PER_TICK = 1000 / 100; // USER_HZ is 100 on Linux

export interface ProcStat {
  ppid: number;
  pgrp: number;
  /** utime and stime so far, ms. */
  userMs: number;
  systemMs: number;
}

/** null when the process is gone (or there is no /proc). */
export function procStat(pid: number | string): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command name, which may hold spaces and parentheses.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      ppid: Number(f[1]),
      pgrp: Number(f[2]),
      userMs: Number(f[11]) * MS_PER_TICK,
      systemMs: Number(f[12]) * MS_PER_TICK,
    };
  } catch {
    return null;
  }
}

/** CPU ms summed over the live processes that `pick` selects (by pid, parent or process group). */
export function cpuOfProcesses(pick: (pid: number, s: ProcStat) => boolean): { userMs: number; systemMs: number } {
  const sum = { userMs: 0, systemMs: 0 };
  for (const [, s] of processesWhere(pick)) {
    sum.userMs += s.userMs;
    sum.systemMs += s.systemMs;
  }
  return sum;
}

/** The live processes that `pick` selects, with their stat, in ascending pid order. */
export function processesWhere(pick: (pid: number, s: ProcStat) => boolean): Array<[number, ProcStat]> {
  const out: Array<[number, ProcStat]> = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const s = procStat(d);
    if (s && pick(Number(d), s)) out.push([Number(d), s]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Bytes a process (its threads, and children it has reaped) has caused to be written to
 * storage so far, or null: /proc/<pid>/io write_bytes, counted as it dirties file pages
 * (the WAL, the database, a checkpoint's copies, its log; not sockets, not the file
 * system's journal). The box's other work moves it far less than CPU time, though it
 * does move: fewer bookings per group commit or per checkpoint share fewer pages, and a
 * larger database has more leaves. Compare builds in alternating runs of the same size.
 */
export function writtenBytes(pid: number | string): number | null {
  try {
    const m = /^write_bytes: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** CPU ms (user + system) of pid and its live children (a cluster's workers); null when pid is gone. */
export function treeCpuMs(pid: number): number | null {
  const own = procStat(pid);
  if (!own) return null;
  const children = cpuOfProcesses((_pid, s) => s.ppid === pid);
  return own.userMs + own.systemMs + children.userMs + children.systemMs;
}

/**
 * The whole machine's CPU ms since boot over all its cores (/proc/stat), busy and idle
 * (iowait counts as idle: a core waiting on the disk could run something else); null
 * without /proc.
 */
export function machineCpuMs(): { busyMs: number; idleMs: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user)
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return {
      busyMs: (user + nice + system + irq + softirq + (steal || 0)) * MS_PER_TICK,
      idleMs: (idle + iowait) * MS_PER_TICK,
    };
  } catch {
    return null;
  }
}
