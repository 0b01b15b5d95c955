package app.meike.catalog;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.meike.support.Sales.cny;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class StoredValuePlanApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;

    @BeforeEach
    void aChain() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "储值店");
    }

    static Map<String, Object> plan(String code, long price, long value) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "储值 " + price / 100 + " 送 " + (value - price) / 100);
        body.put("price", cny(price));
        body.put("value", cny(value));
        body.put("validityDays", 730);
        body.put("allClinics", true);
        return body;
    }

    @Test
    void theAdminCreatesAPlanThatShowsItsBonusAndChangesItUnderItsETag() {
        String code = Chains.unique("SV5K-");
        String id = as(chain.adminToken()).body(plan(code, 500_000, 1_000_000)).post("/api/v1/stored-value/plans")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("price.amount", equalTo(500_000), "value.amount", equalTo(1_000_000))
                .body("bonus.amount", equalTo(500_000), "validityDays", equalTo(730), "active", equalTo(true))
                .body("availableFrom", nullValue(), "description", nullValue())
                .extract().path("id");
        as(Chains.staffToken(chain, "front-desk")).get("/api/v1/stored-value/plans/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("code", equalTo(code));
        Map<String, Object> patch = new HashMap<>();
        patch.put("availableFrom", "2026-01-01");
        patch.put("availableUntil", "2026-12-31");
        patch.put("validityDays", null);
        as(chain.adminToken()).body(patch).patch("/api/v1/stored-value/plans/" + id).then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"5\"").body(patch).patch("/api/v1/stored-value/plans/" + id)
                .then().statusCode(412);
        as(Chains.staffToken(chain, "manager")).header("If-Match", "\"0\"").body(patch)
                .patch("/api/v1/stored-value/plans/" + id).then().statusCode(403);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(patch).patch("/api/v1/stored-value/plans/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("validityDays", nullValue(), "availableUntil", equalTo("2026-12-31"));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(Map.of("active", false))
                .patch("/api/v1/stored-value/plans/" + id).then().statusCode(200).body("active", equalTo(false));
        as(chain.adminToken()).queryParam("active", "false").queryParam("q", code).get("/api/v1/stored-value/plans")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        as(chain.adminToken()).queryParam("active", "true").queryParam("q", code).get("/api/v1/stored-value/plans")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        as(chain.adminToken()).body(plan(code.toLowerCase(), 100, 100)).post("/api/v1/stored-value/plans").then()
                .statusCode(409);
    }

    @Test
    void plansSoldAtSomeClinicsAreListedForThoseClinics() {
        UUID other = Chains.clinic(chain, "别的店");
        Map<String, Object> body = plan(Chains.unique("ONLY-"), 100_000, 120_000);
        body.put("allClinics", false);
        body.put("clinicIds", List.of(other));
        String onlyOther = as(chain.adminToken()).body(body).post("/api/v1/stored-value/plans").then()
                .statusCode(201).extract().path("id");
        as(chain.adminToken()).queryParam("clinicId", other.toString()).queryParam("limit", 200)
                .get("/api/v1/stored-value/plans").then().statusCode(200).body("items.id", hasItem(onlyOther));
        as(chain.adminToken()).queryParam("clinicId", clinic.toString()).queryParam("limit", 200)
                .get("/api/v1/stored-value/plans").then().statusCode(200).body("items.id", not(hasItem(onlyOther)));
    }

    @Test
    void badPlansAreRefusedNamingTheField() {
        Map<String, Object> body = plan("has space", 0, 100);
        body.put("name", "");
        body.put("validityDays", 0);
        as(chain.adminToken()).body(body).post("/api/v1/stored-value/plans").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("code", "name", "validityDays"));
        as(chain.adminToken()).body(plan(Chains.unique("Z"), 0, 100)).post("/api/v1/stored-value/plans").then()
                .statusCode(400).body("errors.field", equalTo(List.of("price.amount")));
        as(chain.adminToken()).body(plan(Chains.unique("Z"), 500, 499)).post("/api/v1/stored-value/plans").then()
                .statusCode(400).body("errors.field", equalTo(List.of("value.amount")));
        Map<String, Object> dollars = plan(Chains.unique("Z"), 500, 500);
        dollars.put("value", Map.of("amount", 500, "currency", "USD"));
        dollars.put("availableFrom", "2026-02-01");
        dollars.put("availableUntil", "2026-01-01");
        as(chain.adminToken()).body(dollars).post("/api/v1/stored-value/plans").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("value.currency", "availableUntil"));
        Map<String, Object> nowhere = plan(Chains.unique("Z"), 500, 500);
        nowhere.put("allClinics", false);
        as(chain.adminToken()).body(nowhere).post("/api/v1/stored-value/plans").then().statusCode(400)
                .body("errors.field", equalTo(List.of("clinicIds")));
        String id = as(chain.adminToken()).body(plan(Chains.unique("Z"), 500, 600))
                .post("/api/v1/stored-value/plans").then().statusCode(201).extract().path("id");
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of()).patch("/api/v1/stored-value/plans/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("body")));
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("name", null);
        nulls.put("price", null);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(nulls).patch("/api/v1/stored-value/plans/" + id)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("name", "price"));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("value", cny(499)))
                .patch("/api/v1/stored-value/plans/" + id).then().statusCode(400)
                .body("errors.field", equalTo(List.of("value.amount")));
        as(chain.adminToken()).get("/api/v1/stored-value/plans/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("planId"));
        as(chain.adminToken()).get("/api/v1/stored-value/plans/" + UUID.randomUUID()).then().statusCode(404);
    }
}
