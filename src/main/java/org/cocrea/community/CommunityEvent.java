package org.cocrea.community;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event of a community of practice (a workshop, a meetup, a datathon): public title, description, date, place
 * or link and capacity; its iCalendar UID stays the same across reschedulings (RFC 5545) while the SEQUENCE grows.
 * Once held, staff record a public summary and the attendance.
 */
@Entity
@Table(name = "community_event")
public class CommunityEvent {

    /** Event states. */
    public enum Status {
        /** Announced; open for registration until it starts. */
        SCHEDULED,
        /** Called off; its registrants got a cancellation. */
        CANCELLED,
        /** Took place; its summary and attendance are recorded. */
        HELD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "community_id")
    private Long communityId;
    private String title;
    private String description;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    private String location;
    private int capacity;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "ical_uid")
    private String icalUid;
    @Column(name = "ical_sequence")
    private int icalSequence;
    private String summary;
    private Integer attendance;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CommunityEvent() {
    }

    CommunityEvent(long communityId, String title, String description, Instant startsAt, int durationMinutes,
            String location, int capacity, String icalUid, String by, Instant now) {
        this.communityId = communityId;
        this.title = title;
        this.description = description;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
        this.location = location;
        this.capacity = capacity;
        this.status = Status.SCHEDULED;
        this.icalUid = icalUid;
        this.icalSequence = 0;
        this.createdBy = by;
        this.createdAt = now;
    }

    void reschedule(Instant start) {
        this.startsAt = start;
        this.icalSequence++;
    }

    /** @return whether what a calendar shows (title, place) changed, which calls for an updated invitation */
    boolean edit(String title, String description, String location, int capacity) {
        boolean calendar = !title.equals(this.title) || !location.equals(this.location);
        this.title = title;
        this.description = description;
        this.location = location;
        this.capacity = capacity;
        if (calendar) {
            this.icalSequence++;
        }
        return calendar;
    }

    void cancel() {
        this.status = Status.CANCELLED;
        this.icalSequence++;
    }

    void recordSummary(String summary, int attendance) {
        this.summary = summary;
        this.attendance = attendance;
        this.status = Status.HELD;
    }

    public Long getId() {
        return id;
    }

    public Long getCommunityId() {
        return communityId;
    }

    public String getTitle() {
        return title;
    }

    /** @return the public description, or null */
    public String getDescription() {
        return description;
    }

    /** @return the start instant (pages show it in America/Argentina/Buenos_Aires) */
    public Instant getStartsAt() {
        return startsAt;
    }

    /** @return the end instant: start plus the duration */
    public Instant getEndsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    /** @return length in minutes, 15 to 480 */
    public int getDurationMinutes() {
        return durationMinutes;
    }

    /** @return the virtual meeting's link or the place */
    public String getLocation() {
        return location;
    }

    /** @return seats; registrations beyond go to the waiting list */
    public int getCapacity() {
        return capacity;
    }

    public Status getStatus() {
        return status;
    }

    public String getIcalUid() {
        return icalUid;
    }

    /** @return 0 when first scheduled, one more after each rescheduling and the cancellation */
    public int getIcalSequence() {
        return icalSequence;
    }

    /** @return the public summary once held, or null */
    public String getSummary() {
        return summary;
    }

    /** @return how many attended once held, or null */
    public Integer getAttendance() {
        return attendance;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
