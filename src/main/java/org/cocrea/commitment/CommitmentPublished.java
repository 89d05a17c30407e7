package org.cocrea.commitment;

/**
 * Published by the commitment feature when a commitment of the action plan is published (it has its code and is part
 * of the public plan). The workflow layer starts the commitment's monthly follow-up process on it.
 *
 * @param commitmentId the commitment's database id
 * @param code         its public identifier, e.g. {@code ARBA0007}
 */
public record CommitmentPublished(long commitmentId, String code) {
}
