package app.meike.membership;

import app.meike.membership.Memberships.SpendSource;
import app.meike.membership.TierRules.Basis;
import app.meike.membership.TierRules.Ladder;
import app.meike.membership.TierRules.Rung;
import app.meike.membership.TierRules.Spend;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tier after any sequence of orders and refunds, applied one at a time as recordSpend applies them, equals
 * the tier recomputed from scratch from all the entries: on lifetime spend the tier the spend reaches now; on the
 * other bases (no review yet) the highest tier the spend reached at any moment it was recorded.
 */
class TierRulesPropertyTest {
    private static final OffsetDateTime START = OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 0, ZoneOffset.UTC);

    /** An order (amount > 0) or a refund of part of an earlier order, some days after the previous event. */
    record Event(boolean refund, long amount, int refundOf, int daysLater) {
    }

    @Property(tries = 500)
    void incrementalTierEqualsTheTierFromScratch(@ForAll("ladders") List<Long> thresholds,
                                                 @ForAll Basis basis,
                                                 @ForAll("events") List<Event> events) {
        Ladder ladder = new Ladder(basis, thresholds.stream().map(t -> new Rung(UUID.randomUUID(), t)).toList());
        List<Spend> entries = new ArrayList<>();
        List<Long> refundable = new ArrayList<>();
        OffsetDateTime at = START;
        UUID held = null;
        UUID highestReached = null;
        for (Event event : events) {
            at = at.plusDays(event.daysLater()).plusMinutes(7);
            SpendSource source;
            long amount;
            if (event.refund() && !refundable.isEmpty()) {
                int order = Math.floorMod(event.refundOf(), refundable.size());
                amount = -Math.min(event.amount(), refundable.get(order));
                refundable.set(order, refundable.get(order) + amount);
                source = SpendSource.REFUND;
            } else {
                amount = event.amount();
                refundable.add(amount);
                source = SpendSource.ORDER;
            }
            entries.add(new Spend(amount, at));
            UUID earned = TierRules.earnedTier(entries, ladder, at);
            held = TierRules.afterSpend(held, earned, ladder, source);
            if (ladder.rank(earned) > ladder.rank(highestReached)) {
                highestReached = earned;
            }
            // Never below what the spend reaches: upgrades never wait.
            assertThat(ladder.rank(held)).isGreaterThanOrEqualTo(ladder.rank(earned));
        }
        List<Spend> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled);
        UUID fromScratch = basis == Basis.LIFETIME ? TierRules.earnedTier(shuffled, ladder, at) : highestReached;
        assertThat(held).isEqualTo(fromScratch);
        if (basis == Basis.LIFETIME) {
            long net = entries.stream().mapToLong(Spend::amount).sum();
            assertThat(TierRules.qualifyingSpend(shuffled, basis, at)).isEqualTo(net).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 300)
    void qualifyingSpendIsTheSumOverTheBasisWindowWhateverTheOrderOfEntries(@ForAll Basis basis,
                                                                           @ForAll("events") List<Event> events,
                                                                           @ForAll("days") int daysAfter) {
        List<Spend> entries = new ArrayList<>();
        OffsetDateTime at = START;
        for (Event event : events) {
            at = at.plusDays(event.daysLater());
            entries.add(new Spend(event.refund() ? -Math.min(event.amount(), positive(entries)) : event.amount(), at));
        }
        OffsetDateTime asOf = at.plusDays(daysAfter);
        List<Spend> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled);
        long expected = switch (basis) {
            case LIFETIME -> positive(entries);
            case ROLLING_12_MONTHS -> Math.max(0, entries.stream().filter(s -> s.at().isAfter(asOf.minusYears(1)))
                    .mapToLong(Spend::amount).sum());
            case MEMBER_YEAR -> memberYearByCounting(entries, asOf);
        };
        assertThat(TierRules.qualifyingSpend(shuffled, basis, asOf)).isEqualTo(expected);
    }

    /** The member-year spend the slow way: walk the years from the first paid order one by one. */
    private static long memberYearByCounting(List<Spend> entries, OffsetDateTime asOf) {
        OffsetDateTime first = entries.stream().filter(s -> s.amount() > 0).map(Spend::at).min(OffsetDateTime::compareTo)
                .orElse(null);
        if (first == null) {
            return 0;
        }
        int years = 0;
        while (!first.plusYears(years + 1).isAfter(asOf)) {
            years++;
        }
        OffsetDateTime start = first.plusYears(years);
        OffsetDateTime previous = first.plusYears(years - 1);
        long current = entries.stream().filter(s -> !s.at().isBefore(start)).mapToLong(Spend::amount).sum();
        long before = entries.stream().filter(s -> !s.at().isBefore(previous) && s.at().isBefore(start))
                .mapToLong(Spend::amount).sum();
        return Math.max(0, Math.max(current, before));
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 800);
    }

    @Provide
    Arbitrary<List<Long>> ladders() {
        return Arbitraries.longs().between(1, 2_000_000).list().ofMinSize(0).ofMaxSize(5).uniqueElements()
                .map(list -> list.stream().sorted().toList());
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Event> event = Combinators.combine(Arbitraries.of(true, false, false),
                        Arbitraries.longs().between(0, 1_500_000), Arbitraries.integers().between(0, 50),
                        Arbitraries.integers().between(0, 200))
                .as(Event::new);
        return event.list().ofMaxSize(30);
    }

    private static long positive(List<Spend> entries) {
        return Math.max(0, entries.stream().mapToLong(Spend::amount).sum());
    }
}
