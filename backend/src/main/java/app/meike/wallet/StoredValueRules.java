package app.meike.wallet;

import app.meike.common.Ids;
import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;

/** The chain's stored-value rules: one row per chain, created with the chain. */
@Entity
@Table(name = "stored_value_rules")
public class StoredValueRules extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    /** The order lots topped up from now on are debited in. */
    @Enumerated(EnumType.STRING)
    @Column(name = "debit_order")
    public StoredValueDebitOrder debitOrder;
    @Column(name = "reminder_days")
    public int reminderDays;

    /** Pro rata (the courts' reading of 'pay X get Y'), with a month's notice before a lot expires. */
    static StoredValueRules withDefaults(OffsetDateTime now) {
        StoredValueRules rules = new StoredValueRules();
        rules.id = Ids.newId();
        rules.debitOrder = StoredValueDebitOrder.PRO_RATA;
        rules.reminderDays = 30;
        rules.createdAt = now;
        rules.updatedAt = now;
        return rules;
    }
}
