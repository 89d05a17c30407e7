const { is } = require('./helper');

/**
 * Readable, stable ids (CONVENTIONS.md habit 6, Camunda's naming guideline): a prefix naming the element's type and a
 * PascalCase name, e.g. Task_ReviewFeasibility, Gateway_IsFeasible, Flow_FeasibleYes, Timer_CommentWindowClosed,
 * EndEvent_CommitmentPublished. Ids as Camunda Modeler generates them (Activity_0ph2gjd) are reported as such: they
 * make logs, Cockpit and tests unreadable and freeze once instances run. A process id is its key, in kebab-case like
 * its file name (proposal-review). The id of bpmn:definitions, which no log, Cockpit page or
 * test shows, is only checked for being generated; diagram (BPMN DI) ids are not checked.
 */

/** Ids as Camunda Modeler generates them, e.g. Activity_0ph2gjd, Flow_1x2y3z4 (as ModelConventions.GENERATED_ID). */
const GENERATED = /^[A-Za-z]+_[0-9][0-9a-z]{6}$/;
const PROCESS_KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const NAME = /^[A-Z][A-Za-z0-9]*$/;

/** Element type (most specific first) and the prefix its id must carry. */
const PREFIXES = [
  [ 'bpmn:StartEvent', 'StartEvent' ],
  [ 'bpmn:EndEvent', 'EndEvent' ],
  [ 'bpmn:Task', 'Task' ],
  [ 'bpmn:CallActivity', 'CallActivity' ],
  [ 'bpmn:Transaction', 'Transaction' ],
  [ 'bpmn:SubProcess', (node) => node.triggeredByEvent ? 'EventSubProcess' : 'SubProcess' ],
  [ 'bpmn:Gateway', 'Gateway' ],
  [ 'bpmn:SequenceFlow', 'Flow' ],
  [ 'bpmn:MessageFlow', 'MessageFlow' ],
  [ 'bpmn:Event', (node) => (node.eventDefinitions || []).some((d) => is(d, 'bpmn:TimerEventDefinition'))
    ? 'Timer' : 'Event' ],
  [ 'bpmn:Collaboration', 'Collaboration' ],
  [ 'bpmn:Participant', 'Participant' ],
  [ 'bpmn:LaneSet', 'LaneSet' ],
  [ 'bpmn:Lane', 'Lane' ],
  [ 'bpmn:TextAnnotation', 'TextAnnotation' ],
  [ 'bpmn:Association', 'Association' ],
  [ 'bpmn:DataObjectReference', 'DataObjectReference' ],
  [ 'bpmn:DataObject', 'DataObject' ],
  [ 'bpmn:DataStoreReference', 'DataStoreReference' ],
  [ 'bpmn:Group', 'Group' ],
  [ 'bpmn:Message', 'Message' ],
  [ 'bpmn:Signal', 'Signal' ],
  [ 'bpmn:Error', 'Error' ],
  [ 'bpmn:Escalation', 'Escalation' ],
  [ 'bpmn:EventDefinition', (node) => node.$type.replace(/^bpmn:/, '') ]
];

function expectedPrefix(node) {
  for (const [ type, prefix ] of PREFIXES) {
    if (is(node, type)) {
      return typeof prefix === 'function' ? prefix(node) : prefix;
    }
  }
  return undefined;
}

module.exports = function() {

  function check(node, reporter) {
    const id = node.id;
    if (typeof id !== 'string' || !node.$type || !node.$type.startsWith('bpmn:')) {
      return;
    }
    if (GENERATED.test(id)) {
      reporter.report(id, `Generated id ${id}: name it for what it is (e.g. Task_ReviewFeasibility)`, [ 'id' ]);
      return;
    }
    if (is(node, 'bpmn:Process')) {
      if (!PROCESS_KEY.test(id)) {
        reporter.report(id, `Process id ${id} must be its key in kebab-case, like its file name (e.g. proposal-review)`,
          [ 'id' ]);
      }
      return;
    }
    const prefix = expectedPrefix(node);
    if (!prefix) {
      return;
    }
    const separator = id.indexOf('_');
    if (separator < 0 || id.slice(0, separator) !== prefix || !NAME.test(id.slice(separator + 1))) {
      reporter.report(id, `Id ${id} must read ${prefix}_<Name> (PascalCase name, e.g. ${prefix}_ReviewFeasibility)`,
        [ 'id' ]);
    }
  }

  return { check };
};
