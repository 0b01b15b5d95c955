package app.meike.order;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Members;
import app.meike.support.Sales;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.meike.support.Sales.cny;
import static app.meike.support.Sales.line;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * What a sale does to the customer's tier and points, and what a refund undoes, under 普卡 10,000 (2% off) ·
 * 银卡 30,000 (5%) · 金卡 50,000 (8%) on the lifetime basis, every tier earning 1.5 points per yuan, and the
 * default points rules (1 point per yuan, 100 points pay 1 yuan).
 */
@QuarkusTest
class OrderMembershipApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static String thermage;
    static String eyes;
    static String hydra;
    static String manager;

    @BeforeEach
    void aChainWithTiers() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "会员店");
        thermage = Sales.item(chain, "热玛吉", "MINIMALLY_INVASIVE", 1_200_000);
        eyes = Sales.item(chain, "双眼皮", "SURGERY", 2_000_000);
        hydra = Sales.item(chain, "水光针", "INJECTION", 280_000);
        manager = Chains.staffToken(chain, "manager");
        Members.setProgram(chain, Members.program("LIFETIME", "NEVER"));
    }

    static ValidatableResponse membership(String customer) {
        return as(chain.adminToken()).get("/api/v1/customers/" + customer + "/membership").then().statusCode(200);
    }

    static ValidatableResponse points(String customer) {
        return as(chain.adminToken()).get("/api/v1/points/accounts/" + customer).then().statusCode(200);
    }

    static ValidatableResponse pay(String orderId, List<Map<String, Object>> tenders) {
        return as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("tenders", tenders)).post("/api/v1/orders/" + orderId + "/pay").then();
    }

    static ValidatableResponse refund(String orderId, Map<String, Object> body) {
        return as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/v1/orders/" + orderId + "/refunds").then();
    }

    static Map<String, Object> tender(String method, long amount) {
        return Map.of("method", method, "amount", cny(amount));
    }

    @Test
    void aSaleMovesTheTierUpAtOnceAndEarnsPointsAndARefundTakesBothBack() {
        String customer = Sales.customer(chain, "升级");
        membership(customer).body("tier", nullValue());
        Sales.paidOrder(chain, customer, clinic, List.of(line(thermage, 1)));
        membership(customer).body("tier.name", equalTo("普卡"), "qualifyingSpend.amount", equalTo(1_200_000))
                .body("nextTier.name", equalTo("银卡"), "nextTier.remaining.amount", equalTo(1_800_000));
        points(customer).body("balance", equalTo(12_000));

        // 普卡 takes 2% off every line and earns 1.5 points per yuan on this order.
        JsonPath draft = Sales.draft(chain, customer, clinic, List.of(line(eyes, 1), line(hydra, 1))).statusCode(201)
                .body("tierName", equalTo("普卡"), "pointsMultiplier", equalTo(1.5f))
                .body("lines.tierDiscountPercent", equalTo(List.of(2.0f, 2.0f)))
                .body("lines.tierDiscount.amount", equalTo(List.of(40_000, 5_600)))
                .body("total.amount", equalTo(2_234_400)).extract().jsonPath();
        String order = draft.getString("id");
        pay(order, List.of(tender("ALIPAY", 2_234_400))).statusCode(200).body("pointsEarned", equalTo(33_516));
        membership(customer).body("tier.name", equalTo("银卡"), "qualifyingSpend.amount", equalTo(3_434_400))
                .body("history[0].reason", equalTo("UPGRADE"), "history[0].sourceId", equalTo(order));
        points(customer).body("balance", equalTo(45_516));

        refund(order, Map.of("reason", "术前反悔", "lines", List.of(Map.of("lineNo", 1, "amount", cny(1_960_000)))))
                .statusCode(200).body("status", equalTo("PARTIALLY_REFUNDED"))
                .body("refunds[0].moneyReturned.amount", equalTo(1_960_000))
                .body("refunds[0].pointsReversed", equalTo(29_400), "refunds[0].pointsShortfall", equalTo(0))
                .body("pointsEarned", equalTo(4_116), "qualifyingSpend.amount", equalTo(274_400));
        membership(customer).body("tier.name", equalTo("普卡"), "qualifyingSpend.amount", equalTo(1_474_400))
                .body("history[0].reason", equalTo("REFUND"));
        points(customer).body("balance", equalTo(16_116));
    }

    @Test
    void pointsAlreadySpentAreKeptFromTheRefundAndPointsThatPaidComeBack() {
        String customer = Sales.customer(chain, "积分");
        String order = Sales.paidOrder(chain, customer, clinic, List.of(line(thermage, 1)));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 11_000, "giftDescription", "定制礼盒"))
                .post("/api/v1/points/accounts/" + customer + "/redemptions").then().statusCode(201);

        refund(order, Map.of("reason", "全额退款", "lines", List.of(Map.of("lineNo", 1, "amount", cny(1_200_000)))))
                .statusCode(200).body("status", equalTo("REFUNDED"))
                .body("refunds[0].pointsReversed", equalTo(1_000), "refunds[0].pointsShortfall", equalTo(11_000))
                .body("refunds[0].shortfallAmount.amount", equalTo(11_000))
                .body("refunds[0].moneyReturned.amount", equalTo(1_189_000))
                .body("refunds[0].tenders[0].amount.amount", equalTo(1_189_000));
        points(customer).body("balance", equalTo(0));
        membership(customer).body("tier", nullValue(), "qualifyingSpend.amount", equalTo(11_000));

        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 5_000, "reason", "老客迁移积分"))
                .post("/api/v1/points/accounts/" + customer + "/adjustments").then().statusCode(201);
        String withPoints = Sales.draft(chain, customer, clinic, List.of(line(hydra, 1))).statusCode(201)
                .extract().path("id");
        pay(withPoints, List.of(tender("POINTS", 6_000), tender("CASH", 274_000))).statusCode(422);
        pay(withPoints, List.of(tender("POINTS", 3_000), tender("CASH", 277_000))).statusCode(200)
                .body("tenders[0].points", equalTo(3_000), "qualifyingSpend.amount", equalTo(277_000))
                .body("pointsEarned", equalTo(2_770));
        points(customer).body("balance", equalTo(4_770));
        refund(withPoints, Map.of("reason", "退", "lines", List.of(Map.of("lineNo", 1, "amount", cny(280_000)))))
                .statusCode(200).body("refunds[0].tenders.points", equalTo(java.util.Arrays.asList(3_000, null)))
                .body("refunds[0].moneyReturned.amount", equalTo(277_000), "refunds[0].pointsReversed", equalTo(2_770));
        points(customer).body("balance", equalTo(5_000));
    }
}
