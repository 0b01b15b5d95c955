package app.meike.engagement.followup;

import app.meike.support.ApiTest;
import app.meike.support.Packs;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.TestClock;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The acceptance of follow-ups: a scripted run of visits, consultations, orders and refunds over seven weeks,
 * driven by the injectable clock, makes exactly the tasks the chain's rules call for (none twice, however often
 * the daily run goes), cancels those whose reason went away, and queues them for the right people.
 */
@QuarkusTest
class FollowUpSequenceTest extends ApiTest {
    static final ZoneId CHAIN_ZONE = ZoneId.of("Asia/Shanghai");
    TestClock clock;
    Chain chain;
    UUID clinic;
    String consultantId;
    String consultant;
    String injection;
    String skin;

    @BeforeEach
    void aChainWithRules() {
        clock = TestClock.install();
        chain = Chains.create();
        clinic = Chains.clinic(chain, "回访店");
        JsonPath staff = Chains.staff(chain, List.of("consultant"), List.of(clinic));
        consultantId = staff.getString("id");
        consultant = Tokens.withClinics(staff.getString("userId"), chain.id(), List.of(clinic), "consultant");
        injection = Sales.item(chain, "玻尿酸", "INJECTION", 300_000);
        skin = Sales.item(chain, "光子嫩肤", "SKIN", 100_000);
        rule("AFTER_TREATMENT", "INJECTION", 1, "注射次日回访");
        rule("AFTER_TREATMENT", null, 7, "术后7天回访");
        rule("AFTER_TREATMENT", null, 30, "术后30天回访");
        rule("CONSULTATION_NOT_CONVERTED", null, 3, "未成交回访");
        rule("AT_RISK", null, 45, "久未到店关怀");
        rule("BIRTHDAY", null, 3, "生日关怀");
    }

    @Test
    void rulesMakeExactlyTheRightTasksOverWeeksOfVisitsAndOrders() {
        LocalDate day0 = today();
        String anna = customer("安娜", consultantId, null);
        String bella = customer("贝拉", consultantId, null);
        String cara = customer("卡拉", null, null);
        String dora = customer("朵拉", consultantId, day0.plusDays(3).withYear(1990));

        // Day 0: Anna comes and has an injection (the till retries the payment); Bella buys skin care; Cara consults
        // and does not convert.
        visit(anna);
        String annasOrder = paidTwice(anna, injection);
        String bellasOrder = Sales.paidOrder(chain, bella, clinic, List.of(Sales.line(skin, 1)));
        String carasVisit = visit(cara);
        as(chain.adminToken()).body(Map.of("visitId", carasVisit, "consultantId", consultantId,
                        "outcome", Map.of("outcome", "NOT_CONVERTED", "reason", "PRICE")))
                .post("/api/v1/consultations").then().statusCode(201);
        assertThat(run()).isEqualTo(1); // Dora's birthday is in 3 days
        assertThat(run()).isZero();

        List<String> expected = new ArrayList<>(List.of(
                task(anna, "AFTER_TREATMENT", "注射次日回访", day0.plusDays(1), "OPEN", consultantId),
                task(anna, "AFTER_TREATMENT", "术后7天回访", day0.plusDays(7), "OPEN", consultantId),
                task(anna, "AFTER_TREATMENT", "术后30天回访", day0.plusDays(30), "OPEN", consultantId),
                task(bella, "AFTER_TREATMENT", "术后7天回访", day0.plusDays(7), "OPEN", consultantId),
                task(bella, "AFTER_TREATMENT", "术后30天回访", day0.plusDays(30), "OPEN", consultantId),
                // Cara has no owner: the call-back goes to the consultant she saw.
                task(cara, "CONSULTATION_NOT_CONVERTED", "未成交回访", day0.plusDays(3), "OPEN", consultantId),
                task(dora, "BIRTHDAY", "生日关怀", day0, "OPEN", consultantId)));
        assertThat(allTasks()).containsExactlyInAnyOrderElementsOf(expected);

        // Day 1: the consultant's queue for today is Anna's injection follow-up and the overdue birthday call.
        clock.advance(Duration.ofDays(1));
        JsonPath today = as(consultant).queryParam("assigneeId", "me").queryParam("due", "TODAY")
                .get("/api/v1/follow-ups/tasks").then().statusCode(200).extract().jsonPath();
        assertThat(today.getList("items.customerId")).containsExactly(anna);
        String annasCall = today.getString("items[0].id");
        assertThat(as(consultant).queryParam("assigneeId", "me").queryParam("due", "OVERDUE")
                .get("/api/v1/follow-ups/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.customerId")).containsExactly(dora);
        as(consultant).body(Map.of("outcome", "REACHED", "channel", "CALL", "note", "恢复良好"))
                .post("/api/v1/follow-ups/tasks/" + annasCall + "/outcome").then().statusCode(200)
                .body("task.status", equalTo("DONE")).body("task.outcome", equalTo("REACHED"))
                .body("touchpoint.channel", equalTo("CALL")).body("touchpoint.taskId", equalTo(annasCall));
        as(consultant).body(Map.of("outcome", "REACHED", "channel", "CALL"))
                .post("/api/v1/follow-ups/tasks/" + annasCall + "/outcome").then().statusCode(409);
        expected.set(0, task(anna, "AFTER_TREATMENT", "注射次日回访", day0.plusDays(1), "DONE", consultantId));
        assertThat(as(chain.adminToken()).get("/api/v1/customers/" + anna + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("items.kind")).contains("TOUCHPOINT");

        // Day 2: Cara comes back and buys (her call-back goes); Bella's order is refunded in full (hers go too).
        clock.advance(Duration.ofDays(1));
        Sales.paidOrder(chain, cara, clinic, List.of(Sales.line(skin, 1)));
        refundInFull(bellasOrder);
        expected.set(3, task(bella, "AFTER_TREATMENT", "术后7天回访", day0.plusDays(7), "CANCELLED", consultantId));
        expected.set(4, task(bella, "AFTER_TREATMENT", "术后30天回访", day0.plusDays(30), "CANCELLED", consultantId));
        expected.set(5, task(cara, "CONSULTATION_NOT_CONVERTED", "未成交回访", day0.plusDays(3), "CANCELLED",
                consultantId));
        expected.add(task(cara, "AFTER_TREATMENT", "术后7天回访", day0.plusDays(9), "OPEN", null));
        expected.add(task(cara, "AFTER_TREATMENT", "术后30天回访", day0.plusDays(32), "OPEN", null));
        assertThat(run()).isZero();
        assertThat(allTasks()).containsExactlyInAnyOrderElementsOf(expected);

        // Day 46: 45 days after Anna's and Cara's last visits (Cara's was on day 0 too); running twice makes them once.
        clock.advance(Duration.ofDays(44));
        assertThat(run()).isEqualTo(2);
        assertThat(run()).isZero();
        expected.add(task(anna, "AT_RISK", "久未到店关怀", day0.plusDays(46), "OPEN", consultantId));
        expected.add(task(cara, "AT_RISK", "久未到店关怀", day0.plusDays(46), "OPEN", null));
        assertThat(allTasks()).containsExactlyInAnyOrderElementsOf(expected);

        // Anna comes back: her at-risk task goes; a new lapse would be a new reason, this one never comes back.
        visit(anna);
        expected.set(expected.size() - 2, task(anna, "AT_RISK", "久未到店关怀", day0.plusDays(46), "CANCELLED",
                consultantId));
        assertThat(run()).isZero();
        assertThat(allTasks()).containsExactlyInAnyOrderElementsOf(expected);
        // Her treatment follow-ups name the order that made them.
        assertThat(as(chain.adminToken()).queryParam("customerId", anna).queryParam("trigger", "AFTER_TREATMENT")
                .get("/api/v1/follow-ups/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.subjectId")).containsOnly(annasOrder);
    }

    @Test
    void aDueSessionsReminderGoesWhenTheSessionIsGivenAndTheNextDueOneGetsItsOwn() {
        rule("PACK_SESSION_DUE", null, 7, "疗程到期提醒");
        String customer = customer("疗程安", consultantId, null);
        String template = Packs.template(chain, List.of(Packs.item(skin, 3, 14)), 240_000, 365).getString("id");
        String pack = Packs.pack(chain, customer, clinic, template);
        redeem(pack, customer);

        // Day 8: the next session is due on day 14, a week ahead.
        clock.advance(Duration.ofDays(8));
        assertThat(run()).isEqualTo(1);
        assertThat(packReminders(customer)).containsExactly("OPEN " + today());

        // Day 14: she comes; the reminder is done with. The third session is due on day 28: not within a week yet.
        clock.advance(Duration.ofDays(6));
        redeem(pack, customer);
        assertThat(packReminders(customer)).containsExactly("CANCELLED " + today().minusDays(6));
        assertThat(run()).isZero();
        clock.advance(Duration.ofDays(7));
        assertThat(run()).isEqualTo(1);
        assertThat(packReminders(customer)).containsExactlyInAnyOrder("CANCELLED " + today().minusDays(13),
                "OPEN " + today());
    }

    private void redeem(String pack, String customer) {
        Packs.redeem(as(chain.adminToken()), pack, skin, Packs.visit(chain, customer, clinic), chain.adminStaffId(),
                UUID.randomUUID().toString()).then().statusCode(201);
    }

    private List<String> packReminders(String customer) {
        JsonPath tasks = as(chain.adminToken()).queryParam("customerId", customer)
                .queryParam("trigger", "PACK_SESSION_DUE").get("/api/v1/follow-ups/tasks").then().statusCode(200)
                .extract().jsonPath();
        List<String> statuses = tasks.getList("items.status");
        List<String> dueDates = tasks.getList("items.dueDate");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            out.add(statuses.get(i) + " " + dueDates.get(i));
        }
        return out;
    }

    private LocalDate today() {
        return clock.instant().atZone(CHAIN_ZONE).toLocalDate();
    }

    private void rule(String trigger, String category, int days, String title) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("trigger", trigger, "days", days, "title", title));
        if (category != null) {
            body.put("category", category);
        }
        as(chain.adminToken()).body(body).post("/api/v1/follow-ups/rules").then().statusCode(201);
    }

    private String customer(String name, String owner, LocalDate birthDate) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "phone",
                "137" + String.format("%08d", (int) (Math.random() * 100_000_000)), "source", "WALK_IN",
                "homeClinicId", clinic));
        if (owner != null) {
            body.put("ownerStaffId", owner);
        }
        if (birthDate != null) {
            body.put("birthDate", birthDate.toString());
        }
        return as(chain.adminToken()).body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    /** A visit, checked out at once (she can come again later). */
    private String visit(String customer) {
        String visit = as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic,
                "purpose", "CONSULTATION")).post("/api/v1/visits").then().statusCode(201).extract().path("visit.id");
        as(chain.adminToken()).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(200);
        return visit;
    }

    /** A paid order whose payment is sent again with the same Idempotency-Key (a retry), answered as the first. */
    private String paidTwice(String customer, String item) {
        JsonPath draft = Sales.draft(chain, customer, clinic, List.of(Sales.line(item, 1))).statusCode(201).extract()
                .jsonPath();
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            as(chain.adminToken()).header("Idempotency-Key", key).body(Map.of("tenders", List.of(Map.of("method",
                            "CASH", "amount", Sales.cny(draft.getLong("total.amount"))))))
                    .post("/api/v1/orders/" + draft.getString("id") + "/pay").then().statusCode(200);
        }
        return draft.getString("id");
    }

    private void refundInFull(String order) {
        long net = as(chain.adminToken()).get("/api/v1/orders/" + order).then().extract().jsonPath()
                .getLong("lines[0].net.amount");
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "不满意", "lines", List.of(Map.of("lineNo", 1, "amount", Sales.cny(net)))))
                .post("/api/v1/orders/" + order + "/refunds").then().statusCode(200);
    }

    private int run() {
        return as(chain.adminToken()).post("/api/v1/follow-ups/runs").then().statusCode(200).extract()
                .path("created");
    }

    private static String task(String customer, String trigger, String title, LocalDate due, String status,
                               String assignee) {
        return String.join(" ", customer, trigger, title, due.toString(), status, String.valueOf(assignee));
    }

    private List<String> allTasks() {
        List<String> tasks = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(chain.adminToken()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/follow-ups/tasks").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(t -> tasks.add(task((String) t.get("customerId"), (String) t.get("trigger"),
                    (String) t.get("title"), LocalDate.parse((String) t.get("dueDate")), (String) t.get("status"),
                    (String) t.get("assigneeId"))));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return tasks;
    }
}
