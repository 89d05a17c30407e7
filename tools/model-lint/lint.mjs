// Runs both checks, lint:bpmn and lint:forms (package.json), so one run reports every problem of processes/ and
// forms/; exit code 1 when either found one.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let failed = false;
for (const script of [ 'lint:bpmn', 'lint:forms' ]) {
  const { status } = spawnSync(npm, [ 'run', '--silent', script ], { stdio: 'inherit', shell: process.platform === 'win32' });
  failed = failed || status !== 0;
}
process.exit(failed ? 1 : 0);
