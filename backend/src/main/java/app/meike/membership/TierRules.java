package app.meike.membership;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The tier rules as pure functions of a customer's spend entries, the program's ladder and a moment: what the
 * service applies one order at a time, what jobs apply in batches, and what a property test recomputes from
 * scratch. The preview's SQL (MembershipPreviewQuery) and a payment's aggregate (MembershipService.spendOn) compute
 * the same qualifying spend; keep them in step.
 */
public final class TierRules {
    private TierRules() {
    }

    public enum Basis { LIFETIME, ROLLING_12_MONTHS, MEMBER_YEAR }

    public enum ReviewRule { AT_MEMBER_YEAR_END, MONTHLY, NEVER }

    /** One qualifying-spend entry: positive for a paid order, negative for a refund. */
    public record Spend(long amount, OffsetDateTime at) {
    }

    /** A tier on the ladder: its id and threshold (minor units). */
    public record Rung(UUID tierId, long threshold) {
    }

    /** The program as far as the rules need it: basis and the tiers, lowest threshold first. */
    public record Ladder(Basis basis, List<Rung> rungs) {
        public Ladder {
            rungs = rungs.stream().sorted(Comparator.comparingLong(Rung::threshold)).toList();
        }

        /** The highest tier the spend reaches, or null. */
        public UUID earned(long spend) {
            UUID tier = null;
            for (Rung rung : rungs) {
                if (rung.threshold() <= spend) {
                    tier = rung.tierId();
                }
            }
            return tier;
        }

        /** The tier's position on the ladder; -1 for no tier or a tier no longer on it. */
        public int rank(UUID tierId) {
            for (int i = 0; i < rungs.size(); i++) {
                if (rungs.get(i).tierId().equals(tierId)) {
                    return i;
                }
            }
            return -1;
        }

        /** The rung above the higher of the two tiers, or null at the top. */
        public Rung nextAbove(UUID held, UUID earned) {
            int from = Math.max(rank(held), rank(earned)) + 1;
            return from < rungs.size() ? rungs.get(from) : null;
        }
    }

    /** The member year holding `at`: [first paid + k years, + 1 year); null before the first paid order. */
    public static OffsetDateTime memberYearStart(OffsetDateTime firstPaidAt, OffsetDateTime at) {
        if (firstPaidAt == null || at.isBefore(firstPaidAt)) {
            return null;
        }
        // Whole years as plusYears counts them: from 29 February a year ends on 28 February.
        long years = ChronoUnit.YEARS.between(firstPaidAt, at);
        return firstPaidAt.plusYears(firstPaidAt.plusYears(years + 1).isAfter(at) ? years : years + 1);
    }

    /** The first paid order's time: the earliest positive entry. */
    public static OffsetDateTime firstPaidAt(List<Spend> entries) {
        return entries.stream().filter(s -> s.amount() > 0).map(Spend::at).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * Qualifying spend on the basis at `asOf` (entries after it do not count yet), never below zero. On the
     * member-year basis a year's tier is kept through the next year, so the spend is the greater of the current
     * and the previous member year's.
     */
    public static long qualifyingSpend(List<Spend> entries, Basis basis, OffsetDateTime asOf) {
        OffsetDateTime firstPaid = firstPaidAt(entries);
        long spend = switch (basis) {
            case LIFETIME -> sum(entries, at -> !at.isAfter(asOf));
            case ROLLING_12_MONTHS -> sum(entries, at -> at.isAfter(asOf.minusMonths(12)) && !at.isAfter(asOf));
            case MEMBER_YEAR -> {
                OffsetDateTime start = memberYearStart(firstPaid, asOf);
                OffsetDateTime previous = start == null ? null : start.minusYears(1);
                yield start == null ? 0 : Math.max(sum(entries, at -> !at.isBefore(start) && !at.isAfter(asOf)),
                        sum(entries, at -> !at.isBefore(previous) && at.isBefore(start)));
            }
        };
        return Math.max(0, spend);
    }

    /** The tier recomputed from scratch: the one the qualifying spend at `asOf` reaches. */
    public static UUID earnedTier(List<Spend> entries, Ladder ladder, OffsetDateTime asOf) {
        return ladder.earned(qualifyingSpend(entries, ladder.basis(), asOf));
    }

    /**
     * What recording spend does to the held tier: up at once; down at once only for a refund (or a reversal) on
     * lifetime spend.
     */
    public static UUID afterSpend(UUID held, UUID earned, Ladder ladder, Memberships.SpendSource source) {
        int from = ladder.rank(held);
        int to = ladder.rank(earned);
        if (to > from) {
            return earned;
        }
        if (to < from && source.takesBack() && ladder.basis() == Basis.LIFETIME) {
            return earned;
        }
        return held;
    }

    /** The tier she holds: an override until it ends, else the computed one. */
    public static UUID effective(UUID held, UUID overrideTier, OffsetDateTime overrideUntil, OffsetDateTime at) {
        return overrideTier != null && overrideUntil.isAfter(at) ? overrideTier : held;
    }

    /**
     * The review date that applies at `asOf` (null when none is due): the latest anniversary of the first paid
     * order, or the first of the month; a customer reviewed for that date already is not reviewed again.
     */
    public static LocalDate reviewDate(ReviewRule rule, OffsetDateTime firstPaidAt, OffsetDateTime asOf) {
        return switch (rule) {
            case NEVER -> null;
            case MONTHLY -> asOf.toLocalDate().withDayOfMonth(1);
            case AT_MEMBER_YEAR_END -> {
                OffsetDateTime start = memberYearStart(firstPaidAt, asOf);
                yield start == null || start.equals(firstPaidAt) ? null : start.toLocalDate();
            }
        };
    }

    /** Up or down between two tiers, by their thresholds (no tier lowest). */
    public static boolean isUp(Long fromThreshold, Long toThreshold) {
        return rankValue(toThreshold) >= rankValue(fromThreshold);
    }

    private static long rankValue(Long threshold) {
        return Objects.requireNonNullElse(threshold, -1L);
    }

    private static long sum(List<Spend> entries, Predicate<OffsetDateTime> counted) {
        return entries.stream().filter(s -> counted.test(s.at())).mapToLong(Spend::amount).sum();
    }
}
