// A role's trust policy (CAM's "角色载体", policy syntax 2.0) judged for one request: who may assume
// the role, by which action, under which conditions. Pure. The subset the emulator reads:
// - effect "allow" statements whose action names name/sts:AssumeRole or name/sts:AssumeRoleWithWebIdentity;
// - principal qcs: "qcs::cam::uin/<uin>:root" (any identity of that account) or
//   "qcs::cam::uin/<uin>:uin/<uin>" (its main account); service: "cvm.qcloud.com" (an instance role);
//   federated: "qcs::cam::uin/<uin>:oidc-provider/<name>" (an OIDC identity provider);
// - condition string_equal on sts:external_id, oidc:iss, oidc:aud, oidc:sub (a value or a list: any of them).
// guess: deny statements and other condition operators are not modelled (no test of ours needs them).

export type TrustAction = "name/sts:AssumeRole" | "name/sts:AssumeRoleWithWebIdentity";

export interface TrustRequest {
  action: TrustAction;
  /** The account of the calling credential (AssumeRole). */
  callerUin?: string;
  /** A cloud service assuming the role for an instance (the metadata service). */
  service?: string;
  /** The identity provider the token came from (AssumeRoleWithWebIdentity). */
  federated?: string;
  /** Condition keys and their values for this request. */
  context: Record<string, string | undefined>;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

function principalMatches(principal: Record<string, unknown> | undefined, req: TrustRequest): boolean {
  if (!principal) return false;
  if (req.callerUin && list(principal.qcs).some((p) => p === `qcs::cam::uin/${req.callerUin}:root` || p === `qcs::cam::uin/${req.callerUin}:uin/${req.callerUin}`)) return true;
  if (req.service && list(principal.service).includes(req.service)) return true;
  return !!req.federated && list(principal.federated).includes(req.federated);
}

function conditionsHold(condition: Record<string, unknown> | undefined, req: TrustRequest): boolean {
  const equal = (condition?.string_equal ?? {}) as Record<string, unknown>;
  return Object.entries(equal).every(([key, allowed]) => {
    const value = req.context[key];
    return value !== undefined && list(allowed).includes(value);
  });
}

/** Whether the policy lets this request assume the role. */
export function trusts(policy: unknown, req: TrustRequest): boolean {
  const statements = (policy as { statement?: unknown })?.statement;
  return Array.isArray(statements) && statements.some((s: Record<string, any>) =>
    String(s?.effect).toLowerCase() === "allow" && list(s.action).includes(req.action)
    && principalMatches(s.principal, req) && conditionsHold(s.condition, req));
}

/** Whether a role is an instance role (the metadata service may hand out its credentials). */
export const isInstanceRole = (policy: unknown) => trusts(policy, { action: "name/sts:AssumeRole", service: "cvm.qcloud.com", context: {} });
