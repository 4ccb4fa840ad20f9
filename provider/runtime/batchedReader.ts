// Coalesces reads of many keys into few backend calls (DataLoader style), for APIs that accept
// several values in one filter (CDN DescribeDomainsConfig: up to 5 domains). Many resources in one
// dynamic-provider host poll their domains at once; one call per read would spend the action's
// rate limit several times over.
//
// Semantics kept exact:
// - freshness: a read is answered only by a call sent after the read was asked for, never by a
//   call already in flight (a read after a write must see the write);
// - a key missing from a batch's answer is "not found" (undefined), as a single read would say;
// - a failed batch of several keys is retried key by key, so one key's error (a bad name, a
//   not-found error) is reported for that key only;
// - at most `maxInFlight` calls run at once: reads asked meanwhile queue and leave together in the
//   next batch, so under load batches fill up instead of calls piling up behind the rate limit;
// - a read leaves in the next call once it has waited `windowMs` for companions (or the batch is
//   full). A patient read (its caller can afford to wait: a check, a refresh, a destroy's read
//   paced by its write's rate limit) may wait up to `lingerMs` while reads keep arriving (over the last `lingerMs`
//   they came on average every g ms, the last less than 4g ago, and the next is due before the
//   oldest has waited `lingerMs`): a steady trickle (deletes paced by their write's rate limit, one
//   read each) then shares calls, while a burst that has ended, or an isolated read, leaves at once.
//   Every call spends the account's shared quota; a patient read waiting costs only its own latency.
//   A read given a patience in ms (its caller waits that long anyway, e.g. for its write's turn in a
//   rate budget) waits until its call is full or that patience has passed, whatever the trickle;
// - optionally (`topUp`), a call that leaves with room carries keys nobody asked for; their answers
//   go to whoever offered them, never to a reader, and a failed call does not ask them again.

export interface BatchedReaderOptions<V> {
  /** Reads up to `maxBatch` keys in one call; keys absent from the map do not exist. */
  readMany(keys: string[]): Promise<Map<string, V>>;
  /** The backend's documented limit of keys per call. */
  maxBatch: number;
  /** Calls allowed in flight at once. */
  maxInFlight: number;
  /**
   * Whether a batch that is not full waits until no call is in flight (Nagle's rule): full batches
   * go at once, up to maxInFlight, while the reads of a trickle gather behind the call in flight
   * for at most its round trip instead of leaving one or two at a time.
   */
  partialWhenIdle?: boolean;
  /** How long the first read after a quiet spell waits for companions (ms). */
  windowMs: number;
  /** How long a patient read may wait for a trickle of reads to fill its batch (ms); default 0. */
  lingerMs?: number;
  /**
   * Keys to add to a call that leaves with room to spare (`room` keys, `taken` already in it): the
   * call costs the same with them, and its answer for them is as fresh as any. Each one's answer
   * goes to its `answer`; a failed call says nothing to them (nobody asked).
   */
  topUp?: (room: number, taken: ReadonlySet<string>) => { key: string; answer(v: V | undefined): void }[];
  /** Whether a failed batch of several keys is worth retrying key by key (default: always). A
   *  transient failure the client already retried is not: it is every key's answer. */
  splitOnError?: (e: unknown) => boolean;
}

/** How often reads waiting for free look again whether companions still come. */
const FREE_RECHECK_MS = 20;

interface Waiter<V> { resolve(v: V | undefined): void; reject(e: unknown): void; volunteered?: boolean }

/**
 * A key waiting for the next call: everyone who asked, when it was first asked, how long it may
 * wait, and whether it waits for free (its caller waits that long anyway: no trickle needed).
 */
interface Queued<V> { waiters: Waiter<V>[]; askedAt: number; patience: number; free: boolean }

export class BatchedReader<V> {
  /** Keys waiting for the next call, in arrival order. */
  private readonly queue = new Map<string, Queued<V>>();
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = 0;
  private calls = 0;
  /** When reads arrived over the last lingerMs (the linger decision's estimate of the arrival rate). */
  private readonly arrivals: number[] = [];

  constructor(private readonly o: BatchedReaderOptions<V>) {
    if (!(o.maxBatch >= 1) || !(o.maxInFlight >= 1) || !(o.windowMs >= 0)) throw new Error("BatchedReader: invalid options");
  }

  /**
   * The current value of `key`, or undefined when the backend has no such key. A `patient` read
   * may wait up to lingerMs for companions while they keep coming; a read given a number of ms
   * waits up to that long for its call to fill, because its caller waits that long anyway; any
   * other leaves after windowMs.
   */
  read(key: string, patient: boolean | number = false): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      const now = performance.now();
      this.arrived(now);
      const linger = Math.max(this.o.windowMs, this.o.lingerMs ?? 0);
      const free = typeof patient === "number" && patient > this.o.windowMs;
      const patience = free ? (patient as number) : patient === true ? linger : this.o.windowMs;
      const queued = this.queue.get(key);
      if (queued) {
        queued.waiters.push({ resolve, reject });
        queued.patience = Math.min(queued.patience, patience);
        queued.free &&= free;
      } else this.queue.set(key, { waiters: [{ resolve, reject }], askedAt: now, patience, free });
      // A call now full, or a read that may not wait as long as the timer set for others, looks again sooner.
      if (this.timer && (this.queue.size >= this.o.maxBatch || now + patience < this.timerDue)) { clearTimeout(this.timer); this.timer = undefined; }
      this.schedule();
    });
  }

  /** Backend calls made so far (for tests and diagnostics). */
  callCount(): number {
    return this.calls;
  }

  private arrived(now: number): void {
    this.arrivals.push(now);
    const horizon = Math.max(this.o.lingerMs ?? 0, ...[...this.queue.values()].map((q) => q.patience));
    while (this.arrivals.length > 0 && this.arrivals[0] < now - horizon) this.arrivals.shift();
  }

  /** Whether the queued reads should leave now rather than wait for more. */
  private ready(now: number): boolean {
    const linger = this.o.lingerMs ?? 0;
    if (this.queue.size >= this.o.maxBatch || linger === 0) return true;
    let allFree = true;
    for (const q of this.queue.values()) {
      if (now - q.askedAt >= q.patience) return true; // it waited long enough
      allFree &&= q.free;
    }
    // Every caller waits anyway: the call waits to fill, up to the first one's patience.
    if (allFree) return false;
    // Every read queued is patient: wait only while companions keep coming, over the last lingerMs.
    const oldest = this.queue.values().next().value!;
    const horizon = linger;
    const recent = this.arrivals.filter((t) => t >= now - horizon).length;
    if (recent <= 1) return true; // an isolated read: nothing suggests company is coming
    const gap = horizon / recent; // the mean gap between reads over the horizon
    const age = now - oldest.askedAt;
    const last = this.arrivals[this.arrivals.length - 1];
    // Wait while the next read is due before the oldest has waited out the horizon, and reads still come.
    return age + gap > horizon || now - last > 4 * gap;
  }

  private schedule(): void {
    if (this.timer || this.inFlight >= this.o.maxInFlight || this.queue.size === 0) return;
    if (this.o.partialWhenIdle && this.inFlight > 0 && this.queue.size < this.o.maxBatch) return; // see dispatch
    // A full batch need not wait for companions; a lingering one looks again every millisecond or so,
    // reads waiting for free every FREE_RECHECK_MS (a new read that fills the call cuts it short).
    const now = performance.now();
    const queued = [...this.queue.values()];
    const wait = this.queue.size >= this.o.maxBatch ? 0
      : queued.every((q) => q.free) ? Math.max(0, Math.min(FREE_RECHECK_MS, ...queued.map((q) => q.askedAt + q.patience - now)))
      : Math.max(this.o.windowMs, this.o.lingerMs ? 1 : 0);
    this.timerDue = now + wait;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.ready(performance.now())) this.dispatch();
      else this.schedule();
    }, wait);
  }

  private dispatch(): void {
    while (this.inFlight < this.o.maxInFlight && this.queue.size > 0) {
      const partial = this.queue.size < this.o.maxBatch;
      if (partial && this.o.partialWhenIdle && this.inFlight > 0) return; // the call in flight schedules it when it returns
      if (partial && !this.ready(performance.now())) { this.schedule(); return; }
      const batch = new Map<string, Waiter<V>[]>();
      for (const [key, queued] of this.queue) {
        if (batch.size >= this.o.maxBatch) break;
        batch.set(key, queued.waiters);
      }
      for (const key of batch.keys()) this.queue.delete(key);
      if (batch.size < this.o.maxBatch && this.o.topUp) {
        for (const t of this.o.topUp(this.o.maxBatch - batch.size, new Set(batch.keys())).slice(0, this.o.maxBatch - batch.size)) {
          if (!batch.has(t.key)) batch.set(t.key, [{ resolve: t.answer, reject: () => undefined, volunteered: true }]);
        }
      }
      this.inFlight++;
      this.calls++;
      void this.settle(batch).finally(() => { this.inFlight--; this.schedule(); });
    }
  }

  private async settle(batch: Map<string, Waiter<V>[]>): Promise<void> {
    const keys = [...batch.keys()];
    const asked = keys.filter((k) => !batch.get(k)!.every((w) => w.volunteered));
    try {
      const found = await this.o.readMany(keys);
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (e) {
      if (keys.length === 1 || this.o.splitOnError?.(e) === false) {
        for (const waiters of batch.values()) for (const w of waiters) w.reject(e);
        return;
      }
      // Which key made the call fail is unknown: ask each asked key on its own (fresh calls, still
      // fresh reads); a key added to top the call up is not asked again.
      await Promise.all(asked.map(async (key) => {
        this.calls++;
        try {
          const found = await this.o.readMany([key]);
          for (const w of batch.get(key)!) w.resolve(found.get(key));
        } catch (single) {
          for (const w of batch.get(key)!) w.reject(single);
        }
      }));
    }
  }
}
