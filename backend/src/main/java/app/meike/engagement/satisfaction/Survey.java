package app.meike.engagement.satisfaction;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A survey of one visit: a one-time link waiting for the customer's answers, or the answers. */
@Entity
@Table(name = "survey")
public class Survey extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "consultant_id")
    public UUID consultantId;
    @Column(name = "visited_at")
    public OffsetDateTime visitedAt;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** SHA-256 of the link's token; the token itself is only ever in the link. */
    @Column(name = "link_token_hash")
    public byte[] linkTokenHash;
    @Column(name = "link_expires_at")
    public OffsetDateTime linkExpiresAt;
    @Column(name = "result_score")
    public Integer resultScore;
    @Column(name = "experience_score")
    public Integer experienceScore;
    public Integer nps;
    public String comment;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    /** Who entered the answers: a staff member's user id, null when the customer answered through the link. */
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "created_by")
    public String createdBy;

    /** STAFF: answers recorded by staff; LINK: sent as a one-time link (staff may still record its answers). */
    public enum Channel { STAFF, LINK }

    public enum Status { PENDING, SUBMITTED }
}
