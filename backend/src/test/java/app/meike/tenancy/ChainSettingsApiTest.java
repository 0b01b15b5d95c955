package app.meike.tenancy;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ChainSettingsApiTest extends ApiTest {

    @Test
    void aTenantAdminChangesTheChurnWindowWithTheCurrentVersion() {
        Chain chain = Chains.create();
        as(Chains.staffToken(chain, "front-desk")).get("/api/v1/settings").then().statusCode(200)
                .header("ETag", "\"0\"").body("churnWindowDays", equalTo(180));
        as(chain.adminToken()).body(Map.of("churnWindowDays", 90)).patch("/api/v1/settings").then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("churnWindowDays", 10))
                .patch("/api/v1/settings").then().statusCode(400).body("errors.field", hasItem("churnWindowDays"));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of()).patch("/api/v1/settings").then()
                .statusCode(400);
        as(Chains.staffToken(chain, "manager")).header("If-Match", "\"0\"").body(Map.of("churnWindowDays", 90))
                .patch("/api/v1/settings").then().statusCode(403);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("churnWindowDays", 90))
                .patch("/api/v1/settings").then().statusCode(200).header("ETag", "\"1\"")
                .body("churnWindowDays", equalTo(90));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("churnWindowDays", 120))
                .patch("/api/v1/settings").then().statusCode(412);
        as(chain.adminToken()).queryParam("entityType", "settings").get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("settings.updated"))
                .body("items[0].changes.churnWindowDays.from", equalTo(180))
                .body("items[0].changes.churnWindowDays.to", equalTo(90));
    }
}
