package app.meike.identity;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Contract;
import app.meike.support.Sales;
import app.meike.support.Members;
import app.meike.support.Packs;
import app.meike.support.Tokens;
import app.meike.support.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role against each operation of the contract, as real staff members: allowed roles get the answer the
 * call deserves, every other role gets 403 `forbidden`. The same calls prove that a suspended chain and a
 * disabled staff member are turned away everywhere.
 */
@QuarkusTest
class RoleMatrixTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static String item;
    static String customer;
    static String appointment;
    static String cancelledAppointment;
    static String visit;
    static String consultation;
    static String customerImport;
    static String storedValueImport;
    static String order;
    static String plan;
    static String account;
    static String template;
    static String pack;
    static String refundedPack;
    static String reversedRedemption;
    static String followUpRule;
    static final java.util.concurrent.atomic.AtomicInteger FOLLOW_UP_DAYS = new java.util.concurrent.atomic.AtomicInteger();
    static String couponType;
    static String coupon;
    static String voidedCoupon;
    static String complaint;
    static final Map<String, JsonPath> STAFF_BY_ROLE = new HashMap<>();

    /** A call as someone (their token and staff id), the roles allowed to make it, and its answer when allowed. */
    record Call(Set<String> allowed, int expected, BiFunction<RequestSpecification, String, Response> send) {
    }

    @BeforeEach
    void aChainWithOneStaffMemberPerRole() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "矩阵店");
        item = as(chain.adminToken()).body(Map.of("code", Chains.unique("MX"), "name", "矩阵项目", "category", "SKIN",
                        "listPrice", Map.of("amount", 100, "currency", "CNY"), "durationMinutes", 30,
                        "allClinics", true))
                .post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
        customer = as(chain.adminToken()).body(Map.of("name", "矩阵客户", "phone", "13600000000",
                "source", "WALK_IN")).post("/api/v1/customers").then().statusCode(201).extract().path("id");
        customerImport = as(chain.adminToken()).contentType("text/csv").body("name,phone\n")
                .post("/api/v1/customer-imports").then().statusCode(201).extract().path("id");
        storedValueImport = as(chain.adminToken()).contentType("text/csv").body("phone,principal\n")
                .post("/api/v1/stored-value/imports").then().statusCode(201).extract().path("id");
        for (String role : Roles.STAFF_ROLES) {
            STAFF_BY_ROLE.put(role, Chains.staff(chain, List.of(role), List.of()));
        }
        String future = OffsetDateTime.now().plusDays(3).toString();
        appointment = as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic,
                "startsAt", future)).post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        cancelledAppointment = as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic,
                "startsAt", future)).post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        as(chain.adminToken()).body(Map.of("reason", "matrix")).post("/api/v1/appointments/" + cancelledAppointment
                + "/cancel").then().statusCode(200);
        visit = as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic,
                "purpose", "CONSULTATION")).post("/api/v1/visits").then().statusCode(201).extract().path("visit.id");
        as(chain.adminToken()).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(200);
        consultation = as(chain.adminToken()).body(Map.of("visitId", visit, "consultantId", chain.adminStaffId()))
                .post("/api/v1/consultations").then().statusCode(201).extract().path("id");
        order = Sales.draft(chain, customer, clinic, List.of(Sales.line(item, 1))).statusCode(201).extract()
                .path("id");
        plan = Wallets.plan(chain, 100_000, 150_000, null);
        account = Wallets.topUp(chain, customer, plan, clinic, 100_000);
        template = Packs.template(chain, List.of(Packs.item(item, 3, null)), 300, 365).getString("id");
        pack = Packs.pack(chain, customer, clinic, template);
        refundedPack = Packs.pack(chain, customer, clinic, template);
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "m"))
                .post("/api/v1/session-packs/" + refundedPack + "/refund").then().statusCode(200);
        reversedRedemption = Packs.redeem(as(chain.adminToken()), pack, item, visit, chain.adminStaffId(),
                UUID.randomUUID().toString()).then().statusCode(201).extract().path("entry.id");
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "m"))
                .post("/api/v1/session-packs/" + pack + "/redemptions/" + reversedRedemption + "/reversal").then()
                .statusCode(201);
        couponFixtures();
    }

    private static void couponFixtures() {
        couponType = as(chain.adminToken()).body(Map.of("code", Chains.unique("MC"), "name", "矩阵券",
                        "kind", "CASH_VOUCHER", "amountOff", Sales.cny(100), "validDays", 30, "stacking", "EXCLUSIVE",
                        "allItems", true)).post("/api/v1/coupons/types").then().statusCode(201).extract().path("id");
        coupon = issuedCoupon();
        voidedCoupon = issuedCoupon();
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "m"))
                .post("/api/v1/coupons/" + voidedCoupon + "/void").then().statusCode(200);
        as(chain.adminToken()).body(Map.of("amount", Sales.cny(100)))
                .put("/api/v1/coupons/gift-budgets/" + chain.adminStaffId() + "/2026-01").then().statusCode(200);
    }

    private static String issuedCoupon() {
        return as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("customerId", customer, "couponTypeId", couponType, "source", "CAMPAIGN"))
                .post("/api/v1/coupons").then().statusCode(201).extract().path("id");
    }

    @Test
    void everyOperationIsInTheMatrix() {
        assertThat(matrix().keySet()).containsExactlyInAnyOrderElementsOf(Contract.operations().keySet());
    }

    @Test
    void rolesAreAllowedOrDeniedAsDesigned() {
        List<String> wrong = new ArrayList<>();
        matrix().forEach((operation, call) -> {
            for (String role : Roles.ALL) {
                JsonPath staff = STAFF_BY_ROLE.get(role);
                String token = switch (role) {
                    case Roles.PLATFORM_ADMIN -> Tokens.platform();
                    case Roles.INTEGRATOR -> Tokens.token("service-account-" + UUID.randomUUID(), chain.id(), role);
                    default -> Tokens.token(staff.getString("userId"), chain.id(), role);
                };
                String staffId = staff == null ? UUID.randomUUID().toString() : staff.getString("id");
                Response answer = call.send().apply(as(token), staffId);
                boolean allowed = call.allowed().contains(role);
                if (allowed ? answer.statusCode() != call.expected() : !isForbidden(answer)) {
                    wrong.add(operation + " as " + role + " answered " + answer.statusCode() + " "
                            + answer.asString());
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aSuspendedChainIsTurnedAwayOnEveryTenantOperation() {
        Chain suspended = Chains.create();
        as(Tokens.platform()).header("If-Match", "\"0\"").body(Map.of("status", "SUSPENDED"))
                .patch("/api/v1/tenants/" + suspended.id()).then().statusCode(200);
        assertEveryCallAnswers(suspended.adminToken(), suspended.adminStaffId().toString(), "tenant-suspended");
    }

    @Test
    void aDisabledStaffMemberIsTurnedAwayOnEveryOperation() {
        Chain other = Chains.create();
        JsonPath staff = Chains.staff(other, List.of("tenant-admin"), List.of());
        String token = Tokens.token(staff.getString("userId"), other.id(), "tenant-admin");
        as(other.adminToken()).header("If-Match", "\"0\"").body(Map.of("active", false))
                .patch("/api/v1/staff/" + staff.getString("id")).then().statusCode(200);
        assertEveryCallAnswers(token, staff.getString("id"), "staff-disabled");
    }

    @Test
    void aRoleTakenAwayStopsWorkingAtOnceAndCannotBeTakenBack() {
        Chain other = Chains.create();
        JsonPath demoted = Chains.staff(other, List.of("tenant-admin"), List.of());
        String oldToken = Tokens.token(demoted.getString("userId"), other.id(), "tenant-admin");
        as(other.adminToken()).header("If-Match", "\"0\"").body(Map.of("roles", List.of("consultant")))
                .patch("/api/v1/staff/" + demoted.getString("id")).then().statusCode(200);
        as(oldToken).header("If-Match", "\"1\"").body(Map.of("roles", List.of("tenant-admin")))
                .patch("/api/v1/staff/" + demoted.getString("id")).then().statusCode(403);
        as(oldToken).body(Map.of("code", Chains.unique("X"), "name", "x")).post("/api/v1/clinics")
                .then().statusCode(403);
        as(other.adminToken()).get("/api/v1/staff/" + demoted.getString("id")).then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.equalTo(List.of("consultant")));
    }

    @Test
    void aTenantTokenWithoutAStaffRecordGetsNothing() {
        as(Tokens.token("stranger-" + UUID.randomUUID(), chain.id(), "tenant-admin")).get("/api/v1/clinics")
                .then().statusCode(403);
        as(Tokens.withClinics("service-account-" + UUID.randomUUID(), chain.id(), List.of(), "integrator"))
                .get("/api/v1/clinics").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aPlatformTokenNamingAChainIsRefused() {
        as(Tokens.token("platform-" + UUID.randomUUID(), chain.id(), "platform-admin")).get("/api/v1/tenants")
                .then().statusCode(403);
    }

    private void assertEveryCallAnswers(String token, String staffId, String problem) {
        List<String> wrong = new ArrayList<>();
        matrix().forEach((operation, call) -> {
            if (call.allowed().equals(Set.of(Roles.PLATFORM_ADMIN))) {
                return;
            }
            Response answer = call.send().apply(as(token), staffId);
            if (answer.statusCode() != 403 || !answer.asString().contains("/problems/" + problem)) {
                wrong.add(operation + " answered " + answer.statusCode() + " " + answer.asString());
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static boolean isForbidden(Response answer) {
        return answer.statusCode() == 403 && answer.asString().contains("/problems/forbidden");
    }

    private static Map<String, Call> matrix() {
        Set<String> everyone = Set.copyOf(Roles.ALL);
        Set<String> platform = Set.of(Roles.PLATFORM_ADMIN);
        Set<String> admin = Set.of(Roles.TENANT_ADMIN);
        Set<String> staff = Set.copyOf(Roles.STAFF_ROLES);
        Set<String> clinicReaders = Set.of("tenant-admin", "manager", "consultant", "front-desk", "clinician",
                "integrator");
        Map<String, Call> m = new LinkedHashMap<>();
        m.put("getMe", new Call(everyone, 200, (r, self) -> r.get("/api/v1/me")));
        m.put("listTenants", new Call(platform, 200, (r, self) -> r.get("/api/v1/tenants")));
        m.put("createTenant", new Call(platform, 201, (r, self) -> r.body(Map.of("slug", Chains.unique("m-"),
                "name", "m", "admin", Map.of("username", Chains.unique("m."),
                        "email", Chains.unique("m") + "@x.local", "displayName", "m"))).post("/api/v1/tenants")));
        m.put("getTenant", new Call(platform, 200, (r, self) -> r.get("/api/v1/tenants/" + chain.id())));
        m.put("updateTenant", new Call(platform, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("name", "m")).patch("/api/v1/tenants/" + chain.id())));
        m.put("listClinics", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/clinics")));
        m.put("createClinic", new Call(admin, 201, (r, self) -> r.body(Map.of("code", Chains.unique("M"),
                "name", "m")).post("/api/v1/clinics")));
        m.put("getClinic", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/clinics/" + clinic)));
        m.put("updateClinic", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("name", "m")).patch("/api/v1/clinics/" + clinic)));
        m.put("listStaff", new Call(Set.of("tenant-admin", "manager"), 200, (r, self) -> r.get("/api/v1/staff")));
        m.put("listColleagues", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/staff/directory")));
        m.put("createStaff", new Call(admin, 400, (r, self) -> r.body(Map.of("username", "bad name",
                "email", "x", "displayName", "x", "roles", List.of("consultant"), "allClinics", true))
                .post("/api/v1/staff")));
        m.put("getStaff", new Call(staff, 200, (r, self) -> r.get("/api/v1/staff/" + self)));
        m.put("updateStaff", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("displayName", "m")).patch("/api/v1/staff/" + self)));
        m.put("listCatalogItems", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/catalog/items")));
        m.put("createCatalogItem", new Call(admin, 201, (r, self) -> r.body(Map.of("code", Chains.unique("MX"),
                "name", "m", "category", "SKIN", "listPrice", Map.of("amount", 100, "currency", "CNY"),
                "durationMinutes", 30, "allClinics", true)).post("/api/v1/catalog/items")));
        m.put("getCatalogItem", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/catalog/items/" + item)));
        m.put("updateCatalogItem", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("name", "m")).patch("/api/v1/catalog/items/" + item)));
        Set<String> customerWriters = Set.of("tenant-admin", "manager", "consultant", "front-desk", "integrator");
        m.put("listCustomers", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/customers")));
        m.put("createCustomer", new Call(customerWriters, 400, (r, self) -> r.body(Map.of("name", "m",
                "phone", "not a phone", "source", "WALK_IN")).post("/api/v1/customers")));
        m.put("getCustomer", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/customers/" + customer)));
        m.put("updateCustomer", new Call(customerWriters, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("name", "m")).patch("/api/v1/customers/" + customer)));
        m.put("getCustomerTimeline", new Call(staff, 200,
                (r, self) -> r.get("/api/v1/customers/" + customer + "/timeline")));
        m.put("listAppointments", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/appointments")));
        m.put("bookAppointment", new Call(customerWriters, 400, (r, self) -> r.body(Map.of("customerId", customer,
                "clinicId", clinic, "startsAt", "2001-01-01T10:00:00+08:00")).post("/api/v1/appointments")));
        m.put("getAppointment", new Call(clinicReaders, 200,
                (r, self) -> r.get("/api/v1/appointments/" + appointment)));
        m.put("rescheduleAppointment", new Call(customerWriters, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("note", "m")).patch("/api/v1/appointments/" + appointment)));
        m.put("confirmAppointment", new Call(customerWriters, 200,
                (r, self) -> r.post("/api/v1/appointments/" + appointment + "/confirm")));
        m.put("cancelAppointment", new Call(customerWriters, 400, (r, self) -> r.body(Map.of("reason", ""))
                .post("/api/v1/appointments/" + appointment + "/cancel")));
        m.put("markAppointmentNoShow", new Call(customerWriters, 409,
                (r, self) -> r.post("/api/v1/appointments/" + appointment + "/no-show")));
        m.put("arriveAppointment", new Call(customerWriters, 409,
                (r, self) -> r.post("/api/v1/appointments/" + cancelledAppointment + "/arrive")));
        m.put("listVisits", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/visits")));
        m.put("checkInVisit", new Call(customerWriters, 400, (r, self) -> r.body(Map.of("clinicId", clinic,
                "purpose", "CONSULTATION")).post("/api/v1/visits")));
        m.put("getVisit", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/visits/" + visit)));
        m.put("updateVisit", new Call(clinicReaders, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("note", "m")).patch("/api/v1/visits/" + visit)));
        m.put("checkOutVisit", new Call(clinicReaders, 409,
                (r, self) -> r.post("/api/v1/visits/" + visit + "/check-out")));
        Set<String> consultationReaders = Set.of("tenant-admin", "manager", "consultant", "clinician");
        Set<String> consultationWriters = Set.of("tenant-admin", "manager", "consultant");
        m.put("listConsultations", new Call(consultationReaders, 200, (r, self) -> r.get("/api/v1/consultations")));
        m.put("createConsultation", new Call(consultationWriters, 400, (r, self) -> r.body(Map.of("visitId",
                UUID.randomUUID())).post("/api/v1/consultations")));
        m.put("getConsultation", new Call(consultationReaders, 200,
                (r, self) -> r.get("/api/v1/consultations/" + consultation)));
        m.put("updateConsultation", new Call(consultationWriters, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("summary", "m")).patch("/api/v1/consultations/" + consultation)));
        m.put("analyseConsultations", new Call(Set.of("tenant-admin", "manager"), 200, (r, self) -> r
                .queryParam("from", "2026-01-01T00:00:00+08:00").queryParam("to", "2026-12-31T00:00:00+08:00")
                .get("/api/v1/consultations/analysis")));
        m.put("mergeCustomers", new Call(admin, 400, (r, self) -> r.header("If-Match", "\"0\"")
                .body(Map.of("duplicateId", UUID.randomUUID().toString()))
                .post("/api/v1/customers/" + customer + "/merge")));
        m.put("eraseCustomer", new Call(admin, 404, (r, self) -> r.post("/api/v1/customers/" + UUID.randomUUID()
                + "/erase")));
        Set<String> importers = Set.of("tenant-admin", "manager", "integrator");
        m.put("createCustomerImport", new Call(importers, 201, (r, self) -> r.contentType("text/csv")
                .body("name,phone\n").post("/api/v1/customer-imports")));
        m.put("getCustomerImport", new Call(importers, 200, (r, self) -> r.get("/api/v1/customer-imports/"
                + customerImport)));
        m.put("commitCustomerImport", new Call(importers, 404, (r, self) -> r.post("/api/v1/customer-imports/"
                + UUID.randomUUID() + "/commit")));
        m.put("exportCustomers", new Call(clinicReaders, 200, (r, self) -> r.accept("text/csv")
                .queryParam("format", "csv").get("/api/v1/customer-export")));
        m.put("getChainSettings", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/settings")));
        m.put("updateChainSettings", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("churnWindowDays", 90)).patch("/api/v1/settings")));
        m.put("listOrders", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/orders")));
        m.put("createOrder", new Call(customerWriters, 400, (r, self) -> r.body(Map.of("customerId", customer,
                "clinicId", clinic, "lines", List.of())).post("/api/v1/orders")));
        m.put("getOrder", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/orders/" + order)));
        m.put("updateOrder", new Call(customerWriters, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("note", "m")).patch("/api/v1/orders/" + order)));
        m.put("payOrder", new Call(customerWriters, 422, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("tenders", List.of())).post("/api/v1/orders/" + order
                + "/pay")));
        m.put("voidOrder", new Call(customerWriters, 400, (r, self) -> r.body(Map.of("reason", ""))
                .post("/api/v1/orders/" + order + "/void")));
        m.put("refundOrder", new Call(Set.of("tenant-admin", "manager"), 409, (r, self) -> r.header(
                "Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "m", "lines",
                List.of(Map.of("lineNo", 1, "amount", Sales.cny(1))))).post("/api/v1/orders/" + order + "/refunds")));
        m.put("listAuditEvents", new Call(admin, 200, (r, self) -> r.get("/api/v1/audit-events")));
        Set<String> tierPlanners = Set.of("tenant-admin", "manager");
        Map<String, Object> program = Members.program("LIFETIME", "NEVER");
        m.put("getMembershipProgram", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/membership/tiers")));
        m.put("updateMembershipProgram", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(program).put("/api/v1/membership/tiers")));
        m.put("previewMembershipProgram", new Call(tierPlanners, 200, (r, self) -> r.body(program)
                .post("/api/v1/membership/tiers/preview")));
        m.put("getMembershipJob", new Call(tierPlanners, 404, (r, self) -> r
                .get("/api/v1/membership/jobs/" + UUID.randomUUID())));
        m.put("startMembershipReview", new Call(admin, 400, (r, self) -> r.body(Map.of("asOf", "2999-01-01"))
                .post("/api/v1/membership/reviews")));
        m.put("getCustomerMembership", new Call(clinicReaders, 200, (r, self) -> r
                .get("/api/v1/customers/" + customer + "/membership")));
        m.put("overrideCustomerTier", new Call(admin, 400, (r, self) -> r.body(Map.of("tierId", UUID.randomUUID(),
                "reason", "m", "until", "2999-01-01T00:00:00Z")).post("/api/v1/customers/" + customer
                + "/membership/override")));
        m.put("endCustomerTierOverride", new Call(admin, 409, (r, self) -> r.queryParam("reason", "m")
                .delete("/api/v1/customers/" + customer + "/membership/override")));
        Set<String> pointsAdjusters = Set.of("tenant-admin", "manager");
        Set<String> pointsRedeemers = Set.of("tenant-admin", "manager", "consultant", "front-desk");
        String points = "/api/v1/points/accounts/" + customer;
        m.put("getPointsRules", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/points/rules")));
        m.put("updatePointsRules", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("earnRate", 1, "redeemPoints", 100, "redeemAmount", Map.of("amount", 100,
                        "currency", "CNY"), "allowTender", true, "expiry", Map.of("policy", "END_OF_NEXT_YEAR"),
                        "reminderDays", 30)).put("/api/v1/points/rules")));
        m.put("getPointsAccount", new Call(clinicReaders, 200, (r, self) -> r.get(points)));
        m.put("listPointsEntries", new Call(clinicReaders, 200, (r, self) -> r.get(points + "/entries")));
        m.put("adjustPoints", new Call(pointsAdjusters, 201, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("points", 1, "reason", "matrix")).post(points
                + "/adjustments")));
        m.put("redeemPoints", new Call(pointsRedeemers, 422, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("points", 100_000_000, "giftDescription", "matrix"))
                .post(points + "/redemptions")));
        m.put("listExpiringPoints", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/points/expiring")));
        m.put("runPointsExpiry", new Call(admin, 200, (r, self) -> r.body(Map.of())
                .post("/api/v1/points/expiry-runs")));
        String templates = "/api/v1/session-packs/templates";
        m.put("listPackTemplates", new Call(clinicReaders, 200, (r, self) -> r.get(templates)));
        m.put("createPackTemplate", new Call(admin, 201, (r, self) -> r.body(Map.of("code", Chains.unique("MP"),
                "name", "m", "items", List.of(Packs.item(item, 2, null)), "price", Sales.cny(100),
                "validityDays", 30, "allClinics", true)).post(templates)));
        m.put("getPackTemplate", new Call(clinicReaders, 200, (r, self) -> r.get(templates + "/" + template)));
        m.put("updatePackTemplate", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("name", "m")).patch(templates + "/" + template)));
        Set<String> packKeepers = Set.of("tenant-admin", "manager");
        Set<String> redeemers = Set.of("tenant-admin", "manager", "front-desk", "clinician");
        String packs = "/api/v1/session-packs/";
        m.put("listSessionPacks", new Call(clinicReaders, 200, (r, self) -> r.get("/api/v1/session-packs")));
        m.put("getSessionPack", new Call(clinicReaders, 200, (r, self) -> r.get(packs + pack)));
        m.put("listSessionPackEntries", new Call(clinicReaders, 200, (r, self) -> r.get(packs + pack + "/entries")));
        m.put("redeemSessionPack", new Call(redeemers, 400, (r, self) -> Packs.redeem(r, pack,
                UUID.randomUUID().toString(), visit, self, UUID.randomUUID().toString())));
        m.put("reverseSessionPackRedemption", new Call(packKeepers, 409, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("reason", "m")).post(packs + pack + "/redemptions/"
                + reversedRedemption + "/reversal")));
        m.put("refundSessionPack", new Call(packKeepers, 409, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("reason", "m")).post(packs + refundedPack + "/refund")));
        m.put("freezeSessionPack", new Call(packKeepers, 409, (r, self) -> r.body(Map.of("reason", "m"))
                .post(packs + refundedPack + "/freeze")));
        m.put("unfreezeSessionPack", new Call(packKeepers, 409, (r, self) -> r.body(Map.of("reason", "m"))
                .post(packs + pack + "/unfreeze")));
        m.put("extendSessionPack", new Call(packKeepers, 409, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("days", 1, "reason", "m")).post(packs + refundedPack
                + "/extend")));
        m.put("getSessionPackLiabilities", new Call(packKeepers, 200, (r, self) -> r.get(packs + "liabilities")));
        storedValue(m, clinicReaders, admin);
        followUps(m, admin, staff);
        coupons(m, admin);
        referrals(m, admin);
        plans(m);
        satisfaction(m, admin);
        standards(m, admin);
        segments(m, admin);
        return m;
    }

    private static void followUps(Map<String, Call> m, Set<String> admin, Set<String> staff) {
        Set<String> managers = Set.of("tenant-admin", "manager");
        Set<String> queues = Set.of("tenant-admin", "manager", "consultant", "front-desk");
        String fu = "/api/v1/follow-ups";
        if (followUpRule == null) {
            followUpRule = as(chain.adminToken()).body(Map.of("trigger", "BIRTHDAY", "days", 3, "title", "m"))
                    .post(fu + "/rules").then().statusCode(201).extract().path("id");
        }
        String noTask = fu + "/tasks/" + UUID.randomUUID();
        m.put("listFollowUpRules", new Call(managers, 200, (r, self) -> r.get(fu + "/rules")));
        m.put("createFollowUpRule", new Call(admin, 201, (r, self) -> r.body(Map.of("trigger", "AT_RISK",
                "days", FOLLOW_UP_DAYS.incrementAndGet() % 700, "title", "m")).post(fu + "/rules")));
        m.put("getFollowUpRule", new Call(managers, 200, (r, self) -> r.get(fu + "/rules/" + followUpRule)));
        m.put("updateFollowUpRule", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("enabled", false)).patch(fu + "/rules/" + followUpRule)));
        m.put("runFollowUps", new Call(admin, 200, (r, self) -> r.post(fu + "/runs")));
        m.put("listFollowUpTasks", new Call(queues, 200, (r, self) -> r.get(fu + "/tasks")));
        m.put("getFollowUpTask", new Call(queues, 404, (r, self) -> r.get(noTask)));
        m.put("recordFollowUpOutcome", new Call(queues, 404, (r, self) -> r.body(Map.of("outcome", "REACHED",
                "channel", "CALL")).post(noTask + "/outcome")));
        m.put("reassignFollowUpTask", new Call(managers, 404, (r, self) -> r.body(Map.of("assigneeId", self))
                .post(noTask + "/reassign")));
        m.put("cancelFollowUpTask", new Call(managers, 404, (r, self) -> r.body(Map.of("reason", "m"))
                .post(noTask + "/cancel")));
        m.put("getFollowUpWorkload", new Call(managers, 200, (r, self) -> r.get(fu + "/workload")));
        m.put("recordTouchpoint", new Call(staff, 201, (r, self) -> r.body(Map.of("customerId", customer,
                "clinicId", clinic, "channel", "MESSAGE")).post(fu + "/touchpoints")));
        m.put("listTouchpoints", new Call(staff, 200, (r, self) -> r.get(fu + "/touchpoints")));
    }

    private static void coupons(Map<String, Call> m, Set<String> admin) {
        Set<String> readers = Set.of("tenant-admin", "manager", "consultant", "front-desk");
        Set<String> managers = Set.of("tenant-admin", "manager");
        String c = "/api/v1/coupons";
        m.put("listCouponTypes", new Call(readers, 200, (r, self) -> r.get(c + "/types")));
        m.put("createCouponType", new Call(admin, 201, (r, self) -> r.body(Map.of("code", Chains.unique("MC"),
                "name", "m", "kind", "DISCOUNT_PERCENT", "percentOff", 5, "validDays", 1, "stacking", "STACKABLE",
                "allItems", true)).post(c + "/types")));
        m.put("getCouponType", new Call(readers, 200, (r, self) -> r.get(c + "/types/" + couponType)));
        m.put("updateCouponType", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("name", "m")).patch(c + "/types/" + couponType)));
        m.put("listCoupons", new Call(readers, 200, (r, self) -> r.get(c)));
        m.put("getCoupon", new Call(readers, 200, (r, self) -> r.get(c + "/" + coupon)));
        // Nobody has a gift budget this month: each allowed role gets as far as the budget.
        m.put("issueCoupon", new Call(Set.of("tenant-admin", "manager", "consultant"), 422, (r, self) -> r
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("customerId", customer,
                        "couponTypeId", couponType, "source", "CONSULTANT_GIFT")).post(c)));
        m.put("issueCouponsInBulk", new Call(managers, 400, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("couponTypeId", couponType, "source", "CONSULTANT_GIFT",
                "sourceRef", "m")).post(c + "/bulk-issues")));
        m.put("voidCoupon", new Call(managers, 409, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("reason", "m")).post(c + "/" + voidedCoupon + "/void")));
        m.put("getCouponReport", new Call(managers, 200, (r, self) -> r.get(c + "/report")));
        m.put("runCouponExpiry", new Call(admin, 200, (r, self) -> r.body(Map.of()).post(c + "/expiry-runs")));
        m.put("listGiftBudgets", new Call(managers, 200, (r, self) -> r.get(c + "/gift-budgets")));
        m.put("getGiftBudget", new Call(Set.of("tenant-admin", "manager", "consultant"), 200, (r, self) ->
                r.get(c + "/gift-budgets/" + self + "/2026-01")));
        m.put("setGiftBudget", new Call(managers, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("amount", Sales.cny(100))).put(c + "/gift-budgets/" + chain.adminStaffId() + "/2026-01")));
    }

    private static void referrals(Map<String, Call> m, Set<String> admin) {
        Set<String> readers = Set.of("tenant-admin", "manager", "consultant", "front-desk", "clinician",
                "integrator");
        String rules = "/api/v1/referrals/rules";
        m.put("getReferralRules", new Call(readers, 200, (r, self) -> r.get(rules)));
        m.put("updateReferralRules", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("level1", Map.of("kind", "POINTS", "points", 1), "minimumSpend", Sales.cny(0)))
                .put(rules)));
        m.put("getCustomerReferrals", new Call(readers, 200, (r, self) -> r.get("/api/v1/referrals/customers/"
                + customer)));
        m.put("getReferralLeaderboard", new Call(Set.of("tenant-admin", "manager"), 200, (r, self) -> r
                .queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2027-01-01T00:00:00Z")
                .get("/api/v1/referrals/leaderboard")));
        // Her own referrer would be a cycle: every allowed role reaches the check, none changes anything.
        m.put("setCustomerReferrer", new Call(Set.of("tenant-admin", "manager", "consultant", "front-desk"), 400,
                (r, self) -> r.body(Map.of("referrerId", customer, "evidence", "m"))
                        .put("/api/v1/referrals/customers/" + customer + "/referrer")));
    }

    private static void satisfaction(Map<String, Call> m, Set<String> admin) {
        Set<String> desk = Set.of("tenant-admin", "manager", "consultant", "front-desk");
        Set<String> managers = Set.of("tenant-admin", "manager");
        Set<String> everyone = Set.copyOf(Roles.ALL);
        String s = "/api/v1/satisfaction";
        if (complaint == null) {
            complaint = as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic,
                    "severity", "LOW", "category", "OTHER", "description", "m")).post(s + "/complaints").then()
                    .statusCode(201).extract().path("id");
            as(chain.adminToken()).body(Map.of("status", "CLOSED", "note", "m"))
                    .post(s + "/complaints/" + complaint + "/status").then().statusCode(200);
        }
        Map<String, Object> answers = Map.of("resultScore", 5, "experienceScore", 5, "nps", 10);
        m.put("getSatisfactionRules", new Call(desk, 200, (r, self) -> r.get(s + "/rules")));
        m.put("updateSatisfactionRules", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("lowScoreMax", 2, "lowNpsMax", 6, "linkValidHours", 72,
                        "slaHours", Map.of("high", 24, "medium", 48, "low", 72))).put(s + "/rules")));
        m.put("listSurveys", new Call(desk, 200, (r, self) -> r.get(s + "/surveys")));
        m.put("recordSurvey", new Call(desk, 400, (r, self) -> r.body(Map.of("visitId", UUID.randomUUID(),
                "resultScore", 5, "experienceScore", 5, "nps", 10)).post(s + "/surveys")));
        m.put("getSurvey", new Call(desk, 404, (r, self) -> r.get(s + "/surveys/" + UUID.randomUUID())));
        m.put("createSurveyLink", new Call(desk, 400, (r, self) -> r.body(Map.of("visitId", UUID.randomUUID()))
                .post(s + "/survey-links")));
        m.put("getSatisfactionSummary", new Call(managers, 200, (r, self) -> r.get(s + "/summary")));
        m.put("listComplaints", new Call(desk, 200, (r, self) -> r.get(s + "/complaints")));
        m.put("openComplaint", new Call(desk, 400, (r, self) -> r.body(Map.of("customerId", customer,
                "clinicId", clinic, "severity", "LOW", "category", "OTHER", "description", "")).post(s
                + "/complaints")));
        m.put("getComplaint", new Call(desk, 200, (r, self) -> r.get(s + "/complaints/" + complaint)));
        m.put("changeComplaintStatus", new Call(managers, 409, (r, self) -> r.body(Map.of("status", "IN_PROGRESS"))
                .post(s + "/complaints/" + complaint + "/status")));
        m.put("reassignComplaint", new Call(managers, 409, (r, self) -> r.body(Map.of("ownerId", self))
                .post(s + "/complaints/" + complaint + "/reassign")));
        // The customer's link needs no login: whoever calls, an unknown token is a 404.
        String nobodys = "A".repeat(43);
        m.put("getPublicSurvey", new Call(everyone, 404, (r, self) -> r.get("/api/v1/public/surveys/" + nobodys)));
        m.put("submitPublicSurvey", new Call(everyone, 404, (r, self) -> r.body(answers)
                .post("/api/v1/public/surveys/" + nobodys)));
    }

    private static void storedValue(Map<String, Call> m, Set<String> readers, Set<String> admin) {
        Set<String> sellers = Set.of("tenant-admin", "manager", "consultant", "front-desk", "integrator");
        Set<String> spenders = Set.of("tenant-admin", "manager", "front-desk", "integrator");
        Set<String> managers = Set.of("tenant-admin", "manager");
        String sv = "/api/v1/stored-value";
        String accountPath = sv + "/accounts/" + account;
        m.put("listStoredValuePlans", new Call(readers, 200, (r, self) -> r.get(sv + "/plans")));
        m.put("createStoredValuePlan", new Call(admin, 201, (r, self) -> r.body(Map.of("code", Chains.unique("MX"),
                "name", "m", "price", Sales.cny(100), "value", Sales.cny(120), "allClinics", true))
                .post(sv + "/plans")));
        m.put("getStoredValuePlan", new Call(readers, 200, (r, self) -> r.get(sv + "/plans/" + plan)));
        m.put("updateStoredValuePlan", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("name", "m")).patch(sv + "/plans/" + plan)));
        m.put("getStoredValueRules", new Call(readers, 200, (r, self) -> r.get(sv + "/rules")));
        m.put("updateStoredValueRules", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("debitOrder", "PRO_RATA", "reminderDays", 30)).put(sv + "/rules")));
        m.put("topUpStoredValue", new Call(sellers, 201, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Wallets.topUpBody(customer, plan, clinic, 100_000))
                .post(sv + "/top-ups")));
        m.put("listStoredValueAccounts", new Call(readers, 200, (r, self) -> r.get(sv + "/accounts")));
        m.put("getStoredValueAccount", new Call(readers, 200, (r, self) -> r.get(accountPath)));
        m.put("listStoredValueEntries", new Call(readers, 200, (r, self) -> r.get(accountPath + "/entries")));
        m.put("debitStoredValue", new Call(spenders, 201, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("amount", Sales.cny(1), "clinicId", clinic))
                .post(accountPath + "/debits")));
        m.put("reverseStoredValueDebit", new Call(managers, 404, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("reason", "m"))
                .post(accountPath + "/debits/" + UUID.randomUUID() + "/reversal")));
        m.put("quoteStoredValueRefund", new Call(readers, 200, (r, self) -> r.get(accountPath + "/refund-quote")));
        m.put("refundStoredValue", new Call(managers, 400, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("reason", "", "close", false))
                .post(accountPath + "/refund")));
        m.put("freezeStoredValueAccount", new Call(Set.of("tenant-admin", "manager", "front-desk"), 400,
                (r, self) -> r.body(Map.of("reason", "")).post(accountPath + "/freeze")));
        m.put("unfreezeStoredValueAccount", new Call(managers, 409, (r, self) -> r.body(Map.of("reason", "m"))
                .post(accountPath + "/unfreeze")));
        m.put("transferStoredValue", new Call(admin, 400, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("toCustomerId", UUID.randomUUID(), "reason", "m"))
                .post(accountPath + "/transfer")));
        m.put("reactivateStoredValue", new Call(managers, 422, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("reason", "m")).post(accountPath + "/reactivate")));
        m.put("adjustStoredValue", new Call(admin, 201, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of("principal", Sales.cny(0), "bonus", Sales.cny(1),
                "reason", "m")).post(accountPath + "/adjustments")));
        m.put("runStoredValueExpiry", new Call(admin, 200, (r, self) -> r.body(Map.of()).post(sv + "/expiry-runs")));
        m.put("getStoredValueLiabilities", new Call(managers, 200, (r, self) -> r.get(sv + "/liabilities")));
        m.put("createStoredValueImport", new Call(admin, 201, (r, self) -> r.contentType("text/csv")
                .body("phone,principal\n").post(sv + "/imports")));
        m.put("listStoredValueImports", new Call(managers, 200, (r, self) -> r.get(sv + "/imports")));
        m.put("getStoredValueImport", new Call(managers, 200, (r, self) -> r.get(sv + "/imports/"
                + storedValueImport)));
        m.put("commitStoredValueImport", new Call(admin, 404, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).post(sv + "/imports/" + UUID.randomUUID() + "/commit")));
    }

    private static void plans(Map<String, Call> m) {
        Set<String> readers = Set.of("tenant-admin", "manager", "consultant", "front-desk", "clinician");
        Set<String> planners = Set.of("tenant-admin", "manager", "consultant");
        String plan = "/api/v1/customers/" + customer + "/plan";
        m.put("getTreatmentPlan", new Call(readers, 200, (r, self) -> r.get(plan)));
        m.put("reviseTreatmentPlan", new Call(planners, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("lines", List.of(Map.of("itemId", item, "month", 1, "quantity", 1,
                        "estimatedAmount", Sales.cny(100))))).put(plan)));
        m.put("listTreatmentPlanVersions", new Call(readers, 200, (r, self) -> r.get(plan + "/versions")));
        m.put("getTreatmentPlanVersion", new Call(readers, 404, (r, self) -> r.get(plan + "/versions/1")));
        m.put("suggestTreatmentPlanLines", new Call(planners, 200, (r, self) -> r.get(plan + "/suggestions")));
    }

    private static void standards(Map<String, Call> m, Set<String> admin) {
        Set<String> readers = Set.of("tenant-admin", "manager", "consultant");
        Set<String> managers = Set.of("tenant-admin", "manager");
        String a = "/api/v1/analytics";
        m.put("getMemberStandardsRules", new Call(readers, 200, (r, self) -> r.get(a + "/standards/rules")));
        m.put("updateMemberStandardsRules", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("targets", Map.of("spend", Sales.cny(100), "items", 1, "visits", 1, "referrals", 1,
                        "satisfaction", 4.5), "weights", Map.of("spend", 1, "items", 1, "visits", 1, "referrals", 1,
                        "satisfaction", 1))).put(a + "/standards/rules")));
        // The matrix customer has paid for nothing: she has no member year yet.
        m.put("getMemberStandards", new Call(readers, 422, (r, self) -> r.get(a + "/customers/" + customer
                + "/standards")));
        m.put("getStandardsDistribution", new Call(managers, 200, (r, self) -> r.get(a + "/standards/distribution")));
        m.put("getStandardsVisitsVersusSpend", new Call(managers, 200,
                (r, self) -> r.get(a + "/standards/visits-vs-spend")));
        m.put("listTopMembersByStandards", new Call(managers, 200, (r, self) -> r.get(a + "/standards/top")));
        m.put("listFallingMembersByStandards", new Call(managers, 200, (r, self) -> r.get(a + "/standards/falling")));
    }

    private static void segments(Map<String, Call> m, Set<String> admin) {
        Set<String> managers = Set.of("tenant-admin", "manager");
        String s = "/api/v1/analytics/segments";
        String unknown = "/api/v1/analytics/custom-segments/" + UUID.randomUUID();
        Map<String, Object> named = Map.of("name", "矩阵分群", "filters", Map.of());
        m.put("countSegments", new Call(managers, 200, (r, self) -> r.get(s)));
        m.put("getSegmentRules", new Call(managers, 200, (r, self) -> r.get(s + "/rules")));
        m.put("updateSegmentRules", new Call(admin, 412, (r, self) -> r.header("If-Match", "\"99\"")
                .body(Map.of("newWithinDays", 30, "highValueSpend", Sales.cny(100), "highValueScore", 80,
                        "loyalMemberYears", 2, "loyalVisits", 6)).put(s + "/rules")));
        m.put("listCustomSegments", new Call(managers, 200, (r, self) -> r.get("/api/v1/analytics/custom-segments")));
        m.put("createCustomSegment", new Call(managers, 400, (r, self) -> r.body(Map.of("name", "矩阵",
                "filters", Map.of("scoreMin", 101))).post("/api/v1/analytics/custom-segments")));
        m.put("getCustomSegment", new Call(managers, 404, (r, self) -> r.get(unknown)));
        m.put("updateCustomSegment", new Call(managers, 404, (r, self) -> r.header("If-Match", "\"0\"").body(named)
                .put(unknown)));
        m.put("deleteCustomSegment", new Call(managers, 404, (r, self) -> r.header("If-Match", "\"0\"")
                .delete(unknown)));
        m.put("previewSegment", new Call(managers, 200, (r, self) -> r.body(Map.of()).post(s + "/preview")));
        m.put("listSegmentMembers", new Call(managers, 200, (r, self) -> r.get(s + "/NEW/members")));
        m.put("exportSegment", new Call(managers, 200, (r, self) -> r.accept("text/csv").get(s + "/NEW/export")));
        m.put("issueSegmentCoupons", new Call(managers, 400, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of()).post(s + "/NEW/coupons")));
        m.put("createSegmentFollowUps", new Call(managers, 400, (r, self) -> r.header("Idempotency-Key",
                UUID.randomUUID().toString()).body(Map.of()).post(s + "/NEW/follow-ups")));
    }
}
