// The emulator's parts wired together: state, accepted credentials, faults, throttling, request log.
import { randomBytes } from "node:crypto";
import { EmulatorState } from "./state";
import { FaultSet } from "./faults";
import { RateLimiter } from "./rateLimit";
import { RequestLog } from "./requestLog";
import { applySeed, validateCredentials } from "./outOfBand";
import { applyFreeCertificateSeed } from "./ssl/freeActions";
import type { EmulatorOptions, EmulatorSeed } from "./types";

export function generateCredentials(): { secretId: string; secretKey: string } {
  return { secretId: `AKIDemu${randomBytes(12).toString("hex")}`, secretKey: randomBytes(24).toString("base64url") };
}

export class Emulator {
  state: EmulatorState;
  readonly credentials = new Map<string, string>();
  readonly faults = new FaultSet();
  readonly limiter = new RateLimiter();
  readonly log: RequestLog;
  readonly rateLimits: boolean;
  /** Answer null for every member the spec lets be null whenever it has no value (EmulatorOptions.nullMode). */
  readonly nullMode: boolean;
  /** The pair handed to the caller: the seed's first credential, or one generated for this start. */
  readonly primary: { secretId: string; secretKey: string };
  private readonly deployDelayMs: number;
  private readonly initialSeed: EmulatorSeed;
  private readonly freeCertificateTiming: EmulatorOptions["freeCertificates"];

  constructor(options: EmulatorOptions) {
    this.deployDelayMs = options.deployDelayMs ?? 0;
    this.freeCertificateTiming = options.freeCertificates;
    this.rateLimits = options.rateLimits ?? true;
    this.nullMode = options.nullMode ?? false;
    this.log = new RequestLog(options.logRequests ?? true);
    this.initialSeed = structuredClone(options.seed ?? {});
    const seeded = validateCredentials(this.initialSeed);
    this.primary = seeded[0] ?? generateCredentials();
    this.credentials.set(this.primary.secretId, this.primary.secretKey);
    this.state = this.freshState(this.initialSeed);
  }

  private freshState(seed: EmulatorSeed): EmulatorState {
    const state = new EmulatorState(this.deployDelayMs);
    applySeed(state, seed);
    applyFreeCertificateSeed(state, seed, this.freeCertificateTiming);
    for (const c of validateCredentials(seed)) this.credentials.set(c.secretId, c.secretKey);
    return state;
  }

  /** Adds a seed's resources and credentials to the current world. */
  seed(seed: EmulatorSeed): void {
    applySeed(this.state, seed);
    applyFreeCertificateSeed(this.state, seed);
    for (const c of validateCredentials(seed)) this.credentials.set(c.secretId, c.secretKey);
  }

  /** Back to the start-up seed (or the given one): state, faults, buckets and the log are cleared; credentials stay. */
  reset(seed?: EmulatorSeed): void {
    this.state = this.freshState(seed ?? this.initialSeed);
    this.faults.replace([]);
    this.limiter.reset();
    this.log.clear();
  }
}
