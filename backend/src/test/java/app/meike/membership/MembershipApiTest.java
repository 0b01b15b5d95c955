package app.meike.membership;

import app.meike.membership.Memberships.SpendSource;
import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Members;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MembershipApiTest extends ApiTest {
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @Test
    void aNewChainHasAProgramWithoutTiersAndChangesItWithTheCurrentVersion() {
        Chain chain = Chains.create();
        as(Chains.staffToken(chain, "front-desk")).get("/api/v1/membership/tiers").then().statusCode(200)
                .header("ETag", "\"0\"").body("basis", equalTo("LIFETIME")).body("tiers", hasSize(0))
                .body("reevaluationJob", nullValue());
        Map<String, Object> program = Members.program("LIFETIME", "AT_MEMBER_YEAR_END");
        as(chain.adminToken()).body(program).put("/api/v1/membership/tiers").then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"7\"").body(program).put("/api/v1/membership/tiers").then()
                .statusCode(412);
        JsonPath saved = as(chain.adminToken()).header("If-Match", "\"0\"").body(program)
                .put("/api/v1/membership/tiers").then().statusCode(200).header("ETag", "\"1\"")
                .body("tiers.name", equalTo(List.of("普卡", "银卡", "金卡")))
                .body("tiers[1].threshold.amount", equalTo(3_000_000))
                .body("tiers[0].benefits.perks[0].code", equalTo("BIRTHDAY_GIFT"))
                .body("reevaluationJob.kind", equalTo("REEVALUATION")).extract().jsonPath();
        String firstJob = saved.getString("reevaluationJob.id");
        Members.awaitJob(chain, firstJob);

        // Renaming a tier and changing its benefits moves nobody: no new job.
        List<Map<String, Object>> tiers = keep(saved);
        tiers.get(0).put("name", "普通卡");
        as(chain.adminToken()).header("If-Match", "\"1\"").body(Map.of("basis", "LIFETIME",
                        "reviewRule", "AT_MEMBER_YEAR_END", "tiers", tiers)).put("/api/v1/membership/tiers").then()
                .statusCode(200).header("ETag", "\"2\"").body("tiers[0].name", equalTo("普通卡"))
                .body("tiers[0].id", equalTo(saved.getString("tiers[0].id")))
                .body("reevaluationJob.id", equalTo(firstJob));
        as(chain.adminToken()).queryParam("entityType", "membership-program").get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("membership-program.updated"));
    }

    @Test
    void aBadProgramIsRefusedNamingTheField() {
        Chain chain = Chains.create();
        String etag = "\"0\"";
        assertRefused(chain, etag, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", List.of(
                Members.tier("银卡", 3_000_000, 5), Members.tier("普卡", 1_000_000, 2))), "tiers[1].threshold");
        assertRefused(chain, etag, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", List.of(
                Members.tier("卡", 1_000_000, 5), Members.tier("卡", 2_000_000, 2))), "tiers[1].name");
        assertRefused(chain, etag, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", List.of(
                Members.tier("卡", 1_000_000, 100.5))), "tiers[0].benefits.discountPercent");
        assertRefused(chain, etag, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", List.of(
                Members.tier("卡", 1_000_000, 5.125))), "tiers[0].benefits.discountPercent");
        assertRefused(chain, etag, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", List.of(
                Members.tier("卡", 0, 5))), "tiers[0].threshold.amount");
        Map<String, Object> unknown = new HashMap<>(Members.tier("卡", 1_000_000, 5));
        unknown.put("id", UUID.randomUUID().toString());
        assertRefused(chain, etag, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", List.of(unknown)),
                "tiers[0].id");
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            eleven.add(Members.tier("T" + i, i * 100_000L, 1));
        }
        assertRefused(chain, etag, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", eleven), "tiers");
        assertRefused(chain, etag, Map.of("basis", "FOREVER", "reviewRule", "NEVER", "tiers", List.of()), "basis");
        // Another chain's tier id is unknown here too.
        Chain other = Chains.create();
        String othersTier = Members.setProgram(other, Members.program("LIFETIME", "NEVER")).getString("tiers[0].id");
        Map<String, Object> foreign = new HashMap<>(Members.tier("卡", 1_000_000, 5));
        foreign.put("id", othersTier);
        assertRefused(chain, etag, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", List.of(foreign)),
                "tiers[0].id");
    }

    @Test
    void spendUpgradesAtOnceAndARefundOnLifetimeSpendDowngradesAtOnce() {
        Chain chain = Chains.create();
        Members.setProgram(chain, Members.program("LIFETIME", "AT_MEMBER_YEAR_END"));
        UUID customer = Members.customer(chain, "王芳");
        as(chain.adminToken()).get(membership(customer)).then().statusCode(200).body("tier", nullValue())
                .body("nextTier.name", equalTo("普卡")).body("nextTier.remaining.amount", equalTo(1_000_000))
                .body("benefits.discountPercent", equalTo(0)).body("history", hasSize(0));
        UUID order1 = UUID.randomUUID();
        Members.spend(chain, customer, order1, SpendSource.ORDER, 2_000_000, NOW.minusDays(3));
        Members.spend(chain, customer, order1, SpendSource.ORDER, 2_000_000, NOW.minusDays(3));
        as(chain.adminToken()).get(membership(customer)).then().statusCode(200)
                .body("tier.name", equalTo("普卡")).body("source", equalTo("COMPUTED"))
                .body("qualifyingSpend.amount", equalTo(2_000_000))
                .body("nextTier.name", equalTo("银卡")).body("nextTier.remaining.amount", equalTo(1_000_000))
                .body("benefits.discountPercent", equalTo(2.0f))
                .body("history", hasSize(1)).body("history[0].reason", equalTo("UPGRADE"))
                .body("history[0].sourceId", equalTo(order1.toString()))
                .body("memberSince", notNullValue()).body("memberYear.start", notNullValue());
        UUID order2 = UUID.randomUUID();
        Members.spend(chain, customer, order2, SpendSource.ORDER, 1_500_000, NOW.minusDays(1));
        as(chain.adminToken()).get(membership(customer)).then().body("tier.name", equalTo("银卡"))
                .body("history[0].reason", equalTo("UPGRADE")).body("history[0].fromTier.name", equalTo("普卡"));
        UUID refund = UUID.randomUUID();
        Members.spend(chain, customer, refund, SpendSource.REFUND, -1_000_000, NOW);
        as(chain.adminToken()).get(membership(customer)).then().body("tier.name", equalTo("普卡"))
                .body("qualifyingSpend.amount", equalTo(2_500_000))
                .body("history[0].reason", equalTo("REFUND")).body("history[0].sourceType", equalTo("REFUND"))
                .body("history[0].sourceId", equalTo(refund.toString()))
                .body("history", hasSize(3));
        as(chain.adminToken()).queryParam("entityId", customer.toString()).get("/api/v1/audit-events").then()
                .body("items.action", hasItem("membership.tier-changed"));
    }

    @Test
    void onARollingBasisARefundWaitsForTheReviewAndTheReviewMovesNobodyTwice() {
        Chain chain = Chains.create();
        Members.setProgram(chain, Members.program("ROLLING_12_MONTHS", "MONTHLY"));
        UUID stays = Members.customer(chain, "李娜");
        UUID drops = Members.customer(chain, "赵敏");
        Members.spend(chain, stays, UUID.randomUUID(), SpendSource.ORDER, 3_200_000, NOW.minusDays(40));
        Members.spend(chain, drops, UUID.randomUUID(), SpendSource.ORDER, 3_200_000, NOW.minusDays(40));
        Members.spend(chain, drops, UUID.randomUUID(), SpendSource.REFUND, -2_500_000, NOW.minusDays(2));
        as(chain.adminToken()).get(membership(drops)).then().body("tier.name", equalTo("银卡"))
                .body("qualifyingSpend.amount", equalTo(700_000));

        JsonPath review = Members.awaitJob(chain, as(chain.adminToken()).body(Map.of())
                .post("/api/v1/membership/reviews").then().statusCode(202).body("kind", equalTo("REVIEW"))
                .extract().path("id"));
        assertThat(review.getString("status")).isEqualTo("DONE");
        assertThat(review.getLong("movedDown")).isEqualTo(1);
        assertThat(review.getLong("movedUp")).isZero();
        assertThat(review.getLong("processed")).isEqualTo(2);
        as(chain.adminToken()).get(membership(drops)).then().body("tier", nullValue())
                .body("history[0].reason", equalTo("REVIEW")).body("history[0].sourceType", equalTo("JOB"))
                .body("history[0].sourceId", equalTo(review.getString("id")));
        as(chain.adminToken()).get(membership(stays)).then().body("tier.name", equalTo("银卡"));

        JsonPath again = Members.awaitJob(chain, as(chain.adminToken()).post("/api/v1/membership/reviews").then()
                .statusCode(202).extract().path("id"));
        assertThat(again.getLong("movedDown") + again.getLong("movedUp")).isZero();
        as(chain.adminToken()).get(membership(drops)).then().body("history", hasSize(2));

        as(chain.adminToken()).body(Map.of("asOf", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()))
                .post("/api/v1/membership/reviews").then().statusCode(400).body("errors.field", hasItem("asOf"));
    }

    @Test
    void anOverridePinsATierUntilItEndsThenTheComputedTierApplies() {
        Chain chain = Chains.create();
        JsonPath program = Members.setProgram(chain, Members.program("LIFETIME", "NEVER"));
        String gold = program.getString("tiers[2].id");
        UUID customer = Members.customer(chain, "陈静");
        Members.spend(chain, customer, UUID.randomUUID(), SpendSource.ORDER, 1_200_000, NOW.minusDays(1));
        String until = NOW.plusDays(30).withNano(0).toString();
        as(Chains.staffToken(chain, "manager")).body(Map.of("tierId", gold, "reason", "补偿", "until", until))
                .post(membership(customer) + "/override").then().statusCode(403);
        as(chain.adminToken()).body(Map.of("tierId", gold, "reason", "补偿", "until", NOW.minusDays(1).toString()))
                .post(membership(customer) + "/override").then().statusCode(400).body("errors.field", hasItem("until"));
        as(chain.adminToken()).body(Map.of("tierId", UUID.randomUUID(), "reason", "补偿", "until", until))
                .post(membership(customer) + "/override").then().statusCode(400)
                .body("errors.field", hasItem("tierId"));
        as(chain.adminToken()).body(Map.of("tierId", gold, "reason", "补偿", "until", until))
                .post(membership(customer) + "/override").then().statusCode(200)
                .body("tier.name", equalTo("金卡")).body("source", equalTo("OVERRIDE"))
                .body("computedTier.name", equalTo("普卡")).body("override.reason", equalTo("补偿"))
                .body("override.by", equalTo(chain.adminUserId()))
                .body("benefits.discountPercent", equalTo(8.0f))
                .body("history[0].reason", equalTo("OVERRIDE")).body("history[0].sourceType", equalTo("STAFF"));
        as(chain.adminToken()).delete(membership(customer) + "/override").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(chain.adminToken()).queryParam("reason", "到此为止").delete(membership(customer) + "/override").then()
                .statusCode(200).body("tier.name", equalTo("普卡")).body("source", equalTo("COMPUTED"))
                .body("override", nullValue())
                .body("history[0].reason", equalTo("OVERRIDE_ENDED")).body("history[0].note", equalTo("到此为止"))
                .body("history[0].toTier.name", equalTo("普卡"));
        as(chain.adminToken()).queryParam("reason", "again").delete(membership(customer) + "/override").then()
                .statusCode(409);
    }

    @Test
    void previewCountsWhoWouldMoveAndTheJobMovesExactlyThem() {
        Chain chain = Chains.create();
        JsonPath program = Members.setProgram(chain, Members.program("LIFETIME", "NEVER"));
        long[] spends = {500_000, 1_500_000, 2_500_000, 3_500_000, 6_000_000};
        List<UUID> customers = new ArrayList<>();
        for (long spend : spends) {
            UUID customer = Members.customer(chain, "客" + spend);
            Members.spend(chain, customer, UUID.randomUUID(), SpendSource.ORDER, spend, NOW.minusDays(5));
            customers.add(customer);
        }
        // Proposed: 普卡 from 20,000, 银卡 retired, 金卡 from 30,000, a new 钻石卡 from 55,000.
        Map<String, Object> basic = new HashMap<>(Members.tier("普卡", 2_000_000, 2));
        basic.put("id", program.getString("tiers[0].id"));
        Map<String, Object> gold = new HashMap<>(Members.tier("金卡", 3_000_000, 8));
        gold.put("id", program.getString("tiers[2].id"));
        Map<String, Object> proposed = Map.of("basis", "LIFETIME", "reviewRule", "NEVER",
                "tiers", List.of(basic, gold, Members.tier("钻石卡", 5_500_000, 10)));

        JsonPath preview = as(Chains.staffToken(chain, "manager")).queryParam("limit", 2).body(proposed)
                .post("/api/v1/membership/tiers/preview").then().statusCode(200).extract().jsonPath();
        // 5,000: none→none; 15,000: 普卡→none (down); 25,000: 普卡→普卡; 35,000: 银卡→金卡 (up); 60,000: 金卡→钻石卡 (up).
        assertThat(preview.getLong("customers")).isEqualTo(5);
        assertThat(preview.getLong("movingUp")).isEqualTo(2);
        assertThat(preview.getLong("movingDown")).isEqualTo(1);
        assertThat(preview.getLong("staying")).isEqualTo(2);
        assertThat(preview.getList("tiers.holders", Long.class)).containsExactly(1L, 1L, 1L, 2L);
        assertThat(preview.getList("tiers.name", String.class)).containsExactly("普卡", "金卡", "钻石卡", null);
        assertThat(preview.getString("tiers[2].tierId")).isNull();
        assertThat(preview.getList("movers")).hasSize(2);
        JsonPath rest = as(chain.adminToken()).queryParam("limit", 2)
                .queryParam("cursor", preview.getString("nextCursor")).body(proposed)
                .post("/api/v1/membership/tiers/preview").then().statusCode(200).extract().jsonPath();
        List<String> movers = new ArrayList<>(preview.getList("movers.customerId", String.class));
        movers.addAll(rest.getList("movers.customerId", String.class));
        assertThat(movers).containsExactlyInAnyOrder(customers.get(1).toString(), customers.get(3).toString(),
                customers.get(4).toString());
        assertThat(rest.getString("nextCursor")).isNull();
        // The preview changed nothing.
        as(chain.adminToken()).get(membership(customers.get(3))).then().body("tier.name", equalTo("银卡"));

        JsonPath applied = Members.setProgram(chain, proposed);
        JsonPath job = Members.awaitJob(chain, applied.getString("reevaluationJob.id"));
        assertThat(job.getString("status")).isEqualTo("DONE");
        assertThat(job.getLong("movedUp")).isEqualTo(2);
        assertThat(job.getLong("movedDown")).isEqualTo(1);
        assertThat(job.getLong("processed")).isEqualTo(5);
        assertThat(job.getLong("total")).isEqualTo(5);
        as(chain.adminToken()).get(membership(customers.get(3))).then().body("tier.name", equalTo("金卡"))
                .body("history[0].reason", equalTo("RULES_CHANGED"))
                .body("history[0].fromTier.name", equalTo("银卡"));
        as(chain.adminToken()).get(membership(customers.get(4))).then().body("tier.name", equalTo("钻石卡"));
        as(chain.adminToken()).get(membership(customers.get(1))).then().body("tier", nullValue());
        as(chain.adminToken()).queryParam("entityType", "membership-job").get("/api/v1/audit-events").then()
                .body("items.action", hasItem("membership-job.finished"));
    }

    private static void assertRefused(Chain chain, String etag, Map<String, Object> program, String field) {
        as(chain.adminToken()).header("If-Match", etag).body(program).put("/api/v1/membership/tiers").then()
                .statusCode(400).body("errors.field", hasItem(field));
        as(chain.adminToken()).body(program).post("/api/v1/membership/tiers/preview").then()
                .statusCode(400).body("errors.field", hasItem(field));
    }

    private static List<Map<String, Object>> keep(JsonPath program) {
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (Map<String, Object> tier : program.<Map<String, Object>>getList("tiers")) {
            tiers.add(new HashMap<>(tier));
        }
        return tiers;
    }

    private static String membership(UUID customer) {
        return "/api/v1/customers/" + customer + "/membership";
    }
}
