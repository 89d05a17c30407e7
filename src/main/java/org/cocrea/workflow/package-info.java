/**
 * The only package that knows Camunda: one definitions class per BPMN (process key, element ids, variables as names
 * and as typed {@link org.cocrea.workflow.support.ProcessVariable}s), the delegates and listeners those models name,
 * the deployment of {@code processes/} and {@code forms/}, engine security (REST Basic authentication, groups,
 * authorizations, Tasklist filters) and the bridge from domain events to process starts and message correlations.
 *
 * <h2>One delegate style</h2>
 * Every service task and every task or execution listener that does work is a Spring bean implementing
 * {@code JavaDelegate}, {@code TaskListener} or {@code ExecutionListener}, named by the model as
 * {@code camunda:delegateExpression="${beanName}"} with the bean named as in the model; beans of one process are
 * {@code @Bean} methods of its {@code *Delegates} configuration class (older single-bean classes such as
 * {@link org.cocrea.workflow.OpenCallDelegate} are the same style as components). Why: the model names a bean and
 * nothing else (no {@code camunda:class}, refused by {@link org.cocrea.workflow.DeploymentAllowList}); the bean gets
 * its services by constructor injection; a process test replaces it with {@code Mocks.register(name, ...)}; and
 * {@link org.cocrea.workflow.ExpressionAllowList} allows a delegate only as the whole expression.
 * <p>
 * Values a model computes (gateway conditions, timers, due dates, candidate groups) are read from variables or from
 * a helper bean's method, {@code ${helper.method(...)}}, listed in {@code ExpressionAllowList.HELPERS}; a rule with a
 * name lives in such a bean with its Javadoc ({@link org.cocrea.workflow.ProposalReviewRules},
 * {@code followup.FollowUpLeadArea}) instead of inline JUEL. The one listener written as a helper call,
 * {@code Flow_ToReview}'s {@code ${proposalReview.setReviewDueDate(execution, 10)}}, keeps that form because its
 * number of working days is the process owners' to change in the model (README).
 */
package org.cocrea.workflow;
