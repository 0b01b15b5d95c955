package app.meike.engagement.plan;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Packs;
import app.meike.support.Sales;
import app.meike.support.TestClock;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.meike.support.Sales.cny;
import static app.meike.support.Sales.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class TreatmentPlanApiTest extends ApiTest {
    TestClock clock;
    Chain chain;
    UUID clinic;
    String consultant;
    String waterLight;
    String thermage;

    @BeforeEach
    void aChainWithAConsultant() {
        clock = TestClock.install();
        chain = Chains.create();
        clinic = Chains.clinic(chain, "规划店");
        JsonPath staff = Chains.staff(chain, List.of("consultant"), List.of(clinic));
        consultant = Tokens.token(staff.getString("userId"), chain.id(), "consultant");
        waterLight = Sales.item(chain, "水光针", "INJECTION", 100_000);
        thermage = Sales.item(chain, "热玛吉", "MINIMALLY_INVASIVE", 500_000);
    }

    static String plan(String customer) {
        return "/api/v1/customers/" + customer + "/plan";
    }

    static Map<String, Object> monthLine(String item, int month, int quantity, long amount) {
        return Map.of("itemId", item, "month", month, "quantity", quantity, "estimatedAmount", cny(amount));
    }

    static Map<String, Object> quarterLine(String item, int quarter, long amount) {
        return Map.of("itemId", item, "quarter", quarter, "quantity", 1, "estimatedAmount", cny(amount));
    }

    static Map<String, Object> revision(String reason, List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("lines", lines);
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    Response save(String token, String customer, String ifMatch, Map<String, Object> body) {
        var request = as(token).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put(plan(customer));
    }

    /** A customer whose first paid order (one unit of water light) starts her member year now. */
    String converted(String name) {
        String customer = Sales.customer(chain, name);
        Sales.paidOrder(chain, customer, clinic, List.of(line(waterLight, 1)));
        return customer;
    }

    void moveClockTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    static long amount(JsonPath body, String path) {
        return body.getLong(path + ".amount");
    }

    @Test
    void theCurveSetsPlannedAgainstPurchasesAndRedemptionsByMonthOfTheMemberYearInTheChainsTimeZone() {
        String template = Packs.template(chain, List.of(Packs.item(waterLight, 4, null)), 300_000, 365)
                .getString("id");
        String customer = Sales.customer(chain, "年度规划客户");
        // Her first purchase at 04:00 on 31 January in Shanghai: month 2 starts on 28 February at 04:00 there
        // (27 February 20:00 UTC), a day before it would by UTC's calendar.
        moveClockTo("2027-01-30T20:00:00Z");
        String first = Sales.paidOrder(chain, customer, clinic, List.of(line(waterLight, 2)));
        save(consultant, customer, "\"0\"", revision(null, List.of(monthLine(waterLight, 1, 2, 200_000),
                quarterLine(thermage, 1, 300_001)))).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1), "current.reason", equalTo(null),
                        "current.plannedTotal.amount", equalTo(500_001));

        moveClockTo("2027-02-28T10:00:00Z");
        String pack = Packs.sell(chain, customer, clinic, template, 1).getString("lines[0].packIds[0]");
        String visit = Packs.visit(chain, customer, clinic);
        Packs.redeem(as(chain.adminToken()), pack, waterLight, visit, chain.adminStaffId(),
                UUID.randomUUID().toString()).then().statusCode(201);
        String reversed = Packs.redeem(as(chain.adminToken()), pack, waterLight, visit, chain.adminStaffId(),
                UUID.randomUUID().toString()).then().statusCode(201).extract().path("entry.id");
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", "误操作"))
                .post("/api/v1/session-packs/" + pack + "/redemptions/" + reversed + "/reversal").then()
                .statusCode(201);

        moveClockTo("2027-04-10T02:00:00Z");
        as(Chains.staffToken(chain, "manager")).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "部分退款", "lines", List.of(Map.of("lineNo", 1, "amount", cny(50_000)))))
                .post("/api/v1/orders/" + first + "/refunds").then().statusCode(200);
        Sales.paidOrder(chain, customer, clinic, List.of(line(thermage, 1)));
        save(consultant, customer, "\"1\"", revision("预算调整", List.of(monthLine(waterLight, 1, 2, 200_000),
                quarterLine(thermage, 1, 300_001), Map.of("itemId", waterLight, "month", 6, "quantity", 1,
                        "estimatedAmount", cny(100_000), "note", "生日月")))).then().statusCode(200)
                .header("ETag", "\"2\"");

        JsonPath body = as(consultant).get(plan(customer)).then().statusCode(200).header("ETag", "\"2\"")
                .extract().jsonPath();
        assertThat(body.getInt("memberYear.number")).isEqualTo(1);
        assertThat(body.getString("memberYear.start")).startsWith("2027-01-30T20:00");
        assertThat(body.getString("curve[1].from")).startsWith("2027-02-28T04:00").endsWith("+08:00");
        assertThat(body.getList("curve.planned.amount", Long.class)).containsExactly(300_001L, 100_000L, 100_000L,
                0L, 0L, 100_000L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(amount(body, "curve[11].plannedCumulative")).isEqualTo(600_001);
        // Month 1: the first order; 2: the pack (the reversed session not counted); 3: the thermage less the refund.
        assertThat(body.getList("curve.purchased.amount", Long.class).subList(0, 3))
                .containsExactly(200_000L, 300_000L, 450_000L);
        assertThat(body.getList("curve.purchasedCumulative.amount", Long.class).subList(0, 3))
                .containsExactly(200_000L, 500_000L, 950_000L);
        assertThat(body.getList("curve.redeemed.amount", Long.class).subList(0, 3))
                .containsExactly(0L, 75_000L, 0L);
        assertThat(body.getList("curve.redeemedCumulative.amount", Long.class).subList(0, 3))
                .containsExactly(0L, 75_000L, 75_000L);
        for (int month = 3; month < 12; month++) {
            assertThat(body.getMap("curve[" + month + "]").get("purchased")).as("month " + (month + 1)).isNull();
            assertThat(body.getMap("curve[" + month + "]").get("redeemed")).as("month " + (month + 1)).isNull();
        }
        Map<String, Object> water = itemNamed(body, "水光针");
        assertThat(water.get("plannedQuantity")).isEqualTo(3);
        assertThat(((Map<?, ?>) water.get("planned")).get("amount")).isEqualTo(300_000);
        assertThat(((Map<?, ?>) water.get("purchased")).get("amount")).isEqualTo(150_000);
        assertThat(((Map<?, ?>) water.get("redeemed")).get("amount")).isEqualTo(75_000);
        assertThat(water.get("redeemedSessions")).isEqualTo(1);
        Map<String, Object> thermageProgress = itemNamed(body, "热玛吉");
        assertThat(((Map<?, ?>) thermageProgress.get("purchased")).get("amount")).isEqualTo(500_000);
        assertThat(body.getList("items.findAll { it.packTemplateId == '" + template + "' }.purchased.amount"))
                .containsExactly(300_000);

        // A year on, the first member year is history: it still reads, but takes no new version; the next takes one.
        moveClockTo("2028-02-15T00:00:00Z");
        save(consultant, customer, "\"0\"", revision(null, List.of(monthLine(waterLight, 1, 1, 1))))
                .then().statusCode(200).body("memberYear.number", equalTo(2), "version", equalTo(1));
        as(consultant).queryParam("memberYear", 1).header("If-Match", "\"2\"")
                .body(revision("补录", List.of(monthLine(waterLight, 1, 1, 1)))).put(plan(customer)).then()
                .statusCode(409).contentType("application/problem+json");
        as(consultant).queryParam("memberYear", 1).get(plan(customer)).then().statusCode(200)
                .body("version", equalTo(2), "memberYear.current", equalTo(false),
                        "curve[11].purchasedCumulative.amount", equalTo(950_000));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> itemNamed(JsonPath body, String name) {
        return (Map<String, Object>) body.getList("items", Map.class).stream()
                .filter(i -> name.equals(i.get("name"))).findFirst().orElseThrow();
    }

    @Test
    void everyRevisionIsAVersionKeptWithWhoWhenAndWhyUnderIfMatch() {
        String customer = converted("改版客户");
        save(consultant, customer, null, revision(null, List.of(monthLine(waterLight, 2, 1, 100_000)))).then()
                .statusCode(428).contentType("application/problem+json");
        save(consultant, customer, "\"1\"", revision(null, List.of(monthLine(waterLight, 2, 1, 100_000)))).then()
                .statusCode(412);
        as(consultant).get(plan(customer)).then().statusCode(200).header("ETag", "\"0\"")
                .body("version", equalTo(0), "current", equalTo(null), "curve.size()", equalTo(12),
                        "curve[0].purchased.amount", equalTo(100_000));
        save(consultant, customer, "\"0\"", revision(null, List.of(monthLine(waterLight, 2, 1, 100_000)))).then()
                .statusCode(200);
        save(consultant, customer, "\"1\"", revision(" ", List.of(monthLine(waterLight, 3, 1, 100_000)))).then()
                .statusCode(400).body("errors.field", equalTo(List.of("reason")));
        String manager = Chains.staffToken(chain, "manager");
        save(manager, customer, "\"1\"", revision("推迟一个月", List.of(monthLine(waterLight, 3, 1, 90_000),
                quarterLine(thermage, 4, 500_000)))).then().statusCode(200).header("ETag", "\"2\"");
        save(consultant, customer, "\"1\"", revision("晚到的修改", List.of(monthLine(waterLight, 4, 1, 1)))).then()
                .statusCode(412).contentType("application/problem+json");

        JsonPath versions = as(consultant).get(plan(customer) + "/versions").then().statusCode(200).extract()
                .jsonPath();
        assertThat(versions.getList("items.version", Integer.class)).containsExactly(2, 1);
        assertThat(versions.getList("items.reason")).containsExactly("推迟一个月", null);
        assertThat(versions.getList("items.lineCount", Integer.class)).containsExactly(2, 1);
        assertThat(versions.getList("items.plannedTotal.amount", Long.class)).containsExactly(590_000L, 100_000L);
        assertThat(versions.getString("items[0].createdByName")).isNotBlank();
        as(consultant).get(plan(customer) + "/versions/1").then().statusCode(200)
                .body("lines.month", equalTo(List.of(2)), "lines.itemName", equalTo(List.of("水光针")));
        as(Chains.staffToken(chain, "front-desk")).get(plan(customer) + "/versions/2").then().statusCode(200)
                .body("lines.quarter", equalTo(java.util.Arrays.asList(null, 4)));
        as(consultant).get(plan(customer) + "/versions/3").then().statusCode(404);
        as(consultant).get(plan(customer) + "/versions/x").then().statusCode(400)
                .body("errors.field", equalTo(List.of("version")));
    }

    @Test
    void ofDraftsOrRevisionsOfOneVersionAtOnceOneIsSavedAndTheOthersAreToldItChanged() throws Exception {
        String customer = converted("并发客户");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> drafts = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                int month = i;
                drafts.add(() -> save(consultant, customer, "\"0\"", revision(null, List.of(monthLine(waterLight,
                        month, 1, 100_000)))).statusCode());
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(drafts)) {
                answers.add(answer.get());
            }
            assertThat(answers).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        as(consultant).get(plan(customer) + "/versions").then().statusCode(200).body("items.version",
                equalTo(List.of(1)));

        // Revisions of one version queue on the plan's lock: of five at once, one becomes version 2.
        pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Integer>> revisions = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int month = i + 6;
                revisions.add(() -> save(consultant, customer, "\"1\"", revision("并发修改 " + month,
                        List.of(monthLine(waterLight, month, 1, 100_000)))).statusCode());
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(revisions)) {
                answers.add(answer.get());
            }
            assertThat(answers).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        as(consultant).get(plan(customer) + "/versions").then().statusCode(200).body("items.version",
                equalTo(List.of(2, 1)));
    }

    @Test
    void anErasureTakesHerPlansFreeTextAndAMergedOrErasedRecordTakesNoNewVersion() {
        String customer = converted("删除客户");
        Map<String, Object> noted = new HashMap<>(monthLine(waterLight, 1, 1, 100_000));
        noted.put("note", "对玻尿酸过敏");
        save(consultant, customer, "\"0\"", revision(null, List.of(noted))).then().statusCode(200);
        save(consultant, customer, "\"1\"", revision("她说备孕中", List.of(noted, monthLine(thermage, 5, 1, 500_000))))
                .then().statusCode(200);
        as(chain.adminToken()).post("/api/v1/customers/" + customer + "/erase").then().statusCode(200);

        as(consultant).get(plan(customer) + "/versions").then().statusCode(200)
                .body("items.reason", equalTo(java.util.Arrays.asList("（已删除）", null)));
        for (int version = 1; version <= 2; version++) {
            as(consultant).get(plan(customer) + "/versions/" + version).then().statusCode(200)
                    .body("lines.note", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()))
                    .body("lines[0].itemId", equalTo(waterLight));
        }
        save(consultant, customer, "\"2\"", revision("再改", List.of(monthLine(waterLight, 2, 1, 1)))).then()
                .statusCode(409);

        String survivor = converted("保留客户");
        String duplicate = converted("重复客户");
        String etag = as(chain.adminToken()).get("/api/v1/customers/" + survivor).then().statusCode(200).extract()
                .header("ETag");
        as(chain.adminToken()).header("If-Match", etag).body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
        save(consultant, duplicate, "\"0\"", revision(null, List.of(monthLine(waterLight, 1, 1, 1)))).then()
                .statusCode(409).contentType("application/problem+json");
        save(consultant, survivor, "\"0\"", revision(null, List.of(monthLine(waterLight, 1, 1, 1)))).then()
                .statusCode(200);
    }

    @Test
    void badPlansAreRefusedNamingTheFieldAndNothingIsSaved() {
        String customer = converted("校验客户");
        Map<String, Object> both = new HashMap<>(monthLine(waterLight, 1, 1, 100));
        both.put("quarter", 1);
        Map<String, Object> neither = new HashMap<>(monthLine(waterLight, 1, 1, 100));
        neither.remove("month");
        Map<String, Object> rankAlone = new HashMap<>(monthLine(waterLight, 1, 1, 100));
        rankAlone.put("needRank", 1);
        Map<String, Object> strangeConsultation = new HashMap<>(monthLine(waterLight, 1, 1, 100));
        strangeConsultation.put("consultationId", UUID.randomUUID().toString());
        Map<String, List<Map<String, Object>>> cases = Map.of(
                "lines[0].month", List.of(monthLine(waterLight, 13, 1, 100)),
                "lines[1].month", List.of(monthLine(waterLight, 1, 1, 100), both),
                "lines[0].quarter", List.of(quarterLine(waterLight, 5, 100)),
                "lines[0].estimatedAmount.amount", List.of(monthLine(waterLight, 1, 1, -1)),
                "lines[0].itemId", List.of(monthLine(UUID.randomUUID().toString(), 1, 1, 100)),
                "lines[0].quantity", List.of(monthLine(waterLight, 1, 0, 100)),
                "lines[0].needRank", List.of(rankAlone),
                "lines[0].consultationId", List.of(strangeConsultation),
                "lines", List.of());
        cases.forEach((field, lines) -> save(consultant, customer, "\"0\"", revision(null, lines)).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field)));
        save(consultant, customer, "\"0\"", revision(null, List.of(neither))).then().statusCode(400)
                .body("errors.field", hasItem("lines[0].month"));
        save(consultant, customer, "\"0\"", revision(null, List.of(Map.of("itemId", waterLight, "month", 1,
                "quantity", 1, "estimatedAmount", Map.of("amount", 100, "currency", "USD"))))).then().statusCode(400)
                .body("errors.field", hasItem("lines[0].estimatedAmount.currency"));
        as(consultant).header("If-Match", "\"0\"").contentType("application/json").body("{\"lines\": [")
                .put(plan(customer)).then().statusCode(400).contentType("application/problem+json");
        as(consultant).queryParam("memberYear", 3).get(plan(customer)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("memberYear")));
        as(consultant).queryParam("memberYear", "first").get(plan(customer)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("memberYear")));
        as(consultant).get("/api/v1/customers/not-a-uuid/plan").then().statusCode(400);
        as(consultant).get(plan(UUID.randomUUID().toString())).then().statusCode(404);
        as(consultant).get(plan(customer)).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void aCustomerWhoHasPaidForNothingHasNoMemberYearToPlan() {
        String lead = Sales.customer(chain, "未成交客户");
        as(consultant).get(plan(lead)).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://meike.app/problems/business-rule"));
        save(consultant, lead, "\"0\"", revision(null, List.of(monthLine(waterLight, 1, 1, 100)))).then()
                .statusCode(422);
        as(consultant).get(plan(lead) + "/suggestions").then().statusCode(422);
        as(consultant).get(plan(lead) + "/versions").then().statusCode(422);
    }

    @Test
    void frontDeskAndCliniciansReadPlansButDoNotWriteThem() {
        String customer = converted("角色客户");
        for (String role : List.of("front-desk", "clinician")) {
            String token = Chains.staffToken(chain, role);
            as(token).get(plan(customer)).then().statusCode(200);
            save(token, customer, "\"0\"", revision(null, List.of(monthLine(waterLight, 1, 1, 100)))).then()
                    .statusCode(403).contentType("application/problem+json");
            as(token).get(plan(customer) + "/suggestions").then().statusCode(403);
        }
        as(Tokens.token("service-account-" + UUID.randomUUID(), chain.id(), "integrator")).get(plan(customer))
                .then().statusCode(403);
        as(consultant).get(plan(customer) + "/versions").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void suggestionsComeFromHerConsultationNeedsAtTheCallersClinicsAndLinesMayNameTheNeed() {
        String customer = converted("建议客户");
        String visit = Packs.visit(chain, customer, clinic);
        String consultation = as(chain.adminToken()).body(Map.of("visitId", visit, "needs", List.of(
                        need(1, "CHEEKS", "法令纹", List.of(thermage)), need(2, "SKIN", "缺水", List.of(waterLight)))))
                .post("/api/v1/consultations").then().statusCode(201).extract().path("id");

        JsonPath suggested = as(consultant).get(plan(customer) + "/suggestions").then().statusCode(200).extract()
                .jsonPath();
        assertThat(suggested.getList("items.itemName")).containsExactly("热玛吉", "水光针");
        assertThat(suggested.getList("items.needRank", Integer.class)).containsExactly(1, 2);
        assertThat(suggested.getList("items.quarter", Integer.class)).containsExactly(1, 2);
        assertThat(suggested.getList("items.estimatedAmount.amount", Long.class)).containsExactly(500_000L, 100_000L);
        assertThat(suggested.getList("items.concern")).containsExactly("法令纹", "缺水");

        Map<String, Object> fromNeed = new HashMap<>(quarterLine(thermage, 1, 500_000));
        fromNeed.put("consultationId", consultation);
        fromNeed.put("needRank", 1);
        save(consultant, customer, "\"0\"", revision(null, List.of(fromNeed))).then().statusCode(200)
                .body("current.lines[0].consultationId", equalTo(consultation),
                        "current.lines[0].needRank", equalTo(1));
        fromNeed.put("needRank", 3);
        save(consultant, customer, "\"1\"", revision("换", List.of(fromNeed))).then().statusCode(400)
                .body("errors.field", hasItems("lines[0].needRank"));

        // A consultant of another clinic neither sees that consultation nor may name it.
        UUID otherClinic = Chains.clinic(chain, "别的店");
        JsonPath elsewhere = Chains.staff(chain, List.of("consultant"), List.of(otherClinic));
        String otherConsultant = Tokens.token(elsewhere.getString("userId"), chain.id(), "consultant");
        as(otherConsultant).get(plan(customer) + "/suggestions").then().statusCode(200)
                .body("items.size()", equalTo(0));
        fromNeed.put("needRank", 1);
        save(otherConsultant, customer, "\"1\"", revision("换", List.of(fromNeed))).then().statusCode(400)
                .body("errors.field", hasItem("lines[0].consultationId"));
    }

    static Map<String, Object> need(int rank, String area, String concern, List<String> items) {
        return Map.of("rank", rank, "area", area, "concern", concern, "suggestedItemIds", items);
    }
}
