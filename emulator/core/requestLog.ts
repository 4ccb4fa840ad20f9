// The request log: every API request with redacted params, appended in O(1), read by sequence number.
import { redactSecrets } from "./redact";
import type { RequestLogEntry } from "../types";

const MAX_ENTRIES = 200_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextSeq = 1;
  constructor(public enabled: boolean) {}

  add(entry: Omit<RequestLogEntry, "seq" | "time" | "params"> & { params: unknown }): void {
    if (!this.enabled) return;
    this.entries.push({ ...entry, seq: this.nextSeq++, time: new Date().toISOString(), params: redactSecrets(entry.params) });
    if (this.entries.length > MAX_ENTRIES) this.entries = this.entries.slice(this.entries.length - MAX_ENTRIES / 2);
  }

  /** Entries with seq > since. */
  since(since = 0): RequestLogEntry[] {
    const first = this.entries[0]?.seq ?? this.nextSeq;
    return this.entries.slice(Math.max(0, since - first + 1));
  }

  clear(): void {
    this.entries = [];
  }
}
