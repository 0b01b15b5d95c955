package app.meike.common;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input is answered with a 400 problem that says what is wrong, and never changes anything. */
@QuarkusTest
class BadInputTest extends ApiTest {
    static Chain chain;
    static String clinicId;

    @BeforeEach
    void aChainWithAClinic() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinicId = Chains.clinic(chain, "静安店").toString();
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        as(chain.adminToken()).body("{\"code\": \"X1\", ").post("/api/v1/clinics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://meike.app/problems/malformed-request"));
    }

    @Test
    void emptyBodyIsRejected() {
        as(chain.adminToken()).post("/api/v1/clinics").then().statusCode(400);
    }

    @Test
    void unknownFieldIsNamed() {
        as(chain.adminToken()).body(Map.of("code", "X1", "name", "n", "tenantId", UUID.randomUUID().toString()))
                .post("/api/v1/clinics")
                .then().statusCode(400)
                .body("type", equalTo("https://meike.app/problems/validation"))
                .body("errors.field", hasItem("tenantId"));
    }

    @Test
    void everyBadFieldIsListed() {
        as(chain.adminToken()).body(Map.of("code", "has space", "name", "x".repeat(101), "phone", "call me"))
                .post("/api/v1/clinics")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("code", "name", "phone"));
    }

    @Test
    void oversizeStringsAreRejected() {
        as(chain.adminToken()).body(Map.of("code", "X" + "1".repeat(40), "name", "n", "address", "a".repeat(301)))
                .post("/api/v1/clinics")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("code", "address"));
    }

    @Test
    void wrongTypeIsNamed() {
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("active", "yes"))
                .patch("/api/v1/clinics/" + clinicId)
                .then().statusCode(400).body("errors.field", hasItem("active"));
    }

    @Test
    void nullForARequiredPatchFieldIsRejected() {
        as(chain.adminToken()).header("If-Match", "\"0\"").body("{\"name\": null}")
                .patch("/api/v1/clinics/" + clinicId)
                .then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void emptyPatchIsRejected() {
        as(chain.adminToken()).header("If-Match", "\"0\"").body("{}").patch("/api/v1/clinics/" + clinicId)
                .then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/clinics/not-a-uuid", "/api/v1/staff/123", "/api/v1/clinics/"
            + "00000000-0000-0000-0000-00000000000g"})
    void badIdsInThePathAreBadRequests(String path) {
        as(chain.adminToken()).get(path).then().statusCode(400)
                .body("type", equalTo("https://meike.app/problems/validation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=201", "limit=abc", "active=maybe", "cursor=bm9wZQ", "cursor=%%%"})
    void badListParametersAreBadRequests(String query) {
        as(chain.adminToken()).get("/api/v1/clinics?" + query).then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"role=boss", "clinicId=xyz", "active=1"})
    void badStaffFiltersAreBadRequests(String query) {
        as(chain.adminToken()).get("/api/v1/staff?" + query).then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=yesterday", "to=2026-13-01T00:00:00Z", "entityType=invoice", "entityId=1"})
    void badAuditFiltersAreBadRequests(String query) {
        as(chain.adminToken()).get("/api/v1/audit-events?" + query).then().statusCode(400);
    }

    @Test
    void controlCharactersAreRefusedNotCrashedOn() {
        as(chain.adminToken()).queryParam("q", "a\u0000b").get("/api/v1/clinics").then().statusCode(400);
        as(chain.adminToken()).body(Map.of("code", Chains.unique("N"), "name", "nul\u0000name"))
                .post("/api/v1/clinics").then().statusCode(400);
    }

    @Test
    void weakIfMatchDoesNotMatch() {
        as(chain.adminToken()).header("If-Match", "W/\"0\"").body(Map.of("name", "weak"))
                .patch("/api/v1/clinics/" + clinicId).then().statusCode(412);
    }

    @Test
    void badInputChangesNothing() {
        int before = as(chain.adminToken()).get("/api/v1/clinics").then().extract().path("items.size()");
        as(chain.adminToken()).body(Map.of("code", "", "name", "")).post("/api/v1/clinics").then().statusCode(400);
        as(chain.adminToken()).body(Map.of("username", "Bad Name", "email", "nope", "displayName", "",
                        "roles", List.of("owner"), "allClinics", true))
                .post("/api/v1/staff")
                .then().statusCode(400)
                .body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("displayName"));
        as(chain.adminToken()).get("/api/v1/clinics").then().body("items.size()", equalTo(before));
    }
}
