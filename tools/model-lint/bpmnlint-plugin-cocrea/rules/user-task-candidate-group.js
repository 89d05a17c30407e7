const { is, camunda } = require('./helper');

/**
 * Every user task names the Tasklist group that works it (CONVENTIONS.md habit 7): camunda:candidateGroups, a group
 * id (og-team, area-...) or an expression (${areaGroup}). A task without one is seen in Tasklist only by an assignee,
 * and Cocrea's Tasklist filters and notifications go by group.
 */
module.exports = function() {

  function check(node, reporter) {
    if (is(node, 'bpmn:UserTask') && !camunda(node, 'candidateGroups')) {
      reporter.report(node.id, 'User task has no camunda:candidateGroups (the Tasklist group that works it)',
        [ 'candidateGroups' ]);
    }
  }

  return { check };
};
