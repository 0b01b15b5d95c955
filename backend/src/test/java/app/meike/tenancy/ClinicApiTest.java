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
class ClinicApiTest extends ApiTest {

    @Test
    void adminAddsAClinicAndSeesItListed() {
        Chain chain = Chains.create();
        String code = Chains.unique("SH");
        String id = as(chain.adminToken()).body(Map.of("code", code, "name", "上海静安店", "phone", "021-62881234"))
                .post("/api/v1/clinics")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("code", equalTo(code), "timeZone", equalTo("Asia/Shanghai"), "active", equalTo(true))
                .extract().path("id");
        as(chain.adminToken()).get("/api/v1/clinics")
                .then().statusCode(200).body("items.id", hasItem(id));
    }
}
