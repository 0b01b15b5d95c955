package app.meike.order;

import app.meike.catalog.ItemCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of an order, priced as sold: net = unit price x quantity - line discount - tier discount - coupon
 * discount (what the order's coupons took off this line). It sells an
 * item, or session packs of a template (one pack per unit, issued when the order is paid).
 */
@Entity
@Table(name = "order_line")
public class OrderLine extends PanacheEntityBase {
    @Id
    public UUID id;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "line_no")
    public short lineNo;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "pack_template_id")
    public UUID packTemplateId;
    @Column(name = "item_name")
    public String itemName;
    @Enumerated(EnumType.STRING)
    public ItemCategory category;
    public int quantity;
    @Column(name = "list_price")
    public long listPrice;
    @Column(name = "unit_price")
    public long unitPrice;
    @Column(name = "line_discount")
    public long lineDiscount;
    @Column(name = "tier_discount_percent")
    public BigDecimal tierDiscountPercent;
    @Column(name = "tier_discount")
    public long tierDiscount;
    @Column(name = "coupon_discount")
    public long couponDiscount;
    public long net;
    public long refunded;
    @Column(name = "seeded_by_first_consultant")
    public boolean seededByFirstConsultant;

    public enum Kind { ITEM, PACK }

    public Kind kind() {
        return packTemplateId == null ? Kind.ITEM : Kind.PACK;
    }
}
