package app.meike.engagement.satisfaction;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Packs;
import app.meike.support.Sales;
import app.meike.support.TestClock;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Surveys, one-time links, complaints and the summary through the API, with the clock under the test's control. */
@QuarkusTest
class SatisfactionApiTest extends ApiTest {
    static final String S = "/api/v1/satisfaction";
    static final String PUBLIC = "/api/v1/public/surveys/";
    TestClock clock;
    Chain chain;
    UUID north;
    UUID south;
    String managerId;
    String frontDesk;
    String item;

    @BeforeEach
    void aChainWithTwoClinicsAndAManager() {
        clock = TestClock.install();
        chain = Chains.create();
        north = Chains.clinic(chain, "北店");
        south = Chains.clinic(chain, "南店");
        managerId = Chains.staff(chain, List.of("manager"), List.of(north)).getString("id");
        JsonPath desk = Chains.staff(chain, List.of("front-desk"), List.of(north));
        frontDesk = Tokens.withClinics(desk.getString("userId"), chain.id(), List.of(north), "front-desk");
        item = Sales.item(chain, "光子嫩肤", "SKIN", 100_000);
    }

    @Test
    void aLinkWorksOnceWithoutLoginAndALowAnswerOpensAComplaintForTheClinicsManager() {
        String phone = "139" + String.format("%08d", (int) (Math.random() * 100_000_000));
        String customer = as(chain.adminToken()).body(Map.of("name", "问卷客户", "phone", phone, "source", "WALK_IN"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String visit = Packs.visit(chain, customer, north);
        JsonPath link = as(frontDesk).body(Map.of("visitId", visit, "itemIds", List.of(item)))
                .post(S + "/survey-links").then().statusCode(201)
                .body("survey.status", equalTo("PENDING"), "survey.channel", equalTo("LINK"))
                .extract().jsonPath();
        String token = link.getString("token");
        assertThat(token).hasSize(43);
        assertThat(link.getString("path")).isEqualTo("/s/" + token);

        String shown = anonymous().get(PUBLIC + token).then().statusCode(200)
                .body("clinicName", equalTo("北店"), "items", equalTo(List.of("光子嫩肤")), "submitted", equalTo(false))
                .extract().asString();
        assertThat(shown).doesNotContain(phone).doesNotContain("问卷客户").doesNotContain(customer);

        anonymous().body(answers(2, 4, 5, "效果不如预期")).post(PUBLIC + token).then().statusCode(200)
                .body("submitted", equalTo(true));
        anonymous().get(PUBLIC + token).then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://meike.app/problems/survey-answered"));
        anonymous().body(answers(5, 5, 10, null)).post(PUBLIC + token).then().statusCode(410);

        JsonPath survey = as(chain.adminToken()).get(S + "/surveys/" + link.getString("survey.id")).then()
                .statusCode(200).body("status", equalTo("SUBMITTED"), "resultScore", equalTo(2), "nps", equalTo(5))
                .extract().jsonPath();
        String complaintId = survey.getString("complaintId");
        assertThat(complaintId).isNotNull();
        as(chain.adminToken()).get(S + "/complaints/" + complaintId).then().statusCode(200)
                .body("status", equalTo("OPEN"), "severity", equalTo("MEDIUM"), "category", equalTo("RESULT"),
                        "ownerId", equalTo(managerId), "description", equalTo("效果不如预期"),
                        "openedBy", nullValue(), "overdue", equalTo(false));
        as(chain.adminToken()).get("/api/v1/customers/" + customer + "/timeline").then().statusCode(200)
                .body("items.kind", hasItems("SURVEY", "COMPLAINT"));
        as(chain.adminToken()).queryParam("entityId", complaintId).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.action", hasItem("complaint.opened"));
    }

    @Test
    void publicAnswersOutOfRangeAndUnknownTokensGetProblems() {
        String token = link(Packs.visit(chain, Sales.customer(chain, "范围"), north));
        anonymous().body(answers(6, 3, 5, null)).post(PUBLIC + token).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("resultScore"));
        anonymous().body(answers(3, 0, 11, null)).post(PUBLIC + token).then().statusCode(400)
                .body("errors.field", hasItems("experienceScore", "nps"));
        anonymous().body(Map.of("resultScore", 3)).post(PUBLIC + token).then().statusCode(400);
        anonymous().body("{\"resultScore\": \"x\"}").post(PUBLIC + token).then().statusCode(400);
        anonymous().get(PUBLIC + token.substring(0, 42) + (token.endsWith("A") ? "B" : "A")).then().statusCode(404)
                .contentType("application/problem+json");
        anonymous().get(PUBLIC + "not-a-token").then().statusCode(404);
        anonymous().body(answers(3, 3, 8, null)).post(PUBLIC + "x".repeat(43)).then().statusCode(404);
        // None of that used the link up.
        anonymous().get(PUBLIC + token).then().statusCode(200);
    }

    @Test
    void anExpiredLinkIsGoneAndTheVisitMayGetAFreshOne() {
        String visit = Packs.visit(chain, Sales.customer(chain, "过期"), north);
        String token = link(visit);
        as(frontDesk).body(Map.of("visitId", visit)).post(S + "/survey-links").then().statusCode(409);
        clock.advance(Duration.ofHours(73));
        anonymous().get(PUBLIC + token).then().statusCode(410)
                .body("type", equalTo("https://meike.app/problems/survey-expired"));
        anonymous().body(answers(5, 5, 10, null)).post(PUBLIC + token).then().statusCode(410);
        String fresh = link(visit);
        assertThat(fresh).isNotEqualTo(token);
        anonymous().get(PUBLIC + token).then().statusCode(404);
        anonymous().body(answers(5, 5, 10, null)).post(PUBLIC + fresh).then().statusCode(200);
        as(chain.adminToken()).queryParam("visitId", visit).get(S + "/surveys").then().statusCode(200)
                .body("items", hasSize(1), "items[0].complaintId", nullValue());
    }

    @Test
    void aTokenReachesItsOwnSurveyOnlyAndStaffMayAnswerAPendingOne() {
        String visit1 = Packs.visit(chain, Sales.customer(chain, "甲"), north);
        String visit2 = Packs.visit(chain, Sales.customer(chain, "乙"), north);
        String token1 = link(visit1);
        String token2 = link(visit2);
        anonymous().body(answers(4, 4, 8, null)).post(PUBLIC + token1).then().statusCode(200);
        as(chain.adminToken()).queryParam("visitId", visit2).get(S + "/surveys").then()
                .body("items[0].status", equalTo("PENDING"));
        // The customer answered on the phone instead: staff record it, and the link is used up.
        as(frontDesk).body(record(visit2, 5, 5, 9)).post(S + "/surveys").then().statusCode(201)
                .body("status", equalTo("SUBMITTED"), "channel", equalTo("LINK"), "complaintId", nullValue());
        as(frontDesk).body(record(visit2, 5, 5, 9)).post(S + "/surveys").then().statusCode(409);
        as(frontDesk).body(Map.of("visitId", visit2)).post(S + "/survey-links").then().statusCode(409);
        anonymous().get(PUBLIC + token2).then().statusCode(410);
    }

    @Test
    void oneSurveyPerVisitAndStaffInputIsChecked() {
        String visit = Packs.visit(chain, Sales.customer(chain, "一次"), north);
        complaintOf(as(frontDesk).body(record(visit, 5, 1, 9)).post(S + "/surveys").then().statusCode(201))
                .body("severity", equalTo("HIGH"), "category", equalTo("SERVICE"));
        as(frontDesk).body(record(visit, 5, 5, 9)).post(S + "/surveys").then().statusCode(409)
                .contentType("application/problem+json");
        as(frontDesk).body(record(UUID.randomUUID().toString(), 5, 5, 9)).post(S + "/surveys").then()
                .statusCode(400).body("errors.field", hasItem("visitId"));
        Map<String, Object> badItem = new HashMap<>(record(Packs.visit(chain, Sales.customer(chain, "项"), north),
                4, 4, 8));
        badItem.put("itemIds", List.of(UUID.randomUUID()));
        as(frontDesk).body(badItem).post(S + "/surveys").then().statusCode(400)
                .body("errors.field", hasItem("itemIds[0]"));
        // The front desk of the north clinic cannot survey a visit at the south clinic.
        String southVisit = Packs.visit(chain, Sales.customer(chain, "南客"), south);
        as(frontDesk).body(record(southVisit, 5, 5, 9)).post(S + "/surveys").then().statusCode(400)
                .body("errors.field", hasItem("visitId"));
        as(frontDesk).body(Map.of("visitId", southVisit)).post(S + "/survey-links").then().statusCode(400);
    }

    @Test
    void tenParallelSubmissionsOfOneLinkCountOnce() throws Exception {
        String visit = Packs.visit(chain, Sales.customer(chain, "并发"), north);
        String token = link(visit);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> anonymous().body(answers(1, 1, 0, "很差")).post(PUBLIC + token).statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).containsOnly(200, 410);
        assertThat(codes.stream().filter(c -> c == 200)).hasSize(1);
        as(chain.adminToken()).queryParam("clinicId", north.toString()).get(S + "/complaints").then()
                .statusCode(200).body("items", hasSize(1), "items[0].severity", equalTo("HIGH"));
    }

    @Test
    void complaintsFollowTheirWorkflowAndTurnOverdueAfterTheirSla() {
        String customer = Sales.customer(chain, "投诉人");
        String manager = Tokens.withClinics(Chains.staff(chain, List.of("manager"), List.of(north))
                .getString("userId"), chain.id(), List.of(north), "manager");
        JsonPath opened = as(frontDesk).body(Map.of("customerId", customer, "clinicId", north, "severity", "HIGH",
                        "category", "WAITING", "description", "等了一个小时")).post(S + "/complaints").then()
                .statusCode(201).body("status", equalTo("OPEN"), "ownerId", equalTo(managerId),
                        "openedBy", notNullValue()).extract().jsonPath();
        String id = opened.getString("id");
        String path = S + "/complaints/" + id;
        assertThat(Duration.between(java.time.OffsetDateTime.parse(opened.getString("openedAt")),
                java.time.OffsetDateTime.parse(opened.getString("dueAt")))).isEqualTo(Duration.ofHours(24));

        as(frontDesk).body(Map.of("status", "IN_PROGRESS")).post(path + "/status").then().statusCode(403);
        as(manager).body(Map.of("status", "RESOLVED", "note", "x")).post(path + "/status").then().statusCode(409);
        as(manager).body(Map.of("status", "IN_PROGRESS")).post(path + "/status").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        clock.advance(Duration.ofHours(25));
        as(manager).get(path).then().body("overdue", equalTo(true));
        as(manager).queryParam("overdue", true).get(S + "/complaints").then().body("items.id", hasItem(id));
        as(manager).queryParam("overdue", false).get(S + "/complaints").then().body("items.id", not(hasItem(id)));
        as(manager).body(Map.of("status", "RESOLVED")).post(path + "/status").then().statusCode(400)
                .body("errors.field", hasItem("note"));
        as(manager).body(Map.of("status", "RESOLVED", "note", "致歉并赠送护理")).post(path + "/status").then()
                .statusCode(200).body("status", equalTo("RESOLVED"), "resolutionNote", equalTo("致歉并赠送护理"),
                        "overdue", equalTo(false), "resolvedAt", notNullValue());
        as(manager).body(Map.of("ownerId", managerId)).post(path + "/reassign").then().statusCode(409);
        as(manager).body(Map.of("status", "CLOSED")).post(path + "/status").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        as(manager).body(Map.of("status", "OPEN")).post(path + "/status").then().statusCode(409);
        as(manager).body(Map.of("status", "REOPENED")).post(path + "/status").then().statusCode(400);
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItems("complaint.opened", "complaint.status-changed"));

        // An open complaint closed without a resolution says why; a reassignment stays within the clinic.
        String other = as(manager).body(Map.of("customerId", customer, "clinicId", north, "severity", "LOW",
                        "category", "PRICE", "description", "价格")).post(S + "/complaints").then().statusCode(201)
                .extract().path("id");
        as(manager).body(Map.of("status", "CLOSED")).post(S + "/complaints/" + other + "/status").then()
                .statusCode(400);
        String southOnly = Chains.staff(chain, List.of("consultant"), List.of(south)).getString("id");
        as(manager).body(Map.of("ownerId", southOnly)).post(S + "/complaints/" + other + "/reassign").then()
                .statusCode(400).body("errors.field", hasItem("ownerId"));
        String northConsultant = Chains.staff(chain, List.of("consultant"), List.of(north)).getString("id");
        as(manager).body(Map.of("ownerId", northConsultant)).post(S + "/complaints/" + other + "/reassign").then()
                .statusCode(200).body("ownerId", equalTo(northConsultant));
        // A complaint at the south clinic is not the north manager's.
        String southComplaint = as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", south,
                        "severity", "LOW", "category", "OTHER", "description", "南店")).post(S + "/complaints").then()
                .statusCode(201).extract().path("id");
        as(manager).get(S + "/complaints/" + southComplaint).then().statusCode(404);
        as(manager).body(Map.of("status", "IN_PROGRESS")).post(S + "/complaints/" + southComplaint + "/status")
                .then().statusCode(404);
        as(frontDesk).body(Map.of("customerId", customer, "clinicId", north, "severity", "LOW", "category", "BAD",
                "description", "x")).post(S + "/complaints").then().statusCode(400);
        as(frontDesk).body(Map.of("customerId", customer, "clinicId", north, "severity", "LOW", "category", "OTHER",
                "description", " ")).post(S + "/complaints").then().statusCode(400);
    }

    @Test
    void rulesDecideWhatIsLowAndTheSlaUnderIfMatch() {
        as(chain.adminToken()).get(S + "/rules").then().statusCode(200).header("ETag", "\"0\"")
                .body("configured", equalTo(false), "lowScoreMax", equalTo(2), "lowNpsMax", equalTo(6),
                        "linkValidHours", equalTo(72), "slaHours.high", equalTo(24));
        Map<String, Object> stricter = Map.of("lowScoreMax", 3, "lowNpsMax", 7, "linkValidHours", 2,
                "slaHours", Map.of("high", 4, "medium", 8, "low", 12));
        as(chain.adminToken()).body(stricter).put(S + "/rules").then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("lowScoreMax", 5, "lowNpsMax", 7,
                "linkValidHours", 0, "slaHours", Map.of("high", 4, "medium", 8))).put(S + "/rules").then()
                .statusCode(400).body("errors.field", hasItems("lowScoreMax", "linkValidHours", "slaHours.low"));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(stricter).put(S + "/rules").then().statusCode(200)
                .header("ETag", "\"1\"").body("configured", equalTo(true));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(stricter).put(S + "/rules").then().statusCode(412);
        as(frontDesk).header("If-Match", "\"1\"").body(stricter).put(S + "/rules").then().statusCode(403);

        String visit = Packs.visit(chain, Sales.customer(chain, "三分"), north);
        JsonPath c = complaintOf(as(frontDesk).body(record(visit, 3, 4, 8)).post(S + "/surveys").then()
                .statusCode(201)).body("severity", equalTo("MEDIUM"), "category", equalTo("RESULT")).extract()
                .jsonPath();
        assertThat(Duration.between(java.time.OffsetDateTime.parse(c.getString("openedAt")),
                java.time.OffsetDateTime.parse(c.getString("dueAt")))).isEqualTo(Duration.ofHours(8));
        String token = link(Packs.visit(chain, Sales.customer(chain, "两小时"), north));
        clock.advance(Duration.ofHours(2));
        anonymous().get(PUBLIC + token).then().statusCode(410);
        // Only the NPS is low: a LOW complaint of another kind.
        complaintOf(as(frontDesk).body(record(Packs.visit(chain, Sales.customer(chain, "推荐"), north), 5, 5, 7))
                .post(S + "/surveys").then().statusCode(201))
                .body("severity", equalTo("LOW"), "category", equalTo("OTHER"));
    }

    @Test
    void theSummaryAveragesPerClinicConsultantItemAndMonthInSql() {
        String skin = Sales.item(chain, "补水", "SKIN", 10_000);
        survey(north, List.of(item), 5, 5, 10);
        survey(north, List.of(item, skin), 4, 3, 9);
        survey(north, List.of(skin), 2, 4, 3);
        survey(south, List.of(), 5, 4, 7);
        JsonPath byClinic = as(chain.adminToken()).queryParam("by", "CLINIC").get(S + "/summary").then()
                .statusCode(200).body("by", equalTo("CLINIC")).extract().jsonPath();
        Map<String, Object> northRow = byClinic.getMap("rows.find { it.key == '" + north + "' }");
        assertThat(northRow).containsEntry("name", "北店").containsEntry("surveys", 3)
                .containsEntry("averageResult", 3.67f).containsEntry("averageExperience", 4.0f)
                .containsEntry("promoters", 2).containsEntry("detractors", 1).containsEntry("nps", 33.3f);
        Map<String, Object> southRow = byClinic.getMap("rows.find { it.key == '" + south + "' }");
        assertThat(southRow).containsEntry("surveys", 1).containsEntry("nps", 0.0f);

        JsonPath byItem = as(chain.adminToken()).queryParam("by", "ITEM").get(S + "/summary").then()
                .statusCode(200).extract().jsonPath();
        assertThat(byItem.getMap("rows.find { it.key == '" + item + "' }")).containsEntry("surveys", 2)
                .containsEntry("name", "光子嫩肤").containsEntry("averageResult", 4.5f).containsEntry("nps", 100.0f);
        assertThat(byItem.getMap("rows.find { it.key == '" + skin + "' }")).containsEntry("surveys", 2)
                .containsEntry("nps", 0.0f);
        as(chain.adminToken()).queryParam("by", "MONTH").get(S + "/summary").then().statusCode(200)
                .body("rows", hasSize(1), "rows[0].surveys", equalTo(4));
        as(chain.adminToken()).queryParam("by", "CONSULTANT").get(S + "/summary").then().statusCode(200)
                .body("rows[0].key", nullValue(), "rows[0].surveys", equalTo(4));
        // A north manager sees the north clinic only; a period before the surveys has none.
        String manager = Tokens.withClinics(Chains.staff(chain, List.of("manager"), List.of(north))
                .getString("userId"), chain.id(), List.of(north), "manager");
        as(manager).get(S + "/summary").then().statusCode(200).body("rows", hasSize(1),
                "rows[0].key", equalTo(north.toString()));
        as(manager).queryParam("clinicId", south.toString()).get(S + "/summary").then().statusCode(400)
                .body("errors.field", hasItem("clinicId"));
        as(chain.adminToken()).queryParam("to", "2020-01-01T00:00:00Z").get(S + "/summary").then().statusCode(200)
                .body("rows", hasSize(0));
        as(chain.adminToken()).queryParam("from", "2030-01-01T00:00:00Z").queryParam("to", "2020-01-01T00:00:00Z")
                .get(S + "/summary").then().statusCode(400);
        as(chain.adminToken()).queryParam("by", "WEEK").get(S + "/summary").then().statusCode(400);
        as(frontDesk).get(S + "/summary").then().statusCode(403);
    }

    @Test
    void aMergeMovesSurveysAndComplaintsAndAnErasureTakesTheirTexts() {
        String duplicate = Sales.customer(chain, "重复");
        String survivor = Sales.customer(chain, "本人");
        Map<String, Object> body = new HashMap<>(record(Packs.visit(chain, duplicate, north), 1, 2, 3));
        body.put("comment", "术后一直红肿");
        String complaint = as(frontDesk).body(body).post(S + "/surveys").then().statusCode(201).extract()
                .path("complaintId");
        as(chain.adminToken()).body(Map.of("status", "IN_PROGRESS")).post(S + "/complaints/" + complaint + "/status")
                .then().statusCode(200);
        as(chain.adminToken()).body(Map.of("status", "RESOLVED", "note", "已复诊，红肿消退"))
                .post(S + "/complaints/" + complaint + "/status").then().statusCode(200);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
        as(chain.adminToken()).queryParam("customerId", survivor).get(S + "/surveys").then().statusCode(200)
                .body("items.comment", equalTo(List.of("术后一直红肿")));
        as(chain.adminToken()).queryParam("customerId", survivor).get(S + "/complaints").then().statusCode(200)
                .body("items.id", equalTo(List.of(complaint)));

        as(chain.adminToken()).post("/api/v1/customers/" + survivor + "/erase").then().statusCode(200);
        as(chain.adminToken()).queryParam("customerId", survivor).get(S + "/surveys").then().statusCode(200)
                .body("items[0].comment", nullValue(), "items[0].resultScore", equalTo(1));
        as(chain.adminToken()).get(S + "/complaints/" + complaint).then().statusCode(200)
                .body("description", nullValue(), "resolutionNote", not(equalTo("已复诊，红肿消退")),
                        "status", equalTo("RESOLVED"));
    }

    private void survey(UUID clinic, List<String> items, int result, int experience, int nps) {
        Map<String, Object> body = new HashMap<>(record(Packs.visit(chain, Sales.customer(chain, "汇总"), clinic),
                result, experience, nps));
        body.put("itemIds", items);
        as(chain.adminToken()).body(body).post(S + "/surveys").then().statusCode(201);
    }

    /** The complaint a recorded survey's answers opened. */
    private ValidatableResponse complaintOf(ValidatableResponse recorded) {
        String id = recorded.body("complaintId", notNullValue()).extract().path("complaintId");
        return as(chain.adminToken()).get(S + "/complaints/" + id).then().statusCode(200);
    }

    private String link(String visit) {
        return as(frontDesk).body(Map.of("visitId", visit)).post(S + "/survey-links").then().statusCode(201)
                .extract().path("token");
    }

    static Map<String, Object> answers(int result, int experience, int nps, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("resultScore", result);
        body.put("experienceScore", experience);
        body.put("nps", nps);
        body.put("comment", comment);
        return body;
    }

    private static Map<String, Object> record(String visit, int result, int experience, int nps) {
        Map<String, Object> body = answers(result, experience, nps, null);
        body.put("visitId", visit);
        return body;
    }
}
