// Whether a URL points at this machine: the only place plain http:// may carry our requests
// (the local emulator), and where a corporate HTTP(S)_PROXY must not be used.
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}
