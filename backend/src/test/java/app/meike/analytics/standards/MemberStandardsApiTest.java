package app.meike.analytics.standards;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.TestClock;
import app.meike.support.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The five gold standards against a hand-computed oracle: a scripted history through the real API (first purchase
 * mid-year, a refund, visits without a purchase, a referral, surveys, check-ins exactly at the member-year boundary)
 * and the same first purchase in two time zones; then roles, clinic scope, other chains and bad input.
 */
@QuarkusTest
class MemberStandardsApiTest extends ApiTest {
    private static final String RULES = "/api/v1/analytics/standards/rules";
    TestClock clock;

    private void moveTo(Instant target) {
        clock.advance(Duration.between(clock.instant(), target));
    }

    @Test
    void aScriptedYearScoresAsComputedByHand() {
        clock = TestClock.install();
        Chain chain = Chains.create();
        UUID home = Chains.clinic(chain, "金标准一店");
        UUID other = Chains.clinic(chain, "金标准二店");
        String x = Sales.item(chain, "热玛吉", "SKIN", 3_000_000);
        String y = Sales.item(chain, "水光针", "INJECTION", 1_000_000);
        // Mid-year: 15 July 2025, 10:00 in Shanghai (in the past: check-ins may be recorded afterwards, never ahead of now). Her year 1 is [F, F + 1 year), its months start on the 15th.
        moveTo(Instant.parse("2025-07-15T02:00:00Z"));
        String she = customer(chain, "金小姐", home, null);
        String order = Sales.paidOrder(chain, she, home, List.of(Sales.line(x, 1), Sales.line(y, 1)));
        OffsetDateTime first = OffsetDateTime.parse(as(chain.adminToken()).get("/api/v1/customers/" + she).then()
                .statusCode(200).extract().path("firstPurchaseAt"));
        // Month 2 (15 Aug - 15 Sep): Y wholly refunded, 10,000.00 back.
        moveTo(Instant.parse("2025-09-01T02:00:00Z"));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "不做了", "lines", List.of(Map.of("lineNo", 2, "amount", Sales.cny(1_000_000)))))
                .post("/api/v1/orders/" + order + "/refunds").then().statusCode(200);
        // Month 3 (15 Sep - 15 Oct): her friend's first paid order counts her referral; a visit without a purchase
        // and its survey (result 4 + experience 5 = 9 points).
        moveTo(Instant.parse("2025-10-01T02:00:00Z"));
        String friend = customer(chain, "金小姐的朋友", other, she);
        Sales.paidOrder(chain, friend, other, List.of(Sales.line(x, 1)));
        survey(chain, visit(chain, she, home, null), 4, 5);
        // Month 5 (15 Nov - 15 Dec): another visit without a purchase, survey 3 + 3 = 6 points.
        moveTo(Instant.parse("2025-11-20T02:00:00Z"));
        survey(chain, visit(chain, she, home, null), 3, 3);
        // An hour into her year 2; check-ins recorded afterwards: the day after her first purchase, one second
        // before the anniversary (year 1, month 12) and exactly at it (year 2, month 1).
        OffsetDateTime anniversary = first.plusYears(1);
        moveTo(anniversary.plusHours(1).toInstant());
        visit(chain, she, home, first.plusDays(1));
        visit(chain, she, home, anniversary.minusSeconds(1));
        visit(chain, she, home, anniversary);

        // Year 1: spend 40,000.00 - 10,000.00 = 30,000.00 of 100,000.00 -> 30; items: X only (Y wholly refunded),
        // 1 of 4 -> 25; visits 4 of 12 -> 33.3 -> 33; referrals 1 of 2 -> 50; satisfaction (9 + 6) / 4 = 3.75 of 4.5
        // -> 83.3 -> 83; composite (30 + 25 + 33 + 50 + 83) / 5 = 44.2 -> 44.
        JsonPath year1 = as(chain.adminToken()).queryParam("memberYear", 1).get(standards(she)).then()
                .statusCode(200).extract().jsonPath();
        assertThat(year1.getInt("memberYear.number")).isEqualTo(1);
        assertThat(year1.getBoolean("memberYear.current")).isFalse();
        assertThat(OffsetDateTime.parse(year1.getString("memberYear.endsAt")).toInstant()).isEqualTo(anniversary.toInstant());
        assertMeasures(year1, "measures", 3_000_000, 1, 4, 1, 3.75);
        assertScores(year1, "scores", 30, 25, 33, 50, 83, 44);
        // Cumulative per month: the refund in month 2, referral and first survey in month 3, the second in month 5,
        // the check-in a second before the anniversary in month 12.
        assertThat(year1.getList("months.spend.amount", Long.class)).containsExactly(4_000_000L, 3_000_000L,
                3_000_000L, 3_000_000L, 3_000_000L, 3_000_000L, 3_000_000L, 3_000_000L, 3_000_000L, 3_000_000L,
                3_000_000L, 3_000_000L);
        assertThat(year1.getList("months.visits", Integer.class)).containsExactly(1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4);
        assertThat(year1.getList("months.referrals", Integer.class)).containsExactly(0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(year1.getList("months.items", Integer.class)).containsOnly(1);
        assertThat(year1.getList("months.satisfaction", Float.class)).containsExactly(null, null, 4.5f, 4.5f, 3.75f,
                3.75f, 3.75f, 3.75f, 3.75f, 3.75f, 3.75f, 3.75f);
        assertThat(year1.getList("months.plannedSpend")).containsOnlyNulls();
        assertThat(year1.getString("previousYear")).isNull();

        // Year 2, in progress: the check-in at the anniversary only: visits 1 of 12 -> 8; no survey, so the
        // composite is (0 + 0 + 8 + 0) / 4 = 2. The previous year to the end of its month 1: spend 40,000.00 -> 40,
        // items 1 -> 25, visits 1 -> 8, referrals 0, no survey: (40 + 25 + 8 + 0) / 4 = 18.25 -> 18.
        JsonPath now = as(chain.adminToken()).get(standards(she)).then().statusCode(200).extract().jsonPath();
        assertThat(now.getInt("memberYear.number")).isEqualTo(2);
        assertThat(now.getBoolean("memberYear.current")).isTrue();
        assertMeasures(now, "measures", 0, 0, 1, 0, null);
        assertScores(now, "scores", 0, 0, 8, 0, null, 2);
        assertThat(now.getList("months.visits")).containsExactly(1, null, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(now.getInt("previousYear.memberYear")).isEqualTo(1);
        assertScores(now, "previousYear.scores", 30, 25, 33, 50, 83, 44);
        assertThat(now.getInt("previousYear.toSamePoint.throughMonth")).isEqualTo(1);
        assertMeasures(now, "previousYear.toSamePoint.measures", 4_000_000, 1, 1, 0, null);
        assertScores(now, "previousYear.toSamePoint.scores", 40, 25, 8, 0, null, 18);
        assertThat(now.getList("years.number", Integer.class)).containsExactly(1, 2);
        assertThat(now.getList("years.score", Integer.class)).containsExactly(44, 2);

        // Chain-wide: her friend's year 1 (spend 30,000.00 -> 30, items 1 -> 25): (30 + 25 + 0 + 0) / 4 = 13.75 -> 14.
        String top = "/api/v1/analytics/standards/top";
        JsonPath first2 = as(chain.adminToken()).queryParam("limit", 1).get(top).then().statusCode(200).extract()
                .jsonPath();
        assertThat(first2.getList("items.customerId")).containsExactly(friend);
        assertThat(first2.getInt("items[0].scores.composite")).isEqualTo(14);
        as(chain.adminToken()).queryParam("limit", 1).queryParam("cursor", first2.getString("nextCursor")).get(top)
                .then().statusCode(200).body("items.customerId", equalTo(List.of(she)))
                .body("items[0].scores.composite", equalTo(2)).body("nextCursor", nullValue());
        // Falling: 2 now against 18 at the same point last year.
        as(chain.adminToken()).get("/api/v1/analytics/standards/falling").then().statusCode(200)
                .body("items.customerId", equalTo(List.of(she))).body("items[0].drop", equalTo(16))
                .body("items[0].previousScore", equalTo(18)).body("items[0].throughMonth", equalTo(1));
        as(chain.adminToken()).queryParam("minDrop", 17).get("/api/v1/analytics/standards/falling").then()
                .statusCode(200).body("items", equalTo(List.of()));
        JsonPath distribution = as(chain.adminToken()).get("/api/v1/analytics/standards/distribution").then()
                .statusCode(200).extract().jsonPath();
        assertThat(distribution.getInt("members")).isEqualTo(2);
        assertThat(distribution.getList("buckets.composite", Integer.class)).containsExactly(1, 1, 0, 0, 0, 0, 0, 0,
                0, 0);
        assertThat(distribution.getInt("buckets.withoutSatisfaction")).isEqualTo(2);
        // Visits against spend: she has 1 visit and no spend this year, her friend no visit and 30,000.00.
        JsonPath bands = as(chain.adminToken()).get("/api/v1/analytics/standards/visits-vs-spend").then()
                .statusCode(200).extract().jsonPath();
        assertThat(bands.getList("visitBands.members", Integer.class)).containsExactly(1, 1, 0, 0, 0, 0);
        assertThat(bands.getLong("visitBands[0].medianSpend.amount")).isEqualTo(3_000_000L);
        assertThat(bands.getLong("visitBands[1].averageSpend.amount")).isZero();
        assertThat(bands.getList("visitBands.maxVisits")).containsExactly(0, 5, 11, 24, 29, null);
        assertThat(bands.getList("spendBands.members", Integer.class)).containsExactly(0, 0, 0);
        // By home clinic: her friend belongs to the other clinic, whatever she bought where.
        as(chain.adminToken()).queryParam("clinicId", other.toString()).get(top).then().statusCode(200)
                .body("items.customerId", equalTo(List.of(friend)));

        // New targets and weights score at once: spend target 50,000.00 -> 60; weights 40/10/30/20/0 on year 1:
        // (40 x 60 + 10 x 25 + 30 x 33 + 20 x 50 + 0 x 83) / 100 = 46.4 -> 46.
        as(chain.adminToken()).header("If-Match", "\"0\"").body(rules(5_000_000, "4.5", 40, 10, 30, 20, 0)).put(RULES)
                .then().statusCode(200).header("ETag", "\"1\"");
        JsonPath rescored = as(chain.adminToken()).queryParam("memberYear", 1).get(standards(she)).then()
                .statusCode(200).extract().jsonPath();
        assertScores(rescored, "scores", 60, 25, 33, 50, 83, 46);
        assertThat(rescored.getLong("targets.spend.amount")).isEqualTo(5_000_000L);
    }

    @Test
    void monthsFollowTheChainsTimeZone() {
        clock = TestClock.install();
        Chain shanghai = Chains.create();
        Chain newYork = chainIn("America/New_York");
        UUID shanghaiClinic = Chains.clinic(shanghai, "上海店");
        UUID newYorkClinic = Chains.clinic(newYork, "纽约店");
        String inShanghai = customer(shanghai, "上海客户", shanghaiClinic, null);
        String inNewYork = customer(newYork, "纽约客户", newYorkClinic, null);
        String itemInShanghai = Sales.item(shanghai, "A", "SKIN", 100);
        String itemInNewYork = Sales.item(newYork, "A", "SKIN", 100);
        // Both pay at 2026-01-31 20:00 UTC (and a moment): 1 February 04:00 in Shanghai, 31 January 15:00 in New York.
        moveTo(Instant.parse("2026-01-31T20:00:00Z"));
        Sales.paidOrder(shanghai, inShanghai, shanghaiClinic, List.of(Sales.line(itemInShanghai, 1)));
        Sales.paidOrder(newYork, inNewYork, newYorkClinic, List.of(Sales.line(itemInNewYork, 1)));
        moveTo(Instant.parse("2026-04-05T00:00:00Z"));
        // A visit at 2026-03-31 19:30 UTC. Shanghai: month 3 starts 1 April 04:00 (31 March 20:00 UTC), so it is in
        // month 2. New York: month 3 starts 31 March 15:00 EDT (19:00 UTC, daylight saving since 8 March), so it is
        // in month 3.
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 31, 19, 30, 0, 0, ZoneOffset.UTC);
        visit(shanghai, inShanghai, shanghaiClinic, at);
        visit(newYork, inNewYork, newYorkClinic, at);
        JsonPath s = as(shanghai.adminToken()).get(standards(inShanghai)).then().statusCode(200).extract().jsonPath();
        JsonPath n = as(newYork.adminToken()).get(standards(inNewYork)).then().statusCode(200).extract().jsonPath();
        assertThat(s.getList("months.visits").subList(0, 4)).containsExactly(0, 1, 1, null);
        assertThat(n.getList("months.visits").subList(0, 4)).containsExactly(0, 0, 1, null);
        // Two local months from the start: 59 days in Shanghai, 59 days less the hour New York sprang forward.
        assertThat(Duration.between(OffsetDateTime.parse(s.getString("memberYear.startsAt")),
                OffsetDateTime.parse(s.getString("months[2].from")))).isEqualTo(Duration.ofDays(59));
        assertThat(Duration.between(OffsetDateTime.parse(n.getString("memberYear.startsAt")),
                OffsetDateTime.parse(n.getString("months[2].from")))).isEqualTo(Duration.ofDays(59).minusHours(1));
    }

    @Test
    void rulesAreTheTenantAdminsUnderIfMatch() {
        Chain chain = Chains.create();
        as(Chains.staffToken(chain, "consultant")).get(RULES).then().statusCode(200).header("ETag", "\"0\"")
                .body("configured", equalTo(false)).body("targets.spend.amount", equalTo(10_000_000))
                .body("targets.visits", equalTo(12)).body("targets.items", equalTo(4))
                .body("targets.referrals", equalTo(2)).body("targets.satisfaction", equalTo(4.5f))
                .body("weights.spend", equalTo(20)).body("weights.satisfaction", equalTo(20));
        as(Chains.staffToken(chain, "front-desk")).get(RULES).then().statusCode(403);
        Map<String, Object> good = rules(8_000_000, "4.2", 30, 20, 20, 15, 15);
        as(chain.adminToken()).body(good).put(RULES).then().statusCode(428);
        as(Chains.staffToken(chain, "manager")).header("If-Match", "\"0\"").body(good).put(RULES).then()
                .statusCode(403);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(rules(8_000_000, "4.2", 0, 0, 0, 0, 100)).put(RULES)
                .then().statusCode(400).body("errors.field", hasItem("weights"));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(rules(8_000_000, "5.5", 1, 1, 1, 1, 1)).put(RULES)
                .then().statusCode(400).body("errors.field", hasItem("targets.satisfaction"));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(rules(0, "4.5", 1, 1, 1, 1, 1)).put(RULES)
                .then().statusCode(400);
        Map<String, Object> dollars = new HashMap<>(good);
        dollars.put("targets", Map.of("spend", Map.of("amount", 100, "currency", "USD"), "items", 4, "visits", 12,
                "referrals", 2, "satisfaction", 4.5));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(dollars).put(RULES).then().statusCode(400)
                .body("errors.field", hasItem("targets.spend.currency"));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(good).put(RULES).then().statusCode(200)
                .header("ETag", "\"1\"").body("configured", equalTo(true)).body("targets.satisfaction", equalTo(4.2f));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(good).put(RULES).then().statusCode(412);
        as(chain.adminToken()).queryParam("entityType", "settings").get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("member-standards-rules.updated"))
                .body("items[0].changes['targets.spend'].from", equalTo(10_000_000))
                .body("items[0].changes['targets.spend'].to", equalTo(8_000_000));
        // Another chain keeps its defaults.
        as(Chains.create().adminToken()).get(RULES).then().statusCode(200).body("configured", equalTo(false));
    }

    @Test
    void rolesClinicsAndOtherChains() {
        Chain chain = Chains.create();
        UUID mine = Chains.clinic(chain, "我的店");
        UUID theirs = Chains.clinic(chain, "别的店");
        String item = Sales.item(chain, "A", "SKIN", 100);
        String ofMine = customer(chain, "我店客户", mine, null);
        String ofTheirs = customer(chain, "别店客户", theirs, null);
        Sales.paidOrder(chain, ofMine, mine, List.of(Sales.line(item, 1)));
        Sales.paidOrder(chain, ofTheirs, mine, List.of(Sales.line(item, 1)));
        String consultant = limited(chain, "consultant", mine);
        String manager = limited(chain, "manager", mine);
        as(consultant).get(standards(ofMine)).then().statusCode(200).body("measures.spend.amount", equalTo(100));
        // Her home clinic decides, not where she paid.
        String hidden = as(consultant).get(standards(ofTheirs)).then().statusCode(404).extract().path("detail");
        String unknown = as(consultant).get(standards(UUID.randomUUID().toString())).then().statusCode(404)
                .extract().path("detail");
        assertThat(hidden).isEqualTo(unknown);
        as(consultant).get("/api/v1/analytics/standards/top").then().statusCode(403);
        as(Chains.staffToken(chain, "front-desk")).get(standards(ofMine)).then().statusCode(403);
        as(Chains.staffToken(chain, "clinician")).get(standards(ofMine)).then().statusCode(403);
        as(manager).get("/api/v1/analytics/standards/top").then().statusCode(200)
                .body("items.customerId", equalTo(List.of(ofMine)));
        as(manager).queryParam("clinicId", theirs.toString()).get("/api/v1/analytics/standards/distribution").then()
                .statusCode(200).body("members", equalTo(0));
        as(chain.adminToken()).get("/api/v1/analytics/standards/distribution").then().statusCode(200)
                .body("members", equalTo(2));

        Chain stranger = Chains.create();
        as(stranger.adminToken()).get(standards(ofMine)).then().statusCode(404);
        as(stranger.adminToken()).queryParam("clinicId", mine.toString()).get("/api/v1/analytics/standards/top")
                .then().statusCode(400).body("errors.field", hasItem("clinicId"));
        as(stranger.adminToken()).get("/api/v1/analytics/standards/top").then().statusCode(200)
                .body("items", equalTo(List.of()));

        String notConverted = customer(chain, "还没买", mine, null);
        as(chain.adminToken()).get(standards(notConverted)).then().statusCode(422);
        for (String year : List.of("0", "2", "abc", "201")) {
            as(chain.adminToken()).queryParam("memberYear", year).get(standards(ofMine)).then().statusCode(400)
                    .body("errors.field", hasItem("memberYear"));
        }
        as(chain.adminToken()).get("/api/v1/analytics/customers/not-a-uuid/standards").then().statusCode(400);
        as(chain.adminToken()).queryParam("cursor", "bm90LW91cnM").get("/api/v1/analytics/standards/top").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
        as(chain.adminToken()).queryParam("minDrop", 0).get("/api/v1/analytics/standards/falling").then()
                .statusCode(400).body("errors.field", hasItem("minDrop"));
        as(chain.adminToken()).queryParam("limit", 0).get("/api/v1/analytics/standards/top").then().statusCode(400);
        as(chain.adminToken()).queryParam("clinicId", "x").get("/api/v1/analytics/standards/visits-vs-spend").then()
                .statusCode(400);
    }

    private static String standards(String customerId) {
        return "/api/v1/analytics/customers/" + customerId + "/standards";
    }

    private static String customer(Chain chain, String name, UUID homeClinic, String referrer) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone", "139" + String.format("%08d",
                ThreadLocalRandom.current().nextInt(100_000_000)), "source", referrer == null ? "WALK_IN" : "REFERRAL",
                "homeClinicId", homeClinic));
        if (referrer != null) {
            body.put("referrerId", referrer);
        }
        return as(chain.adminToken()).body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    /** Checks her in (at `at`, now when null) and out again; answers the visit's id. */
    private static String visit(Chain chain, String customerId, UUID clinicId, OffsetDateTime at) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customerId, "clinicId", clinicId,
                "purpose", "TREATMENT"));
        if (at != null) {
            body.put("checkedInAt", at.toString());
        }
        String visit = as(chain.adminToken()).body(body).post("/api/v1/visits").then().statusCode(201).extract()
                .path("visit.id");
        as(chain.adminToken()).post("/api/v1/visits/" + visit + "/check-out").then().statusCode(200);
        return visit;
    }

    private static void survey(Chain chain, String visitId, int result, int experience) {
        as(chain.adminToken()).body(Map.of("visitId", visitId, "resultScore", result, "experienceScore", experience,
                "nps", 9)).post("/api/v1/satisfaction/surveys").then().statusCode(201);
    }

    private static Map<String, Object> rules(long spend, String satisfaction, int spendWeight, int itemsWeight,
                                             int visitsWeight, int referralsWeight, int satisfactionWeight) {
        return Map.of("targets", Map.of("spend", Sales.cny(spend), "items", 4, "visits", 12, "referrals", 2,
                        "satisfaction", new BigDecimal(satisfaction)),
                "weights", Map.of("spend", spendWeight, "items", itemsWeight, "visits", visitsWeight,
                        "referrals", referralsWeight, "satisfaction", satisfactionWeight));
    }

    private static String limited(Chain chain, String role, UUID clinic) {
        JsonPath staff = Chains.staff(chain, List.of(role), List.of(clinic));
        return Tokens.withClinics(staff.getString("userId"), chain.id(), List.of(clinic), role);
    }

    private static Chain chainIn(String zone) {
        String slug = Chains.unique("chain-");
        JsonPath body = RestAssured.given().auth().oauth2(Tokens.platform()).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Chain " + slug, "timeZone", zone,
                        "admin", Map.of("username", slug + ".admin", "email", slug + "@test.meike.local",
                                "displayName", "Admin of " + slug)))
                .post("/api/v1/tenants").then().statusCode(201).extract().jsonPath();
        UUID id = UUID.fromString(body.getString("tenant.id"));
        String adminUserId = body.getString("admin.userId");
        return new Chain(id, slug, adminUserId, UUID.fromString(body.getString("admin.id")),
                Tokens.token(adminUserId, id, "tenant-admin"));
    }

    private static void assertMeasures(JsonPath body, String at, long spend, int items, int visits, int referrals,
                                       Double satisfaction) {
        assertThat(body.getLong(at + ".spend.amount")).isEqualTo(spend);
        assertThat(body.getInt(at + ".items")).isEqualTo(items);
        assertThat(body.getInt(at + ".visits")).isEqualTo(visits);
        assertThat(body.getInt(at + ".referrals")).isEqualTo(referrals);
        if (satisfaction == null) {
            assertThat(body.getString(at + ".satisfaction")).isNull();
        } else {
            assertThat(body.getDouble(at + ".satisfaction")).isEqualTo(satisfaction);
        }
    }

    private static void assertScores(JsonPath body, String at, int spend, int items, int visits, int referrals,
                                     Integer satisfaction, int composite) {
        assertThat(List.of(body.getInt(at + ".spend"), body.getInt(at + ".items"), body.getInt(at + ".visits"),
                body.getInt(at + ".referrals"), body.getInt(at + ".composite")))
                .containsExactly(spend, items, visits, referrals, composite);
        assertThat((Integer) body.get(at + ".satisfaction")).isEqualTo(satisfaction);
    }
}
