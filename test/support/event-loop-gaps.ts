/**
 * The longest the event loop was held: the longest gap between ticks of a 1 ms timer. Shared by
 * the lowdb snapshot test and `npm run bench:lowdb`.
 */
export interface LoopGaps {
  /** Start a new measurement. */
  reset(): void;
  /** The longest gap since the last reset (ms), the current one included. */
  readonly max: number;
  stop(): void;
}

export function loopGaps(): LoopGaps {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 1);
  return {
    reset() {
      max = 0;
      last = performance.now();
    },
    get max() {
      return Math.max(max, performance.now() - last);
    },
    stop: () => clearInterval(timer),
  };
}

/** The longest the event loop was held while `work` ran (ms). */
export async function longestBlock(work: () => Promise<unknown>): Promise<number> {
  const gaps = loopGaps();
  try {
    await work();
    return gaps.max;
  } finally {
    gaps.stop();
  }
}
