package app.meike.audit;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuditApiTest extends ApiTest {

    @Test
    void everyChangeIsLoggedWithWhoWhatAndTheRequest() {
        Chain chain = Chains.create();
        String requestId = "req-" + UUID.randomUUID();
        String clinicId = as(chain.adminToken()).header("X-Request-Id", requestId)
                .body(Map.of("code", Chains.unique("AU"), "name", "审计店"))
                .post("/api/v1/clinics").then().statusCode(201).header("X-Request-Id", requestId)
                .extract().path("id");
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("active", false, "phone", "021-1234"))
                .patch("/api/v1/clinics/" + clinicId).then().statusCode(200);

        as(chain.adminToken()).queryParam("entityId", clinicId).get("/api/v1/audit-events")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("clinic.closed", "clinic.created")))
                .body("items[0].changes.active.from", equalTo(true))
                .body("items[0].changes.active.to", equalTo(false))
                .body("items[0].changes.phone.to", equalTo("021-1234"))
                .body("items[1].requestId", equalTo(requestId))
                .body("items[1].actorId", equalTo(chain.adminUserId()));
    }

    @Test
    void pagesNewestFirstAndFiltersByTime() {
        Chain chain = Chains.create();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        List<String> clinics = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clinics.add(Chains.clinic(chain, "店" + i).toString());
        }
        String next = as(chain.adminToken()).queryParam("limit", 2).queryParam("entityType", "clinic")
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.entityId", equalTo(List.of(clinics.get(2), clinics.get(1))))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(chain.adminToken()).queryParam("limit", 2).queryParam("entityType", "clinic").queryParam("cursor", next)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.entityId", equalTo(List.of(clinics.get(0)))).body("nextCursor", nullValue());
        as(chain.adminToken()).queryParam("entityType", "clinic").queryParam("from", before.toString())
                .queryParam("to", OffsetDateTime.now().plusMinutes(1).toString())
                .get("/api/v1/audit-events").then().statusCode(200).body("items", hasSize(3));
        as(chain.adminToken()).queryParam("from", OffsetDateTime.now().plusHours(1).toString())
                .get("/api/v1/audit-events").then().statusCode(200).body("items", empty());
    }
}
