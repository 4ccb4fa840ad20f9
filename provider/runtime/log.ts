// Progress and warnings from inside the dynamic-provider host. The host has no engine connection,
// so (like pulumi.log there) we write to stdout/stderr, which the engine passes through to the
// user's `pulumi up` output. Never pass inputs here: only names, ids, states and API messages.
export type LogLevel = "info" | "warn";
export type LogSink = (level: LogLevel, line: string) => void;

const PREFIX = "[tencentcloud-https]";

const consoleSink: LogSink = (level, line) => {
  if (level === "warn") console.error(`${PREFIX} warning: ${line}`);
  else console.log(`${PREFIX} ${line}`);
};

let sink: LogSink = consoleSink;

export const log = {
  info(line: string): void { sink("info", line); },
  warn(line: string): void { sink("warn", line); },
};

/** Route provider log lines elsewhere (tests, benchmarks); returns a function restoring the previous sink. */
export function setLogSink(next: LogSink): () => void {
  const previous = sink;
  sink = next;
  return () => { sink = previous; };
}
