// Time formats of the API: "YYYY-MM-DD hh:mm:ss" in China time (UTC+8), whatever the host's zone.
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export function chinaTime(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** An 8-character id like the SSL service's ("GjTNRoK7"). */
export function shortId(random: () => number = Math.random): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
  return s;
}
