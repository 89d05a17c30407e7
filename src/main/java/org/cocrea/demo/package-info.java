/**
 * Demo data for the first run ({@code cocrea.demo.enabled=true}, the default {@code demo} profile): an open call for
 * proposals whose window includes "now" and the 48 proposals of {@code shared/data/proposals-2021-consultation.csv},
 * imported through the same path as a staff CSV import.
 */
package org.cocrea.demo;
