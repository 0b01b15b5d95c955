package app.meike.membership;

import app.meike.common.Ids;
import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The chain's membership program: one row per chain, its tiers in membership_tier. */
@Entity
@Table(name = "membership_program")
public class MembershipProgram extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Enumerated(EnumType.STRING)
    public TierRules.Basis basis;
    @Enumerated(EnumType.STRING)
    @Column(name = "review_rule")
    public TierRules.ReviewRule reviewRule;
    /** The latest re-evaluation a change of the program started. */
    @Column(name = "reevaluation_job_id")
    public UUID reevaluationJobId;

    /** A new chain's program: no tiers, lifetime spend, reviewed at the member year's end. */
    static MembershipProgram withDefaults(OffsetDateTime now) {
        MembershipProgram program = new MembershipProgram();
        program.id = Ids.newId();
        program.basis = TierRules.Basis.LIFETIME;
        program.reviewRule = TierRules.ReviewRule.AT_MEMBER_YEAR_END;
        program.createdAt = now;
        program.updatedAt = now;
        return program;
    }
}
