package app.meike.membership;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which lots a points movement takes from or gives to. Pure (no database), so the ledger's invariants are
 * property-tested on exactly the code the service runs: a movement never takes more than a lot has left,
 * never gives a lot more than it was earned with, and live lots are spent oldest first.
 */
final class PointsLots {
    /** A lot as the allocation sees it; live until `expiresAt` (exclusive). */
    record Lot(UUID id, UUID orderId, long points, long remaining, OffsetDateTime earnedAt, OffsetDateTime expiresAt) {
        boolean liveAt(OffsetDateTime at) {
            return remaining > 0 && at.isBefore(expiresAt);
        }
    }

    /** Signed points a movement takes from (negative) or gives to (positive) one lot. */
    record Share(UUID lotId, long points) {
    }

    /** A restore: points given back into their lots, and those whose lot expired meanwhile, for a new lot. */
    record Restore(List<Share> intoLots, long intoNewLot) {
    }

    static final Comparator<Lot> OLDEST_FIRST = Comparator.comparing(Lot::earnedAt).thenComparing(Lot::id);

    private PointsLots() {
    }

    /** Points the customer can spend at `at`. */
    static long available(List<Lot> lots, OffsetDateTime at) {
        return lots.stream().filter(l -> l.liveAt(at)).mapToLong(Lot::remaining).sum();
    }

    /** Takes `points` from the live lots, oldest first, partially from the last one; the caller checked there are enough. */
    static List<Share> take(List<Lot> lots, long points, OffsetDateTime at) {
        requirePositive(points);
        if (available(lots, at) < points) {
            throw new IllegalArgumentException("Only " + available(lots, at) + " points to take " + points + " from");
        }
        return takeOldestFirst(lots.stream().filter(l -> l.liveAt(at)).sorted(OLDEST_FIRST).toList(), points);
    }

    /** Everything left in the lots due by `asOf`. */
    static List<Share> expire(List<Lot> lots, OffsetDateTime asOf) {
        return lots.stream()
                .filter(l -> l.remaining() > 0 && !l.expiresAt().isAfter(asOf))
                .sorted(OLDEST_FIRST)
                .map(l -> new Share(l.id(), -l.remaining()))
                .toList();
    }

    /**
     * Takes back up to `points` an order earned: from that order's own lot first, then from the other live lots
     * oldest first, never more than is there. The points it cannot take are the caller's shortfall.
     */
    static List<Share> reverse(List<Lot> lots, UUID orderId, long points, OffsetDateTime at) {
        requirePositive(points);
        List<Lot> order = new ArrayList<>();
        lots.stream().filter(l -> l.liveAt(at) && orderId.equals(l.orderId())).forEach(order::add);
        lots.stream().filter(l -> l.liveAt(at) && !orderId.equals(l.orderId())).sorted(OLDEST_FIRST)
                .forEach(order::add);
        return takeOldestFirst(order, Math.min(points, available(lots, at)));
    }

    /**
     * Gives back `points` of what an order's redemptions took (`redeemed`, in the order they took them), last taken
     * first, skipping the `alreadyRestored` points earlier restores of the order gave back the same way. A lot
     * that expired by `at` is not refilled (it would expire again at once): its points go to a new lot instead.
     */
    static Restore restore(List<Lot> lots, List<Share> redeemed, long alreadyRestored, long points,
                           OffsetDateTime at) {
        requirePositive(points);
        long outstanding = -redeemed.stream().mapToLong(Share::points).sum() - alreadyRestored;
        if (points > outstanding) {
            throw new IllegalArgumentException("Only " + outstanding + " redeemed points are left to restore, not "
                    + points);
        }
        Map<UUID, Lot> byId = new LinkedHashMap<>();
        lots.forEach(l -> byId.put(l.id(), l));
        Map<UUID, Long> into = new LinkedHashMap<>();
        long intoNewLot = 0;
        long skip = alreadyRestored;
        long left = points;
        for (int i = redeemed.size() - 1; i >= 0 && left > 0; i--) {
            long taken = -redeemed.get(i).points();
            long skipped = Math.min(skip, taken);
            skip -= skipped;
            long give = Math.min(taken - skipped, left);
            if (give == 0) {
                continue;
            }
            left -= give;
            Lot lot = byId.get(redeemed.get(i).lotId());
            if (lot != null && at.isBefore(lot.expiresAt())) {
                into.merge(lot.id(), give, Long::sum);
            } else {
                intoNewLot += give;
            }
        }
        return new Restore(into.entrySet().stream().map(e -> new Share(e.getKey(), e.getValue())).toList(),
                intoNewLot);
    }

    /** The lots after the shares are applied; a share that would overdraw or overfill a lot is refused. */
    static List<Lot> apply(List<Lot> lots, List<Share> shares) {
        Map<UUID, Long> delta = new LinkedHashMap<>();
        shares.forEach(s -> delta.merge(s.lotId(), s.points(), Long::sum));
        List<Lot> after = lots.stream().map(l -> {
            long remaining = l.remaining() + delta.getOrDefault(l.id(), 0L);
            if (remaining < 0 || remaining > l.points()) {
                throw new IllegalStateException("Lot " + l.id() + " would hold " + remaining + " of " + l.points());
            }
            return new Lot(l.id(), l.orderId(), l.points(), remaining, l.earnedAt(), l.expiresAt());
        }).toList();
        if (!lots.stream().map(Lot::id).toList().containsAll(delta.keySet())) {
            throw new IllegalStateException("A share names a lot that is not there");
        }
        return after;
    }

    private static List<Share> takeOldestFirst(List<Lot> ordered, long points) {
        List<Share> shares = new ArrayList<>();
        long left = points;
        for (Lot lot : ordered) {
            if (left == 0) {
                break;
            }
            long taken = Math.min(lot.remaining(), left);
            shares.add(new Share(lot.id(), -taken));
            left -= taken;
        }
        return shares;
    }

    private static void requirePositive(long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("Points must be positive, not " + points);
        }
    }
}
