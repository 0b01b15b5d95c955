package app.meike.visit;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/** Merging moves a duplicate's appointments, visits and consultations; erasing scrubs their free text. */
@QuarkusTest
class MergedAndErasedCustomersApiTest extends ApiTest {
    static Chain chain;
    static UUID clinic;
    static String item;

    @BeforeEach
    void aClinic() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "合并店");
        item = AppointmentApiTest.item(chain, 30, true, List.of());
    }

    private static String checkIn(String customer, String note) {
        return as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic,
                "purpose", "CONSULTATION", "note", note)).post("/api/v1/visits").then().statusCode(201)
                .extract().path("visit.id");
    }

    private static String consult(String visit) {
        return as(chain.adminToken()).body(Map.of("visitId", visit, "consultantId", chain.adminStaffId(),
                        "summary", "对玻尿酸过敏", "needs", List.of(ConsultationApiTest.need(1, "SKIN", "痘印", List.of(item))),
                        "outcome", Map.of("outcome", "NOT_CONVERTED", "reason", "PRICE", "note", "下月再来")))
                .post("/api/v1/consultations").then().statusCode(201).extract().path("id");
    }

    @Test
    void aMergedDuplicatesHistoryBelongsToTheSurvivor() {
        String survivor = AppointmentApiTest.customer(chain, "正本");
        String duplicate = AppointmentApiTest.customer(chain, "重复");
        String visit = checkIn(duplicate, "首次到店");
        String consultation = consult(visit);
        as(chain.adminToken()).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(200);
        String appointment = as(chain.adminToken()).body(AppointmentApiTest.booking(duplicate, clinic,
                AppointmentApiTest.slot())).post("/api/v1/appointments").then().statusCode(201).extract().path("id");

        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);

        as(chain.adminToken()).get("/api/v1/visits/" + visit).then().body("customerId", equalTo(survivor));
        as(chain.adminToken()).get("/api/v1/appointments/" + appointment).then().body("customerId", equalTo(survivor));
        as(chain.adminToken()).get("/api/v1/consultations/" + consultation).then()
                .body("customerId", equalTo(survivor));
        as(chain.adminToken()).get("/api/v1/customers/" + survivor + "/timeline").then()
                .body("items.id", hasItems(visit, appointment, consultation));
        as(chain.adminToken()).body(AppointmentApiTest.booking(duplicate, clinic, AppointmentApiTest.slot()))
                .post("/api/v1/appointments").then().statusCode(400)
                .body("errors[0].message", containsString(survivor));
    }

    @Test
    void twoCustomersBothCheckedInAreNotMerged() {
        String survivor = AppointmentApiTest.customer(chain, "在店一");
        String duplicate = AppointmentApiTest.customer(chain, "在店二");
        checkIn(survivor, "a");
        String visit = checkIn(duplicate, "b");
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(409)
                .body("detail", containsString("checked in"));
        as(chain.adminToken()).get("/api/v1/visits/" + visit).then().body("customerId", equalTo(duplicate));
        as(chain.adminToken()).get("/api/v1/customers/" + duplicate).then().body("mergedInto", nullValue());
    }

    @Test
    void erasureScrubsFreeTextButKeepsTheVisitsAndOutcomes() {
        String customer = AppointmentApiTest.customer(chain, "删除我");
        String visit = checkIn(customer, "对麻药过敏");
        String consultation = consult(visit);
        as(chain.adminToken()).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(200);
        String appointment = as(chain.adminToken()).body(AppointmentApiTest.booking(customer, clinic,
                AppointmentApiTest.slot())).post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        as(chain.adminToken()).body(Map.of("reason", "住院手术")).post("/api/v1/appointments/" + appointment + "/cancel")
                .then().statusCode(200);

        as(chain.adminToken()).post("/api/v1/customers/" + customer + "/erase").then().statusCode(200);

        as(chain.adminToken()).get("/api/v1/visits/" + visit).then().body("note", nullValue())
                .body("purpose", equalTo("CONSULTATION"));
        as(chain.adminToken()).get("/api/v1/consultations/" + consultation).then()
                .body("summary", nullValue(), "outcomeNote", nullValue())
                .body("outcome", equalTo("NOT_CONVERTED"), "reason", equalTo("PRICE"))
                .body("needs[0].area", equalTo("SKIN"), "needs[0].concern", equalTo(CustomerRecordsOfVisits.ERASED))
                .body("needs[0].suggestedItems.itemId", hasItem(item));
        as(chain.adminToken()).get("/api/v1/appointments/" + appointment).then()
                .body("status", equalTo("CANCELLED"), "cancelReason", equalTo(CustomerRecordsOfVisits.ERASED));
        as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic, "purpose", "CONSULTATION"))
                .post("/api/v1/visits").then().statusCode(400).body("errors.field", hasItem("customerId"));
    }
}
