package app.meike.order;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.Wallets;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Orders paid with stored value, under the default points rules (1 point per yuan of qualifying spend) and a plan
 * paying 5,000 for 10,000: half of every payment is principal (qualifying spend, earning points), half bonus.
 */
@QuarkusTest
class StoredValueOrderApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static UUID elsewhere;
    static String hydra;
    static String fiveForTen;
    static String manager;

    @BeforeEach
    void aChainWithAPlan() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "储值消费店");
        elsewhere = Chains.clinic(chain, "别处");
        hydra = Sales.item(chain, "水光针", "INJECTION", 280_000);
        fiveForTen = Wallets.plan(chain, 500_000, 1_000_000, null);
        manager = Chains.staffToken(chain, "manager");
    }

    static String draft(String customer, int quantity) {
        return Sales.draft(chain, customer, clinic, List.of(line(hydra, quantity))).statusCode(201).extract()
                .path("id");
    }

    static ValidatableResponse pay(String order, List<Map<String, Object>> tenders) {
        return as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("tenders", tenders)).post("/api/v1/orders/" + order + "/pay").then();
    }

    static ValidatableResponse refund(String order, long amount) {
        return as(manager).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "不满意", "lines", List.of(Map.of("lineNo", 1, "amount", cny(amount)))))
                .post("/api/v1/orders/" + order + "/refunds").then();
    }

    static Map<String, Object> tender(String method, long amount) {
        return Map.of("method", method, "amount", cny(amount));
    }

    static long spend(String customer) {
        return as(chain.adminToken()).get("/api/v1/customers/" + customer + "/membership").then().statusCode(200)
                .extract().jsonPath().getLong("qualifyingSpend.amount");
    }

    static long points(String customer) {
        return as(chain.adminToken()).get("/api/v1/points/accounts/" + customer).then().statusCode(200).extract()
                .jsonPath().getLong("balance");
    }

    @Test
    void theStoredValuePrincipalIsQualifyingSpendAndEarnsPointsAndRefundsPutItBackIntoTheLot() {
        String customer = Sales.customer(chain, "储值买单");
        String account = Wallets.topUp(chain, customer, fiveForTen, clinic, 500_000);
        String order = draft(customer, 1);
        pay(order, List.of(tender("STORED_VALUE", 280_000))).statusCode(200)
                .body("tenders[0].method", equalTo("STORED_VALUE"))
                .body("tenders[0].storedValuePrincipal.amount", equalTo(140_000))
                .body("tenders[0].storedValueBonus.amount", equalTo(140_000))
                .body("qualifyingSpend.amount", equalTo(140_000), "pointsEarned", equalTo(1_400));
        assertThat(spend(customer)).isEqualTo(140_000);
        assertThat(points(customer)).isEqualTo(1_400);
        as(chain.adminToken()).get("/api/v1/stored-value/accounts/" + account + "/entries").then()
                .body("items[0].kind", equalTo("DEBIT"), "items[0].orderId", equalTo(order))
                .body("items[0].clinicId", equalTo(clinic.toString()));
        String debit = as(chain.adminToken()).get("/api/v1/stored-value/accounts/" + account + "/entries").then()
                .extract().path("items[0].id");
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x"))
                .post("/api/v1/stored-value/accounts/" + account + "/debits/" + debit + "/reversal").then()
                .statusCode(422).body("detail", containsString("refund the order"));

        refund(order, 100_000).statusCode(200)
                .body("refunds[0].tenders[0].amount.amount", equalTo(100_000))
                .body("refunds[0].tenders[0].storedValuePrincipal.amount", equalTo(50_000))
                .body("refunds[0].tenders[0].storedValueBonus.amount", equalTo(50_000))
                .body("refunds[0].moneyReturned.amount", equalTo(0), "refunds[0].pointsReversed", equalTo(500))
                .body("qualifyingSpend.amount", equalTo(90_000));
        assertThat(spend(customer)).isEqualTo(90_000);
        assertThat(points(customer)).isEqualTo(900);
        refund(order, 180_000).statusCode(200).body("status", equalTo("REFUNDED"))
                .body("refunds[1].tenders[0].storedValuePrincipal.amount", equalTo(90_000))
                .body("qualifyingSpend.amount", equalTo(0), "pointsEarned", equalTo(0));
        assertThat(spend(customer)).isZero();
        assertThat(points(customer)).isZero();
        JsonPath after = Wallets.account(chain, account);
        assertThat(after.getLong("principal.amount")).isEqualTo(500_000);
        assertThat(after.getLong("bonus.amount")).isEqualTo(500_000);
        assertThat(after.getLong("lots[0].consumed.amount")).isZero();
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void withExternalMoneyTooTheQualifyingSpendIsTheMoneyAndThePrincipal() {
        String customer = Sales.customer(chain, "混合支付");
        Wallets.topUp(chain, customer, fiveForTen, clinic, 500_000);
        String order = draft(customer, 1);
        pay(order, List.of(tender("CASH", 80_000), tender("STORED_VALUE", 200_000))).statusCode(200)
                .body("qualifyingSpend.amount", equalTo(180_000), "pointsEarned", equalTo(1_800))
                .body("tenders[0].storedValuePrincipal", nullValue());
        refund(order, 140_000).statusCode(200)
                .body("refunds[0].moneyReturned.amount", equalTo(40_000))
                .body("refunds[0].tenders[1].storedValuePrincipal.amount", equalTo(50_000))
                .body("qualifyingSpend.amount", equalTo(90_000), "pointsEarned", equalTo(900));
        assertThat(spend(customer)).isEqualTo(90_000);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void aShortFrozenOrMissingAccountCannotPayAndNothingIsWritten() {
        String none = Sales.customer(chain, "没卡");
        pay(draft(none, 1), List.of(tender("STORED_VALUE", 280_000))).statusCode(422);
        String customer = Sales.customer(chain, "余额不足");
        String account = Wallets.topUp(chain, customer, fiveForTen, clinic, 500_000);
        String big = draft(customer, 4);
        pay(big, List.of(tender("STORED_VALUE", 1_120_000))).statusCode(422)
                .body("detail", containsString("1000000"));
        pay(big, List.of(tender("STORED_VALUE", 560_000), tender("STORED_VALUE", 560_000))).statusCode(400)
                .body("errors.field", hasItem("tenders[1].method"));
        as(chain.adminToken()).get("/api/v1/orders/" + big).then().body("status", equalTo("DRAFT"));
        String southOnly = as(chain.adminToken()).body(Map.of("code", Chains.unique("E"), "name", "别处卡",
                "price", cny(300_000), "value", cny(300_000), "allClinics", false, "clinicIds", List.of(elsewhere)))
                .post("/api/v1/stored-value/plans").then().statusCode(201).extract().path("id");
        String elsewhereOnly = Sales.customer(chain, "别处的卡");
        Wallets.topUp(chain, elsewhereOnly, southOnly, elsewhere, 300_000);
        pay(draft(elsewhereOnly, 1), List.of(tender("STORED_VALUE", 280_000))).statusCode(422);
        as(chain.adminToken()).body(Map.of("reason", "挂失")).post("/api/v1/stored-value/accounts/" + account
                + "/freeze").then().statusCode(200);
        pay(draft(customer, 1), List.of(tender("STORED_VALUE", 280_000))).statusCode(409);
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isEqualTo(1_000_000);
        assertThat(spend(customer)).isZero();
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void pointsAlreadySpentAreKeptFromTheStoredValueGoingBack() {
        String customer = Sales.customer(chain, "积分已花");
        String account = Wallets.topUp(chain, customer, fiveForTen, clinic, 500_000);
        String order = draft(customer, 1);
        pay(order, List.of(tender("STORED_VALUE", 280_000))).statusCode(200).body("pointsEarned", equalTo(1_400));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 1_400, "giftDescription", "面膜"))
                .post("/api/v1/points/accounts/" + customer + "/redemptions").then().statusCode(201);
        refund(order, 280_000).statusCode(200)
                .body("refunds[0].pointsShortfall", equalTo(1_400), "refunds[0].shortfallAmount.amount",
                        equalTo(1_400))
                .body("refunds[0].tenders[0].amount.amount", equalTo(278_600))
                .body("refunds[0].tenders[0].storedValuePrincipal.amount", equalTo(139_300))
                .body("refunds[0].tenders[0].storedValueBonus.amount", equalTo(139_300));
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isEqualTo(1_000_000 - 1_400);
        assertThat(spend(customer)).isEqualTo(700);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }
}
