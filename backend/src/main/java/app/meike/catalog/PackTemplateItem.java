package app.meike.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** One item of a template: how many sessions of it, and the least days between two of them. */
@Entity
@Table(name = "pack_template_item")
public class PackTemplateItem extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "item_no")
    public short itemNo;
    public int sessions;
    @Column(name = "min_interval_days")
    public Integer minIntervalDays;

    @Embeddable
    public record Key(@Column(name = "template_id") UUID templateId, @Column(name = "item_id") UUID itemId)
            implements Serializable {
    }
}
