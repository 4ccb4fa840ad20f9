// The engine encodes outputs as a protobuf Struct, which rejects `undefined` anywhere
// ("Unexpected struct type"). Outputs pass through here to drop undefined fields.
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as unknown as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
    return out as T;
  }
  return value;
}
