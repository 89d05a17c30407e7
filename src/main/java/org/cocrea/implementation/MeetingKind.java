package org.cocrea.implementation;

/** What a follow-up meeting during implementation is, for the OGP minimum requirements it counts towards. */
public enum MeetingKind {
    /**
     * A meeting of the multi-stakeholder forum (the space for dialogue between government and civil society, OGP
     * Participation and Co-Creation Standards, Standard 1: it meets at least every six months).
     */
    FORUM,
    /**
     * A meeting with civil society on the implementation of the plan (Standard 5: at least two a year during
     * implementation).
     */
    IMPLEMENTATION
}
