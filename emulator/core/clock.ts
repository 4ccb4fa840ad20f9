// The emulator clock: real time plus what tests advanced (POST /_emulator/clock). One per world,
// shared by every account's backends; a reset starts a new one. Signatures are checked against
// real time (core/auth.ts), never this clock.
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
