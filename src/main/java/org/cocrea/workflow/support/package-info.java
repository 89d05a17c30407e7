/**
 * Typed access to process variables: {@link org.cocrea.workflow.support.ProcessVariable} (name, Java type, read from
 * and written to a variable scope, the task and runtime services or a variables map) and
 * {@link org.cocrea.workflow.support.FormFields} (how Camunda Forms' submitted values are read). Each process declares
 * its variables with them in its definitions class in {@code org.cocrea.workflow}.
 */
package org.cocrea.workflow.support;
