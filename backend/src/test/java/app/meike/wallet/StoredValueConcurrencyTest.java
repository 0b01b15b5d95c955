package app.meike.wallet;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.meike.support.Sales.cny;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance load: 100 parallel debits of 100.00 against a 5,000.00 account, as raw debits and as orders paid
 * by stored value. Exactly 50 succeed, the others are refused with a problem, nothing is lost or written twice.
 */
@QuarkusTest
class StoredValueConcurrencyTest extends ApiTest {
    static final int ATTEMPTS = 100;

    @Test
    void oneHundredParallelRawDebitsOfOneHundredAgainstFiveThousandMakeExactlyFifty() throws Exception {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "并发店");
        String plan = Wallets.plan(chain, 500_000, 500_000, null);
        String account = Wallets.topUp(chain, Sales.customer(chain, "并发"), plan, clinic, 500_000);
        List<Response> answers = new ArrayList<>();
        List<Integer> statuses = Wallets.inParallel(ATTEMPTS, 16, i -> {
            Response answer = Wallets.debit(chain.adminToken(), account, 10_000, clinic, UUID.randomUUID()
                    .toString());
            synchronized (answers) {
                answers.add(answer);
            }
            return answer.statusCode();
        });
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(50);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409 || s == 422);
        answers.stream().filter(a -> a.statusCode() != 201)
                .forEach(a -> assertThat(a.contentType()).startsWith("application/problem+json"));
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isZero();
        assertThat(entries(chain, account)).isEqualTo(51);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void oneHundredParallelOrdersPaidByStoredValueMakeExactlyFifty() throws Exception {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "并发店");
        String item = Sales.item(chain, "补水", "SKIN", 10_000);
        String plan = Wallets.plan(chain, 500_000, 500_000, null);
        String customer = Sales.customer(chain, "并发订单");
        String account = Wallets.topUp(chain, customer, plan, clinic, 500_000);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            orders.add(Sales.draft(chain, customer, clinic, List.of(Sales.line(item, 1))).statusCode(201).extract()
                    .path("id"));
        }
        List<Integer> statuses = Wallets.inParallel(ATTEMPTS, 16, i -> as(chain.adminToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("tenders", List.of(Map.of("method", "STORED_VALUE", "amount", cny(10_000)))))
                .post("/api/v1/orders/" + orders.get(i) + "/pay").statusCode());
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(50);
        assertThat(statuses).allMatch(s -> s == 200 || s == 409 || s == 422);
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isZero();
        long paid = orders.stream().filter(o -> as(chain.adminToken()).get("/api/v1/orders/" + o).then()
                .extract().path("status").equals("PAID")).count();
        assertThat(paid).isEqualTo(50);
        assertThat(entries(chain, account)).isEqualTo(51);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    static long entries(Chain chain, String account) {
        return Wallets.query(chain, "SELECT count(*) FROM stored_value_entry WHERE account_id = '" + account + "'",
                rows -> {
                    rows.next();
                    return rows.getLong(1);
                });
    }
}
