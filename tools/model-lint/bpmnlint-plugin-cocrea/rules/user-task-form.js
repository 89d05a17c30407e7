const { is, camunda } = require('./helper');

/**
 * Every user task opens a Camunda Form of forms/ (CONVENTIONS.md habit 7): camunda:formRef with
 * camunda:formRefBinding="deployment", so the task always gets the form deployed with its process (Camunda Modeler
 * writes "latest", which picks whatever form of that id was deployed last). No camunda:formKey (embedded or external
 * forms) and no camunda:formData (generated forms). A start event that has a form follows the same binding rule.
 * Whether the form exists is checked by ModelConventionsTests, which sees forms/.
 */
module.exports = function() {

  function check(node, reporter) {
    const userTask = is(node, 'bpmn:UserTask');
    if (!userTask && !is(node, 'bpmn:StartEvent')) {
      return;
    }
    const formRef = camunda(node, 'formRef');
    if (camunda(node, 'formKey')) {
      reporter.report(node.id, 'Uses camunda:formKey; Cocrea\'s forms are Camunda Forms: camunda:formRef', [ 'formKey' ]);
    }
    const formData = ((node.extensionElements && node.extensionElements.values) || [])
      .some((e) => is(e, 'camunda:FormData'));
    if (formData) {
      reporter.report(node.id, 'Uses camunda:formData (generated form); use a Camunda Form: camunda:formRef',
        [ 'extensionElements' ]);
    }
    if (!formRef) {
      if (userTask) {
        reporter.report(node.id, 'User task has no camunda:formRef (the id of a form in forms/)', [ 'formRef' ]);
      }
      return;
    }
    const binding = camunda(node, 'formRefBinding');
    if (binding !== 'deployment') {
      reporter.report(node.id,
        `camunda:formRefBinding is ${binding ? '"' + binding + '"' : 'missing'}; must be "deployment"`,
        [ 'formRefBinding' ]);
    }
  }

  return { check };
};
