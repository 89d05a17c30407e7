package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The expression and model rules of {@link ExpressionAllowList} and {@link DeploymentAllowList} without the engine: what
 * Cocrea's models use passes, every way out to the engine or to reflection is refused with the offending part named.
 */
class ExpressionAllowListTests {

    static final Set<String> BEANS = Set.of("identityService", "processEngine", "runtimeService", "workingDays",
            "schedule", "followUpSchedule", "sendResponse", "dataSource", "proposalReview");
    final ExpressionAllowList rules = new ExpressionAllowList(BEANS::contains, Set.of("sendResponse")::contains);

    @Test
    void whatCocreasModelsWriteIsAllowed() {
        for (String allowed : new String[] { "${sendResponse}", "${execution.setVariable('reviewDueDate', "
                + "workingDays.after(now(), 10))}", "${workingDays.before(reviewDueDate, 2)}",
                "${schedule.before(roundTableStartsAt, 'PT48H')}", "${followUpSchedule.cron}",
                "${execution.getVariable('areaGroup') != null}", "${!allReviewsDone}", "${commentCount > 0}",
                "${decision == 'publish'}", "commitment-${commitmentId}", "${callId}:${axis}", "${null}",
                "${proposal.title}", "${list[loopCounter]}", "${execution.processBusinessKey}", "${task.assignee}",
                "${currentUserGroups()}", "P3D", "0 0 8 1 * ?", "${proposalReview.hasArea(execution)}",
                "${!proposalReview.hasArea(execution)}", "${proposalReview.setReviewDueDate(execution, 10)}" }) {
            assertThat(rules.check(allowed)).as(allowed).isEmpty();
        }
    }

    @Test
    void beansOutsideTheAllowListAreRefused() {
        assertThat(rules.check("${identityService.createMembership('owner','camunda-admin')}"))
                .anySatisfy(p -> assertThat(p).contains("identityService"));
        assertThat(rules.check("${processEngine}")).anySatisfy(p -> assertThat(p).contains("processEngine"));
        assertThat(rules.check("${x == dataSource}")).anySatisfy(p -> assertThat(p).contains("dataSource"));
        // a delegate is named alone, never called or passed around
        assertThat(rules.check("${sendResponse.execute(execution)}")).isNotEmpty();
        // execution is passed whole only to an allowed helper method, never to another bean or a value's method
        assertThat(rules.check("${dataSource.getConnection(execution)}")).isNotEmpty();
        assertThat(rules.check("${proposalReview.hasArea(execution.getProcessEngineServices())}")).isNotEmpty();
        assertThat(rules.check("${proposalReview.getClass(execution)}")).isNotEmpty();
        assertThat(rules.check("${workingDays.after(sendResponse, 1)}")).isNotEmpty();
        // helpers only with their documented members
        assertThat(rules.check("${workingDays.properties}")).anySatisfy(p -> assertThat(p).contains("workingDays"));
        assertThat(rules.check("${workingDays}")).isNotEmpty();
    }

    @Test
    void engineServicesThroughExecutionOrTaskAreRefused() {
        assertThat(rules.check("${execution.getProcessEngineServices().getIdentityService()"
                + ".createMembership('owner','camunda-admin')}"))
                .anySatisfy(p -> assertThat(p).contains("execution.getProcessEngineServices()"));
        assertThat(rules.check("${execution.processEngine.identityService}")).isNotEmpty();
        assertThat(rules.check("${task.getProcessEngineServices()}")).isNotEmpty();
        assertThat(rules.check("${task.execution}")).isNotEmpty();
        assertThat(rules.check("${execution['processEngine']}")).isNotEmpty();
        assertThat(rules.check("${execution[name]}")).isNotEmpty();
        assertThat(rules.check("${workingDays.after(execution, 1)}")).isNotEmpty();
    }

    @Test
    void reflectionThroughValuesIsRefused() {
        assertThat(rules.check("${''.getClass().forName('java.lang.Runtime')}"))
                .anySatisfy(p -> assertThat(p).contains("getClass"));
        assertThat(rules.check("${proposal.class.classLoader}")).isNotEmpty();
        assertThat(rules.check("${now().toString()}")).isNotEmpty();
        assertThat(rules.check("${fn:exec('x')}")).anySatisfy(p -> assertThat(p).contains("fn:exec"));
        assertThat(rules.check("${unclosed")).anySatisfy(p -> assertThat(p).contains("not a valid expression"));
    }

    /** Refused uses in Camunda's extension namespace, each in its own element. */
    static final String SCRIPTS_AND_CLASSES = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
              <process id="P" isExecutable="true" camunda:historyTimeToLive="P1D">
                <documentation>${anything} is documentation</documentation>
                <scriptTask id="Task_Script" scriptFormat="groovy"><script>1</script></scriptTask>
                <serviceTask id="Task_Class" camunda:class="java.lang.Runtime"/>
                <userTask id="Task_User">
                  <extensionElements>
                    <camunda:taskListener event="create"><camunda:script scriptFormat="js">x</camunda:script>
                    </camunda:taskListener>
                    <camunda:inputOutput><camunda:inputParameter name="a">${runtimeService}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </extensionElements>
                </userTask>
                <sequenceFlow id="Flow_Scripted" sourceRef="Task_User" targetRef="Task_Class">
                  <conditionExpression language="javascript">true</conditionExpression>
                </sequenceFlow>
              </process>
            </definitions>
            """;

    @Test
    void scriptsClassesAndNonFeelDmnAreRefusedNamingTheElement() {
        DeploymentAllowList models = new DeploymentAllowList(rules);
        String bpmn = SCRIPTS_AND_CLASSES;
        var refusals = models.check("x.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
        assertThat(refusals).extracting(DeploymentAllowList.Refusal::elementId)
                .contains("Task_Script", "Task_Class", "Task_User", "Flow_Scripted");
        assertThat(refusals).extracting(DeploymentAllowList.Refusal::reason)
                .anySatisfy(r -> assertThat(r).contains("script task"))
                .anySatisfy(r -> assertThat(r).contains("camunda:class"))
                .anySatisfy(r -> assertThat(r).contains("camunda:script"))
                .anySatisfy(r -> assertThat(r).contains("runtimeService"))
                .anySatisfy(r -> assertThat(r).contains("language=\"javascript\""))
                .noneSatisfy(r -> assertThat(r).contains("anything"));

        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="d" namespace="n">
                  <decision id="Decision_X" name="x"><decisionTable id="T">
                    <input id="I"><inputExpression id="IE" typeRef="string" expressionLanguage="juel">
                      <text>${identityService}</text></inputExpression></input>
                    <output id="O" name="o" typeRef="string"/>
                  </decisionTable></decision>
                </definitions>
                """;
        assertThat(models.check("x.dmn", dmn.getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(r -> assertThat(r.elementId()).isEqualTo("IE"))
                .satisfies(r -> assertThat(r.reason()).contains("juel"));
        assertThat(models.check("x.dmn", dmn.replace(" expressionLanguage=\"juel\"", "")
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(models.check("x.cmmn", "<definitions/>".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(models.check("x.bpmn", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    /**
     * Operaton reads its own extension namespace besides Camunda's (a model from Operaton's Modeler writes
     * {@code operaton:class}); the allow-list refuses the same things there, named with the prefix the model uses.
     */
    @Test
    void operatonsExtensionNamespaceIsRefusedLikeCamundas() {
        // xmlns:operaton="http://operaton.org/schema/1.0/bpmn", operaton:class, operaton:script...
        String bpmn = SCRIPTS_AND_CLASSES.replace("camunda", "operaton");
        var refusals = new DeploymentAllowList(rules).check("x.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
        assertThat(refusals).extracting(DeploymentAllowList.Refusal::elementId).contains("Task_Class", "Task_User");
        assertThat(refusals).extracting(DeploymentAllowList.Refusal::reason)
                .anySatisfy(r -> assertThat(r).contains("operaton:class=\"java.lang.Runtime\""))
                .anySatisfy(r -> assertThat(r).contains("operaton:script"))
                .noneSatisfy(r -> assertThat(r).contains("camunda:"));
    }
}
