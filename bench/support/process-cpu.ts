import { readFileSync, existsSync } from 'node:fs';

/**
 * CPU seconds (utime + stime) of processes read from /proc (Linux only; null elsewhere): the
 * emulator child with its descendants (tsx starts node as its child), and PostgreSQL backends by
 * pid. Figures per process move less with the shared machine's load than wall times.
 */
const ticksPerSecond = 100; // USER_HZ on Linux

function ownTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // gone
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds of a process and its descendants, or null where /proc is not there. */
export function treeCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync('/proc/self/stat')) return null;
  let ticks = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.pop()!;
    ticks += ownTicks(next);
    queue.push(...children(next));
  }
  return ticks / ticksPerSecond;
}

/** CPU seconds of each pid (PostgreSQL backends on this machine), keyed by pid. */
export function cpuSecondsByPid(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, ownTicks(pid) / ticksPerSecond]));
}
