package app.meike.wallet;

import app.meike.common.Ids;
import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Members;
import app.meike.support.Sales;
import app.meike.support.Wallets;
import app.meike.tenancy.TenantContext;
import app.meike.wallet.StoredValueLots.Lot;
import app.meike.wallet.StoredValueLots.Share;
import app.meike.wallet.StoredValueLots.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The database's one-statement debit (stored_value_debit, changeset 033) against the arithmetic the property tests
 * hold to every invariant (StoredValueLots.debit): random lots of every shape (part consumed, off target after a
 * reversal, either debit order, limited to clinics, expired, closed, due to expire, of equal age) and random amounts,
 * each case in a transaction rolled back. The statement takes exactly the model's shares in the model's order,
 * refuses a short balance with what the model says is available, and stops at lots due to expire.
 */
@QuarkusTest
class StoredValueFastDebitTest extends ApiTest {
    static final int CASES = 300;
    static final UUID ELSEWHERE = UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    /** What the statement did: the shares it took, or the amount it said was available, or that lots were due. */
    record Taken(List<Share> shares, Long available, boolean lotsDue) {
    }

    @Test
    void takesExactlyTheSharesOfTheLotArithmetic() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "对照店");
        String plan = Wallets.plan(chain, 100_000, 150_000, null);
        UUID account = UUID.fromString(Wallets.topUp(chain, Sales.customer(chain, "对照"), plan, clinic, 100_000));
        Random random = new Random(20261203);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        int debited = 0;
        int refused = 0;
        int due = 0;
        for (int n = 0; n < CASES; n++) {
            List<Lot> lots = randomLots(random, clinic, at);
            long available = StoredValueLots.available(lots, clinic, at);
            long amount = 1 + (long) (random.nextDouble() * (available + 2_000) * (random.nextInt(4) == 0 ? 1.2 : 0.9));
            Taken taken = debitOnce(chain, account, lots, amount, clinic, at);
            if (!StoredValueLots.expire(lots, at).isEmpty()) {
                assertThat(taken.lotsDue()).as("case %d", n).isTrue();
                due++;
            } else if (amount > available) {
                assertThat(taken.available()).as("case %d", n).isEqualTo(available);
                refused++;
            } else {
                assertThat(taken.shares()).as("case %d: %s, %d", n, lots, amount)
                        .isEqualTo(StoredValueLots.debit(lots, amount, clinic, at));
                debited++;
            }
        }
        assertThat(debited).isGreaterThan(CASES / 2);
        assertThat(refused).isPositive();
        assertThat(due).isPositive();
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    /**
     * The tier moves after a raw debit whose principal reaches a threshold (the statement says it may), and a replay
     * or a debit that reaches none moves nothing; the history names the stored-value entry.
     */
    @Test
    void rawDebitsMoveTheTierWhenTheirPrincipalReachesAThreshold() {
        Chain chain = Chains.create();
        Members.setProgram(chain, Members.program("LIFETIME", "NEVER"));
        UUID clinic = Chains.clinic(chain, "升级店");
        String plan = Wallets.plan(chain, 5_000_000, 10_000_000, null);
        String customer = Sales.customer(chain, "升级");
        String account = Wallets.topUp(chain, customer, plan, clinic, 5_000_000);
        String membership = "/api/v1/customers/" + customer + "/membership";
        Wallets.debit(chain.adminToken(), account, 1_000_000, clinic, key()).then().statusCode(201);
        as(chain.adminToken()).get(membership).then().statusCode(200)
                .body("qualifyingSpend.amount", equalTo(500_000), "tier", nullValue());
        String key = key();
        String silver = Wallets.debit(chain.adminToken(), account, 5_000_000, clinic, key).then().statusCode(201)
                .extract().path("id");
        as(chain.adminToken()).get(membership).then().statusCode(200)
                .body("qualifyingSpend.amount", equalTo(3_000_000), "tier.name", equalTo("银卡"),
                        "history", hasSize(1), "history[0].sourceId", equalTo(silver));
        Wallets.debit(chain.adminToken(), account, 5_000_000, clinic, key).then().statusCode(201)
                .body("id", equalTo(silver));
        Wallets.debit(chain.adminToken(), account, 100, clinic, key()).then().statusCode(201);
        as(chain.adminToken()).get(membership).then().statusCode(200)
                .body("qualifyingSpend.amount", equalTo(3_000_050), "tier.name", equalTo("银卡"),
                        "history", hasSize(1));
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    /**
     * Lots due to expire that no read or run has expired yet: a raw debit and an order's tender expire them first
     * (an EXPIRE entry before the DEBIT, in one transaction) and take from what is left; a replay answers the first.
     */
    @Test
    void lotsDueToExpireAreExpiredFirstThenTheDebitTakesFromWhatIsLeft() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "到期店");
        String expiring = Wallets.plan(chain, 100_000, 200_000, 30);
        String lasting = Wallets.plan(chain, 300_000, 300_000, null);
        String customer = Sales.customer(chain, "到期");
        String account = Wallets.topUp(chain, customer, expiring, clinic, 100_000);
        Wallets.topUp(chain, customer, lasting, clinic, 300_000);
        backdate(chain, account);
        String key = key();
        String debit = Wallets.debit(chain.adminToken(), account, 250_000, clinic, key).then().statusCode(201)
                .body("principal.amount", equalTo(-250_000), "bonus.amount", equalTo(0),
                        "balanceAfter.amount", equalTo(50_000)).extract().path("id");
        Wallets.debit(chain.adminToken(), account, 250_000, clinic, key).then().statusCode(201)
                .body("id", equalTo(debit));
        as(chain.adminToken()).get("/api/v1/stored-value/accounts/" + account + "/entries").then().statusCode(200)
                .body("items.kind", equalTo(List.of("DEBIT", "EXPIRE", "TOP_UP", "TOP_UP")),
                        "items[1].principal.amount", equalTo(-100_000), "items[1].bonus.amount", equalTo(-100_000));

        Wallets.topUp(chain, customer, expiring, clinic, 100_000);
        backdate(chain, account);
        String item = Sales.item(chain, "补水", "SKIN", 50_000);
        String order = Sales.draft(chain, customer, clinic, List.of(Sales.line(item, 1))).statusCode(201).extract()
                .path("id");
        as(chain.adminToken()).header("Idempotency-Key", key())
                .body(Map.of("tenders", List.of(Map.of("method", "STORED_VALUE", "amount", Sales.cny(50_000)))))
                .post("/api/v1/orders/" + order + "/pay").then().statusCode(200);
        as(chain.adminToken()).get("/api/v1/stored-value/accounts/" + account + "/entries").then().statusCode(200)
                .body("items.kind[0..1]", equalTo(List.of("DEBIT", "EXPIRE")), "items[0].orderId", equalTo(order),
                        "items[0].balanceAfter.amount", equalTo(0));
        as(chain.adminToken()).get("/api/v1/stored-value/accounts/" + account).then().statusCode(200)
                .body("expiredPrincipal.amount", equalTo(200_000), "expiredBonus.amount", equalTo(200_000));
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    /** Lets the account's expiring lots run out a minute ago, behind the app's back (no EXPIRE entry yet). */
    private static void backdate(Chain chain, String account) {
        Wallets.query(chain, "UPDATE stored_value_lot SET expires_at = now() - interval '1 minute' WHERE account_id = '"
                + account + "' AND expires_at IS NOT NULL AND status = 'LIVE'", rows -> null);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static List<Lot> randomLots(Random random, UUID clinic, OffsetDateTime at) {
        List<Lot> lots = new ArrayList<>();
        OffsetDateTime sameAge = at.minusDays(3);
        for (int i = 0, count = 1 + random.nextInt(4); i < count; i++) {
            long principal = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(1_000_000);
            long bonus = principal == 0 || random.nextBoolean() ? 1 + random.nextInt(1_000_000) : 0;
            long principalConsumed = random.nextInt(3) == 0 ? 0 : (long) (random.nextDouble() * principal);
            long bonusConsumed = random.nextInt(3) == 0 ? 0 : (long) (random.nextDouble() * bonus);
            StoredValueDebitOrder order = random.nextBoolean() ? StoredValueDebitOrder.PRO_RATA
                    : StoredValueDebitOrder.PRINCIPAL_FIRST;
            boolean allClinics = random.nextBoolean();
            Set<UUID> clinics = allClinics ? Set.of() : random.nextBoolean() ? Set.of(clinic, ELSEWHERE)
                    : Set.of(random.nextBoolean() ? clinic : ELSEWHERE);
            OffsetDateTime toppedUp = random.nextInt(3) == 0 ? sameAge : at.minusDays(1 + random.nextInt(30));
            OffsetDateTime expires = switch (random.nextInt(8)) {
                case 0 -> at.minusHours(1 + random.nextInt(48));
                case 1, 2 -> at.plusDays(1 + random.nextInt(90));
                default -> null;
            };
            Status status = switch (random.nextInt(10)) {
                case 0 -> Status.EXPIRED;
                case 1 -> Status.CLOSED;
                default -> Status.LIVE;
            };
            long pr = principal - principalConsumed;
            long br = bonus - bonusConsumed;
            lots.add(switch (status) {
                case LIVE -> new Lot(Ids.newId(), principal, bonus, pr, br, principalConsumed, bonusConsumed, 0, 0, 0,
                        0, order, status, allClinics, clinics, toppedUp, expires);
                case EXPIRED -> new Lot(Ids.newId(), principal, bonus, 0, 0, principalConsumed, bonusConsumed, pr, br,
                        0, 0, order, status, allClinics, clinics, toppedUp, expires);
                case CLOSED -> new Lot(Ids.newId(), principal, bonus, 0, 0, principalConsumed, bonusConsumed, 0, 0, pr,
                        br, order, status, allClinics, clinics, toppedUp, expires);
            });
        }
        return lots;
    }

    /** The account holding exactly these lots (its top-up lot closed), debited once, all rolled back after. */
    private Taken debitOnce(Chain chain, UUID account, List<Lot> lots, long amount, UUID clinic, OffsetDateTime at) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            TenantContext tenants = Arc.container().instance(TenantContext.class).get();
            return tenants.callAs(chain.id(), () -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        return debitOnce(c, account, lots, amount, clinic, at);
                    } finally {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            requests.terminate();
        }
    }

    private Taken debitOnce(Connection c, UUID account, List<Lot> lots, long amount, UUID clinic,
                            OffsetDateTime at) throws Exception {
        execute(c, "UPDATE stored_value_lot SET principal_out = principal_out + principal_remaining,"
                + " bonus_out = bonus_out + bonus_remaining, principal_remaining = 0, bonus_remaining = 0,"
                + " status = 'CLOSED' WHERE account_id = '" + account + "'");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stored_value_lot (tenant_id, id, account_id,"
                + " source, status, principal, bonus, principal_remaining, bonus_remaining, principal_consumed,"
                + " bonus_consumed, expired_principal, expired_bonus, principal_out, bonus_out, debit_order,"
                + " all_clinics, clinic_ids, topped_up_at, expires_at) SELECT tenant_id, ?, id, 'ADJUSTMENT', ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM stored_value_account WHERE id = ?")) {
            for (Lot lot : lots) {
                insert.setObject(1, lot.id());
                insert.setString(2, lot.status().name());
                long[] figures = {lot.principal(), lot.bonus(), lot.principalRemaining(), lot.bonusRemaining(),
                        lot.principalConsumed(), lot.bonusConsumed(), lot.expiredPrincipal(), lot.expiredBonus(),
                        lot.principalOut(), lot.bonusOut()};
                for (int i = 0; i < figures.length; i++) {
                    insert.setLong(3 + i, figures[i]);
                }
                insert.setString(13, lot.debitOrder().name());
                insert.setBoolean(14, lot.allClinics());
                insert.setArray(15, c.createArrayOf("uuid", lot.clinicIds().toArray()));
                insert.setObject(16, lot.toppedUpAt());
                insert.setObject(17, lot.expiresAt());
                insert.setObject(18, account);
                insert.executeUpdate();
            }
        }
        execute(c, "UPDATE stored_value_account a SET (principal, bonus, expired_principal, expired_bonus) = (SELECT"
                + " sum(principal_remaining), sum(bonus_remaining), sum(expired_principal), sum(expired_bonus)"
                + " FROM stored_value_lot l WHERE l.account_id = a.id) WHERE id = '" + account + "'");
        try (PreparedStatement debit = c.prepareStatement("SELECT cast(stored_value_debit(?, NULL, ?, ?, true, ?,"
                + " 'CNY', NULL, NULL, NULL, NULL, 'tester', NULL, NULL, NULL, NULL, NULL) AS text)")) {
            debit.setObject(1, account);
            debit.setLong(2, amount);
            debit.setObject(3, clinic);
            debit.setObject(4, at);
            try (ResultSet row = debit.executeQuery()) {
                row.next();
                JsonNode answer = json.readTree(row.getString(1));
                if (answer.has("lotsDue")) {
                    return new Taken(null, null, true);
                }
                List<Share> shares = new ArrayList<>();
                answer.get("entry").get("allocations").forEach(a -> shares.add(new Share(
                        UUID.fromString(a.get("lotId").asText()), a.get("principal").get("amount").asLong(),
                        a.get("bonus").get("amount").asLong())));
                return new Taken(shares, null, false);
            }
        } catch (PSQLException e) {
            if (!"MKBAL".equals(e.getSQLState())) {
                throw e;
            }
            return new Taken(null, Long.parseLong(e.getServerErrorMessage().getDetail()), false);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
