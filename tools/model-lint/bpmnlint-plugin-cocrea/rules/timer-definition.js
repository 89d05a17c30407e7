const { is, isExpression } = require('./helper');

/**
 * Every timer says when it fires, in a form Camunda 7.24 reads (camunda-7.24-notes.md, "Timers"): exactly one of
 * timeDate, timeDuration and timeCycle, not blank. An expression (${...}) is left to the engine and the process
 * tests; a literal must be an ISO 8601 date-time (timeDate), an ISO 8601 duration (timeDuration) or, for timeCycle,
 * a Spring cron of 6 fields (7.24 parses cron as Spring 5.3: the 7-field Quartz form with a year is rejected) or a
 * repeating interval with an explicit start, R[n]/<start>/<duration>: without a start the engine counts from the
 * timer's creation (for a start event, every deployment) and monthly periods drift (Jan 31, Feb 28, Mar 28).
 */

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const REPEAT = /^R\d*\/(.+)$/;

function body(expression) {
  return expression && typeof expression.body === 'string' ? expression.body.trim() : '';
}

function cycleProblem(text) {
  const repeat = REPEAT.exec(text);
  if (repeat) {
    const parts = repeat[1].split('/');
    if (parts.length === 1 && DURATION.test(parts[0])) {
      return `repeating interval ${text} has no start date: give one (R/2026-01-01T08:00:00/P1M) or use a cron`;
    }
    if (parts.length === 2 && DATE_TIME.test(parts[0]) && DURATION.test(parts[1])) {
      return null;
    }
    return `timeCycle ${text} is not an ISO 8601 repeating interval R[n]/<start>/<duration>`;
  }
  const fields = text.split(/\s+/);
  if (fields.length === 6 || (fields.length === 1 && /^@\w+$/.test(text))) {
    return null;
  }
  if (fields.length === 7) {
    return `cron ${text} has 7 fields (Quartz year); Camunda 7.24 reads Spring cron with 6 fields`;
  }
  return `timeCycle ${text} is neither a 6-field cron nor an ISO 8601 repeating interval`;
}

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:TimerEventDefinition')) {
      return;
    }
    const kinds = [ 'timeDate', 'timeDuration', 'timeCycle' ].filter((kind) => node[kind]);
    const owner = node.$parent && node.$parent.id ? node.$parent.id : node.id;
    if (kinds.length !== 1) {
      reporter.report(owner, kinds.length
        ? `Timer has ${kinds.join(' and ')}; give exactly one`
        : 'Timer has no definition (timeDate, timeDuration or timeCycle)');
      return;
    }
    const kind = kinds[0];
    const text = body(node[kind]);
    if (!text) {
      reporter.report(owner, `Timer ${kind} is blank`);
      return;
    }
    if (isExpression(text)) {
      return;
    }
    let problem = null;
    if (kind === 'timeDuration' && !DURATION.test(text)) {
      problem = `timeDuration ${text} is not an ISO 8601 duration (e.g. PT12H, P10D)`;
    } else if (kind === 'timeDate' && !DATE_TIME.test(text)) {
      problem = `timeDate ${text} is not an ISO 8601 date-time (e.g. 2026-03-01T08:00:00)`;
    } else if (kind === 'timeCycle') {
      problem = cycleProblem(text);
    }
    if (problem) {
      reporter.report(owner, 'Timer ' + problem);
    }
  }

  return { check };
};
