// A progress clock the test moves by hand (provider/runtime/progress.ts ProgressClock): its time
// stands still until advance(), which fires the timers due on the way, in order.
import type { ProgressClock } from "../../provider/runtime/progress";

interface Timer { every: number; next: number; tick: () => void }

export class FakeProgressClock implements ProgressClock {
  private t = 0;
  private readonly timers = new Set<Timer>();

  now(): number {
    return this.t;
  }

  every(ms: number, tick: () => void): () => void {
    const timer = { every: ms, next: this.t + ms, tick };
    this.timers.add(timer);
    return () => { this.timers.delete(timer); };
  }

  /** Moves the time on by `ms`, firing each timer at each of its due times on the way. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let due: Timer | undefined;
      for (const timer of this.timers) if (timer.next <= end && (!due || timer.next < due.next)) due = timer;
      if (!due) break;
      this.t = due.next;
      due.next += due.every;
      due.tick();
    }
    this.t = end;
  }

  /** Timers still running (a wait that ended must have stopped its own). */
  running(): number {
    return this.timers.size;
  }
}
