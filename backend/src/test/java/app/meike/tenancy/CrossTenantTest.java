package app.meike.tenancy;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.membership.Memberships;
import app.meike.support.Contract;
import app.meike.support.Sales;
import app.meike.support.Members;
import app.meike.support.Packs;
import app.meike.support.Tokens;
import app.meike.support.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Walks every operation of the contract with chain B's tokens against chain A's data: B can neither read,
 * list, change nor infer anything of A. A new operation in openapi.yaml fails this test until it is walked.
 */
@QuarkusTest
class CrossTenantTest extends ApiTest {
    static Chain a;
    static Chain b;
    static UUID clinicOfA;
    static String clinicNameOfA;
    static JsonPath staffOfA;
    static String itemOfA;
    static String customerOfA;
    static String phoneOfA;
    static String appointmentOfA;
    static UUID clinicOfB;
    static String visitOfA;
    static String consultationOfA;
    static String importOfA;
    static String storedValueImportOfA;
    static String referrerPhoneOfA;
    static String draftOfA;
    static String paidOrderOfA;
    static JsonPath programOfA;
    static String planOfA;
    static String planNameOfA;
    static String accountOfA;
    static String debitOfA;
    static String templateOfA;
    static String packOfA;
    static String redemptionOfA;
    static String followUpRuleOfA;
    static String followUpTaskOfA;
    static String touchpointOfA;
    static String couponTypeOfA;
    static String couponOfA;
    static String surveyVisitOfA;
    static String surveyLinkOfA;
    static String surveyOfA;
    static String complaintOfA;
    static String segmentOfA;

    @BeforeEach
    void twoChains() {
        if (a != null) {
            return;
        }
        a = Chains.create();
        b = Chains.create();
        clinicNameOfA = Chains.unique("A-secret-");
        clinicOfA = Chains.clinic(a, clinicNameOfA);
        staffOfA = Chains.staff(a, List.of("consultant"), List.of(clinicOfA));
        itemOfA = as(a.adminToken()).body(Map.of("code", Chains.unique("A-ITEM"), "name", clinicNameOfA + "-项目",
                        "category", "SKIN", "listPrice", Map.of("amount", 100, "currency", "CNY"),
                        "durationMinutes", 30, "allClinics", true))
                .post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
        phoneOfA = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        customerOfA = as(a.adminToken()).body(Map.of("name", "秘密客户", "phone", phoneOfA, "source", "WALK_IN"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        referrerPhoneOfA = "133" + phoneOfA.substring(3);
        as(a.adminToken()).body(Map.of("name", "秘密推荐人", "phone", referrerPhoneOfA, "source", "WALK_IN"))
                .post("/api/v1/customers").then().statusCode(201);
        importOfA = as(a.adminToken()).contentType("text/csv")
                .body("name,phone\n秘密导入,135" + phoneOfA.substring(3))
                .post("/api/v1/customer-imports").then().statusCode(201).extract().path("id");
        appointmentOfA = as(a.adminToken()).body(Map.of("customerId", customerOfA, "clinicId", clinicOfA,
                        "startsAt", OffsetDateTime.now().plusDays(3).toString()))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        visitOfA = as(a.adminToken()).body(Map.of("customerId", customerOfA, "clinicId", clinicOfA,
                "purpose", "CONSULTATION")).post("/api/v1/visits").then().statusCode(201).extract().path("visit.id");
        consultationOfA = as(a.adminToken()).body(Map.of("visitId", visitOfA, "consultantId", staffOfA.getString("id"),
                        "outcome", Map.of("outcome", "NOT_CONVERTED", "reason", "PRICE")))
                .post("/api/v1/consultations").then().statusCode(201).extract().path("id");
        clinicOfB = Chains.clinic(b, "B 店");
        draftOfA = Sales.draft(a, customerOfA, clinicOfA, List.of(Sales.line(itemOfA, 1))).statusCode(201).extract()
                .path("id");
        paidOrderOfA = Sales.paidOrder(a, customerOfA, clinicOfA, List.of(Sales.line(itemOfA, 2)));
        programOfA = Members.setProgram(a, Members.program("LIFETIME", "NEVER"));
        Members.spend(a, UUID.fromString(customerOfA), UUID.randomUUID(), Memberships.SpendSource.ORDER, 1_500_000,
                OffsetDateTime.now().minusDays(1));
        planOfA = Wallets.plan(a, 300_000, 400_000, 365);
        planNameOfA = as(a.adminToken()).get("/api/v1/stored-value/plans/" + planOfA).then().extract().path("name");
        accountOfA = Wallets.topUp(a, customerOfA, planOfA, clinicOfA, 300_000);
        storedValueImportOfA = as(a.adminToken()).contentType("text/csv").queryParam("clinicId", clinicOfA.toString())
                .body("phone,principal,externalReference\n" + phoneOfA + ",100,A-SECRET-CARD\n")
                .post("/api/v1/stored-value/imports").then().statusCode(201).extract().path("id");
        debitOfA = Wallets.debit(a.adminToken(), accountOfA, 1_000, clinicOfA, UUID.randomUUID().toString()).then()
                .statusCode(201).extract().path("id");
        templateOfA = Packs.template(a, List.of(Packs.item(itemOfA, 3, null)), 300, 365).getString("id");
        packOfA = Packs.pack(a, customerOfA, clinicOfA, templateOfA);
        redemptionOfA = Packs.redeem(as(a.adminToken()), packOfA, itemOfA, visitOfA, a.adminStaffId(),
                UUID.randomUUID().toString()).then().statusCode(201).extract().path("entry.id");
        couponTypeOfA = as(a.adminToken()).body(Map.of("code", Chains.unique("A-CPN"), "name", "A 的秘密券",
                        "kind", "CASH_VOUCHER", "amountOff", Sales.cny(1_000), "validDays", 30, "stacking", "EXCLUSIVE",
                        "allItems", true)).post("/api/v1/coupons/types").then().statusCode(201).extract().path("id");
        couponOfA = as(a.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", customerOfA, "couponTypeId", couponTypeOfA, "source", "CAMPAIGN"))
                .post("/api/v1/coupons").then().statusCode(201).extract().path("id");
        as(a.adminToken()).body(Map.of("amount", Sales.cny(5_000)))
                .put("/api/v1/coupons/gift-budgets/" + staffOfA.getString("id") + "/2026-01").then().statusCode(200);
    }

    /** A's pack is as A left it: one session redeemed, not reversed, active, expiring when it did. */
    static void packOfAIsUntouched() {
        as(a.adminToken()).get("/api/v1/session-packs/" + packOfA).then().statusCode(200)
                .body("status", equalTo("ACTIVE"), "remaining", equalTo(2));
        as(a.adminToken()).get("/api/v1/session-packs/" + packOfA + "/entries").then().statusCode(200)
                .body("items.kind", equalTo(List.of("REDEEM", "ISSUE")));
    }

    @Test
    void everyOperationIsWalked() {
        assertThat(walks().keySet()).containsExactlyInAnyOrderElementsOf(Contract.operations().keySet());
    }

    @Test
    void chainBCannotReachChainA() {
        walks().forEach((operation, walk) -> {
            try {
                walk.run();
            } catch (AssertionError e) {
                throw new AssertionError(operation + ": " + e.getMessage(), e);
            }
        });
    }

    private Map<String, Runnable> walks() {
        String adminB = b.adminToken();
        Map<String, Runnable> walks = new LinkedHashMap<>();
        walks.put("getMe", () -> as(adminB).get("/api/v1/me").then().statusCode(200)
                .body("tenant.id", equalTo(b.id().toString()))
                .body("clinicIds", not(hasItem(clinicOfA.toString()))));
        walks.put("listTenants", () -> as(adminB).get("/api/v1/tenants").then().statusCode(403));
        walks.put("createTenant", () -> as(adminB).body(Map.of("slug", Chains.unique("x-"), "name", "x",
                        "admin", Map.of("username", Chains.unique("x."), "email", "x@x.local", "displayName", "x")))
                .post("/api/v1/tenants").then().statusCode(403));
        walks.put("getTenant", () -> as(adminB).get("/api/v1/tenants/" + a.id()).then().statusCode(403));
        walks.put("updateTenant", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("status", "SUSPENDED"))
                    .patch("/api/v1/tenants/" + a.id()).then().statusCode(403);
            as(a.adminToken()).get("/api/v1/me").then().statusCode(200);
        });
        walks.put("listClinics", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/clinics").then().statusCode(200)
                    .body("items.id", not(hasItem(clinicOfA.toString())));
            as(adminB).queryParam("q", clinicNameOfA).get("/api/v1/clinics").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("createClinic", () -> {
            String codeOfA = as(a.adminToken()).get("/api/v1/clinics/" + clinicOfA).then().extract().path("code");
            // Codes are unique per chain: B may reuse A's code, and so learns nothing from trying.
            as(adminB).body(Map.of("code", codeOfA, "name", "B 的同码店")).post("/api/v1/clinics")
                    .then().statusCode(201);
        });
        walks.put("getClinic", () -> {
            String theirs = as(adminB).get("/api/v1/clinics/" + clinicOfA).then().statusCode(404)
                    .extract().path("detail");
            String nobodys = as(adminB).get("/api/v1/clinics/" + UUID.randomUUID()).then().statusCode(404)
                    .extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("updateClinic", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("name", "hijacked"))
                    .patch("/api/v1/clinics/" + clinicOfA).then().statusCode(404);
            as(a.adminToken()).get("/api/v1/clinics/" + clinicOfA).then().statusCode(200)
                    .body("name", equalTo(clinicNameOfA)).header("ETag", "\"0\"");
        });
        walks.put("listColleagues", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/staff/directory").then().statusCode(200)
                    .body("items.id", not(hasItem(staffOfA.getString("id"))));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get("/api/v1/staff/directory").then()
                    .statusCode(200).body("items.id", not(hasItem(staffOfA.getString("id"))));
        });
        walks.put("listStaff", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/staff").then().statusCode(200)
                    .body("items.id", not(hasItem(staffOfA.getString("id"))));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).queryParam("q", staffOfA.getString("username"))
                    .get("/api/v1/staff").then().statusCode(200).body("items", empty());
        });
        walks.put("createStaff", () -> {
            // Logins are one pool across chains: a clash with A's login answers exactly like a clash in B.
            String takenInA = as(adminB).body(Map.of("username", staffOfA.getString("username"),
                            "email", Chains.unique("b") + "@x.local", "displayName", "x",
                            "roles", List.of("consultant"), "allClinics", true))
                    .post("/api/v1/staff").then().statusCode(409).extract().path("detail");
            String takenInB = as(adminB).body(Map.of("username", b.slug() + ".admin",
                            "email", Chains.unique("b") + "@x.local", "displayName", "x",
                            "roles", List.of("consultant"), "allClinics", true))
                    .post("/api/v1/staff").then().statusCode(409).extract().path("detail");
            assertThat(takenInA).isEqualTo(takenInB);
            String username = Chains.unique("b.");
            as(adminB).body(Map.of("username", username, "email", username + "@x.local", "displayName", "x",
                            "roles", List.of("consultant"), "allClinics", false, "clinicIds", List.of(clinicOfA)))
                    .post("/api/v1/staff").then().statusCode(400).body("errors.field", hasItem("clinicIds[0]"));
        });
        walks.put("getStaff", () -> as(adminB).get("/api/v1/staff/" + staffOfA.getString("id"))
                .then().statusCode(404));
        walks.put("updateStaff", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("active", false))
                    .patch("/api/v1/staff/" + staffOfA.getString("id")).then().statusCode(404);
            as(Tokens.token(staffOfA.getString("userId"), a.id(), "consultant")).get("/api/v1/me")
                    .then().statusCode(200);
        });
        walks.put("listCatalogItems", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/catalog/items").then().statusCode(200)
                    .body("items.id", not(hasItem(itemOfA)));
            as(adminB).queryParam("q", clinicNameOfA).get("/api/v1/catalog/items").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("createCatalogItem", () -> as(adminB).body(Map.of("code", Chains.unique("B"), "name", "x",
                        "category", "SKIN", "listPrice", Map.of("amount", 100, "currency", "CNY"),
                        "durationMinutes", 30, "allClinics", false, "clinicIds", List.of(clinicOfA)))
                .post("/api/v1/catalog/items").then().statusCode(400).body("errors.field", hasItem("clinicIds[0]")));
        walks.put("getCatalogItem", () -> as(adminB).get("/api/v1/catalog/items/" + itemOfA)
                .then().statusCode(404));
        walks.put("updateCatalogItem", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("active", false))
                    .patch("/api/v1/catalog/items/" + itemOfA).then().statusCode(404);
            as(a.adminToken()).get("/api/v1/catalog/items/" + itemOfA).then().statusCode(200)
                    .body("active", equalTo(true));
        });
        walks.put("listCustomers", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/customers").then().statusCode(200)
                    .body("items.id", not(hasItem(customerOfA)));
            as(adminB).queryParam("q", phoneOfA).get("/api/v1/customers").then().statusCode(200)
                    .body("items", empty());
            as(adminB).queryParam("q", "mm").get("/api/v1/customers").then().statusCode(200)
                    .body("items.id", not(hasItem(customerOfA)));
        });
        walks.put("createCustomer", () -> {
            // Phones are unique per chain: B may register the same person, and learns nothing from trying.
            as(adminB).body(Map.of("name", "B 的客户", "phone", phoneOfA, "source", "WALK_IN",
                            "referrerId", customerOfA))
                    .post("/api/v1/customers").then().statusCode(400).body("errors.field", hasItem("referrerId"));
            as(adminB).body(Map.of("name", "B 的客户", "phone", phoneOfA, "source", "WALK_IN"))
                    .post("/api/v1/customers").then().statusCode(201);
        });
        walks.put("getCustomer", () -> as(adminB).get("/api/v1/customers/" + customerOfA).then().statusCode(404));
        walks.put("updateCustomer", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("name", "hijacked"))
                    .patch("/api/v1/customers/" + customerOfA).then().statusCode(404);
            as(a.adminToken()).get("/api/v1/customers/" + customerOfA).then().statusCode(200)
                    .body("name", equalTo("秘密客户"));
        });
        walks.put("getCustomerTimeline", () -> as(adminB).get("/api/v1/customers/" + customerOfA + "/timeline")
                .then().statusCode(404));
        walks.put("listAppointments", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/appointments").then().statusCode(200)
                    .body("items.id", not(hasItem(appointmentOfA)));
            as(adminB).queryParam("customerId", customerOfA).get("/api/v1/appointments").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("bookAppointment", () -> {
            String future = OffsetDateTime.now().plusDays(4).toString();
            as(adminB).body(Map.of("customerId", customerOfA, "clinicId", clinicOfB, "startsAt", future))
                    .post("/api/v1/appointments").then().statusCode(400).body("errors.field", hasItem("customerId"));
            as(adminB).body(Map.of("customerId", customerOfA, "clinicId", clinicOfA, "startsAt", future))
                    .post("/api/v1/appointments").then().statusCode(400).body("errors.field", hasItem("clinicId"));
        });
        walks.put("getAppointment", () -> as(adminB).get("/api/v1/appointments/" + appointmentOfA).then()
                .statusCode(404));
        walks.put("rescheduleAppointment", () -> as(adminB).header("If-Match", "\"0\"").body(Map.of("note", "x"))
                .patch("/api/v1/appointments/" + appointmentOfA).then().statusCode(404));
        walks.put("confirmAppointment", () -> as(adminB).post("/api/v1/appointments/" + appointmentOfA + "/confirm")
                .then().statusCode(404));
        walks.put("cancelAppointment", () -> as(adminB).body(Map.of("reason", "x"))
                .post("/api/v1/appointments/" + appointmentOfA + "/cancel").then().statusCode(404));
        walks.put("markAppointmentNoShow", () -> as(adminB)
                .post("/api/v1/appointments/" + appointmentOfA + "/no-show").then().statusCode(404));
        walks.put("arriveAppointment", () -> {
            as(adminB).post("/api/v1/appointments/" + appointmentOfA + "/arrive").then().statusCode(404);
            as(a.adminToken()).get("/api/v1/appointments/" + appointmentOfA).then().statusCode(200)
                    .body("status", equalTo("BOOKED"));
        });
        walks.put("listVisits", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/visits").then().statusCode(200)
                    .body("items.id", not(hasItem(visitOfA)));
            as(adminB).queryParam("customerId", customerOfA).get("/api/v1/visits").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("checkInVisit", () -> as(adminB).body(Map.of("customerId", customerOfA, "clinicId", clinicOfB,
                        "purpose", "CONSULTATION"))
                .post("/api/v1/visits").then().statusCode(400).body("errors.field", hasItem("customerId")));
        walks.put("getVisit", () -> as(adminB).get("/api/v1/visits/" + visitOfA).then().statusCode(404));
        walks.put("updateVisit", () -> as(adminB).header("If-Match", "\"0\"").body(Map.of("note", "x"))
                .patch("/api/v1/visits/" + visitOfA).then().statusCode(404));
        walks.put("checkOutVisit", () -> {
            as(adminB).post("/api/v1/visits/" + visitOfA + "/check-out").then().statusCode(404);
            as(a.adminToken()).get("/api/v1/visits/" + visitOfA).then().statusCode(200)
                    .body("checkedOutAt", org.hamcrest.Matchers.nullValue());
        });
        walks.put("listConsultations", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/consultations").then().statusCode(200)
                    .body("items.id", not(hasItem(consultationOfA)));
            as(adminB).queryParam("customerId", customerOfA).get("/api/v1/consultations").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("createConsultation", () -> as(adminB).body(Map.of("visitId", visitOfA))
                .post("/api/v1/consultations").then().statusCode(400).body("errors.field", hasItem("visitId")));
        walks.put("getConsultation", () -> as(adminB).get("/api/v1/consultations/" + consultationOfA).then()
                .statusCode(404));
        walks.put("updateConsultation", () -> as(adminB).header("If-Match", "\"0\"").body(Map.of("summary", "x"))
                .patch("/api/v1/consultations/" + consultationOfA).then().statusCode(404));
        walks.put("analyseConsultations", () -> as(adminB)
                .queryParam("from", OffsetDateTime.now().minusDays(1).toString())
                .queryParam("to", OffsetDateTime.now().plusDays(1).toString())
                .get("/api/v1/consultations/analysis").then().statusCode(200)
                .body("total.consultations", equalTo(0)));
        walks.put("mergeCustomers", () -> {
            String ofB = as(adminB).body(Map.of("name", "B 的重复客户", "phone", "136" + phoneOfA.substring(3),
                    "source", "WALK_IN")).post("/api/v1/customers").then().statusCode(201).extract().path("id");
            as(adminB).header("If-Match", "\"0\"").body(Map.of("duplicateId", ofB))
                    .post("/api/v1/customers/" + customerOfA + "/merge").then().statusCode(404);
            as(adminB).header("If-Match", "\"0\"").body(Map.of("duplicateId", customerOfA))
                    .post("/api/v1/customers/" + ofB + "/merge").then().statusCode(400)
                    .body("errors.field", hasItem("duplicateId"));
            as(a.adminToken()).get("/api/v1/customers/" + customerOfA).then().statusCode(200)
                    .body("mergedInto", equalTo(null)).body("phone", equalTo(phoneOfA));
        });
        walks.put("eraseCustomer", () -> {
            as(adminB).post("/api/v1/customers/" + customerOfA + "/erase").then().statusCode(404);
            as(a.adminToken()).get("/api/v1/customers/" + customerOfA).then().statusCode(200)
                    .body("name", equalTo("秘密客户")).body("erasedAt", equalTo(null));
        });
        walks.put("createCustomerImport", () -> as(adminB).contentType("text/csv")
                .body("name,phone,referrerPhone\nB 的导入客户,13100000001," + referrerPhoneOfA + "\n")
                .post("/api/v1/customer-imports").then().statusCode(201)
                .body("invalidRows", equalTo(1)).body("issues[0].field", equalTo("referrerPhone")));
        walks.put("getCustomerImport", () -> {
            String theirs = as(adminB).get("/api/v1/customer-imports/" + importOfA).then().statusCode(404)
                    .extract().path("detail");
            String nobodys = as(adminB).get("/api/v1/customer-imports/" + UUID.randomUUID()).then()
                    .statusCode(404).extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("commitCustomerImport", () -> {
            as(adminB).post("/api/v1/customer-imports/" + importOfA + "/commit").then().statusCode(404);
            as(a.adminToken()).get("/api/v1/customer-imports/" + importOfA).then().statusCode(200)
                    .body("status", equalTo("VALIDATED"));
        });
        walks.put("exportCustomers", () -> {
            String file = as(adminB).accept("text/csv").queryParam("format", "csv").get("/api/v1/customer-export")
                    .then().statusCode(200).extract().asString();
            assertThat(file).doesNotContain("秘密客户").doesNotContain(customerOfA);
        });
        walks.put("getChainSettings", () -> as(adminB).get("/api/v1/settings").then().statusCode(200)
                .body("churnWindowDays", equalTo(180)));
        walks.put("updateChainSettings", () -> {
            String etag = as(adminB).get("/api/v1/settings").then().extract().header("ETag");
            as(adminB).header("If-Match", etag).body(Map.of("churnWindowDays", 60)).patch("/api/v1/settings")
                    .then().statusCode(200).body("churnWindowDays", equalTo(60));
            as(a.adminToken()).get("/api/v1/settings").then().statusCode(200).body("churnWindowDays", equalTo(180));
        });
        walks.put("listOrders", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/orders").then().statusCode(200)
                    .body("items.id", not(hasItem(draftOfA))).body("items.id", not(hasItem(paidOrderOfA)));
            as(adminB).queryParam("customerId", customerOfA).get("/api/v1/orders").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("createOrder", () -> {
            as(adminB).body(Map.of("customerId", customerOfA, "clinicId", clinicOfB, "lines",
                    List.of(Sales.line(itemOfA, 1)))).post("/api/v1/orders").then().statusCode(400)
                    .body("errors.field", hasItem("customerId"));
            String customerOfB = Sales.customer(b, "B 客户");
            as(adminB).body(Map.of("customerId", customerOfB, "clinicId", clinicOfB, "lines",
                    List.of(Sales.line(itemOfA, 1)))).post("/api/v1/orders").then().statusCode(400)
                    .body("errors.field", hasItem("lines[0].itemId"));
            as(adminB).body(Map.of("customerId", customerOfB, "clinicId", clinicOfB, "lines",
                    List.of(Packs.line(templateOfA, 1)))).post("/api/v1/orders").then().statusCode(400)
                    .body("errors.field", hasItem("lines[0].packTemplateId"));
        });
        walks.put("getOrder", () -> {
            String theirs = as(adminB).get("/api/v1/orders/" + draftOfA).then().statusCode(404).extract()
                    .path("detail");
            String nobodys = as(adminB).get("/api/v1/orders/" + UUID.randomUUID()).then().statusCode(404)
                    .extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("updateOrder", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("note", "hijacked"))
                    .patch("/api/v1/orders/" + draftOfA).then().statusCode(404);
            as(a.adminToken()).get("/api/v1/orders/" + draftOfA).then().statusCode(200).header("ETag", "\"0\"");
        });
        walks.put("payOrder", () -> {
            String key = UUID.randomUUID().toString();
            as(adminB).header("Idempotency-Key", key).body(Map.of("tenders", List.of(Map.of("method", "CASH",
                    "amount", Sales.cny(100))))).post("/api/v1/orders/" + draftOfA + "/pay").then().statusCode(404);
            as(a.adminToken()).get("/api/v1/orders/" + draftOfA).then().statusCode(200)
                    .body("status", equalTo("DRAFT"));
            // Keys belong to a chain: A's key does not answer B's request with A's order.
            String itemOfB = Sales.item(b, "B 项目", "SKIN", 100);
            String orderOfB = Sales.draft(b, Sales.customer(b, "B 付款"), clinicOfB, List.of(Sales.line(itemOfB, 1)))
                    .statusCode(201).extract().path("id");
            JsonPath anotherOfA = Sales.draft(a, customerOfA, clinicOfA, List.of(Sales.line(itemOfA, 1)))
                    .statusCode(201).extract().jsonPath();
            as(a.adminToken()).header("Idempotency-Key", key).body(Map.of("tenders", List.of(Map.of("method",
                    "CASH", "amount", Sales.cny(anotherOfA.getLong("total.amount"))))))
                    .post("/api/v1/orders/" + anotherOfA.getString("id") + "/pay").then().statusCode(200);
            as(adminB).header("Idempotency-Key", key).body(Map.of("tenders", List.of(Map.of("method", "CASH",
                            "amount", Sales.cny(100))))).post("/api/v1/orders/" + orderOfB + "/pay").then()
                    .statusCode(200).body("id", equalTo(orderOfB));
        });
        walks.put("voidOrder", () -> {
            as(adminB).body(Map.of("reason", "hijacked")).post("/api/v1/orders/" + draftOfA + "/void").then()
                    .statusCode(404);
            as(a.adminToken()).get("/api/v1/orders/" + draftOfA).then().body("status", equalTo("DRAFT"));
        });
        walks.put("refundOrder", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x", "lines",
                    List.of(Map.of("lineNo", 1, "amount", Sales.cny(100))))).post("/api/v1/orders/" + paidOrderOfA
                    + "/refunds").then().statusCode(404);
            as(a.adminToken()).get("/api/v1/orders/" + paidOrderOfA).then().body("status", equalTo("PAID"));
        });
        String pointsOfA = "/api/v1/points/accounts/" + customerOfA;
        walks.put("getPointsRules", () -> as(adminB).get("/api/v1/points/rules").then().statusCode(200)
                .body("earnRate", equalTo(1.0f)));
        walks.put("updatePointsRules", () -> {
            String etag = as(adminB).get("/api/v1/points/rules").then().extract().header("ETag");
            as(adminB).header("If-Match", etag).body(Map.of("earnRate", 3, "redeemPoints", 50,
                            "redeemAmount", Map.of("amount", 100, "currency", "CNY"), "allowTender", false,
                            "expiry", Map.of("policy", "AFTER_MONTHS", "months", 6), "reminderDays", 7))
                    .put("/api/v1/points/rules").then().statusCode(200).body("earnRate", equalTo(3.0f));
            as(a.adminToken()).get("/api/v1/points/rules").then().statusCode(200).body("earnRate", equalTo(1.0f))
                    .body("expiry.policy", equalTo("END_OF_NEXT_YEAR"));
        });
        walks.put("getPointsAccount", () -> {
            String theirs = as(adminB).get(pointsOfA).then().statusCode(404).extract().path("detail");
            String nobodys = as(adminB).get("/api/v1/points/accounts/" + UUID.randomUUID()).then().statusCode(404)
                    .extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("listPointsEntries", () -> as(adminB).get(pointsOfA + "/entries").then().statusCode(404));
        walks.put("adjustPoints", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("points", 1000, "reason", "steal")).post(pointsOfA + "/adjustments").then()
                    .statusCode(404);
            as(a.adminToken()).get(pointsOfA + "/entries").then().statusCode(200)
                    .body("items.reason", not(hasItem("steal")));
        });
        walks.put("redeemPoints", () -> {
            as(a.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("points", 20, "reason", "A's own")).post(pointsOfA + "/adjustments").then()
                    .statusCode(201);
            long before = as(a.adminToken()).get(pointsOfA).then().extract().jsonPath().getLong("balance");
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("points", 1, "giftDescription", "x")).post(pointsOfA + "/redemptions").then()
                    .statusCode(404);
            as(a.adminToken()).get(pointsOfA).then().statusCode(200).body("balance", equalTo((int) before));
        });
        walks.put("listExpiringPoints", () -> {
            as(a.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("points", 20, "reason", "A's own")).post(pointsOfA + "/adjustments").then()
                    .statusCode(201);
            as(a.adminToken()).queryParam("withinDays", 3660).get("/api/v1/points/expiring").then()
                    .statusCode(200).body("items.customerId", hasItem(customerOfA));
            as(adminB).queryParam("withinDays", 3660).get("/api/v1/points/expiring").then().statusCode(200)
                    .body("items.customerId", not(hasItem(customerOfA)));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get("/api/v1/points/expiring").then()
                    .statusCode(400).body("errors[0].field", equalTo("clinicId"));
        });
        walks.put("runPointsExpiry", () -> {
            long before = as(a.adminToken()).get(pointsOfA).then().extract().jsonPath().getLong("balance");
            as(adminB).body(Map.of()).post("/api/v1/points/expiry-runs").then().statusCode(200)
                    .body("customers", equalTo(0));
            as(a.adminToken()).get(pointsOfA).then().statusCode(200).body("balance", equalTo((int) before));
        });
        walks.put("listAuditEvents", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/audit-events").then().statusCode(200)
                    .body("items.entityId", not(hasItem(clinicOfA.toString())))
                    .body("items.entityId", not(hasItem(staffOfA.getString("id"))));
            as(adminB).queryParam("entityId", clinicOfA.toString()).get("/api/v1/audit-events")
                    .then().statusCode(200).body("items", empty());
        });
        String tierOfA = programOfA.getString("tiers[0].id");
        String membershipOfA = "/api/v1/customers/" + customerOfA + "/membership";
        Map<String, Object> withTierOfA = Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers",
                List.of(Map.of("id", tierOfA, "name", "x", "threshold", Map.of("amount", 100, "currency", "CNY"),
                        "benefits", Map.of("discountPercent", 1, "categoryDiscounts", Map.of(),
                                "pointsMultiplier", 1, "perks", List.of()))));
        walks.put("getMembershipProgram", () -> as(adminB).get("/api/v1/membership/tiers").then().statusCode(200)
                .body("tiers.id", not(hasItem(tierOfA))));
        walks.put("updateMembershipProgram", () -> {
            String etag = as(adminB).get("/api/v1/membership/tiers").then().extract().header("ETag");
            as(adminB).header("If-Match", etag).body(withTierOfA).put("/api/v1/membership/tiers").then()
                    .statusCode(400).body("errors.field", hasItem("tiers[0].id"));
            as(a.adminToken()).get("/api/v1/membership/tiers").then().statusCode(200)
                    .body("tiers[0].name", equalTo("普卡"));
        });
        walks.put("previewMembershipProgram", () -> {
            as(adminB).body(withTierOfA).post("/api/v1/membership/tiers/preview").then().statusCode(400)
                    .body("errors.field", hasItem("tiers[0].id"));
            as(adminB).body(Members.program("LIFETIME", "NEVER")).post("/api/v1/membership/tiers/preview").then()
                    .statusCode(200).body("movers.customerId", not(hasItem(customerOfA)));
        });
        walks.put("getMembershipJob", () -> as(adminB).get("/api/v1/membership/jobs/"
                + programOfA.getString("reevaluationJob.id")).then().statusCode(404));
        walks.put("startMembershipReview", () -> {
            int before = as(a.adminToken()).get(membershipOfA).then().extract().path("history.size()");
            Members.awaitJob(b, as(adminB).post("/api/v1/membership/reviews").then().statusCode(202)
                    .extract().path("id"));
            as(a.adminToken()).get(membershipOfA).then().statusCode(200).body("history.size()", equalTo(before));
        });
        walks.put("getCustomerMembership", () -> as(adminB).get(membershipOfA).then().statusCode(404));
        walks.put("overrideCustomerTier", () -> {
            String until = OffsetDateTime.now().plusDays(9).toString();
            as(adminB).body(Map.of("tierId", tierOfA, "reason", "x", "until", until))
                    .post(membershipOfA + "/override").then().statusCode(404);
            UUID ownCustomer = Members.customer(b, "B 的会员");
            as(adminB).body(Map.of("tierId", tierOfA, "reason", "x", "until", until))
                    .post("/api/v1/customers/" + ownCustomer + "/membership/override").then().statusCode(400)
                    .body("errors.field", hasItem("tierId"));
            as(a.adminToken()).get(membershipOfA).then().body("source", equalTo("COMPUTED"));
        });
        walks.put("endCustomerTierOverride", () -> as(adminB).queryParam("reason", "x")
                .delete(membershipOfA + "/override").then().statusCode(404));
        walkSessionPacks(walks, adminB);
        storedValueWalks(walks, adminB);
        followUpWalks(walks, adminB);
        couponWalks(walks, adminB);
        referralWalks(walks, adminB);
        planWalks(walks, adminB);
        satisfactionWalks(walks, adminB);
        standardsWalks(walks, adminB);
        segmentWalks(walks, adminB);
        return walks;
    }

    /** A's rule and an open task (a birthday call of a customer of A's whose birthday is today), made once. */
    private static void followUpsOfA() {
        if (followUpTaskOfA != null) {
            return;
        }
        followUpRuleOfA = as(a.adminToken()).body(Map.of("trigger", "BIRTHDAY", "days", 0, "title", "A秘密回访"))
                .post("/api/v1/follow-ups/rules").then().statusCode(201).extract().path("id");
        String birthday = LocalDate.now(ZoneId.of("Asia/Shanghai")).withYear(1992).toString();
        String celebrated = as(a.adminToken()).body(Map.of("name", "秘密寿星", "phone", "134" + phoneOfA.substring(3),
                        "source", "WALK_IN", "birthDate", birthday, "homeClinicId", clinicOfA))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        as(a.adminToken()).post("/api/v1/follow-ups/runs").then().statusCode(200);
        followUpTaskOfA = as(a.adminToken()).queryParam("customerId", celebrated).get("/api/v1/follow-ups/tasks")
                .then().statusCode(200).extract().path("items[0].id");
        touchpointOfA = as(a.adminToken()).body(Map.of("customerId", customerOfA, "clinicId", clinicOfA,
                "channel", "GIFT", "note", "A秘密礼物")).post("/api/v1/follow-ups/touchpoints").then().statusCode(201)
                .extract().path("id");
    }

    private void followUpWalks(Map<String, Runnable> walks, String adminB) {
        followUpsOfA();
        String fu = "/api/v1/follow-ups";
        String taskA = fu + "/tasks/" + followUpTaskOfA;
        Runnable taskUntouched = () -> as(a.adminToken()).get(taskA).then().statusCode(200)
                .body("status", equalTo("OPEN"), "assigneeId", equalTo(null));
        walks.put("listFollowUpRules", () -> as(adminB).queryParam("limit", 200).get(fu + "/rules").then()
                .statusCode(200).body("items.id", not(hasItem(followUpRuleOfA))));
        walks.put("createFollowUpRule", () -> {
            String theirs = as(adminB).body(Map.of("trigger", "AFTER_TREATMENT", "days", 1, "title", "B"))
                    .post(fu + "/rules").then().statusCode(anyOf(equalTo(201), equalTo(409))).extract().path("id");
            as(a.adminToken()).queryParam("limit", 200).get(fu + "/rules").then().statusCode(200)
                    .body("items.id", hasItem(followUpRuleOfA), "items.id", not(hasItem(theirs)));
        });
        walks.put("getFollowUpRule", () -> {
            String theirs = as(adminB).get(fu + "/rules/" + followUpRuleOfA).then().statusCode(404).extract()
                    .path("detail");
            String nobodys = as(adminB).get(fu + "/rules/" + UUID.randomUUID()).then().statusCode(404).extract()
                    .path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("updateFollowUpRule", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("enabled", false))
                    .patch(fu + "/rules/" + followUpRuleOfA).then().statusCode(404);
            as(a.adminToken()).get(fu + "/rules/" + followUpRuleOfA).then().statusCode(200)
                    .body("enabled", equalTo(true));
        });
        walks.put("runFollowUps", () -> {
            as(adminB).post(fu + "/runs").then().statusCode(200);
            taskUntouched.run();
        });
        walks.put("listFollowUpTasks", () -> {
            as(adminB).queryParam("limit", 200).get(fu + "/tasks").then().statusCode(200)
                    .body("items.id", not(hasItem(followUpTaskOfA)));
            as(adminB).queryParam("customerId", customerOfA).get(fu + "/tasks").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("getFollowUpTask", () -> as(adminB).get(taskA).then().statusCode(404));
        walks.put("recordFollowUpOutcome", () -> {
            as(adminB).body(Map.of("outcome", "REACHED", "channel", "CALL", "clinicId", clinicOfB))
                    .post(taskA + "/outcome").then().statusCode(404);
            taskUntouched.run();
        });
        walks.put("reassignFollowUpTask", () -> {
            as(adminB).body(Map.of("assigneeId", b.adminStaffId())).post(taskA + "/reassign").then().statusCode(404);
            as(a.adminToken()).body(Map.of("assigneeId", b.adminStaffId())).post(taskA + "/reassign").then()
                    .statusCode(400);
            taskUntouched.run();
        });
        walks.put("cancelFollowUpTask", () -> {
            as(adminB).body(Map.of("reason", "x")).post(taskA + "/cancel").then().statusCode(404);
            taskUntouched.run();
        });
        walks.put("getFollowUpWorkload", () -> {
            as(adminB).get(fu + "/workload").then().statusCode(200).body("assigneeId", not(hasItem(nullValue())));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get(fu + "/workload").then().statusCode(200)
                    .body("$", empty());
        });
        walks.put("recordTouchpoint", () -> {
            as(adminB).body(Map.of("customerId", customerOfA, "clinicId", clinicOfB, "channel", "CALL"))
                    .post(fu + "/touchpoints").then().statusCode(400).body("errors.field", hasItem("customerId"));
            as(adminB).body(Map.of("customerId", UUID.randomUUID(), "clinicId", clinicOfA, "channel", "CALL"))
                    .post(fu + "/touchpoints").then().statusCode(400);
        });
        walks.put("listTouchpoints", () -> {
            as(adminB).queryParam("customerId", customerOfA).get(fu + "/touchpoints").then().statusCode(200)
                    .body("items", empty());
            as(adminB).get(fu + "/touchpoints").then().statusCode(200).body("items.id", not(hasItem(touchpointOfA)));
        });
    }

    private void couponWalks(Map<String, Runnable> walks, String adminB) {
        String coupons = "/api/v1/coupons";
        String budgetOfA = coupons + "/gift-budgets/" + staffOfA.getString("id") + "/2026-01";
        Runnable aUntouched = () -> {
            as(a.adminToken()).get(coupons + "/" + couponOfA).then().statusCode(200).body("status", equalTo("ISSUED"));
            as(a.adminToken()).get(coupons + "/types/" + couponTypeOfA).then().statusCode(200)
                    .body("active", equalTo(true), "version", equalTo(0));
        };
        walks.put("listCouponTypes", () -> as(adminB).queryParam("limit", 200).get(coupons + "/types").then()
                .statusCode(200).body("items.id", not(hasItem(couponTypeOfA))));
        walks.put("createCouponType", () -> as(adminB).body(Map.of("code", Chains.unique("B"), "name", "x",
                        "kind", "EXPERIENCE_VOUCHER", "validDays", 1, "stacking", "EXCLUSIVE", "allItems", false,
                        "itemIds", List.of(itemOfA))).post(coupons + "/types").then().statusCode(400)
                .body("errors.field", hasItem("itemIds[0]")));
        walks.put("getCouponType", () -> {
            String theirs = as(adminB).get(coupons + "/types/" + couponTypeOfA).then().statusCode(404).extract()
                    .path("detail");
            assertThat(theirs).isEqualTo(as(adminB).get(coupons + "/types/" + UUID.randomUUID()).then()
                    .statusCode(404).extract().path("detail"));
        });
        walks.put("updateCouponType", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("active", false)).patch(coupons + "/types/"
                    + couponTypeOfA).then().statusCode(404);
            aUntouched.run();
        });
        walks.put("listCoupons", () -> {
            as(adminB).queryParam("customerId", customerOfA).get(coupons).then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.empty());
            as(adminB).queryParam("couponTypeId", couponTypeOfA).get(coupons).then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.empty());
        });
        walks.put("issueCoupon", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("customerId", customerOfA,
                    "couponTypeId", couponTypeOfA, "source", "CAMPAIGN")).post(coupons).then().statusCode(400);
            // Nor can B's order carry A's coupon.
            String itemOfB = Sales.item(b, "B 项目", "SKIN", 1_000);
            as(adminB).body(Map.of("customerId", Members.customer(b, "B 的券客"), "clinicId", clinicOfB,
                    "lines", List.of(Sales.line(itemOfB, 1)), "couponIds", List.of(couponOfA)))
                    .post("/api/v1/orders").then().statusCode(400).body("errors.field", hasItem("couponIds[0]"));
            as(a.adminToken()).queryParam("customerId", customerOfA).get(coupons).then()
                    .body("items.size()", equalTo(1));
        });
        walks.put("issueCouponsInBulk", () -> as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("couponTypeId", couponTypeOfA, "source", "CAMPAIGN", "sourceRef", "x"))
                .post(coupons + "/bulk-issues").then().statusCode(400).body("errors.field", hasItem("couponTypeId")));
        walks.put("getCouponReport", () -> as(adminB).get(coupons + "/report").then().statusCode(200)
                .body("items.couponTypeId", not(hasItem(couponTypeOfA))));
        walks.put("runCouponExpiry", () -> {
            as(adminB).body(Map.of()).post(coupons + "/expiry-runs").then().statusCode(200);
            aUntouched.run();
        });
        walks.put("listGiftBudgets", () -> as(adminB).queryParam("month", "2026-01").get(coupons + "/gift-budgets")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty()));
        walks.put("getGiftBudget", () -> as(adminB).get(budgetOfA).then().statusCode(404));
        walks.put("setGiftBudget", () -> {
            as(adminB).body(Map.of("amount", Sales.cny(1))).put(budgetOfA).then().statusCode(404);
            as(a.adminToken()).get(budgetOfA).then().statusCode(200).body("amount.amount", equalTo(5_000));
        });
        walks.put("getCoupon", () -> {
            String theirs = as(adminB).get(coupons + "/" + couponOfA).then().statusCode(404).extract().path("detail");
            assertThat(theirs).isEqualTo(as(adminB).get(coupons + "/" + UUID.randomUUID()).then().statusCode(404)
                    .extract().path("detail"));
        });
        walks.put("voidCoupon", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x"))
                    .post(coupons + "/" + couponOfA + "/void").then().statusCode(404);
            aUntouched.run();
        });
    }

    private void referralWalks(Map<String, Runnable> walks, String adminB) {
        String rules = "/api/v1/referrals/rules";
        walks.put("getReferralRules", () -> as(adminB).get(rules).then().statusCode(200));
        walks.put("updateReferralRules", () -> {
            String etag = as(adminB).get(rules).then().extract().header("ETag");
            as(adminB).header("If-Match", etag).body(Map.of("level1", Map.of("kind", "POINTS", "points", 7),
                    "minimumSpend", Sales.cny(0))).put(rules).then().statusCode(200);
            as(a.adminToken()).get(rules).then().statusCode(200).body("configured", equalTo(false));
        });
        walks.put("getCustomerReferrals", () -> {
            String theirs = as(adminB).get("/api/v1/referrals/customers/" + customerOfA).then().statusCode(404)
                    .extract().path("detail");
            String nobodys = as(adminB).get("/api/v1/referrals/customers/" + UUID.randomUUID()).then()
                    .statusCode(404).extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("getReferralLeaderboard", () -> as(adminB).queryParam("from", "2000-01-01T00:00:00Z")
                .queryParam("to", "2100-01-01T00:00:00Z").get("/api/v1/referrals/leaderboard").then()
                .statusCode(200).body("items.clinicId", not(hasItem(clinicOfA.toString()))));
        walks.put("setCustomerReferrer", () -> {
            String customerOfB = Sales.customer(b, "B 被推荐");
            String referrer = "/api/v1/referrals/customers/" + customerOfA + "/referrer";
            as(adminB).body(Map.of("referrerId", customerOfB, "evidence", "x")).put(referrer).then().statusCode(404);
            as(adminB).body(Map.of("referrerId", customerOfA, "evidence", "x"))
                    .put("/api/v1/referrals/customers/" + customerOfB + "/referrer").then().statusCode(400)
                    .body("errors.field", hasItem("referrerId"));
            as(a.adminToken()).get("/api/v1/referrals/customers/" + customerOfA).then().statusCode(200)
                    .body("referrer", org.hamcrest.Matchers.nullValue());
        });
    }

    /** A's stricter rules, a visit with an unanswered link, and a low answered survey with its complaint, made once. */
    private static void satisfactionOfA() {
        if (complaintOfA != null) {
            return;
        }
        String s = "/api/v1/satisfaction";
        as(a.adminToken()).header("If-Match", "\"0\"").body(Map.of("lowScoreMax", 3, "lowNpsMax", 7,
                "linkValidHours", 5, "slaHours", Map.of("high", 1, "medium", 2, "low", 3))).put(s + "/rules").then()
                .statusCode(200);
        surveyVisitOfA = Packs.visit(a, Sales.customer(a, "A问卷客户"), clinicOfA);
        surveyLinkOfA = as(a.adminToken()).body(Map.of("visitId", surveyVisitOfA, "itemIds", List.of(itemOfA)))
                .post(s + "/survey-links").then().statusCode(201).extract().path("token");
        JsonPath recorded = as(a.adminToken()).body(Map.of("visitId", Packs.visit(a, Sales.customer(a, "A差评"),
                        clinicOfA), "resultScore", 1, "experienceScore", 2, "nps", 1, "comment", "A的秘密差评"))
                .post(s + "/surveys").then().statusCode(201).extract().jsonPath();
        surveyOfA = recorded.getString("id");
        complaintOfA = recorded.getString("complaintId");
    }

    private void satisfactionWalks(Map<String, Runnable> walks, String adminB) {
        satisfactionOfA();
        String s = "/api/v1/satisfaction";
        String complaintA = s + "/complaints/" + complaintOfA;
        Runnable aUntouched = () -> {
            as(a.adminToken()).get(complaintA).then().statusCode(200)
                    .body("status", equalTo("OPEN"), "version", equalTo(0));
            as(a.adminToken()).get(s + "/rules").then().statusCode(200).body("lowScoreMax", equalTo(3));
            as(a.adminToken()).queryParam("visitId", surveyVisitOfA).get(s + "/surveys").then().statusCode(200)
                    .body("items[0].status", equalTo("PENDING"));
        };
        walks.put("getSatisfactionRules", () -> as(adminB).get(s + "/rules").then().statusCode(200)
                .body("lowScoreMax", not(equalTo(3))));
        walks.put("updateSatisfactionRules", () -> {
            String etag = as(adminB).get(s + "/rules").then().extract().header("ETag");
            as(adminB).header("If-Match", etag).body(Map.of("lowScoreMax", 1, "lowNpsMax", 0, "linkValidHours", 1,
                    "slaHours", Map.of("high", 9, "medium", 9, "low", 9))).put(s + "/rules").then().statusCode(200);
            aUntouched.run();
        });
        walks.put("listSurveys", () -> {
            as(adminB).queryParam("limit", 200).get(s + "/surveys").then().statusCode(200)
                    .body("items.id", not(hasItem(surveyOfA)));
            as(adminB).queryParam("visitId", surveyVisitOfA).get(s + "/surveys").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("recordSurvey", () -> {
            as(adminB).body(Map.of("visitId", surveyVisitOfA, "resultScore", 5, "experienceScore", 5, "nps", 10))
                    .post(s + "/surveys").then().statusCode(400).body("errors.field", hasItem("visitId"));
            String visitOfB = Packs.visit(b, Sales.customer(b, "B问卷"), clinicOfB);
            as(adminB).body(Map.of("visitId", visitOfB, "resultScore", 5, "experienceScore", 5, "nps", 10,
                    "itemIds", List.of(itemOfA))).post(s + "/surveys").then().statusCode(400)
                    .body("errors.field", hasItem("itemIds[0]"));
            aUntouched.run();
        });
        walks.put("getSurvey", () -> {
            String theirs = as(adminB).get(s + "/surveys/" + surveyOfA).then().statusCode(404).extract()
                    .path("detail");
            assertThat(theirs).isEqualTo(as(adminB).get(s + "/surveys/" + UUID.randomUUID()).then().statusCode(404)
                    .extract().path("detail"));
        });
        walks.put("createSurveyLink", () -> {
            as(adminB).body(Map.of("visitId", surveyVisitOfA)).post(s + "/survey-links").then().statusCode(400)
                    .body("errors.field", hasItem("visitId"));
            aUntouched.run();
        });
        walks.put("getSatisfactionSummary", () -> {
            as(adminB).get(s + "/summary").then().statusCode(200).body("rows.key", not(hasItem(clinicOfA.toString())));
            as(adminB).queryParam("by", "ITEM").get(s + "/summary").then().statusCode(200)
                    .body("rows.key", not(hasItem(itemOfA)));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get(s + "/summary").then().statusCode(400);
        });
        walks.put("listComplaints", () -> {
            as(adminB).queryParam("limit", 200).get(s + "/complaints").then().statusCode(200)
                    .body("items.id", not(hasItem(complaintOfA)));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get(s + "/complaints").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("openComplaint", () -> {
            as(adminB).body(Map.of("customerId", customerOfA, "clinicId", clinicOfB, "severity", "LOW",
                    "category", "OTHER", "description", "x")).post(s + "/complaints").then().statusCode(400)
                    .body("errors.field", hasItem("customerId"));
            as(adminB).body(Map.of("customerId", Sales.customer(b, "B投诉"), "clinicId", clinicOfA,
                    "severity", "LOW", "category", "OTHER", "description", "x")).post(s + "/complaints").then()
                    .statusCode(400).body("errors.field", hasItem("clinicId"));
        });
        walks.put("getComplaint", () -> {
            String theirs = as(adminB).get(complaintA).then().statusCode(404).extract().path("detail");
            assertThat(theirs).isEqualTo(as(adminB).get(s + "/complaints/" + UUID.randomUUID()).then()
                    .statusCode(404).extract().path("detail"));
        });
        walks.put("changeComplaintStatus", () -> {
            as(adminB).body(Map.of("status", "IN_PROGRESS")).post(complaintA + "/status").then().statusCode(404);
            aUntouched.run();
        });
        walks.put("reassignComplaint", () -> {
            as(adminB).body(Map.of("ownerId", b.adminStaffId())).post(complaintA + "/reassign").then()
                    .statusCode(404);
            as(a.adminToken()).body(Map.of("ownerId", b.adminStaffId())).post(complaintA + "/reassign").then()
                    .statusCode(400);
            aUntouched.run();
        });
        // A link of chain B shows B's survey and nothing of A's, and answering it leaves A's surveys alone.
        String linkOfB = as(adminB).body(Map.of("visitId", Packs.visit(b, Sales.customer(b, "B链接"), clinicOfB)))
                .post(s + "/survey-links").then().statusCode(201).extract().path("token");
        walks.put("getPublicSurvey", () -> {
            String shown = anonymous().get("/api/v1/public/surveys/" + linkOfB).then().statusCode(200)
                    .body("clinicName", equalTo("B 店")).extract().asString();
            assertThat(shown).doesNotContain(clinicNameOfA).doesNotContain(surveyVisitOfA);
            aUntouched.run();
        });
        walks.put("submitPublicSurvey", () -> {
            anonymous().body(Map.of("resultScore", 1, "experienceScore", 1, "nps", 0))
                    .post("/api/v1/public/surveys/" + linkOfB).then().statusCode(200);
            as(adminB).queryParam("limit", 200).get(s + "/complaints").then().statusCode(200)
                    .body("items.clinicId", not(hasItem(clinicOfA.toString())));
            as(a.adminToken()).queryParam("limit", 200).get(s + "/complaints").then().statusCode(200)
                    .body("items.id", equalTo(List.of(complaintOfA)));
            aUntouched.run();
        });
    }

    private void storedValueWalks(Map<String, Runnable> walks, String adminB) {
        String sv = "/api/v1/stored-value";
        String accountA = sv + "/accounts/" + accountOfA;
        Runnable aUntouched = () -> as(a.adminToken()).get(accountA).then().statusCode(200)
                .body("status", equalTo("ACTIVE"), "balance.amount", equalTo(399_000), "lots.size()", equalTo(1));
        walks.put("listStoredValuePlans", () -> {
            as(adminB).queryParam("limit", 200).get(sv + "/plans").then().statusCode(200)
                    .body("items.id", not(hasItem(planOfA)));
            as(adminB).queryParam("q", planNameOfA).get(sv + "/plans").then().statusCode(200)
                    .body("items.id", not(hasItem(planOfA)));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get(sv + "/plans").then().statusCode(200)
                    .body("items.id", not(hasItem(planOfA)));
        });
        walks.put("createStoredValuePlan", () -> as(adminB).body(Map.of("code", Chains.unique("B"), "name", "x",
                        "price", Sales.cny(100), "value", Sales.cny(100), "allClinics", false,
                        "clinicIds", List.of(clinicOfA)))
                .post(sv + "/plans").then().statusCode(400).body("errors.field", hasItem("clinicIds[0]")));
        walks.put("getStoredValuePlan", () -> {
            String theirs = as(adminB).get(sv + "/plans/" + planOfA).then().statusCode(404).extract()
                    .path("detail");
            String nobodys = as(adminB).get(sv + "/plans/" + UUID.randomUUID()).then().statusCode(404).extract()
                    .path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("updateStoredValuePlan", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("active", false)).patch(sv + "/plans/" + planOfA)
                    .then().statusCode(404);
            as(a.adminToken()).get(sv + "/plans/" + planOfA).then().statusCode(200).body("active", equalTo(true));
        });
        walks.put("getStoredValueLiabilities", () -> {
            as(adminB).get(sv + "/liabilities").then().statusCode(200)
                    .body("clinics.clinicId", not(hasItem(clinicOfA.toString())));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get(sv + "/liabilities").then().statusCode(400)
                    .body("errors.field", equalTo(List.of("clinicId")));
        });
        walks.put("getStoredValueRules", () -> as(adminB).get(sv + "/rules").then().statusCode(200)
                .body("reminderDays", equalTo(30)));
        walks.put("updateStoredValueRules", () -> {
            String etag = as(adminB).get(sv + "/rules").then().extract().header("ETag");
            as(adminB).header("If-Match", etag).body(Map.of("debitOrder", "PRINCIPAL_FIRST", "reminderDays", 7))
                    .put(sv + "/rules").then().statusCode(200);
            as(a.adminToken()).get(sv + "/rules").then().statusCode(200).body("debitOrder", equalTo("PRO_RATA"))
                    .body("reminderDays", equalTo(30));
        });
        walks.put("topUpStoredValue", () -> {
            String planOfB = Wallets.plan(b, 100, 100, null);
            String customerOfB = Sales.customer(b, "B 储值");
            String path = sv + "/top-ups";
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Wallets.topUpBody(customerOfA, planOfB, clinicOfB, 100)).post(path).then().statusCode(400)
                    .body("errors.field", hasItem("customerId"));
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Wallets.topUpBody(customerOfB, planOfA, clinicOfB, 300_000)).post(path).then()
                    .statusCode(400).body("errors.field", hasItem("planId"));
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Wallets.topUpBody(customerOfB, planOfB, clinicOfA, 100)).post(path).then().statusCode(400)
                    .body("errors.field", hasItem("clinicId"));
            aUntouched.run();
        });
        walks.put("listStoredValueAccounts", () -> {
            as(adminB).queryParam("limit", 200).get(sv + "/accounts").then().statusCode(200)
                    .body("items.id", not(hasItem(accountOfA)));
            as(adminB).queryParam("customerId", customerOfA).get(sv + "/accounts").then().statusCode(200)
                    .body("items", empty());
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get(sv + "/accounts").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("getStoredValueAccount", () -> {
            String theirs = as(adminB).get(accountA).then().statusCode(404).extract().path("detail");
            String nobodys = as(adminB).get(sv + "/accounts/" + UUID.randomUUID()).then().statusCode(404)
                    .extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("listStoredValueEntries", () -> as(adminB).get(accountA + "/entries").then().statusCode(404));
        walks.put("debitStoredValue", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("amount", Sales.cny(1_000), "clinicId", clinicOfB)).post(accountA + "/debits")
                    .then().statusCode(404);
            aUntouched.run();
        });
        walks.put("reverseStoredValueDebit", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x"))
                    .post(accountA + "/debits/" + debitOfA + "/reversal").then().statusCode(404);
            aUntouched.run();
        });
        walks.put("quoteStoredValueRefund", () -> as(adminB).get(accountA + "/refund-quote").then()
                .statusCode(404));
        walks.put("refundStoredValue", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("reason", "x", "close", true)).post(accountA + "/refund").then().statusCode(404);
            aUntouched.run();
        });
        walks.put("freezeStoredValueAccount", () -> {
            as(adminB).body(Map.of("reason", "x")).post(accountA + "/freeze").then().statusCode(404);
            aUntouched.run();
        });
        walks.put("unfreezeStoredValueAccount", () -> as(adminB).body(Map.of("reason", "x"))
                .post(accountA + "/unfreeze").then().statusCode(404));
        walks.put("transferStoredValue", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("toCustomerId", Sales.customer(b, "B 接收"), "reason", "x"))
                    .post(accountA + "/transfer").then().statusCode(404);
            UUID clinic = Chains.clinic(b, "B 转账店");
            String accountOfB = Wallets.topUp(b, Sales.customer(b, "B 转出"), Wallets.plan(b, 100, 100, null),
                    clinic, 100);
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("toCustomerId", customerOfA, "reason", "x"))
                    .post(sv + "/accounts/" + accountOfB + "/transfer").then().statusCode(400)
                    .body("errors.field", hasItem("toCustomerId"));
            aUntouched.run();
        });
        walks.put("reactivateStoredValue", () -> as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "x")).post(accountA + "/reactivate").then().statusCode(404));
        walks.put("adjustStoredValue", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("principal", Sales.cny(100_000), "bonus", Sales.cny(0), "reason", "steal"))
                    .post(accountA + "/adjustments").then().statusCode(404);
            aUntouched.run();
        });
        walks.put("runStoredValueExpiry", () -> {
            as(adminB).body(Map.of()).post(sv + "/expiry-runs").then().statusCode(200).body("accounts", equalTo(0));
            aUntouched.run();
        });
        String imports = sv + "/imports";
        walks.put("createStoredValueImport", () -> {
            // A's phone finds none of A's customers in B (B may hold the number itself), A's clinic is nowhere.
            as(adminB).contentType("text/csv").body("phone,principal,clinic\n" + phoneOfA + ",100," + clinicOfA
                    + "\n").post(imports).then().statusCode(201).body("rows[0].status", equalTo("ERROR"))
                    .body("rows[0].customerId", not(equalTo(customerOfA)))
                    .body("rows[0].issues.code", hasItem("UNKNOWN_CLINIC"));
            as(adminB).contentType("text/csv").queryParam("clinicId", clinicOfA.toString()).body("phone,principal\n")
                    .post(imports).then().statusCode(400).body("errors[0].field", equalTo("clinicId"));
        });
        walks.put("listStoredValueImports", () -> as(adminB).queryParam("limit", 200).get(imports).then()
                .statusCode(200).body("items.id", not(hasItem(storedValueImportOfA))));
        walks.put("getStoredValueImport", () -> {
            String theirs = as(adminB).get(imports + "/" + storedValueImportOfA).then().statusCode(404)
                    .extract().path("detail");
            String nobodys = as(adminB).get(imports + "/" + UUID.randomUUID()).then().statusCode(404)
                    .extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("commitStoredValueImport", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .post(imports + "/" + storedValueImportOfA + "/commit").then().statusCode(404);
            as(a.adminToken()).get(imports + "/" + storedValueImportOfA).then().statusCode(200)
                    .body("status", equalTo("VALIDATED"), "okRows", equalTo(1));
            aUntouched.run();
        });
    }

    private void walkSessionPacks(Map<String, Runnable> walks, String adminB) {
        String templates = "/api/v1/session-packs/templates";
        String packs = "/api/v1/session-packs/";
        walks.put("listPackTemplates", () -> as(adminB).queryParam("limit", 200).get(templates).then()
                .statusCode(200).body("items.id", not(hasItem(templateOfA))));
        walks.put("createPackTemplate", () -> {
            as(adminB).body(Map.of("code", Chains.unique("X"), "name", "x", "items", List.of(Packs.item(itemOfA, 1,
                    null)), "price", Sales.cny(100), "validityDays", 30, "allClinics", true)).post(templates).then()
                    .statusCode(400).body("errors.field", hasItem("items[0].itemId"));
            String itemOfB = Sales.item(b, "B 项目", "SKIN", 100);
            as(adminB).body(Map.of("code", Chains.unique("X"), "name", "x", "items", List.of(Packs.item(itemOfB, 1,
                    null)), "price", Sales.cny(100), "validityDays", 30, "allClinics", false,
                    "clinicIds", List.of(clinicOfA))).post(templates).then()
                    .statusCode(400).body("errors.field", hasItem("clinicIds[0]"));
        });
        walks.put("getPackTemplate", () -> {
            String theirs = as(adminB).get(templates + "/" + templateOfA).then().statusCode(404).extract()
                    .path("detail");
            String nobodys = as(adminB).get(templates + "/" + UUID.randomUUID()).then().statusCode(404).extract()
                    .path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("updatePackTemplate", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("name", "hijacked")).patch(templates + "/"
                    + templateOfA).then().statusCode(404);
            as(a.adminToken()).get(templates + "/" + templateOfA).then().statusCode(200).header("ETag", "\"0\"");
        });
        walks.put("listSessionPacks", () -> {
            as(adminB).queryParam("limit", 200).get("/api/v1/session-packs").then().statusCode(200)
                    .body("items.id", not(hasItem(packOfA)));
            as(adminB).queryParam("customerId", customerOfA).get("/api/v1/session-packs").then().statusCode(200)
                    .body("items", empty());
        });
        walks.put("getSessionPack", () -> {
            String theirs = as(adminB).get(packs + packOfA).then().statusCode(404).extract().path("detail");
            String nobodys = as(adminB).get(packs + UUID.randomUUID()).then().statusCode(404).extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("listSessionPackEntries", () -> as(adminB).get(packs + packOfA + "/entries").then().statusCode(404));
        walks.put("redeemSessionPack", () -> {
            Packs.redeem(as(adminB), packOfA, itemOfA, visitOfA, b.adminStaffId(), UUID.randomUUID().toString())
                    .then().statusCode(404);
            packOfAIsUntouched();
        });
        walks.put("reverseSessionPackRedemption", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x"))
                    .post(packs + packOfA + "/redemptions/" + redemptionOfA + "/reversal").then().statusCode(404);
            packOfAIsUntouched();
        });
        walks.put("refundSessionPack", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "x"))
                    .post(packs + packOfA + "/refund").then().statusCode(404);
            packOfAIsUntouched();
        });
        walks.put("freezeSessionPack", () -> {
            as(adminB).body(Map.of("reason", "x")).post(packs + packOfA + "/freeze").then().statusCode(404);
            packOfAIsUntouched();
        });
        walks.put("unfreezeSessionPack", () -> {
            as(adminB).body(Map.of("reason", "x")).post(packs + packOfA + "/unfreeze").then().statusCode(404);
            packOfAIsUntouched();
        });
        walks.put("extendSessionPack", () -> {
            String expiry = as(a.adminToken()).get(packs + packOfA).then().extract().path("expiresAt");
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("days", 30, "reason", "x"))
                    .post(packs + packOfA + "/extend").then().statusCode(404);
            as(a.adminToken()).get(packs + packOfA).then().body("expiresAt", equalTo(expiry));
        });
        walks.put("getSessionPackLiabilities", () -> {
            as(adminB).get(packs + "liabilities").then().statusCode(200)
                    .body("clinics.clinicId", not(hasItem(clinicOfA.toString())));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get(packs + "liabilities").then().statusCode(400)
                    .body("errors.field", equalTo(List.of("clinicId")));
        });
    }

    /** A's customer has a plan of one version; B reaches neither it nor its curve, versions or suggestions. */
    private void planWalks(Map<String, Runnable> walks, String adminB) {
        String treatmentPlanOfA = "/api/v1/customers/" + customerOfA + "/plan";
        if (as(a.adminToken()).get(treatmentPlanOfA).then().statusCode(200).extract().jsonPath().getInt("version") == 0) {
            as(a.adminToken()).header("If-Match", "\"0\"").body(Map.of("lines", List.of(Map.of("itemId", itemOfA,
                    "month", 1, "quantity", 1, "estimatedAmount", Sales.cny(100), "note", "A 的秘密计划"))))
                    .put(treatmentPlanOfA).then().statusCode(200);
        }
        Runnable treatmentPlanOfAIsUntouched = () -> as(a.adminToken()).get(treatmentPlanOfA).then().statusCode(200)
                .header("ETag", "\"1\"").body("current.lines.note", equalTo(List.of("A 的秘密计划")));
        walks.put("getTreatmentPlan", () -> {
            String theirs = as(adminB).get(treatmentPlanOfA).then().statusCode(404).extract().path("detail");
            String nobodys = as(adminB).get("/api/v1/customers/" + UUID.randomUUID() + "/plan").then()
                    .statusCode(404).extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("reviseTreatmentPlan", () -> {
            as(adminB).header("If-Match", "\"1\"").body(Map.of("reason", "x", "lines", List.of(Map.of("itemId",
                    itemOfA, "month", 2, "quantity", 1, "estimatedAmount", Sales.cny(1))))).put(treatmentPlanOfA).then()
                    .statusCode(404);
            treatmentPlanOfAIsUntouched.run();
            String customerOfB = Sales.customer(b, "B 的客户");
            String itemOfB = Sales.item(b, "B 项目", "SKIN", 100);
            Sales.paidOrder(b, customerOfB, clinicOfB, List.of(Sales.line(itemOfB, 1)));
            as(adminB).header("If-Match", "\"0\"").body(Map.of("lines", List.of(Map.of("itemId", itemOfA,
                    "month", 1, "quantity", 1, "estimatedAmount", Sales.cny(1), "consultationId", consultationOfA))))
                    .put("/api/v1/customers/" + customerOfB + "/plan").then().statusCode(400)
                    .body("errors.field", hasItem("lines[0].itemId"))
                    .body("errors.field", hasItem("lines[0].consultationId"));
        });
        walks.put("listTreatmentPlanVersions", () -> as(adminB).get(treatmentPlanOfA + "/versions").then().statusCode(404));
        walks.put("getTreatmentPlanVersion", () -> as(adminB).get(treatmentPlanOfA + "/versions/1").then().statusCode(404));
        walks.put("suggestTreatmentPlanLines", () -> as(adminB).get(treatmentPlanOfA + "/suggestions").then()
                .statusCode(404));
    }

    private void standardsWalks(Map<String, Runnable> walks, String adminB) {
        String an = "/api/v1/analytics";
        walks.put("getMemberStandardsRules", () -> {
            if (as(a.adminToken()).get(an + "/standards/rules").then().statusCode(200).extract().jsonPath()
                    .getLong("version") == 0) {
                as(a.adminToken()).header("If-Match", "\"0\"").body(standardsRules(1_234_500)).put(an + "/standards/rules")
                        .then().statusCode(200);
            }
            as(adminB).get(an + "/standards/rules").then().statusCode(200).body("configured", equalTo(false))
                    .body("targets.spend.amount", equalTo(10_000_000));
        });
        walks.put("updateMemberStandardsRules", () -> {
            String etag = as(adminB).get(an + "/standards/rules").then().statusCode(200).extract().header("ETag");
            as(adminB).header("If-Match", etag).body(standardsRules(7_000_000)).put(an + "/standards/rules").then()
                    .statusCode(200);
            as(a.adminToken()).get(an + "/standards/rules").then().statusCode(200)
                    .body("targets.spend.amount", not(equalTo(7_000_000)));
        });
        walks.put("getMemberStandards", () -> {
            as(a.adminToken()).get(an + "/customers/" + customerOfA + "/standards").then().statusCode(200);
            String theirs = as(adminB).get(an + "/customers/" + customerOfA + "/standards").then().statusCode(404)
                    .extract().path("detail");
            String nobodys = as(adminB).get(an + "/customers/" + UUID.randomUUID() + "/standards").then()
                    .statusCode(404).extract().path("detail");
            assertThat(theirs).isEqualTo(nobodys);
        });
        walks.put("getStandardsDistribution", () -> {
            as(adminB).queryParam("clinicId", clinicOfA.toString()).get(an + "/standards/distribution").then()
                    .statusCode(400);
            as(adminB).get(an + "/standards/distribution").then().statusCode(200).body("members", equalTo(0));
        });
        walks.put("getStandardsVisitsVersusSpend", () -> as(adminB).get(an + "/standards/visits-vs-spend").then()
                .statusCode(200).body("visitBands.members.sum()", equalTo(0)));
        walks.put("listTopMembersByStandards", () -> as(adminB).get(an + "/standards/top").then().statusCode(200)
                .body("items", equalTo(List.of())));
        walks.put("listFallingMembersByStandards", () -> as(adminB).get(an + "/standards/falling").then()
                .statusCode(200).body("items", equalTo(List.of())));
    }

    private static Map<String, Object> standardsRules(long spend) {
        return Map.of("targets", Map.of("spend", Sales.cny(spend), "items", 4, "visits", 12, "referrals", 2,
                "satisfaction", 4.5), "weights", Map.of("spend", 20, "items", 20, "visits", 20, "referrals", 20,
                "satisfaction", 20));
    }

    /** A's saved segment (her paying customers) and her segment rules, made once. */
    private static void segmentsOfA() {
        if (segmentOfA != null) {
            return;
        }
        String s = "/api/v1/analytics/segments";
        String etag = as(a.adminToken()).get(s + "/rules").then().statusCode(200).extract().header("ETag");
        as(a.adminToken()).header("If-Match", etag).body(Map.of("newWithinDays", 11, "highValueSpend",
                Sales.cny(100), "highValueScore", 80, "loyalMemberYears", 2, "loyalVisits", 6)).put(s + "/rules")
                .then().statusCode(200);
        segmentOfA = as(a.adminToken()).body(Map.of("name", "A秘密分群", "filters", Map.of("builtIn", "ACTIVE")))
                .post("/api/v1/analytics/custom-segments").then().statusCode(201).extract().path("id");
    }

    private void segmentWalks(Map<String, Runnable> walks, String adminB) {
        segmentsOfA();
        String s = "/api/v1/analytics/segments";
        String custom = "/api/v1/analytics/custom-segments/" + segmentOfA;
        Runnable aUntouched = () -> {
            as(a.adminToken()).get(custom).then().statusCode(200).body("version", equalTo(0));
            as(a.adminToken()).get(s + "/rules").then().statusCode(200).body("newWithinDays", equalTo(11));
            as(a.adminToken()).get(s + "/" + segmentOfA + "/members").then().statusCode(200)
                    .body("items.id", hasItem(customerOfA));
        };
        walks.put("countSegments", () -> as(adminB).get(s).then().statusCode(200)
                .body("items.key", not(hasItem(segmentOfA))).body("items.name", not(hasItem("A秘密分群"))));
        walks.put("getSegmentRules", () -> as(adminB).get(s + "/rules").then().statusCode(200)
                .body("newWithinDays", not(equalTo(11))));
        walks.put("updateSegmentRules", () -> {
            String etag = as(adminB).get(s + "/rules").then().extract().header("ETag");
            as(adminB).header("If-Match", etag).body(Map.of("newWithinDays", 12, "highValueSpend", Sales.cny(100),
                    "highValueScore", 80, "loyalMemberYears", 2, "loyalVisits", 6)).put(s + "/rules").then()
                    .statusCode(200);
            aUntouched.run();
        });
        walks.put("listCustomSegments", () -> as(adminB).get("/api/v1/analytics/custom-segments").then().statusCode(200)
                .body("items.id", not(hasItem(segmentOfA))));
        walks.put("createCustomSegment", () -> {
            as(adminB).body(Map.of("name", "B借A店", "filters", Map.of("clinicId", clinicOfA))).post("/api/v1/analytics/custom-segments")
                    .then().statusCode(400).body("errors.field", hasItem("filters.clinicId"));
            as(adminB).body(Map.of("name", "B借A顾问", "filters", Map.of("ownerId", staffOfA.getString("id"))))
                    .post("/api/v1/analytics/custom-segments").then().statusCode(400).body("errors.field", hasItem("filters.ownerId"));
        });
        walks.put("getCustomSegment", () -> as(adminB).get(custom).then().statusCode(404));
        walks.put("updateCustomSegment", () -> {
            as(adminB).header("If-Match", "\"0\"").body(Map.of("name", "B改", "filters", Map.of())).put(custom)
                    .then().statusCode(404);
            aUntouched.run();
        });
        walks.put("deleteCustomSegment", () -> {
            as(adminB).header("If-Match", "\"0\"").delete(custom).then().statusCode(404);
            aUntouched.run();
        });
        walks.put("previewSegment", () -> {
            as(adminB).queryParam("limit", 200).body(Map.of()).post(s + "/preview").then().statusCode(200)
                    .body("items.id", not(hasItem(customerOfA)));
            as(adminB).queryParam("clinicId", clinicOfA.toString()).body(Map.of()).post(s + "/preview").then()
                    .statusCode(400).body("errors.field", hasItem("clinicId"));
        });
        walks.put("listSegmentMembers", () -> {
            as(adminB).queryParam("limit", 200).get(s + "/ACTIVE/members").then().statusCode(200)
                    .body("items.id", not(hasItem(customerOfA)));
            as(adminB).get(s + "/" + segmentOfA + "/members").then().statusCode(404);
        });
        walks.put("exportSegment", () -> {
            String file = as(adminB).accept("text/csv").get(s + "/ACTIVE/export").then().statusCode(200).extract()
                    .asString();
            assertThat(file).doesNotContain("秘密客户").doesNotContain(customerOfA);
            as(adminB).accept("text/csv").get(s + "/" + segmentOfA + "/export").then().statusCode(404);
        });
        walks.put("issueSegmentCoupons", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("couponTypeId", UUID.randomUUID(), "campaign", "x"))
                    .post(s + "/" + segmentOfA + "/coupons").then().statusCode(404);
            as(a.adminToken()).queryParam("customerId", customerOfA).queryParam("source", "CAMPAIGN")
                    .get("/api/v1/coupons").then().statusCode(200).body("items.sourceRef", not(hasItem("x")));
        });
        walks.put("createSegmentFollowUps", () -> {
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("ruleId", UUID.randomUUID(), "campaign", "x"))
                    .post(s + "/" + segmentOfA + "/follow-ups").then().statusCode(404);
            followUpsOfA();
            as(adminB).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("ruleId", followUpRuleOfA, "campaign", "x")).post(s + "/NEW/follow-ups").then()
                    .statusCode(400).body("errors.field", hasItem("ruleId"));
        });
    }
}
