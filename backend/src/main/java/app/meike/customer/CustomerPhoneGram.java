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

/** A 4-digit run of a customer's phone, kept by a database trigger; read only, for phone search. */
@Entity
@Immutable
@Table(name = "customer_phone_gram")
public class CustomerPhoneGram extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Embeddable
    public record Key(@Column(name = "customer_id") UUID customerId, String gram) implements Serializable {
    }
}
