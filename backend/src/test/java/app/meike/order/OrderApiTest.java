package app.meike.order;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.meike.support.Sales.cny;
import static app.meike.support.Sales.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class OrderApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static UUID otherClinic;
    static String hydra;
    static String botox;
    static String frontDesk;

    @BeforeEach
    void aClinicWithTwoItems() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "收银店");
        otherClinic = Chains.clinic(chain, "别的店");
        hydra = Sales.item(chain, "水光针", "SKIN", 280_000);
        botox = Sales.item(chain, "肉毒素", "INJECTION", 380_000);
        frontDesk = Chains.staffToken(chain, "front-desk");
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    static Response pay(String token, String orderId, String key, List<Map<String, Object>> tenders) {
        return as(token).header("Idempotency-Key", key).body(Map.of("tenders", tenders))
                .post("/api/v1/orders/" + orderId + "/pay");
    }

    static Map<String, Object> tender(String method, long amount) {
        return Map.of("method", method, "amount", cny(amount));
    }

    @Test
    void aDraftIsPricedPerLineWithListPricesAndLineDiscounts() {
        String customer = Sales.customer(chain, "林小姐");
        Map<String, Object> discounted = new HashMap<>(line(botox, 2));
        discounted.put("lineDiscount", cny(60_000));
        JsonPath order = as(frontDesk).body(body("customerId", customer, "clinicId", clinic, "note", "周年活动",
                        "lines", List.of(line(hydra, 1), discounted)))
                .post("/api/v1/orders").then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"), "customerName", equalTo("林小姐"))
                .body("number", matchesPattern("\\d{8}-\\d{4}"))
                .body("lines.lineNo", equalTo(List.of(1, 2)), "lines[0].unitPrice.amount", equalTo(280_000))
                .body("lines[1].net.amount", equalTo(700_000), "lines[1].tierDiscount.amount", equalTo(0))
                .body("subtotal.amount", equalTo(1_040_000), "discount.amount", equalTo(60_000))
                .body("total.amount", equalTo(980_000), "tierName", nullValue(), "paidAt", nullValue())
                .extract().jsonPath();

        Map<String, Object> cheaper = new HashMap<>(line(hydra, 1));
        cheaper.put("unitPrice", cny(250_000));
        as(frontDesk).header("If-Match", "\"0\"").body(Map.of("lines", List.of(cheaper)))
                .patch("/api/v1/orders/" + order.getString("id")).then().statusCode(200).header("ETag", "\"1\"")
                .body("lines.size()", equalTo(1), "lines[0].listPrice.amount", equalTo(280_000))
                .body("total.amount", equalTo(250_000), "note", equalTo("周年活动"));
        as(frontDesk).header("If-Match", "\"0\"").body(Map.of("note", "x"))
                .patch("/api/v1/orders/" + order.getString("id")).then().statusCode(412);
        as(frontDesk).body(Map.of("note", "x")).patch("/api/v1/orders/" + order.getString("id")).then()
                .statusCode(428);
    }

    @Test
    void badLinesAreRefusedNamingTheField() {
        String customer = Sales.customer(chain, "错单");
        Map<String, Object> tooMuchOff = new HashMap<>(line(hydra, 1));
        tooMuchOff.put("lineDiscount", cny(300_000));
        Map<String, Object> dollars = new HashMap<>(line(hydra, 1));
        dollars.put("unitPrice", Map.of("amount", 100, "currency", "USD"));
        as(frontDesk).body(body("customerId", customer, "clinicId", clinic, "lines",
                        List.of(line(hydra, -1))))
                .post("/api/v1/orders").then().statusCode(400).body("errors.field", hasItem("lines[0].quantity"));
        as(frontDesk).body(body("customerId", customer, "clinicId", clinic, "lines",
                        List.of(tooMuchOff, line(UUID.randomUUID().toString(), 1), dollars)))
                .post("/api/v1/orders").then().statusCode(400)
                .body("errors.field", hasItems("lines[0].lineDiscount.amount", "lines[1].itemId",
                        "lines[2].unitPrice.currency"));
        as(frontDesk).body(body("customerId", UUID.randomUUID(), "clinicId", clinic, "lines", List.of(line(hydra, 1))))
                .post("/api/v1/orders").then().statusCode(400).body("errors.field", hasItem("customerId"));
        as(frontDesk).body(body("customerId", customer, "clinicId", clinic, "lines", List.of()))
                .post("/api/v1/orders").then().statusCode(400).body("errors.field", hasItem("lines"));
        as(chain.adminToken()).queryParam("customerId", customer).get("/api/v1/orders").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void tendersMustCoverTheTotalExactlyAndPayingIsFinal() {
        String customer = Sales.customer(chain, "付款");
        JsonPath draft = Sales.draft(chain, customer, clinic, List.of(line(hydra, 1), line(botox, 1)))
                .statusCode(201).extract().jsonPath();
        String id = draft.getString("id");
        pay(frontDesk, id, UUID.randomUUID().toString(), List.of(tender("CASH", 600_000))).then().statusCode(422)
                .body("type", equalTo("https://meike.app/problems/business-rule"), "detail", containsString("660000"));
        pay(frontDesk, id, UUID.randomUUID().toString(), List.of(tender("CASH", 0))).then().statusCode(400)
                .body("errors.field", hasItem("tenders[0].amount.amount"));
        as(frontDesk).body(Map.of("tenders", List.of(tender("CASH", 660_000)))).post("/api/v1/orders/" + id + "/pay")
                .then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));

        String etag = pay(frontDesk, id, UUID.randomUUID().toString(), List.of(tender("WECHAT_PAY", 460_000),
                Map.of("method", "CASH", "amount", cny(200_000), "reference", "抽屉2"))).then().statusCode(200)
                .body("status", equalTo("PAID"), "paidAt", org.hamcrest.Matchers.notNullValue())
                .body("tenders.method", equalTo(List.of("WECHAT_PAY", "CASH")), "tenders[1].reference", equalTo("抽屉2"))
                .body("qualifyingSpend.amount", equalTo(660_000)).extract().header("ETag");
        pay(frontDesk, id, UUID.randomUUID().toString(), List.of(tender("CASH", 660_000))).then().statusCode(409);
        as(frontDesk).header("If-Match", etag).body(Map.of("note", "late")).patch("/api/v1/orders/" + id).then()
                .statusCode(409);
        as(frontDesk).body(Map.of("reason", "x")).post("/api/v1/orders/" + id + "/void").then().statusCode(409);
        as(chain.adminToken()).get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("firstPurchaseAt", org.hamcrest.Matchers.notNullValue());
        as(chain.adminToken()).get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                .body("items.find { it.kind == 'ORDER' }.status", equalTo("PAID"))
                .body("items.find { it.kind == 'ORDER' }.label", equalTo(draft.getString("number")
                        + " · 水光针 ×1, 肉毒素 ×1"));
    }

    @Test
    void aReplayAnswersTheFirstPaymentAndAnotherBodyUnderTheSameKeyIsRefused() {
        String customer = Sales.customer(chain, "重放");
        JsonPath draft = Sales.draft(chain, customer, clinic, List.of(line(hydra, 1))).statusCode(201)
                .extract().jsonPath();
        String id = draft.getString("id");
        String key = UUID.randomUUID().toString();
        String first = pay(frontDesk, id, key, List.of(tender("CASH", 280_000))).then().statusCode(200)
                .extract().asString();
        String again = pay(frontDesk, id, key, List.of(tender("CASH", 280_000))).then().statusCode(200)
                .extract().asString();
        assertThat(again).isEqualTo(first);
        pay(frontDesk, id, key, List.of(tender("ALIPAY", 280_000))).then().statusCode(422)
                .body("type", equalTo("https://meike.app/problems/idempotency-key-reused"));
        as(chain.adminToken()).queryParam("entityId", id).queryParam("limit", 10).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("order.paid", "order.drafted")));
    }

    @Test
    void twentyParallelPaymentsWithOneKeyMakeOnePayment() throws Exception {
        String customer = Sales.customer(chain, "并发");
        String id = Sales.draft(chain, customer, clinic, List.of(line(botox, 1))).statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> pay(frontDesk, id, key, List.of(tender("CASH", 380_000))));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                assertThat(f.get().statusCode()).isEqualTo(200);
                bodies.add(f.get().asString());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdown();
        }
        as(chain.adminToken()).get("/api/v1/orders/" + id).then().body("tenders.size()", equalTo(1));
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then()
                .body("items.findAll { it.action == 'order.paid' }.size()", equalTo(1));
    }

    @Test
    void refundsNameLinesAndNeverReturnMoreThanWasPaid() {
        String customer = Sales.customer(chain, "退款");
        JsonPath draft = Sales.draft(chain, customer, clinic, List.of(line(hydra, 1), line(botox, 1)))
                .statusCode(201).extract().jsonPath();
        String id = draft.getString("id");
        pay(frontDesk, id, UUID.randomUUID().toString(), List.of(tender("CASH", 160_000),
                tender("WECHAT_PAY", 500_000))).then().statusCode(200);
        String manager = Chains.staffToken(chain, "manager");
        Map<String, Object> tooMuch = Map.of("reason", "不满意", "lines", List.of(Map.of("lineNo", 2, "amount",
                cny(380_001))));
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(tooMuch)
                .post("/api/v1/orders/" + id + "/refunds").then().statusCode(400)
                .body("errors.field", hasItem("lines[0].amount.amount"));
        Map<String, Object> overTender = Map.of("reason", "不满意", "lines", List.of(Map.of("lineNo", 2, "amount",
                cny(380_000))), "tenders", List.of(Map.of("tenderNo", 1, "amount", cny(380_000))));
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(overTender)
                .post("/api/v1/orders/" + id + "/refunds").then().statusCode(400)
                .body("errors.field", hasItem("tenders[0].amount.amount"));
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "x", "lines", List.of(Map.of("lineNo", 9, "amount", cny(1)))))
                .post("/api/v1/orders/" + id + "/refunds").then().statusCode(400)
                .body("errors.field", hasItem("lines[0].lineNo"));

        // Pro rata over what each tender took: 160,000 : 500,000 of 380,000.
        Map<String, Object> botoxBack = Map.of("reason", "不满意", "lines", List.of(Map.of("lineNo", 2, "amount",
                cny(380_000))));
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(botoxBack)
                .post("/api/v1/orders/" + id + "/refunds").then().statusCode(200)
                .body("status", equalTo("PARTIALLY_REFUNDED"), "refunds.size()", equalTo(1))
                .body("refunds[0].amount.amount", equalTo(380_000), "refunds[0].moneyReturned.amount", equalTo(380_000))
                .body("refunds[0].tenders.amount.amount", equalTo(List.of(92_121, 287_879)))
                .body("lines[1].refunded.amount", equalTo(380_000), "qualifyingSpend.amount", equalTo(280_000));
        Map<String, Object> hydraBack = Map.of("reason", "全退", "lines", List.of(Map.of("lineNo", 1, "amount",
                cny(280_000))), "tenders", List.of(Map.of("tenderNo", 1, "amount", cny(67_879)),
                Map.of("tenderNo", 2, "amount", cny(212_121))));
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(hydraBack)
                .post("/api/v1/orders/" + id + "/refunds").then().statusCode(200)
                .body("status", equalTo("REFUNDED"), "tenders.refunded.amount", equalTo(List.of(160_000, 500_000)))
                .body("qualifyingSpend.amount", equalTo(0));
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(hydraBack)
                .post("/api/v1/orders/" + id + "/refunds").then().statusCode(409);
    }

    @Test
    void aDraftCanBeVoidedAndNotPaidAfterwards() {
        String customer = Sales.customer(chain, "作废");
        String id = Sales.draft(chain, customer, clinic, List.of(line(hydra, 1))).statusCode(201).extract().path("id");
        as(frontDesk).body(Map.of("reason", " ")).post("/api/v1/orders/" + id + "/void").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(frontDesk).body(Map.of("reason", "客户改主意")).post("/api/v1/orders/" + id + "/void").then().statusCode(200)
                .body("status", equalTo("VOID"), "voidReason", equalTo("客户改主意"));
        pay(frontDesk, id, UUID.randomUUID().toString(), List.of(tender("CASH", 280_000))).then().statusCode(409);
        as(chain.adminToken()).queryParam("customerId", customer).queryParam("status", "VOID")
                .get("/api/v1/orders").then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void clinicLimitedStaffSellOnlyAtTheirClinics() {
        JsonPath desk = Chains.staff(chain, List.of("front-desk"), List.of(clinic));
        String token = Tokens.token(desk.getString("userId"), chain.id(), "front-desk");
        String customer = Sales.customer(chain, "分店");
        as(token).body(body("customerId", customer, "clinicId", otherClinic, "lines", List.of(line(hydra, 1))))
                .post("/api/v1/orders").then().statusCode(403);
        String elsewhere = Sales.draft(chain, customer, otherClinic, List.of(line(hydra, 1))).statusCode(201)
                .extract().path("id");
        as(token).get("/api/v1/orders/" + elsewhere).then().statusCode(404);
        as(token).queryParam("customerId", customer).get("/api/v1/orders").then().body("items.size()", equalTo(0));
    }

    @Test
    void aSaleOfAnItemTheFirstConsultantDidNotSeedIsSecondDevelopment() {
        JsonPath first = Chains.staff(chain, List.of("consultant"), List.of());
        JsonPath second = Chains.staff(chain, List.of("consultant"), List.of());
        String firstToken = Tokens.token(first.getString("userId"), chain.id(), "consultant");
        JsonPath visit = as(chain.adminToken()).body(Map.of("newCustomer", Map.of("name", "二开", "phone",
                        "137" + String.format("%08d", (int) (Math.random() * 1e8)), "source", "WALK_IN"),
                        "clinicId", clinic, "purpose", "CONSULTATION"))
                .post("/api/v1/visits").then().statusCode(201).extract().jsonPath();
        String customer = visit.getString("visit.customerId");
        as(firstToken).body(Map.of("visitId", visit.getString("visit.id"), "needs", List.of(Map.of("rank", 1,
                        "area", "SKIN", "concern", "暗沉", "suggestedItemIds", List.of(hydra)))))
                .post("/api/v1/consultations").then().statusCode(201);

        Map<String, Object> seeded = body("customerId", customer, "clinicId", clinic, "consultantId",
                second.getString("id"), "lines", List.of(line(hydra, 1)));
        as(chain.adminToken()).body(seeded).post("/api/v1/orders").then().statusCode(201)
                .body("secondDevelopment", equalTo(false), "lines[0].seededByFirstConsultant", equalTo(true));
        Map<String, Object> developed = body("customerId", customer, "clinicId", clinic, "consultantId",
                second.getString("id"), "lines", List.of(line(hydra, 1), line(botox, 1)));
        as(chain.adminToken()).body(developed).post("/api/v1/orders").then().statusCode(201)
                .body("secondDevelopment", equalTo(true), "lines.seededByFirstConsultant", equalTo(List.of(true, false)));
        as(firstToken).body(body("customerId", customer, "clinicId", clinic, "lines", List.of(line(botox, 1))))
                .post("/api/v1/orders").then().statusCode(201)
                .body("consultantId", equalTo(first.getString("id")), "secondDevelopment", equalTo(false));
    }
}
