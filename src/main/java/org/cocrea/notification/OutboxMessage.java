package org.cocrea.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One rendered mail in the outbox. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String recipient;
    private String subject;
    @Column(name = "body_html")
    private String bodyHtml;
    private String kind;
    private String reference;
    private String language;
    @Enumerated(EnumType.STRING)
    private OutboxStatus status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "claimed_at")
    private Instant claimedAt;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "message_id")
    private String messageId;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "list_unsubscribe")
    private String listUnsubscribe;
    @Column(name = "attachment_name")
    private String attachmentName;
    @Column(name = "attachment_type")
    private String attachmentType;
    @Column(name = "attachment_content")
    private String attachmentContent;
    @Version
    private long version;

    protected OutboxMessage() {
    }

    OutboxMessage(String recipient, String subject, String bodyHtml, String kind, String reference, String language,
            String listUnsubscribe, String messageId, Instant now) {
        this.messageId = messageId;
        this.listUnsubscribe = listUnsubscribe;
        this.recipient = recipient;
        this.subject = subject;
        this.bodyHtml = bodyHtml;
        this.kind = kind;
        this.reference = reference;
        this.language = language;
        this.status = OutboxStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /**
     * A row as {@link OutboxSender}'s claim statement returned it (plain SQL, not managed by JPA): status SENDING,
     * with what delivering it and recording its result need; kind, reference and the timestamps are left out.
     */
    static OutboxMessage claimed(long id, String recipient, String subject, String bodyHtml, String language,
            int attempts, Instant leaseUntil, String messageId, String listUnsubscribe, String attachmentName,
            String attachmentType, String attachmentContent, long version) {
        OutboxMessage m = new OutboxMessage();
        m.id = id;
        m.recipient = recipient;
        m.subject = subject;
        m.bodyHtml = bodyHtml;
        m.language = language;
        m.status = OutboxStatus.SENDING;
        m.attempts = attempts;
        m.leaseUntil = leaseUntil;
        m.messageId = messageId;
        m.listUnsubscribe = listUnsubscribe;
        m.attachmentName = attachmentName;
        m.attachmentType = attachmentType;
        m.attachmentContent = attachmentContent;
        m.version = version;
        return m;
    }

    void requeue(Instant now) {
        status = OutboxStatus.PENDING;
        nextAttemptAt = now;
        claimedAt = null;
        leaseUntil = null;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getKind() {
        return kind;
    }

    public String getReference() {
        return reference;
    }

    public String getLanguage() {
        return language;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    /** @return until when the sender holding the row may keep it before it counts as stopped; null unless SENDING */
    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    /**
     * @return the Message-ID header, angle brackets included, fixed when the row was written: every delivery of this
     *         row (a resend after a crash too) carries it, so receivers can drop a second copy
     */
    public String getMessageId() {
        return messageId;
    }

    /** @return the row's version, bumped by every claim and every recorded result (the sender's claim token) */
    long getVersion() {
        return version;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    void attach(OutgoingMail.Attachment attachment) {
        if (attachment != null) {
            this.attachmentName = attachment.name();
            this.attachmentType = attachment.contentType();
            this.attachmentContent = attachment.content();
        }
    }

    /** @return the attachment's file name, or null */
    public String getAttachmentName() {
        return attachmentName;
    }

    /** @return the attachment's MIME type, or null */
    public String getAttachmentType() {
        return attachmentType;
    }

    /** @return the attachment's text, or null */
    public String getAttachmentContent() {
        return attachmentContent;
    }

    /** @return the one-click unsubscribe URL of a mass mail, or null */
    public String getListUnsubscribe() {
        return listUnsubscribe;
    }
}
