package app.meike.wallet;

import app.meike.wallet.StoredValueLots.Lot;
import app.meike.wallet.StoredValueLots.Move;
import app.meike.wallet.StoredValueLots.Share;
import app.meike.wallet.StoredValueLots.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stored-value ledger's invariants over any sequence of movements, run the way the ledger runs them (expire
 * what is due, then move; a reversal into a closed lot gives a reborn lot, and what comes back into an expired lot
 * expires again): for every lot every bucket is >= 0 and they add up to its principal and bonus; a live lot's
 * refund P - target(C) is between 0 and what it holds; every account's balance is the sum of its entries and of its
 * lots; a debit is given back exactly, however many partial reversals it takes.
 */
class StoredValueLotsPropertiesTest {
    static final UUID NORTH = UUID.randomUUID();
    static final UUID SOUTH = UUID.randomUUID();

    enum Kind { TOP_UP, DEBIT, REVERSE, REFUND, WAIT, REACTIVATE, TRANSFER, TAKE }

    /** One step: what happens, two amounts, and a choice (of clinic, debit, debit order) by index, modulo. */
    record Step(Kind kind, long amount, long other, int choice) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        // Money mostly comes in and is spent; refunds, transfers and the passing of time empty lots now and then.
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(3, Kind.TOP_UP), Tuple.of(6, Kind.DEBIT),
                Tuple.of(3, Kind.REVERSE), Tuple.of(1, Kind.REFUND), Tuple.of(1, Kind.WAIT),
                Tuple.of(1, Kind.REACTIVATE), Tuple.of(1, Kind.TRANSFER), Tuple.of(1, Kind.TAKE));
        Arbitrary<Step> step = Combinators.combine(kinds,
                Arbitraries.longs().between(1, 500_000), Arbitraries.longs().between(0, 500_000),
                Arbitraries.integers().between(0, 40)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(80).withSizeDistribution(RandomDistribution.uniform());
    }

    @Property(tries = 400)
    void anySequenceKeepsEveryLotAndAccountConsistent(@ForAll("steps") List<Step> steps) {
        Wallet wallet = new Wallet();
        for (Step step : steps) {
            wallet.apply(step);
            wallet.assertInvariants();
        }
    }

    @Property
    void aProRataLotNobodyReversedStaysExactlyOnTarget(@ForAll @LongRange(min = 1, max = 10_000_000) long principal,
                                                       @ForAll @LongRange(min = 0, max = 10_000_000) long bonus,
                                                       @ForAll("debits") List<Long> debits) {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Lot lot = arrived(Lot.incoming(UUID.randomUUID(), principal, bonus, StoredValueDebitOrder.PRO_RATA, true,
                Set.of(), at, null));
        for (long d : debits) {
            long amount = Math.min(d, lot.remaining());
            if (amount == 0) {
                break;
            }
            List<Share> shares = StoredValueLots.debit(List.of(lot), amount, NORTH, at);
            assertThat(shares.stream().mapToLong(Share::amount).sum()).isEqualTo(-amount);
            lot = lot.moved(Move.CONSUME, shares.get(0));
            assertThat(lot.principalConsumed()).isEqualTo(lot.targetPrincipal(lot.consumed()));
            assertThat(lot.refund()).isEqualTo(lot.principalRemaining());
        }
    }

    @Provide
    Arbitrary<List<Long>> debits() {
        return Arbitraries.longs().between(1, 3_000_000).list().ofMaxSize(30);
    }

    @Property
    void partialReversalsAddUpToTheDebitExactly(@ForAll("debits") List<Long> lotSizes,
                                                @ForAll @IntRange(min = 1, max = 12) int parts) {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        List<Lot> lots = new ArrayList<>();
        for (int i = 0; i < lotSizes.size(); i++) {
            lots.add(arrived(Lot.incoming(UUID.randomUUID(), lotSizes.get(i), lotSizes.get(i) / 3,
                    StoredValueDebitOrder.values()[i % 2], true, Set.of(), at.plusSeconds(i), null)));
        }
        long available = StoredValueLots.available(lots, NORTH, at);
        if (available == 0) {
            return;
        }
        List<Share> taken = StoredValueLots.debit(lots, available - available / 4, NORTH, at);
        long total = -taken.stream().mapToLong(Share::amount).sum();
        Map<UUID, long[]> given = new HashMap<>();
        long alreadyGiven = 0;
        for (int i = 1; i <= parts; i++) {
            long upTo = total * i / parts;
            if (upTo == alreadyGiven) {
                continue;
            }
            for (Share share : StoredValueLots.giveBack(taken, alreadyGiven, upTo - alreadyGiven)) {
                assertThat(share.principal()).isNotNegative();
                assertThat(share.bonus()).isNotNegative();
                long[] sum = given.computeIfAbsent(share.lotId(), k -> new long[2]);
                sum[0] += share.principal();
                sum[1] += share.bonus();
            }
            alreadyGiven = upTo;
        }
        for (Share took : taken) {
            assertThat(given.get(took.lotId())).containsExactly(-took.principal(), -took.bonus());
        }
    }

    @Example
    void payThreeThousandGetOneThousandConsumeTwoThousandRefundsFifteenHundred() {
        assertThat(refundAfter(300_000, 100_000, 200_000, StoredValueDebitOrder.PRO_RATA)).isEqualTo(150_000);
    }

    @Example
    void payFiveThousandGetTenThousandConsumeFourThousandRefundsThreeThousand() {
        assertThat(refundAfter(500_000, 500_000, 400_000, StoredValueDebitOrder.PRO_RATA)).isEqualTo(300_000);
    }

    @Example
    void principalFirstSpendsThePrincipalBeforeTheBonus() {
        assertThat(refundAfter(500_000, 500_000, 400_000, StoredValueDebitOrder.PRINCIPAL_FIRST)).isEqualTo(100_000);
        assertThat(refundAfter(500_000, 500_000, 600_000, StoredValueDebitOrder.PRINCIPAL_FIRST)).isZero();
    }

    @Example
    void aShortBalanceOrABrokenLotIsRefused() {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Lot lot = arrived(Lot.incoming(UUID.randomUUID(), 100, 50, StoredValueDebitOrder.PRO_RATA, false,
                Set.of(SOUTH), at, at.plusDays(1)));
        assertThatThrownBy(() -> StoredValueLots.debit(List.of(lot), 151, SOUTH, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredValueLots.debit(List.of(lot), 1, NORTH, at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredValueLots.debit(List.of(lot), 1, SOUTH, at.plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lot.moved(Move.CONSUME, new Share(lot.id(), -101, 0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lot.moved(Move.ARRIVE, new Share(lot.id(), 1, 0)))
                .isInstanceOf(IllegalStateException.class);
    }

    static long refundAfter(long principal, long bonus, long consumed, StoredValueDebitOrder order) {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Lot lot = arrived(Lot.incoming(UUID.randomUUID(), principal, bonus, order, true, Set.of(), at, null));
        Lot after = StoredValueLots.apply(List.of(lot), Move.CONSUME,
                StoredValueLots.debit(List.of(lot), consumed, NORTH, at)).get(0);
        assertThat(after.refund()).isBetween(0L, after.remaining());
        return after.refund();
    }

    static Lot arrived(Lot incoming) {
        return incoming.moved(Move.ARRIVE, new Share(incoming.id(), incoming.principal(), incoming.bonus()));
    }

    /** Two customers' accounts, moved only through StoredValueLots, the way the ledger moves them. */
    static final class Wallet {
        OffsetDateTime now = OffsetDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        final Map<Integer, Map<UUID, Lot>> lots = Map.of(0, new LinkedHashMap<>(), 1, new LinkedHashMap<>());
        final Map<Integer, List<long[]>> entries = Map.of(0, new ArrayList<>(), 1, new ArrayList<>());
        final Map<Integer, long[]> balances = Map.of(0, new long[4], 1, new long[4]);
        final List<Debit> debits = new ArrayList<>();

        /** A debit's allocations, its account and what reversals gave back of it so far. */
        record Debit(int account, List<Share> taken, long[] given) {
        }

        void apply(Step step) {
            int account = step.choice() % 2;
            expire(0);
            expire(1);
            switch (step.kind()) {
                case TOP_UP -> {
                    boolean everywhere = step.choice() % 3 == 0;
                    Lot lot = Lot.incoming(UUID.randomUUID(), step.amount(), step.other(),
                            StoredValueDebitOrder.values()[step.choice() % 2], everywhere,
                            everywhere ? Set.of() : Set.of(step.choice() % 3 == 1 ? NORTH : SOUTH), now,
                            step.choice() % 4 == 0 ? null : now.plusDays(1 + step.amount() % 300));
                    lots.get(account).put(lot.id(), lot);
                    record(account, StoredValueEntryKind.TOP_UP,
                            List.of(new Share(lot.id(), lot.principal(), lot.bonus())));
                }
                case DEBIT -> {
                    UUID clinic = step.choice() % 3 == 0 ? NORTH : SOUTH;
                    List<Lot> held = List.copyOf(lots.get(account).values());
                    long available = StoredValueLots.available(held, clinic, now);
                    // Mostly what the balance allows, sometimes more than there is.
                    long amount = step.other() % 4 == 0 ? step.amount() : 1 + step.amount() % Math.max(1, available);
                    if (amount > available) {
                        assertThatThrownBy(() -> StoredValueLots.debit(held, amount, clinic, now))
                                .isInstanceOf(IllegalArgumentException.class);
                        return;
                    }
                    List<Share> shares = StoredValueLots.debit(held, amount, clinic, now);
                    assertThat(shares.stream().mapToLong(Share::amount).sum()).isEqualTo(-amount);
                    shares.forEach(s -> assertThat(lots.get(account).get(s.lotId()).usableAt(clinic)).isTrue());
                    record(account, StoredValueEntryKind.DEBIT, shares);
                    debits.add(new Debit(account, shares, new long[1]));
                }
                case REVERSE -> {
                    if (debits.isEmpty()) {
                        return;
                    }
                    Debit debit = debits.get(step.choice() % debits.size());
                    long left = -debit.taken().stream().mapToLong(Share::amount).sum() - debit.given()[0];
                    if (left == 0) {
                        return;
                    }
                    long amount = Math.min(left, step.amount());
                    List<Share> shares = new ArrayList<>();
                    for (Share share : StoredValueLots.giveBack(debit.taken(), debit.given()[0], amount)) {
                        Lot lot = lots.get(debit.account()).get(share.lotId());
                        if (lot.status() == Status.CLOSED) {
                            lot = lot.reborn(UUID.randomUUID(), share.principal(), share.bonus(), now);
                            lots.get(debit.account()).put(lot.id(), lot);
                        }
                        shares.add(new Share(lot.id(), share.principal(), share.bonus()));
                    }
                    debit.given()[0] += amount;
                    record(debit.account(), StoredValueEntryKind.REVERSAL, shares);
                    expire(debit.account());
                }
                case REFUND -> {
                    List<Lot> held = List.copyOf(lots.get(account).values());
                    List<Share> out = StoredValueLots.payOut(held, now);
                    long refund = out.stream().mapToLong(s -> lots.get(account).get(s.lotId()).refund()).sum();
                    assertThat(refund).isBetween(0L, -out.stream().mapToLong(Share::amount).sum());
                    record(account, StoredValueEntryKind.REFUND, out);
                }
                case WAIT -> now = now.plusDays(step.amount() % 120);
                case REACTIVATE -> record(account, StoredValueEntryKind.REACTIVATE,
                        StoredValueLots.reactivate(List.copyOf(lots.get(account).values())));
                case TRANSFER -> {
                    int other = 1 - account;
                    List<Share> out = StoredValueLots.payOut(List.copyOf(lots.get(account).values()), now);
                    List<Share> in = new ArrayList<>();
                    for (Share share : out) {
                        Lot copy = lots.get(account).get(share.lotId()).transferredAs(UUID.randomUUID());
                        lots.get(other).put(copy.id(), copy);
                        in.add(new Share(copy.id(), -share.principal(), -share.bonus()));
                    }
                    record(account, StoredValueEntryKind.TRANSFER_OUT, out);
                    record(other, StoredValueEntryKind.TRANSFER_IN, in);
                }
                case TAKE -> {
                    List<Lot> held = List.copyOf(lots.get(account).values());
                    long principal = Math.min(step.amount(), held.stream().filter(l -> l.spendable(null, now))
                            .mapToLong(Lot::principalRemaining).sum());
                    long bonus = Math.min(step.other(), held.stream().filter(l -> l.spendable(null, now))
                            .mapToLong(Lot::bonusRemaining).sum());
                    if (principal + bonus > 0) {
                        List<Share> shares = StoredValueLots.takeExactly(held, principal, bonus, now);
                        assertThat(shares.stream().mapToLong(Share::principal).sum()).isEqualTo(-principal);
                        assertThat(shares.stream().mapToLong(Share::bonus).sum()).isEqualTo(-bonus);
                        record(account, StoredValueEntryKind.ADJUST, shares);
                    }
                }
            }
        }

        void expire(int account) {
            record(account, StoredValueEntryKind.EXPIRE,
                    StoredValueLots.expire(List.copyOf(lots.get(account).values()), now));
        }

        /** Moves the lots by the entry kind's move, as the ledger does, and keeps the entry and the balances. */
        void record(int account, StoredValueEntryKind kind, List<Share> shares) {
            if (shares.isEmpty()) {
                return;
            }
            long principal = 0;
            long bonus = 0;
            for (Share share : shares) {
                Map<UUID, Lot> held = lots.get(account);
                held.put(share.lotId(), held.get(share.lotId()).moved(kind.move(share.amount() > 0), share));
                principal += share.principal();
                bonus += share.bonus();
            }
            long[] balance = balances.get(account);
            balance[0] += principal;
            balance[1] += bonus;
            if (kind == StoredValueEntryKind.EXPIRE || kind == StoredValueEntryKind.REACTIVATE) {
                balance[2] -= principal;
                balance[3] -= bonus;
            }
            entries.get(account).add(new long[] {principal, bonus});
        }

        void assertInvariants() {
            for (int account = 0; account < 2; account++) {
                long[] balance = balances.get(account);
                assertThat(Arrays.stream(balance).min().orElse(0)).isNotNegative();
                assertThat(entries.get(account).stream().mapToLong(e -> e[0]).sum()).isEqualTo(balance[0]);
                assertThat(entries.get(account).stream().mapToLong(e -> e[1]).sum()).isEqualTo(balance[1]);
                List<Lot> held = List.copyOf(lots.get(account).values());
                assertThat(held.stream().mapToLong(Lot::principalRemaining).sum()).isEqualTo(balance[0]);
                assertThat(held.stream().mapToLong(Lot::bonusRemaining).sum()).isEqualTo(balance[1]);
                assertThat(held.stream().mapToLong(Lot::expiredPrincipal).sum()).isEqualTo(balance[2]);
                assertThat(held.stream().mapToLong(Lot::expiredBonus).sum()).isEqualTo(balance[3]);
                for (Lot lot : held) {
                    assertThat(lot.principalRemaining() + lot.principalConsumed() + lot.expiredPrincipal()
                            + lot.principalOut()).isEqualTo(lot.principal());
                    assertThat(lot.bonusRemaining() + lot.bonusConsumed() + lot.expiredBonus() + lot.bonusOut())
                            .isEqualTo(lot.bonus());
                    assertThat(List.of(lot.principalRemaining(), lot.bonusRemaining(), lot.principalConsumed(),
                            lot.bonusConsumed(), lot.expiredPrincipal(), lot.expiredBonus(), lot.principalOut(),
                            lot.bonusOut())).allMatch(b -> b >= 0);
                    if (lot.status() == Status.LIVE) {
                        assertThat(lot.refund()).isEqualTo(lot.principal() - lot.targetPrincipal(lot.consumed()))
                                .isBetween(0L, lot.remaining());
                    }
                    if (lot.status() == Status.CLOSED) {
                        assertThat(lot.remaining() + lot.expired()).isZero();
                    }
                }
            }
        }
    }
}
