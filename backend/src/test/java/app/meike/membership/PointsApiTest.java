package app.meike.membership;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import app.meike.tenancy.TenantContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PointsApiTest extends ApiTest {
    @Inject
    PointsForOrders orders;
    @Inject
    TenantContext tenantContext;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    PointsExpiryJob expiryJob;

    static String customer(Chain chain) {
        String phone = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return as(chain.adminToken()).body(Map.of("name", "积分客户", "phone", phone, "source", "WALK_IN"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static Response adjust(String token, String customer, long points, String key) {
        return as(token).header("Idempotency-Key", key).body(Map.of("points", points, "reason", "test"))
                .post("/api/v1/points/accounts/" + customer + "/adjustments");
    }

    static String seed(Chain chain, String customer, long points) {
        return adjust(chain.adminToken(), customer, points, UUID.randomUUID().toString()).then().statusCode(201)
                .extract().path("id");
    }

    static Response redeem(String token, String customer, long points, String key) {
        return as(token).header("Idempotency-Key", key)
                .body(Map.of("points", points, "giftDescription", "玻尿酸面膜"))
                .post("/api/v1/points/accounts/" + customer + "/redemptions");
    }

    static long balance(Chain chain, String customer) {
        return as(chain.adminToken()).get("/api/v1/points/accounts/" + customer).then().statusCode(200)
                .extract().jsonPath().getLong("balance");
    }

    /** Runs ledger work the way orders do: in a transaction, for the chain. */
    <T> T forChain(Chain chain, Supplier<T> work) {
        return tenantContext.callAs(chain.id(), () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    static Map<String, Object> rules(String policy, Integer months, boolean allowTender) {
        Map<String, Object> expiry = new HashMap<>();
        expiry.put("policy", policy);
        if (months != null) {
            expiry.put("months", months);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("earnRate", 2.5);
        body.put("redeemPoints", 100);
        body.put("redeemAmount", Map.of("amount", 100, "currency", "CNY"));
        body.put("allowTender", allowTender);
        body.put("expiry", expiry);
        body.put("reminderDays", 30);
        return body;
    }

    static void putRules(Chain chain, Map<String, Object> body) {
        String etag = as(chain.adminToken()).get("/api/v1/points/rules").then().statusCode(200).extract().header("ETag");
        as(chain.adminToken()).header("If-Match", etag).body(body).put("/api/v1/points/rules").then().statusCode(200);
    }

    @Test
    void everyChainStartsWithDefaultRulesThatTheAdminReplacesUnderItsETag() {
        Chain chain = Chains.create();
        as(Chains.staffToken(chain, "clinician")).get("/api/v1/points/rules").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("earnRate", equalTo(1.0f), "redeemPoints", equalTo(100), "redeemAmount.amount", equalTo(100))
                .body("redeemAmount.currency", equalTo("CNY"), "allowTender", equalTo(true))
                .body("expiry.policy", equalTo("END_OF_NEXT_YEAR"), "reminderDays", equalTo(30));
        Map<String, Object> body = rules("AFTER_MONTHS", 18, false);
        as(chain.adminToken()).body(body).put("/api/v1/points/rules").then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"7\"").body(body).put("/api/v1/points/rules").then()
                .statusCode(412);
        as(Chains.staffToken(chain, "manager")).header("If-Match", "\"0\"").body(body).put("/api/v1/points/rules")
                .then().statusCode(403);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(body).put("/api/v1/points/rules").then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("earnRate", equalTo(2.5f), "allowTender", equalTo(false))
                .body("expiry.policy", equalTo("AFTER_MONTHS"), "expiry.months", equalTo(18));
        as(chain.adminToken()).queryParam("entityType", "settings").get("/api/v1/audit-events").then()
                .statusCode(200).body("items[0].action", equalTo("points-rules.updated"))
                .body("items[0].changes.expiryMonths.to", equalTo(18));
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        Chain chain = Chains.create();
        Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
        Map<String, Object> negativeRate = rules("END_OF_NEXT_YEAR", null, true);
        negativeRate.put("earnRate", -1);
        cases.put(negativeRate, "earnRate");
        Map<String, Object> tooPrecise = rules("END_OF_NEXT_YEAR", null, true);
        tooPrecise.put("earnRate", 1.234);
        cases.put(tooPrecise, "earnRate");
        Map<String, Object> badPolicy = rules("NEVER", null, true);
        cases.put(badPolicy, "expiry.policy");
        cases.put(rules("AFTER_MONTHS", null, true), "expiry.months");
        cases.put(rules("END_OF_NEXT_YEAR", 12, true), "expiry.months");
        Map<String, Object> zeroPoints = rules("END_OF_NEXT_YEAR", null, true);
        zeroPoints.put("redeemPoints", 0);
        cases.put(zeroPoints, "redeemPoints");
        Map<String, Object> otherCurrency = rules("END_OF_NEXT_YEAR", null, true);
        otherCurrency.put("redeemAmount", Map.of("amount", 100, "currency", "USD"));
        cases.put(otherCurrency, "redeemAmount.currency");
        Map<String, Object> free = rules("END_OF_NEXT_YEAR", null, true);
        free.put("redeemAmount", Map.of("amount", 0, "currency", "CNY"));
        cases.put(free, "redeemAmount.amount");
        Map<String, Object> noReminder = rules("END_OF_NEXT_YEAR", null, true);
        noReminder.remove("reminderDays");
        cases.put(noReminder, "reminderDays");
        cases.forEach((body, field) -> as(chain.adminToken()).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/points/rules").then().statusCode(400).body("errors.field", org.hamcrest.Matchers
                        .hasItem(field)));
        as(chain.adminToken()).get("/api/v1/points/rules").then().header("ETag", "\"0\"");
    }

    @Test
    void adjustmentsAddLotsAndTakeOldestFirstButNeverOverdraw() {
        Chain chain = Chains.create();
        String customer = customer(chain);
        String manager = Chains.staffToken(chain, "manager");
        as(manager).get("/api/v1/points/accounts/" + customer).then().statusCode(200)
                .body("balance", equalTo(0), "lots", hasSize(0), "value.amount", equalTo(0));
        adjust(manager, customer, 300, UUID.randomUUID().toString()).then().statusCode(201)
                .body("kind", equalTo("ADJUST"), "points", equalTo(300), "balanceAfter", equalTo(300))
                .body("reason", equalTo("test"), "allocations", hasSize(1));
        seed(chain, customer, 500);
        JsonPath taken = adjust(manager, customer, -400, UUID.randomUUID().toString()).then().statusCode(201)
                .body("points", equalTo(-400), "balanceAfter", equalTo(400)).extract().jsonPath();
        assertThat(taken.getList("allocations.points", Integer.class)).containsExactly(-300, -100);
        adjust(manager, customer, -401, UUID.randomUUID().toString()).then().statusCode(422)
                .body("type", containsString("business-rule"));
        as(manager).get("/api/v1/points/accounts/" + customer).then().statusCode(200)
                .body("balance", equalTo(400), "value.amount", equalTo(400), "value.currency", equalTo("CNY"))
                .body("lots", hasSize(1), "lots[0].points", equalTo(500), "lots[0].remaining", equalTo(400))
                .body("lots[0].source", equalTo("ADJUSTMENT"), "expiringSoon.points", equalTo(0));
        adjust(Chains.staffToken(chain, "consultant"), customer, 5, UUID.randomUUID().toString()).then()
                .statusCode(403);
        adjust(manager, UUID.randomUUID().toString(), 5, UUID.randomUUID().toString()).then().statusCode(404);
        as(chain.adminToken()).queryParam("entityType", "customer").queryParam("entityId", customer)
                .get("/api/v1/audit-events").then().statusCode(200).body("items", hasSize(4))
                .body("items[0].action", equalTo("points.adjusted"));
    }

    @Test
    void badAdjustmentsAndRedemptionsAreRefusedNamingTheField() {
        Chain chain = Chains.create();
        String customer = customer(chain);
        String path = "/api/v1/points/accounts/" + customer;
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 0, "reason", "x")).post(path + "/adjustments").then().statusCode(400)
                .body("errors[0].field", equalTo("points"));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 10)).post(path + "/adjustments").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 10, "reason", "  ")).post(path + "/adjustments").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(chain.adminToken()).body(Map.of("points", 10, "reason", "x")).post(path + "/adjustments").then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", -5, "giftDescription", "x")).post(path + "/redemptions").then()
                .statusCode(400).body("errors[0].field", equalTo("points"));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 0, "giftDescription", "x")).post(path + "/redemptions").then()
                .statusCode(400).body("errors[0].field", equalTo("points"));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 5)).post(path + "/redemptions").then()
                .statusCode(400).body("errors[0].field", equalTo("giftDescription"));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 5, "giftItemId", UUID.randomUUID().toString())).post(path + "/redemptions")
                .then().statusCode(400).body("errors[0].field", equalTo("giftItemId"));
        as(chain.adminToken()).get("/api/v1/points/accounts/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
        as(chain.adminToken()).queryParam("withinDays", 0).get("/api/v1/points/expiring").then().statusCode(400)
                .body("errors[0].field", equalTo("withinDays"));
        as(chain.adminToken()).body(Map.of("asOf", OffsetDateTime.now().plusDays(1).toString()))
                .post("/api/v1/points/expiry-runs").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void giftRedemptionsTakeOldestLotsFirstPartiallyAndRefuseAShortBalance() {
        Chain chain = Chains.create();
        String customer = customer(chain);
        String item = as(chain.adminToken()).body(Map.of("code", Chains.unique("GIFT"), "name", "面膜礼盒",
                        "category", "SKIN", "listPrice", Map.of("amount", 5000, "currency", "CNY"),
                        "durationMinutes", 10, "allClinics", true))
                .post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
        String older = seed(chain, customer, 100);
        seed(chain, customer, 200);
        String desk = Chains.staffToken(chain, "front-desk");
        JsonPath gift = as(desk).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 150, "giftItemId", item, "note", "生日礼"))
                .post("/api/v1/points/accounts/" + customer + "/redemptions").then().statusCode(201)
                .body("kind", equalTo("REDEEM"), "points", equalTo(-150), "balanceAfter", equalTo(150))
                .body("giftItemId", equalTo(item), "reason", equalTo("生日礼")).extract().jsonPath();
        assertThat(gift.getList("allocations.points", Integer.class)).containsExactly(-100, -50);
        redeem(desk, customer, 151, UUID.randomUUID().toString()).then().statusCode(422);
        redeem(Chains.staffToken(chain, "clinician"), customer, 1, UUID.randomUUID().toString()).then()
                .statusCode(403);
        redeem(desk, customer, 150, UUID.randomUUID().toString()).then().statusCode(201)
                .body("balanceAfter", equalTo(0));
        JsonPath entries = as(desk).get("/api/v1/points/accounts/" + customer + "/entries").then().statusCode(200)
                .extract().jsonPath();
        assertThat(entries.getList("items.kind", String.class)).containsExactly("REDEEM", "REDEEM", "ADJUST",
                "ADJUST");
        assertThat(entries.getList("items.balanceAfter", Integer.class)).containsExactly(0, 150, 300, 100);
        assertThat(entries.getString("items[3].allocations[0].lotId")).isNotNull();
        assertThat(older).isEqualTo(entries.getString("items[3].id"));
    }

    @Test
    void theLedgerPagesNewestFirst() {
        Chain chain = Chains.create();
        String customer = customer(chain);
        for (int i = 1; i <= 5; i++) {
            seed(chain, customer, i);
        }
        String path = "/api/v1/points/accounts/" + customer + "/entries";
        JsonPath first = as(chain.adminToken()).queryParam("limit", 2).get(path).then().statusCode(200).extract()
                .jsonPath();
        assertThat(first.getList("items.points", Integer.class)).containsExactly(5, 4);
        JsonPath second = as(chain.adminToken()).queryParam("limit", 2).queryParam("cursor",
                first.getString("nextCursor")).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.balanceAfter", Integer.class)).containsExactly(6, 3);
        JsonPath last = as(chain.adminToken()).queryParam("limit", 2).queryParam("cursor",
                second.getString("nextCursor")).get(path).then().statusCode(200).extract().jsonPath();
        assertThat(last.getList("items.points", Integer.class)).containsExactly(1);
        assertThat(last.getString("nextCursor")).isNull();
        as(chain.adminToken()).get("/api/v1/points/accounts/" + UUID.randomUUID() + "/entries").then()
                .statusCode(404);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        Chain chain = Chains.create();
        String customer = customer(chain);
        seed(chain, customer, 100);
        String key = UUID.randomUUID().toString();
        String first = redeem(chain.adminToken(), customer, 40, key).then().statusCode(201).extract().path("id");
        redeem(chain.adminToken(), customer, 40, key).then().statusCode(201).body("id", equalTo(first))
                .body("balanceAfter", equalTo(60));
        redeem(chain.adminToken(), customer, 41, key).then().statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        String adjustKey = UUID.randomUUID().toString();
        String adjusted = adjust(chain.adminToken(), customer, 5, adjustKey).then().statusCode(201).extract()
                .path("id");
        adjust(chain.adminToken(), customer, 5, adjustKey).then().statusCode(201).body("id", equalTo(adjusted));
        adjust(chain.adminToken(), customer, 6, adjustKey).then().statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        assertThat(balance(chain, customer)).isEqualTo(65);
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer + "/entries").then().statusCode(200)
                .body("items", hasSize(3));
    }

    @Test
    void fiftyParallelRedemptionsNeverOverspend() throws Exception {
        Chain chain = Chains.create();
        String customer = customer(chain);
        seed(chain, customer, 400);
        seed(chain, customer, 600);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Callable<Integer> attempt = () -> redeem(chain.adminToken(), customer, 30, UUID.randomUUID().toString())
                    .statusCode();
            answers.add(pool.submit(attempt));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(33);
        assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(17);
        assertThat(balance(chain, customer)).isEqualTo(10);
        assertThat(ledgerMismatches(chain)).isEmpty();
    }

    /** Accounts of the chain whose balance is not the sum of their entries or of their lots' remaining points. */
    List<String> ledgerMismatches(Chain chain) {
        return forChain(chain, () -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT a.customer_id FROM points_account a"
                         + " WHERE a.balance <> (SELECT coalesce(sum(e.points), 0) FROM points_entry e"
                         + "   WHERE e.tenant_id = a.tenant_id AND e.customer_id = a.customer_id)"
                         + " OR a.balance <> (SELECT coalesce(sum(l.remaining), 0) FROM points_lot l"
                         + "   WHERE l.tenant_id = a.tenant_id AND l.customer_id = a.customer_id)"
                         + " OR a.balance <> coalesce((SELECT e.balance_after FROM points_entry e"
                         + "   WHERE e.tenant_id = a.tenant_id AND e.customer_id = a.customer_id"
                         + "   ORDER BY e.id DESC LIMIT 1), 0)");
                 ResultSet rows = s.executeQuery()) {
                List<String> wrong = new ArrayList<>();
                while (rows.next()) {
                    wrong.add(rows.getString(1));
                }
                return wrong;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theLedgerIsAppendOnly() {
        Chain chain = Chains.create();
        String customer = customer(chain);
        seed(chain, customer, 10);
        for (String sql : List.of("UPDATE points_entry SET points = 1000", "DELETE FROM points_entry",
                "DELETE FROM points_allocation")) {
            assertThatThrownBy(() -> forChain(chain, () -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                    return s.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            })).hasRootCauseInstanceOf(SQLException.class);
        }
        assertThat(balance(chain, customer)).isEqualTo(10);
    }

    @Test
    void lotsExpireAsOfTheirDateOncePerLot() {
        Chain chain = Chains.create();
        String customer = customer(chain);
        UUID customerId = UUID.fromString(customer);
        // Earned on 10 June 2024 in Shanghai: usable until the end of 2025.
        OffsetDateTime earnedAt = OffsetDateTime.parse("2024-06-10T10:00:00+08:00");
        seed(chain, customer, 50);
        assertThat(forChain(chain, () -> orders.earnForOrder(customerId, UUID.randomUUID(), 12_345,
                BigDecimal.ONE, earnedAt))).isEqualTo(123);
        as(chain.adminToken()).body(Map.of("asOf", "2025-12-31T23:59:59+08:00")).post("/api/v1/points/expiry-runs")
                .then().statusCode(200).body("lots", equalTo(0), "points", equalTo(0), "customers", equalTo(0));
        as(Chains.staffToken(chain, "manager")).body(Map.of()).post("/api/v1/points/expiry-runs").then()
                .statusCode(403);
        as(chain.adminToken()).body(Map.of("asOf", "2026-01-01T00:00:00+08:00")).post("/api/v1/points/expiry-runs")
                .then().statusCode(200).body("lots", equalTo(1), "points", equalTo(123), "customers", equalTo(1))
                .body("asOf", containsString("2025-12-31T16:00"));
        as(chain.adminToken()).contentType("application/json").post("/api/v1/points/expiry-runs").then()
                .statusCode(200).body("lots", equalTo(0));
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer).then().statusCode(200)
                .body("balance", equalTo(50), "lots", hasSize(1));
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer + "/entries").then().statusCode(200)
                .body("items.kind", equalTo(List.of("EXPIRE", "EARN", "ADJUST")))
                .body("items[0].points", equalTo(-123), "items[0].actorId", equalTo("system"));
        assertThat(ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void readingAnAccountExpiresItsDueLotsFirst() {
        Chain chain = Chains.create();
        String customer = customer(chain);
        forChain(chain, () -> orders.earnForOrder(UUID.fromString(customer), UUID.randomUUID(), 10_000,
                BigDecimal.ONE, OffsetDateTime.now(ZoneOffset.UTC).minusYears(3)));
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer).then().statusCode(200)
                .body("balance", equalTo(0), "lots", hasSize(0));
        redeem(chain.adminToken(), customer, 1, UUID.randomUUID().toString()).then().statusCode(422);
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer + "/entries").then().statusCode(200)
                .body("items.kind", equalTo(List.of("EXPIRE", "EARN")));
    }

    @Test
    void pointsExpiringSoonAreListedPerCustomerAndTenantWide() {
        Chain chain = Chains.create();
        putRules(chain, rules("AFTER_MONTHS", 1, true));
        UUID clinic = Chains.clinic(chain, "提醒店");
        String phone = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String atClinic = as(chain.adminToken()).body(Map.of("name", "快过期", "phone", phone, "source", "WALK_IN",
                "homeClinicId", clinic.toString())).post("/api/v1/customers").then().statusCode(201).extract()
                .path("id");
        String elsewhere = customer(chain);
        String later = customer(chain);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        forChain(chain, () -> {
            orders.earnForOrder(UUID.fromString(atClinic), UUID.randomUUID(), 10_000, BigDecimal.ONE,
                    now.minusMonths(1).plusDays(5));
            orders.earnForOrder(UUID.fromString(atClinic), UUID.randomUUID(), 20_000, BigDecimal.ONE,
                    now.minusMonths(1).plusDays(8));
            orders.earnForOrder(UUID.fromString(elsewhere), UUID.randomUUID(), 5_000, BigDecimal.ONE,
                    now.minusMonths(1).plusDays(3));
            return orders.earnForOrder(UUID.fromString(later), UUID.randomUUID(), 5_000, BigDecimal.ONE, now);
        });
        as(chain.adminToken()).get("/api/v1/points/accounts/" + atClinic).then().statusCode(200)
                .body("balance", equalTo(750), "expiringSoon.withinDays", equalTo(30))
                .body("expiringSoon.points", equalTo(750), "lots", hasSize(2));
        JsonPath within10 = as(Chains.staffToken(chain, "front-desk")).queryParam("withinDays", 10)
                .get("/api/v1/points/expiring").then().statusCode(200).extract().jsonPath();
        assertThat(within10.getList("items.customerId", String.class)).containsExactly(elsewhere, atClinic);
        assertThat(within10.getList("items.points", Integer.class)).containsExactly(125, 750);
        JsonPath within6 = as(chain.adminToken()).queryParam("withinDays", 6).get("/api/v1/points/expiring").then()
                .statusCode(200).extract().jsonPath();
        assertThat(within6.getList("items.points", Integer.class)).containsExactly(125, 250);
        as(chain.adminToken()).queryParam("withinDays", 10).queryParam("clinicId", clinic.toString())
                .get("/api/v1/points/expiring").then().statusCode(200)
                .body("items.customerId", equalTo(List.of(atClinic)), "items[0].homeClinicId",
                        equalTo(clinic.toString()), "items[0].customerName", equalTo("快过期"));
        JsonPath page1 = as(chain.adminToken()).queryParam("limit", 1).queryParam("withinDays", 10)
                .get("/api/v1/points/expiring").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.customerId", String.class)).containsExactly(elsewhere);
        as(chain.adminToken()).queryParam("limit", 1).queryParam("withinDays", 10)
                .queryParam("cursor", page1.getString("nextCursor")).get("/api/v1/points/expiring").then().statusCode(200)
                .body("items.customerId", equalTo(List.of(atClinic)), "nextCursor", nullValue());
    }

    @Test
    void ordersEarnOncePerOrderRedeemAndAreReversedWithoutGoingNegative() {
        Chain chain = Chains.create();
        putRules(chain, rules("END_OF_NEXT_YEAR", null, true));
        UUID customer = UUID.fromString(customer(chain));
        UUID order = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // 1,234.56 yuan x 2.5 points per yuan x 1.5 = 4629.6 -> 4629
        assertThat(forChain(chain, () -> orders.earnForOrder(customer, order, 123_456, new BigDecimal("1.5"), now)))
                .isEqualTo(4629);
        assertThat(forChain(chain, () -> orders.earnForOrder(customer, order, 123_456, new BigDecimal("1.5"), now)))
                .isEqualTo(4629);
        assertThat(balance(chain, customer.toString())).isEqualTo(4629);
        assertThat(forChain(chain, () -> orders.pointsToPay(1001))).isEqualTo(1001);
        assertThat(forChain(chain, () -> orders.valueOf(4629))).isEqualTo(4629);
        UUID otherOrder = UUID.randomUUID();
        forChain(chain, () -> {
            orders.redeemForOrder(customer, otherOrder, 4000, now);
            return null;
        });
        assertThatThrownBy(() -> forChain(chain, () -> {
            orders.redeemForOrder(customer, otherOrder, 630, now);
            return null;
        })).hasMessageContaining("629 points");
        seed(chain, customer.toString(), 100);
        UUID refund = UUID.randomUUID();
        // 729 left (629 of the order's lot, 100 adjusted): 1000 wanted back, 271 short.
        assertThat(forChain(chain, () -> orders.reverseEarned(customer, order, refund, 1000, now))).isEqualTo(271);
        assertThat(forChain(chain, () -> orders.reverseEarned(customer, order, refund, 1000, now))).isEqualTo(271);
        assertThat(balance(chain, customer.toString())).isZero();
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer + "/entries").then().statusCode(200)
                .body("items[0].kind", equalTo("REVERSE"), "items[0].points", equalTo(-729))
                .body("items[0].allocations", hasSize(2), "items[0].balanceAfter", equalTo(0))
                .body("items[0].reason", containsString("271"));
        UUID returned = UUID.randomUUID();
        forChain(chain, () -> {
            orders.restoreRedeemed(customer, otherOrder, returned, 1500, now);
            orders.restoreRedeemed(customer, otherOrder, returned, 1500, now);
            return null;
        });
        assertThat(balance(chain, customer.toString())).isEqualTo(1500);
        assertThatThrownBy(() -> forChain(chain, () -> {
            orders.restoreRedeemed(customer, otherOrder, UUID.randomUUID(), 2501, now);
            return null;
        })).hasMessageContaining("2500");
        assertThat(ledgerMismatches(chain)).isEmpty();
        putRules(chain, rules("END_OF_NEXT_YEAR", null, false));
        assertThatThrownBy(() -> forChain(chain, () -> orders.pointsToPay(100))).hasMessageContaining("tender");
        assertThat(forChain(chain, () -> orders.valueOf(250))).isEqualTo(250);
    }

    @Test
    void restoringIntoALotThatExpiredMeanwhileGivesANewLot() {
        Chain chain = Chains.create();
        UUID customer = UUID.fromString(customer(chain));
        OffsetDateTime longAgo = OffsetDateTime.parse("2023-03-01T10:00:00+08:00");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID paid = UUID.randomUUID();
        forChain(chain, () -> {
            orders.earnForOrder(customer, UUID.randomUUID(), 50_000, BigDecimal.ONE, longAgo);
            orders.redeemForOrder(customer, paid, 300, longAgo.plusDays(1));
            return null;
        });
        forChain(chain, () -> {
            orders.restoreRedeemed(customer, paid, UUID.randomUUID(), 300, now);
            return null;
        });
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer).then().statusCode(200)
                .body("balance", equalTo(300), "lots", hasSize(1), "lots[0].source", equalTo("RESTORE"))
                .body("lots[0].remaining", equalTo(300));
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer + "/entries").then().statusCode(200)
                .body("items.kind", equalTo(List.of("RESTORE", "EXPIRE", "REDEEM", "EARN")))
                .body("items[1].points", equalTo(-200));
        assertThat(ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void aMergedDuplicatesPointsMoveToTheSurvivorKeepingTheirExpiry() {
        Chain chain = Chains.create();
        String survivor = customer(chain);
        String duplicate = customer(chain);
        seed(chain, survivor, 10);
        OffsetDateTime earnedAt = OffsetDateTime.parse("2026-02-01T10:00:00+08:00");
        forChain(chain, () -> orders.earnForOrder(UUID.fromString(duplicate), UUID.randomUUID(), 30_000,
                BigDecimal.ONE, earnedAt));
        redeem(chain.adminToken(), duplicate, 100, UUID.randomUUID().toString()).then().statusCode(201);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
        as(chain.adminToken()).get("/api/v1/points/accounts/" + survivor).then().statusCode(200)
                .body("balance", equalTo(210), "lots", hasSize(2))
                .body("lots[0].remaining", equalTo(200), "lots[0].expiresAt", containsString("2027-12-31T16:00"));
        as(chain.adminToken()).get("/api/v1/points/accounts/" + duplicate).then().statusCode(200)
                .body("balance", equalTo(0));
        as(chain.adminToken()).get("/api/v1/points/accounts/" + duplicate + "/entries").then().statusCode(200)
                .body("items[0].kind", equalTo("ADJUST"), "items[0].points", equalTo(-200))
                .body("items[0].reason", containsString(survivor));
        adjust(chain.adminToken(), duplicate, 5, UUID.randomUUID().toString()).then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
        assertThat(ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void theDailyJobExpiresDueLotsOfEveryChain() {
        Chain chain = Chains.create();
        String customer = customer(chain);
        forChain(chain, () -> orders.earnForOrder(UUID.fromString(customer), UUID.randomUUID(), 7_000,
                BigDecimal.ONE, OffsetDateTime.now(ZoneOffset.UTC).minusYears(3)));
        expiryJob.expireDueLots();
        // Listing entries never expires anything itself: the EXPIRE entry is the job's.
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer + "/entries").then().statusCode(200)
                .body("items.kind", equalTo(List.of("EXPIRE", "EARN")), "items[0].points", equalTo(-70))
                .body("items[0].requestId", nullValue());
    }
}
