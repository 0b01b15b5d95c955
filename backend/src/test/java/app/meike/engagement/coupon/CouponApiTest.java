package app.meike.engagement.coupon;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.TestClock;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
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
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CouponApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static String facial;
    static String botox;
    static JsonPath consultant;
    static String consultantToken;
    static String managerToken;

    @BeforeEach
    void aChainWithItemsAndAConsultant() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "券店");
        facial = Sales.item(chain, "小气泡清洁", "SKIN", 50_000);
        botox = Sales.item(chain, "除皱针", "INJECTION", 150_000);
        consultant = Chains.staff(chain, List.of("consultant"), List.of());
        consultantToken = Tokens.token(consultant.getString("userId"), chain.id(), "consultant");
        managerToken = Chains.staffToken(chain, "manager");
    }

    @Test
    void aCashVoucherComesOffTheOrderAfterTheTierAndIsRedeemedWhenItIsPaid() {
        String type = cashType(20_000, 100_000, "EXCLUSIVE");
        String customer = Sales.customer(chain, "券客甲");
        String key = UUID.randomUUID().toString();
        String coupon = issue(chain.adminToken(), key, customer, type, "CAMPAIGN", null).then().statusCode(201)
                .body("status", equalTo("ISSUED")).body("faceValue.amount", equalTo(20_000)).extract().path("id");
        issue(chain.adminToken(), key, customer, type, "CAMPAIGN", null).then().statusCode(201)
                .body("id", equalTo(coupon));
        as(chain.adminToken()).get("/api/v1/coupons?customerId=" + customer).then().statusCode(200)
                .body("items.size()", equalTo(1));

        JsonPath order = draft(customer, List.of(line(botox, 1), line(facial, 1)), List.of(coupon))
                .statusCode(201).extract().jsonPath();
        assertThat(order.getLong("total.amount")).isEqualTo(180_000);
        // 20000 split over the lines in proportion to 150000 : 50000.
        assertThat(order.getList("lines.couponDiscount.amount", Long.class)).containsExactly(15_000L, 5_000L);
        assertThat(order.getString("coupons[0].couponId")).isEqualTo(coupon);
        assertThat(order.getLong("coupons[0].discount.amount")).isEqualTo(20_000);

        Sales.payCash(chain, order.getString("id"), 180_000).statusCode(200)
                .body("qualifyingSpend.amount", equalTo(180_000)).body("coupons[0].couponId", equalTo(coupon));
        as(chain.adminToken()).get("/api/v1/coupons/" + coupon).then().statusCode(200)
                .body("status", equalTo("REDEEMED")).body("orderId", equalTo(order.getString("id")))
                .body("discount.amount", equalTo(20_000));
        JsonPath report = as(managerToken).get("/api/v1/coupons/report").then().statusCode(200).extract().jsonPath();
        Map<String, Object> figures = report.getMap("items.find { it.couponTypeId == '" + type + "' }");
        assertThat(figures).containsEntry("issued", 1).containsEntry("redeemed", 1).containsEntry("outstanding", 0);
        assertThat(report.getLong("items.find { it.couponTypeId == '" + type + "' }.revenue.amount"))
                .isEqualTo(180_000);

        // Used once: another draft cannot carry it.
        draft(customer, List.of(line(botox, 1)), List.of(coupon)).statusCode(400)
                .body("errors[0].field", equalTo("couponIds[0]"));
    }

    @Test
    void aCouponNeedsItsMinimumSpendAndItsOwnCustomer() {
        String type = cashType(20_000, 100_000, "EXCLUSIVE");
        String customer = Sales.customer(chain, "券客乙");
        String stranger = Sales.customer(chain, "券客丙");
        String coupon = issueOk(customer, type);
        draft(customer, List.of(line(facial, 1)), List.of(coupon)).statusCode(400)
                .body("errors[0].message", containsString("at least 100000"));
        draft(stranger, List.of(line(botox, 1)), List.of(coupon)).statusCode(400)
                .body("errors[0].message", containsString("not a coupon of this customer"));
        draft(customer, List.of(line(botox, 1)), List.of(coupon, coupon)).statusCode(400);
        draft(customer, List.of(line(botox, 1)), List.of(UUID.randomUUID().toString())).statusCode(400);
    }

    @Test
    void anExperienceVoucherFreesOneUnitAndStacksWithAPercentDiscount() {
        String free = createType(Map.of("code", Chains.unique("EXP"), "name", "清洁体验券", "kind",
                "EXPERIENCE_VOUCHER", "faceValue", cny(50_000), "validDays", 30, "stacking", "STACKABLE",
                "allItems", false, "categories", List.of("SKIN")));
        String percent = createType(Map.of("code", Chains.unique("PCT"), "name", "九折券", "kind",
                "DISCOUNT_PERCENT", "percentOff", 10, "maxDiscount", cny(12_000), "validDays", 30,
                "stacking", "STACKABLE", "allItems", true));
        String customer = Sales.customer(chain, "体验客");
        String freeCoupon = issueOk(customer, free);
        String percentCoupon = issueOk(customer, percent);
        JsonPath order = draft(customer, List.of(line(botox, 1), line(facial, 2)),
                List.of(freeCoupon, percentCoupon)).statusCode(201).extract().jsonPath();
        // One facial free (50000), then 10% of what is left (150000 + 50000), capped at 12000.
        assertThat(order.getList("coupons.discount.amount", Long.class)).containsExactly(50_000L, 12_000L);
        assertThat(order.getLong("total.amount")).isEqualTo(250_000 - 62_000);
        assertThat(order.getList("lines.couponDiscount.amount", Long.class)).containsExactly(9_000L, 53_000L);

        // An exclusive coupon shares its order with no other.
        String exclusive = issueOk(customer, cashType(1_000, 0, "EXCLUSIVE"));
        as(chain.adminToken()).header("If-Match", "\"" + order.getLong("version") + "\"")
                .body(Map.of("couponIds", List.of(freeCoupon, exclusive)))
                .patch("/api/v1/orders/" + order.getString("id")).then().statusCode(400)
                .body("errors[0].field", equalTo("couponIds[1]"));
        as(chain.adminToken()).header("If-Match", "\"" + order.getLong("version") + "\"")
                .body(Map.of("couponIds", List.of()))
                .patch("/api/v1/orders/" + order.getString("id")).then().statusCode(200)
                .body("total.amount", equalTo(250_000)).body("coupons.size()", equalTo(0));
    }

    @Test
    void anOrderItsExperienceVoucherMadeFreeIsPaidWithoutTenders() {
        String free = createType(Map.of("code", Chains.unique("TRY"), "name", "首次体验券", "kind",
                "EXPERIENCE_VOUCHER", "validDays", 30, "stacking", "EXCLUSIVE", "allItems", false,
                "itemIds", List.of(facial)));
        String customer = Sales.customer(chain, "体验新客");
        String coupon = issueOk(customer, free);
        String order = draft(customer, List.of(line(facial, 1)), List.of(coupon)).statusCode(201)
                .body("total.amount", equalTo(0)).extract().path("id");
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("tenders", List.of())).post("/api/v1/orders/" + order + "/pay").then().statusCode(200)
                .body("status", equalTo("PAID")).body("qualifyingSpend.amount", equalTo(0))
                .body("pointsEarned", equalTo(0));
        as(chain.adminToken()).get("/api/v1/coupons/" + coupon).then().body("status", equalTo("REDEEMED"))
                .body("discount.amount", equalTo(50_000));
    }

    @Test
    void anOrderUsingTwoCouponsOfOneTypeCountsOnceInTheTypesRevenue() {
        String type = cashType(10_000, 0, "STACKABLE");
        String customer = Sales.customer(chain, "双券客");
        List<String> both = List.of(issueOk(customer, type), issueOk(customer, type));
        String order = draft(customer, List.of(line(botox, 1)), both).statusCode(201)
                .body("total.amount", equalTo(130_000)).extract().path("id");
        Sales.payCash(chain, order, 130_000).statusCode(200);
        JsonPath report = as(managerToken).get("/api/v1/coupons/report").then().statusCode(200).extract().jsonPath();
        String figures = "items.find { it.couponTypeId == '" + type + "' }";
        assertThat(report.getInt(figures + ".redeemed")).isEqualTo(2);
        assertThat(report.getLong(figures + ".discountGiven.amount")).isEqualTo(20_000);
        assertThat(report.getLong(figures + ".revenue.amount")).isEqualTo(130_000);
    }

    @Test
    void aMergedDuplicatesCouponsGoToTheSurvivorWhoCanRedeemThem() {
        String type = cashType(10_000, 0, "STACKABLE");
        String survivor = Sales.customer(chain, "券正身");
        String duplicate = Sales.customer(chain, "券重复");
        String coupon = issueOk(duplicate, type);
        String etag = as(chain.adminToken()).get("/api/v1/customers/" + survivor).then().extract().header("ETag");
        as(chain.adminToken()).header("If-Match", etag).body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
        as(chain.adminToken()).get("/api/v1/coupons?customerId=" + survivor).then().statusCode(200)
                .body("items.id", hasItem(coupon));
        draft(survivor, List.of(line(facial, 1)), List.of(coupon)).statusCode(201)
                .body("coupons[0].couponId", equalTo(coupon));
    }

    @Test
    void ofTwentyOrdersCarryingOneCouponExactlyOneIsPaid() throws Exception {
        String customer = Sales.customer(chain, "并发客");
        String coupon = issueOk(customer, cashType(10_000, 0, "EXCLUSIVE"));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(draft(customer, List.of(line(facial, 1)), List.of(coupon)).statusCode(201).extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Response> answers = new ArrayList<>();
        try {
            List<Callable<Response>> calls = orders.stream().<Callable<Response>>map(id -> () -> as(chain.adminToken())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("tenders", List.of(Map.of("method", "CASH", "amount", cny(40_000)))))
                    .post("/api/v1/orders/" + id + "/pay")).toList();
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(answers.stream().filter(a -> a.statusCode() == 200).count()).isEqualTo(1);
        assertThat(answers.stream().filter(a -> a.statusCode() == 409
                && a.contentType().startsWith("application/problem+json")).count()).isEqualTo(19);
        String paid = orders.get(answers.indexOf(answers.stream().filter(a -> a.statusCode() == 200).findFirst()
                .orElseThrow()));
        as(chain.adminToken()).get("/api/v1/coupons/" + coupon).then().body("orderId", equalTo(paid));
        for (String id : orders) {
            if (!id.equals(paid)) {
                as(chain.adminToken()).get("/api/v1/orders/" + id).then().body("status", equalTo("DRAFT"))
                        .body("tenders.size()", equalTo(0)).body("paidAt", nullValue());
            }
        }
        as(chain.adminToken()).get("/api/v1/orders?customerId=" + customer + "&status=PAID").then()
                .body("items.size()", equalTo(1));
    }

    @Test
    void aConsultantGiftsWithinHerMonthlyBudgetOnlyAlsoWhenGiftsRace() throws Exception {
        String type = cashType(10_000, 0, "STACKABLE");
        String customer = Sales.customer(chain, "赠券客");
        String staffId = consultant.getString("id");
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String budget = "/api/v1/coupons/gift-budgets/" + staffId + "/" + month;
        gift(customer, type).then().statusCode(422).body("type", containsString("insufficient-balance"));
        as(managerToken).body(Map.of("amount", cny(50_000))).put(budget).then().statusCode(200)
                .body("remaining.amount", equalTo(50_000));
        as(managerToken).body(Map.of("amount", cny(60_000))).put(budget).then().statusCode(428);
        as(managerToken).header("If-Match", "\"99\"").body(Map.of("amount", cny(60_000))).put(budget).then()
                .statusCode(412);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> gift(customer, type).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        as(consultantToken).get(budget).then().statusCode(200).body("used.amount", equalTo(50_000))
                .body("remaining.amount", equalTo(0));
        as(chain.adminToken()).get("/api/v1/coupons?customerId=" + customer).then().body("items.size()", equalTo(5));

        // Voiding a gift gives its value back; the budget cannot be set below what was given.
        String given = as(chain.adminToken()).get("/api/v1/coupons?customerId=" + customer).then().extract()
                .path("items[0].id");
        voidCoupon(given, "客户拒收").then().statusCode(200).body("status", equalTo("VOIDED"));
        voidCoupon(given, "again").then().statusCode(409);
        long version = as(consultantToken).get(budget).then().body("remaining.amount", equalTo(10_000)).extract()
                .jsonPath().getLong("version");
        as(managerToken).header("If-Match", "\"" + version + "\"").body(Map.of("amount", cny(30_000))).put(budget)
                .then().statusCode(422);
        as(managerToken).get("/api/v1/coupons/gift-budgets?month=" + month).then().statusCode(200)
                .body("items.staffId", hasItem(staffId));
        // A consultant only gifts, and sees only her own budget.
        issue(consultantToken, UUID.randomUUID().toString(), customer, type, "CAMPAIGN", null).then()
                .statusCode(403);
        as(consultantToken).get("/api/v1/coupons/gift-budgets/" + chain.adminStaffId() + "/" + month).then()
                .statusCode(403);
    }

    @Test
    void aVoidedDraftReleasesItsCouponAndAFullRefundGivesItBack() {
        String customer = Sales.customer(chain, "退款客");
        String coupon = issueOk(customer, cashType(10_000, 0, "EXCLUSIVE"));
        String voided = draft(customer, List.of(line(facial, 1)), List.of(coupon)).statusCode(201).extract()
                .path("id");
        as(chain.adminToken()).body(Map.of("reason", "客户改主意")).post("/api/v1/orders/" + voided + "/void").then()
                .statusCode(200).body("coupons.size()", equalTo(0));

        JsonPath order = draft(customer, List.of(line(facial, 1), line(botox, 1)), List.of(coupon)).statusCode(201)
                .extract().jsonPath();
        String id = order.getString("id");
        Sales.payCash(chain, id, 190_000).statusCode(200);
        refund(id, 1, order.getLong("lines[0].net.amount")).statusCode(200).body("status",
                equalTo("PARTIALLY_REFUNDED"));
        as(chain.adminToken()).get("/api/v1/coupons/" + coupon).then().body("status", equalTo("REDEEMED"));
        refund(id, 2, order.getLong("lines[1].net.amount")).statusCode(200).body("status", equalTo("REFUNDED"));
        as(chain.adminToken()).get("/api/v1/coupons/" + coupon).then().body("status", equalTo("ISSUED"))
                .body("orderId", nullValue());
        draft(customer, List.of(line(facial, 1)), List.of(coupon)).statusCode(201);
    }

    @Test
    void anExpiredCouponNoLongerAppliesAndTheRunMarksIt() {
        TestClock clock = TestClock.install();
        String type = createType(Map.of("code", Chains.unique("DAY"), "name", "一日券", "kind", "CASH_VOUCHER",
                "amountOff", cny(1_000), "validDays", 1, "stacking", "EXCLUSIVE", "allItems", true));
        String customer = Sales.customer(chain, "过期客");
        String coupon = issueOk(customer, type);
        String order = draft(customer, List.of(line(facial, 1)), List.of(coupon)).statusCode(201).extract()
                .path("id");
        clock.advance(Duration.ofDays(2));
        draft(customer, List.of(line(facial, 1)), List.of(coupon)).statusCode(400)
                .body("errors[0].message", containsString("expired"));
        Sales.payCash(chain, order, 49_000).statusCode(409);
        as(chain.adminToken()).body(Map.of()).post("/api/v1/coupons/expiry-runs").then().statusCode(200);
        as(chain.adminToken()).get("/api/v1/coupons/" + coupon).then().body("status", equalTo("EXPIRED"));
        as(chain.adminToken()).body(Map.of("asOf", "2999-01-01T00:00:00Z")).post("/api/v1/coupons/expiry-runs")
                .then().statusCode(400);
    }

    @Test
    void aBulkIssueGivesTheSegmentOneCouponEachAndSkipsWhoHasOne() {
        String type = cashType(5_000, 0, "STACKABLE");
        String prefix = "Bulk" + Chains.unique("x").substring(1, 7).replaceAll("\\d", "q");
        for (int i = 0; i < 3; i++) {
            Sales.customer(chain, prefix + " " + i);
        }
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("couponTypeId", type, "source", "CAMPAIGN", "sourceRef", "双十二");
        as(managerToken).header("Idempotency-Key", key).queryParam("q", prefix).body(body)
                .post("/api/v1/coupons/bulk-issues").then().statusCode(200).body("matched", equalTo(3))
                .body("issued", equalTo(3)).body("skipped", equalTo(0));
        as(managerToken).header("Idempotency-Key", key).queryParam("q", prefix).body(body)
                .post("/api/v1/coupons/bulk-issues").then().statusCode(200).body("issued", equalTo(3));
        as(managerToken).header("Idempotency-Key", UUID.randomUUID().toString()).queryParam("q", prefix).body(body)
                .post("/api/v1/coupons/bulk-issues").then().statusCode(200).body("issued", equalTo(0))
                .body("skipped", equalTo(3));
        as(chain.adminToken()).get("/api/v1/audit-events?entityType=coupon-type&entityId=" + type).then()
                .statusCode(200).body("items.action", hasItem("coupon.bulk-issued"));
        as(managerToken).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("couponTypeId", type,
                "source", "CONSULTANT_GIFT", "sourceRef", "x")).post("/api/v1/coupons/bulk-issues").then()
                .statusCode(400);
        as(consultantToken).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/v1/coupons/bulk-issues").then().statusCode(403);
    }

    @Test
    void typesAreValidatedVersionedAndArchivable() {
        as(chain.adminToken()).body(Map.of("code", Chains.unique("B"), "name", "坏券", "kind", "DISCOUNT_PERCENT",
                        "amountOff", cny(100), "validDays", 10, "stacking", "EXCLUSIVE", "allItems", true))
                .post("/api/v1/coupons/types").then().statusCode(400)
                .body("errors.field", hasItem("amountOff")).body("errors.field", hasItem("percentOff"));
        as(chain.adminToken()).body(Map.of("code", Chains.unique("B"), "name", "坏券", "kind", "CASH_VOUCHER",
                        "amountOff", cny(100), "stacking", "EXCLUSIVE", "allItems", false))
                .post("/api/v1/coupons/types").then().statusCode(400)
                .body("errors.field", hasItem("validDays")).body("errors.field", hasItem("allItems"));
        as(chain.adminToken()).body(Map.of("code", "bad code")).post("/api/v1/coupons/types").then().statusCode(400);
        String type = cashType(1_000, 0, "EXCLUSIVE");
        String path = "/api/v1/coupons/types/" + type;
        as(chain.adminToken()).body(Map.of("active", false)).patch(path).then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"7\"").body(Map.of("active", false)).patch(path).then()
                .statusCode(412);
        String etag = as(chain.adminToken()).get(path).then().statusCode(200).extract().header("ETag");
        as(chain.adminToken()).header("If-Match", etag).body(Map.of("active", false)).patch(path).then()
                .statusCode(200).body("active", equalTo(false));
        as(managerToken).body(Map.of("name", "x")).header("If-Match", etag).patch(path).then().statusCode(403);
        String customer = Sales.customer(chain, "停用客");
        issue(chain.adminToken(), UUID.randomUUID().toString(), customer, type, "CAMPAIGN", null).then()
                .statusCode(400).body("errors[0].field", equalTo("couponTypeId"));
        issue(chain.adminToken(), UUID.randomUUID().toString(), customer, cashType(1_000, 0, "EXCLUSIVE"),
                "REFERRAL_REWARD", null).then().statusCode(400);
        issue(chain.adminToken(), null, customer, type, "CAMPAIGN", null).then().statusCode(400);
        as(chain.adminToken()).get("/api/v1/coupons?status=NOPE").then().statusCode(400);
    }

    @Test
    void anotherChainSeesNoneOfIt() {
        String type = cashType(1_000, 0, "EXCLUSIVE");
        String customer = Sales.customer(chain, "隔离客");
        String coupon = issueOk(customer, type);
        Chain other = Chains.create();
        as(other.adminToken()).get("/api/v1/coupons/" + coupon).then().statusCode(404);
        as(other.adminToken()).get("/api/v1/coupons/types/" + type).then().statusCode(404);
        as(other.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x"))
                .post("/api/v1/coupons/" + coupon + "/void").then().statusCode(404);
        issue(other.adminToken(), UUID.randomUUID().toString(), customer, type, "CAMPAIGN", null).then()
                .statusCode(400);
        as(other.adminToken()).get("/api/v1/coupons?customerId=" + customer).then().statusCode(200)
                .body("items.size()", equalTo(0));
        as(other.adminToken()).get("/api/v1/coupons/gift-budgets/" + consultant.getString("id") + "/2026-12")
                .then().statusCode(404);
        as(chain.adminToken()).get("/api/v1/coupons/" + coupon).then().statusCode(200).body("status",
                equalTo("ISSUED"));
    }

    private static String cashType(long amountOff, long minSpend, String stacking) {
        return createType(Map.of("code", Chains.unique("CASH"), "name", "现金券" + amountOff, "kind", "CASH_VOUCHER",
                "amountOff", cny(amountOff), "minSpend", cny(minSpend), "validDays", 30, "stacking", stacking,
                "allItems", true));
    }

    private static String createType(Map<String, Object> body) {
        return as(chain.adminToken()).body(body).post("/api/v1/coupons/types").then().statusCode(201)
                .header("ETag", "\"0\"").extract().path("id");
    }

    private static Response issue(String token, String key, String customer, String type, String source,
                                  String sourceRef) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "couponTypeId", type,
                "source", source));
        if (sourceRef != null) {
            body.put("sourceRef", sourceRef);
        }
        var request = as(token).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/coupons");
    }

    private static String issueOk(String customer, String type) {
        return issue(chain.adminToken(), UUID.randomUUID().toString(), customer, type, "CAMPAIGN", null).then()
                .statusCode(201).extract().path("id");
    }

    private static Response gift(String customer, String type) {
        return issue(consultantToken, UUID.randomUUID().toString(), customer, type, "CONSULTANT_GIFT", null);
    }

    private static Response voidCoupon(String coupon, String reason) {
        return as(managerToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", reason)).post("/api/v1/coupons/" + coupon + "/void");
    }

    private static io.restassured.response.ValidatableResponse draft(String customer, List<Map<String, Object>> lines,
                                                                      List<String> coupons) {
        return as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic, "lines", lines,
                "couponIds", coupons)).post("/api/v1/orders").then();
    }

    private static io.restassured.response.ValidatableResponse refund(String order, int lineNo, long amount) {
        return as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "不满意", "lines", List.of(Map.of("lineNo", lineNo, "amount", cny(amount)))))
                .post("/api/v1/orders/" + order + "/refunds").then();
    }
}
