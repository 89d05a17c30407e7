// The two commands the build runs (package.json: lint:bpmn, lint:forms) fail on a broken copy of a real model and of
// a real form, naming the file and the element, and pass on unchanged copies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOL = fileURLToPath(new URL('..', import.meta.url));
const REPO = join(TOOL, '..', '..');

function copy(dir, from, name, change = (text) => text) {
  const original = readFileSync(join(REPO, from), 'utf8');
  const changed = change(original);
  const file = join(dir, name);
  writeFileSync(file, changed);
  return { file, changed: changed !== original };
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: TOOL, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

const BPMNLINT = [ join('node_modules', 'bpmnlint', 'bin', 'bpmnlint.js'), '--max-warnings=0' ];

test('lint:bpmn uses the flags this test uses', () => {
  const scripts = JSON.parse(readFileSync(join(TOOL, 'package.json'), 'utf8')).scripts;
  assert.match(scripts['lint:bpmn'], /^bpmnlint --max-warnings=0 "\.\.\/\.\.\/processes\/\*\.bpmn" && /);
});

test('bpmnlint fails on a model that breaks a convention, naming the file and the element', () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-lint-'));
  try {
    const good = copy(dir, 'processes/proposal-review.bpmn', 'proposal-review.bpmn');
    assert.equal(run([ ...BPMNLINT, good.file ]).status, 0, 'the unchanged model passes');
    const broken = copy(dir, 'processes/proposal-review.bpmn', 'broken-review.bpmn', (text) => text.replace(
      'camunda:formRef="proposal-triage" camunda:formRefBinding="deployment"',
      'camunda:formRef="proposal-triage" camunda:formRefBinding="latest"'));
    assert.ok(broken.changed, 'the test found the attribute to break');
    const { status, output } = run([ ...BPMNLINT, broken.file ]);
    assert.equal(status, 1, output);
    assert.ok(output.includes(broken.file), output);
    assert.match(output, /Task_TriageProposal\s+error\s+camunda:formRefBinding is "latest"; must be "deployment"\s+cocrea\/user-task-form/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bpmnlint fails on a warning of the recommended rules too (--max-warnings=0)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-lint-'));
  try {
    // Sends the triage's outcome past the join gateway straight to Task_AssignArea, which then has two incoming flows.
    const broken = copy(dir, 'processes/proposal-review.bpmn', 'fake-join.bpmn', (text) => text
      .replace('sourceRef="Task_TriageProposal" targetRef="Gateway_AreaKnown"',
        'sourceRef="Task_TriageProposal" targetRef="Task_AssignArea"')
      .replace(/(<bpmn:exclusiveGateway id="Gateway_AreaKnown"[\s\S]*?)<bpmn:incoming>Flow_TriageDone<\/bpmn:incoming>/, '$1')
      .replace(/(<bpmn:serviceTask id="Task_AssignArea"[^>]*>)/, '$1<bpmn:incoming>Flow_TriageDone</bpmn:incoming>'));
    assert.ok(broken.changed, 'the test found the flow to move');
    const { status, output } = run([ ...BPMNLINT, broken.file ]);
    assert.equal(status, 1, output);
    assert.match(output, /Task_AssignArea\s+warning\s+Incoming flows do not join\s+fake-join/);
    assert.doesNotMatch(output, /\berror\b/, 'warnings only');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lint-forms fails on a form that form-js 1.8.7 cannot render, naming the file and the component', () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-lint-'));
  try {
    const good = copy(dir, 'forms/proposal-triage.form', 'proposal-triage.form');
    assert.equal(run([ 'lint-forms.mjs', good.file ]).status, 0, 'the unchanged form passes');
    const broken = copy(dir, 'forms/proposal-triage.form', 'broken-triage.form', (text) => {
      const form = JSON.parse(text);
      form.components.find((c) => c.id === 'Field_areaGroup').type = 'filepicker';
      return JSON.stringify(form, null, 2);
    });
    const { status, output } = run([ 'lint-forms.mjs', broken.file ]);
    assert.equal(status, 1, output);
    assert.match(output, /broken-triage\.form: Field_areaGroup: component type "filepicker" is not supported by form-js 1\.8\.7/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
