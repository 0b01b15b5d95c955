package app.meike.membership;

import app.meike.common.Ids;
import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

/** The chain's points rules: one row per chain, created with the chain. */
@Entity
@Table(name = "points_rules")
public class PointsRules extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    /** Points per currency unit of qualifying spend, before the tier multiplier; 0 disables earning. */
    @Column(name = "earn_rate")
    public BigDecimal earnRate;
    /** This many points pay `redeemAmount` minor units. */
    @Column(name = "redeem_points")
    public long redeemPoints;
    @Column(name = "redeem_amount")
    public long redeemAmount;
    @Column(name = "allow_tender")
    public boolean allowTender;
    @Enumerated(EnumType.STRING)
    @Column(name = "expiry_policy")
    public PointsExpiryPolicy expiryPolicy;
    @Column(name = "expiry_months")
    public Integer expiryMonths;
    @Column(name = "reminder_days")
    public int reminderDays;

    /** 1 point per yuan, 100 points pay 1 yuan, lots last until the end of the next year, a month's notice. */
    static PointsRules withDefaults(OffsetDateTime now) {
        PointsRules rules = new PointsRules();
        rules.id = Ids.newId();
        rules.earnRate = new BigDecimal("1.00");
        rules.redeemPoints = 100;
        rules.redeemAmount = 100;
        rules.allowTender = true;
        rules.expiryPolicy = PointsExpiryPolicy.END_OF_NEXT_YEAR;
        rules.reminderDays = 30;
        rules.createdAt = now;
        rules.updatedAt = now;
        return rules;
    }

    /** Points earned on `amount` minor units: rate x multiplier per currency unit, rounded down. */
    long earnedOn(long amount, BigDecimal multiplier, int fractionDigits) {
        return BigDecimal.valueOf(amount).movePointLeft(fractionDigits).multiply(earnRate).multiply(multiplier)
                .setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** Points that pay `amount` minor units, rounded up (the chain never gives money away). */
    long pointsFor(long amount) {
        BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(redeemPoints))
                .divideAndRemainder(BigInteger.valueOf(redeemAmount));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    /** Minor units `points` pay, rounded down. */
    long valueOf(long points) {
        return BigInteger.valueOf(points).multiply(BigInteger.valueOf(redeemAmount))
                .divide(BigInteger.valueOf(redeemPoints)).longValueExact();
    }
}
