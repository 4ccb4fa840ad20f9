// Certificate benchmark: median time of inspectCertificate for (1) a 3-certificate chain (leaf and two
// intermediates, generated now) with its key and domains, and (2) the real 10,000-SAN badssl chain with
// 100 domains to check. Prints figures only; nothing here asserts a time.
import * as fs from "node:fs";
import * as path from "node:path";
import { inspectCertificate, type InspectInput } from "../provider/certificate";
import { badsslDir, makeChain } from "../test/support/certs";

function medianMs(input: InspectInput, iterations: number): { median: number; p90: number } {
  for (let i = 0; i < Math.min(5, iterations); i++) inspectCertificate(input); // warm-up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    inspectCertificate(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)] };
}

function line(label: string, r: { median: number; p90: number }, iterations: number): string {
  return `  ${label.padEnd(58)} median ${r.median.toFixed(2).padStart(7)} ms   p90 ${r.p90.toFixed(2).padStart(7)} ms   (${iterations} runs)`;
}

export async function run(): Promise<void> {
  console.log("== certificate benchmark (offline inspection, provider/certificate)");
  for (const keyType of ["rsa", "ec256"] as const) {
    const chain = makeChain({ keyType, caKeyType: keyType, intermediates: 2 });
    const input = { certificate: chain.certificate, privateKey: chain.privateKey, domains: ["example.com", "www.example.com", "api.example.com"] };
    const iterations = 200;
    console.log(line(`3-certificate ${keyType === "rsa" ? "RSA 2048" : "EC P-256"} chain + key + 3 domains`, medianMs(input, iterations), iterations));
  }
  const certificate = fs.readFileSync(path.join(badsslDir(), "subdomain-10000-sans.pem"), "utf8");
  const domains = Array.from({ length: 100 }, (_, i) => `san${i * 150 + 2}.badssl.com`);
  const iterations = 30;
  console.log(line("10,000-SAN badssl chain (2 certs) + 100 domains", medianMs({ certificate, domains }, iterations), iterations));
}

if (require.main === module) run().catch((e) => { console.error(e); process.exitCode = 1; });
