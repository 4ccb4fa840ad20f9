// The Tencent Cloud API client: import everything from here.
export * from "./types";
export * from "./signer";
export * from "./errors";
export * from "./retry";
export * from "./pacing";
export * from "./redact";
export type { Credentials, ClientOptions, ClientStats } from "./client";
export { TencentCloudClient, DEFAULT_TIMEOUT_MS, targetFor, serviceHost, mayHaveApplied } from "./client";
