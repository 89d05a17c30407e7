// Checks Camunda Forms (forms/*.form) against form-js 1.8.7, the renderer of Camunda 7.24's Tasklist, with form-js
// itself: each schema is imported and rendered by @bpmn-io/form-js-viewer 1.8.7 (in jsdom), which refuses component
// types it does not know and keys or ids used twice; FEEL expressions and templates are parsed with the same feelin
// and feelers the viewer evaluates them with; and each component's properties and validations are compared with
// what the 1.8.7 viewer reads (properties it ignores would silently do nothing in Tasklist: typos, or features of a
// newer form-js that the latest Camunda Modeler offers).
import './dom.mjs';
import { createRequire } from 'node:module';
import { parseExpression } from 'feelin';
import { parser as templateParser } from 'feelers';

const require = createRequire(import.meta.url);
const viewer = require('@bpmn-io/form-js-viewer');
const { Form, formFields, schemaVersion: SUPPORTED_SCHEMA_VERSION } = viewer;

/** The component types of form-js 1.8.7 and their configuration (keyed: binds a variable; pathed: groups by path). */
const TYPES = new Map(formFields.map((field) => [ field.config.type, field.config ]));

/** Properties that form-js 1.8.7 evaluates as FEEL when they start with "=" (its EXPRESSION_PROPERTIES), and more. */
const EXPRESSION_PROPERTIES = [ 'alt', 'appearance.prefixAdorner', 'appearance.suffixAdorner', 'conditional.hide',
  'description', 'label', 'source', 'readonly', 'text', 'validate.min', 'validate.max', 'validate.minLength',
  'validate.maxLength', 'valuesExpression', 'url', 'dataSource', 'columnsExpression', 'expression', 'defaultValue' ];
/** Properties that form-js 1.8.7 renders as feelers templates ({{...}}) (its TEMPLATE_PROPERTIES). */
const TEMPLATE_PROPERTIES = [ 'alt', 'appearance.prefixAdorner', 'appearance.suffixAdorner', 'description', 'label',
  'source', 'text', 'content', 'url' ];
/** Properties that must be a FEEL expression ("=..."). */
const MUST_BE_EXPRESSION = [ 'valuesExpression', 'expression', 'conditional.hide', 'columnsExpression' ];

const COMMON = [ 'type', 'id', 'layout', 'properties', 'conditional' ];
const INPUT = [ 'key', 'label', 'description', 'defaultValue', 'disabled', 'readonly', 'validate' ];
const OPTIONS = [ 'values', 'valuesKey', 'valuesExpression' ];
const CONTAINER = [ 'label', 'path', 'showOutline', 'components', 'verticalAlignment' ];

/** What the form-js 1.8.7 viewer reads, per component type: properties and validation rules. */
const PROPERTIES = {
  default: { props: [ 'type', 'id', 'components', 'schemaVersion', 'executionPlatform', 'executionPlatformVersion',
    'exporter', 'verticalAlignment' ] },
  textfield: { props: [ ...INPUT, 'appearance' ], validate: [ 'required', 'minLength', 'maxLength', 'pattern',
    'validationType' ] },
  textarea: { props: INPUT, validate: [ 'required', 'minLength', 'maxLength', 'pattern' ] },
  number: { props: [ ...INPUT, 'appearance', 'decimalDigits', 'increment', 'serializeToString' ],
    validate: [ 'required', 'min', 'max' ] },
  datetime: { props: [ 'key', 'description', 'defaultValue', 'disabled', 'readonly', 'validate', 'subtype',
    'dateLabel', 'timeLabel', 'use24h', 'disallowPassedDates', 'timeInterval', 'timeSerializingFormat' ],
  validate: [ 'required' ] },
  checkbox: { props: INPUT, validate: [ 'required' ] },
  checklist: { props: [ ...INPUT, ...OPTIONS ], validate: [ 'required' ] },
  radio: { props: [ ...INPUT, ...OPTIONS ], validate: [ 'required' ] },
  select: { props: [ ...INPUT, ...OPTIONS, 'searchable' ], validate: [ 'required' ] },
  taglist: { props: [ ...INPUT, ...OPTIONS ], validate: [ 'required' ] },
  expression: { props: [ 'key', 'expression', 'computeOn' ] },
  text: { props: [ 'text', 'strict' ] },
  html: { props: [ 'content', 'strict' ] },
  image: { props: [ 'source', 'alt' ] },
  iframe: { props: [ 'url', 'label', 'height', 'security' ] },
  spacer: { props: [ 'height' ] },
  separator: { props: [] },
  button: { props: [ 'action', 'label', 'disabled' ] },
  group: { props: CONTAINER },
  dynamiclist: { props: [ ...CONTAINER, 'isRepeating', 'allowAddRemove', 'defaultRepetitions', 'nonCollapsedItems',
    'disableCollapse' ] },
  table: { props: [ 'label', 'dataSource', 'rowCount', 'columns', 'columnsExpression' ] }
};
/** Nested objects and the keys the viewer reads in them. */
const NESTED = {
  layout: [ 'row', 'columns' ],
  conditional: [ 'hide' ],
  appearance: [ 'prefixAdorner', 'suffixAdorner' ],
  exporter: [ 'name', 'version' ],
  security: viewer.SECURITY_ATTRIBUTES_DEFINITIONS.map((d) => d.property)
};
/** A variable name, or a dotted path of them (form-js nests the value; Tasklist submits the root as Json). */
const KEY = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;
const VALIDATION_TYPES = [ 'email', 'phone' ];
const TIME_INTERVALS = [ 1, 5, 10, 15, 30, 60 ];

/**
 * @param {string} file the name to report, e.g. forms/proposal-triage.form
 * @param {string} text the file's content
 * @return {Promise<Array<{file: string, id: string, message: string}>>} every problem, in document order; id is the
 *         component's id (or its key, or its position) and '-' for the whole file
 */
export async function checkForm(file, text) {
  const problems = [];
  const report = (id, message) => problems.push({ file, id, message });
  let schema;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    report('-', `not JSON: ${e.message}`);
    return problems;
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    report('-', 'not a form schema (a JSON object)');
    return problems;
  }
  const rootId = typeof schema.id === 'string' ? schema.id : '-';
  if (schema.type !== 'default') {
    report(rootId, `the form's type must be "default", not ${JSON.stringify(schema.type)}`);
  }
  if (!Number.isInteger(schema.schemaVersion) || schema.schemaVersion > SUPPORTED_SCHEMA_VERSION) {
    report(rootId, `schemaVersion ${JSON.stringify(schema.schemaVersion)}: form-js 1.8.7 reads versions up to `
      + SUPPORTED_SCHEMA_VERSION);
  }
  if (!Array.isArray(schema.components)) {
    report(rootId, 'no components array');
    return problems;
  }
  checkProperties(schema, 'default', rootId, report);
  walk(schema.components, 'components', report);
  if (!problems.length) {
    await importWithFormJs(schema, report);
  }
  return problems;
}

function walk(components, where, report) {
  components.forEach((component, index) => {
    const position = `${where}[${index}]`;
    if (!component || typeof component !== 'object') {
      report(position, 'a component must be an object');
      return;
    }
    const id = typeof component.id === 'string' && component.id ? component.id
      : (typeof component.key === 'string' && component.key ? component.key : position);
    const config = TYPES.get(component.type);
    if (!config) {
      report(id, `component type ${JSON.stringify(component.type)} is not supported by form-js 1.8.7 (Tasklist of `
        + 'Camunda 7.24)');
      return;
    }
    checkProperties(component, component.type, id, report);
    checkKey(component, config, id, report);
    checkValidation(component, id, report);
    checkOptions(component, id, report);
    checkDatetime(component, id, report);
    checkExpressions(component, id, report);
    if (Array.isArray(component.components)) {
      walk(component.components, `${id}.components`, report);
    }
  });
}

function checkProperties(component, type, id, report) {
  const known = new Set([ ...COMMON, ...(PROPERTIES[type] ? PROPERTIES[type].props : []) ]);
  for (const [ name, value ] of Object.entries(component)) {
    if (!known.has(name)) {
      report(id, `unknown property "${name}" ${type === 'default' ? 'of the form' : 'for a ' + type} in form-js 1.8.7 `
        + '(Tasklist would ignore it)');
    } else if (NESTED[name]) {
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        report(id, `"${name}" must be an object`);
        continue;
      }
      for (const inner of Object.keys(value)) {
        if (!NESTED[name].includes(inner)) {
          report(id, `unknown property "${name}.${inner}" in form-js 1.8.7`);
        }
      }
    }
  }
}

function checkKey(component, config, id, report) {
  for (const [ property, needed ] of [ [ 'key', config.keyed ], [ 'path', config.pathed ] ]) {
    const value = component[property];
    if (value === undefined) {
      if (needed && property === 'key') {
        report(id, 'no key: the field binds no process variable');
      }
      continue;
    }
    if (typeof value !== 'string' || !KEY.test(value)) {
      report(id, `${property} ${JSON.stringify(value)} is not a variable name or a dotted path of them`);
    }
  }
}

function checkValidation(component, id, report) {
  const validate = component.validate;
  if (validate === undefined) {
    return;
  }
  if (!validate || typeof validate !== 'object' || Array.isArray(validate)) {
    report(id, '"validate" must be an object');
    return;
  }
  const allowed = (PROPERTIES[component.type] && PROPERTIES[component.type].validate) || [];
  for (const [ rule, value ] of Object.entries(validate)) {
    if (!allowed.includes(rule)) {
      report(id, `validation "${rule}" is not applied to a ${component.type} by form-js 1.8.7`);
    } else if (rule === 'required' && typeof value !== 'boolean') {
      report(id, `validate.required must be true or false, not ${JSON.stringify(value)}`);
    } else if ([ 'min', 'max', 'minLength', 'maxLength' ].includes(rule)
        && !(typeof value === 'number' && Number.isFinite(value)) && !isExpression(value)) {
      report(id, `validate.${rule} must be a number or a FEEL expression, not ${JSON.stringify(value)}`);
    } else if ((rule === 'minLength' || rule === 'maxLength') && typeof value === 'number'
        && !(Number.isInteger(value) && value >= 0)) {
      report(id, `validate.${rule} must be a whole number >= 0, not ${value}`);
    } else if (rule === 'pattern') {
      try {
        new RegExp(value); // as form-js 1.8.7 applies it: new RegExp(validate.pattern).test(value)
      } catch (e) {
        report(id, `validate.pattern ${JSON.stringify(value)} is not a valid regular expression: ${e.message}`);
      }
    } else if (rule === 'validationType' && !VALIDATION_TYPES.includes(value)) {
      report(id, `validate.validationType ${JSON.stringify(value)} is not one of ${VALIDATION_TYPES.join(', ')}`);
    }
  }
  for (const [ low, high ] of [ [ 'min', 'max' ], [ 'minLength', 'maxLength' ] ]) {
    if (typeof validate[low] === 'number' && typeof validate[high] === 'number' && validate[low] > validate[high]) {
      report(id, `validate.${low} ${validate[low]} is greater than validate.${high} ${validate[high]}: no value passes`);
    }
  }
}

function checkOptions(component, id, report) {
  if (!PROPERTIES[component.type] || !PROPERTIES[component.type].props.includes('values')) {
    return;
  }
  const sources = OPTIONS.filter((source) => component[source] !== undefined);
  if (sources.length !== 1) {
    report(id, sources.length
      ? `options come from ${sources.join(' and ')}; form-js 1.8.7 uses only the first: keep one`
      : 'no options: give values, valuesKey or valuesExpression');
    return;
  }
  if (sources[0] === 'valuesKey' && (typeof component.valuesKey !== 'string' || !KEY.test(component.valuesKey))) {
    report(id, `valuesKey ${JSON.stringify(component.valuesKey)} is not a variable name`);
  }
  if (sources[0] === 'values') {
    if (!Array.isArray(component.values) || component.values.length === 0) {
      report(id, 'values must be a non-empty list of {label, value}');
      return;
    }
    const seen = new Set();
    component.values.forEach((option, index) => {
      if (!option || typeof option.label !== 'string' || option.value === undefined || option.value === null) {
        report(id, `values[${index}] must have a label and a value`);
        return;
      }
      for (const inner of Object.keys(option)) {
        if (inner !== 'label' && inner !== 'value') {
          report(id, `unknown property "values[${index}].${inner}" in form-js 1.8.7`);
        }
      }
      if (seen.has(option.value)) {
        report(id, `values has the value ${JSON.stringify(option.value)} twice`);
      }
      seen.add(option.value);
    });
  }
}

function checkDatetime(component, id, report) {
  if (component.type !== 'datetime') {
    return;
  }
  const subtypes = Object.values(viewer.DATETIME_SUBTYPES);
  if (!subtypes.includes(component.subtype)) {
    report(id, `subtype ${JSON.stringify(component.subtype)} is not one of ${subtypes.join(', ')}`);
  }
  const formats = Object.values(viewer.TIME_SERIALISING_FORMATS);
  if (component.timeSerializingFormat !== undefined && !formats.includes(component.timeSerializingFormat)) {
    report(id, `timeSerializingFormat ${JSON.stringify(component.timeSerializingFormat)} is not one of `
      + formats.join(', '));
  }
  if (component.timeInterval !== undefined && !TIME_INTERVALS.includes(component.timeInterval)) {
    report(id, `timeInterval ${JSON.stringify(component.timeInterval)} is not one of ${TIME_INTERVALS.join(', ')}`);
  }
}

function isExpression(value) {
  return typeof value === 'string' && value.startsWith('=');
}

function get(object, path) {
  return path.split('.').reduce((value, name) => (value && typeof value === 'object' ? value[name] : undefined), object);
}

function checkExpressions(component, id, report) {
  for (const property of MUST_BE_EXPRESSION) {
    const value = get(component, property);
    if (value !== undefined && !isExpression(value)) {
      report(id, `${property} must be a FEEL expression starting with "=", not ${JSON.stringify(value)}`);
    }
  }
  for (const property of EXPRESSION_PROPERTIES) {
    const value = get(component, property);
    if (isExpression(value)) {
      const error = feelError(value.slice(1));
      if (error) {
        report(id, `${property}: FEEL syntax error ${error} in ${JSON.stringify(value)}`);
      }
    }
  }
  for (const property of TEMPLATE_PROPERTIES) {
    const value = get(component, property);
    if (typeof value === 'string' && !isExpression(value) && value.includes('{{')) {
      const error = templateError(value);
      if (error) {
        report(id, `${property}: template error ${error}`);
      }
    }
  }
}

/** @return {string|null} where feelin's parser found an error, e.g. "at 6 (near '(b')", or null */
function feelError(expression) {
  let at = -1;
  parseExpression(expression).iterate({
    enter(node) {
      if (at < 0 && node.type.isError) {
        at = node.from;
      }
    }
  });
  return at < 0 ? null : `at ${at + 1} (near ${JSON.stringify(expression.slice(Math.max(0, at - 10), at + 10))})`;
}

/** Parses a feelers template as form-js 1.8.7 does, and each {{expression}} in it with feelin. */
function templateError(template) {
  let problem = null;
  templateParser.parse(template).iterate({
    enter(node) {
      if (problem) {
        return false;
      }
      if (node.type.isError) {
        problem = `at ${node.from + 1} (near ${JSON.stringify(template.slice(Math.max(0, node.from - 10), node.from + 10))})`;
      } else if (node.name === 'Feel' || node.name === 'FeelBlock') {
        const error = feelError(template.slice(node.from, node.to));
        if (error) {
          problem = `in {{${template.slice(node.from, node.to)}}}: FEEL syntax error ${error}`;
        }
      }
    }
  });
  return problem;
}

/** Imports and renders the schema with form-js 1.8.7 itself; its refusals name ids, keys or types. */
async function importWithFormJs(schema, report) {
  const container = globalThis.document.createElement('div');
  globalThis.document.body.appendChild(container);
  const form = new Form({ container });
  const errors = [];
  form.on('error', (event) => errors.push(event.error));
  try {
    await form.importSchema(schema, {});
  } catch (e) {
    errors.push(e);
  } finally {
    form.destroy();
    container.remove();
  }
  for (const error of errors) {
    const message = error && error.message ? error.message : String(error);
    for (const id of locate(schema, message)) {
      report(id, `form-js 1.8.7 refuses the form: ${message}`);
    }
  }
}

/** The ids of the components a form-js message is about (a duplicate id, a key claimed twice, a type), or '-'. */
function locate(schema, message) {
  const ids = [];
  const visit = (components) => (components || []).forEach((c) => {
    const id = c.id || c.key || '-';
    const idMatch = /id <([^>]+)>|ID (\S+) already/.exec(message);
    const pathMatch = /binding path '([^']+)'/.exec(message);
    if ((idMatch && c.id === (idMatch[1] || idMatch[2]))
        || (pathMatch && (c.key === pathMatch[1] || c.path === pathMatch[1]
          || (c.key && pathMatch[1].endsWith('.' + c.key))))) {
      ids.push(id);
    }
    visit(c.components);
  });
  visit(schema.components);
  return ids.length ? [ ...new Set(ids) ] : [ schema.id || '-' ];
}
