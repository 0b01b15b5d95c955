package app.meike.wallet;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The arithmetic of stored-value lots, pure (no database), so the ledger's invariants are property-tested on exactly
 * the code the service runs. A lot's principal P and bonus B each sit in four buckets (remaining, consumed, expired,
 * out by refund or transfer) that always add up to P and B; a movement is a list of signed shares, one per lot,
 * that move value between a lot's remaining bucket and one other bucket, chosen by the entry's kind.
 */
final class StoredValueLots {
    enum Status { LIVE, EXPIRED, CLOSED }

    /** Which other bucket a share moves the remaining value to or from. */
    enum Move { ARRIVE, CONSUME, GIVE_BACK, PAY_OUT, EXPIRE, REACTIVATE }

    record Lot(UUID id, long principal, long bonus, long principalRemaining, long bonusRemaining,
               long principalConsumed, long bonusConsumed, long expiredPrincipal, long expiredBonus,
               long principalOut, long bonusOut, StoredValueDebitOrder debitOrder, Status status,
               boolean allClinics, Set<UUID> clinicIds, OffsetDateTime toppedUpAt, OffsetDateTime expiresAt) {

        /** A lot of `principal` and `bonus` still to arrive (an ARRIVE share brings them in). */
        static Lot incoming(UUID id, long principal, long bonus, StoredValueDebitOrder debitOrder,
                            boolean allClinics, Set<UUID> clinicIds, OffsetDateTime toppedUpAt,
                            OffsetDateTime expiresAt) {
            return new Lot(id, principal, bonus, 0, 0, 0, 0, 0, 0, 0, 0, debitOrder, Status.LIVE, allClinics,
                    clinicIds, toppedUpAt, expiresAt).checked(principal, bonus, Move.ARRIVE);
        }

        /** The copy a transfer gives another customer: same terms and consumption; its remaining value arrives. */
        Lot transferredAs(UUID newId) {
            return new Lot(newId, principal, bonus, 0, 0, principalConsumed, bonusConsumed, 0, 0, 0, 0, debitOrder,
                    Status.LIVE, allClinics, clinicIds, toppedUpAt, expiresAt)
                    .checked(principalRemaining, bonusRemaining, Move.ARRIVE);
        }

        /**
         * A new lot with this closed lot's terms for value a reversal gives back after the lot was refunded or
         * transferred: born consumed, so the GIVE_BACK share makes it spendable.
         */
        Lot reborn(UUID newId, long principal, long bonus, OffsetDateTime at) {
            return new Lot(newId, principal, bonus, 0, 0, principal, bonus, 0, 0, 0, 0, debitOrder, Status.LIVE,
                    allClinics, clinicIds, at, expiresAt).checked(0, 0, Move.GIVE_BACK);
        }

        long total() {
            return principal + bonus;
        }

        long consumed() {
            return principalConsumed + bonusConsumed;
        }

        long remaining() {
            return principalRemaining + bonusRemaining;
        }

        long expired() {
            return expiredPrincipal + expiredBonus;
        }

        boolean usableAt(UUID clinicId) {
            return allClinics || clinicIds.contains(clinicId);
        }

        /** Live, not yet expired by `at`, with value, and usable at the clinic (any clinic when null). */
        boolean spendable(UUID clinicId, OffsetDateTime at) {
            return status == Status.LIVE && remaining() > 0 && (expiresAt == null || at.isBefore(expiresAt))
                    && (clinicId == null || usableAt(clinicId));
        }

        boolean dueBy(OffsetDateTime asOf) {
            return status != Status.CLOSED && remaining() > 0 && expiresAt != null && !expiresAt.isAfter(asOf);
        }

        /** The principal consumption `consumed` uses up under the lot's debit order. */
        long targetPrincipal(long consumed) {
            return debitOrder.targetPrincipal(principal, total(), consumed);
        }

        /** What refunding the lot pays back: P - target(C), never more than it holds. */
        long refund() {
            return principal - targetPrincipal(consumed());
        }

        /** The lot after one share moved it; a share that would break a bucket or a sum is refused. */
        Lot moved(Move move, Share share) {
            long p = share.principal();
            long b = share.bonus();
            boolean in = move == Move.ARRIVE || move == Move.GIVE_BACK || move == Move.REACTIVATE;
            if (in ? p < 0 || b < 0 : p > 0 || b > 0) {
                throw new IllegalStateException(move + " of " + p + "/" + b + " has the wrong sign");
            }
            if (move == Move.GIVE_BACK && status == Status.CLOSED) {
                throw new IllegalStateException("Lot " + id + " is closed: give back into a reborn lot");
            }
            long pc = principalConsumed;
            long bc = bonusConsumed;
            long ep = expiredPrincipal;
            long eb = expiredBonus;
            long po = principalOut;
            long bo = bonusOut;
            Status next = status;
            switch (move) {
                case ARRIVE -> {
                }
                case CONSUME, GIVE_BACK -> {
                    pc -= p;
                    bc -= b;
                }
                case PAY_OUT -> {
                    po -= p;
                    bo -= b;
                    next = Status.CLOSED;
                }
                case EXPIRE -> {
                    ep -= p;
                    eb -= b;
                    next = Status.EXPIRED;
                }
                case REACTIVATE -> {
                    ep -= p;
                    eb -= b;
                    next = Status.LIVE;
                }
            }
            return new Lot(id, principal, bonus, principalRemaining + p, bonusRemaining + b, pc, bc, ep, eb, po, bo,
                    debitOrder, next, allClinics, clinicIds, toppedUpAt, expiresAt).checked(0, 0, move);
        }

        /** Refuses a lot whose buckets are negative or do not add up (`pending` is value still to arrive). */
        private Lot checked(long pendingPrincipal, long pendingBonus, Move move) {
            boolean negative = principalRemaining < 0 || bonusRemaining < 0 || principalConsumed < 0
                    || bonusConsumed < 0 || expiredPrincipal < 0 || expiredBonus < 0 || principalOut < 0
                    || bonusOut < 0 || principal < 0 || bonus < 0 || total() <= 0;
            boolean sums = principal == principalRemaining + principalConsumed + expiredPrincipal + principalOut
                    + pendingPrincipal
                    && bonus == bonusRemaining + bonusConsumed + expiredBonus + bonusOut + pendingBonus;
            boolean statusHolds = (status != Status.LIVE || expired() == 0)
                    && (status != Status.CLOSED || remaining() + expired() == 0);
            if (negative || !sums || !statusHolds) {
                throw new IllegalStateException("Lot " + id + " would be inconsistent after " + move + ": " + this);
            }
            return this;
        }
    }

    /** Signed principal and bonus a movement takes from (negative) or gives to (positive) one lot. */
    record Share(UUID lotId, long principal, long bonus) {
        long amount() {
            return principal + bonus;
        }
    }

    /** Debits take the oldest lots first; a transfer keeps a lot's age. */
    static final Comparator<Lot> OLDEST_FIRST = Comparator.comparing(Lot::toppedUpAt).thenComparing(Lot::id);

    private StoredValueLots() {
    }

    /** Value spendable at the clinic (at any clinic when null) at `at`. */
    static long available(List<Lot> lots, UUID clinicId, OffsetDateTime at) {
        return lots.stream().filter(l -> l.spendable(clinicId, at)).mapToLong(Lot::remaining).sum();
    }

    /**
     * Takes `amount` from the lots spendable at the clinic, oldest first. Within a lot the principal part steers to
     * the lot's target: x = clamp(target(C + d) - principalConsumed, max(0, d - bonusRemaining),
     * min(d, principalRemaining)), so a lot moved off target by a reversal comes back to it on the next debits.
     * The database's stored_value_debit (changeset 033) takes debits by exactly this rule; StoredValueFastDebitTest
     * holds the two to the same shares.
     */
    static List<Share> debit(List<Lot> lots, long amount, UUID clinicId, OffsetDateTime at) {
        requirePositive(amount);
        requireAvailable(available(lots, clinicId, at), amount);
        List<Share> shares = new ArrayList<>();
        long left = amount;
        for (Lot lot : lots.stream().filter(l -> l.spendable(clinicId, at)).sorted(OLDEST_FIRST).toList()) {
            if (left == 0) {
                break;
            }
            long d = Math.min(left, lot.remaining());
            long target = lot.targetPrincipal(lot.consumed() + d) - lot.principalConsumed();
            long x = Math.max(Math.max(0, d - lot.bonusRemaining()), Math.min(target, Math.min(d,
                    lot.principalRemaining())));
            shares.add(new Share(lot.id(), -x, -(d - x)));
            left -= d;
        }
        return shares;
    }

    /** Takes exactly this principal and this bonus (each oldest lot first) from the spendable lots, at any clinic. */
    static List<Share> takeExactly(List<Lot> lots, long principal, long bonus, OffsetDateTime at) {
        List<Lot> spendable = lots.stream().filter(l -> l.spendable(null, at)).sorted(OLDEST_FIRST).toList();
        requireAvailable(spendable.stream().mapToLong(Lot::principalRemaining).sum(), principal);
        requireAvailable(spendable.stream().mapToLong(Lot::bonusRemaining).sum(), bonus);
        Map<UUID, long[]> taken = new LinkedHashMap<>();
        long principalLeft = principal;
        long bonusLeft = bonus;
        for (Lot lot : spendable) {
            long p = Math.min(principalLeft, lot.principalRemaining());
            long b = Math.min(bonusLeft, lot.bonusRemaining());
            if (p + b > 0) {
                taken.put(lot.id(), new long[] {-p, -b});
            }
            principalLeft -= p;
            bonusLeft -= b;
        }
        return taken.entrySet().stream().map(e -> new Share(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Everything left in the lots due by `asOf`, into their expired buckets. */
    static List<Share> expire(List<Lot> lots, OffsetDateTime asOf) {
        return lots.stream().filter(l -> l.dueBy(asOf)).sorted(OLDEST_FIRST)
                .map(l -> new Share(l.id(), -l.principalRemaining(), -l.bonusRemaining())).toList();
    }

    /** Every expired lot's expired value, back to spendable. */
    static List<Share> reactivate(List<Lot> lots) {
        return lots.stream().filter(l -> l.status() == Status.EXPIRED && l.expired() > 0).sorted(OLDEST_FIRST)
                .map(l -> new Share(l.id(), l.expiredPrincipal(), l.expiredBonus())).toList();
    }

    /** Everything spendable (at any clinic) at `at`, out of the lots: what a refund or a transfer moves. */
    static List<Share> payOut(List<Lot> lots, OffsetDateTime at) {
        return lots.stream().filter(l -> l.spendable(null, at)).sorted(OLDEST_FIRST)
                .map(l -> new Share(l.id(), -l.principalRemaining(), -l.bonusRemaining())).toList();
    }

    /**
     * Gives back `amount` more of what a debit took (`taken`, in the order it took them), after `alreadyGiven` of
     * it went back before: the lots last taken first, each lot's principal part rounded up (the customer's
     * favour). The running split means partial reversals add up exactly to the debit when all of it goes back.
     */
    static List<Share> giveBack(List<Share> taken, long alreadyGiven, long amount) {
        requirePositive(amount);
        long total = -taken.stream().mapToLong(Share::amount).sum();
        if (alreadyGiven < 0 || alreadyGiven + amount > total) {
            throw new IllegalArgumentException("Only " + (total - alreadyGiven) + " of the debit's " + total
                    + " are left to give back, not " + amount);
        }
        List<Share> shares = new ArrayList<>();
        long givenFirst = 0;
        for (int i = taken.size() - 1; i >= 0; i--) {
            Share took = taken.get(i);
            long size = -took.amount();
            long before = clamp(alreadyGiven - givenFirst, size);
            long after = clamp(alreadyGiven + amount - givenFirst, size);
            givenFirst += size;
            if (after > before) {
                long p = principalOf(-took.principal(), after, size) - principalOf(-took.principal(), before, size);
                shares.add(new Share(took.lotId(), p, after - before - p));
            }
        }
        return shares;
    }

    /** The lots after the shares moved them; every lot a share names must be there. */
    static List<Lot> apply(List<Lot> lots, Move move, List<Share> shares) {
        Map<UUID, Lot> byId = new LinkedHashMap<>();
        lots.forEach(l -> byId.put(l.id(), l));
        for (Share share : shares) {
            Lot lot = byId.get(share.lotId());
            if (lot == null) {
                throw new IllegalStateException("A share names lot " + share.lotId() + ", which is not there");
            }
            byId.put(lot.id(), lot.moved(move, share));
        }
        return List.copyOf(byId.values());
    }

    /** ceil(principal x part / of): the principal of `part` of a lot's debit of `of`. */
    private static long principalOf(long principal, long part, long of) {
        BigInteger[] qr = BigInteger.valueOf(principal).multiply(BigInteger.valueOf(part))
                .divideAndRemainder(BigInteger.valueOf(of));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    private static long clamp(long value, long max) {
        return Math.max(0, Math.min(value, max));
    }

    private static void requireAvailable(long available, long wanted) {
        if (wanted > available) {
            throw new IllegalArgumentException("Only " + available + " to take " + wanted + " from");
        }
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("An amount must be positive, not " + amount);
        }
    }
}
