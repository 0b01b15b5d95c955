package app.meike.support;

import app.meike.support.Chains.Chain;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Catalog items, customers and paid orders made through the API, for tests of what sales drive. */
public final class Sales {
    private Sales() {
    }

    public static Map<String, Object> cny(long amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** An item offered at every clinic of the chain. */
    public static String item(Chain chain, String name, String category, long listPrice) {
        return admin(chain).body(Map.of("code", Chains.unique("IT"), "name", name, "category", category,
                        "listPrice", cny(listPrice), "durationMinutes", 30, "allClinics", true))
                .post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
    }

    public static String customer(Chain chain, String name) {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return admin(chain).body(Map.of("name", name, "phone", phone, "source", "WALK_IN"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> line(String itemId, int quantity) {
        return Map.of("itemId", itemId, "quantity", quantity);
    }

    /** A draft order by the chain admin; answers the response to assert on. */
    public static ValidatableResponse draft(Chain chain, String customerId, UUID clinicId, List<Map<String, Object>> lines) {
        return admin(chain).body(Map.of("customerId", customerId, "clinicId", clinicId, "lines", lines))
                .post("/api/v1/orders").then();
    }

    /** Pays the order in cash for its total; answers the paid order's response. */
    public static ValidatableResponse payCash(Chain chain, String orderId, long total) {
        return admin(chain).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("tenders", List.of(Map.of("method", "CASH", "amount", cny(total)))))
                .post("/api/v1/orders/" + orderId + "/pay").then();
    }

    /** A paid cash order of these lines: answers its id. */
    public static String paidOrder(Chain chain, String customerId, UUID clinicId, List<Map<String, Object>> lines) {
        var draft = draft(chain, customerId, clinicId, lines).statusCode(201).extract().jsonPath();
        payCash(chain, draft.getString("id"), draft.getLong("total.amount")).statusCode(200);
        return draft.getString("id");
    }

    private static io.restassured.specification.RequestSpecification admin(Chain chain) {
        return RestAssured.given().auth().oauth2(chain.adminToken()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }
}
