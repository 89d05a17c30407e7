const { is } = require('./helper');

/**
 * Names are documentation for process owners and what Tasklist and Cockpit show (CONVENTIONS.md habit 7): the
 * process and every flow node (tasks, events, gateways, sub-processes, joins included) have a name, and names are in
 * Spanish only, like the task forms (README, "Tasklist, Cockpit and Admin in Spanish"; FormLanguageTests does the same
 * for forms/): no "Español / English" pairs and no English words such as "the", "and", "of" or "your". English goes in
 * the elements' documentation. Sequence flows need no name, but a name they have is checked the same way.
 */

/** The English words FormLanguageTests looks for in forms/, as whole words. */
const ENGLISH_WORD = /(?<![\p{L}/])(the|and|of|to|is|are|with|your|for|from|this|that|will|be|on|or|it|an|in|by|at)(?![\p{L}/])/iu;

function languageProblem(name) {
  if (name.includes(' / ')) {
    return `Name "${name}" has two languages; names are Spanish only`;
  }
  const english = ENGLISH_WORD.exec(name);
  if (english) {
    return `Name "${name}" has the English word "${english[0]}"; names are Spanish only (English goes in the documentation)`;
  }
  return null;
}

module.exports = function() {

  function check(node, reporter) {
    const named = is(node, [ 'bpmn:Process', 'bpmn:FlowNode' ]);
    if (!named && !is(node, [ 'bpmn:SequenceFlow', 'bpmn:Participant', 'bpmn:Lane' ])) {
      return;
    }
    const name = (node.name || '').trim();
    if (!name) {
      if (named) {
        reporter.report(node.id, `${is(node, 'bpmn:Process') ? 'Process' : 'Element'} has no name (in Spanish)`,
          [ 'name' ]);
      }
      return;
    }
    const problem = languageProblem(name);
    if (problem) {
      reporter.report(node.id, problem, [ 'name' ]);
    }
  }

  return { check };
};
