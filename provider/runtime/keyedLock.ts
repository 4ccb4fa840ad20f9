// Serialises operations on one key (a CDN domain, a live domain) inside the provider process,
// while different keys run in parallel. The engine runs up to --parallel operations at once and
// a replace can create and delete for the same domain concurrently; the API answers
// ResourceInUse.CdnOpInProgress if two writes overlap on one domain.
const tails = new Map<string, Promise<unknown>>();

export async function withKeyLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.then(() => undefined, () => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}

/** Locks several keys in a stable order, so two callers with overlapping sets cannot deadlock. */
export async function withKeyLocks<T>(keys: string[], fn: () => Promise<T>): Promise<T> {
  const ordered = [...new Set(keys)].sort();
  const step = (i: number): Promise<T> => (i === ordered.length ? fn() : withKeyLock(ordered[i], () => step(i + 1)));
  return step(0);
}
