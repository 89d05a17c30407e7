/**
 * Government areas: the institutions that review proposals and implement commitments, each with the Camunda
 * candidate group its staff belong to and the thematic axes it answers for. Loaded from a CSV reference file
 * ({@code cocrea.areas-file}, by default the copy of {@code shared/data/areas.csv} in the jar).
 */
package org.cocrea.area;
