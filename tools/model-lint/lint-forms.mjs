// Checks every Camunda Form in the given folders or files against form-js 1.8.7 (lib/form-check.mjs) and prints
// one line per problem: <file>: <component id>: <message>. Exit code 1 when there is any problem, 0 otherwise.
// Usage: node lint-forms.mjs ../../forms [more folders or .form files]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkForm } from './lib/form-check.mjs';

const args = process.argv.slice(2);
if (!args.length) {
  console.error('usage: node lint-forms.mjs FOLDER|FILE.form ...');
  process.exit(2);
}
const files = args.flatMap((arg) => statSync(arg).isDirectory()
  ? readdirSync(arg).filter((name) => name.endsWith('.form')).sort().map((name) => join(arg, name))
  : [ arg ]);
if (!files.length) {
  console.error(`no .form files in ${args.join(', ')}`);
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
let count = 0;
for (const file of files) {
  const shown = relative(root, resolve(file));
  for (const problem of await checkForm(shown, readFileSync(file, 'utf8'))) {
    console.log(`${problem.file}: ${problem.id}: ${problem.message}`);
    count++;
  }
}
if (count) {
  console.log(`\n✖ ${count} form problem${count === 1 ? '' : 's'} in ${files.length} forms (form-js 1.8.7, Tasklist of Camunda 7.24)`);
  process.exit(1);
}
console.log(`${files.length} forms checked against form-js 1.8.7: no problems`);
