#!/usr/bin/env node
// The package.json that goes into the tarball: the repository's without the `prepare` script.
// `prepare` builds dist/ where nothing is built yet: a clone's `npm ci`, and an install from a git URL
// (npm runs only `prepare` there). The tarball carries dist/ already, and npm 11 lists the
// `prepare` of a package installed from a file or URL among the install scripts every user is
// warned about, so `npm pack` and `npm publish` leave it out: `prepack` writes the manifest without
// it (keeping the original beside it), `postpack` puts the original back. npm reads the manifest
// after `prepack`, so it neither runs `prepare` while packing nor packs it.
//
// usage: node scripts/pack-manifest.js strip | restore
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "package.json");
const original = path.join(root, ".package.json.before-pack");

function strip() {
  // A pack that stopped before postpack left the stripped manifest: start again from the original.
  if (fs.existsSync(original)) fs.copyFileSync(original, manifest);
  const text = fs.readFileSync(manifest, "utf8");
  fs.writeFileSync(original, text);
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  fs.writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
}

function restore() {
  if (!fs.existsSync(original)) return;
  fs.copyFileSync(original, manifest);
  fs.rmSync(original);
}

const command = process.argv[2];
if (command === "strip") strip();
else if (command === "restore") restore();
else {
  process.stderr.write("usage: node scripts/pack-manifest.js strip | restore\n");
  process.exitCode = 2;
}
