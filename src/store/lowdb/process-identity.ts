/**
 * What tells one process from another beyond its pid. Pids are reused (in a
 * container after every restart, within seconds), so a lock naming a live pid
 * proves nothing by itself; the pid's start time (/proc/<pid>/stat field 22,
 * clock ticks since boot), the boot id and the pid namespace do. Linux only:
 * elsewhere the optional fields are undefined and callers fall back to the pid.
 */
import { readFileSync, readlinkSync } from 'node:fs';

export interface ProcessIdentity {
  pid: number;
  /** Field 22 of /proc/<pid>/stat. */
  startTime?: string;
  /** /proc/sys/kernel/random/boot_id: start times only compare within one boot. */
  bootId?: string;
  /** /proc/self/ns/pid, e.g. "pid:[4026531836]": pids only compare within one namespace (one container). */
  pidNamespace?: string;
}

const attempt = <T>(fn: () => T): T | undefined => {
  try {
    return fn();
  } catch {
    return undefined;
  }
};

/** Start time of `pid` as /proc shows it; undefined when there is no such process (or no /proc). */
export function readStartTime(pid: number): string | undefined {
  const stat = attempt(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (!stat) return undefined;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[22 - 3];
}

/** The command line of `pid`, arguments joined by spaces; undefined when unknown. */
export function readCommand(pid: number): string | undefined {
  return attempt(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim());
}

export function readBootId(): string | undefined {
  return attempt(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
}

export function readPidNamespace(): string | undefined {
  return attempt(() => readlinkSync('/proc/self/ns/pid'));
}

export function currentProcessIdentity(): ProcessIdentity {
  return { pid: process.pid, startTime: readStartTime(process.pid), bootId: readBootId(), pidNamespace: readPidNamespace() };
}

/** The pid exists (kill 0 succeeds, or fails only for lack of permission). */
export function pidExists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
