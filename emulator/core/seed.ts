// Seeds and admin bodies: the world a test or a CI job starts from and the console edits made on it.
// Out of band: they describe the world as it is, not a request, so they bypass the API's rules. Each
// is checked against its shape before anything is applied, and every problem is reported at once: a
// key that is not accepted (with the keys that are), a value outside its enumeration (with the
// values that are), a missing member, a wrong type, at any depth. Blocks in the API's own form
// (a CDN domain's https) are checked against the vendored spec's objects.
import type { Service } from "../../provider/tencentcloud/types";
import type { AccountSeed } from "../types";
import { specOf } from "./spec";

/** A seed or admin body that cannot be applied; the message says what to fix. Answered 400 by the admin routes. */
export class SeedError extends Error {}

export type Shape =
  | { kind: "string" | "number" | "integer" | "boolean" | "any" }
  | { kind: "oneOf"; values: readonly (string | number)[] }
  | { kind: "list"; of: Shape }
  | { kind: "object"; members: Readonly<Record<string, Shape>>; required?: readonly string[] }
  | { kind: "spec"; service: Service; object: string }
  | { kind: "nullable"; of: Shape };

export const text: Shape = { kind: "string" };
export const integer: Shape = { kind: "integer" };
export const number: Shape = { kind: "number" };
export const boolean: Shape = { kind: "boolean" };
export const oneOf = (...values: (string | number)[]): Shape => ({ kind: "oneOf", values });
export const listOf = (of: Shape): Shape => ({ kind: "list", of });
export const object = (members: Record<string, Shape>, required: readonly string[] = []): Shape => ({ kind: "object", members, required });
/** An object in the API's own form: its members are the spec object's (e.g. cdn Https), none required. */
export const apiObject = (service: Service, name: string): Shape => ({ kind: "spec", service, object: name });
export const nullable = (of: Shape): Shape => ({ kind: "nullable", of });

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const shown = (v: unknown): string => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/** The shape of one member of an API object, from the spec. */
function specMemberShape(service: Service, type: string, member: string): Shape {
  if (type === "object") return apiObject(service, member);
  if (type === "list") return listOf(specOf(service).isObject(member) ? apiObject(service, member) : specMemberShape(service, member, member));
  if (type === "int" || type === "int64" || type === "uint64") return integer;
  if (type === "float") return number;
  if (type === "bool") return boolean;
  return text;
}

function objectProblems(value: Record<string, unknown>, members: Readonly<Record<string, Shape>>, required: readonly string[], at: string, out: string[]): void {
  const accepted = Object.keys(members);
  for (const [k, v] of Object.entries(value)) {
    const member = members[k];
    if (!member) out.push(`${at}: unknown key "${k}"; the accepted keys are ${accepted.join(", ")}.`);
    else if (v !== undefined) problems(v, member, `${at}.${k}`, out);
  }
  for (const k of required) if (value[k] === undefined || value[k] === null || value[k] === "") out.push(`${at}: ${k} is missing.`);
}

/** Every way `value` departs from `shape`, each a sentence that starts with where it is (`at`). */
export function problems(value: unknown, shape: Shape, at: string, out: string[] = []): string[] {
  switch (shape.kind) {
    case "any":
      break;
    case "nullable":
      if (value !== null) problems(value, shape.of, at, out);
      break;
    case "string":
      if (typeof value !== "string") out.push(`${at}: expected a string, got ${shown(value)}.`);
      break;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) out.push(`${at}: expected a number, got ${shown(value)}.`);
      break;
    case "integer":
      if (!Number.isInteger(value)) out.push(`${at}: expected an integer, got ${shown(value)}.`);
      break;
    case "boolean":
      if (typeof value !== "boolean") out.push(`${at}: expected true or false, got ${shown(value)}.`);
      break;
    case "oneOf":
      if (!shape.values.includes(value as string | number)) out.push(`${at}: ${shown(value)} is not one of ${shape.values.join(", ")}.`);
      break;
    case "list":
      if (!Array.isArray(value)) out.push(`${at}: expected a list, got ${shown(value)}.`);
      else value.forEach((e, i) => problems(e, shape.of, `${at}[${i}]`, out));
      break;
    case "object":
      if (!isPlainObject(value)) out.push(`${at}: expected an object, got ${shown(value)}.`);
      else objectProblems(value, shape.members, shape.required ?? [], at, out);
      break;
    case "spec": {
      if (!isPlainObject(value)) {
        out.push(`${at}: expected an object (${shape.object}), got ${shown(value)}.`);
        break;
      }
      const members = Object.fromEntries(specOf(shape.service).object(shape.object).members.map((m) => [m.name, specMemberShape(shape.service, m.type, m.member)]));
      objectProblems(value, members, [], at, out);
      break;
    }
  }
  return out;
}

/** Throws one SeedError holding every problem of `value` (one sentence a line), if it has any. */
export function assertShape(value: unknown, shape: Shape, at: string): void {
  const found = problems(value, shape, at);
  if (found.length > 0) throw new SeedError(found.join("\n"));
}

/** An admin route's body: its members, and "account" (core/admin.ts). */
export const adminBody = (members: Record<string, Shape>, required: readonly string[]): Shape => object({ ...members, account: text }, required);

/** A non-empty string member of an admin route's body. */
export function bodyString(body: any, field: string): string {
  if (typeof body?.[field] !== "string" || body[field] === "") throw new SeedError(`the body needs "${field}"`);
  return body[field];
}

export interface Credential { secretId: string; secretKey: string }

export const CREDENTIALS_SHAPE = listOf(object({ secretId: text, secretKey: text }, ["secretId", "secretKey"]));

/** The seed's credentials (its shape was checked before). */
export function credentialsOf(seed: AccountSeed): Credential[] {
  return seed.credentials ?? [];
}
