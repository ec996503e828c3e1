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
  /** cutime + cstime: CPU of its children that exited and were reaped, ms. */
  reapedMs: number;
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
      reapedMs: (Number(f[13]) + Number(f[14])) * MS_PER_TICK,
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

/**
 * A server's CPU so far, in one scan of /proc: the process and its children (a cluster's
 * workers; each process's threads included), ms. `totalMs` also counts children that
 * exited and were reaped, so a worker that dies mid-load keeps its CPU in the total.
 * `each`: per process, "primary" and "worker N" by the index the cluster gave it
 * (PITLANE_WORKER_INDEX in its environment), else by pid order; `pids` says which
 * processes they were, so a caller can tell when the set changed. null when pid is gone.
 */
export function serverCpu(pid: number): { totalMs: number; each: Map<string, number>; pids: string } | null {
  const own = procStat(pid);
  if (!own) return null;
  const each = new Map<string, number>([["primary", own.userMs + own.systemMs]]);
  let totalMs = own.userMs + own.systemMs + own.reapedMs;
  const children = processesWhere((_pid, s) => s.ppid === pid);
  children.forEach(([child, s], i) => {
    totalMs += s.userMs + s.systemMs;
    each.set(`worker ${workerIndexOf(child) ?? i}`, s.userMs + s.systemMs);
  });
  return { totalMs, each, pids: [pid, ...children.map(([child]) => child)].join(",") };
}

/**
 * CPU ms of each thread of pid, summed by the thread's name (/proc/<pid>/task/<tid>/comm:
 * "node" the event loop and any worker_threads, "libuv-worker", "V8 DefaultWorke", …),
 * the event loop (tid = pid) apart as "event loop".
 */
export function threadCpuMs(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const s = procStat(`${pid}/task/${tid}`);
    if (!s) continue;
    let name = "?";
    try {
      name = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
    } catch {}
    if (tid === String(pid)) name = "event loop";
    out.set(name, (out.get(name) ?? 0) + s.userMs + s.systemMs);
  }
  return out;
}

/**
 * A process's event loop thread (tid = pid): [ns on a CPU, ns runnable but waiting for a
 * CPU] so far (/proc/<pid>/task/<pid>/schedstat); null when it is gone.
 */
export function loopSchedstat(pid: number): [number, number] | null {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ").map(Number);
    return [run, wait];
  } catch {
    return null;
  }
}

/** The process that commits: worker 0 of a cluster, else the server itself. */
export function writerPid(serverPid: number): number {
  return workerPid(serverPid, 0);
}

/** The cluster worker of that index (PITLANE_WORKER_INDEX); the server itself when it has none (WORKERS=1). */
export function workerPid(serverPid: number, index: number): number {
  const w = processesWhere((_pid, s) => s.ppid === serverPid).find(([child]) => workerIndexOf(child) === index);
  return w ? w[0] : serverPid;
}

function workerIndexOf(pid: number): number | null {
  try {
    const m = /(?:^|\0)PITLANE_WORKER_INDEX=(\d+)(?:\0|$)/.exec(readFileSync(`/proc/${pid}/environ`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
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
