/**
 * The only package that knows Camunda: one definitions class per BPMN (process key, element ids, variables), the
 * delegates and listeners those models name through {@code delegateExpression}, the deployment of {@code processes/}
 * and {@code forms/}, engine security (REST Basic authentication, groups, authorizations, Tasklist filters) and the
 * bridge from domain events to process starts and message correlations.
 */
package org.cocrea.workflow;
