// Each rule of bpmnlint-plugin-cocrea against diagrams it must accept and diagrams it must report, with the exact
// element id and message it reports.
const { RuleTester, process } = require('../lib/rule-tester');

const rule = (name) => require(`bpmnlint-plugin-cocrea/rules/${name}`);

RuleTester.verify('readable-id', rule('readable-id'), {
  valid: [
    {
      name: 'ids name their type and what they are',
      moddleElement: process(`
        <bpmn:startEvent id="StartEvent_ProposalReceived" name="Propuesta recibida" />
        <bpmn:userTask id="Task_ReviewFeasibility" name="Revisar factibilidad" />
        <bpmn:exclusiveGateway id="Gateway_IsFeasible" name="¿Es factible?" />
        <bpmn:sequenceFlow id="Flow_FeasibleYes" sourceRef="Gateway_IsFeasible" targetRef="EndEvent_Done" />
        <bpmn:boundaryEvent id="Timer_ReviewReminder" name="Recordatorio" attachedToRef="Task_ReviewFeasibility">
          <bpmn:timerEventDefinition id="TimerEventDefinition_ReviewReminder" />
        </bpmn:boundaryEvent>
        <bpmn:intermediateCatchEvent id="Event_MeetingHeld" name="Reunión hecha">
          <bpmn:messageEventDefinition id="MessageEventDefinition_MeetingHeld" />
        </bpmn:intermediateCatchEvent>
        <bpmn:subProcess id="EventSubProcess_Cancel" name="Cancelar" triggeredByEvent="true" />
        <bpmn:endEvent id="EndEvent_Done" name="Listo" />`)
    }
  ],
  invalid: [
    {
      name: 'an id as Camunda Modeler generates it',
      moddleElement: process('<bpmn:userTask id="Activity_0ph2gjd" name="Revisar" />'),
      report: {
        id: 'Activity_0ph2gjd',
        message: 'Generated id Activity_0ph2gjd: name it for what it is (e.g. Task_ReviewFeasibility)',
        path: [ 'id' ]
      }
    },
    {
      name: 'a prefix that does not name the type',
      moddleElement: process('<bpmn:exclusiveGateway id="Task_IsFeasible" name="¿Es factible?" />'),
      report: {
        id: 'Task_IsFeasible',
        message: 'Id Task_IsFeasible must read Gateway_<Name> (PascalCase name, e.g. Gateway_ReviewFeasibility)',
        path: [ 'id' ]
      }
    },
    {
      name: 'a timer event without the Timer_ prefix',
      moddleElement: process(`
        <bpmn:intermediateCatchEvent id="Event_Wait" name="Esperar">
          <bpmn:timerEventDefinition id="TimerEventDefinition_Wait" />
        </bpmn:intermediateCatchEvent>`),
      report: {
        id: 'Event_Wait',
        message: 'Id Event_Wait must read Timer_<Name> (PascalCase name, e.g. Timer_ReviewFeasibility)',
        path: [ 'id' ]
      }
    },
    {
      name: 'a process key that is not kebab-case',
      moddleElement: process('', 'id="ProposalReview" name="Revisión"'),
      report: {
        id: 'ProposalReview',
        message: 'Process id ProposalReview must be its key in kebab-case, like its file name (e.g. proposal-review)',
        path: [ 'id' ]
      }
    }
  ]
});

RuleTester.verify('user-task-candidate-group', rule('user-task-candidate-group'), {
  valid: [
    {
      moddleElement: process(`
        <bpmn:userTask id="Task_Triage" name="Triaje" camunda:candidateGroups="og-team" />
        <bpmn:userTask id="Task_Review" name="Revisar" camunda:candidateGroups="\${areaGroup}" />`)
    }
  ],
  invalid: [
    {
      name: 'no candidate group',
      moddleElement: process('<bpmn:userTask id="Task_Review" name="Revisar" camunda:assignee="demo" />'),
      report: {
        id: 'Task_Review',
        message: 'User task has no camunda:candidateGroups (the Tasklist group that works it)',
        path: [ 'candidateGroups' ]
      }
    },
    {
      name: 'a blank candidate group',
      moddleElement: process('<bpmn:userTask id="Task_Review" name="Revisar" camunda:candidateGroups=" " />'),
      report: {
        id: 'Task_Review',
        message: 'User task has no camunda:candidateGroups (the Tasklist group that works it)',
        path: [ 'candidateGroups' ]
      }
    }
  ]
});

RuleTester.verify('user-task-form', rule('user-task-form'), {
  valid: [
    {
      moddleElement: process(`
        <bpmn:startEvent id="StartEvent_Plain" name="Inicio" />
        <bpmn:userTask id="Task_Review" name="Revisar" camunda:formRef="feasibility-review"
            camunda:formRefBinding="deployment" />`)
    }
  ],
  invalid: [
    {
      name: 'no form',
      moddleElement: process('<bpmn:userTask id="Task_Review" name="Revisar" />'),
      report: {
        id: 'Task_Review',
        message: 'User task has no camunda:formRef (the id of a form in forms/)',
        path: [ 'formRef' ]
      }
    },
    {
      name: 'binding "latest", as Camunda Modeler writes it',
      moddleElement: process(`<bpmn:userTask id="Task_Review" name="Revisar" camunda:formRef="feasibility-review"
          camunda:formRefBinding="latest" />`),
      report: {
        id: 'Task_Review',
        message: 'camunda:formRefBinding is "latest"; must be "deployment"',
        path: [ 'formRefBinding' ]
      }
    },
    {
      name: 'a start form without binding',
      moddleElement: process('<bpmn:startEvent id="StartEvent_Call" name="Inicio" camunda:formRef="call-start" />'),
      report: {
        id: 'StartEvent_Call',
        message: 'camunda:formRefBinding is missing; must be "deployment"',
        path: [ 'formRefBinding' ]
      }
    },
    {
      name: 'a form key and generated form fields instead of a Camunda Form',
      moddleElement: process(`
        <bpmn:userTask id="Task_Review" name="Revisar" camunda:formKey="embedded:app:forms/review.html">
          <bpmn:extensionElements><camunda:formData /></bpmn:extensionElements>
        </bpmn:userTask>`),
      report: [
        {
          id: 'Task_Review',
          message: 'Uses camunda:formKey; Cocrea\'s forms are Camunda Forms: camunda:formRef',
          path: [ 'formKey' ]
        },
        {
          id: 'Task_Review',
          message: 'Uses camunda:formData (generated form); use a Camunda Form: camunda:formRef',
          path: [ 'extensionElements' ]
        },
        {
          id: 'Task_Review',
          message: 'User task has no camunda:formRef (the id of a form in forms/)',
          path: [ 'formRef' ]
        }
      ]
    }
  ]
});

const timer = (id, definition) => process(`
  <bpmn:intermediateCatchEvent id="${id}" name="Esperar">
    <bpmn:timerEventDefinition id="TimerEventDefinition_${id}">${definition}</bpmn:timerEventDefinition>
  </bpmn:intermediateCatchEvent>`);
const expr = (kind, text) => `<bpmn:${kind} xsi:type="bpmn:tFormalExpression">${text}</bpmn:${kind}>`;

RuleTester.verify('timer-definition', rule('timer-definition'), {
  valid: [
    { name: 'expression date', moddleElement: timer('Timer_A', expr('timeDate', '${callClosesAt}')) },
    { name: 'literal duration', moddleElement: timer('Timer_A', expr('timeDuration', 'PT12H')) },
    { name: 'literal date-time', moddleElement: timer('Timer_A', expr('timeDate', '2026-03-01T08:00:00-03:00')) },
    { name: 'Spring cron', moddleElement: timer('Timer_A', expr('timeCycle', '0 0 8 1 * ?')) },
    { name: 'cycle with a start', moddleElement: timer('Timer_A', expr('timeCycle', 'R/2026-01-01T08:00:00/P1M')) },
    { name: 'expression cycle', moddleElement: timer('Timer_A', expr('timeCycle', '${followUpSchedule.cron}')) }
  ],
  invalid: [
    {
      name: 'no definition',
      moddleElement: timer('Timer_A', ''),
      report: { id: 'Timer_A', message: 'Timer has no definition (timeDate, timeDuration or timeCycle)' }
    },
    {
      name: 'a blank date',
      moddleElement: timer('Timer_A', expr('timeDate', ' ')),
      report: { id: 'Timer_A', message: 'Timer timeDate is blank' }
    },
    {
      name: 'two definitions',
      moddleElement: timer('Timer_A', expr('timeDate', '${a}') + expr('timeDuration', 'P1D')),
      report: { id: 'Timer_A', message: 'Timer has timeDate and timeDuration; give exactly one' }
    },
    {
      name: 'a duration that is not ISO 8601',
      moddleElement: timer('Timer_A', expr('timeDuration', '10 days')),
      report: { id: 'Timer_A', message: 'Timer timeDuration 10 days is not an ISO 8601 duration (e.g. PT12H, P10D)' }
    },
    {
      name: 'a monthly cycle without a start date',
      moddleElement: timer('Timer_A', expr('timeCycle', 'R/P1M')),
      report: {
        id: 'Timer_A',
        message: 'Timer repeating interval R/P1M has no start date: give one (R/2026-01-01T08:00:00/P1M) or use a cron'
      }
    },
    {
      name: 'a Quartz cron with a year',
      moddleElement: timer('Timer_A', expr('timeCycle', '0 0 8 1 * ? 2026')),
      report: {
        id: 'Timer_A',
        message: 'Timer cron 0 0 8 1 * ? 2026 has 7 fields (Quartz year); Camunda 7.24 reads Spring cron with 6 fields'
      }
    }
  ]
});

RuleTester.verify('spanish-name', rule('spanish-name'), {
  valid: [
    {
      moddleElement: process(`
        <bpmn:userTask id="Task_Review" name="Revisar factibilidad de la propuesta" />
        <bpmn:exclusiveGateway id="Gateway_Join" name="Área definida" />
        <bpmn:sequenceFlow id="Flow_A" sourceRef="Task_Review" targetRef="Gateway_Join" />
        <bpmn:sequenceFlow id="Flow_B" name="Plazo: 10 días hábiles" sourceRef="Gateway_Join" targetRef="Task_Review" />`)
    }
  ],
  invalid: [
    {
      name: 'a process without a name',
      moddleElement: process('', 'id="test-process"'),
      report: { id: 'test-process', message: 'Process has no name (in Spanish)', path: [ 'name' ] }
    },
    {
      name: 'a joining gateway without a name',
      moddleElement: process('<bpmn:exclusiveGateway id="Gateway_Join" />'),
      report: { id: 'Gateway_Join', message: 'Element has no name (in Spanish)', path: [ 'name' ] }
    },
    {
      name: 'two languages',
      moddleElement: process('<bpmn:userTask id="Task_Review" name="Revisar propuesta / Review proposal" />'),
      report: {
        id: 'Task_Review',
        message: 'Name "Revisar propuesta / Review proposal" has two languages; names are Spanish only',
        path: [ 'name' ]
      }
    },
    {
      name: 'an English flow name',
      moddleElement: process(`
        <bpmn:userTask id="Task_Review" name="Revisar" />
        <bpmn:sequenceFlow id="Flow_A" name="Review is done" sourceRef="Task_Review" targetRef="Task_Review" />`),
      report: {
        id: 'Flow_A',
        message: 'Name "Review is done" has the English word "is"; names are Spanish only (English goes in the documentation)',
        path: [ 'name' ]
      }
    }
  ]
});
