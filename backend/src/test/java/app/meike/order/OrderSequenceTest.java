package app.meike.order;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Members;
import app.meike.support.Sales;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of sales and partial refunds through the API, checked against the figures recomputed from
 * scratch: the customer's qualifying spend is what her orders kept, her tier is the highest whose threshold that
 * spend reaches (lifetime basis), and her points balance is what her orders earned less what refunds took back,
 * which is also the sum of her ledger.
 */
@QuarkusTest
class OrderSequenceTest extends ApiTest {
    static final long[] THRESHOLDS = {1_000_000, 3_000_000, 5_000_000};
    static final String[] TIERS = {"普卡", "银卡", "金卡"};
    static Chain chain;
    static UUID clinic;
    static List<String> items;

    @BeforeEach
    void aChainWithTiers() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "随机店");
        items = List.of(Sales.item(chain, "光子", "SKIN", 328_000), Sales.item(chain, "玻尿酸", "INJECTION", 680_000),
                Sales.item(chain, "热玛吉", "MINIMALLY_INVASIVE", 1_180_000));
        Members.setProgram(chain, Members.program("LIFETIME", "NEVER"));
    }

    @RepeatedTest(4)
    void tierAndPointsAfterAnySequenceEqualTheFiguresFromScratch() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String customer = Sales.customer(chain, "随机" + Long.toHexString(seed).substring(0, 4));
        List<String> paid = new ArrayList<>();
        String manager = Chains.staffToken(chain, "manager");
        for (int step = 0; step < 7; step++) {
            if (paid.isEmpty() || random.nextInt(10) < 6) {
                List<Map<String, Object>> lines = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                    lines.add(Sales.line(items.get(random.nextInt(items.size())), 1 + random.nextInt(2)));
                }
                paid.add(Sales.paidOrder(chain, customer, clinic, lines));
            } else {
                String order = paid.get(random.nextInt(paid.size()));
                JsonPath o = as(chain.adminToken()).get("/api/v1/orders/" + order).then().extract().jsonPath();
                int line = 1 + random.nextInt(o.getList("lines").size());
                long left = o.getLong("lines[" + (line - 1) + "].net.amount")
                        - o.getLong("lines[" + (line - 1) + "].refunded.amount");
                if (left == 0) {
                    continue;
                }
                long amount = 1 + (long) (random.nextDouble() * left);
                as(manager).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("reason", "随机退款", "lines", List.of(Map.of("lineNo", line, "amount",
                                Sales.cny(Math.min(amount, left))))))
                        .post("/api/v1/orders/" + order + "/refunds").then().statusCode(200);
            }
        }
        long spend = 0;
        long earned = 0;
        for (String order : paid) {
            JsonPath o = as(chain.adminToken()).get("/api/v1/orders/" + order).then().extract().jsonPath();
            spend += o.getLong("qualifyingSpend.amount");
            earned += o.getLong("pointsEarned");
        }
        String expectedTier = null;
        for (int i = 0; i < THRESHOLDS.length; i++) {
            if (spend >= THRESHOLDS[i]) {
                expectedTier = TIERS[i];
            }
        }
        JsonPath membership = as(chain.adminToken()).get("/api/v1/customers/" + customer + "/membership").then()
                .statusCode(200).extract().jsonPath();
        assertThat(membership.getLong("qualifyingSpend.amount")).as("spend, seed %d", seed).isEqualTo(spend);
        assertThat(membership.getString("tier.name")).as("tier, seed %d", seed).isEqualTo(expectedTier);
        long balance = as(chain.adminToken()).get("/api/v1/points/accounts/" + customer).then().statusCode(200)
                .extract().jsonPath().getLong("balance");
        assertThat(balance).as("points, seed %d", seed).isEqualTo(earned);
        long ledger = as(chain.adminToken()).queryParam("limit", 200).get("/api/v1/points/accounts/" + customer
                + "/entries").then().statusCode(200).extract().jsonPath().getList("items.points", Long.class)
                .stream().mapToLong(Long::longValue).sum();
        assertThat(ledger).as("ledger, seed %d", seed).isEqualTo(balance);
    }
}
