// Runs bpmnlint's own RuleTester (written for mocha) on Node's test runner, with the camunda-bpmn-moddle extension
// that .bpmnlintrc loads, so the rules read camunda: attributes exactly as in `npm run lint:bpmn`.
const { describe, it, beforeEach } = require('node:test');

Object.assign(globalThis, { describe, it, beforeEach });

const { BpmnModdle } = require('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');
const RuleTester = require('bpmnlint/lib/testers/rule-tester');

const NAMESPACES = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
  + 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
  + 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/**
 * @param {string} processContent the children of <bpmn:process>
 * @param {string} [processAttributes] attributes of <bpmn:process>, default id and a Spanish name
 * @return {Promise<{root: object, warnings: Error[]}>} what RuleTester expects as moddleElement
 */
function process(processContent, processAttributes = 'id="test-process" name="Proceso de prueba"') {
  return definitions(`<bpmn:process ${processAttributes} isExecutable="true">${processContent}</bpmn:process>`);
}

/** @param {string} content the children of <bpmn:definitions> */
async function definitions(content) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NAMESPACES} id="Definitions_Test" targetNamespace="http://cocrea.org/bpmn">${content}</bpmn:definitions>`;
  const { rootElement, warnings } = await new BpmnModdle({ camunda: camundaModdle }).fromXML(xml);
  if (warnings.length) {
    throw new Error('test diagram does not parse cleanly: ' + warnings.map((w) => w.message).join('; '));
  }
  return { root: rootElement, warnings };
}

module.exports = { RuleTester, process, definitions };
