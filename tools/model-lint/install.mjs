// Installs this tool's dependencies exactly as package-lock.json pins them (npm ci), unless node_modules already
// holds exactly those: npm records what it installed in node_modules/.package-lock.json, so an unchanged lock file
// costs nothing on the next build. A fresh clone (CI) always runs npm ci. Needs Node.js 20+ and npm on the PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`tools/model-lint needs Node.js 20 or later (bpmnlint 11); this is ${process.version}`);
  process.exit(1);
}

const packages = (file) => {
  const all = JSON.parse(readFileSync(file, 'utf8')).packages || {};
  delete all[''];
  return JSON.stringify(Object.keys(all).sort().map((name) => [ name, all[name].version, all[name].resolved ]));
};

const installed = 'node_modules/.package-lock.json';
if (existsSync(installed) && packages(installed) === packages('package-lock.json')) {
  process.exit(0);
}
execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', [ 'ci', '--no-audit', '--no-fund', '--loglevel=error' ],
  { stdio: 'inherit', shell: process.platform === 'win32' });
