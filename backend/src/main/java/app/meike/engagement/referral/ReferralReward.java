package app.meike.engagement.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A reward a referral paid one of the referee's two nearest ancestors; reversed when the referral stops counting. */
@Entity
@Table(name = "referral_reward")
public class ReferralReward extends PanacheEntityBase {
    public enum Status {
        PAID, REVERSED
    }

    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "referee_id")
    public UUID refereeId;
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;
    public int level;
    @Enumerated(EnumType.STRING)
    public RewardKind kind;
    public long points;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** On reversal: what her balance allowed to take back, and what she had already spent. */
    @Column(name = "taken_back")
    public Long takenBack;
    public Long shortfall;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Column(name = "reversed_at")
    public OffsetDateTime reversedAt;
}
