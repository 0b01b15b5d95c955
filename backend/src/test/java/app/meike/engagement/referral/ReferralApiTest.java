package app.meike.engagement.referral;

import app.meike.order.OrderEvents.OrderPaid;
import app.meike.order.OrderEvents.OrderRefunded;
import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.TestClock;
import app.meike.support.Wallets;
import app.meike.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
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
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ReferralApiTest extends ApiTest {
    static final String RULES = "/api/v1/referrals/rules";

    @Inject
    TenantContext tenantContext;
    @Inject
    Event<OrderPaid> paidEvents;
    @Inject
    Event<OrderRefunded> refundEvents;

    Chain chain;
    UUID clinic;
    String item;

    @BeforeEach
    void aChainSellingOneItem() {
        chain = Chains.create();
        clinic = Chains.clinic(chain, "推荐店");
        item = Sales.item(chain, "水光针", "INJECTION", 100_000);
    }

    static Map<String, Object> rules(Long level1, Long level2, long minimum, Integer cap) {
        return rules(pointsReward(level1), level2 == null ? null : pointsReward(level2), minimum, cap, null);
    }

    static Map<String, Object> rules(Map<String, Object> level1, Map<String, Object> level2, long minimum,
                                     Integer monthlyCap, Integer memberYearCap) {
        Map<String, Object> body = new HashMap<>();
        body.put("level1", level1);
        if (level2 != null) {
            body.put("level2", level2);
        }
        body.put("minimumSpend", cny(minimum));
        if (monthlyCap != null) {
            body.put("monthlyCap", monthlyCap);
        }
        if (memberYearCap != null) {
            body.put("memberYearCap", memberYearCap);
        }
        return body;
    }

    static Map<String, Object> pointsReward(long points) {
        return Map.of("kind", "POINTS", "points", points);
    }

    static Map<String, Object> couponReward(String couponType) {
        return Map.of("kind", "COUPON", "couponTypeId", couponType);
    }

    static Map<String, Object> bonusReward(long amount) {
        return Map.of("kind", "STORED_VALUE_BONUS", "amount", cny(amount));
    }

    void setRules(Map<String, Object> body) {
        String etag = as(chain.adminToken()).get(RULES).then().statusCode(200).extract().header("ETag");
        as(chain.adminToken()).header("If-Match", etag).body(body).put(RULES).then().statusCode(200);
    }

    /** A new customer whose referrer is attached after registration (null: none). */
    String referred(String name, String referrer) {
        String id = Sales.customer(chain, name);
        if (referrer != null) {
            as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("referrerId", referrer))
                    .patch("/api/v1/customers/" + id).then().statusCode(200);
        }
        return id;
    }

    JsonPath referrals(String customer) {
        return as(chain.adminToken()).get("/api/v1/referrals/customers/" + customer).then().statusCode(200)
                .extract().jsonPath();
    }

    long points(String customer) {
        return as(chain.adminToken()).get("/api/v1/points/accounts/" + customer).then().statusCode(200)
                .extract().jsonPath().getLong("balance");
    }

    String paidOrder(String customer, int units) {
        return Sales.paidOrder(chain, customer, clinic, List.of(line(item, units)));
    }

    void refund(String order, long amount) {
        as(Chains.staffToken(chain, "manager")).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "不满意", "lines", List.of(Map.of("lineNo", 1, "amount", cny(amount)))))
                .post("/api/v1/orders/" + order + "/refunds").then().statusCode(200);
    }

    @Test
    void aTwoLevelChainIsRewardedOnTheFirstPaymentNeverTheThirdLevelAndLosesItOnRefund() {
        setRules(rules(500L, 200L, 100_000, null));
        String great = referred("曾祖", null);
        String grand = referred("祖母", great);
        String mother = referred("母亲", grand);
        String daughter = referred("女儿", mother);

        String first = paidOrder(daughter, 2);
        paidOrder(daughter, 1);

        assertThat(points(mother)).isEqualTo(500);
        assertThat(points(grand)).isEqualTo(200);
        assertThat(points(great)).isZero();
        JsonPath ofMother = referrals(mother);
        assertThat(ofMother.getList("rewards.level")).containsExactly(1);
        assertThat(ofMother.getString("rewards[0].status")).isEqualTo("PAID");
        assertThat(ofMother.getString("rewards[0].refereeName")).isEqualTo("女儿");
        assertThat(ofMother.getLong("countedThisMemberYear")).isEqualTo(1);
        assertThat(referrals(grand).getList("rewards.level")).containsExactly(2);
        assertThat(referrals(great).getList("rewards")).isEmpty();
        JsonPath tree = referrals(grand);
        assertThat(tree.getString("referrer.id")).isEqualTo(great);
        assertThat(tree.getString("referees[0].id")).isEqualTo(mother);
        assertThat(tree.getString("referees[0].countedAt")).isNull();
        assertThat(tree.getString("referees[0].referees[0].id")).isEqualTo(daughter);
        assertThat(tree.getString("referees[0].referees[0].countedAt")).isNotNull();

        // The mother spent 300 of her 500 points: the refund takes back the 200 left and records the rest.
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", -300, "reason", "兑换礼品")).post("/api/v1/points/accounts/" + mother
                        + "/adjustments").then().statusCode(201);
        refund(first, 50_000);
        assertThat(referrals(mother).getString("rewards[0].status")).isEqualTo("PAID");
        refund(first, 60_000);

        assertThat(points(mother)).isZero();
        assertThat(points(grand)).isZero();
        JsonPath reversed = referrals(mother);
        assertThat(reversed.getString("rewards[0].status")).isEqualTo("REVERSED");
        assertThat(reversed.getLong("rewards[0].takenBack")).isEqualTo(200);
        assertThat(reversed.getLong("rewards[0].shortfall")).isEqualTo(300);
        assertThat(referrals(grand).getLong("rewards[0].takenBack")).isEqualTo(200);
    }

    @Test
    void aFirstPaymentBelowTheMinimumCountsButEarnsNothing() {
        setRules(rules(500L, null, 150_000, null));
        String friend = referred("朋友", null);
        String referee = referred("新客", friend);
        paidOrder(referee, 1);
        paidOrder(referee, 2);

        JsonPath of = referrals(friend);
        assertThat(of.getLong("countedThisMemberYear")).isEqualTo(1);
        assertThat(of.getList("rewards")).isEmpty();
        assertThat(points(friend)).isZero();
    }

    @Test
    void theMonthlyCapLimitsRewardsNotCountedReferrals() {
        setRules(rules(100L, null, 0, 1));
        String friend = referred("达人", null);
        paidOrder(referred("一号", friend), 1);
        paidOrder(referred("二号", friend), 1);

        JsonPath of = referrals(friend);
        assertThat(of.getLong("countedThisMemberYear")).isEqualTo(2);
        assertThat(of.getList("rewards.status")).containsExactly("CAPPED", "PAID");
        assertThat(of.getString("rewards[0].cappedBy")).isEqualTo("MONTH");
        assertThat(of.getString("rewards[0].refereeName")).isEqualTo("二号");
        assertThat(points(friend)).isEqualTo(100);
    }

    @Test
    void aReplayedEventPaysAndReversesOnce() {
        setRules(rules(500L, null, 0, null));
        String friend = referred("老客", null);
        String referee = referred("新朋友", friend);
        String order = paidOrder(referee, 1);
        OffsetDateTime at = OffsetDateTime.now();
        OrderPaid paid = new OrderPaid(UUID.fromString(order), UUID.fromString(referee), clinic, null, 100_000,
                100_000, 0, false, at);
        inChain(() -> paidEvents.fire(paid));
        assertThat(points(friend)).isEqualTo(500);

        UUID refundId = UUID.randomUUID();
        OrderRefunded refunded = new OrderRefunded(UUID.fromString(order), refundId, UUID.fromString(referee), clinic,
                100_000, 100_000, 100_000, true, at);
        inChain(() -> refundEvents.fire(refunded));
        inChain(() -> refundEvents.fire(refunded));
        inChain(() -> paidEvents.fire(paid));
        assertThat(points(friend)).isZero();
        assertThat(referrals(friend).getList("rewards.status")).containsExactly("REVERSED");
    }

    @Test
    void twoFirstPaymentsAtOnceCountOneReferral() throws Exception {
        setRules(rules(500L, null, 0, null));
        String friend = referred("熟客", null);
        String referee = referred("同时付", friend);
        List<String> drafts = List.of(draft(referee), draft(referee));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> payments = drafts.stream().<Callable<Integer>>map(id -> () ->
                    Sales.payCash(chain, id, 100_000).extract().statusCode()).toList();
            for (Future<Integer> status : pool.invokeAll(payments)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(points(friend)).isEqualTo(500);
        assertThat(referrals(friend).getList("rewards")).hasSize(1);
    }

    @Test
    void rulesAreVersionedAndRejectBadInput() {
        as(chain.adminToken()).get(RULES).then().statusCode(200).header("ETag", "\"0\"")
                .body("configured", equalTo(false));
        as(chain.adminToken()).body(rules(1L, null, 0, null)).put(RULES).then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(rules(300L, 100L, 50_000, 5)).put(RULES).then()
                .statusCode(200).header("ETag", "\"1\"").body("level2.points", equalTo(100));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(rules(1L, null, 0, null)).put(RULES).then()
                .statusCode(412);
        as(chain.adminToken()).header("If-Match", "\"1\"").body(rules(0L, null, 0, 0)).put(RULES).then()
                .statusCode(400).body("errors.field", hasItems("level1.points", "monthlyCap"));
        Map<String, Object> coupon = rules(1L, null, 0, null);
        coupon.put("level1", Map.of("kind", "COUPON", "points", 1));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(coupon).put(RULES).then().statusCode(400);
        Map<String, Object> dollars = rules(1L, null, 0, null);
        dollars.put("minimumSpend", Map.of("amount", 1, "currency", "USD"));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(dollars).put(RULES).then().statusCode(400)
                .body("errors.field", hasItem("minimumSpend.currency"));
        Map<String, Object> level3 = rules(1L, null, 0, null);
        level3.put("level3", Map.of("kind", "POINTS", "points", 1));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(level3).put(RULES).then().statusCode(400)
                .body("errors.field", hasItem("level3"));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(rules(bonusReward(0), Map.of("kind", "COUPON",
                        "points", 5), 0, null, null)).put(RULES).then().statusCode(400)
                .body("errors.field", hasItems("level1.amount.amount", "level2.couponTypeId", "level2.points"));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(rules(pointsReward(1), null, 0, null, 0))
                .put(RULES).then().statusCode(400).body("errors.field", hasItem("memberYearCap"));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(rules(Map.of("kind", "STORED_VALUE_BONUS",
                        "amount", Map.of("amount", 100, "currency", "USD")), null, 0, null, null)).put(RULES).then()
                .statusCode(400).body("errors.field", hasItem("level1.amount.currency"));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(rules(couponReward(UUID.randomUUID().toString()),
                null, 0, null, null)).put(RULES).then().statusCode(422)
                .body("type", equalTo("https://meike.app/problems/business-rule"));
        String couponType = couponType();
        as(chain.adminToken()).header("If-Match", "\"1\"").body(rules(couponReward(couponType), bonusReward(8_800),
                        0, null, 12)).put(RULES).then().statusCode(200).header("ETag", "\"2\"")
                .body("level1.couponTypeId", equalTo(couponType), "level1.points", nullValue(),
                        "level2.amount.amount", equalTo(8_800), "memberYearCap", equalTo(12));
        as(chain.adminToken()).header("If-Match", "\"2\"").body(rules(300L, null, 0, null)).put(RULES).then()
                .statusCode(200).body("level2", nullValue(), "memberYearCap", nullValue());
        as(Chains.staffToken(chain, "manager")).header("If-Match", "\"3\"").body(rules(1L, null, 0, null))
                .put(RULES).then().statusCode(403);
        as(chain.adminToken()).get(RULES).then().body("level1.points", equalTo(300));
        as(chain.adminToken()).get("/api/v1/referrals/customers/not-a-uuid").then().statusCode(400);
        as(chain.adminToken()).queryParam("to", "2026-01-01T00:00:00Z").get("/api/v1/referrals/leaderboard").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        as(chain.adminToken()).queryParam("from", "2026-01-01T00:00:00Z").queryParam("to", "2025-01-01T00:00:00Z")
                .queryParam("by", "CITY").get("/api/v1/referrals/leaderboard").then().statusCode(400);
    }

    @Test
    void theLeaderboardCountsReferralsPerClinicAndAnotherChainsReferrerIsRefused() {
        setRules(rules(500L, null, 0, null));
        String friend = referred("推荐人", null);
        paidOrder(referred("被推荐", friend), 2);
        as(chain.adminToken()).queryParam("from", OffsetDateTime.now().minusDays(1).toString())
                .queryParam("to", OffsetDateTime.now().plusDays(1).toString())
                .get("/api/v1/referrals/leaderboard").then().statusCode(200)
                .body("items[0].clinicId", equalTo(clinic.toString()), "items[0].referrals", equalTo(1),
                        "items[0].firstPaymentSpend.amount", equalTo(200_000), "items[0].rewardPoints", equalTo(500));

        Chain other = Chains.create();
        String theirs = Sales.customer(other, "别家客户");
        String ours = Sales.customer(chain, "本家客户");
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("referrerId", theirs))
                .patch("/api/v1/customers/" + ours).then().statusCode(400)
                .body("errors.field", hasItem("referrerId"));
        assertThat(referrals(ours).getString("referrer")).isNull();
        as(other.adminToken()).get("/api/v1/referrals/customers/" + friend).then().statusCode(404)
                .body("type", equalTo("https://meike.app/problems/not-found"));
        as(chain.adminToken()).get("/api/v1/referrals/customers/" + friend).then().body("referrer", nullValue());
    }

    @Test
    void aRefundOfAnOrderPaidByStoredValueReversesTheRewards() {
        setRules(rules(500L, null, 0, null));
        String friend = referred("储值推荐人", null);
        String referee = referred("储值新客", friend);
        // Pay 1,000 get 2,000: the order's 1,000 takes 500 principal (her qualifying spend) and 500 bonus.
        Wallets.topUp(chain, referee, Wallets.plan(chain, 100_000, 200_000, null), clinic, 100_000);
        String order = draft(referee);
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("tenders", List.of(Map.of("method", "STORED_VALUE", "amount", cny(100_000)))))
                .post("/api/v1/orders/" + order + "/pay").then().statusCode(200)
                .body("qualifyingSpend.amount", equalTo(50_000));
        assertThat(points(friend)).isEqualTo(500);

        // No external money goes back, but her whole qualifying spend does: the referral no longer clears.
        refund(order, 100_000);
        assertThat(points(friend)).isZero();
        JsonPath reversed = referrals(friend);
        assertThat(reversed.getString("rewards[0].status")).isEqualTo("REVERSED");
        assertThat(reversed.getLong("rewards[0].takenBack")).isEqualTo(500);
    }

    @Test
    void couponAndStoredValueBonusRewardsArePaidAndTakenBackAsFarAsUnused() {
        String couponType = couponType();
        setRules(rules(couponReward(couponType), bonusReward(20_000), 0, null, null));
        String grand = referred("祖母", null);
        String mother = referred("母亲", grand);
        String daughter = referred("女儿", mother);
        String order = paidOrder(daughter, 1);

        JsonPath ofMother = referrals(mother);
        assertThat(ofMother.getString("rewards[0].kind")).isEqualTo("COUPON");
        assertThat(ofMother.getString("rewards[0].couponTypeId")).isEqualTo(couponType);
        String coupon = ofMother.getString("rewards[0].couponId");
        as(chain.adminToken()).get("/api/v1/coupons/" + coupon).then().statusCode(200)
                .body("status", equalTo("ISSUED"), "customerId", equalTo(mother), "source", equalTo("REFERRAL_REWARD"));
        JsonPath ofGrand = referrals(grand);
        assertThat(ofGrand.getString("rewards[0].kind")).isEqualTo("STORED_VALUE_BONUS");
        assertThat(ofGrand.getLong("rewards[0].amount.amount")).isEqualTo(20_000);
        String account = as(chain.adminToken()).queryParam("customerId", grand).get("/api/v1/stored-value/accounts")
                .then().statusCode(200).extract().path("items[0].id");
        JsonPath credited = Wallets.account(chain, account);
        assertThat(credited.getLong("principal.amount")).isZero();
        assertThat(credited.getLong("bonus.amount")).isEqualTo(20_000);
        assertThat(points(grand)).isZero();
        JsonPath board = leaderboard();
        assertThat(board.getLong("items[0].rewardCoupons")).isEqualTo(1);
        assertThat(board.getLong("items[0].rewardBonus.amount")).isEqualTo(20_000);

        // She spends 50.00 of the bonus; the refund takes back the 150.00 left and records the 50.00 as shortfall.
        Wallets.debit(chain.adminToken(), account, 5_000, clinic, UUID.randomUUID().toString()).then().statusCode(201);
        refund(order, 100_000);

        as(chain.adminToken()).get("/api/v1/coupons/" + coupon).then().body("status", equalTo("VOIDED"));
        JsonPath motherAfter = referrals(mother);
        assertThat(motherAfter.getString("rewards[0].status")).isEqualTo("REVERSED");
        assertThat(motherAfter.getLong("rewards[0].takenBack")).isEqualTo(1);
        assertThat(motherAfter.getLong("rewards[0].shortfall")).isZero();
        JsonPath grandAfter = referrals(grand);
        assertThat(grandAfter.getString("rewards[0].status")).isEqualTo("REVERSED");
        assertThat(grandAfter.getLong("rewards[0].takenBack")).isEqualTo(15_000);
        assertThat(grandAfter.getLong("rewards[0].shortfall")).isEqualTo(5_000);
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isZero();
        assertThat(as(chain.adminToken()).get("/api/v1/stored-value/accounts/" + account + "/entries").then()
                .statusCode(200).extract().jsonPath().getList("items.kind")).containsExactly("REWARD", "DEBIT",
                "REWARD");
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
        JsonPath after = leaderboard();
        assertThat(after.getLong("items[0].rewardCoupons")).isZero();
        assertThat(after.getLong("items[0].rewardBonus.amount")).isZero();
    }

    @Test
    void twoReferralsAtOnceUnderACapOfOnePayOneAndCapTheOther() throws Exception {
        setRules(rules(pointsReward(300), null, 0, null, 1));
        String friend = referred("抢名额", null);
        List<String> drafts = List.of(draft(referred("同一刻甲", friend)), draft(referred("同一刻乙", friend)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> payments = drafts.stream().<Callable<Integer>>map(id -> () ->
                    Sales.payCash(chain, id, 100_000).extract().statusCode()).toList();
            for (Future<Integer> status : pool.invokeAll(payments)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(points(friend)).isEqualTo(300);
        assertThat(referrals(friend).getList("rewards.status")).containsExactlyInAnyOrder("PAID", "CAPPED");
    }

    @Test
    void theMemberYearCapRecordsCappedRewardsUntilHerNextMemberYear() {
        TestClock clock = TestClock.install();
        setRules(rules(pointsReward(100), null, 0, null, 1));
        String friend = referred("年度达人", null);
        paidOrder(friend, 1);
        long ownPoints = points(friend);
        paidOrder(referred("甲", friend), 1);
        paidOrder(referred("乙", friend), 1);
        JsonPath thisYear = referrals(friend);
        assertThat(thisYear.getList("rewards.status")).containsExactly("CAPPED", "PAID");
        assertThat(thisYear.getString("rewards[0].cappedBy")).isEqualTo("MEMBER_YEAR");
        assertThat(thisYear.getLong("countedThisMemberYear")).isEqualTo(2);

        clock.advance(Duration.ofDays(366));
        paidOrder(referred("丙", friend), 1);
        JsonPath nextYear = referrals(friend);
        assertThat(nextYear.getList("rewards.status")).containsExactly("PAID", "CAPPED", "PAID");
        assertThat(nextYear.getLong("countedThisMemberYear")).isEqualTo(1);
        // Two rewards of 100 were paid; the capped one paid none.
        assertThat(points(friend) - ownPoints).isEqualTo(200);
    }

    @Test
    void theReferrerIsSetWithEvidenceNeverInACycleAndNotChangedOnceARewardWasPaid() {
        setRules(rules(500L, null, 0, null));
        String friend = referred("老朋友", null);
        String other = referred("另一位", null);
        String referee = referred("新来的", null);
        String path = "/api/v1/referrals/customers/" + referee + "/referrer";
        JsonPath set = as(Chains.staffToken(chain, "front-desk")).body(Map.of("referrerId", friend, "evidence",
                "到店时出示了推荐人的微信")).put(path).then().statusCode(200).extract().jsonPath();
        assertThat(set.getString("referrer.id")).isEqualTo(friend);
        assertThat(set.getString("referrer.evidence")).isEqualTo("到店时出示了推荐人的微信");
        assertThat(set.getString("referrer.attachedBy")).isNotBlank();
        as(chain.adminToken()).body(Map.of("referrerId", friend, "evidence", "再说一次")).put(path).then()
                .statusCode(200).body("referrer.evidence", equalTo("到店时出示了推荐人的微信"));

        as(chain.adminToken()).body(Map.of("referrerId", referee, "evidence", "x"))
                .put("/api/v1/referrals/customers/" + friend + "/referrer").then().statusCode(400)
                .body("errors.field", hasItem("referrerId"));
        as(chain.adminToken()).body(Map.of("referrerId", other, "evidence", " ")).put(path).then().statusCode(400)
                .body("errors.field", hasItem("evidence"));
        as(chain.adminToken()).body(Map.of("evidence", "x")).put(path).then().statusCode(400)
                .body("errors.field", hasItem("referrerId"));
        as(chain.adminToken()).body(Map.of("referrerId", other, "evidence", "x"))
                .put("/api/v1/referrals/customers/" + UUID.randomUUID() + "/referrer").then().statusCode(404);
        as(chain.adminToken()).body(Map.of("referrerId", UUID.randomUUID(), "evidence", "x")).put(path).then()
                .statusCode(400).body("errors.field", hasItem("referrerId"));

        String order = paidOrder(referee, 1);
        assertThat(points(friend)).isEqualTo(500);
        as(chain.adminToken()).body(Map.of("referrerId", other, "evidence", "搞错了")).put(path).then()
                .statusCode(409);

        // Once the refund reversed her referrer's reward, the referral may move, and its count goes with it.
        refund(order, 100_000);
        JsonPath moved = as(chain.adminToken()).body(Map.of("referrerId", other, "evidence", "搞错了")).put(path)
                .then().statusCode(200).extract().jsonPath();
        assertThat(moved.getString("referrer.id")).isEqualTo(other);
        assertThat(moved.getString("referrer.evidence")).isEqualTo("搞错了");
        assertThat(referrals(other).getLong("countedThisMemberYear")).isEqualTo(1);
        assertThat(referrals(friend).getLong("countedThisMemberYear")).isZero();
        as(chain.adminToken()).get("/api/v1/customers/" + referee).then().statusCode(200)
                .body("referrer.customerId", equalTo(other));
    }

    private JsonPath leaderboard() {
        return as(chain.adminToken()).queryParam("from", OffsetDateTime.now().minusDays(1).toString())
                .queryParam("to", OffsetDateTime.now().plusDays(1).toString()).get("/api/v1/referrals/leaderboard")
                .then().statusCode(200).extract().jsonPath();
    }

    private String couponType() {
        return as(chain.adminToken()).body(Map.of("code", Chains.unique("REF"), "name", "推荐奖励券", "kind",
                        "CASH_VOUCHER", "amountOff", cny(5_000), "validDays", 60, "stacking", "STACKABLE",
                        "allItems", true)).post("/api/v1/coupons/types").then().statusCode(201).extract().path("id");
    }

    private String draft(String customer) {
        return Sales.draft(chain, customer, clinic, List.of(line(item, 1))).statusCode(201).extract().path("id");
    }

    private void inChain(Runnable work) {
        tenantContext.callAs(chain.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            work.run();
            return null;
        }));
    }
}
