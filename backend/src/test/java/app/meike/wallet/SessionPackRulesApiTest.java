package app.meike.wallet;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Packs;
import app.meike.support.Sales;
import app.meike.support.TestClock;
import app.meike.support.Tokens;
import app.meike.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.meike.support.Packs.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The rules a redemption obeys (count, expiry, interval, clinics, parallel callers), freezing, liabilities. */
@QuarkusTest
class SessionPackRulesApiTest extends ApiTest {
    static Chain chain;
    static UUID clinicA;
    static UUID clinicB;
    static String hydra;
    static String photo;
    static String onlyAtA;
    static JsonPath clinicianA;
    static JsonPath clinicianB;
    static String manager;

    @Inject
    TenantContext tenantContext;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void aChainWithTwoClinics() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinicA = Chains.clinic(chain, "A 店");
        clinicB = Chains.clinic(chain, "B 店");
        hydra = Sales.item(chain, "水光针", "SKIN", 280_000);
        photo = Sales.item(chain, "光子嫩肤", "SKIN", 150_000);
        // Four water-light sessions at least 28 days apart, within 60 days, at clinic A only.
        onlyAtA = Packs.template(chain, List.of(item(hydra, 4, 28)), 1_000_000, 60, List.of(clinicA))
                .getString("id");
        clinicianA = Chains.staff(chain, List.of("clinician"), List.of(clinicA));
        clinicianB = Chains.staff(chain, List.of("clinician"), List.of(clinicB));
        manager = Chains.staffToken(chain, "manager");
    }

    static String limitedToken(JsonPath staff, UUID clinic, String role) {
        return Tokens.withClinics(staff.getString("userId"), chain.id(), List.of(clinic), role);
    }

    static Response redeem(String token, String packId, String visit, JsonPath clinician) {
        return Packs.redeem(as(token), packId, hydra, visit, clinician.getString("id"), UUID.randomUUID().toString());
    }

    static ValidatableResponse pack(String packId) {
        return as(chain.adminToken()).get("/api/v1/session-packs/" + packId).then().statusCode(200);
    }

    static Response act(String token, String packId, String action, Map<String, Object> body) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/v1/session-packs/" + packId + "/" + action);
    }

    @Test
    void expiryIntervalsAndFreezingFollowTheClock() {
        TestClock clock = TestClock.install();
        String customer = Sales.customer(chain, "按时来");
        String packId = Packs.pack(chain, customer, clinicA, onlyAtA);
        String visit = Packs.visit(chain, customer, clinicA);
        String byA = limitedToken(clinicianA, clinicA, "clinician");
        redeem(byA, packId, visit, clinicianA).then().statusCode(201);
        redeem(byA, packId, visit, clinicianA).then().statusCode(422).body("detail", containsString("28 days"));
        Map<String, Object> sooner = Map.of("itemId", hydra, "visitId", visit, "clinicianId",
                clinicianA.getString("id"), "intervalOverrideReason", "客户下周出国");
        as(Chains.staffToken(chain, "front-desk")).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(sooner).post("/api/v1/session-packs/" + packId + "/redemptions").then().statusCode(403);
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(sooner)
                .post("/api/v1/session-packs/" + packId + "/redemptions").then().statusCode(201)
                .body("entry.intervalOverrideReason", equalTo("客户下周出国"), "pack.remaining", equalTo(2));

        clock.advance(Duration.ofDays(29));
        redeem(byA, packId, visit, clinicianA).then().statusCode(201).body("pack.remaining", equalTo(1));

        clock.advance(Duration.ofDays(32));
        OffsetDateTime expiry = OffsetDateTime.parse(pack(packId).body("status", equalTo("EXPIRED")).extract()
                .path("expiresAt"));
        redeem(byA, packId, visit, clinicianA).then().statusCode(422).body("detail", containsString("expired"));
        act(manager, packId, "freeze", Map.of("reason", "x")).then().statusCode(422);
        as(chain.adminToken()).queryParam("customerId", customer).queryParam("status", "EXPIRED")
                .get("/api/v1/session-packs").then().body("items.id", equalTo(List.of(packId)));
        act(manager, packId, "extend", Map.of("days", 30, "reason", "闭店补偿")).then().statusCode(200)
                .body("entry.kind", equalTo("EXTEND"), "pack.status", equalTo("ACTIVE"));
        assertThat(OffsetDateTime.parse(pack(packId).extract().path("expiresAt"))).isEqualTo(expiry.plusDays(30));

        act(manager, packId, "freeze", Map.of("reason", "怀孕暂停")).then().statusCode(200)
                .body("pack.status", equalTo("FROZEN"), "entry.kind", equalTo("FREEZE"));
        act(manager, packId, "freeze", Map.of("reason", "again")).then().statusCode(409);
        redeem(byA, packId, visit, clinicianA).then().statusCode(409);
        clock.advance(Duration.ofDays(10));
        JsonPath unfrozen = act(manager, packId, "unfreeze", Map.of("reason", "恢复")).then().statusCode(200)
                .body("pack.status", equalTo("ACTIVE"), "pack.frozenAt", equalTo(null)).extract().jsonPath();
        Duration moved = Duration.between(OffsetDateTime.parse(unfrozen.getString("entry.previousExpiresAt")),
                OffsetDateTime.parse(unfrozen.getString("entry.expiresAt")));
        assertThat(moved).isBetween(Duration.ofDays(10), Duration.ofDays(10).plusSeconds(30));
        act(manager, packId, "unfreeze", Map.of("reason", "again")).then().statusCode(409);
        redeem(byA, packId, visit, clinicianA).then().statusCode(201)
                .body("pack.status", equalTo("USED_UP"), "pack.nextDueAt", equalTo(null));
        as(chain.adminToken()).get("/api/v1/session-packs/" + packId + "/entries").then()
                .body("items.kind", equalTo(List.of("REDEEM", "UNFREEZE", "FREEZE", "EXTEND", "REDEEM", "REDEEM",
                        "REDEEM", "ISSUE")));
    }

    @Test
    void staffLimitedToAClinicSeeAndRedeemOnlyWhatTheirClinicMay() {
        String customer = Sales.customer(chain, "两家店");
        String packId = Packs.pack(chain, customer, clinicA, onlyAtA);
        String visitAtB = Packs.visit(chain, customer, clinicB);
        String byB = limitedToken(clinicianB, clinicB, "clinician");
        as(byB).get("/api/v1/session-packs/" + packId).then().statusCode(404);
        as(byB).queryParam("customerId", customer).get("/api/v1/session-packs").then().body("items", empty());
        redeem(chain.adminToken(), packId, visitAtB, clinicianB).then().statusCode(422)
                .body("detail", containsString("cannot be redeemed"));
        redeem(limitedToken(clinicianA, clinicA, "clinician"), packId, visitAtB, clinicianB).then().statusCode(403);
        redeem(chain.adminToken(), packId, Packs.visit(chain, customer, clinicA), clinicianB).then()
                .statusCode(400).body("errors.field", equalTo(List.of("clinicianId")));

        String everywhere = Packs.template(chain, List.of(item(photo, 2, null)), 200_000, 365).getString("id");
        String shared = Packs.pack(chain, customer, clinicA, everywhere);
        String atBoth = Packs.template(chain, List.of(item(photo, 1, null)), 100_000, 365, List.of(clinicA, clinicB))
                .getString("id");
        String soldAtA = Packs.pack(chain, customer, clinicA, atBoth);
        as(byB).get("/api/v1/session-packs/" + shared).then().statusCode(200);
        as(byB).get("/api/v1/session-packs/" + soldAtA).then().statusCode(200);
        as(byB).queryParam("customerId", customer).get("/api/v1/session-packs").then()
                .body("items.id", equalTo(List.of(soldAtA, shared)));
        as(byB).queryParam("customerId", customer).queryParam("clinicId", clinicA.toString())
                .get("/api/v1/session-packs").then().body("items.id", equalTo(List.of(soldAtA, shared)));
        as(chain.adminToken()).queryParam("customerId", customer).queryParam("clinicId", clinicB.toString())
                .get("/api/v1/session-packs").then().body("items.id", equalTo(List.of(soldAtA, shared)));
        Packs.redeem(as(byB), shared, photo, visitAtB, clinicianB.getString("id"), UUID.randomUUID().toString())
                .then().statusCode(201).body("entry.clinicId", equalTo(clinicB.toString()));
        JsonPath managerOfB = Chains.staff(chain, List.of("manager"), List.of(clinicB));
        act(limitedToken(managerOfB, clinicB, "manager"), shared, "refund", Map.of("reason", "x")).then()
                .statusCode(403);
        pack(shared).body("remaining", equalTo(1), "status", equalTo("ACTIVE"));
    }

    @Test
    void fiftyParallelRedemptionsOfAThreeSessionPackTakeExactlyThree() throws Exception {
        String three = Packs.template(chain, List.of(item(photo, 3, null)), 300_000, 365).getString("id");
        String customer = Sales.customer(chain, "并发");
        String packId = Packs.pack(chain, customer, clinicA, three);
        String visit = Packs.visit(chain, customer, clinicA);
        String byA = limitedToken(clinicianA, clinicA, "clinician");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Response> answers = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> Packs.redeem(as(byA), packId, photo, visit, clinicianA.getString("id"),
                        UUID.randomUUID().toString()));
            }
            for (Future<Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(3);
        assertThat(answers.stream().filter(a -> a.statusCode() != 201))
                .hasSize(47)
                .allSatisfy(a -> {
                    assertThat(a.statusCode()).isIn(409, 422);
                    assertThat(a.contentType()).startsWith("application/problem+json");
                });
        pack(packId).body("remaining", equalTo(0), "status", equalTo("USED_UP"), "items[0].remaining", equalTo(0));
        JsonPath entries = as(chain.adminToken()).get("/api/v1/session-packs/" + packId + "/entries").then()
                .body("items.kind", equalTo(List.of("REDEEM", "REDEEM", "REDEEM", "ISSUE")))
                .body("items.remainingAfter", equalTo(List.of(0, 1, 2, 3))).extract().jsonPath();
        assertThat(entries.getList("items.sessions", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isZero();
        assertThat(entries.getList("items.findAll { it.kind == 'REDEEM' }.value.amount", Integer.class)
                .stream().mapToInt(Integer::intValue).sum()).isEqualTo(300_000);
    }

    @Test
    void liabilitiesAreTheSumOfTheOutstandingPacksPerSellingClinicAgedByPurchase() {
        Chain own = Chains.create();
        UUID east = Chains.clinic(own, "东店");
        UUID west = Chains.clinic(own, "西店");
        String item = Sales.item(own, "光子嫩肤", "SKIN", 150_000);
        String template = Packs.template(own, List.of(Packs.item(item, 3, null)), 400_000, 365).getString("id");
        String before = OffsetDateTime.now().minusSeconds(1).toString();
        String customer = Sales.customer(own, "负债");
        String redeemed = Packs.pack(own, customer, east, template);
        Packs.pack(own, customer, east, template);
        String refunded = Packs.pack(own, customer, west, template);
        Packs.pack(own, customer, west, template);
        String visit = Packs.visit(own, customer, east);
        Packs.redeem(as(own.adminToken()), redeemed, item, visit, own.adminStaffId(), UUID.randomUUID().toString())
                .then().statusCode(201);
        String afterRedemption = OffsetDateTime.now().toString();
        act(own.adminToken(), refunded, "refund", Map.of("reason", "退")).then().statusCode(200);

        // 3 sessions for 4,000.00: one used is worth 1,333.33, so 2,666.67 stays outstanding.
        JsonPath now = as(own.adminToken()).get("/api/v1/session-packs/liabilities").then().statusCode(200)
                .body("currency", equalTo("CNY"), "clinics.clinicName", equalTo(List.of("东店", "西店")))
                .body("clinics.packs", equalTo(List.of(2, 1)), "clinics.sessions", equalTo(List.of(5, 3)))
                .body("clinics.value.amount", equalTo(List.of(666_667, 400_000)))
                .body("total.clinicId", equalTo(null), "total.packs", equalTo(3), "total.sessions", equalTo(8))
                .body("total.value.amount", equalTo(1_066_667))
                .body("total.aging.bucket", equalTo(List.of("DAYS_0_90", "DAYS_91_180", "DAYS_181_365", "OVER_365")))
                .body("total.aging.value.amount", equalTo(List.of(1_066_667, 0, 0, 0)))
                .extract().jsonPath();
        // The same figures as the packs themselves.
        Map<String, Long> byClinic = new HashMap<>();
        for (Map<String, Object> p : as(own.adminToken()).queryParam("limit", 200).get("/api/v1/session-packs")
                .then().extract().jsonPath().<Map<String, Object>>getList("items")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> unused = (Map<String, Object>) p.get("unusedValue");
            byClinic.merge((String) p.get("soldAtClinicId"), ((Number) unused.get("amount")).longValue(), Long::sum);
        }
        assertThat(byClinic).isEqualTo(Map.of(east.toString(), 666_667L, west.toString(), 400_000L));
        assertThat(now.getList("clinics.clinicId")).isEqualTo(List.of(east.toString(), west.toString()));

        as(own.adminToken()).queryParam("asOf", afterRedemption).get("/api/v1/session-packs/liabilities").then()
                .statusCode(200).body("total.packs", equalTo(4), "total.sessions", equalTo(11))
                .body("total.value.amount", equalTo(1_466_667));
        as(own.adminToken()).queryParam("asOf", before).get("/api/v1/session-packs/liabilities").then()
                .statusCode(200).body("clinics", empty()).body("total.value.amount", equalTo(0));
        as(own.adminToken()).queryParam("clinicId", west.toString()).get("/api/v1/session-packs/liabilities").then()
                .statusCode(200).body("clinics.clinicId", equalTo(List.of(west.toString())))
                .body("total.value.amount", equalTo(400_000));
        JsonPath managerOfWest = Chains.staff(own, List.of("manager"), List.of(west));
        as(Tokens.withClinics(managerOfWest.getString("userId"), own.id(), List.of(west), "manager"))
                .get("/api/v1/session-packs/liabilities").then().statusCode(200)
                .body("clinics.clinicName", equalTo(List.of("西店")));
        as(own.adminToken()).queryParam("asOf", OffsetDateTime.now().plusDays(1).toString())
                .get("/api/v1/session-packs/liabilities").then().statusCode(400)
                .body("errors.field", equalTo(List.of("asOf")));

        TestClock clock = TestClock.install();
        clock.advance(Duration.ofDays(100));
        as(own.adminToken()).get("/api/v1/session-packs/liabilities").then().statusCode(200)
                .body("total.aging.value.amount", equalTo(List.of(0, 1_066_667, 0, 0)))
                .body("total.aging.packs", equalTo(List.of(0, 3, 0, 0)));
    }

    @Test
    void theAppRoleCannotChangeOrDeleteLedgerRows() {
        String customer = Sales.customer(chain, "账本");
        Packs.pack(chain, customer, clinicA, onlyAtA);
        for (String sql : List.of("UPDATE session_pack_entry SET reason = 'rewritten'",
                "DELETE FROM session_pack_entry", "UPDATE session_pack_entry_item SET sessions = 99",
                "DELETE FROM session_pack_entry_item")) {
            assertThatThrownBy(() -> tenantContext.callAs(chain.id(), () -> QuarkusTransaction.requiringNew()
                    .call(() -> {
                        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                            return s.executeUpdate();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }))).hasRootCauseInstanceOf(SQLException.class).rootCause().hasMessageContaining("permission denied");
        }
        as(chain.adminToken()).queryParam("customerId", customer).get("/api/v1/session-packs").then()
                .body("items[0].remaining", equalTo(4));
        as(chain.adminToken()).queryParam("limit", 200).get("/api/v1/audit-events").then()
                .body("items.action", hasItem("session-pack.issued"));
    }
}
