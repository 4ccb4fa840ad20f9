// Checks of UpdateDomainConfig's blocks that the CDN model and its client-certificate and QUIC
// rules share: the service's CdnParamError for a value of the wrong form, MissingParameter for an
// absent required switch. The request's member names and types were already checked against the spec.
import { ApiError } from "../../core/errors";

const ON_OFF = new Set(["on", "off"]);

export function paramError(message: string): ApiError {
  return new ApiError("InvalidParameter.CdnParamError", message);
}

export function assertObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw paramError(`${name} must be an object.`);
  return value as Record<string, unknown>;
}

export function onOff(block: Record<string, unknown>, field: string, name: string, fallback: "on" | "off"): "on" | "off" {
  const v = block[field];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "string" || !ON_OFF.has(v)) throw paramError(`${name}.${field} must be "on" or "off".`);
  return v as "on" | "off";
}

export function requiredSwitch(block: Record<string, unknown>, name: string): "on" | "off" {
  if (block.Switch === undefined || block.Switch === null) throw new ApiError("MissingParameter", `The request is missing a required parameter \`${name}.Switch\`.`);
  return onOff(block, "Switch", name, "off");
}
