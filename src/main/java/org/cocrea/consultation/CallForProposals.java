package org.cocrea.consultation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A call for proposals of one action plan (OGP co-creation, Stage 1). */
@Entity
@Table(name = "call_for_proposals")
public class CallForProposals {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "action_plan")
    private String actionPlan;
    private String title;
    private String axes;
    @Column(name = "opens_at")
    private Instant opensAt;
    @Column(name = "closes_at")
    private Instant closesAt;
    @Enumerated(EnumType.STRING)
    private CallStatus status;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "co_creation_instance")
    private int coCreationInstance = 1;

    protected CallForProposals() {
    }

    CallForProposals(String actionPlan, String title, List<String> axes, Instant opensAt, Instant closesAt,
            String processInstanceId, Instant now) {
        this.actionPlan = actionPlan;
        this.title = title;
        this.axes = String.join(";", axes);
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.status = CallStatus.OPEN;
        this.processInstanceId = processInstanceId;
        this.createdAt = now;
    }

    /**
     * @param now the current instant
     * @return whether the call accepts proposals at {@code now}: status OPEN and opensAt &lt;= now &lt; closesAt
     */
    public boolean acceptsProposalsAt(Instant now) {
        return status == CallStatus.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    void close() {
        this.status = CallStatus.CLOSED;
    }

    void numberInstance(int instance) {
        this.coCreationInstance = instance;
    }

    /** @return the co-creation instance of the action plan this call opened (1 for the first, 2 for the next...) */
    public int getCoCreationInstance() {
        return coCreationInstance;
    }

    public Long getId() {
        return id;
    }

    public String getActionPlan() {
        return actionPlan;
    }

    public String getTitle() {
        return title;
    }

    /** @return the thematic axis ids of the call, in the order staff chose them */
    public List<String> getAxes() {
        return Arrays.stream(axes.split(";")).filter(s -> !s.isBlank()).toList();
    }

    /** @return opening instant (shown in America/Argentina/Buenos_Aires) */
    public Instant getOpensAt() {
        return opensAt;
    }

    /** @return closing instant (shown in America/Argentina/Buenos_Aires) */
    public Instant getClosesAt() {
        return closesAt;
    }

    public CallStatus getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
