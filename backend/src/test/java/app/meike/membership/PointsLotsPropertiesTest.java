package app.meike.membership;

import app.meike.membership.PointsLots.Lot;
import app.meike.membership.PointsLots.Share;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's invariants over any sequence of movements, run the way PointsService runs them (expire what is due,
 * then move): balance = sum(entries) = sum(lots' remaining) >= 0, and every lot holds 0 <= remaining <= points.
 */
class PointsLotsPropertiesTest {
    enum Kind { EARN, REDEEM, WAIT, REVERSE, RESTORE, PAY }

    /** One step: what happens, an amount, and which earlier order it concerns (by index, modulo). */
    record Step(Kind kind, long points, int order) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.longs().between(1, 600),
                Arbitraries.integers().between(0, 20)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    void anySequenceKeepsTheBalanceTheSumOfTheLedgerAndNeverNegative(@ForAll("steps") List<Step> steps) {
        Ledger ledger = new Ledger();
        for (Step step : steps) {
            ledger.apply(step);
            ledger.assertInvariants();
        }
    }

    @Property
    void redemptionsTakeTheOldestLiveLotsFirst(@ForAll @Size(min = 1, max = 8) List<@LongRange(min = 1, max = 100) Long> lots,
                                               @ForAll @LongRange(min = 1, max = 800) long points) {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        List<Lot> held = new ArrayList<>();
        for (int i = 0; i < lots.size(); i++) {
            held.add(new Lot(UUID.randomUUID(), null, lots.get(i), lots.get(i), at.minusDays(lots.size() - i),
                    at.plusYears(1)));
        }
        long available = PointsLots.available(held, at);
        if (points > available) {
            assertThatThrownBy(() -> PointsLots.take(held, points, at)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        List<Share> shares = PointsLots.take(held, points, at);
        assertThat(shares.stream().mapToLong(Share::points).sum()).isEqualTo(-points);
        // Every lot before the last one taken from is emptied: oldest first, partially only at the end.
        for (int i = 0; i < shares.size() - 1; i++) {
            assertThat(-shares.get(i).points()).isEqualTo(held.get(i).remaining());
            assertThat(shares.get(i).lotId()).isEqualTo(held.get(i).id());
        }
    }

    /** A model of one customer's account, moved only through PointsLots like the service moves it. */
    static final class Ledger {
        OffsetDateTime now = OffsetDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        List<Lot> lots = new ArrayList<>();
        List<Long> entries = new ArrayList<>();
        List<UUID> earnedOrders = new ArrayList<>();
        List<UUID> paidOrders = new ArrayList<>();
        Map<UUID, List<Share>> redeemedByOrder = new HashMap<>();
        Map<UUID, Long> restoredByOrder = new HashMap<>();

        void apply(Step step) {
            record(PointsLots.expire(lots, now));
            switch (step.kind()) {
                case EARN -> {
                    UUID order = UUID.randomUUID();
                    earnedOrders.add(order);
                    // Lots of 30 to 400 days, so expiry, reversal and restore interleave.
                    lots.add(new Lot(UUID.randomUUID(), order, step.points(), 0, now,
                            now.plusDays(30 + step.points() % 370)));
                    record(List.of(new Share(lots.get(lots.size() - 1).id(), step.points())));
                }
                case REDEEM, PAY -> {
                    long available = PointsLots.available(lots, now);
                    if (step.points() > available) {
                        assertThatThrownBy(() -> PointsLots.take(lots, step.points(), now))
                                .isInstanceOf(IllegalArgumentException.class);
                        return;
                    }
                    List<Share> shares = PointsLots.take(lots, step.points(), now);
                    record(shares);
                    if (step.kind() == Kind.PAY) {
                        UUID order = UUID.randomUUID();
                        paidOrders.add(order);
                        redeemedByOrder.put(order, shares);
                    }
                }
                case WAIT -> now = now.plusDays(step.points() % 200);
                case REVERSE -> {
                    if (earnedOrders.isEmpty()) {
                        return;
                    }
                    UUID order = earnedOrders.get(step.order() % earnedOrders.size());
                    long before = balance();
                    List<Share> shares = PointsLots.reverse(lots, order, step.points(), now);
                    long taken = -shares.stream().mapToLong(Share::points).sum();
                    assertThat(taken).isBetween(0L, step.points());
                    assertThat(taken).isEqualTo(Math.min(step.points(), before));
                    record(shares);
                }
                case RESTORE -> {
                    if (paidOrders.isEmpty()) {
                        return;
                    }
                    UUID order = paidOrders.get(step.order() % paidOrders.size());
                    long outstanding = -redeemedByOrder.get(order).stream().mapToLong(Share::points).sum()
                            - restoredByOrder.getOrDefault(order, 0L);
                    long points = Math.min(step.points(), outstanding);
                    if (points == 0) {
                        return;
                    }
                    PointsLots.Restore restore = PointsLots.restore(lots, redeemedByOrder.get(order),
                            restoredByOrder.getOrDefault(order, 0L), points, now);
                    List<Share> shares = new ArrayList<>(restore.intoLots());
                    if (restore.intoNewLot() > 0) {
                        lots.add(new Lot(UUID.randomUUID(), null, restore.intoNewLot(), 0, now, now.plusDays(365)));
                        shares.add(new Share(lots.get(lots.size() - 1).id(), restore.intoNewLot()));
                    }
                    assertThat(shares.stream().mapToLong(Share::points).sum()).isEqualTo(points);
                    record(shares);
                    restoredByOrder.merge(order, points, Long::sum);
                }
            }
        }

        void record(List<Share> shares) {
            if (shares.isEmpty()) {
                return;
            }
            lots = new ArrayList<>(PointsLots.apply(lots, shares));
            entries.add(shares.stream().mapToLong(Share::points).sum());
        }

        long balance() {
            return entries.stream().mapToLong(Long::longValue).sum();
        }

        void assertInvariants() {
            assertThat(balance()).isNotNegative();
            assertThat(lots.stream().mapToLong(Lot::remaining).sum()).isEqualTo(balance());
            assertThat(lots).allSatisfy(l -> assertThat(l.remaining()).isBetween(0L, l.points()));
            // What is left after expiring the due lots is exactly what can be spent.
            List<Lot> swept = PointsLots.apply(lots, PointsLots.expire(lots, now));
            assertThat(PointsLots.available(swept, now)).isEqualTo(swept.stream().mapToLong(Lot::remaining).sum());
        }
    }
}
