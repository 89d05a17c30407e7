package org.cocrea.implementation;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A follow-up meeting during implementation: a meeting of the multi-stakeholder forum or an implementation meeting
 * with civil society, optionally about some commitments; scheduled, then held once staff record its minutes and
 * attendance.
 */
@Entity
@Table(name = "implementation_meeting")
public class Meeting {

    /** Life cycle of a meeting. */
    public enum Status {
        /** Announced; invitations sent. */
        SCHEDULED,
        /** Took place: minutes and attendance recorded. */
        HELD,
        /** Called off before it started; the invitees got {@code METHOD:CANCEL}. */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "action_plan")
    private String actionPlan;
    @Enumerated(EnumType.STRING)
    private MeetingKind kind;
    private String title;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    @Column(name = "meeting_link")
    private String meetingLink;
    @Column(name = "extra_invitees")
    private String extraInvitees;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "ical_uid")
    private String icalUid;
    @Column(name = "ical_sequence")
    private int icalSequence;
    private String minutes;
    private String agenda;
    private Integer attendance;
    @Column(name = "minutes_recorded_by")
    private String minutesRecordedBy;
    @Column(name = "minutes_recorded_at")
    private Instant minutesRecordedAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "implementation_meeting_commitment", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "commitment_id")
    private Set<Long> commitmentIds = new TreeSet<>();

    protected Meeting() {
    }

    Meeting(String actionPlan, MeetingKind kind, String title, Instant startsAt, int durationMinutes,
            String meetingLink, String extraInvitees, Set<Long> commitmentIds, String agenda, String icalUid,
            String createdBy, Instant now) {
        this.actionPlan = actionPlan;
        this.kind = kind;
        this.title = title;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.meetingLink = meetingLink;
        this.extraInvitees = extraInvitees;
        this.commitmentIds = new TreeSet<>(commitmentIds);
        this.agenda = agenda;
        this.status = Status.SCHEDULED;
        this.icalUid = icalUid;
        this.icalSequence = 0;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Moves the meeting; the invitation update carries the next SEQUENCE (RFC 5545 3.8.7.4). */
    void reschedule(Instant startsAt) {
        this.startsAt = startsAt;
        this.icalSequence++;
    }

    /** Calls the meeting off; the cancellation carries the next SEQUENCE. */
    void cancel() {
        this.status = Status.CANCELLED;
        this.icalSequence++;
    }

    void recordMinutes(String minutes, int attendance, String by, Instant at) {
        this.minutes = minutes;
        this.attendance = attendance;
        this.minutesRecordedBy = by;
        this.minutesRecordedAt = at;
        this.status = Status.HELD;
    }

    public Long getId() {
        return id;
    }

    /** @return the action plan id, e.g. {@code ARBA-2021-2023} */
    public String getActionPlan() {
        return actionPlan;
    }

    public MeetingKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    /** @return the end: start plus the duration */
    public Instant getEndsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    /** @return the virtual meeting's http(s) link or the place, or null */
    public String getMeetingLink() {
        return meetingLink;
    }

    /** @return further invited e-mail addresses, one per line, or null */
    public String getExtraInvitees() {
        return extraInvitees;
    }

    public Status getStatus() {
        return status;
    }

    /** @return the iCalendar UID, stable for the meeting's life */
    public String getIcalUid() {
        return icalUid;
    }

    /** @return the iCalendar SEQUENCE of the last invitation */
    public int getIcalSequence() {
        return icalSequence;
    }

    /** @return the minutes, or null until the meeting is held */
    /** @return the agenda published before the meeting (up to 8,000 characters), or null */
    public String getAgenda() {
        return agenda;
    }

    public String getMinutes() {
        return minutes;
    }

    /** @return how many people attended, or null until the meeting is held */
    public Integer getAttendance() {
        return attendance;
    }

    public String getMinutesRecordedBy() {
        return minutesRecordedBy;
    }

    public Instant getMinutesRecordedAt() {
        return minutesRecordedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** @return ids of the commitments the meeting is about; empty for a general meeting */
    public Set<Long> getCommitmentIds() {
        return commitmentIds;
    }
}
