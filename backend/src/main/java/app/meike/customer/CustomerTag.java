package app.meike.customer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** One tag of a customer, kept by a database trigger from customer.tags; read only, for tag filters. */
@Entity
@Immutable
@Table(name = "customer_tag")
public class CustomerTag extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Embeddable
    public record Key(@Column(name = "customer_id") UUID customerId, String tag) implements Serializable {
    }
}
