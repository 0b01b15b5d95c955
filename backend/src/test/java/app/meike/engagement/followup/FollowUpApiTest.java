package app.meike.engagement.followup;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Packs;
import app.meike.support.Sales;
import app.meike.support.Tokens;
import app.meike.support.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Follow-up rules, queues and touchpoints through the API: who sees and does what, and what bad input gets. */
@QuarkusTest
class FollowUpApiTest extends ApiTest {
    static final String FU = "/api/v1/follow-ups";
    Chain chain;
    UUID north;
    UUID south;

    @BeforeEach
    void aChainWithTwoClinics() {
        chain = Chains.create();
        north = Chains.clinic(chain, "北店");
        south = Chains.clinic(chain, "南店");
    }

    @Test
    void dateRulesRemindOfExpiringPointsAndValueAndOfDueSessionsOnce() {
        rule("POINTS_EXPIRING", 730, "积分到期提醒");
        rule("STORED_VALUE_EXPIRING", 400, "储值到期提醒");
        rule("PACK_SESSION_DUE", 30, "疗程到期提醒");
        String item = Sales.item(chain, "水光", "SKIN", 10_000);
        String customer = customer("周五", north, null);
        Sales.paidOrder(chain, customer, north, List.of(Sales.line(item, 1)));
        Wallets.topUp(chain, customer, Wallets.plan(chain, 100_000, 150_000, 365), north, 100_000);
        String template = Packs.template(chain, List.of(Packs.item(item, 3, 28)), 30_000, 365).getString("id");
        String pack = Packs.pack(chain, customer, north, template);
        String visit = Packs.visit(chain, customer, north);
        Packs.redeem(as(chain.adminToken()), pack, item, visit, chain.adminStaffId(), UUID.randomUUID().toString())
                .then().statusCode(201);

        assertThat(run()).isEqualTo(3);
        assertThat(run()).isZero();
        JsonPath tasks = as(chain.adminToken()).queryParam("customerId", customer).get(FU + "/tasks").then()
                .statusCode(200).extract().jsonPath();
        assertThat(tasks.getList("items.trigger")).containsExactlyInAnyOrder("POINTS_EXPIRING",
                "STORED_VALUE_EXPIRING", "PACK_SESSION_DUE");
        // The pack's reminder is due 30 days before its next session (28 days after this one): today.
        assertThat(tasks.getList("items.dueDate")).containsOnly(today().toString());
        assertThat(tasks.getList("items.findAll { it.trigger == 'PACK_SESSION_DUE' }.subjectId")).containsExactly(pack);
    }

    @Test
    void aRedeemedPackSessionIsATreatmentFollowedUpOnceAndItsReversalCancelsIt() {
        as(chain.adminToken()).body(Map.of("trigger", "AFTER_TREATMENT", "category", "INJECTION", "days", 1,
                "title", "注射次日回访")).post(FU + "/rules").then().statusCode(201);
        String injection = Sales.item(chain, "水光针", "INJECTION", 10_000);
        String customer = customer("疗程客", north, null);
        String template = Packs.template(chain, List.of(Packs.item(injection, 3, null)), 30_000, 365).getString("id");
        String pack = Packs.pack(chain, customer, north, template);
        String visit = Packs.visit(chain, customer, north);
        String key = UUID.randomUUID().toString();
        String redemption = Packs.redeem(as(chain.adminToken()), pack, injection, visit, chain.adminStaffId(), key)
                .then().statusCode(201).extract().path("entry.id");
        Packs.redeem(as(chain.adminToken()), pack, injection, visit, chain.adminStaffId(), key).then().statusCode(201);
        // Buying the pack was no treatment; the session was. She has no owner: the clinician who gave it follows up.
        as(chain.adminToken()).queryParam("customerId", customer).get(FU + "/tasks").then().statusCode(200)
                .body("items", hasSize(1), "items[0].subjectId", equalTo(redemption),
                        "items[0].dueDate", equalTo(today().plusDays(1).toString()),
                        "items[0].assigneeId", equalTo(chain.adminStaffId().toString()));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "记错了"))
                .post("/api/v1/session-packs/" + pack + "/redemptions/" + redemption + "/reversal").then()
                .statusCode(201);
        as(chain.adminToken()).queryParam("customerId", customer).get(FU + "/tasks").then().statusCode(200)
                .body("items.status", equalTo(List.of("CANCELLED")),
                        "items[0].cancelReason", equalTo("The session was reversed"));
    }

    @Test
    void rulesAreTheChainAdminsVersionedAndChecked() {
        String consultant = Chains.staffToken(chain, "consultant");
        as(consultant).body(Map.of("trigger", "BIRTHDAY", "days", 3, "title", "x")).post(FU + "/rules").then()
                .statusCode(403);
        as(consultant).get(FU + "/rules").then().statusCode(403);
        as(chain.adminToken()).body(Map.of("trigger", "BIRTHDAY", "category", "SKIN", "days", 3, "title", "x"))
                .post(FU + "/rules").then().statusCode(400).body("errors.field", hasItem("category"));
        as(chain.adminToken()).body(Map.of("trigger", "BIRTHDAY", "days", 731, "title", "x")).post(FU + "/rules")
                .then().statusCode(400).body("errors.field", hasItem("days"));
        as(chain.adminToken()).body(Map.of("trigger", "SOMETIME", "days", 1, "title", "x")).post(FU + "/rules")
                .then().statusCode(400);
        as(chain.adminToken()).body(Map.of("trigger", "BIRTHDAY", "days", 1, "title", " ")).post(FU + "/rules")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        String id = rule("BIRTHDAY", 3, "生日关怀");
        as(chain.adminToken()).body(Map.of("trigger", "BIRTHDAY", "days", 3, "title", "又一条")).post(FU + "/rules")
                .then().statusCode(409);
        as(chain.adminToken()).body(Map.of("enabled", false)).patch(FU + "/rules/" + id).then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"7\"").body(Map.of("enabled", false)).patch(FU + "/rules/" + id)
                .then().statusCode(412);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of()).patch(FU + "/rules/" + id).then()
                .statusCode(400);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("enabled", false, "days", 5))
                .patch(FU + "/rules/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("enabled", equalTo(false), "days", equalTo(5));
        // A disabled rule makes nothing.
        customer("寿星", north, today().withYear(1990));
        assertThat(run()).isZero();
        as(chain.adminToken()).get(FU + "/rules/" + UUID.randomUUID()).then().statusCode(404);
        as(chain.adminToken()).get(FU + "/rules/not-an-id").then().statusCode(400);
    }

    @Test
    void queuesFollowRolesAndClinicsAndAnOutcomeIsOneContact() {
        rule("BIRTHDAY", 0, "生日关怀");
        String northern = customer("北客", north, today().withYear(1991));
        String southern = customer("南客", south, today().withYear(1992));
        assertThat(run()).isEqualTo(2);
        JsonPath southManager = Chains.staff(chain, List.of("manager"), List.of(south));
        String southManagerToken = Tokens.withClinics(southManager.getString("userId"), chain.id(), List.of(south),
                "manager");
        JsonPath northConsultant = Chains.staff(chain, List.of("consultant"), List.of(north));
        String consultant = Tokens.withClinics(northConsultant.getString("userId"), chain.id(), List.of(north),
                "consultant");
        String northTask = taskOf(northern);
        String southTask = taskOf(southern);

        // The southern manager sees the south's tasks only; the consultant none but her own (none yet).
        assertThat(as(southManagerToken).get(FU + "/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).containsExactly(southTask);
        as(southManagerToken).get(FU + "/tasks/" + northTask).then().statusCode(404);
        as(southManagerToken).body(Map.of("reason", "x")).post(FU + "/tasks/" + northTask + "/cancel").then()
                .statusCode(404);
        as(consultant).get(FU + "/tasks").then().statusCode(200).body("items", hasSize(0));
        as(consultant).get(FU + "/tasks/" + northTask).then().statusCode(404);
        as(Chains.staffToken(chain, "clinician")).get(FU + "/tasks").then().statusCode(403);
        as(consultant).body(Map.of("assigneeId", northConsultant.getString("id")))
                .post(FU + "/tasks/" + northTask + "/reassign").then().statusCode(403);

        // Nobody owns them: the admin's workload shows them unassigned; she gives the northern one to the consultant.
        as(chain.adminToken()).get(FU + "/workload").then().statusCode(200)
                .body("find { it.assigneeId == null }.dueToday", equalTo(2));
        as(chain.adminToken()).body(Map.of("assigneeId", southManager.getString("id")))
                .post(FU + "/tasks/" + northTask + "/reassign").then().statusCode(400)
                .body("errors.field", hasItem("assigneeId"));
        as(chain.adminToken()).body(Map.of("assigneeId", northConsultant.getString("id")))
                .post(FU + "/tasks/" + northTask + "/reassign").then().statusCode(200)
                .body("assigneeId", equalTo(northConsultant.getString("id")));
        assertThat(as(consultant).queryParam("assigneeId", "me").queryParam("due", "TODAY").get(FU + "/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items.id")).containsExactly(northTask);
        as(consultant).body(Map.of("outcome", "BOOKED")).post(FU + "/tasks/" + northTask + "/outcome").then()
                .statusCode(400).body("errors.field", hasItem("channel"));
        as(consultant).body(Map.of("outcome", "BOOKED", "channel", "CALL", "clinicId", south))
                .post(FU + "/tasks/" + northTask + "/outcome").then().statusCode(403);
        String touchpoint = as(consultant).body(Map.of("outcome", "BOOKED", "channel", "MESSAGE", "note", "约了周六"))
                .post(FU + "/tasks/" + northTask + "/outcome").then().statusCode(200)
                .body("task.status", equalTo("DONE"), "task.outcomeNote", equalTo("约了周六"),
                        "touchpoint.clinicId", equalTo(north.toString()),
                        "touchpoint.staffId", equalTo(northConsultant.getString("id")))
                .extract().path("touchpoint.id");
        as(chain.adminToken()).get("/api/v1/customers/" + northern + "/timeline").then().statusCode(200)
                .body("items.find { it.id == '" + touchpoint + "' }.kind", equalTo("TOUCHPOINT"),
                        "items.find { it.id == '" + touchpoint + "' }.status", equalTo("MESSAGE"),
                        "items.find { it.id == '" + touchpoint + "' }.label", equalTo("BOOKED"));
        // The southern manager's timeline of the northern customer does not show the north's contact.
        as(southManagerToken).get("/api/v1/customers/" + northern + "/timeline").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(touchpoint)));

        as(southManagerToken).body(Map.of("reason", "她出国了")).post(FU + "/tasks/" + southTask + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED"));
        as(southManagerToken).body(Map.of("outcome", "REACHED", "channel", "CALL"))
                .post(FU + "/tasks/" + southTask + "/outcome").then().statusCode(409);
        assertThat(as(chain.adminToken()).queryParam("status", "OPEN").get(FU + "/tasks").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void ofTenResultsRecordedAtOnceForOneTaskOneCounts() throws Exception {
        rule("BIRTHDAY", 0, "生日关怀");
        String customer = customer("抢答", north, today().withYear(1993));
        assertThat(run()).isEqualTo(1);
        String task = taskOf(customer);
        List<Integer> answers = Wallets.inParallel(10, 10, n -> as(chain.adminToken())
                .body(Map.of("outcome", "REACHED", "channel", "CALL", "note", "第" + n + "次"))
                .post(FU + "/tasks/" + task + "/outcome").then().extract().statusCode());
        assertThat(answers).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        as(chain.adminToken()).queryParam("customerId", customer).get(FU + "/touchpoints").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void aMergeMovesTasksAndContactsAndAnErasureTakesTheirNotesAndCancelsHerTasks() {
        rule("BIRTHDAY", 0, "生日关怀");
        String duplicate = customer("重复", north, today().withYear(1994));
        String survivor = customer("本人", north, null);
        assertThat(run()).isEqualTo(1);
        as(chain.adminToken()).body(Map.of("customerId", duplicate, "clinicId", north, "channel", "CALL",
                "note", "她说最近皮肤过敏")).post(FU + "/touchpoints").then().statusCode(201);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
        as(chain.adminToken()).queryParam("customerId", survivor).get(FU + "/tasks").then().statusCode(200)
                .body("items.status", equalTo(List.of("OPEN")));
        as(chain.adminToken()).queryParam("customerId", survivor).get(FU + "/touchpoints").then().statusCode(200)
                .body("items.note", equalTo(List.of("她说最近皮肤过敏")));

        as(chain.adminToken()).post("/api/v1/customers/" + survivor + "/erase").then().statusCode(200);
        as(chain.adminToken()).queryParam("customerId", survivor).get(FU + "/tasks").then().statusCode(200)
                .body("items.status", equalTo(List.of("CANCELLED")));
        as(chain.adminToken()).queryParam("customerId", survivor).get(FU + "/touchpoints").then().statusCode(200)
                .body("items", hasSize(1), "items[0].note", equalTo(null));
    }

    @Test
    void contactsAreRecordedAtOnesOwnClinicsAndBadFiltersAreRefused() {
        String customer = customer("联系人", north, null);
        JsonPath southDesk = Chains.staff(chain, List.of("front-desk"), List.of(south));
        String desk = Tokens.withClinics(southDesk.getString("userId"), chain.id(), List.of(south), "front-desk");
        as(desk).body(Map.of("customerId", customer, "clinicId", north, "channel", "CALL"))
                .post(FU + "/touchpoints").then().statusCode(403);
        as(desk).body(Map.of("customerId", customer, "clinicId", south, "channel", "PIGEON"))
                .post(FU + "/touchpoints").then().statusCode(400);
        as(desk).body(Map.of("customerId", customer, "clinicId", south, "channel", "CALL",
                        "occurredAt", OffsetDateTime.now().plusDays(1).toString()))
                .post(FU + "/touchpoints").then().statusCode(400).body("errors.field", hasItem("occurredAt"));
        as(desk).body(Map.of("customerId", customer, "clinicId", south, "channel", "GIFT", "note", "送了面膜"))
                .post(FU + "/touchpoints").then().statusCode(201)
                .body("staffId", equalTo(southDesk.getString("id")), "taskId", equalTo(null));
        as(desk).queryParam("customerId", customer).get(FU + "/touchpoints").then().statusCode(200)
                .body("items.note", equalTo(List.of("送了面膜")));
        for (String query : List.of("due=SOON", "dueFrom=yesterday", "assigneeId=someone", "status=LATE",
                "trigger=RAIN", "limit=0", "cursor=xyz")) {
            String[] kv = query.split("=");
            as(chain.adminToken()).queryParam(kv[0], kv[1]).get(FU + "/tasks").then().statusCode(400)
                    .body("errors.field", hasItem(kv[0]));
        }
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private String rule(String trigger, int days, String title) {
        return as(chain.adminToken()).body(Map.of("trigger", trigger, "days", days, "title", title))
                .post(FU + "/rules").then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
    }

    private String customer(String name, UUID home, LocalDate birthDate) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone",
                "138" + String.format("%08d", (int) (Math.random() * 100_000_000)), "source", "WALK_IN",
                "homeClinicId", home));
        if (birthDate != null) {
            body.put("birthDate", birthDate.toString());
        }
        return as(chain.adminToken()).body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private String taskOf(String customer) {
        return as(chain.adminToken()).queryParam("customerId", customer).get(FU + "/tasks").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
    }

    private int run() {
        return as(chain.adminToken()).post(FU + "/runs").then().statusCode(200).extract().path("created");
    }
}
