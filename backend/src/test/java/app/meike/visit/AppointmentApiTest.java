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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class AppointmentApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static UUID otherClinic;
    static String item;
    static String doctor;
    static String frontDesk;

    @BeforeEach
    void aClinicWithADoctorAndAnItem() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "静安店");
        otherClinic = Chains.clinic(chain, "浦东店");
        item = item(chain, 60, true, List.of());
        doctor = Chains.staff(chain, List.of("clinician"), List.of(clinic)).getString("id");
        frontDesk = Chains.staffToken(chain, "front-desk");
    }

    static String item(Chain chain, int minutes, boolean allClinics, List<UUID> clinics) {
        return as(chain.adminToken()).body(Map.of("code", Chains.unique("PH"), "name", "光子嫩肤", "category", "SKIN",
                        "listPrice", Map.of("amount", 88_000, "currency", "CNY"), "durationMinutes", minutes,
                        "allClinics", allClinics, "clinicIds", clinics))
                .post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
    }

    static String customer(Chain chain, String name) {
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return as(chain.adminToken()).body(Map.of("name", name, "phone", phone, "source", "WALK_IN"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    /** A whole hour some days ahead, distinct per call so tests don't book each other's slots. */
    static OffsetDateTime slot() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS)
                .plusDays(2 + ThreadLocalRandom.current().nextInt(3000)).plusHours(1);
    }

    static Map<String, Object> booking(String customer, UUID clinic, OffsetDateTime at) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer);
        body.put("clinicId", clinic);
        body.put("startsAt", at.toString());
        return body;
    }

    @Test
    void theFrontDeskBooksAnItemWithADoctorForTheItemsDuration() {
        String customer = customer(chain, "王五");
        OffsetDateTime at = slot();
        Map<String, Object> body = booking(customer, clinic, at);
        body.put("itemId", item);
        body.put("staffId", doctor);
        body.put("note", "第一次做");
        String id = as(frontDesk).body(body).post("/api/v1/appointments").then().statusCode(201)
                .header("ETag", "\"0\"").header("Location", containsString("/api/v1/appointments/"))
                .body("status", equalTo("BOOKED"), "customerName", equalTo("王五"), "itemName", equalTo("光子嫩肤"))
                .body("staffName", notNullValue())
                .extract().path("id");
        JsonPath booked = as(frontDesk).get("/api/v1/appointments/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(OffsetDateTime.parse(booked.getString("startsAt"))).isAtSameInstantAs(at);
        assertThat(OffsetDateTime.parse(booked.getString("endsAt"))).isAtSameInstantAs(at.plusMinutes(60));
        as(frontDesk).queryParam("clinicId", clinic.toString()).queryParam("from", at.minusMinutes(1).toString())
                .queryParam("to", at.plusMinutes(1).toString()).get("/api/v1/appointments").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("appointment.booked")));
    }

    @Test
    void badBookingsAreRefusedNamingTheFieldAndNothingIsBooked() {
        String customer = customer(chain, "赵六");
        Map<String, Object> past = booking(customer, clinic, OffsetDateTime.now().minusHours(1));
        as(frontDesk).body(past).post("/api/v1/appointments").then().statusCode(400)
                .body("errors.field", hasItem("startsAt"));
        Map<String, Object> unknownItem = booking(customer, clinic, slot());
        unknownItem.put("itemId", UUID.randomUUID());
        as(frontDesk).body(unknownItem).post("/api/v1/appointments").then().statusCode(400)
                .body("errors.field", hasItem("itemId"));
        Map<String, Object> notOfferedHere = booking(customer, otherClinic, slot());
        notOfferedHere.put("itemId", item(chain, 30, false, List.of(clinic)));
        as(frontDesk).body(notOfferedHere).post("/api/v1/appointments").then().statusCode(400)
                .body("errors[0].message", containsString("not offered"));
        Map<String, Object> doctorElsewhere = booking(customer, otherClinic, slot());
        doctorElsewhere.put("staffId", doctor);
        as(frontDesk).body(doctorElsewhere).post("/api/v1/appointments").then().statusCode(400)
                .body("errors.field", hasItem("staffId"));
        as(frontDesk).body(booking(UUID.randomUUID().toString(), clinic, slot())).post("/api/v1/appointments")
                .then().statusCode(400).body("errors.field", hasItem("customerId"));
        Map<String, Object> tooLong = booking(customer, clinic, slot());
        tooLong.put("durationMinutes", 5000);
        as(frontDesk).body(tooLong).post("/api/v1/appointments").then().statusCode(400)
                .body("errors.field", hasItem("durationMinutes"));
        as(frontDesk).queryParam("customerId", customer).get("/api/v1/appointments").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aDoctorIsNeverBookedTwiceAtOnceButCancellingFreesTheSlot() {
        OffsetDateTime at = slot();
        Map<String, Object> first = booking(customer(chain, "甲"), clinic, at);
        first.put("staffId", doctor);
        String firstId = as(frontDesk).body(first).post("/api/v1/appointments").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> overlapping = booking(customer(chain, "乙"), clinic, at.plusMinutes(15));
        overlapping.put("staffId", doctor);
        as(frontDesk).body(overlapping).post("/api/v1/appointments").then().statusCode(409)
                .body("detail", containsString(firstId));
        Map<String, Object> rightAfter = booking(customer(chain, "丙"), clinic, at.plusMinutes(30));
        rightAfter.put("staffId", doctor);
        as(frontDesk).body(rightAfter).post("/api/v1/appointments").then().statusCode(201);

        as(frontDesk).body(Map.of("reason", "")).post("/api/v1/appointments/" + firstId + "/cancel").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        as(frontDesk).body(Map.of("reason", "客户临时出差")).post("/api/v1/appointments/" + firstId + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"), "cancelReason", equalTo("客户临时出差"));
        overlapping.put("startsAt", at.toString());
        as(frontDesk).body(overlapping).post("/api/v1/appointments").then().statusCode(201);
        as(frontDesk).body(Map.of("reason", "again")).post("/api/v1/appointments/" + firstId + "/cancel").then()
                .statusCode(409);
    }

    @Test
    void twoDesksBookingTheSameSlotAtOnceMakeOneAppointment() throws Exception {
        OffsetDateTime at = slot();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> desks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Map<String, Object> body = booking(customer(chain, "并发" + i), clinic, at.plusMinutes(i));
                body.put("staffId", doctor);
                desks.add(() -> as(frontDesk).body(body).post("/api/v1/appointments").statusCode());
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(desks)) {
                answers.add(answer.get());
            }
            assertThat(answers).filteredOn(s -> s == 201).hasSize(1);
            assertThat(answers).filteredOn(s -> s == 409).hasSize(3);
        } finally {
            pool.shutdown();
        }
        as(frontDesk).queryParam("staffId", doctor).queryParam("from", at.toString())
                .queryParam("to", at.plusMinutes(5).toString()).get("/api/v1/appointments").then()
                .body("items.size()", equalTo(1));
    }

    @Test
    void rescheduleNeedsTheCurrentVersionAndKeepsTheRules() {
        OffsetDateTime at = slot();
        Map<String, Object> body = booking(customer(chain, "改期"), clinic, at);
        body.put("itemId", item);
        String id = as(frontDesk).body(body).post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        as(frontDesk).body(Map.of("startsAt", at.plusHours(2).toString()))
                .patch("/api/v1/appointments/" + id).then().statusCode(428);
        as(frontDesk).header("If-Match", "\"7\"").body(Map.of("startsAt", at.plusHours(2).toString()))
                .patch("/api/v1/appointments/" + id).then().statusCode(412);
        as(frontDesk).header("If-Match", "\"0\"").body(Map.of("startsAt", OffsetDateTime.now().minusDays(1).toString()))
                .patch("/api/v1/appointments/" + id).then().statusCode(400).body("errors.field", hasItem("startsAt"));
        JsonPath moved = as(frontDesk).header("If-Match", "\"0\"")
                .body(Map.of("startsAt", at.plusHours(2).toString(), "durationMinutes", 90))
                .patch("/api/v1/appointments/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .extract().jsonPath();
        assertThat(OffsetDateTime.parse(moved.getString("endsAt"))).isAtSameInstantAs(at.plusHours(3).plusMinutes(30));
    }

    @Test
    void confirmingTwiceIsHarmlessAndANoShowComesOnlyAfterTheStart() {
        String future = as(frontDesk).body(booking(customer(chain, "确认"), clinic, slot()))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        as(frontDesk).post("/api/v1/appointments/" + future + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"), "version", equalTo(1));
        as(frontDesk).post("/api/v1/appointments/" + future + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"), "version", equalTo(1));
        as(frontDesk).post("/api/v1/appointments/" + future + "/no-show").then().statusCode(409);

        // A booking for a moment ago is still allowed (the desk types it as she is due): it has started.
        String started = as(frontDesk).body(booking(customer(chain, "爽约"), clinic,
                        OffsetDateTime.now().minusMinutes(2))).post("/api/v1/appointments").then().statusCode(201)
                .extract().path("id");
        as(frontDesk).post("/api/v1/appointments/" + started + "/no-show").then().statusCode(200)
                .body("status", equalTo("NO_SHOW"), "statusChangedBy", notNullValue());
        as(frontDesk).post("/api/v1/appointments/" + started + "/arrive").then().statusCode(409);
    }

    @Test
    void arrivalChecksTheCustomerInWithTheBookedDoctor() {
        String customer = customer(chain, "到店");
        Map<String, Object> body = booking(customer, clinic, slot());
        body.put("itemId", item);
        body.put("staffId", doctor);
        String id = as(frontDesk).body(body).post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        String visit = as(frontDesk).post("/api/v1/appointments/" + id + "/arrive").then().statusCode(201)
                .header("Location", containsString("/api/v1/visits/"))
                .body("purpose", equalTo("TREATMENT"), "walkIn", equalTo(false), "appointmentId", equalTo(id))
                .body("staffIds", equalTo(List.of(doctor)), "checkedOutAt", org.hamcrest.Matchers.nullValue())
                .extract().path("id");
        as(frontDesk).get("/api/v1/appointments/" + id).then().body("status", equalTo("ARRIVED"))
                .body("visitId", equalTo(visit));
        as(frontDesk).get("/api/v1/customers/" + customer).then()
                .body("status", equalTo("VISITED_NOT_CONVERTED"), "firstVisitAt", notNullValue());
        as(frontDesk).post("/api/v1/appointments/" + id + "/arrive").then().statusCode(409);
    }

    @Test
    void staffLimitedToOneClinicNeitherSeeNorBookAnother() {
        JsonPath pudongDesk = Chains.staff(chain, List.of("front-desk"), List.of(otherClinic));
        String token = Tokens.token(pudongDesk.getString("userId"), chain.id(), "front-desk");
        String jingan = as(frontDesk).body(booking(customer(chain, "静安客"), clinic, slot()))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        as(token).get("/api/v1/appointments/" + jingan).then().statusCode(404);
        as(token).queryParam("limit", 200).get("/api/v1/appointments").then().statusCode(200)
                .body("items.id", not(hasItem(jingan)));
        as(token).body(Map.of("reason", "x")).post("/api/v1/appointments/" + jingan + "/cancel").then()
                .statusCode(404);
        as(token).body(booking(customer(chain, "越界"), clinic, slot())).post("/api/v1/appointments").then()
                .statusCode(403);
    }

    @Test
    void theCalendarPagesInTimeOrder() {
        Chain own = Chains.create();
        UUID ownClinic = Chains.clinic(own, "日历店");
        String customer = customer(own, "日历");
        OffsetDateTime base = slot();
        List<String> booked = new ArrayList<>();
        for (int hours : new int[] {5, 1, 3, 2, 4}) {
            booked.add(as(own.adminToken()).body(booking(customer, ownClinic, base.plusHours(hours)))
                    .post("/api/v1/appointments").then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(own.adminToken()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/appointments").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly(booked.get(1), booked.get(3), booked.get(2), booked.get(4), booked.get(0));
        as(own.adminToken()).queryParam("cursor", "djE6bm90LWEtdXVpZA").get("/api/v1/appointments").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
    }
}
