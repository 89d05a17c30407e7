package org.cocrea.proposal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The meeting between the open-government team and one area about all of that area's proposals of a call. */
@Entity
@Table(name = "feasibility_meeting")
public class FeasibilityMeeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "call_id")
    private Long callId;
    @Column(name = "area_group")
    private String areaGroup;
    @Column(name = "held_at")
    private Instant heldAt;
    private String attendees;
    private String outcome;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected FeasibilityMeeting() {
    }

    FeasibilityMeeting(long callId, String areaGroup) {
        this.callId = callId;
        this.areaGroup = areaGroup;
    }

    void record(Instant heldAt, String attendees, String outcome, String recordedBy, Instant recordedAt) {
        this.heldAt = heldAt;
        this.attendees = attendees;
        this.outcome = outcome;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCallId() {
        return callId;
    }

    public String getAreaGroup() {
        return areaGroup;
    }

    /** @return when the meeting was held */
    public Instant getHeldAt() {
        return heldAt;
    }

    public String getAttendees() {
        return attendees;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
