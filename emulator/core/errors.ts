// The API's error answer: thrown by action handlers, turned into {"Response":{"Error":...}} by the server.
export class ApiError extends Error {
  constructor(public readonly code: string, message: string) {
    super(message);
  }
}

export function missing(field: string): ApiError {
  return new ApiError("MissingParameter", `The request is missing a required parameter \`${field}\`.`);
}

export function invalidValue(field: string, why: string): ApiError {
  return new ApiError("InvalidParameterValue", `The value of parameter \`${field}\` is invalid: ${why}.`);
}

/** A required string parameter, or MissingParameter / InvalidParameterValue. */
export function requireString(params: Record<string, unknown>, field: string): string {
  const v = params[field];
  if (v === undefined || v === null || v === "") throw missing(field);
  if (typeof v !== "string") throw invalidValue(field, "expected a string");
  return v;
}

export function optionalString(params: Record<string, unknown>, field: string): string | undefined {
  const v = params[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw invalidValue(field, "expected a string");
  return v;
}

/** An optional integer; a decimal string counts (the spec check admits one, as the documented examples send them). */
export function optionalInt(params: Record<string, unknown>, field: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = params[field];
  const v = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw invalidValue(field, `expected an integer in [${min}, ${max}]`);
  return v;
}
