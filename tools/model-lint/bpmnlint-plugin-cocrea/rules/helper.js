// Small helpers shared by the rules. Moddle elements answer $instanceOf for their type and its supertypes.

/**
 * @param {object} node a moddle element
 * @param {string|string[]} types e.g. 'bpmn:UserTask'
 * @return {boolean} whether the element is (a subtype of) one of the types
 */
function is(node, types) {
  return [].concat(types).some((type) => typeof node.$instanceOf === 'function' && node.$instanceOf(type));
}

/**
 * @param {object} node a moddle element
 * @param {string} name a Camunda attribute without prefix, e.g. 'candidateGroups'
 * @return {string|undefined} its value, trimmed; undefined when absent or blank
 */
function camunda(node, name) {
  const value = node.get('camunda:' + name);
  if (value === undefined || value === null) {
    return undefined;
  }
  const text = String(value).trim();
  return text.length ? text : undefined;
}

/** @return {boolean} whether a text is a JUEL expression the engine evaluates (${...} or #{...}) */
function isExpression(text) {
  return /[$#]\{/.test(text || '');
}

module.exports = { is, camunda, isExpression };
