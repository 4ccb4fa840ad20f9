// Pulumi's dynamic-provider host drops CreateRequest.timeout, so the sdk classes copy
// `opts.customTimeouts` into the hidden input `__timeouts` and handlers read it here.
// Durations use Pulumi's Go syntax: "30s", "5m", "1h30m", "1.5h".
export interface CustomTimeouts { create?: string; update?: string; delete?: string }

export const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, n, , unit] of trimmed.matchAll(/(\d+(\.\d+)?)(ms|s|m|h)/g)) total += Number(n) * UNIT_MS[unit];
  return total;
}

export function timeoutFor(op: keyof CustomTimeouts, timeouts: CustomTimeouts | undefined): number {
  const text = timeouts?.[op];
  return (text && parseDuration(text)) || DEFAULT_TIMEOUT_MS;
}
