package app.meike.catalog;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CatalogApiTest extends ApiTest {

    static Map<String, Object> item(String code, String category, long price, boolean entryLevel,
                                    List<UUID> clinicIds) {
        return Map.of("code", code, "name", "项目 " + code, "category", category,
                "listPrice", Map.of("amount", price, "currency", "CNY"), "durationMinutes", 45,
                "entryLevel", entryLevel, "allClinics", clinicIds.isEmpty(), "clinicIds", clinicIds);
    }

    @Test
    void adminAddsAnItemThatStaffCanRead() {
        Chain chain = Chains.create();
        String code = Chains.unique("HA");
        String id = as(chain.adminToken()).body(item(code, "INJECTION", 680000, false, List.of()))
                .post("/api/v1/catalog/items")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("listPrice.amount", equalTo(680000), "listPrice.currency", equalTo("CNY"))
                .body("active", equalTo(true), "allClinics", equalTo(true))
                .extract().path("id");
        as(Chains.staffToken(chain, "clinician")).get("/api/v1/catalog/items/" + id)
                .then().statusCode(200).body("code", equalTo(code));
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("catalog-item.created")));
    }

    @Test
    void filtersFindWhatTheFrontDeskAsksFor() {
        Chain chain = Chains.create();
        UUID jingan = Chains.clinic(chain, "静安店");
        UUID guomao = Chains.clinic(chain, "国贸店");
        String hairRemoval = as(chain.adminToken()).body(item(Chains.unique("HR"), "SKIN", 19900, true,
                List.of(jingan))).post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
        String thread = as(chain.adminToken()).body(item(Chains.unique("TL"), "MINIMALLY_INVASIVE", 1200000, false,
                List.of())).post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
        as(chain.adminToken()).queryParam("entryLevel", "true").get("/api/v1/catalog/items")
                .then().body("items.id", equalTo(List.of(hairRemoval)));
        as(chain.adminToken()).queryParam("category", "MINIMALLY_INVASIVE").get("/api/v1/catalog/items")
                .then().body("items.id", equalTo(List.of(thread)));
        as(chain.adminToken()).queryParam("clinicId", guomao.toString()).get("/api/v1/catalog/items")
                .then().body("items.id", equalTo(List.of(thread)));
        as(chain.adminToken()).queryParam("clinicId", jingan.toString()).get("/api/v1/catalog/items")
                .then().body("items.id", equalTo(List.of(hairRemoval, thread)));
        as(chain.adminToken()).queryParam("q", "tl").get("/api/v1/catalog/items")
                .then().body("items.id", equalTo(List.of(thread)));
    }

    @Test
    void archivedItemsStayReadableAndCanBeRestored() {
        Chain chain = Chains.create();
        String id = as(chain.adminToken()).body(item(Chains.unique("M22"), "SKIN", 128000, false, List.of()))
                .post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("active", false))
                .patch("/api/v1/catalog/items/" + id).then().statusCode(200).body("active", equalTo(false));
        as(chain.adminToken()).queryParam("active", "true").get("/api/v1/catalog/items")
                .then().body("items.id", not(hasItem(id)));
        as(chain.adminToken()).get("/api/v1/catalog/items/" + id).then().statusCode(200);
        as(chain.adminToken()).header("If-Match", "\"1\"")
                .body(Map.of("active", true, "listPrice", Map.of("amount", 138000, "currency", "CNY")))
                .patch("/api/v1/catalog/items/" + id).then().statusCode(200)
                .body("listPrice.amount", equalTo(138000));
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events")
                .then().body("items.action", equalTo(List.of("catalog-item.restored", "catalog-item.archived",
                        "catalog-item.created")))
                .body("items[0].changes.listPrice.from", equalTo(128000));
    }

    @Test
    void badItemsAreRefusedNamingTheField() {
        Chain chain = Chains.create();
        as(chain.adminToken()).body(Map.of("code", "BAD CODE", "name", "", "category", "MAGIC",
                        "listPrice", Map.of("amount", -1, "currency", "CNY"), "durationMinutes", 2,
                        "allClinics", true))
                .post("/api/v1/catalog/items").then().statusCode(400);
        as(chain.adminToken()).body(Map.of("code", "OK1", "name", "", "category", "SKIN",
                        "listPrice", Map.of("amount", -1, "currency", "CNY"), "durationMinutes", 2,
                        "allClinics", true))
                .post("/api/v1/catalog/items").then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("listPrice.amount"))
                .body("errors.field", hasItem("durationMinutes"));
        as(chain.adminToken()).body(Map.of("code", "USD1", "name", "x", "category", "SKIN",
                        "listPrice", Map.of("amount", 100, "currency", "USD"), "durationMinutes", 30,
                        "allClinics", true))
                .post("/api/v1/catalog/items").then().statusCode(400)
                .body("errors.field", hasItem("listPrice.currency"));
        as(chain.adminToken()).body(item("NOCLINIC", "SKIN", 100, false, List.of(UUID.randomUUID())))
                .post("/api/v1/catalog/items").then().statusCode(400).body("errors.field", hasItem("clinicIds[0]"));
        String code = Chains.unique("DUP");
        as(chain.adminToken()).body(item(code, "SKIN", 100, false, List.of())).post("/api/v1/catalog/items")
                .then().statusCode(201);
        as(chain.adminToken()).body(item(code.toLowerCase(), "SKIN", 100, false, List.of()))
                .post("/api/v1/catalog/items").then().statusCode(409);
        as(chain.adminToken()).get("/api/v1/catalog/items").then().body("items.size()", equalTo(1));
    }
}
