package app.meike.customer;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.meike.customer.CustomerApiTest.customer;
import static app.meike.customer.CustomerApiTest.mobile;
import static app.meike.customer.CustomerApiTest.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Merging duplicates, erasure on request, and the audit of unmasked list reads. */
@QuarkusTest
class CustomerRecordApiTest extends ApiTest {

    static void merge(Chain chain, String survivor, String duplicate, int expected) {
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(expected);
    }

    @Test
    void aMergedDuplicateLeavesATombstoneAndItsHistoryWithTheSurvivor() {
        Chain chain = Chains.create();
        Map<String, Object> kept = customer("王丽", mobile());
        kept.put("tags", List.of("VIP"));
        kept.put("notes", "喜欢下午预约");
        String survivor = register(chain, kept);
        String duplicatePhone = mobile();
        Map<String, Object> dup = customer("王莉", duplicatePhone);
        dup.put("tags", List.of("敏感肌", "VIP"));
        dup.put("birthDate", "1990-05-20");
        dup.put("notes", "对利多卡因过敏");
        dup.put("gender", "FEMALE");
        String duplicate = register(chain, dup);
        Map<String, Object> friend = customer("朋友", mobile());
        friend.put("referrerId", duplicate);
        String referred = register(chain, friend);

        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("王丽")).body("birthDate", equalTo("1990-05-20"))
                .body("gender", equalTo("FEMALE")).body("tags", equalTo(List.of("VIP", "敏感肌")))
                .body("notes", equalTo("喜欢下午预约\n对利多卡因过敏")).body("mergedInto", nullValue());
        assertThat(CustomerEvents.MERGED).contains(new CustomerMerged(UUID.fromString(duplicate),
                UUID.fromString(survivor)));
        as(chain.adminToken()).get("/api/v1/customers/" + referred).then()
                .body("referrer.customerId", equalTo(survivor)).header("ETag", "\"1\"");
        as(chain.adminToken()).get("/api/v1/customers/" + duplicate).then().statusCode(200)
                .body("mergedInto", equalTo(survivor)).body("name", equalTo("王莉"))
                .body("phone", startsWith("x"));
        as(chain.adminToken()).get("/api/v1/customers").then().body("items.id", not(org.hamcrest.Matchers.hasItem(
                duplicate)));
        as(chain.adminToken()).queryParam("q", duplicatePhone).get("/api/v1/customers").then()
                .body("items", empty());
        as(chain.adminToken()).header("If-Match", "\"1\"").body(Map.of("name", "复活"))
                .patch("/api/v1/customers/" + duplicate).then().statusCode(409)
                .body("detail", containsString(survivor));
        register(chain, customer("号码的新主人", duplicatePhone));
        as(chain.adminToken()).queryParam("entityId", survivor).get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("customer.merged"))
                .body("items[0].changes.duplicateId", equalTo(duplicate))
                .body("items[0].changes.referralsMoved", equalTo(1))
                .body("items[0].changes.filled.notes.to", not(containsString("利多卡因")));
        as(chain.adminToken()).queryParam("entityId", duplicate).get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("customer.merged-into"));
    }

    @Test
    void theMergedPersonTakesTheDuplicatesPlaceSoNoReferralCycleArises() {
        Chain chain = Chains.create();
        String grandma = register(chain, customer("祖母", mobile()));
        Map<String, Object> dup = customer("重复", mobile());
        dup.put("referrerId", grandma);
        String duplicate = register(chain, dup);
        Map<String, Object> middle = customer("中间", mobile());
        middle.put("referrerId", duplicate);
        String between = register(chain, middle);
        Map<String, Object> kept = customer("本人", mobile());
        kept.put("referrerId", between);
        String survivor = register(chain, kept);

        merge(chain, survivor, duplicate, 200);
        as(chain.adminToken()).get("/api/v1/customers/" + survivor).then()
                .body("referrer.customerId", equalTo(grandma));
        as(chain.adminToken()).get("/api/v1/customers/" + between).then()
                .body("referrer.customerId", equalTo(survivor));
    }

    @Test
    void mergesAreRefusedWhenTheyCannotBeDone() {
        Chain chain = Chains.create();
        String one = register(chain, customer("一", mobile()));
        String two = register(chain, customer("二", mobile()));
        String three = register(chain, customer("三", mobile()));
        merge(chain, one, one, 400);
        as(chain.adminToken()).body(Map.of("duplicateId", two)).post("/api/v1/customers/" + one + "/merge")
                .then().statusCode(428);
        as(chain.adminToken()).header("If-Match", "\"7\"").body(Map.of("duplicateId", two))
                .post("/api/v1/customers/" + one + "/merge").then().statusCode(412);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of()).post("/api/v1/customers/" + one
                + "/merge").then().statusCode(400).body("errors.field", equalTo(List.of("duplicateId")));
        merge(chain, UUID.randomUUID().toString(), two, 404);
        as(Chains.staffToken(chain, "manager")).header("If-Match", "\"0\"").body(Map.of("duplicateId", two))
                .post("/api/v1/customers/" + one + "/merge").then().statusCode(403);
        merge(chain, one, two, 200);
        merge(chain, three, two, 409);
        as(chain.adminToken()).get("/api/v1/customers/" + three).then().header("ETag", "\"0\"");
    }

    @Test
    void twoMergesOfTheSamePairAtOnceLeaveOneTombstone() throws Exception {
        Chain chain = Chains.create();
        String one = register(chain, customer("甲", mobile()));
        String two = register(chain, customer("乙", mobile()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (List<String> pair : List.of(List.of(one, two), List.of(two, one))) {
                answers.add(pool.submit(() -> as(chain.adminToken()).header("If-Match", "\"0\"")
                        .body(Map.of("duplicateId", pair.get(1))).post("/api/v1/customers/" + pair.get(0) + "/merge")
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        List<Object> merged = new ArrayList<>();
        for (String id : List.of(one, two)) {
            merged.add(as(chain.adminToken()).get("/api/v1/customers/" + id).then().extract().path("mergedInto"));
        }
        assertThat(merged).filteredOn(java.util.Objects::isNull).hasSize(1);
        assertThat(merged).filteredOn(java.util.Objects::nonNull).hasSize(1);
    }

    @Test
    void erasureAnonymisesThePersonAndKeepsTheRecord() {
        Chain chain = Chains.create();
        String referrer = register(chain, customer("介绍人", mobile()));
        String phone = mobile();
        Map<String, Object> body = customer("赵敏", phone);
        body.put("birthDate", "1992-07-07");
        body.put("occupation", "律师");
        body.put("address", "上海市静安区");
        body.put("notes", "玻尿酸过敏");
        body.put("tags", List.of("VIP"));
        body.put("source", "REFERRAL");
        body.put("referrerId", referrer);
        body.put("marketingConsent", Map.of("granted", true, "channel", "微信"));
        String id = register(chain, body);
        String tombstone = register(chain, customer("赵敏旧档", mobile()));
        merge(chain, id, tombstone, 200);

        String erasedName = as(chain.adminToken()).post("/api/v1/customers/" + id + "/erase").then()
                .statusCode(200).header("ETag", "\"2\"")
                .body("name", startsWith("已删除客户 #")).body("phone", startsWith("x"))
                .body("birthDate", nullValue()).body("occupation", nullValue()).body("address", nullValue())
                .body("notes", nullValue()).body("tags", empty()).body("marketingConsent.granted", equalTo(false))
                .body("marketingConsent.channel", nullValue()).body("source", equalTo("REFERRAL"))
                .body("referrer.customerId", equalTo(referrer)).body("erasedAt", notNullValue())
                .extract().path("name");
        assertThat(erasedName).endsWith(id.substring(id.length() - 8));
        assertThat(CustomerEvents.ERASED).contains(new CustomerErased(UUID.fromString(id)),
                new CustomerErased(UUID.fromString(tombstone)));
        as(chain.adminToken()).get("/api/v1/customers/" + tombstone).then().body("name", startsWith("已删除客户 #"))
                .body("mergedInto", equalTo(id)).body("erasedAt", notNullValue());
        for (String q : List.of(phone, "zm", "赵")) {
            as(chain.adminToken()).queryParam("q", q).get("/api/v1/customers").then().body("items", empty());
        }
        as(chain.adminToken()).queryParam("tag", "VIP").get("/api/v1/customers").then().body("items", empty());
        as(chain.adminToken()).queryParam("birthdayMonth", 7).get("/api/v1/customers").then()
                .body("items", empty());
        as(chain.adminToken()).post("/api/v1/customers/" + id + "/erase").then().statusCode(200)
                .header("ETag", "\"2\"");
        as(chain.adminToken()).header("If-Match", "\"2\"").body(Map.of("name", "赵敏"))
                .patch("/api/v1/customers/" + id).then().statusCode(409);
        merge(chain, referrer, id, 409);
        register(chain, customer("新的赵敏", phone));
        String audit = as(chain.adminToken()).queryParam("entityId", id).queryParam("entityType", "customer")
                .get("/api/v1/audit-events").then().body("items[0].action", equalTo("customer.erased"))
                .body("items.action", equalTo(List.of("customer.erased", "customer.merged", "customer.registered")))
                .extract().path("items[0]").toString();
        assertThat(audit).doesNotContain("赵敏", phone, "玻尿酸", "律师");
        as(Chains.staffToken(chain, "front-desk")).post("/api/v1/customers/" + referrer + "/erase").then()
                .statusCode(403);
        as(chain.adminToken()).post("/api/v1/customers/" + UUID.randomUUID() + "/erase").then().statusCode(404);
    }

    @Test
    void listsShowingFullPhonesAreAuditedOncePerRequest() {
        Chain chain = Chains.create();
        register(chain, customer("审计", mobile()));
        as(chain.adminToken()).queryParam("tag", "VIP").queryParam("q", "13912345678").get("/api/v1/customers")
                .then().statusCode(200);
        as(chain.adminToken()).get("/api/v1/customers").then().statusCode(200);
        as(Chains.staffToken(chain, "clinician")).get("/api/v1/customers").then().statusCode(200);
        as(chain.adminToken()).queryParam("entityType", "customer-list").get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("customer.list-read", "customer.list-read")))
                .body("items[0].changes.rows", equalTo(1))
                .body("items[0].actorId", equalTo(chain.adminUserId()))
                .body("items[1].changes.filter.tag", equalTo("VIP"))
                .body("items[1].changes.filter.q", equalTo("139****5678"))
                .body("items[1].changes.rows", equalTo(0));
    }
}
