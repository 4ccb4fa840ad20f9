// Progress and warnings from inside the dynamic-provider host. The engine starts the host with no
// connection to it for logging (no PULUMI_NODEJS_ENGINE; pulumi.log there falls back to the
// console), and passes the host's stdout and stderr, line by line, to the user's `pulumi up` as
// info messages of the stack (docs/reference/pulumi-dynamic-providers.md §2, "Logs"). So lines go
// to stdout/stderr, each naming what it is about. Never pass inputs here: only names, ids, states
// and API messages.
import { DEFAULT_PROGRESS, ProgressSettings } from "./progress";

export type LogLevel = "info" | "warn";
export type LogSink = (level: LogLevel, line: string) => void;

export interface Log {
  info(line: string): void;
  warn(line: string): void;
  /** How waits report their progress through this log (runtime/progress.ts); the default when absent. */
  readonly progress?: ProgressSettings;
}

const PREFIX = "[tencentcloud-https]";

/** Where a provider process writes: stdout for progress, stderr for warnings. */
export const consoleSink: LogSink = (level, line) => {
  if (level === "warn") console.error(`${PREFIX} warning: ${line}`);
  else console.log(`${PREFIX} ${line}`);
};

export function logTo(sink: LogSink, progress: ProgressSettings = DEFAULT_PROGRESS): Log {
  return { info: (line) => sink("info", line), warn: (line) => sink("warn", line), progress };
}
