package app.meike.customer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The status rule on its own: the chain's churn window moves a paying customer between the three. */
class LifecycleTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);

    static Customer customer(Integer visitedDaysAgo, Integer paidDaysAgo) {
        Customer c = new Customer();
        c.firstVisitAt = visitedDaysAgo == null ? null : NOW.minusDays(visitedDaysAgo + 1L);
        c.lastVisitAt = visitedDaysAgo == null ? null : NOW.minusDays(visitedDaysAgo);
        c.firstPurchaseAt = paidDaysAgo == null ? null : NOW.minusDays(paidDaysAgo);
        return c;
    }

    @Test
    void beforePayingTheWindowDoesNotMatter() {
        assertThat(Lifecycle.of(customer(null, null), NOW, Duration.ofDays(30))).isEqualTo(Lifecycle.LEAD);
        assertThat(Lifecycle.of(customer(400, null), NOW, Duration.ofDays(30)))
                .isEqualTo(Lifecycle.VISITED_NOT_CONVERTED);
    }

    @Test
    void aPayingCustomerIsAtRiskAfterHalfTheWindowAndChurnedAfterAllOfIt() {
        Customer away100Days = customer(100, 200);
        assertThat(Lifecycle.of(away100Days, NOW, Duration.ofDays(300))).isEqualTo(Lifecycle.ACTIVE);
        assertThat(Lifecycle.of(away100Days, NOW, Duration.ofDays(180))).isEqualTo(Lifecycle.AT_RISK);
        assertThat(Lifecycle.of(away100Days, NOW, Duration.ofDays(90))).isEqualTo(Lifecycle.CHURNED);
    }

    @Test
    void aPurchaseWithoutAVisitCountsFromThePurchase() {
        assertThat(Lifecycle.of(customer(null, 10), NOW, Duration.ofDays(180))).isEqualTo(Lifecycle.ACTIVE);
        assertThat(Lifecycle.of(customer(null, 200), NOW, Duration.ofDays(180))).isEqualTo(Lifecycle.CHURNED);
    }
}
