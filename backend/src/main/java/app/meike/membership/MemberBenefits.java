package app.meike.membership;

import app.meike.catalog.ItemCategory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The benefits a customer's tier gives at the till: a discount in percent (0-100, two decimals), overall or per
 * item category, and the multiplier on the points she earns. A customer without a tier gets none of them.
 */
public record MemberBenefits(UUID tierId, String tierName, BigDecimal discountPercent,
                             Map<ItemCategory, BigDecimal> categoryDiscountPercent, BigDecimal pointsMultiplier) {
    public static final MemberBenefits NONE = new MemberBenefits(null, null, BigDecimal.ZERO, Map.of(), BigDecimal.ONE);

    /** The category's own discount when the tier sets one, else the overall discount. */
    public BigDecimal discountFor(ItemCategory category) {
        return categoryDiscountPercent.getOrDefault(category, discountPercent);
    }
}
