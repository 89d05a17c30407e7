// Cocrea's own modelling conventions as bpmnlint rules (CONVENTIONS.md, habits 6 and 7). Each rule reads the
// camunda: attributes through the camunda-bpmn-moddle extension, which ../.bpmnlintrc loads.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'readable-id': 'error',
        'spanish-name': 'error',
        'user-task-candidate-group': 'error',
        'user-task-form': 'error',
        'timer-definition': 'error'
      }
    }
  }
};
