package app.meike.visit;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ConsultationApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static String photo;
    static String filler;
    static JsonPath consultant;
    static String consultantToken;
    static String frontDesk;

    @BeforeEach
    void aClinicWithItemsAndAConsultant() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "南京西路店");
        photo = AppointmentApiTest.item(chain, 45, true, List.of());
        filler = AppointmentApiTest.item(chain, 30, true, List.of());
        consultant = Chains.staff(chain, List.of("consultant"), List.of(clinic));
        consultantToken = Tokens.token(consultant.getString("userId"), chain.id(), "consultant");
        frontDesk = Chains.staffToken(chain, "front-desk");
    }

    /** A customer checked in at the clinic: answers [customerId, visitId]. */
    static List<String> visitor(Chain chain, UUID clinic, String name) {
        JsonPath visit = as(chain.adminToken()).body(VisitApiTest.walkIn(name, VisitApiTest.mobile(), clinic))
                .post("/api/v1/visits").then().statusCode(201).extract().jsonPath();
        return List.of(visit.getString("visit.customerId"), visit.getString("visit.id"));
    }

    static Map<String, Object> need(int rank, String area, String concern, List<String> items) {
        Map<String, Object> need = new HashMap<>();
        need.put("rank", rank);
        need.put("area", area);
        need.put("concern", concern);
        need.put("suggestedItemIds", items);
        return need;
    }

    @Test
    void theConsultantRecordsADesignAssessmentWithRankedNeeds() {
        List<String> visitor = visitor(chain, clinic, "孙小美");
        Map<String, Object> body = new HashMap<>();
        body.put("visitId", visitor.get(1));
        body.put("summary", "希望改善肤色");
        body.put("needs", List.of(need(2, "CHEEKS", "法令纹", List.of(filler)),
                need(1, "SKIN", "色斑", List.of(photo, filler))));
        String id = as(consultantToken).body(body).post("/api/v1/consultations").then().statusCode(201)
                .body("consultantId", equalTo(consultant.getString("id")), "customerId", equalTo(visitor.get(0)))
                .body("outcome", equalTo("PENDING"), "outcomeRecordedAt", nullValue())
                .body("needs.rank", equalTo(List.of(1, 2)), "needs[0].concern", equalTo("色斑"))
                .body("needs[0].suggestedItems.size()", equalTo(2), "needs[1].suggestedItems[0].itemId", equalTo(filler))
                .extract().path("id");

        as(consultantToken).header("If-Match", "\"0\"")
                .body(Map.of("outcome", Map.of("outcome", "NOT_CONVERTED", "reason", "PRICE", "note", "考虑一下")))
                .patch("/api/v1/consultations/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("outcome", equalTo("NOT_CONVERTED"), "reason", equalTo("PRICE"))
                .body("outcomeRecordedAt", org.hamcrest.Matchers.notNullValue());
        as(consultantToken).header("If-Match", "\"1\"")
                .body(Map.of("needs", List.of(need(1, "SKIN", "色斑", List.of(photo)))))
                .patch("/api/v1/consultations/" + id).then().statusCode(200)
                .body("needs.size()", equalTo(1), "needs[0].suggestedItems.itemId", equalTo(List.of(photo)));
        as(Chains.staffToken(chain, "clinician")).get("/api/v1/consultations/" + id).then().statusCode(200)
                .body("needs[0].area", equalTo("SKIN"));
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("consultation.updated", "consultation.updated",
                        "consultation.recorded")))
                .body("items[0].changes.needs.to", not(containsString("色斑")));
    }

    @Test
    void aBadAssessmentIsRefusedNamingTheFieldAndNothingIsRecorded() {
        List<String> visitor = visitor(chain, clinic, "错误");
        Map<String, Object> twiceFirst = Map.of("visitId", visitor.get(1), "needs",
                List.of(need(1, "SKIN", "a", List.of()), need(1, "NOSE", "b", List.of())));
        as(consultantToken).body(twiceFirst).post("/api/v1/consultations").then().statusCode(400)
                .body("errors.field", hasItem("needs[1].rank"));
        Map<String, Object> unknownItem = Map.of("visitId", visitor.get(1), "needs",
                List.of(need(1, "SKIN", "a", List.of(photo, UUID.randomUUID().toString()))));
        as(consultantToken).body(unknownItem).post("/api/v1/consultations").then().statusCode(400)
                .body("errors.field", hasItem("needs[0].suggestedItemIds[1]"));
        Map<String, Object> noReason = Map.of("visitId", visitor.get(1), "outcome", Map.of("outcome", "NOT_CONVERTED"));
        as(consultantToken).body(noReason).post("/api/v1/consultations").then().statusCode(400)
                .body("errors.field", hasItem("outcome.reason"));
        Map<String, Object> fourNeeds = Map.of("visitId", visitor.get(1), "needs",
                List.of(need(1, "SKIN", "a", List.of()), need(2, "SKIN", "b", List.of()),
                        need(3, "SKIN", "c", List.of()), need(3, "SKIN", "d", List.of())));
        as(consultantToken).body(fourNeeds).post("/api/v1/consultations").then().statusCode(400)
                .body("errors.field", hasItem("needs"));
        as(consultantToken).body(Map.of("visitId", UUID.randomUUID())).post("/api/v1/consultations").then()
                .statusCode(400).body("errors.field", hasItem("visitId"));
        as(consultantToken).body(Map.of("visitId", visitor.get(1), "consultedAt",
                        OffsetDateTime.now().minusDays(3).toString()))
                .post("/api/v1/consultations").then().statusCode(400).body("errors.field", hasItem("consultedAt"));
        as(consultantToken).queryParam("visitId", visitor.get(1)).get("/api/v1/consultations").then()
                .statusCode(200).body("items", empty());
    }

    @Test
    void conversionIsAnalysedByConsultantSourceAndMonth() {
        Chain own = Chains.create();
        UUID ownClinic = Chains.clinic(own, "分析店");
        JsonPath alice = Chains.staff(own, List.of("consultant"), List.of());
        JsonPath bob = Chains.staff(own, List.of("consultant"), List.of());
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        record Seen(JsonPath consultant, String outcome, String reason) {
        }
        List<Seen> seen = List.of(new Seen(alice, "CONVERTED", null), new Seen(alice, "NOT_CONVERTED", "PRICE"),
                new Seen(alice, "NOT_CONVERTED", "PRICE"), new Seen(bob, "NOT_CONVERTED", "TRUST"),
                new Seen(bob, "PENDING", null));
        int n = 0;
        for (Seen s : seen) {
            List<String> visitor = visitor(own, ownClinic, "客" + n++);
            Map<String, Object> outcome = new HashMap<>();
            outcome.put("outcome", s.outcome());
            outcome.put("reason", s.reason());
            as(own.adminToken()).body(Map.of("visitId", visitor.get(1), "consultantId",
                            s.consultant().getString("id"), "outcome", outcome))
                    .post("/api/v1/consultations").then().statusCode(201);
        }
        OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        JsonPath byConsultant = as(Chains.staffToken(own, "manager")).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/consultations/analysis").then().statusCode(200)
                .body("groupBy", equalTo("CONSULTANT"))
                .body("total.consultations", equalTo(5), "total.converted", equalTo(1))
                .body("total.notConverted", equalTo(3), "total.pending", equalTo(1))
                .body("total.conversionRate", equalTo(0.25f))
                .body("total.reasons.reason", equalTo(List.of("PRICE", "TRUST")))
                .body("total.reasons.count", equalTo(List.of(2, 1)))
                .extract().jsonPath();
        assertThat(byConsultant.getList("groups.label")).containsExactly(alice.getString("displayName"),
                bob.getString("displayName"));
        assertThat(byConsultant.getDouble("groups[0].figures.conversionRate")).isCloseTo(1.0 / 3, within());
        assertThat(byConsultant.getDouble("groups[1].figures.conversionRate")).isEqualTo(0.0);
        as(own.adminToken()).queryParam("groupBy", "SOURCE").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/consultations/analysis").then().statusCode(200)
                .body("groups.key", equalTo(List.of("WALK_IN")), "groups[0].figures.consultations", equalTo(5));
        as(own.adminToken()).queryParam("groupBy", "MONTH").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/consultations/analysis").then().statusCode(200)
                .body("groups.figures.consultations.sum()", equalTo(5));
        // An empty period answers zeros and no rate rather than dividing by zero.
        as(own.adminToken()).queryParam("from", from.minusYears(1).toString())
                .queryParam("to", from.minusYears(1).plusDays(1).toString()).get("/api/v1/consultations/analysis")
                .then().statusCode(200).body("total.consultations", equalTo(0))
                .body("total.conversionRate", nullValue(), "groups", empty());

        as(own.adminToken()).queryParam("from", to.toString()).queryParam("to", from.toString())
                .get("/api/v1/consultations/analysis").then().statusCode(400).body("errors.field", hasItem("to"));
        as(own.adminToken()).queryParam("to", to.toString()).get("/api/v1/consultations/analysis").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        as(own.adminToken()).queryParam("from", from.minusYears(2).toString()).queryParam("to", to.toString())
                .get("/api/v1/consultations/analysis").then().statusCode(400);
        as(own.adminToken()).queryParam("groupBy", "COLOUR").queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/consultations/analysis").then().statusCode(400)
                .body("errors.field", hasItem("groupBy"));
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    @Test
    void theTimelineShowsBookingVisitAndConsultationNewestFirst() {
        String customer = AppointmentApiTest.customer(chain, "时间线");
        OffsetDateTime at = AppointmentApiTest.slot();
        Map<String, Object> booking = AppointmentApiTest.booking(customer, clinic, at);
        booking.put("itemId", photo);
        String appointment = as(frontDesk).body(booking).post("/api/v1/appointments").then().statusCode(201)
                .extract().path("id");
        String visit = as(frontDesk).body(Map.of("customerId", customer, "clinicId", clinic,
                        "purpose", "CONSULTATION")).post("/api/v1/visits").then().statusCode(201)
                .extract().path("visit.id");
        String consultation = as(consultantToken).body(Map.of("visitId", visit, "needs",
                        List.of(need(1, "SKIN", "色斑", List.of(photo)), need(2, "EYES", "眼袋", List.of()))))
                .post("/api/v1/consultations").then().statusCode(201).extract().path("id");

        List<String> kinds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(consultantToken).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                    .extract().jsonPath();
            kinds.addAll(page.getList("items.kind"));
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        // The booking is for a later day, so it is the newest entry.
        assertThat(kinds).containsExactly("APPOINTMENT", "CONSULTATION", "VISIT");
        assertThat(ids).containsExactly(appointment, consultation, visit);
        as(consultantToken).get("/api/v1/customers/" + customer + "/timeline").then()
                .body("items[0].label", equalTo("光子嫩肤"), "items[0].status", equalTo("BOOKED"))
                .body("items[1].label", equalTo("色斑 · 眼袋"), "items[1].status", equalTo("PENDING"))
                .body("items[2].label", equalTo("CONSULTATION"), "items[2].status", equalTo("CHECKED_IN"));
        // The front desk sees that a consultation happened, not what it was about (health-related).
        as(frontDesk).get("/api/v1/customers/" + customer + "/timeline").then()
                .body("items[1].kind", equalTo("CONSULTATION"), "items[1].label", nullValue());
        as(consultantToken).get("/api/v1/customers/" + UUID.randomUUID() + "/timeline").then().statusCode(404);
    }
}
