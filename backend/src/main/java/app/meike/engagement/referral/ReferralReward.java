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
    /** CAPPED: earned, but a cap kept it from being paid; recorded so staff see it. */
    public enum Status {
        PAID, REVERSED, CAPPED
    }

    /** Which cap kept a reward from being paid. */
    public enum Cap {
        MONTH, MEMBER_YEAR
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
    /** The kind's parameter: points, the coupon type, or the bonus amount (minor units). */
    public Long points;
    @Column(name = "coupon_type_id")
    public UUID couponTypeId;
    public Long amount;
    /** What paying it made: the coupon issued, or the stored-value lot the bonus was credited to. */
    @Column(name = "coupon_id")
    public UUID couponId;
    @Column(name = "stored_value_lot_id")
    public UUID storedValueLotId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "capped_by")
    public Cap cappedBy;
    /** On reversal: what her balance allowed to take back, and what she had already spent (points, fen, coupons). */
    @Column(name = "taken_back")
    public Long takenBack;
    public Long shortfall;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Column(name = "reversed_at")
    public OffsetDateTime reversedAt;
}
