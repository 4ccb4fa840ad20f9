// The sdk's public types as an editor sees them: the Args and outputs are mapped from the
// provider's shape.ts, and this proves the mapping keeps each member's doc comment and the closed
// sets of values (TypeScript compiler API over the sources, as a language server would read them).
import { expect } from "chai";
import * as path from "path";
import * as ts from "typescript";
import { repoRoot } from "../support/packed";

// The sources, also when the test runs from dist/.
const sdkIndex = path.join(repoRoot(), "sdk", "index.ts");

describe("sdk types in an editor", function () {
  this.timeout(60_000);
  let checker: ts.TypeChecker;
  let exports: Map<string, ts.Symbol>;

  before(() => {
    const program = ts.createProgram([sdkIndex], {
      strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true, types: [],
    });
    checker = program.getTypeChecker();
    const source = program.getSourceFile(sdkIndex)!;
    exports = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => [s.name, s]));
  });

  /** The property of an exported type (or of an exported class's instances). */
  function member(typeName: string, prop: string): { doc: string; type: string } {
    const sym = exports.get(typeName);
    expect(sym, `${typeName} is exported from sdk/index.ts`).to.not.equal(undefined);
    const target = sym!.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym!) : sym!;
    const type = target.flags & ts.SymbolFlags.Class
      ? checker.getDeclaredTypeOfSymbol(target)
      : checker.getDeclaredTypeOfSymbol(target);
    const p = type.getProperty(prop);
    expect(p, `${typeName}.${prop}`).to.not.equal(undefined);
    return {
      doc: ts.displayPartsToString(p!.getDocumentationComment(checker)),
      type: checker.typeToString(checker.getTypeOfSymbol(p!), undefined, ts.TypeFormatFlags.NoTruncation),
    };
  }

  it("documents every argument and output of the three resources", () => {
    const resources: Record<string, string[]> = {
      CdnHttpsConfigArgs: ["domain", "certificate", "privateKey", "certId", "certRemark", "http2", "ocspStapling", "tlsVersions", "hsts", "forceRedirect", "waitForDeployment"],
      CdnHttpsConfig: ["domain", "http2", "tlsVersions", "httpsEnabled", "sslStatus", "certSource", "certExpiresAt", "certFingerprint", "certChainFingerprint", "certDomains", "deployedCert", "waitForDeployment"],
      LiveCertificateArgs: ["remarks", "certificate", "privateKey", "cloudCertId"],
      LiveCertificate: ["cloudCertId", "source", "adopted", "remarks", "expiresAt", "domains", "fingerprint", "chainFingerprint", "certificate"],
      LiveDomainBindingArgs: ["cloudCertId", "domains", "enableHttps"],
      LiveDomainBinding: ["cloudCertId", "domains", "enableHttps", "bindings"],
      LiveDomainBindingView: ["domain", "httpsEnabled", "cloudCertId", "remarks", "source", "certExpiresAt"],
    };
    for (const [typeName, props] of Object.entries(resources)) {
      for (const prop of props) expect(member(typeName, prop).doc, `${typeName}.${prop} has a doc comment`).to.not.equal("");
    }
    expect(member("CdnHttpsConfigArgs", "http2").doc).to.contain("default true");
  });

  it("types closed sets as literal unions and every argument as a pulumi.Input", () => {
    // The compile-time half of this proof is test/unit/sdkTypes.probe.ts, which the build checks.
    const tls = member("CdnHttpsConfigArgs", "tlsVersions").type;
    for (const v of ['"TLSv1"', '"TLSv1.1"', '"TLSv1.2"', '"TLSv1.3"']) expect(tls).to.contain(v);
    expect(member("CdnHttpsConfig", "sslStatus").type).to.equal("Output<SslStatus>");
    expect(member("CdnHttpsConfigArgs", "domain").type).to.equal("Input<string>");
    expect(member("CdnHttpsConfigArgs", "hsts").type).to.match(/^Input<Inputs<\{ maxAge: number; includeSubDomains\?: boolean/);
  });
});
