package app.meike.customer;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.meike.customer.CustomerApiTest.customer;
import static app.meike.customer.CustomerApiTest.mobile;
import static app.meike.customer.CustomerApiTest.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CustomerImportApiTest extends ApiTest {
    static final String HEADER = "name,phone,gender,birthDate,source,referrerPhone,tags,firstVisitDate,owner,notes,"
            + "marketingConsent\n";

    static JsonPath upload(String token, byte[] file) {
        return as(token).contentType("text/csv").queryParam("fileName", "老系统.csv").body(file)
                .post("/api/v1/customer-imports").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath upload(String token, String file) {
        return upload(token, file.getBytes(StandardCharsets.UTF_8));
    }

    static JsonPath commit(String token, String importId) {
        return as(token).post("/api/v1/customer-imports/" + importId + "/commit").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Every customer of the chain, page after page. */
    static List<Map<String, Object>> customers(Chain chain) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = "";
        while (cursor != null) {
            JsonPath page = as(chain.adminToken()).queryParam("limit", 200).queryParam("cursor", cursor)
                    .get("/api/v1/customers").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        }
        return all;
    }

    @Test
    void theReportNamesEveryBadRowAndTheCommitAppliesTheOthersWhole() {
        Chain chain = Chains.create();
        String mother = mobile();
        String daughter = mobile();
        String twin = mobile();
        String future = LocalDate.now().plusDays(3).toString();
        String csv = HEADER
                + "\"王, 丽\"," + daughter + ",女,1995/3/8,转介绍," + mother + ",VIP;敏感肌,2023-04-01,"
                + chain.slug() + ".admin,\"对利多卡因过敏\n请先皮试\",是\n"
                + "李娜," + mother + ",FEMALE,1968-11-02,WALK_IN,,,,,,no\n"
                + "坏号码,12345,,,,,,,,,\n"
                + "未来人," + mobile() + ",," + future + ",,,,,,,\n"
                + "来源怪," + mobile() + ",,,TV,,,,,,\n"
                + "无推荐," + mobile() + ",,,,13000000000,,,,,\n"
                + "双胞胎甲," + twin + ",,,,,,,,,\n"
                + "双胞胎乙," + twin + ",,,,,,,,,\n"
                + "没人," + mobile() + ",,,,,,,nobody,,\n"
                + ",,,,,,,,,,\n";
        // As Excel saves "CSV UTF-8": with a byte order mark.
        JsonPath report = upload(chain.adminToken(), "\uFEFF" + csv);
        assertThat(report.getString("status")).isEqualTo("VALIDATED");
        assertThat(report.getInt("totalRows")).isEqualTo(9);
        assertThat(report.getInt("newRows")).isEqualTo(3);
        assertThat(report.getInt("invalidRows")).isEqualTo(6);
        assertThat(report.getList("issues", Map.class)).extracting(i -> i.get("row") + " " + i.get("field"))
                .containsExactly("4 phone", "5 birthDate", "6 source", "7 referrerPhone", "9 phone", "10 owner");
        assertThat(report.getString("issues[4].message")).contains("row 8");
        assertThat(customers(chain)).isEmpty();

        JsonPath done = commit(chain.adminToken(), report.getString("id"));
        assertThat(done.getString("status")).isEqualTo("COMMITTED");
        assertThat(done.getInt("newRows")).isEqualTo(3);
        assertThat(done.getString("committedBy")).isEqualTo(chain.adminUserId());
        String daughterId = as(chain.adminToken()).queryParam("q", daughter).get("/api/v1/customers").then()
                .body("items[0].name", equalTo("王, 丽")).body("items[0].gender", equalTo("FEMALE"))
                .body("items[0].birthDate", equalTo("1995-03-08")).body("items[0].source", equalTo("REFERRAL"))
                .body("items[0].tags", equalTo(List.of("VIP", "敏感肌")))
                .body("items[0].notes", equalTo("对利多卡因过敏\n请先皮试"))
                .body("items[0].ownerStaffId", equalTo(chain.adminStaffId().toString()))
                .body("items[0].marketingConsent.granted", equalTo(true))
                .body("items[0].marketingConsent.channel", equalTo("CSV import"))
                .body("items[0].firstVisitAt", containsString("2023-0"))
                .body("items[0].status", equalTo("VISITED_NOT_CONVERTED"))
                .body("items[0].referrer.name", equalTo("李娜"))
                .extract().path("items[0].id");
        as(chain.adminToken()).queryParam("tag", "敏感肌").get("/api/v1/customers").then()
                .body("items.id", equalTo(List.of(daughterId)));
        as(chain.adminToken()).queryParam("entityType", "customer-import").get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("customer-import.committed", "customer-import.uploaded")))
                .body("items[0].changes.newRows", equalTo(3));
        as(chain.adminToken()).post("/api/v1/customer-imports/" + report.getString("id") + "/commit").then()
                .statusCode(409);
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        Chain chain = Chains.create();
        String csv = HEADER + "张三," + mobile() + ",男,1990-01-02,广告,,VIP,2024-02-03,,老客户,yes\n"
                + "李四," + mobile() + ",,,,,,,,,\n";
        commit(chain.adminToken(), upload(chain.adminToken(), csv).getString("id"));
        List<Object> versions = customers(chain).stream().map(c -> c.get("version")).toList();
        JsonPath again = upload(chain.adminToken(), csv);
        assertThat(again.getInt("unchangedRows")).isEqualTo(2);
        assertThat(again.getInt("newRows") + again.getInt("changedRows")).isZero();
        JsonPath done = commit(chain.adminToken(), again.getString("id"));
        assertThat(done.getInt("unchangedRows")).isEqualTo(2);
        assertThat(customers(chain).stream().map(c -> c.get("version")).toList()).isEqualTo(versions);
    }

    @Test
    void aKnownPhoneIsUpdatedByTheRuleAndTheChangeIsAudited() {
        Chain chain = Chains.create();
        String phone = mobile();
        Map<String, Object> body = customer("旧名字", phone);
        body.put("tags", List.of("老客"));
        body.put("gender", "FEMALE");
        String id = register(chain, body);
        String csv = "姓名,手机号,性别,标签,首次到店日期,会员卡号\n新名字," + phone + ",,VIP,2020-01-01,A001\n";
        JsonPath report = upload(chain.adminToken(), csv.getBytes(Charset.forName("GB18030")));
        assertThat(report.getInt("changedRows")).isEqualTo(1);
        assertThat(report.getList("ignoredColumns")).containsExactly("会员卡号");
        commit(chain.adminToken(), report.getString("id"));
        as(chain.adminToken()).get("/api/v1/customers/" + id).then().header("ETag", "\"1\"")
                .body("name", equalTo("新名字")).body("gender", equalTo("FEMALE"))
                .body("tags", equalTo(List.of("老客", "VIP"))).body("firstVisitAt", not(nullValue()));
        as(chain.adminToken()).queryParam("q", "xmz").get("/api/v1/customers").then()
                .body("items.id", equalTo(List.of(id)));
        as(chain.adminToken()).queryParam("entityId", id).get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("customer.updated"))
                .body("items[0].changes.importId", equalTo(report.getString("id")))
                .body("items[0].changes.name.to", equalTo("新名字"))
                .body("items[0].changes", not(org.hamcrest.Matchers.hasKey("gender")));
    }

    @Test
    void aFileIsCheckedAgainstTheChainAgainWhenCommitted() {
        Chain chain = Chains.create();
        String phone = mobile();
        JsonPath report = upload(chain.adminToken(), HEADER + "先导入," + phone + ",,,,,,,,,\n");
        assertThat(report.getInt("newRows")).isEqualTo(1);
        String id = register(chain, customer("先登记", phone));
        JsonPath done = commit(chain.adminToken(), report.getString("id"));
        assertThat(done.getInt("newRows")).isZero();
        assertThat(done.getInt("changedRows")).isEqualTo(1);
        as(chain.adminToken()).get("/api/v1/customers/" + id).then().body("name", equalTo("先导入"));
        assertThat(customers(chain)).hasSize(1);
    }

    @Test
    void referralsInsideTheFileAttachAndCyclesAreRefused() {
        Chain chain = Chains.create();
        String a = mobile();
        String b = mobile();
        String c = mobile();
        String d = mobile();
        String known = mobile();
        String f = mobile();
        register(chain, customer("戊", known));
        JsonPath report = upload(chain.adminToken(), "name,phone,referrerPhone\n"
                + "甲," + a + "," + b + "\n乙," + b + "," + a + "\n丙," + c + "," + d + "\n丁," + d + ",\n"
                + "戊," + known + "," + known + "\n己," + f + "," + known + "\n");
        assertThat(report.getInt("invalidRows")).isEqualTo(3);
        assertThat(report.getList("issues.field")).containsOnly("referrerPhone");
        commit(chain.adminToken(), report.getString("id"));
        as(chain.adminToken()).queryParam("q", c).get("/api/v1/customers").then()
                .body("items[0].referrer.name", equalTo("丁"));
        as(chain.adminToken()).queryParam("q", f).get("/api/v1/customers").then()
                .body("items[0].referrer.name", equalTo("戊"));
    }

    @Test
    void twoImportsOfTheSameNewCustomersCommittedAtOnceNeverHalfWrite() throws Exception {
        Chain chain = Chains.create();
        StringBuilder csv = new StringBuilder("name,phone\n");
        for (int i = 0; i < 300; i++) {
            csv.append("并发").append(i).append(',').append(mobile()).append('\n');
        }
        String first = upload(chain.adminToken(), csv.toString()).getString("id");
        String second = upload(chain.adminToken(), csv.toString()).getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String id : List.of(first, second)) {
                answers.add(pool.submit(() -> as(chain.adminToken())
                        .post("/api/v1/customer-imports/" + id + "/commit").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isIn(200, 409);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(customers(chain)).hasSize(300);
        for (String id : List.of(first, second)) {
            JsonPath job = as(chain.adminToken()).get("/api/v1/customer-imports/" + id).then().extract().jsonPath();
            if (job.getString("status").equals("COMMITTED")) {
                assertThat(job.getInt("newRows") + job.getInt("unchangedRows")).isEqualTo(300);
            }
        }
    }

    @Test
    void unreadableFilesAreRefusedNamingTheFile() {
        Chain chain = Chains.create();
        for (String bad : List.of("", "name,mobile\n张三,13800138000\n", "name,phone\n\"张三,13800138000\n",
                "name,phone,姓名\n")) {
            as(chain.adminToken()).contentType("text/csv").body(bad.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/customer-imports").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("file"));
        }
        as(chain.adminToken()).body("{}").post("/api/v1/customer-imports").then().statusCode(415);
        as(chain.adminToken()).get("/api/v1/customer-imports/not-an-id").then().statusCode(400)
                .body("errors.field", equalTo(List.of("importId")));
        as(chain.adminToken()).get("/api/v1/customer-imports/" + java.util.UUID.randomUUID()).then()
                .statusCode(404);
        as(chain.adminToken()).queryParam("entityType", "customer-import").get("/api/v1/audit-events").then()
                .body("items", org.hamcrest.Matchers.empty());
        assertThat(customers(chain)).isEmpty();
    }
}
