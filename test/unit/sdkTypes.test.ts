// The sdk's public types as an editor sees them in the installed package: the Args and outputs are
// mapped from the provider's shape.ts, and this proves that the emitted declarations (.d.ts, built
// in memory here) keep each member's doc comment and the closed sets of values. Declaration emit
// drops doc comments from inferred types, which is why shape.ts writes its Args interface out.
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
    const root = repoRoot();
    const options: ts.CompilerOptions = {
      strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
      skipLibCheck: true, types: [], rootDir: root,
    };
    // Emit the declarations in memory, under a folder of the repository so that node_modules resolve.
    const outDir = path.join(root, ".declarations-in-memory");
    const emitted = new Map<string, string>();
    ts.createProgram([sdkIndex], { ...options, declaration: true, emitDeclarationOnly: true, outDir })
      .emit(undefined, (file, text) => emitted.set(path.resolve(file), text));
    const host = ts.createCompilerHost(options);
    const readSource = host.getSourceFile.bind(host);
    host.fileExists = (f) => emitted.has(path.resolve(f)) || ts.sys.fileExists(f);
    host.readFile = (f) => emitted.get(path.resolve(f)) ?? ts.sys.readFile(f);
    host.directoryExists = (d) => [...emitted.keys()].some((f) => f.startsWith(path.resolve(d) + path.sep)) || ts.sys.directoryExists(d);
    host.getSourceFile = (f, lang, ...rest) => (emitted.has(path.resolve(f))
      ? ts.createSourceFile(f, emitted.get(path.resolve(f))!, lang)
      : readSource(f, lang, ...rest));
    const entry = path.join(outDir, "sdk", "index.d.ts");
    expect(emitted.has(entry), "sdk/index.d.ts was emitted").to.equal(true);
    const program = ts.createProgram([entry], { ...options, noEmit: true }, host);
    checker = program.getTypeChecker();
    const source = program.getSourceFile(entry)!;
    exports = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => [s.name, s]));
  });

  /** The property of an exported type (or of an exported class's instances). */
  function member(typeName: string, prop: string): { doc: string; type: string } {
    const sym = exports.get(typeName);
    expect(sym, `${typeName} is exported from sdk/index.ts`).to.not.equal(undefined);
    const target = sym!.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym!) : sym!;
    const type = checker.getDeclaredTypeOfSymbol(target);
    const p = type.getProperty(prop);
    expect(p, `${typeName}.${prop}`).to.not.equal(undefined);
    return {
      doc: ts.displayPartsToString(p!.getDocumentationComment(checker)),
      type: checker.typeToString(checker.getTypeOfSymbol(p!), undefined, ts.TypeFormatFlags.NoTruncation),
    };
  }

  it("documents every argument and output of the five resources", () => {
    const resources: Record<string, string[]> = {
      CdnHttpsConfigArgs: ["domain", "certificate", "privateKey", "certificateId", "alias", "http2", "ocspStapling", "tlsVersions", "hsts", "forceRedirect", "waitForDeployment"],
      CdnHttpsConfig: ["domain", "http2", "tlsVersions", "httpsEnabled", "sslStatus", "source", "expiresAt", "fingerprint", "chainFingerprint", "dnsNames", "deployedCert", "waitForDeployment"],
      LiveCertificateArgs: ["alias", "certificate", "privateKey", "certificateId"],
      LiveCertificate: ["certificateId", "source", "adopted", "alias", "expiresAt", "dnsNames", "fingerprint", "chainFingerprint", "certificate"],
      LiveDomainBindingArgs: ["certificateId", "domains", "enableHttps"],
      LiveDomainBinding: ["certificateId", "domains", "enableHttps", "bindings"],
      LiveDomainBindingView: ["domain", "httpsEnabled", "certificateId", "alias", "source", "expiresAt"],
      FreeCertificateArgs: ["domain", "validationMethod", "keyAlgorithm", "alias", "renewBeforeDays", "waitForIssuance"],
      FreeCertificate: ["certificateId", "domain", "validationMethod", "keyAlgorithm", "renewBeforeDays", "waitForIssuance", "status", "validationRecords", "issuedAt", "expiresAt", "daysToExpiry", "dnsNames", "fingerprint", "renews", "adopted"],
      ValidationRecord: ["domain", "recordType", "name", "value", "filePath"],
      FreeCertificateValidationArgs: ["certificateId", "validationRecordIds"],
      FreeCertificateValidation: ["certificateId", "validationRecordIds", "status", "issuedAt", "expiresAt"],
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
