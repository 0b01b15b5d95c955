package app.meike.analytics.segments;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.TestClock;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static app.meike.support.Sales.cny;
import static app.meike.support.Sales.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class SegmentApiTest extends ApiTest {
    private static final String SEGMENTS = "/api/v1/analytics/segments";

    /**
     * The segment part of the oracle: a scripted history and the expected members of every built-in segment at
     * chosen times, at the edges of the new window, the lifecycle windows and the member year, in two time zones.
     */
    @Test
    void builtInSegmentsFollowTheScriptedHistoryAtEveryBoundaryInBothTimeZones() {
        for (String zone : List.of("Asia/Shanghai", "America/Los_Angeles")) {
            oracle(zone);
        }
    }

    private void oracle(String zone) {
        TestClock clock = TestClock.install();
        Chain chain = Chains.create(zone);
        UUID clinic = Chains.clinic(chain, "金标店");
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("newWithinDays", 7,
                        "highValueSpend", cny(1_000_000), "highValueScore", 100, "loyalMemberYears", 2,
                        "loyalVisits", 1)).put(SEGMENTS + "/rules").then().statusCode(200)
                .body("configured", equalTo(true)).header("ETag", "\"1\"");
        String hairRemoval = entryItem(chain, "脱毛体验", 50_000);
        String filler = Sales.item(chain, "玻尿酸", "INJECTION", 1_500_000);

        String lead = customer(chain, "只登记", clinic, null, List.of());
        String visitor = customer(chain, "到店未成交", clinic, null, List.of());
        visit(chain, visitor, clinic);
        String taster = customer(chain, "体验客", clinic, null, List.of());
        visit(chain, taster, clinic);
        Sales.paidOrder(chain, taster, clinic, List.of(line(hairRemoval, 1)));
        String big = customer(chain, "大客", clinic, null, List.of());
        visit(chain, big, clinic);
        String bigOrder = Sales.paidOrder(chain, big, clinic, List.of(line(filler, 1)));
        String away = customer(chain, "八天前来过", clinic, null, List.of());
        as(chain.adminToken()).body(Map.of("customerId", away, "clinicId", clinic, "purpose", "CONSULTATION",
                "checkedInAt", OffsetDateTime.now().minusDays(8).toString())).post("/api/v1/visits").then()
                .statusCode(201);
        OffsetDateTime firstPaid = OffsetDateTime.parse(as(chain.adminToken()).get("/api/v1/orders/" + bigOrder)
                .then().statusCode(200).extract().path("paidAt"));
        Instant start = clock.instant();

        Map<String, Set<String>> now = memberships(chain);
        assertThat(now.get("NEW")).containsExactlyInAnyOrder(lead, visitor, taster, big);
        assertThat(now.get("VISITED_NOT_CONVERTED")).containsExactlyInAnyOrder(visitor, away);
        assertThat(now.get("ACTIVE")).containsExactlyInAnyOrder(taster, big);
        assertThat(now.get("AT_RISK")).isEmpty();
        assertThat(now.get("CHURNED")).isEmpty();
        assertThat(now.get("HIGH_VALUE")).containsExactly(big);
        assertThat(now.get("LOYAL")).isEmpty();
        assertThat(now.get("ENTRY_ITEM_ONLY")).containsExactly(taster);
        assertCountsAgree(chain, now);

        // New for 7 days from registration or first visit: just inside, then just past.
        moveTo(clock, start.plus(Duration.ofDays(7)).minus(Duration.ofMinutes(2)));
        assertThat(memberships(chain).get("NEW")).containsExactlyInAnyOrder(lead, visitor, taster, big);
        moveTo(clock, start.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(2)));
        assertThat(memberships(chain).get("NEW")).isEmpty();

        // The chain's churn window (180 days): at risk after half of it without a visit, churned after all of it.
        moveTo(clock, start.plus(Duration.ofDays(90)).minus(Duration.ofMinutes(2)));
        assertThat(memberships(chain).get("ACTIVE")).containsExactlyInAnyOrder(taster, big);
        moveTo(clock, start.plus(Duration.ofDays(90)).plus(Duration.ofMinutes(2)));
        Map<String, Set<String>> atRisk = memberships(chain);
        assertThat(atRisk.get("ACTIVE")).isEmpty();
        assertThat(atRisk.get("AT_RISK")).containsExactlyInAnyOrder(taster, big);
        moveTo(clock, start.plus(Duration.ofDays(180)).plus(Duration.ofMinutes(2)));
        Map<String, Set<String>> churned = memberships(chain);
        assertThat(churned.get("CHURNED")).containsExactlyInAnyOrder(taster, big);
        assertThat(churned.get("VISITED_NOT_CONVERTED")).containsExactlyInAnyOrder(visitor, away);

        // The member year turns at the first purchase's anniversary in the chain's time zone.
        Instant secondYear = firstPaid.atZoneSameInstant(ZoneId.of(zone)).plusYears(1).toInstant();
        moveTo(clock, secondYear.minus(Duration.ofMinutes(2)));
        Map<String, Set<String>> lastDay = memberships(chain);
        assertThat(lastDay.get("HIGH_VALUE")).containsExactly(big);
        assertThat(lastDay.get("LOYAL")).isEmpty();
        moveTo(clock, secondYear.plus(Duration.ofMinutes(2)));
        visit(chain, big, clinic);
        Map<String, Set<String>> secondYearIn = memberships(chain);
        assertThat(secondYearIn.get("HIGH_VALUE")).isEmpty();
        assertThat(secondYearIn.get("LOYAL")).containsExactly(big);
        assertThat(secondYearIn.get("ACTIVE")).containsExactly(big);
        assertThat(secondYearIn.get("CHURNED")).containsExactly(taster);
        assertThat(secondYearIn.get("ENTRY_ITEM_ONLY")).containsExactly(taster);
        assertCountsAgree(chain, secondYearIn);
    }

    @Test
    void customSegmentsFilterByStandingTagsClinicOwnerAndTierAndAreSavedUnderETags() {
        Chain chain = Chains.create();
        UUID north = Chains.clinic(chain, "北店");
        UUID south = Chains.clinic(chain, "南店");
        String owner = Chains.staff(chain, List.of("consultant"), List.of()).getString("id");
        String filler = Sales.item(chain, "玻尿酸", "INJECTION", 1_000_000);
        String vip = customer(chain, "北店贵宾", north, owner, List.of("VIP", "老客"));
        Sales.paidOrder(chain, vip, north, List.of(line(filler, 3)));
        String small = customer(chain, "北店小单", north, owner, List.of("VIP"));
        Sales.paidOrder(chain, small, north, List.of(line(filler, 1)));
        String southVip = customer(chain, "南店贵宾", south, null, List.of("VIP", "老客"));
        Sales.paidOrder(chain, southVip, south, List.of(line(filler, 3)));
        customer(chain, "北店潜客", north, owner, List.of("VIP", "老客"));

        Map<String, Object> filters = new HashMap<>();
        filters.put("spendMin", cny(2_000_000));
        filters.put("tags", List.of("VIP", "老客"));
        assertThat(preview(chain, filters, null)).containsExactlyInAnyOrder(vip, southVip);
        assertThat(preview(chain, filters, north)).containsExactly(vip);
        filters.put("clinicId", south);
        assertThat(preview(chain, filters, null)).containsExactly(southVip);
        filters.remove("clinicId");
        filters.put("ownerId", owner);
        assertThat(preview(chain, filters, null)).containsExactly(vip);
        assertThat(preview(chain, Map.of("spendMax", cny(1_500_000)), null)).containsExactly(small);
        assertThat(preview(chain, Map.of("itemsMin", 1, "builtIn", "ACTIVE"), null))
                .containsExactlyInAnyOrder(vip, small, southVip);
        assertThat(preview(chain, Map.of("lastVisitDaysAgoMax", 30), null)).isEmpty();

        Response created = as(chain.adminToken()).body(Map.of("name", "北店VIP大单", "filters", filters))
                .post("/api/v1/analytics/custom-segments");
        created.then().statusCode(201).header("ETag", "\"0\"").body("filters.ownerId", equalTo(owner));
        String id = created.path("id");
        as(chain.adminToken()).body(Map.of("name", "北店vip大单", "filters", Map.of())).post("/api/v1/analytics/custom-segments")
                .then().statusCode(409);
        assertThat(members(chain, id, null)).containsExactly(vip);
        as(chain.adminToken()).get(SEGMENTS).then().statusCode(200)
                .body("items.find { it.key == '" + id + "' }.members", equalTo(1))
                .body("items.find { it.key == '" + id + "' }.kind", equalTo("CUSTOM"));

        Map<String, Object> wider = Map.of("name", "VIP大单", "filters", Map.of("spendMin", cny(2_000_000)));
        as(chain.adminToken()).body(wider).put("/api/v1/analytics/custom-segments/" + id).then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"7\"").body(wider).put("/api/v1/analytics/custom-segments/" + id).then()
                .statusCode(412);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(wider).put("/api/v1/analytics/custom-segments/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("name", equalTo("VIP大单"));
        assertThat(members(chain, id, null)).containsExactlyInAnyOrder(vip, southVip);
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItems("segment.created", "segment.updated"));
        as(chain.adminToken()).header("If-Match", "\"1\"").delete("/api/v1/analytics/custom-segments/" + id).then().statusCode(204);
        as(chain.adminToken()).get(SEGMENTS + "/" + id + "/members").then().statusCode(404);
    }

    @Test
    void badFiltersAreNamedInA400AndBadRulesAreRefused() {
        Chain chain = Chains.create();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("scoreMin", 80);
        bad.put("scoreMax", 20);
        bad.put("lastVisitDaysAgoMin", 10);
        bad.put("lastVisitFrom", "2026-01-01T00:00:00+08:00");
        bad.put("spendMin", Map.of("amount", 100, "currency", "USD"));
        bad.put("tierIds", List.of(UUID.randomUUID()));
        as(chain.adminToken()).body(bad).post(SEGMENTS + "/preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("filters.scoreMax", "filters.lastVisitFrom",
                        "filters.spendMin.currency", "filters.tierIds"));
        as(chain.adminToken()).body(Map.of("scoreMin", 101)).post(SEGMENTS + "/preview").then().statusCode(400)
                .body("errors.field", hasItem(containsString("scoreMin")));
        as(chain.adminToken()).body(Map.of("builtIn", "FAMOUS")).post(SEGMENTS + "/preview").then().statusCode(400);
        as(chain.adminToken()).body(Map.of("clinicId", UUID.randomUUID())).post(SEGMENTS + "/preview").then()
                .statusCode(400).body("errors.field", hasItem("filters.clinicId"));
        as(chain.adminToken()).body(Map.of("name", "坏", "filters", Map.of("itemsMin", 5, "itemsMax", 2)))
                .post("/api/v1/analytics/custom-segments").then().statusCode(400).body("errors.field", hasItem("filters.itemsMax"));
        as(chain.adminToken()).queryParam("cursor", "bm90LW91cnM").get(SEGMENTS + "/ACTIVE/members").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
        as(chain.adminToken()).queryParam("limit", 0).get(SEGMENTS + "/ACTIVE/members").then().statusCode(400);
        as(chain.adminToken()).get(SEGMENTS + "/FAMOUS/members").then().statusCode(404);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("newWithinDays", 0,
                        "highValueSpend", cny(100), "highValueScore", 80, "loyalMemberYears", 2, "loyalVisits", 6))
                .put(SEGMENTS + "/rules").then().statusCode(400).body("errors.field", hasItem("newWithinDays"));
        as(chain.adminToken()).body(Map.of("newWithinDays", 10, "highValueSpend", cny(100), "highValueScore", 80,
                "loyalMemberYears", 2, "loyalVisits", 6)).put(SEGMENTS + "/rules").then().statusCode(428);
        as(Chains.staffToken(chain, "manager")).header("If-Match", "\"0\"").body(Map.of("newWithinDays", 10,
                        "highValueSpend", cny(100), "highValueScore", 80, "loyalMemberYears", 2, "loyalVisits", 6))
                .put(SEGMENTS + "/rules").then().statusCode(403);
        as(Chains.staffToken(chain, "manager")).get(SEGMENTS + "/rules").then().statusCode(200)
                .body("configured", equalTo(false)).body("newWithinDays", equalTo(30));
    }

    @Test
    void membersPageByScoreThenIdWithoutGapsOrRepeats() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "分页店");
        String filler = Sales.item(chain, "玻尿酸", "INJECTION", 1_000_000);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = customer(chain, "分页" + i, clinic, null, List.of());
            if (i % 3 != 0) {
                Sales.paidOrder(chain, id, clinic, List.of(line(filler, 1 + i % 2)));
            }
            all.add(id);
        }
        List<Integer> scores = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(chain.adminToken()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(SEGMENTS + "/NEW/members").then().statusCode(200)
                    .body("total", equalTo(7)).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            page.getList("items", Map.class).forEach(m -> scores.add(m.get("score") == null ? -1
                    : ((Number) m.get("score")).intValue()));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(scores).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(scores).contains(-1);
        for (int i = 1; i < seen.size(); i++) {
            if (scores.get(i).equals(scores.get(i - 1))) {
                assertThat(UUID.fromString(seen.get(i))).isGreaterThan(UUID.fromString(seen.get(i - 1)));
            }
        }
    }

    @Test
    void anExportIsAuditedWithItsRowsAndHoldsEveryMember() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "导出店");
        String filler = Sales.item(chain, "玻尿酸", "INJECTION", 1_000_000);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = customer(chain, "导出" + i, clinic, null, List.of());
            Sales.paidOrder(chain, id, clinic, List.of(line(filler, 1)));
            phones.add(as(chain.adminToken()).get("/api/v1/customers/" + id).then().extract().path("phone"));
        }
        String manager = Chains.staffToken(chain, "manager");
        Response file = RestAssured.given().auth().oauth2(manager).accept("text/csv")
                .get(SEGMENTS + "/ACTIVE/export");
        file.then().statusCode(200).header("X-Total-Count", "3")
                .header("Content-Disposition", containsString("segment-active-"));
        String csv = new String(file.asByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,name,phone,tier,memberYear,spend,visits,items,score,lastVisitDate,"
                + "homeClinic,owner");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains(",1,10000.00,").contains("导出店");
        phones.forEach(phone -> assertThat(csv).contains(phone));
        JsonPath audit = as(chain.adminToken()).queryParam("entityType", "customer-list").get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> exported = audit.getList("items.findAll { it.action == 'segment.exported' }");
        assertThat(exported).hasSize(1);
        assertThat(exported.get(0).toString()).contains("rows=3").contains("segment=ACTIVE")
                .contains("phonesMasked=false");
    }

    @Test
    void bulkCouponsAndFollowUpsIssueOncePerKeyAndSkipWhoHasThemAlready() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "群发店");
        String filler = Sales.item(chain, "玻尿酸", "INJECTION", 1_000_000);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = customer(chain, "群发" + i, clinic, null, List.of());
            Sales.paidOrder(chain, id, clinic, List.of(line(filler, 1)));
            members.add(id);
        }
        String type = as(chain.adminToken()).body(Map.of("code", Chains.unique("SG"), "name", "回馈券",
                        "kind", "CASH_VOUCHER", "amountOff", cny(10_000), "validDays", 30, "stacking", "EXCLUSIVE",
                        "allItems", true)).post("/api/v1/coupons/types").then().statusCode(201).extract().path("id");
        String manager = Chains.staffToken(chain, "manager");
        String key = UUID.randomUUID().toString();
        Map<String, Object> issue = Map.of("couponTypeId", type, "campaign", "winter");
        for (int attempt = 0; attempt < 2; attempt++) {
            as(manager).header("Idempotency-Key", key).body(issue).post(SEGMENTS + "/ACTIVE/coupons").then()
                    .statusCode(200).body("matched", equalTo(3)).body("done", equalTo(3))
                    .body("skipped[0].reason", equalTo("ALREADY_ISSUED")).body("skipped[0].count", equalTo(0));
        }
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(issue)
                .post(SEGMENTS + "/ACTIVE/coupons").then().statusCode(200).body("done", equalTo(0))
                .body("skipped[0].count", equalTo(3));
        for (String member : members) {
            as(manager).get("/api/v1/coupons?customerId=" + member).then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].source", equalTo("CAMPAIGN"));
        }
        as(manager).header("Idempotency-Key", key).body(Map.of("couponTypeId", type, "campaign", "other"))
                .post(SEGMENTS + "/ACTIVE/coupons").then().statusCode(422);
        as(manager).body(issue).post(SEGMENTS + "/ACTIVE/coupons").then().statusCode(400);

        String rule = as(chain.adminToken()).body(Map.of("trigger", "AT_RISK", "days", 60, "title", "沉睡唤醒"))
                .post("/api/v1/follow-ups/rules").then().statusCode(201).extract().path("id");
        String followUpKey = UUID.randomUUID().toString();
        Map<String, Object> followUps = Map.of("ruleId", rule, "campaign", "winter");
        for (int attempt = 0; attempt < 2; attempt++) {
            as(manager).header("Idempotency-Key", followUpKey).body(followUps)
                    .post(SEGMENTS + "/ACTIVE/follow-ups").then().statusCode(200).body("done", equalTo(3))
                    .body("skipped[0].reason", equalTo("ALREADY_HAS_TASK"));
        }
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(followUps)
                .post(SEGMENTS + "/ACTIVE/follow-ups").then().statusCode(200).body("done", equalTo(0))
                .body("skipped[0].count", equalTo(3));
        for (String member : members) {
            as(manager).queryParam("customerId", member).get("/api/v1/follow-ups/tasks").then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].title", equalTo("沉睡唤醒"));
        }
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("ruleId", UUID.randomUUID(), "campaign", "x")).post(SEGMENTS + "/ACTIVE/follow-ups")
                .then().statusCode(400).body("errors.field", hasItem("ruleId"));
    }

    @Test
    void onlyManagersAndAdminsReadSegmentsAndAClinicLimitedManagerSeesHerClinicsOnly() {
        Chain chain = Chains.create();
        UUID mine = Chains.clinic(chain, "我的店");
        UUID other = Chains.clinic(chain, "别人的店");
        String inMine = customer(chain, "本店客", mine, null, List.of());
        String inOther = customer(chain, "他店客", other, null, List.of());
        String limited = Tokens.withClinics(Chains.staff(chain, List.of("manager"), List.of(mine))
                .getString("userId"), chain.id(), List.of(mine), "manager");
        assertThat(members(chain.adminToken(), "NEW", null)).containsExactlyInAnyOrder(inMine, inOther);
        assertThat(members(limited, "NEW", null)).containsExactly(inMine);
        assertThat(members(limited, "NEW", other)).isEmpty();
        as(limited).get(SEGMENTS).then().statusCode(200)
                .body("items.find { it.key == 'NEW' }.members", equalTo(1));
        Response file = RestAssured.given().auth().oauth2(limited).accept("text/csv").get(SEGMENTS + "/NEW/export");
        file.then().statusCode(200).header("X-Total-Count", "1");

        for (String role : List.of("consultant", "front-desk", "clinician")) {
            String token = Chains.staffToken(chain, role);
            as(token).get(SEGMENTS).then().statusCode(403);
            as(token).get(SEGMENTS + "/NEW/members").then().statusCode(403);
            as(token).body(Map.of()).post(SEGMENTS + "/preview").then().statusCode(403);
            RestAssured.given().auth().oauth2(token).accept("text/csv").get(SEGMENTS + "/NEW/export").then()
                    .statusCode(403);
        }
        as(Tokens.token("integrator-" + UUID.randomUUID(), chain.id(), "integrator")).get(SEGMENTS).then()
                .statusCode(403);

        String saved = as(chain.adminToken()).body(Map.of("name", "新客", "filters", Map.of("builtIn", "NEW")))
                .post("/api/v1/analytics/custom-segments").then().statusCode(201).extract().path("id");
        Chain stranger = Chains.create();
        as(stranger.adminToken()).get("/api/v1/analytics/custom-segments/" + saved).then().statusCode(404);
        as(stranger.adminToken()).get(SEGMENTS + "/" + saved + "/members").then().statusCode(404);
        as(stranger.adminToken()).header("If-Match", "\"0\"").delete("/api/v1/analytics/custom-segments/" + saved).then()
                .statusCode(404);
        RestAssured.given().auth().oauth2(stranger.adminToken()).accept("text/csv")
                .get(SEGMENTS + "/" + saved + "/export").then().statusCode(404);
        assertThat(members(stranger.adminToken(), "NEW", null)).isEmpty();
        as(stranger.adminToken()).get(SEGMENTS).then().statusCode(200)
                .body("items.find { it.key == '" + saved + "' }", org.hamcrest.Matchers.nullValue());
    }

    private static void moveTo(TestClock clock, Instant target) {
        clock.advance(Duration.between(clock.instant(), target));
    }

    private Map<String, Set<String>> memberships(Chain chain) {
        Map<String, Set<String>> byKey = new HashMap<>();
        for (String key : List.of("NEW", "ACTIVE", "HIGH_VALUE", "LOYAL", "AT_RISK", "CHURNED",
                "VISITED_NOT_CONVERTED", "ENTRY_ITEM_ONLY")) {
            byKey.put(key, new HashSet<>(members(chain.adminToken(), key, null)));
        }
        return byKey;
    }

    private void assertCountsAgree(Chain chain, Map<String, Set<String>> memberships) {
        JsonPath counts = as(chain.adminToken()).get(SEGMENTS).then().statusCode(200).extract().jsonPath();
        memberships.forEach((key, members) -> assertThat(counts.getInt("items.find { it.key == '" + key
                + "' }.members")).as(key).isEqualTo(members.size()));
    }

    private List<String> members(Chain chain, String key, UUID clinicId) {
        return members(chain.adminToken(), key, clinicId);
    }

    private List<String> members(String token, String key, UUID clinicId) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(token).queryParam("limit", 200);
            if (clinicId != null) {
                request.queryParam("clinicId", clinicId.toString());
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(SEGMENTS + "/" + key + "/members").then().statusCode(200).extract()
                    .jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private List<String> preview(Chain chain, Map<String, Object> filters, UUID clinicId) {
        var request = as(chain.adminToken()).body(filters);
        if (clinicId != null) {
            request.queryParam("clinicId", clinicId.toString());
        }
        return request.post(SEGMENTS + "/preview").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    private static String entryItem(Chain chain, String name, long price) {
        return as(chain.adminToken()).body(Map.of("code", Chains.unique("EN"), "name", name, "category", "OTHER",
                        "listPrice", cny(price), "durationMinutes", 30, "entryLevel", true, "allClinics", true))
                .post("/api/v1/catalog/items").then().statusCode(201).extract().path("id");
    }

    private static String customer(Chain chain, String name, UUID homeClinic, String owner, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
        body.put("source", "WALK_IN");
        body.put("homeClinicId", homeClinic);
        body.put("tags", tags);
        if (owner != null) {
            body.put("ownerStaffId", owner);
        }
        return as(chain.adminToken()).body(body).post("/api/v1/customers").then().statusCode(201).extract()
                .path("id");
    }

    /** A visit now, checked in and out. */
    private static void visit(Chain chain, String customer, UUID clinic) {
        String visit = as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic, "purpose",
                "TREATMENT")).post("/api/v1/visits").then().statusCode(201).extract().path("visit.id");
        as(chain.adminToken()).body(Map.of()).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(200);
    }
}
