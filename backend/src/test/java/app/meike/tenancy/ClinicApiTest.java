package app.meike.tenancy;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
        as(Chains.staffToken(chain, "front-desk")).get("/api/v1/clinics/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo("上海静安店"));
    }

    @Test
    void codesAreUniqueInAChainWhateverTheCase() {
        Chain chain = Chains.create();
        String code = Chains.unique("BJ");
        as(chain.adminToken()).body(Map.of("code", code, "name", "一")).post("/api/v1/clinics").then().statusCode(201);
        as(chain.adminToken()).body(Map.of("code", code.toLowerCase(), "name", "二")).post("/api/v1/clinics")
                .then().statusCode(409).body("detail", containsString("一"));
    }

    @Test
    void editingNeedsTheCurrentVersionAndCanClearOptionalFields() {
        Chain chain = Chains.create();
        String id = as(chain.adminToken()).body(Map.of("code", Chains.unique("E"), "name", "旧名", "address", "旧地址"))
                .post("/api/v1/clinics").then().statusCode(201).extract().path("id");
        as(chain.adminToken()).header("If-Match", "\"0\"").body("{\"name\": \"新名\", \"address\": null}")
                .patch("/api/v1/clinics/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("新名")).body("address", nullValue());
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("name", "覆盖"))
                .patch("/api/v1/clinics/" + id).then().statusCode(412);
        as(chain.adminToken()).body(Map.of("name", "覆盖")).patch("/api/v1/clinics/" + id).then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"1\"").body(Map.of("timeZone", "Mars/Base"))
                .patch("/api/v1/clinics/" + id).then().statusCode(400).body("errors.field", hasItem("timeZone"));
        as(chain.adminToken()).get("/api/v1/clinics/" + id).then().body("name", equalTo("新名"));
    }

    @Test
    void closedClinicsCanBeFilteredAndReopened() {
        Chain chain = Chains.create();
        String id = Chains.clinic(chain, "要关的店").toString();
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("active", false))
                .patch("/api/v1/clinics/" + id).then().statusCode(200).body("active", equalTo(false));
        as(chain.adminToken()).queryParam("active", "false").get("/api/v1/clinics")
                .then().body("items.id", equalTo(List.of(id)));
        as(chain.adminToken()).queryParam("active", "true").get("/api/v1/clinics")
                .then().body("items.id", not(hasItem(id)));
    }

    @Test
    void concurrentEditsWithTheSameVersionLetExactlyOneWin() throws Exception {
        Chain chain = Chains.create();
        String id = Chains.clinic(chain, "并发店").toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "name-" + i;
                answers.add(pool.submit(() -> as(chain.adminToken()).header("If-Match", "\"0\"")
                        .body(Map.of("name", name)).patch("/api/v1/clinics/" + id).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        as(chain.adminToken()).get("/api/v1/clinics/" + id).then().header("ETag", "\"1\"");
    }
}
