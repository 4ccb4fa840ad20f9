// The certificate statuses the SSL spec documents (DescribeCertificateDetail's and Certificates'
// Status: "0 = 审核中，1 = 已通过，2 = 审核失败，3 = 已过期，4 = 自动添加DNS记录，5 = 企业证书，待提交资料，
// 6 = 订单取消中，7 = 已取消，8 = 已提交资料，待上传确认函，9 = 证书吊销中，10 = 已吊销，11 = 重颁发中，
// 12 = 待上传吊销确认函，13 = 免费证书待提交资料，14 = 证书已退款，15 = 证书迁移中"), by the names the admin
// routes and seeds use. Four follow from validation and the clock (pending, issued, expired,
// addingDnsRecord); the others are what the CA, the console or an API call did, and stay until
// something else happens.
import type { FreeCertificateEvent } from "../../types";

export interface StatusFacts {
  code: number;
  /** StatusName as the emulator answers it (the spec shows Chinese ones; the client asks for en-US). */
  statusName: string;
  /** StatusMsg when the event gives none. */
  message: string;
  /** What an application must be for the CA or console to put it here: issued, not issued, or either. */
  from: "issued" | "pending" | "any";
}

/** Computed from validation and the clock, never set. */
export const COMPUTED_STATUSES = {
  pending: { code: 0, statusName: "Under review", message: "PENDING-DCV", from: "pending" },
  issued: { code: 1, statusName: "Issued", message: "", from: "pending" },
  expired: { code: 3, statusName: "Expired", message: "", from: "issued" },
  addingDnsRecord: { code: 4, statusName: "Adding DNS record automatically", message: "PENDING-DCV", from: "pending" },
} as const satisfies Record<string, StatusFacts>;

/**
 * Set by an event (the status admin route, a seed, CancelCertificateOrder). StatusMsg values from the spec's list
 * (DescribeCertificateDetail StatusMsg: "CA审核失败，域名未通过安全审查", "域名验证超时，订单自动关闭，请您重新进行证书申请").
 */
export const EVENT_STATUSES: Record<FreeCertificateEvent, StatusFacts> = {
  rejected: { code: 2, statusName: "Review failed", message: "CA审核失败，域名未通过安全审查", from: "pending" },
  validationExpired: { code: 2, statusName: "Review failed", message: "域名验证超时，订单自动关闭，请您重新进行证书申请", from: "pending" },
  awaitingCompanyInformation: { code: 5, statusName: "Enterprise certificate: information to submit", message: "", from: "pending" },
  cancelling: { code: 6, statusName: "Cancelling the order", message: "", from: "pending" },
  cancelled: { code: 7, statusName: "Cancelled", message: "", from: "pending" },
  awaitingConfirmationLetter: { code: 8, statusName: "Information submitted: confirmation letter to upload", message: "", from: "pending" },
  revoking: { code: 9, statusName: "Revoking", message: "", from: "issued" },
  revoked: { code: 10, statusName: "Revoked", message: "", from: "issued" },
  reissuing: { code: 11, statusName: "Reissuing", message: "", from: "issued" },
  awaitingRevocationLetter: { code: 12, statusName: "Revocation confirmation letter to upload", message: "", from: "issued" },
  awaitingInformation: { code: 13, statusName: "Free certificate: information to submit", message: "", from: "pending" },
  refunded: { code: 14, statusName: "Refunded", message: "", from: "any" },
  migrating: { code: 15, statusName: "Migrating", message: "", from: "any" },
};

export type EventStatus = FreeCertificateEvent;
export const EVENT_STATUS_NAMES = Object.keys(EVENT_STATUSES) as EventStatus[];

/** StatusName by code, for any certificate (stored ones show 1 or 3, or a seeded code). */
export function statusName(code: number): string {
  const all: StatusFacts[] = [...Object.values(COMPUTED_STATUSES), ...Object.values(EVENT_STATUSES)];
  return all.find((s) => s.code === code)?.statusName ?? `status ${code}`;
}

/** Statuses in which the order is busy: no delete until it settles (guess: InvalidCertificateStatusCode, "证书状态不正确"). */
export const BUSY_CODES: ReadonlySet<number> = new Set([6, 9, 11, 15]);
