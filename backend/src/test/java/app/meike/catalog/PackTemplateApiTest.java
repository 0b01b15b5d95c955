package app.meike.catalog;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Packs;
import app.meike.support.Sales;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.meike.support.Packs.item;
import static app.meike.support.Sales.cny;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class PackTemplateApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static String hydra;
    static String photo;
    static String slim;

    @BeforeEach
    void aChainWithThreeItems() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "疗程店");
        hydra = Sales.item(chain, "水光针", "SKIN", 280_000);
        photo = Sales.item(chain, "光子嫩肤", "SKIN", 150_000);
        slim = Sales.item(chain, "瘦脸针", "INJECTION", 380_000);
    }

    static Map<String, Object> combo(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "焕颜组合疗程");
        body.put("description", "水光 ×2 + 光子嫩肤 ×2 + 瘦脸针 ×1");
        body.put("items", List.of(item(hydra, 2, 28), item(photo, 2, 21), item(slim, 1, null)));
        body.put("price", cny(1_000_000));
        body.put("validityDays", 365);
        body.put("allClinics", true);
        return body;
    }

    @Test
    void aComboSplitsItsPriceOverItsItemsByTheirStandalonePrices() {
        String code = Chains.unique("COMBO-");
        // Standalone 5,600 + 3,000 + 3,800 = 12,400; 10,000 split by largest remainder adds up exactly.
        JsonPath template = as(chain.adminToken()).body(combo(code)).post("/api/v1/session-packs/templates").then()
                .statusCode(201).header("ETag", "\"0\"")
                .body("code", equalTo(code), "active", equalTo(true), "validityDays", equalTo(365))
                .body("price.amount", equalTo(1_000_000), "standalonePrice.amount", equalTo(1_240_000))
                .body("items.itemName", equalTo(List.of("水光针", "光子嫩肤", "瘦脸针")))
                .body("items.category", equalTo(List.of("SKIN", "SKIN", "INJECTION")))
                .body("items.minIntervalDays", equalTo(Arrays.asList(28, 21, null)))
                .body("items.standalonePrice.amount", equalTo(List.of(560_000, 300_000, 380_000)))
                .body("items.allocatedPrice.amount", equalTo(List.of(451_613, 241_935, 306_452)))
                .body("items.sessionPrice.amount", equalTo(List.of(225_806, 120_967, 306_452)))
                .extract().jsonPath();
        String id = template.getString("id");
        as(Chains.staffToken(chain, "clinician")).get("/api/v1/session-packs/templates/" + id).then()
                .statusCode(200).header("ETag", "\"0\"").body("description", equalTo("水光 ×2 + 光子嫩肤 ×2 + 瘦脸针 ×1"));
        as(chain.adminToken()).queryParam("clinicId", clinic.toString()).queryParam("active", true)
                .queryParam("q", code.toLowerCase()).get("/api/v1/session-packs/templates").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as(chain.adminToken()).body(combo(code.toLowerCase())).post("/api/v1/session-packs/templates").then()
                .statusCode(409);
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("pack-template.created"));
    }

    @Test
    void editsNeedTheCurrentETagAndReplaceTheItemsAndArchiving() {
        String id = as(chain.adminToken()).body(combo(Chains.unique("EDIT-"))).post("/api/v1/session-packs/templates")
                .then().statusCode(201).extract().path("id");
        String path = "/api/v1/session-packs/templates/" + id;
        Map<String, Object> cheaper = Map.of("price", cny(900_000), "items", List.of(item(hydra, 3, 30)));
        as(chain.adminToken()).body(cheaper).patch(path).then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"5\"").body(cheaper).patch(path).then().statusCode(412);
        as(Chains.staffToken(chain, "manager")).header("If-Match", "\"0\"").body(cheaper).patch(path).then()
                .statusCode(403);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(cheaper).patch(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("items.itemId", equalTo(List.of(hydra)))
                .body("items[0].allocatedPrice.amount", equalTo(900_000), "items[0].sessionPrice.amount",
                        equalTo(300_000));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(Map.of("active", false)).patch(path).then()
                .statusCode(200).body("active", equalTo(false));
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("pack-template.archived", "pack-template.updated",
                        "pack-template.created")))
                .body("items[1].changes.price.to", equalTo(900_000));
        // An archived template is not for sale.
        as(chain.adminToken()).body(Map.of("customerId", Sales.customer(chain, "晚来"), "clinicId", clinic,
                        "lines", List.of(Packs.line(id, 1))))
                .post("/api/v1/orders").then().statusCode(400).body("errors.field", hasItem("lines[0].packTemplateId"));
        as(chain.adminToken()).queryParam("active", true).queryParam("limit", 200)
                .get("/api/v1/session-packs/templates").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void badTemplatesAreRefusedNamingTheField() {
        Map<String, Object> bad = combo("has space");
        bad.put("items", List.of(item(hydra, 0, 400), item(UUID.randomUUID().toString(), 1, null)));
        bad.put("price", Map.of("amount", -1, "currency", "CNY"));
        bad.put("validityDays", 0);
        as(chain.adminToken()).body(bad).post("/api/v1/session-packs/templates").then().statusCode(400)
                .body("errors.field", hasItems("code", "items[0].sessions", "items[0].minIntervalDays",
                        "price.amount", "validityDays"));
        Map<String, Object> twice = combo(Chains.unique("TW-"));
        twice.put("items", List.of(item(hydra, 1, null), item(UUID.randomUUID().toString(), 1, null),
                item(hydra, 1, null)));
        as(chain.adminToken()).body(twice).post("/api/v1/session-packs/templates").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("items[1].itemId", "items[2].itemId"));
        Map<String, Object> dollars = combo(Chains.unique("USD-"));
        dollars.put("price", Map.of("amount", 100, "currency", "USD"));
        as(chain.adminToken()).body(dollars).post("/api/v1/session-packs/templates").then().statusCode(400)
                .body("errors.field", equalTo(List.of("price.currency")));
        Map<String, Object> nowhere = combo(Chains.unique("NO-"));
        nowhere.put("allClinics", false);
        as(chain.adminToken()).body(nowhere).post("/api/v1/session-packs/templates").then().statusCode(400)
                .body("errors.field", equalTo(List.of("clinicIds")));
        Map<String, Object> empty = combo(Chains.unique("EMPTY-"));
        empty.put("items", List.of());
        as(chain.adminToken()).body(empty).post("/api/v1/session-packs/templates").then().statusCode(400)
                .body("errors.field", equalTo(List.of("items")));
        as(chain.adminToken()).get("/api/v1/session-packs/templates/" + UUID.randomUUID()).then().statusCode(404);
        as(chain.adminToken()).get("/api/v1/session-packs/templates/nope").then().statusCode(400);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of()).patch("/api/v1/session-packs/templates/"
                + UUID.randomUUID()).then().statusCode(400);
        as(chain.adminToken()).queryParam("clinicId", "x").get("/api/v1/session-packs/templates").then()
                .statusCode(400).body("errors.field", equalTo(List.of("clinicId")));
    }
}
