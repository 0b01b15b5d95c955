package app.meike.visit;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class VisitApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static String frontDesk;
    static String consultant;

    @BeforeEach
    void aClinic() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "徐汇店");
        frontDesk = Chains.staffToken(chain, "front-desk");
        consultant = Chains.staff(chain, List.of("consultant"), List.of(clinic)).getString("id");
    }

    static String mobile() {
        return "158" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Map<String, Object> walkIn(String name, String phone, UUID clinic) {
        Map<String, Object> body = new HashMap<>();
        body.put("newCustomer", Map.of("name", name, "phone", phone, "source", "WALK_IN"));
        body.put("clinicId", clinic);
        body.put("purpose", "CONSULTATION");
        return body;
    }

    @Test
    void aWalkInIsRegisteredOnTheSpotAndHerVisitCounts() {
        String phone = mobile();
        Map<String, Object> body = walkIn("路人甲", phone, clinic);
        body.put("staffIds", List.of(consultant));
        JsonPath checkedIn = as(frontDesk).body(body).post("/api/v1/visits").then().statusCode(201)
                .header("Location", containsString("/api/v1/visits/"))
                .body("customerRegistered", equalTo(true), "visit.walkIn", equalTo(true))
                .body("visit.customerName", equalTo("路人甲"), "visit.staffIds", equalTo(List.of(consultant)))
                .extract().jsonPath();
        String customer = checkedIn.getString("visit.customerId");
        String visit = checkedIn.getString("visit.id");
        JsonPath profile = as(frontDesk).get("/api/v1/customers/" + customer).then().statusCode(200)
                .body("status", equalTo("VISITED_NOT_CONVERTED"), "source", equalTo("WALK_IN"))
                .body("version", equalTo(0))
                .extract().jsonPath();
        assertThat(profile.getString("firstVisitAt")).isEqualTo(profile.getString("lastVisitAt"));

        as(frontDesk).body(walkIn("路人甲", phone, clinic)).post("/api/v1/visits").then().statusCode(409)
                .body("detail", containsString(visit));
        as(frontDesk).body(Map.of()).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(200)
                .body("checkedOutAt", notNullValue());
        as(frontDesk).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(409);

        // She comes back: her phone finds her, nobody is registered twice, and her last visit moves on.
        as(frontDesk).body(walkIn("路人甲 again", " " + phone, clinic)).post("/api/v1/visits").then()
                .statusCode(201).body("customerRegistered", equalTo(false), "visit.customerId", equalTo(customer));
        JsonPath after = as(frontDesk).get("/api/v1/customers/" + customer).then().extract().jsonPath();
        assertThat(after.getString("firstVisitAt")).isEqualTo(profile.getString("firstVisitAt"));
        assertThat(OffsetDateTime.parse(after.getString("lastVisitAt")))
                .isAfter(OffsetDateTime.parse(profile.getString("lastVisitAt")));
        assertThat(after.getString("name")).isEqualTo("路人甲");
    }

    @Test
    void badCheckInsAreRefusedNamingTheFieldAndNothingIsWritten() {
        String phone = mobile();
        Map<String, Object> both = walkIn("两者", phone, clinic);
        both.put("customerId", UUID.randomUUID());
        as(frontDesk).body(both).post("/api/v1/visits").then().statusCode(400)
                .body("errors.field", hasItem("customerId"));
        Map<String, Object> neither = new HashMap<>(Map.of("clinicId", clinic, "purpose", "CONSULTATION"));
        as(frontDesk).body(neither).post("/api/v1/visits").then().statusCode(400)
                .body("errors.field", hasItem("customerId"));
        Map<String, Object> future = walkIn("未来", phone, clinic);
        future.put("checkedInAt", OffsetDateTime.now().plusDays(1).toString());
        as(frontDesk).body(future).post("/api/v1/visits").then().statusCode(400)
                .body("errors.field", hasItem("checkedInAt"));
        as(frontDesk).body(walkIn("坏电话", "12345", clinic)).post("/api/v1/visits").then().statusCode(400)
                .body("errors.field", hasItem("newCustomer.phone"));
        Map<String, Object> badPurpose = walkIn("目的", phone, clinic);
        badPurpose.put("purpose", "SHOPPING");
        as(frontDesk).body(badPurpose).post("/api/v1/visits").then().statusCode(400);
        Map<String, Object> strangerStaff = walkIn("员工", phone, clinic);
        strangerStaff.put("staffIds", List.of(UUID.randomUUID()));
        as(frontDesk).body(strangerStaff).post("/api/v1/visits").then().statusCode(400)
                .body("errors.field", hasItem("staffIds[0]"));
        // None of these registered the walk-in.
        as(frontDesk).queryParam("q", phone).get("/api/v1/customers").then().statusCode(200).body("items", empty());
    }

    @Test
    void checkOutIsNeverBeforeCheckIn() {
        String customer = as(frontDesk).body(walkIn("时间", mobile(), clinic)).post("/api/v1/visits").then()
                .statusCode(201).extract().path("visit.customerId");
        String visit = as(frontDesk).queryParam("customerId", customer).queryParam("open", true)
                .get("/api/v1/visits").then().statusCode(200).body("items.size()", equalTo(1))
                .extract().path("items[0].id");
        as(frontDesk).body(Map.of("checkedOutAt", OffsetDateTime.now().minusDays(1).toString()))
                .post("/api/v1/visits/" + visit + "/check-out").then().statusCode(400)
                .body("errors.field", hasItem("checkedOutAt"));
        as(frontDesk).get("/api/v1/visits/" + visit).then().body("checkedOutAt", nullValue());
        as(frontDesk).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(200);
        as(frontDesk).queryParam("customerId", customer).queryParam("open", true).get("/api/v1/visits").then()
                .body("items", empty());
    }

    @Test
    void aVisitsPurposeStaffAndNoteCanBeCorrectedWithTheCurrentVersion() {
        String visit = as(frontDesk).body(walkIn("更正", mobile(), clinic)).post("/api/v1/visits").then()
                .statusCode(201).extract().path("visit.id");
        as(frontDesk).header("If-Match", "\"5\"").body(Map.of("purpose", "TREATMENT"))
                .patch("/api/v1/visits/" + visit).then().statusCode(412);
        as(frontDesk).header("If-Match", "\"0\"").body(Map.of()).patch("/api/v1/visits/" + visit).then()
                .statusCode(400);
        as(frontDesk).header("If-Match", "\"0\"")
                .body(Map.of("purpose", "TREATMENT", "staffIds", List.of(consultant), "note", "术后复查"))
                .patch("/api/v1/visits/" + visit).then().statusCode(200).header("ETag", "\"1\"")
                .body("purpose", equalTo("TREATMENT"), "staffIds", equalTo(List.of(consultant)))
                .body("note", equalTo("术后复查"));
        as(chain.adminToken()).queryParam("entityId", visit).get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("visit.updated"))
                .body("items[0].changes.note.to", not(containsString("术后")));
    }

    @Test
    void aClosedClinicReceivesNobody() {
        UUID closed = Chains.clinic(chain, "已关店");
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("active", false))
                .patch("/api/v1/clinics/" + closed).then().statusCode(200);
        as(frontDesk).body(walkIn("关店", mobile(), closed)).post("/api/v1/visits").then().statusCode(400)
                .body("errors.field", hasItem("clinicId"));
    }
}
