package app.meike.customer;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CustomerApiTest extends ApiTest {

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Map<String, Object> customer(String name, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("source", "WALK_IN");
        return body;
    }

    static String register(Chain chain, Map<String, Object> body) {
        return as(chain.adminToken()).body(body).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    @Test
    void frontDeskRegistersACustomerWithANormalisedPhone() {
        Chain chain = Chains.create();
        String phone = mobile();
        String messy = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + " " + phone.substring(7);
        Map<String, Object> body = customer("张三", messy);
        body.put("gender", "FEMALE");
        body.put("birthDate", "1990-05-20");
        body.put("tags", List.of("VIP", "敏感肌"));
        body.put("marketingConsent", Map.of("granted", true, "channel", "paper form"));
        String id = as(Chains.staffToken(chain, "front-desk")).body(body).post("/api/v1/customers")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("phone", equalTo(phone), "phoneMasked", equalTo(false))
                .body("status", equalTo("LEAD"), "marketingConsent.granted", equalTo(true))
                .body("marketingConsent.channel", equalTo("paper form"))
                .body("tags", equalTo(List.of("VIP", "敏感肌")), "referrer", nullValue())
                .extract().path("id");
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("customer.registered")))
                .body("items[0].changes.phone", not(containsString(phone)));
    }

    @Test
    void aPhoneBelongsToOneCustomerAndTheClashNamesHer() {
        Chain chain = Chains.create();
        String phone = mobile();
        register(chain, customer("李四", phone));
        as(chain.adminToken()).body(customer("李四二号", "0086" + phone)).post("/api/v1/customers")
                .then().statusCode(409).body("detail", containsString("李四"));
    }

    @Test
    void concurrentRegistrationsOfOnePhoneMakeOneCustomer() throws Exception {
        Chain chain = Chains.create();
        String phone = mobile();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "并发" + i;
                answers.add(pool.submit(() -> as(chain.adminToken()).body(customer(name, phone))
                        .post("/api/v1/customers").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badCustomersAreRefusedNamingTheField() {
        Chain chain = Chains.create();
        Map<String, Object> body = customer("", "12345");
        body.put("birthDate", LocalDate.now().plusDays(1).toString());
        as(chain.adminToken()).body(body).post("/api/v1/customers").then().statusCode(400)
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("birthDate"));
        as(chain.adminToken()).body(customer("王五", "12345")).post("/api/v1/customers").then().statusCode(400)
                .body("errors.field", equalTo(List.of("phone")));
        Map<String, Object> unknowns = customer("王五", mobile());
        unknowns.put("referrerId", java.util.UUID.randomUUID().toString());
        as(chain.adminToken()).body(unknowns).post("/api/v1/customers").then().statusCode(400)
                .body("errors.field", equalTo(List.of("referrerId")));
        unknowns.remove("referrerId");
        unknowns.put("ownerStaffId", java.util.UUID.randomUUID().toString());
        as(chain.adminToken()).body(unknowns).post("/api/v1/customers").then().statusCode(400)
                .body("errors.field", equalTo(List.of("ownerStaffId")));
        as(chain.adminToken()).get("/api/v1/customers").then().body("items.size()", equalTo(0));
    }

    @Test
    void theFrontDeskFindsCustomersByPinyinInitialsNameOrPhoneDigits() {
        Chain chain = Chains.create();
        String phone = mobile();
        String zhang = register(chain, customer("张三", phone));
        String lily = register(chain, customer("Lily 王", mobile()));
        register(chain, customer("赵六", mobile()));
        String desk = Chains.staffToken(chain, "front-desk");
        for (String q : List.of("zs", "ZS", "zhang", "zhangsan", "张", "张三")) {
            as(desk).queryParam("q", q).get("/api/v1/customers").then().statusCode(200)
                    .body("items.id", equalTo(List.of(zhang)));
        }
        as(desk).queryParam("q", "lw").get("/api/v1/customers").then().body("items.id", equalTo(List.of(lily)));
        as(desk).queryParam("q", phone.substring(5, 10)).get("/api/v1/customers")
                .then().body("items.id", equalTo(List.of(zhang)));
        as(desk).queryParam("q", "13").get("/api/v1/customers").then().statusCode(400)
                .body("errors.field", equalTo(List.of("q")));
        as(desk).queryParam("q", "%").get("/api/v1/customers").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void sortsByLastVisitAndFiltersItsRangeWithACursorOfItsOwn() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "排序店");
        OffsetDateTime now = OffsetDateTime.now();
        String never = register(chain, customer("从未到店", mobile()));
        List<String> visited = new ArrayList<>();
        for (int daysAgo : new int[] {30, 3, 90, 10}) {
            String id = register(chain, customer("到店" + daysAgo, mobile()));
            as(chain.adminToken()).body(Map.of("customerId", id, "clinicId", clinic, "purpose", "REVIEW",
                    "checkedInAt", now.minusDays(daysAgo).toString())).post("/api/v1/visits").then().statusCode(201);
            visited.add(id);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(chain.adminToken()).queryParam("sort", "RECENTLY_VISITED").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/customers").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly(visited.get(1), visited.get(3), visited.get(0), visited.get(2));
        as(chain.adminToken()).queryParam("sort", "LONGEST_AWAY").get("/api/v1/customers").then()
                .body("items.id", equalTo(List.of(visited.get(2), visited.get(0), visited.get(3), visited.get(1))));
        as(chain.adminToken()).queryParam("sort", "RECENTLY_REGISTERED").queryParam("limit", 1)
                .get("/api/v1/customers").then().body("items.id", equalTo(List.of(visited.get(3))));
        as(chain.adminToken()).queryParam("lastVisitFrom", now.minusDays(40).toString())
                .queryParam("lastVisitTo", now.minusDays(5).toString()).get("/api/v1/customers").then()
                .body("items.id", equalTo(List.of(visited.get(0), visited.get(3))));
        as(chain.adminToken()).get("/api/v1/customers").then().body("items.id", hasItem(never));

        String idCursor = as(chain.adminToken()).queryParam("limit", 1).get("/api/v1/customers").then()
                .extract().path("nextCursor");
        as(chain.adminToken()).queryParam("sort", "RECENTLY_VISITED").queryParam("cursor", idCursor)
                .get("/api/v1/customers").then().statusCode(400).body("errors.field", hasItem("cursor"));
        as(chain.adminToken()).queryParam("sort", "ALPHABETICAL").get("/api/v1/customers").then().statusCode(400)
                .body("errors.field", hasItem("sort"));
        as(chain.adminToken()).queryParam("lastVisitFrom", now.toString()).queryParam("lastVisitTo",
                now.minusDays(1).toString()).get("/api/v1/customers").then().statusCode(400)
                .body("errors.field", hasItem("lastVisitTo"));
    }

    @Test
    void filtersByTagSourceBirthdayAndStatus() {
        Chain chain = Chains.create();
        Map<String, Object> vip = customer("孙七", mobile());
        vip.put("tags", List.of("VIP"));
        vip.put("birthDate", "1988-11-02");
        vip.put("source", "REFERRAL");
        String vipId = register(chain, vip);
        register(chain, customer("周八", mobile()));
        as(chain.adminToken()).queryParam("tag", "VIP").get("/api/v1/customers")
                .then().body("items.id", equalTo(List.of(vipId)));
        as(chain.adminToken()).queryParam("source", "REFERRAL").get("/api/v1/customers")
                .then().body("items.id", equalTo(List.of(vipId)));
        as(chain.adminToken()).queryParam("birthdayMonth", 11).get("/api/v1/customers")
                .then().body("items.id", equalTo(List.of(vipId)));
        as(chain.adminToken()).queryParam("status", "LEAD").get("/api/v1/customers")
                .then().body("items.size()", equalTo(2));
        as(chain.adminToken()).queryParam("status", "ACTIVE").get("/api/v1/customers")
                .then().body("items.size()", equalTo(0));
        as(chain.adminToken()).queryParam("birthdayMonth", 13).get("/api/v1/customers").then().statusCode(400);
        as(chain.adminToken()).queryParam("status", "VIP").get("/api/v1/customers").then().statusCode(400);
    }

    @Test
    void cliniciansSeeMaskedPhones() {
        Chain chain = Chains.create();
        String phone = mobile();
        String id = register(chain, customer("吴九", phone));
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        as(Chains.staffToken(chain, "clinician")).get("/api/v1/customers/" + id).then().statusCode(200)
                .body("phone", equalTo(masked), "phoneMasked", equalTo(true));
        as(Chains.staffToken(chain, "clinician")).get("/api/v1/customers").then()
                .body("items[0].phone", equalTo(masked));
        as(Chains.staffToken(chain, "consultant")).get("/api/v1/customers/" + id).then()
                .body("phone", equalTo(phone));
    }

    @Test
    void aReferrerIsAttachedOnceAndNeverMakesACycle() {
        Chain chain = Chains.create();
        String grandma = register(chain, customer("郑一", mobile()));
        Map<String, Object> child = customer("郑二", mobile());
        child.put("referrerId", grandma);
        String mother = register(chain, child);
        String daughter = register(chain, customer("郑三", mobile()));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("referrerId", mother))
                .patch("/api/v1/customers/" + daughter).then().statusCode(200)
                .body("referrer.customerId", equalTo(mother)).body("referrer.name", equalTo("郑二"))
                .body("referrer.attachedBy", equalTo(chain.adminUserId()));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("referrerId", daughter))
                .patch("/api/v1/customers/" + grandma).then().statusCode(400)
                .body("errors.field", equalTo(List.of("referrerId")));
        as(chain.adminToken()).header("If-Match", "\"1\"").body(Map.of("referrerId", grandma))
                .patch("/api/v1/customers/" + daughter).then().statusCode(409);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("referrerId", grandma))
                .patch("/api/v1/customers/" + grandma).then().statusCode(400);
    }

    @Test
    void twoCustomersNamingEachOtherAtOnceNeverCloseACycle() throws Exception {
        Chain chain = Chains.create();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String first = register(chain, customer("卫甲" + round, mobile()));
                String second = register(chain, customer("卫乙" + round, mobile()));
                Future<Integer> one = pool.submit(() -> as(chain.adminToken()).header("If-Match", "\"0\"")
                        .body(Map.of("referrerId", second)).patch("/api/v1/customers/" + first).statusCode());
                Future<Integer> other = pool.submit(() -> as(chain.adminToken()).header("If-Match", "\"0\"")
                        .body(Map.of("referrerId", first)).patch("/api/v1/customers/" + second).statusCode());
                assertThat(List.of(one.get(), other.get())).containsExactlyInAnyOrder(200, 400);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void editsKeepHistoryWithoutCopyingSensitiveNotes() {
        Chain chain = Chains.create();
        Map<String, Object> body = customer("冯十", mobile());
        body.put("occupation", "教师");
        String id = register(chain, body);
        as(chain.adminToken()).header("If-Match", "\"0\"")
                .body("{\"occupation\": null, \"notes\": \"对利多卡因过敏\", \"name\": \"冯拾\"}")
                .patch("/api/v1/customers/" + id).then().statusCode(200)
                .body("occupation", nullValue()).body("notes", equalTo("对利多卡因过敏"));
        as(chain.adminToken()).queryParam("q", "fs").get("/api/v1/customers")
                .then().body("items.id", equalTo(List.of(id)));
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("customer.updated"))
                .body("items[0].changes.occupation.from", equalTo("教师"))
                .body("items[0].changes.notes.to", not(containsString("利多卡因")));
    }
}
