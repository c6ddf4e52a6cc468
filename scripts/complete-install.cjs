// Runs after `npm ci` / `npm install` (package.json, "postinstall"), on the project's Node 22.
//
// npm skips an optional package whose `engines` the Node running npm does not satisfy, and
// this project's native build tools are optional packages that ask for Node ^20.19 or >=22.12
// (rolldown's and Astro's compiler bindings). On an older Node, npm therefore installs
// everything but them, and the build then fails. Node 22 is in node_modules/.bin by now, so
// this asks the same npm, run on Node 22, to add what it skipped. On a recent Node it does
// nothing.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');

const installer = process.env.npm_node_execpath;
const installerVersion = installer
  ? execFileSync(installer, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
  : process.versions.node;
const [major, minor] = installerVersion.split('.').map(Number);
const recentEnough = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22;
if (recentEnough || !process.env.npm_execpath) process.exit(0);

console.log(`Node ${installerVersion} runs npm here; adding the native build tools npm skipped for it, with Node ${process.versions.node}.`);
const result = spawnSync(
  process.execPath,
  [process.env.npm_execpath, 'install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
