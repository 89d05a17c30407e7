package org.cocrea.proposal;

/**
 * The steps of a proposal's review that the public tracking page shows, in the order they happen (BPMN
 * {@code proposal-review}: received, routed to the responsible area, feasibility review by the area, meeting of the
 * area with the open-government team, reasoned response sent). Labels: {@code tracking.step.<name>}.
 */
public enum ReviewStep {
    /** The proposal was stored (its own record: submission instant). */
    RECEIVED,
    /** The responsible area was set, by the routing table or by the team's triage (engine history). */
    AREA_ASSIGNED,
    /** The area recorded its feasibility review (its own record, else the engine's history). */
    FEASIBILITY_REVIEWED,
    /** The area and the open-government team met about it (engine history). */
    MEETING_HELD,
    /** The reasoned response was sent to the proposer (its own record, else the engine's history). */
    RESPONSE_SENT
}
