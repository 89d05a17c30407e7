// The form check (lib/form-check.mjs) accepts the project's forms and reports each kind of problem in a broken form
// by component id: what form-js 1.8.7 itself refuses, unknown properties, bad keys, FEEL and validation errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { checkForm } from '../lib/form-check.mjs';

const FORMS = new URL('../../../forms/', import.meta.url);

const form = (...components) => JSON.stringify({
  id: 'test-form', type: 'default', schemaVersion: 12, executionPlatform: 'Camunda Platform',
  executionPlatformVersion: '7.24.0', components
});
const messages = async (text) => (await checkForm('forms/test-form.form', text)).map((p) => `${p.id}: ${p.message}`);

test('every form of forms/ passes', async () => {
  const files = readdirSync(FORMS).filter((name) => name.endsWith('.form'));
  assert.ok(files.length > 10, 'forms/ has the project forms');
  for (const name of files) {
    assert.deepEqual(await checkForm(name, readFileSync(new URL(name, FORMS), 'utf8')), [], name);
  }
});

test('a valid form with every checked feature passes', async () => {
  assert.deepEqual(await messages(form(
    { type: 'text', id: 'Text_Intro', text: '## Hola {{proposalTitle}}' },
    { type: 'textfield', id: 'Field_Mail', key: 'mail', label: 'Correo',
      validate: { required: true, maxLength: 200, validationType: 'email' } },
    { type: 'number', id: 'Field_Count', key: 'count', validate: { min: 0, max: 10 } },
    { type: 'select', id: 'Field_Area', key: 'area', valuesKey: 'areaOptions', conditional: { hide: '=count > 3' } },
    { type: 'radio', id: 'Field_Ok', key: 'ok', values: [ { label: 'Sí', value: 'yes' }, { label: 'No', value: 'no' } ] },
    { type: 'datetime', id: 'Field_Date', key: 'date', subtype: 'date', dateLabel: 'Fecha' }
  )), []);
});

test('what form-js 1.8.7 refuses: a newer component type, an id or a key used twice (also inside a group)', async () => {
  assert.deepEqual(await messages(form({ type: 'filepicker', id: 'Field_Evidence', key: 'evidence' })),
    [ 'Field_Evidence: component type "filepicker" is not supported by form-js 1.8.7 (Tasklist of Camunda 7.24)' ]);
  assert.deepEqual(await messages(form(
    { type: 'textfield', id: 'Field_A', key: 'title' }, { type: 'textarea', id: 'Field_B', key: 'title' })), [
    "Field_A: form-js 1.8.7 refuses the form: binding path 'title' is already claimed",
    "Field_B: form-js 1.8.7 refuses the form: binding path 'title' is already claimed" ]);
  assert.deepEqual(await messages(form(
    { type: 'textfield', id: 'Field_A', key: 'a' }, { type: 'textfield', id: 'Field_A', key: 'b' })),
    [ 'Field_A: form-js 1.8.7 refuses the form: form field with id <Field_A> already exists' ]);
  assert.deepEqual(await messages(form({ type: 'group', id: 'Group_A', path: 'g', components: [
    { type: 'textfield', id: 'Field_X1', key: 'x' }, { type: 'textfield', id: 'Field_X2', key: 'x' } ] })), [
    "Field_X1: form-js 1.8.7 refuses the form: binding path 'g.x' is already claimed",
    "Field_X2: form-js 1.8.7 refuses the form: binding path 'g.x' is already claimed" ]);
});

test('unknown properties, bad keys, validation and FEEL errors, by component id', async () => {
  assert.deepEqual(await messages(form({
    type: 'textfield', id: 'Field_A', key: 'a b', lable: 'Título',
    validate: { required: 'yes', pattern: '([a-z', minLength: 5, maxLength: 2, customError: 'x' },
    conditional: { hide: '=a +' }
  })), [
    'Field_A: unknown property "lable" for a textfield in form-js 1.8.7 (Tasklist would ignore it)',
    'Field_A: key "a b" is not a variable name or a dotted path of them',
    'Field_A: validate.required must be true or false, not "yes"',
    'Field_A: validate.pattern "([a-z" is not a valid regular expression: Invalid regular expression: /([a-z/: '
      + 'Unterminated character class',
    'Field_A: validation "customError" is not applied to a textfield by form-js 1.8.7',
    'Field_A: validate.minLength 5 is greater than validate.maxLength 2: no value passes',
    'Field_A: conditional.hide: FEEL syntax error at 4 (near "a +") in "=a +"'
  ]);
  assert.deepEqual(await messages(form(
    { type: 'text', id: 'Text_A', text: 'Hola {{ a + }}' },
    { type: 'select', id: 'Field_S', key: 's', values: [ { label: 'A', value: 'a' } ], valuesKey: 'k' },
    { type: 'checklist', id: 'Field_C', key: 'c' },
    { type: 'radio', id: 'Field_R', key: 'r', values: [ { label: 'A', value: 'a' }, { label: 'B', value: 'a' } ] },
    { type: 'datetime', id: 'Field_D', key: 'd', subtype: 'dates' },
    { type: 'number', id: 'Field_N', validate: { min: 'cero' } }
  )), [
    'Text_A: text: template error in {{ a + }}: FEEL syntax error at 6 (near " a + ")',
    'Field_S: options come from values and valuesKey; form-js 1.8.7 uses only the first: keep one',
    'Field_C: no options: give values, valuesKey or valuesExpression',
    'Field_R: values has the value "a" twice',
    'Field_D: subtype "dates" is not one of date, time, datetime',
    'Field_N: no key: the field binds no process variable',
    'Field_N: validate.min must be a number or a FEEL expression, not "cero"'
  ]);
});

test('a file that is not a form of form-js 1.8.7 as a whole', async () => {
  assert.deepEqual(await messages('{"type": "default", "components": ['),
    [ '-: not JSON: Unexpected end of JSON input' ]);
  assert.deepEqual(await messages(JSON.stringify({ id: 'f', type: 'default', schemaVersion: 18, versionTag: 'v1',
    components: [] })), [
    'f: schemaVersion 18: form-js 1.8.7 reads versions up to 16',
    'f: unknown property "versionTag" of the form in form-js 1.8.7 (Tasklist would ignore it)'
  ]);
});
