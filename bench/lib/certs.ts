// Certificates for the fleet, from the shared test factory (test/support/certs.ts): real chains,
// keys generated at run time (cached per process, so issuing hundreds is cheap).
import { makeChain } from "../../test/support/certs";
import type { IssueCert } from "./fleet";

export function testCertIssuer(): IssueCert {
  return (names) => {
    const chain = makeChain({ domains: names });
    return { certificate: chain.certificate, privateKey: chain.privateKey };
  };
}
