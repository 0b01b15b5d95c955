package app.meike.wallet;

import app.meike.membership.Memberships.SpendSource;
import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Members;
import app.meike.support.Packs;
import app.meike.support.Sales;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.meike.support.Packs.item;
import static app.meike.support.Sales.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A combo pack (water-light ×2 + photo-rejuvenation ×2 + slimming injection ×1 for 10,000.00) sold with a tier
 * discount, redeemed at visits, a redemption reversed, and the unused sessions refunded back to the order.
 */
@QuarkusTest
class SessionPackApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static String hydra;
    static String photo;
    static String slim;
    static String combo;
    static String clinicianId;
    static String clinician;
    static String manager;
    static String frontDesk;

    @BeforeEach
    void aChainSellingACombo() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "主店");
        hydra = Sales.item(chain, "水光针", "SKIN", 280_000);
        photo = Sales.item(chain, "光子嫩肤", "SKIN", 150_000);
        slim = Sales.item(chain, "瘦脸针", "INJECTION", 380_000);
        combo = Packs.template(chain, List.of(item(hydra, 2, 28), item(photo, 2, 21), item(slim, 1, null)),
                1_000_000, 365).getString("id");
        // 普卡 takes 2% off overall and 5% off skin care: a pack line gets the overall 2%.
        Members.setProgram(chain, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", List.of(Map.of(
                "name", "普卡", "threshold", cny(1_000_000), "benefits", Map.of("discountPercent", 2,
                        "categoryDiscounts", Map.of("SKIN", 5), "pointsMultiplier", 1, "perks", List.of())))));
        JsonPath staff = Chains.staff(chain, List.of("clinician"), List.of(clinic));
        clinicianId = staff.getString("id");
        clinician = Tokens.withClinics(staff.getString("userId"), chain.id(), List.of(clinic),
                "clinician");
        manager = Chains.staffToken(chain, "manager");
        frontDesk = Chains.staffToken(chain, "front-desk");
    }

    /** A customer on 普卡 (15,000.00 of earlier spend). */
    static String member(String name) {
        String customer = Sales.customer(chain, name);
        Members.spend(chain, UUID.fromString(customer), UUID.randomUUID(), SpendSource.ORDER, 1_500_000,
                OffsetDateTime.now().minusDays(1));
        return customer;
    }

    static ValidatableResponse pack(String packId) {
        return as(chain.adminToken()).get("/api/v1/session-packs/" + packId).then().statusCode(200);
    }

    static Response reverse(String token, String packId, String redemptionId, String key) {
        return as(token).header("Idempotency-Key", key).body(Map.of("reason", "误扣"))
                .post("/api/v1/session-packs/" + packId + "/redemptions/" + redemptionId + "/reversal");
    }

    static Response refund(String token, String packId, String key) {
        return as(token).header("Idempotency-Key", key).body(Map.of("reason", "客户搬家"))
                .post("/api/v1/session-packs/" + packId + "/refund");
    }

    @Test
    void payingAPackLineIssuesOnePackPerUnitWithTheNetSplitByTheTemplatesAllocation() {
        String customer = member("疗程客户");
        JsonPath draft = Sales.draft(chain, customer, clinic, List.of(Packs.line(combo, 2))).statusCode(201)
                .body("tierName", equalTo("普卡"))
                .body("lines[0].kind", equalTo("PACK"), "lines[0].packTemplateId", equalTo(combo))
                .body("lines[0].itemId", nullValue(), "lines[0].category", nullValue())
                .body("lines[0].listPrice.amount", equalTo(1_000_000), "lines[0].tierDiscountPercent", equalTo(2.0f))
                .body("lines[0].tierDiscount.amount", equalTo(40_000), "lines[0].net.amount", equalTo(1_960_000))
                .body("lines[0].packIds", empty())
                .extract().jsonPath();
        JsonPath paid = Sales.payCash(chain, draft.getString("id"), 1_960_000).statusCode(200)
                .body("lines[0].packIds.size()", equalTo(2)).extract().jsonPath();
        OffsetDateTime paidAt = OffsetDateTime.parse(paid.getString("paidAt"));
        for (String packId : paid.getList("lines[0].packIds", String.class)) {
            // 9,800.00 per pack, split 451,613 : 241,935 : 306,452 by largest remainder.
            JsonPath pack = pack(packId).body("status", equalTo("ACTIVE"), "customerId", equalTo(customer))
                    .body("customerName", equalTo("疗程客户"), "templateId", equalTo(combo))
                    .body("orderId", equalTo(draft.getString("id")), "orderLineNo", equalTo(1))
                    .body("soldAtClinicId", equalTo(clinic.toString()), "allClinics", equalTo(true))
                    .body("sessions", equalTo(5), "remaining", equalTo(5))
                    .body("paidValue.amount", equalTo(980_000), "unusedValue.amount", equalTo(980_000))
                    .body("refundedValue.amount", equalTo(0), "nextDueAt", nullValue())
                    .body("items.itemName", equalTo(List.of("水光针", "光子嫩肤", "瘦脸针")))
                    .body("items.remaining", equalTo(List.of(2, 2, 1)))
                    .body("items.paidValue.amount", equalTo(List.of(442_581, 237_096, 300_323)))
                    .extract().jsonPath();
            assertThat(OffsetDateTime.parse(pack.getString("expiresAt")))
                    .isEqualTo(paidAt.plusDays(365));
            as(chain.adminToken()).get("/api/v1/session-packs/" + packId + "/entries").then().statusCode(200)
                    .body("items.kind", equalTo(List.of("ISSUE")), "items[0].sessions", equalTo(5))
                    .body("items[0].value.amount", equalTo(980_000), "items[0].orderId", equalTo(draft.getString("id")))
                    .body("items[0].items.sessions", equalTo(List.of(2, 2, 1)));
        }
        as(chain.adminToken()).queryParam("customerId", customer).get("/api/v1/session-packs").then()
                .statusCode(200).body("items.id", equalTo(List.of(paid.getString("lines[0].packIds[1]"),
                        paid.getString("lines[0].packIds[0]"))));
    }

    @Test
    void redeemReverseAndRefundTheUnusedSessionsBackToTheOrder() {
        String customer = member("全流程");
        JsonPath order = Packs.sell(chain, customer, clinic, combo, 1);
        String orderId = order.getString("id");
        String packId = order.getString("lines[0].packIds[0]");
        String visit = Packs.visit(chain, customer, clinic);
        as(chain.adminToken()).get("/api/v1/customers/" + customer + "/membership").then()
                .body("qualifyingSpend.amount", equalTo(2_480_000));

        JsonPath redeemed = Packs.redeem(as(clinician), packId, hydra, visit, clinicianId, UUID.randomUUID().toString())
                .then().statusCode(201)
                .body("entry.kind", equalTo("REDEEM"), "entry.sessions", equalTo(-1), "entry.remainingAfter", equalTo(4))
                .body("entry.value.amount", equalTo(221_290), "entry.items[0].itemId", equalTo(hydra))
                .body("entry.visitId", equalTo(visit), "entry.clinicId", equalTo(clinic.toString()))
                .body("entry.clinicianId", equalTo(clinicianId), "entry.intervalOverrideReason", nullValue())
                .body("pack.remaining", equalTo(4), "pack.items[0].remaining", equalTo(1))
                .body("pack.items[0].unusedValue.amount", equalTo(221_291), "pack.unusedValue.amount", equalTo(758_710))
                .extract().jsonPath();
        String redemption = redeemed.getString("entry.id");
        OffsetDateTime at = OffsetDateTime.parse(redeemed.getString("entry.occurredAt"));
        assertThat(OffsetDateTime.parse(redeemed.getString("pack.items[0].nextDueAt"))).isEqualTo(at.plusDays(28));
        assertThat(OffsetDateTime.parse(redeemed.getString("pack.nextDueAt"))).isEqualTo(at.plusDays(28));
        timeline(customer).body("find { it.kind == 'REDEMPTION' }.status", equalTo("REDEEMED"))
                .body("find { it.kind == 'REDEMPTION' }.staffId", equalTo(clinicianId))
                .body("find { it.kind == 'REDEMPTION' }.visitId", equalTo(visit))
                .body("find { it.kind == 'REDEMPTION' }.label", containsString("水光针 · "));

        reverse(frontDesk, packId, redemption, UUID.randomUUID().toString()).then().statusCode(403);
        reverse(manager, packId, UUID.randomUUID().toString(), UUID.randomUUID().toString()).then().statusCode(404);
        reverse(manager, packId, redemption, UUID.randomUUID().toString()).then().statusCode(201)
                .body("entry.kind", equalTo("REVERSAL"), "entry.reversalOf", equalTo(redemption))
                .body("entry.sessions", equalTo(1), "entry.value.amount", equalTo(221_290), "entry.reason", equalTo("误扣"))
                .body("pack.remaining", equalTo(5), "pack.items[0].lastRedeemedAt", nullValue())
                .body("pack.nextDueAt", nullValue());
        reverse(manager, packId, redemption, UUID.randomUUID().toString()).then().statusCode(409);
        timeline(customer).body("find { it.kind == 'REDEMPTION' }.status", equalTo("REVERSED"));

        Packs.redeem(as(clinician), packId, hydra, visit, clinicianId, UUID.randomUUID().toString()).then()
                .statusCode(201).body("pack.remaining", equalTo(4));
        // The pack line is refunded through its packs only.
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x", "lines",
                        List.of(Map.of("lineNo", 1, "amount", cny(100)))))
                .post("/api/v1/orders/" + orderId + "/refunds").then().statusCode(422)
                .body("detail", containsString(packId));
        refund(clinician, packId, UUID.randomUUID().toString()).then().statusCode(403);

        String key = UUID.randomUUID().toString();
        String first = refund(manager, packId, key).then().statusCode(200)
                .body("entry.kind", equalTo("REFUND"), "entry.sessions", equalTo(-4))
                .body("entry.value.amount", equalTo(758_710), "entry.refundId", notNullValue())
                .body("entry.orderId", equalTo(orderId))
                .body("entry.items.sessions", equalTo(List.of(-1, -2, -1)))
                .body("entry.items.value.amount", equalTo(List.of(221_291, 237_096, 300_323)))
                .body("pack.status", equalTo("REFUNDED"), "pack.remaining", equalTo(0))
                .body("pack.refundedValue.amount", equalTo(758_710), "pack.unusedValue.amount", equalTo(0))
                .extract().asString();
        assertThat(refund(manager, packId, key).then().statusCode(200).extract().asString()).isEqualTo(first);
        refund(manager, packId, UUID.randomUUID().toString()).then().statusCode(409);

        // The money went back to the order's cash tender; the qualifying spend follows it down.
        as(chain.adminToken()).get("/api/v1/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_REFUNDED"), "lines[0].refunded.amount", equalTo(758_710))
                .body("refunds.size()", equalTo(1), "refunds[0].amount.amount", equalTo(758_710))
                .body("refunds[0].moneyReturned.amount", equalTo(758_710), "refunds[0].reason", equalTo("客户搬家"))
                .body("tenders[0].refunded.amount", equalTo(758_710), "qualifyingSpend.amount", equalTo(221_290));
        as(chain.adminToken()).get("/api/v1/customers/" + customer + "/membership").then()
                .body("qualifyingSpend.amount", equalTo(1_721_290));

        Packs.redeem(as(clinician), packId, photo, visit, clinicianId, UUID.randomUUID().toString()).then()
                .statusCode(409);
        as(manager).body(Map.of("reason", "x")).post("/api/v1/session-packs/" + packId + "/freeze").then()
                .statusCode(409);
        JsonPath entries = as(chain.adminToken()).get("/api/v1/session-packs/" + packId + "/entries").then()
                .statusCode(200).body("items.kind", equalTo(List.of("REFUND", "REDEEM", "REVERSAL", "REDEEM",
                        "ISSUE")))
                .body("items.remainingAfter", equalTo(List.of(0, 4, 5, 4, 5)))
                .body("items[3].reversedBy", equalTo(entriesId(packId, 2))).extract().jsonPath();
        // Every item's sessions and value are the sums of its entries: all zero once refunded.
        for (String itemId : List.of(hydra, photo, slim)) {
            int sessions = 0;
            for (int i = 0; i < 5; i++) {
                for (Map<String, Object> moved : entries.<Map<String, Object>>getList("items[" + i + "].items")) {
                    if (itemId.equals(moved.get("itemId"))) {
                        sessions += (Integer) moved.get("sessions");
                    }
                }
            }
            assertThat(sessions).isZero();
        }
        as(chain.adminToken()).queryParam("entityId", packId).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("session-pack.refunded", "session-pack.redeemed",
                        "session-pack.redemption-reversed", "session-pack.redeemed", "session-pack.issued")));
    }

    @Test
    void aReplayAnswersTheFirstRedemptionAndAnotherBodyUnderTheSameKeyIsRefused() {
        String customer = member("重放");
        String packId = Packs.pack(chain, customer, clinic, combo);
        String visit = Packs.visit(chain, customer, clinic);
        String key = UUID.randomUUID().toString();
        String first = Packs.redeem(as(clinician), packId, slim, visit, clinicianId, key).then().statusCode(201)
                .extract().asString();
        String again = Packs.redeem(as(clinician), packId, slim, visit, clinicianId, key).then().statusCode(201)
                .extract().asString();
        assertThat(again).isEqualTo(first);
        Packs.redeem(as(clinician), packId, photo, visit, clinicianId, key).then().statusCode(422)
                .body("type", equalTo("https://meike.app/problems/idempotency-key-reused"));
        as(chain.adminToken()).get("/api/v1/session-packs/" + packId + "/entries").then()
                .body("items.kind", equalTo(List.of("REDEEM", "ISSUE")));
        pack(packId).body("remaining", equalTo(4), "status", equalTo("ACTIVE"));
        // The only session of the slimming injection is gone.
        Packs.redeem(as(clinician), packId, slim, visit, clinicianId, UUID.randomUUID().toString()).then()
                .statusCode(422).body("type", equalTo("https://meike.app/problems/business-rule"));
    }

    @Test
    void badRedemptionsAreRefusedNamingTheField() {
        String customer = member("错误");
        String packId = Packs.pack(chain, customer, clinic, combo);
        String visit = Packs.visit(chain, customer, clinic);
        String redemptions = "/api/v1/session-packs/" + packId + "/redemptions";
        as(clinician).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of()).post(redemptions)
                .then().statusCode(400).body("errors.field", hasItems("itemId", "visitId", "clinicianId"));
        as(clinician).body(Map.of("itemId", hydra, "visitId", visit, "clinicianId", clinicianId)).post(redemptions)
                .then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
        Packs.redeem(as(clinician), packId, UUID.randomUUID().toString(), visit, clinicianId,
                UUID.randomUUID().toString()).then().statusCode(400).body("errors.field", equalTo(List.of("itemId")));
        String otherVisit = Packs.visit(chain, Sales.customer(chain, "别人"), clinic);
        Packs.redeem(as(clinician), packId, hydra, otherVisit, clinicianId, UUID.randomUUID().toString()).then()
                .statusCode(400).body("errors.field", equalTo(List.of("visitId")));
        Packs.redeem(as(clinician), packId, hydra, visit, UUID.randomUUID(), UUID.randomUUID().toString()).then()
                .statusCode(400).body("errors.field", equalTo(List.of("clinicianId")));
        Packs.redeem(as(clinician), UUID.randomUUID().toString(), hydra, visit, clinicianId,
                UUID.randomUUID().toString()).then().statusCode(404);
        as(Chains.staffToken(chain, "consultant")).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("itemId", hydra, "visitId", visit, "clinicianId", clinicianId)).post(redemptions)
                .then().statusCode(403);
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x", "days", 1,
                        "expiresAt", OffsetDateTime.now().plusYears(2).toString()))
                .post("/api/v1/session-packs/" + packId + "/extend").then().statusCode(400)
                .body("errors.field", equalTo(List.of("days")));
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x",
                        "expiresAt", OffsetDateTime.now().toString()))
                .post("/api/v1/session-packs/" + packId + "/extend").then().statusCode(400)
                .body("errors.field", equalTo(List.of("expiresAt")));
        as(manager).body(Map.of("reason", "")).post("/api/v1/session-packs/" + packId + "/freeze").then()
                .statusCode(400).body("errors.field", equalTo(List.of("reason")));
        as(chain.adminToken()).queryParam("status", "LOST").get("/api/v1/session-packs").then().statusCode(400)
                .body("errors.field", equalTo(List.of("status")));
        pack(packId).body("remaining", equalTo(5));
        as(chain.adminToken()).get("/api/v1/session-packs/" + packId + "/entries").then()
                .body("items.kind", equalTo(List.of("ISSUE")));
    }

    @Test
    void aLineNamesExactlyOneThingToSell() {
        String customer = member("两样");
        as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic, "lines", List.of(
                        Map.of("itemId", hydra, "packTemplateId", combo, "quantity", 1), Map.of("quantity", 1),
                        Packs.line(UUID.randomUUID().toString(), 1))))
                .post("/api/v1/orders").then().statusCode(400)
                .body("errors.field", equalTo(List.of("lines[0].itemId", "lines[1].itemId",
                        "lines[2].packTemplateId")));
    }

    @Test
    void aMergedDuplicatesPacksGoToTheSurvivorWithTheirLedgers() {
        String survivor = Sales.customer(chain, "正身");
        String duplicate = Sales.customer(chain, "重复");
        String packId = Packs.pack(chain, duplicate, clinic, combo);
        String etag = as(chain.adminToken()).get("/api/v1/customers/" + survivor).then().extract().header("ETag");
        as(chain.adminToken()).header("If-Match", etag).body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
        pack(packId).body("customerId", equalTo(survivor));
        Packs.redeem(as(clinician), packId, photo, Packs.visit(chain, survivor, clinic), clinicianId,
                UUID.randomUUID().toString()).then().statusCode(201);
        timeline(survivor).body("kind", hasItem("REDEMPTION"));
        as(chain.adminToken()).get("/api/v1/session-packs/" + packId + "/entries").then()
                .body("items.kind", equalTo(List.of("REDEEM", "ISSUE")));
    }

    static ValidatableResponse timeline(String customer) {
        return as(chain.adminToken()).get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                .rootPath("items");
    }

    static String entriesId(String packId, int index) {
        return as(chain.adminToken()).get("/api/v1/session-packs/" + packId + "/entries").then().extract()
                .path("items[" + index + "].id");
    }
}
