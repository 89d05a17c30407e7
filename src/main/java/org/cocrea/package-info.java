/**
 * Cocrea runs an Open Government Partnership (OGP) action plan on Camunda 7: one package per feature of the
 * domain ({@code proposal}, {@code consultation}, {@code area}, {@code notification}), and {@code workflow}, the
 * only package that talks to the engine.
 */
package org.cocrea;
