package app.meike.wallet;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static app.meike.support.Sales.cny;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database path of the lot arithmetic: random sequences of top-ups, debits, reversals, refunds, transfers,
 * adjustments, expiry and reactivation over HTTP leave every account equal to the sum of its entries and of its
 * lots, every live lot's quoted refund P - target(C) within what it holds, and each customer's qualifying spend the
 * principal of her raw debits that were not reversed.
 */
@QuarkusTest
class StoredValueSequenceTest extends ApiTest {
    static final String ACCOUNTS = "/api/v1/stored-value/accounts/";
    static final int SEQUENCES = 2;
    static final int STEPS = 30;

    @Test
    void randomMovementsKeepEveryAccountLotAndSpendConsistent() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "序列店");
        List<String> plans = List.of(Wallets.plan(chain, 500_000, 1_000_000, 365),
                Wallets.plan(chain, 300_000, 400_000, null), Wallets.plan(chain, 99_999, 100_003, 30));
        List<Long> prices = List.of(500_000L, 300_000L, 99_999L);
        String manager = Chains.staffToken(chain, "manager");
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            Random random = new Random(sequence * 7919L + 11);
            List<String> customers = List.of(Sales.customer(chain, "序列甲" + sequence),
                    Sales.customer(chain, "序列乙" + sequence));
            List<String> accounts = new ArrayList<>();
            for (String customer : customers) {
                accounts.add(Wallets.topUp(chain, customer, plans.get(0), clinic, prices.get(0)));
            }
            List<String[]> rawDebits = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                int who = random.nextInt(2);
                String account = accounts.get(who);
                long balance = Wallets.account(chain, account).getLong("balance.amount");
                switch (random.nextInt(9)) {
                    case 0 -> {
                        int plan = random.nextInt(plans.size());
                        Wallets.topUp(chain.adminToken(), customers.get(who), plans.get(plan), clinic,
                                prices.get(plan)).then().statusCode(201);
                    }
                    case 1, 2, 3 -> {
                        long amount = 1 + (long) (random.nextDouble() * (balance + 50_000));
                        int status = Wallets.debit(chain.adminToken(), account, amount, clinic,
                                UUID.randomUUID().toString()).then().extract().statusCode();
                        assertThat(status).isEqualTo(amount <= balance ? 201 : 422);
                        if (status == 201) {
                            rawDebits.add(new String[] {account, lastEntry(chain, account)});
                        }
                    }
                    case 4 -> {
                        if (!rawDebits.isEmpty()) {
                            String[] debit = rawDebits.remove(random.nextInt(rawDebits.size()));
                            as(manager).header("Idempotency-Key", UUID.randomUUID().toString())
                                    .body(Map.of("reason", "序列冲正"))
                                    .post(ACCOUNTS + debit[0] + "/debits/" + debit[1] + "/reversal").then()
                                    .statusCode(201);
                        }
                    }
                    case 5 -> as(manager).header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(Map.of("reason", "序列退款", "close", false)).post(ACCOUNTS + account + "/refund")
                            .then().statusCode(balance > 0 ? 200 : 422);
                    case 6 -> as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(Map.of("toCustomerId", customers.get(1 - who), "reason", "序列转让"))
                            .post(ACCOUNTS + account + "/transfer").then().statusCode(balance > 0 ? 200 : 422);
                    case 7 -> {
                        long bonus = Wallets.account(chain, account).getLong("bonus.amount");
                        long take = bonus == 0 ? 0 : 1 + random.nextInt((int) Math.min(bonus, 100_000));
                        Map<String, Object> body = take > 0 && random.nextBoolean()
                                ? Map.of("principal", cny(0), "bonus", Map.of("amount", -take, "currency", "CNY"),
                                "reason", "序列调整")
                                : Map.of("principal", cny(random.nextInt(10_000)),
                                "bonus", cny(1 + random.nextInt(10_000)), "reason", "序列调整");
                        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                                .post(ACCOUNTS + account + "/adjustments").then().statusCode(201);
                    }
                    default -> {
                        Wallets.query(chain, "UPDATE stored_value_lot SET expires_at = now() - interval '1 minute'"
                                + " WHERE account_id = '" + account + "' AND expires_at IS NOT NULL"
                                + " AND status <> 'CLOSED'", rows -> null);
                        as(chain.adminToken()).body(Map.of()).post("/api/v1/stored-value/expiry-runs").then()
                                .statusCode(200);
                        if (random.nextBoolean()) {
                            long expired = Wallets.account(chain, account).getLong("expiredPrincipal.amount")
                                    + Wallets.account(chain, account).getLong("expiredBonus.amount");
                            as(manager).header("Idempotency-Key", UUID.randomUUID().toString())
                                    .body(Map.of("reason", "序列激活", "validityDays", 90))
                                    .post(ACCOUNTS + account + "/reactivate").then()
                                    .statusCode(expired > 0 ? 201 : 422);
                        }
                    }
                }
            }
            for (int i = 0; i < 2; i++) {
                assertQuotesHold(chain, accounts.get(i));
                assertThat(spend(chain, customers.get(i))).as("sequence " + sequence)
                        .isEqualTo(rawPrincipal(chain, accounts.get(i)));
            }
            assertThat(Wallets.ledgerMismatches(chain)).as("sequence " + sequence).isEmpty();
        }
    }

    /** Every live lot's refund is P - target(C) by its debit order, and never more than it holds. */
    static void assertQuotesHold(Chain chain, String account) {
        JsonPath quote = as(chain.adminToken()).get(ACCOUNTS + account + "/refund-quote").then().statusCode(200)
                .extract().jsonPath();
        long total = 0;
        for (int i = 0; i < quote.getList("lots").size(); i++) {
            String lot = "lots[" + i + "].";
            long principal = quote.getLong(lot + "principal.amount");
            long consumed = quote.getLong(lot + "consumed.amount");
            long target = quote.getString(lot + "debitOrder").equals("PRO_RATA")
                    ? BigInteger.valueOf(consumed).multiply(BigInteger.valueOf(principal))
                    .divide(BigInteger.valueOf(quote.getLong(lot + "total.amount"))).longValueExact()
                    : Math.min(consumed, principal);
            long refund = quote.getLong(lot + "refund.amount");
            assertThat(refund).isEqualTo(principal - target);
            assertThat(refund).isBetween(0L, quote.getLong(lot + "principalRemaining.amount")
                    + quote.getLong(lot + "bonusRemaining.amount"));
            total += refund;
        }
        assertThat(quote.getLong("refund.amount")).isEqualTo(total);
    }

    static String lastEntry(Chain chain, String account) {
        return as(chain.adminToken()).queryParam("limit", 1).get(ACCOUNTS + account + "/entries").then()
                .extract().path("items[0].id");
    }

    static long spend(Chain chain, String customer) {
        return as(chain.adminToken()).get("/api/v1/customers/" + customer + "/membership").then().statusCode(200)
                .extract().jsonPath().getLong("qualifyingSpend.amount");
    }

    /** The principal of the account's raw debits less what their reversals gave back. */
    static long rawPrincipal(Chain chain, String account) {
        return Wallets.query(chain, "SELECT coalesce(-sum(principal), 0) FROM stored_value_entry WHERE account_id = '"
                + account + "' AND kind IN ('DEBIT', 'REVERSAL') AND order_id IS NULL", rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
    }
}
