// Serialises operations on one key (a CDN domain, a live domain) while different keys run in
// parallel. The engine runs up to --parallel operations at once and a replace can create and
// delete for the same domain concurrently; the API answers ResourceInUse.CdnOpInProgress if two
// writes overlap on one domain. One per account (runtime/context.ts): a domain of the same name in
// two accounts is two domains.
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Locks several keys in a stable order, so two callers with overlapping sets cannot deadlock. */
  runAll<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
    const ordered = [...new Set(keys)].sort();
    const step = (i: number): Promise<T> => (i === ordered.length ? fn() : this.run(ordered[i], () => step(i + 1)));
    return step(0);
  }
}
