// Tencent Cloud's own API specification (spec/, vendored by scripts/vendor-spec.js from the files its
// SDKs and CLI are generated from) as the emulator's action table: which actions exist, what a request
// may hold (validated before any action runs), what an answer holds (shaped after it ran) and which
// error codes each action may answer. Pure functions over the loaded JSON; no state.
import fs from "node:fs";
import path from "node:path";
import type { Service } from "../../provider/tencentcloud/types";

export type MemberType = "string" | "int" | "bool" | "float" | "list" | "object";
export interface MemberSpec {
  name: string;
  type: MemberType;
  /** The element type of a list, the object of an object, else the scalar's precise type (uint64, datetime, ...). */
  member: string;
  required?: boolean;
  output_required?: boolean;
  value_allowed_null?: boolean;
  example?: string;
}
export interface ObjectSpec { members: MemberSpec[] }

/** Whether an answer always holds the member. Output-only objects (e.g. ssl RootCertificates) mark
 *  it with `required` and leave `output_required` out. */
export const outputRequired = (m: MemberSpec): boolean => m.output_required ?? m.required ?? false;
interface ApiFile {
  metadata: { apiVersion: string };
  actions: Record<string, { input: string; output: string }>;
  objects: Record<string, ObjectSpec>;
}
export interface DocumentedExample { title?: string; input: string; output: string }
interface ErrorsFile { services: Record<string, { actions: Record<string, string[]>; codes: Record<string, string> }> }
interface ActionsFile { services: Record<string, { version: string; actions: string[] }> }

/**
 * The API 3.0 common error codes, which any action may answer; they are not in errors.json (that
 * lists the service's own codes). From the "Common Error Codes" table, docs/reference/tencentcloud-api.md 1.8.
 */
export const COMMON_ERROR_CODES: ReadonlySet<string> = new Set([
  "ActionOffline", "AuthFailure.InvalidAuthorization", "AuthFailure.InvalidSecretId", "AuthFailure.MFAFailure",
  "AuthFailure.SecretIdNotFound", "AuthFailure.SignatureExpire", "AuthFailure.SignatureFailure", "AuthFailure.TokenFailure",
  "AuthFailure.UnauthorizedOperation", "DryRunOperation", "FailedOperation", "InternalError", "InvalidAction",
  "InvalidParameter", "InvalidParameterValue", "InvalidRequest", "IpInBlacklist", "IpNotInWhitelist", "LimitExceeded",
  "MissingParameter", "NoSuchProduct", "NoSuchVersion", "RequestLimitExceeded", "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
  "RequestLimitExceeded.IPLimitExceeded", "RequestLimitExceeded.UinLimitExceeded", "RequestSizeLimitExceeded", "ResourceInUse",
  "ResourceInsufficient", "ResourceNotFound", "ResourceUnavailable", "ResponseSizeLimitExceeded", "ServiceUnavailable",
  "UnauthorizedOperation", "UnknownParameter", "UnsupportedOperation", "UnsupportedProtocol", "UnsupportedRegion",
]);

/** spec/ beside emulator/ (ts-node: emulator/core/..) or beside dist/ (the built and the packaged emulator: dist/emulator/core/...). */
function specDirectory(): string {
  const candidates = [path.join(__dirname, "..", "..", "spec"), path.join(__dirname, "..", "..", "..", "spec")];
  const found = candidates.find((d) => fs.existsSync(path.join(d, "errors.json")));
  if (!found) throw new Error(`the vendored API spec is missing (looked in ${candidates.join(", ")})`);
  return found;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(specDirectory(), file), "utf8")) as T;
}

export class ServiceSpec {
  private readonly api: ApiFile;
  private readonly examples: Record<string, DocumentedExample[]>;
  private readonly codes: Record<string, string[]>;
  private readonly apiActions: ReadonlySet<string>;

  constructor(readonly service: Service, errors: ErrorsFile, all: ActionsFile) {
    this.api = readJson<ApiFile>(`${service}.api.json`);
    this.examples = readJson<{ actions: Record<string, DocumentedExample[]> }>(`${service}.examples.json`).actions;
    this.codes = errors.services[service].actions;
    this.apiActions = new Set(all.services[service].actions);
  }

  get version(): string {
    return this.api.metadata.apiVersion;
  }

  actions(): string[] {
    return Object.keys(this.api.actions);
  }

  /** Whether the action is vendored (its input, output and codes are here). */
  hasAction(action: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.api.actions, action);
  }

  /** Whether the real API has the action at all (spec/actions.json lists every one, vendored or not). */
  apiHasAction(action: string): boolean {
    return this.apiActions.has(action);
  }

  input(action: string): string {
    return this.api.actions[action].input;
  }

  output(action: string): string {
    return this.api.actions[action].output;
  }

  object(name: string): ObjectSpec {
    const o = this.api.objects[name];
    if (!o) throw new Error(`${this.service}: object ${name} is not in the vendored spec`);
    return o;
  }

  isObject(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.api.objects, name);
  }

  examplesOf(action: string): DocumentedExample[] {
    return this.examples[action] ?? [];
  }

  /** The codes this action may answer: its own list in errors.json and the common ones. */
  mayAnswer(action: string, code: string): boolean {
    return COMMON_ERROR_CODES.has(code) || (this.codes[action] ?? []).includes(code);
  }
}

let loaded: Record<Service, ServiceSpec> | undefined;

export function specOf(service: Service): ServiceSpec {
  if (!loaded) {
    const errors = readJson<ErrorsFile>("errors.json");
    const all = readJson<ActionsFile>("actions.json");
    loaded = { cdn: new ServiceSpec("cdn", errors, all), live: new ServiceSpec("live", errors, all), ssl: new ServiceSpec("ssl", errors, all) };
  }
  return loaded[service];
}

// ------------------------------------------------------------------ validation, both directions

export type Direction = "request" | "answer";
/** One way a message departs from the spec. `code` is the API's code for a request's violation. */
export interface Violation { path: string; code: "UnknownParameter" | "InvalidParameterValue" | "MissingParameter"; problem: string }

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether a scalar fits its precise type. guess: the real API takes decimal strings for integers
 *  (the documented UploadCertificate examples send ProjectId as "1634827"), so a request may. */
function scalarFits(kind: string, v: unknown, direction: Direction): boolean {
  switch (kind) {
    case "int": case "int64": case "uint64": {
      const n = typeof v === "string" && direction === "request" && /^-?\d+$/.test(v) ? Number(v) : v;
      return typeof n === "number" && Number.isInteger(n) && (kind !== "uint64" || n >= 0);
    }
    case "float": return typeof v === "number" && Number.isFinite(v);
    case "bool": return typeof v === "boolean";
    default: return typeof v === "string"; // string, date, datetime, datetime_iso
  }
}

function typeName(m: MemberSpec): string {
  return m.type === "list" ? `a list of ${m.member}` : m.type === "object" ? `an object (${m.member})` : `a ${m.member}`;
}

function checkMember(spec: ServiceSpec, m: MemberSpec, v: unknown, at: string, direction: Direction, out: Violation[]): void {
  const wrong = () => void out.push({ path: at, code: "InvalidParameterValue", problem: `expected ${typeName(m)}, got ${JSON.stringify(v)?.slice(0, 60)}` });
  if (m.type === "object") {
    if (!isPlainObject(v)) return wrong();
    checkObject(spec, m.member, v, at, direction, out);
    return;
  }
  if (m.type === "list") {
    if (!Array.isArray(v)) return wrong();
    v.forEach((e, i) => {
      const elementAt = `${at}.${i}`;
      if (spec.isObject(m.member)) {
        if (!isPlainObject(e)) out.push({ path: elementAt, code: "InvalidParameterValue", problem: `expected an object (${m.member})` });
        else checkObject(spec, m.member, e, elementAt, direction, out);
      } else if (!scalarFits(m.member, e, direction)) {
        out.push({ path: elementAt, code: "InvalidParameterValue", problem: `expected a ${m.member}, got ${JSON.stringify(e)?.slice(0, 60)}` });
      }
    });
    return;
  }
  if (!scalarFits(m.member === "string" ? m.type : m.member, v, direction)) wrong();
}

/** Every violation of one object: unknown members, wrong types, missing members, nulls where none may be. */
export function checkObject(spec: ServiceSpec, objectName: string, value: Record<string, unknown>, at: string, direction: Direction, out: Violation[] = []): Violation[] {
  const members = spec.object(objectName).members;
  const byName = new Map(members.map((m) => [m.name, m]));
  const prefix = at ? `${at}.` : "";
  for (const [k, v] of Object.entries(value)) {
    const m = byName.get(k);
    if (!m) {
      if (!(direction === "answer" && k === "RequestId" && !at)) out.push({ path: prefix + k, code: "UnknownParameter", problem: "not in the spec" });
      continue;
    }
    if (v === null) {
      // guess: the real API reads a JSON null in a request as the member not given (the official SDK drops them).
      if (direction === "answer" && !m.value_allowed_null) out.push({ path: prefix + k, code: "InvalidParameterValue", problem: "null, which the spec does not allow here" });
      continue;
    }
    if (v !== undefined) checkMember(spec, m, v, prefix + k, direction, out);
  }
  for (const m of members) {
    if (m.name === "RequestId") continue;
    const needed = direction === "request" ? m.required : outputRequired(m);
    if (needed && (value[m.name] === undefined || (direction === "request" && value[m.name] === null))) {
      out.push({ path: prefix + m.name, code: "MissingParameter", problem: direction === "request" ? "required" : "output_required but absent" });
    }
  }
  return out;
}

/** A request's violations (its JSON body against the action's input). */
export function requestViolations(service: Service, action: string, params: Record<string, unknown>): Violation[] {
  const spec = specOf(service);
  return checkObject(spec, spec.input(action), params, "", "request");
}

/** An answer's violations: the whole `{"Response": ...}` body, success or error. */
export function answerViolations(service: Service, action: string, body: unknown): Violation[] {
  const spec = specOf(service);
  const response = isPlainObject(body) ? body.Response : undefined;
  if (!isPlainObject(response)) return [{ path: "Response", code: "MissingParameter", problem: "no Response object" }];
  const out: Violation[] = [];
  if (typeof response.RequestId !== "string" || response.RequestId === "") out.push({ path: "Response.RequestId", code: "MissingParameter", problem: "no RequestId" });
  if (response.Error !== undefined) {
    const e = response.Error as { Code?: unknown; Message?: unknown };
    if (typeof e?.Code !== "string" || typeof e?.Message !== "string") out.push({ path: "Response.Error", code: "InvalidParameterValue", problem: "needs Code and Message strings" });
    else if (!spec.mayAnswer(action, e.Code)) out.push({ path: "Response.Error.Code", code: "InvalidParameterValue", problem: `${e.Code} is not a documented code of ${action}` });
    return out;
  }
  const { RequestId: _id, ...fields } = response;
  return checkObject(spec, spec.output(action), fields, "Response", "answer", out);
}

// ------------------------------------------------------------------ answer shaping

export interface ShapeOptions {
  /** Answer null for every member the spec lets be null whenever it has no value (see isEmptyValue). */
  nullMode: boolean;
}

/** "No valid value", judged on a shaped value: absent, "", a switch that is off (the unset default),
 *  an empty list, or an object whose every member is null (a switched-off block holding no setting). */
function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === "" || v === "off") return true;
  if (Array.isArray(v)) return v.length === 0;
  return isPlainObject(v) && Object.values(v).every((x) => x === null);
}

/** What an output_required member holds when the model has none and the spec forbids null.
 *  guess: the member's documented example (numbers and booleans parsed), "" for an example-less string. */
function defaultValue(spec: ServiceSpec, m: MemberSpec, options: ShapeOptions): unknown {
  if (m.type === "object") return shapeObject(spec, m.member, {}, options);
  if (m.type === "list") return [];
  const example = m.example === "无" ? undefined : m.example;
  if (m.type === "bool") return example === "true";
  if (m.type === "int" || m.type === "float") return Number.isFinite(Number(example)) ? Number(example) : 0;
  return example ?? "";
}

function shapeValue(spec: ServiceSpec, m: MemberSpec, v: unknown, options: ShapeOptions): unknown {
  if (m.type === "object" && isPlainObject(v)) return shapeObject(spec, m.member, v, options);
  if (m.type === "list" && Array.isArray(v) && spec.isObject(m.member)) {
    return v.map((e) => (isPlainObject(e) ? shapeObject(spec, m.member, e, options) : e));
  }
  return v;
}

/** The object as the spec has it: members in the spec's order, none it does not name, every
 *  output_required one present (null where the spec allows it, else a default). */
export function shapeObject(spec: ServiceSpec, objectName: string, value: Record<string, unknown>, options: ShapeOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of spec.object(objectName).members) {
    if (m.name === "RequestId") continue;
    const given = value[m.name];
    let v = given === undefined || given === null ? given : shapeValue(spec, m, given, options);
    if (m.value_allowed_null && options.nullMode && isEmptyValue(v)) v = null;
    if (v === undefined || (v === null && !m.value_allowed_null)) {
      if (!outputRequired(m)) continue;
      v = m.value_allowed_null ? null : defaultValue(spec, m, options);
    }
    out[m.name] = v;
  }
  return out;
}

/** An action's answer (without RequestId, which the envelope adds), shaped by its output. */
export function shapeAnswer(service: Service, action: string, fields: Record<string, unknown>, options: ShapeOptions): Record<string, unknown> {
  const spec = specOf(service);
  return shapeObject(spec, spec.output(action), fields, options);
}
