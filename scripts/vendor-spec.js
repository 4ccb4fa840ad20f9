#!/usr/bin/env node
// Regenerates spec/ (the subset of Tencent Cloud's API specification the emulator serves) from the
// full files: `node scripts/vendor-spec.js <dir>` where <dir> holds cdn|live|ssl .api.json and
// .examples.json (TencentCloud/tencentcloud-cli) and errors.json (TencentCloud/tencentcloud-sdk-go).
// Adding an action is one line in ACTIONS.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/** Every action the emulator serves or another part of the repository relies on. */
const ACTIONS = {
  cdn: ["DescribeDomainsConfig", "DescribeDomains", "UpdateDomainConfig"],
  live: [
    "DescribeLiveDomains", "DescribeLiveDomain", "DescribeLiveDomainCert", "DescribeLiveDomainCertBindings",
    "ModifyLiveDomainCertBindings", "UnBindLiveDomainCert",
  ],
  ssl: [
    "UploadCertificate", "DescribeCertificateDetail", "DeleteCertificate", "ModifyCertificateAlias",
    // FreeCertificate (issue 17)
    "ApplyCertificate", "DescribeCertificate", "CompleteCertificate", "CheckCertificateDomainVerification", "DescribeCertificates",
    // An application's lifecycle beside issuance (issue 26)
    "CancelCertificateOrder",
  ],
};

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 1) + "\n");
}

/** The objects an action's input and output reach, through object and list-of-object members. */
function reachableObjects(api, actions) {
  const seen = new Set();
  const todo = actions.flatMap((a) => [api.actions[a].input, api.actions[a].output]);
  while (todo.length > 0) {
    const name = todo.pop();
    if (seen.has(name)) continue;
    const object = api.objects[name];
    if (!object) throw new Error(`object ${name} is not in the spec`);
    seen.add(name);
    for (const m of object.members) if (api.objects[m.member]) todo.push(m.member);
  }
  return [...seen].sort();
}

function pick(record, keys) {
  const out = {};
  for (const k of keys) {
    if (!(k in record)) throw new Error(`${k} is not in the spec`);
    out[k] = record[k];
  }
  return out;
}

function main(sourceDir, targetDir) {
  const errors = readJson(path.join(sourceDir, "errors.json"));
  const vendoredErrors = { source: errors.source, services: {} };
  // Every action name of each service, so the emulator can tell an action it does not emulate from one the API lacks.
  const allActions = { services: {} };
  for (const [svc, actions] of Object.entries(ACTIONS)) {
    const api = readJson(path.join(sourceDir, `${svc}.api.json`));
    allActions.services[svc] = { version: api.metadata.apiVersion, actions: Object.keys(api.actions).sort() };
    writeJson(path.join(targetDir, `${svc}.api.json`), {
      version: api.version, metadata: api.metadata,
      actions: pick(api.actions, actions), objects: pick(api.objects, reachableObjects(api, actions)),
    });
    const examples = readJson(path.join(sourceDir, `${svc}.examples.json`));
    writeJson(path.join(targetDir, `${svc}.examples.json`), {
      version: examples.version, actions: pick(examples.actions, actions.filter((a) => a in examples.actions)),
    });
    const svcErrors = errors.services[svc];
    const actionCodes = pick(svcErrors.actions, actions.filter((a) => a in svcErrors.actions));
    // The codes those actions name, plus the service's own undotted categories (AuthFailure, InternalError, ...).
    const codes = new Set([...Object.values(actionCodes).flat(), ...Object.keys(svcErrors.codes).filter((c) => !c.includes("."))]);
    vendoredErrors.services[svc] = { actions: actionCodes, codes: pick(svcErrors.codes, [...codes].filter((c) => c in svcErrors.codes).sort()) };
  }
  writeJson(path.join(targetDir, "errors.json"), vendoredErrors);
  writeJson(path.join(targetDir, "actions.json"), allActions);
  fs.writeFileSync(path.join(targetDir, "LICENSE"), fs.readFileSync(path.join(sourceDir, "LICENSE")));
}

if (require.main === module) {
  const [sourceDir, targetDir = path.join(__dirname, "..", "spec")] = process.argv.slice(2);
  if (!sourceDir) {
    console.error("usage: node scripts/vendor-spec.js <directory with the full spec files> [target, default spec/]");
    process.exit(2);
  }
  main(sourceDir, targetDir);
  console.log(`spec/ regenerated from ${sourceDir}`);
}

module.exports = { ACTIONS };
