package app.meike.wallet;

import app.meike.wallet.StoredValueLots.Lot;
import app.meike.wallet.StoredValueLots.Status;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Principal and bonus that came in together (a top-up, an opening balance, a transfer, an adjustment), with the
 * terms it was sold under. Only ledger allocations move its buckets, through {@link StoredValueLots}.
 */
@Entity
@DynamicUpdate
@Table(name = "stored_value_lot")
public class StoredValueLot extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "account_id")
    public UUID accountId;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "top_up_id")
    public UUID topUpId;
    @Column(name = "origin_lot_id")
    public UUID originLotId;
    public long principal;
    public long bonus;
    @Column(name = "principal_remaining")
    public long principalRemaining;
    @Column(name = "bonus_remaining")
    public long bonusRemaining;
    @Column(name = "principal_consumed")
    public long principalConsumed;
    @Column(name = "bonus_consumed")
    public long bonusConsumed;
    @Column(name = "expired_principal")
    public long expiredPrincipal;
    @Column(name = "expired_bonus")
    public long expiredBonus;
    @Column(name = "principal_out")
    public long principalOut;
    @Column(name = "bonus_out")
    public long bonusOut;
    @Enumerated(EnumType.STRING)
    @Column(name = "debit_order")
    public StoredValueDebitOrder debitOrder;
    @Column(name = "all_clinics")
    public boolean allClinics;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "clinic_ids", columnDefinition = "uuid[]")
    public List<UUID> clinicIds;
    /** The clinic whose liability the lot is (where it was sold); null for a chain-wide adjustment. */
    @Column(name = "sold_at_clinic_id")
    public UUID soldAtClinicId;
    @Column(name = "validity_days")
    public Integer validityDays;
    @Column(name = "topped_up_at")
    public OffsetDateTime toppedUpAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    public enum Source { TOP_UP, OPENING, TRANSFER_IN, ADJUSTMENT, REVERSAL, REWARD }

    Lot asLot() {
        return new Lot(id, principal, bonus, principalRemaining, bonusRemaining, principalConsumed, bonusConsumed,
                expiredPrincipal, expiredBonus, principalOut, bonusOut, debitOrder, status, allClinics,
                Set.copyOf(clinicIds), toppedUpAt, expiresAt);
    }

    /** Takes the buckets and status of the lot as the arithmetic left it (its terms never change). */
    void take(Lot lot) {
        principalRemaining = lot.principalRemaining();
        bonusRemaining = lot.bonusRemaining();
        principalConsumed = lot.principalConsumed();
        bonusConsumed = lot.bonusConsumed();
        expiredPrincipal = lot.expiredPrincipal();
        expiredBonus = lot.expiredBonus();
        principalOut = lot.principalOut();
        bonusOut = lot.bonusOut();
        status = lot.status();
    }

    /** A new lot of the account with the arithmetic's figures and terms; the caller sets where it came from. */
    static StoredValueLot of(UUID accountId, Lot lot) {
        StoredValueLot entity = new StoredValueLot();
        entity.id = lot.id();
        entity.accountId = accountId;
        entity.principal = lot.principal();
        entity.bonus = lot.bonus();
        entity.debitOrder = lot.debitOrder();
        entity.allClinics = lot.allClinics();
        entity.clinicIds = new ArrayList<>(lot.clinicIds());
        entity.toppedUpAt = lot.toppedUpAt();
        entity.expiresAt = lot.expiresAt();
        entity.take(lot);
        return entity;
    }
}
