package app.meike.support;

import app.meike.support.Chains.Chain;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Session-pack templates, packs sold through paid orders, and visits to redeem them at, made through the API. */
public final class Packs {
    private Packs() {
    }

    /** One item of a template; a null interval means none. */
    public static Map<String, Object> item(String itemId, int sessions, Integer minIntervalDays) {
        Map<String, Object> item = new HashMap<>();
        item.put("itemId", itemId);
        item.put("sessions", sessions);
        if (minIntervalDays != null) {
            item.put("minIntervalDays", minIntervalDays);
        }
        return item;
    }

    /** A template sold and redeemed at every clinic, valid for `validityDays`; answers it. */
    public static JsonPath template(Chain chain, List<Map<String, Object>> items, long price, int validityDays) {
        return template(chain, items, price, validityDays, List.of());
    }

    /** A template sold and redeemed at these clinics (every clinic when empty); answers it. */
    public static JsonPath template(Chain chain, List<Map<String, Object>> items, long price, int validityDays,
                                    List<UUID> clinicIds) {
        return admin(chain).body(Map.of("code", Chains.unique("PK"), "name", "疗程 " + Chains.unique(""),
                        "items", items, "price", Sales.cny(price), "validityDays", validityDays,
                        "allClinics", clinicIds.isEmpty(), "clinicIds", clinicIds))
                .post("/api/v1/session-packs/templates").then().statusCode(201).extract().jsonPath();
    }

    public static Map<String, Object> line(String templateId, int quantity) {
        return Map.of("packTemplateId", templateId, "quantity", quantity);
    }

    /** Sells `quantity` packs of the template to the customer at the clinic, paid in cash; answers the paid order. */
    public static JsonPath sell(Chain chain, String customerId, UUID clinicId, String templateId, int quantity) {
        JsonPath draft = Sales.draft(chain, customerId, clinicId, List.of(line(templateId, quantity)))
                .statusCode(201).extract().jsonPath();
        return Sales.payCash(chain, draft.getString("id"), draft.getLong("total.amount")).statusCode(200)
                .extract().jsonPath();
    }

    /** One pack of the template, sold to the customer at the clinic; answers its id. */
    public static String pack(Chain chain, String customerId, UUID clinicId, String templateId) {
        return sell(chain, customerId, clinicId, templateId, 1).getString("lines[0].packIds[0]");
    }

    /** A visit of the customer at the clinic, checked in and out by the chain admin; answers its id. */
    public static String visit(Chain chain, String customerId, UUID clinicId) {
        String visit = admin(chain).body(Map.of("customerId", customerId, "clinicId", clinicId,
                "purpose", "TREATMENT")).post("/api/v1/visits").then().statusCode(201).extract().path("visit.id");
        admin(chain).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(200);
        return visit;
    }

    public static Response redeem(RequestSpecification as, String packId, String itemId, String visitId,
                                  Object clinicianId, String key) {
        return as.header("Idempotency-Key", key)
                .body(Map.of("itemId", itemId, "visitId", visitId, "clinicianId", clinicianId))
                .post("/api/v1/session-packs/" + packId + "/redemptions");
    }

    private static RequestSpecification admin(Chain chain) {
        return RestAssured.given().auth().oauth2(chain.adminToken()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
