// Progress and warnings from inside the dynamic-provider host. The host has no engine connection,
// so (like pulumi.log there) lines go to stdout/stderr, which the engine passes through to the
// user's `pulumi up` output. Never pass inputs here: only names, ids, states and API messages.
export type LogLevel = "info" | "warn";
export type LogSink = (level: LogLevel, line: string) => void;

export interface Log {
  info(line: string): void;
  warn(line: string): void;
}

const PREFIX = "[tencentcloud-https]";

/** Where a provider process writes: stdout for progress, stderr for warnings. */
export const consoleSink: LogSink = (level, line) => {
  if (level === "warn") console.error(`${PREFIX} warning: ${line}`);
  else console.log(`${PREFIX} ${line}`);
};

export function logTo(sink: LogSink): Log {
  return { info: (line) => sink("info", line), warn: (line) => sink("warn", line) };
}
