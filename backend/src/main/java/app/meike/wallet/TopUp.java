package app.meike.wallet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A sale of a stored-value plan (储值): one lot and one TOP_UP entry, whose tenders say how it was paid. */
@Entity
@Immutable
@Table(name = "stored_value_top_up")
public class TopUp extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "plan_name")
    public String planName;
    @Column(name = "clinic_id")
    public UUID clinicId;
    @Column(name = "consultant_id")
    public UUID consultantId;
    public long price;
    public long value;
    @Column(name = "topped_up_at")
    public OffsetDateTime toppedUpAt;
    @Column(name = "topped_up_by")
    public String toppedUpBy;
}
