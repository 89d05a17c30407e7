package org.cocrea.roundtable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.cocrea.kernel.BilingualText;

/** A thematic co-creation round-table of one axis of a call. */
@Entity
@Table(name = "round_table")
public class RoundTable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "call_id")
    private Long callId;
    private String axis;
    private String title;
    @Column(name = "title_en")
    private String titleEn;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    @Column(name = "meeting_link")
    private String meetingLink;
    private int capacity;
    @Enumerated(EnumType.STRING)
    private RoundTableStatus status;
    @Column(name = "ical_uid")
    private String icalUid;
    @Column(name = "ical_sequence")
    private int icalSequence;
    private String presentation;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "info_meeting_at")
    private Instant infoMeetingAt;
    @Column(name = "info_meeting_link")
    private String infoMeetingLink;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "round_table_invited_organization", joinColumns = @JoinColumn(name = "round_table_id"))
    @Column(name = "organization_id")
    private Set<Long> invitedOrganizations = new TreeSet<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "round_table_topic", joinColumns = @JoinColumn(name = "round_table_id"))
    @OrderColumn(name = "position")
    @Column(name = "topic")
    private List<String> topics = new ArrayList<>();

    protected RoundTable() {
    }

    RoundTable(long callId, String axis, BilingualText title, Instant proposedStart,
            int durationMinutes, int capacity, String icalUid, Instant now) {
        this.callId = callId;
        this.axis = axis;
        this.title = title.spanish() != null ? title.spanish() : title.english();
        this.titleEn = title.english();
        this.startsAt = proposedStart;
        this.durationMinutes = durationMinutes;
        this.capacity = capacity;
        this.status = RoundTableStatus.PROPOSED;
        this.icalUid = icalUid;
        this.icalSequence = 0;
        this.createdAt = now;
    }

    void confirm(Instant startsAt, int durationMinutes, String meetingLink, int capacity) {
        boolean wasScheduled = status == RoundTableStatus.SCHEDULED;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.meetingLink = meetingLink;
        this.capacity = capacity;
        this.status = RoundTableStatus.SCHEDULED;
        if (wasScheduled) {
            icalSequence++;
        }
    }

    void cancel() {
        status = RoundTableStatus.CANCELLED;
        icalSequence++;
    }

    void invite(Collection<Long> organizationIds, Instant infoMeetingAt, String infoMeetingLink) {
        this.invitedOrganizations.clear();
        this.invitedOrganizations.addAll(organizationIds);
        this.infoMeetingAt = infoMeetingAt;
        this.infoMeetingLink = infoMeetingLink;
    }

    void recordPresentation(String presentation) {
        this.presentation = presentation;
    }

    void recordTopics(List<String> topics) {
        this.topics.clear();
        this.topics.addAll(topics);
    }

    void held() {
        status = RoundTableStatus.HELD;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public Long getCallId() {
        return callId;
    }

    public String getAxis() {
        return axis;
    }

    /** @return the title in Spanish (staff pages, Tasklist, calendar invitations) */
    public String getTitle() {
        return title;
    }

    /** @return the title in both languages (English may be missing: round-tables created before V65) */
    public BilingualText getTitles() {
        return new BilingualText(title, titleEn);
    }

    /**
     * @param locale the reader's language, may be null (Spanish)
     * @return the title in that language, else in Spanish
     */
    public String title(Locale locale) {
        return getTitles().in(locale).text();
    }

    /** @return start instant (shown in America/Argentina/Buenos_Aires) */
    public Instant getStartsAt() {
        return startsAt;
    }

    /** @return end instant */
    public Instant getEndsAt() {
        return startsAt == null ? null : startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public String getMeetingLink() {
        return meetingLink;
    }

    public int getCapacity() {
        return capacity;
    }

    public RoundTableStatus getStatus() {
        return status;
    }

    /** @return the iCalendar UID, stable across updates */
    public String getIcalUid() {
        return icalUid;
    }

    /** @return the iCalendar SEQUENCE, raised on every rescheduling and on cancellation */
    public int getIcalSequence() {
        return icalSequence;
    }

    public String getPresentation() {
        return presentation;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    /** @return the organisations invited personally (personalised call) */
    public Set<Long> getInvitedOrganizations() {
        return invitedOrganizations;
    }

    /** @return when the information meeting of the personalised call takes place, or null */
    public Instant getInfoMeetingAt() {
        return infoMeetingAt;
    }

    /** @return the information meeting's link, or null */
    public String getInfoMeetingLink() {
        return infoMeetingLink;
    }

    /** @return the commitment topics chosen in phase 2 (the output Stage 3 reads) */
    public List<String> getTopics() {
        return topics;
    }
}
