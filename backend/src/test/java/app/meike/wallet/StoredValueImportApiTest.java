package app.meike.wallet;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Opening balances imported from another system: row reports, commits through the ledger, idempotency. */
@QuarkusTest
class StoredValueImportApiTest extends ApiTest {
    static final String IMPORTS = "/api/v1/stored-value/imports";
    static final String HEADER = "phone,principal,bonus,expiresOn,externalReference,clinic\n";

    static Chain chain;
    static UUID north;
    static String northCode;
    static UUID south;

    @BeforeEach
    void aChainWithClinics() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        northCode = Chains.unique("N");
        north = UUID.fromString(as(chain.adminToken()).body(Map.of("code", northCode, "name", "北店"))
                .post("/api/v1/clinics").then().statusCode(201).extract().path("id"));
        south = Chains.clinic(chain, "南店");
    }

    static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A customer of the chain with this phone; answers her id. */
    static String customer(Chain of, String name, String phone) {
        return as(of.adminToken()).body(Map.of("name", name, "phone", phone, "source", "WALK_IN"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static JsonPath upload(String token, String csv, UUID defaultClinic) {
        return as(token).contentType("text/csv").queryParam("fileName", "老系统储值.csv")
                .queryParam("clinicId", defaultClinic == null ? "" : defaultClinic.toString())
                .body(csv.getBytes(StandardCharsets.UTF_8)).post(IMPORTS).then().statusCode(201).extract().jsonPath();
    }

    static JsonPath commit(String importId, String key) {
        return as(chain.adminToken()).header("Idempotency-Key", key).post(IMPORTS + "/" + importId + "/commit")
                .then().statusCode(200).extract().jsonPath();
    }

    static String accountOf(String customerId) {
        return as(chain.adminToken()).queryParam("customerId", customerId).get("/api/v1/stored-value/accounts")
                .then().statusCode(200).extract().path("items[0].id");
    }

    static List<String> codes(JsonPath report, int index) {
        return report.getList("rows[" + index + "].issues.code");
    }

    @Test
    void committingBringsEachRowInAsALotWithOneOpeningEntryAndNoSpendOrPoints() {
        String wang = phone();
        String li = phone();
        String wangId = customer(chain, "王丽", wang);
        String liId = customer(chain, "李娜", li);
        LocalDate lastDay = LocalDate.now().plusYears(1);
        String csv = HEADER
                + wang + ",5000.00,5000.00," + lastDay + ",VIP-0001," + northCode + "\n"
                + wang + ",300,100,,VIP-0002,\n"
                + "\"" + li + "\",\"1,200.5\",,,,\n";
        JsonPath report = upload(chain.adminToken(), csv, south);
        assertThat(report.getString("status")).isEqualTo("VALIDATED");
        assertThat(report.getInt("okRows")).isEqualTo(3);
        assertThat(report.getLong("principal.amount")).isEqualTo(500_000 + 30_000 + 120_050);
        assertThat(report.getLong("bonus.amount")).isEqualTo(500_000 + 10_000);
        assertThat(report.getList("rows.status")).containsExactly("OK", "OK", "OK");
        assertThat(report.getList("rows.row")).containsExactly(2, 3, 4);
        assertThat(report.getString("rows[0].phone")).isEqualTo(wang.substring(0, 3) + "****" + wang.substring(7));
        assertThat(report.getString("rows[0].customerId")).isEqualTo(wangId);
        assertThat(report.getString("rows[0].clinicId")).isEqualTo(north.toString());
        assertThat(report.getString("rows[1].clinicId")).isEqualTo(south.toString());
        assertThat(report.getString("rows[0].expiresOn")).isEqualTo(lastDay.toString());
        assertThat(report.getLong("rows[2].bonus.amount")).isZero();
        // Nothing moved yet.
        as(chain.adminToken()).queryParam("customerId", wangId).get("/api/v1/stored-value/accounts").then()
                .body("items", empty());

        String key = UUID.randomUUID().toString();
        JsonPath done = commit(report.getString("id"), key);
        assertThat(done.getString("status")).isEqualTo("COMMITTED");
        assertThat(done.getString("committedBy")).isEqualTo(chain.adminUserId());
        assertThat(done.getInt("okRows")).isEqualTo(3);
        assertThat(done.getList("rows.lotId")).doesNotContainNull();

        JsonPath account = Wallets.account(chain, accountOf(wangId));
        assertThat(account.getLong("principal.amount")).isEqualTo(530_000);
        assertThat(account.getLong("bonus.amount")).isEqualTo(510_000);
        assertThat(account.getLong("balance.amount")).isEqualTo(1_040_000);
        assertThat(account.getList("lots.source")).containsExactly("OPENING", "OPENING");
        assertThat(account.getString("lots[0].id")).isEqualTo(done.getString("rows[0].lotId"));
        assertThat(account.getString("lots[0].soldAtClinicId")).isEqualTo(north.toString());
        assertThat(account.getBoolean("lots[0].allClinics")).isTrue();
        assertThat(OffsetDateTime.parse(account.getString("lots[0].expiresAt")).toInstant())
                .isEqualTo(lastDay.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(account.getString("lots[1].soldAtClinicId")).isEqualTo(south.toString());
        assertThat(account.getString("lots[1].expiresAt")).isNull();
        JsonPath entries = as(chain.adminToken()).get("/api/v1/stored-value/accounts/" + accountOf(wangId)
                + "/entries").then().statusCode(200).extract().jsonPath();
        assertThat(entries.getList("items.kind")).containsExactly("OPENING", "OPENING");
        assertThat(entries.getList("items.reference")).containsExactly("VIP-0002", "VIP-0001");
        assertThat(entries.getLong("items[0].balanceAfter.amount")).isEqualTo(1_040_000);
        assertThat(entries.getString("items[1].clinicId")).isEqualTo(north.toString());
        assertThat(Wallets.account(chain, accountOf(liId)).getLong("principal.amount")).isEqualTo(120_050);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
        // Value bought in the old system is neither qualifying spend nor points.
        as(chain.adminToken()).get("/api/v1/customers/" + wangId + "/membership").then()
                .body("qualifyingSpend.amount", equalTo(0));
        as(chain.adminToken()).get("/api/v1/points/accounts/" + wangId).then().body("balance", equalTo(0));
        as(chain.adminToken()).queryParam("entityType", "stored-value-import")
                .queryParam("entityId", report.getString("id")).get("/api/v1/audit-events").then()
                .body("items.action", equalTo(List.of("stored-value-import.committed",
                        "stored-value-import.uploaded")))
                .body("items[0].changes.okRows", equalTo(3));
        as(chain.adminToken()).queryParam("entityId", accountOf(liId)).get("/api/v1/audit-events").then()
                .body("items[0].action", equalTo("stored-value.opening-imported"))
                .body("items[0].changes.principal", equalTo(120_050));

        // The same key answers the same report; another key is refused, and nothing moves twice.
        JsonPath replay = commit(report.getString("id"), key);
        assertThat(replay.getMap("")).isEqualTo(done.getMap(""));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(IMPORTS + "/" + report.getString("id") + "/commit").then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(Wallets.account(chain, accountOf(wangId)).getLong("balance.amount")).isEqualTo(1_040_000);

        // The same file again: every row was imported before, so its commit brings nothing in.
        JsonPath again = upload(chain.adminToken(), csv, north);
        assertThat(again.getList("rows.status")).containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE");
        assertThat(codes(again, 0)).containsExactly("ALREADY_IMPORTED");
        assertThat(codes(again, 2)).containsExactly("ALREADY_IMPORTED");
        assertThat(again.getInt("okRows")).isZero();
        assertThat(again.getLong("principal.amount")).isZero();
        JsonPath nothing = commit(again.getString("id"), UUID.randomUUID().toString());
        assertThat(nothing.getInt("duplicateRows")).isEqualTo(3);
        assertThat(Wallets.account(chain, accountOf(wangId)).getLong("balance.amount")).isEqualTo(1_040_000);
        as(chain.adminToken()).get("/api/v1/stored-value/accounts/" + accountOf(wangId) + "/entries").then()
                .body("items.size()", equalTo(2));
        as(chain.adminToken()).get(IMPORTS).then().statusCode(200)
                .body("items[0].id", equalTo(again.getString("id")))
                .body("items[1].id", equalTo(report.getString("id")))
                .body("items[1].okRows", equalTo(3));
    }

    @Test
    void everyBadRowIsNamedWithItsCodeAndOnlyTheGoodOnesCountAsOk() {
        String known = phone();
        String frozen = phone();
        customer(chain, "好客户", known);
        String frozenId = customer(chain, "冻结客户", frozen);
        Wallets.topUp(chain, frozenId, Wallets.plan(chain, 10_000, 10_000, null), north, 10_000);
        as(chain.adminToken()).body(Map.of("reason", "客户报失")).post("/api/v1/stored-value/accounts/"
                + accountOf(frozenId) + "/freeze").then().statusCode(200);
        String yesterday = LocalDate.now().minusDays(2).toString();
        String csv = HEADER
                + known + ",100,0,,A-1,\n"                     // 2 ok
                + phone() + ",100,0,,,\n"                      // 3 unknown phone
                + "12345,100,0,,,\n"                           // 4 bad phone
                + known + ",-5,0,,,\n"                         // 5 negative
                + known + ",1.005,0,,,\n"                      // 6 three decimals
                + known + ",0,0,,,\n"                          // 7 both zero
                + known + ",100,0," + yesterday + ",,\n"       // 8 expired
                + known + ",100,0,3000-01-01,,\n"              // 9 year 3000
                + known + ",100,0,,,NOPE\n"                    // 10 unknown clinic
                + known + ",100,0,,A-1,\n"                     // 11 repeats row 2
                + frozen + ",100,0,,,\n"                       // 12 frozen account
                + known + ",abc,0,2026-02-30,,\n"              // 13 not an amount, not a date
                + ",,,,,\n";                                   // 14 empty: not a row
        JsonPath report = upload(chain.adminToken(), csv, north);
        assertThat(report.getInt("totalRows")).isEqualTo(12);
        assertThat(report.getInt("okRows")).isEqualTo(1);
        assertThat(report.getInt("duplicateRows")).isEqualTo(1);
        assertThat(report.getInt("errorRows")).isEqualTo(10);
        assertThat(report.getList("rows.status")).containsExactly("OK", "ERROR", "ERROR", "ERROR", "ERROR", "ERROR",
                "ERROR", "ERROR", "ERROR", "DUPLICATE", "ERROR", "ERROR");
        assertThat(codes(report, 1)).containsExactly("UNKNOWN_PHONE");
        assertThat(codes(report, 2)).containsExactly("BAD_PHONE");
        assertThat(codes(report, 3)).containsExactly("NEGATIVE_AMOUNT");
        assertThat(codes(report, 4)).containsExactly("TOO_MANY_DECIMALS");
        assertThat(codes(report, 5)).containsExactly("ZERO_AMOUNTS");
        assertThat(codes(report, 6)).containsExactly("EXPIRY_PAST");
        assertThat(codes(report, 7)).containsExactly("EXPIRY_TOO_FAR");
        assertThat(codes(report, 8)).containsExactly("UNKNOWN_CLINIC");
        assertThat(codes(report, 9)).containsExactly("DUPLICATE_ROW");
        assertThat(report.getString("rows[9].issues[0].message")).contains("row 2");
        assertThat(report.getString("rows[9].issues[0].field")).isEqualTo("externalReference");
        assertThat(codes(report, 10)).containsExactly("ACCOUNT_FROZEN");
        assertThat(codes(report, 11)).containsExactly("BAD_AMOUNT", "BAD_DATE");
        assertThat(report.getList("rows[11].issues.field")).containsExactly("principal", "expiresOn");
        // The report reads back as it was written.
        assertThat(as(chain.adminToken()).get(IMPORTS + "/" + report.getString("id")).then().statusCode(200)
                .extract().jsonPath().getList("rows")).isEqualTo(report.getList("rows"));

        JsonPath noDefault = upload(chain.adminToken(), HEADER + known + ",100,0,,,\n", null);
        assertThat(codes(noDefault, 0)).containsExactly("CLINIC_REQUIRED");
        assertThat(noDefault.getString("defaultClinicId")).isNull();
    }

    @Test
    void aCustomerErasedOrMergedAfterTheUploadIsSkippedAtCommitAndTheRestComeInWhole() {
        String erased = phone();
        String merged = phone();
        String kept = phone();
        String erasedId = customer(chain, "将删除", erased);
        String mergedId = customer(chain, "将合并", merged);
        String survivorId = customer(chain, "保留", phone());
        String keptId = customer(chain, "留下", kept);
        JsonPath report = upload(chain.adminToken(), HEADER + erased + ",100,50,,,\n" + merged + ",200,0,,,\n"
                + kept + ",300,0,,,\n", north);
        assertThat(report.getInt("okRows")).isEqualTo(3);
        as(chain.adminToken()).post("/api/v1/customers/" + erasedId + "/erase").then().statusCode(200);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", mergedId))
                .post("/api/v1/customers/" + survivorId + "/merge").then().statusCode(200);

        JsonPath done = commit(report.getString("id"), UUID.randomUUID().toString());
        assertThat(done.getList("rows.status")).containsExactly("ERROR", "ERROR", "OK");
        assertThat(codes(done, 0)).containsExactly("CUSTOMER_ERASED");
        assertThat(codes(done, 1)).containsExactly("CUSTOMER_MERGED");
        assertThat(done.getString("rows[1].issues[0].message")).contains(survivorId);
        assertThat(done.getInt("okRows")).isEqualTo(1);
        assertThat(done.getLong("principal.amount")).isEqualTo(30_000);
        assertThat(done.getString("rows[0].lotId")).isNull();
        for (String nobody : List.of(erasedId, mergedId, survivorId)) {
            as(chain.adminToken()).queryParam("customerId", nobody).get("/api/v1/stored-value/accounts").then()
                    .body("items", empty());
        }
        assertThat(Wallets.account(chain, accountOf(keptId)).getLong("principal.amount")).isEqualTo(30_000);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void onlyTenantAdminsBringMoneyInManagersReadAndOtherChainsSeeNothing() {
        String phone = phone();
        customer(chain, "权限", phone);
        String csv = HEADER + phone + ",100,0,,R-1,\n";
        String manager = Chains.staffToken(chain, "manager");
        as(manager).contentType("text/csv").body(csv).post(IMPORTS).then().statusCode(403)
                .contentType("application/problem+json");
        String id = upload(chain.adminToken(), csv, north).getString("id");
        as(manager).get(IMPORTS + "/" + id).then().statusCode(200).body("okRows", equalTo(1));
        as(manager).get(IMPORTS).then().statusCode(200);
        as(manager).header("Idempotency-Key", UUID.randomUUID().toString()).post(IMPORTS + "/" + id + "/commit")
                .then().statusCode(403);
        as(Chains.staffToken(chain, "front-desk")).get(IMPORTS + "/" + id).then().statusCode(403);

        Chain other = Chains.create();
        as(other.adminToken()).get(IMPORTS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as(other.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post(IMPORTS + "/" + id + "/commit").then().statusCode(404);
        as(other.adminToken()).get(IMPORTS).then().statusCode(200).body("items", empty());
        // Her phone is nobody in the other chain.
        JsonPath theirs = upload(other.adminToken(), csv, Chains.clinic(other, "别家"));
        assertThat(codes(theirs, 0)).containsExactly("UNKNOWN_PHONE");
        assertThat(commit(id, UUID.randomUUID().toString()).getInt("okRows")).isEqualTo(1);
    }

    @Test
    void aFileItCannotReadIsA400AndNothingIsStored() {
        for (String bad : List.of("", "name,amount\n张三,100\n", "phone,principal,phone\n1,2,3\n")) {
            as(chain.adminToken()).contentType("text/csv").body(bad.getBytes(StandardCharsets.UTF_8)).post(IMPORTS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("file"));
        }
        as(chain.adminToken()).contentType("text/csv").body("phone,principal\n").post(IMPORTS).then()
                .statusCode(201).body("totalRows", equalTo(0));
        as(chain.adminToken()).contentType("text/csv").queryParam("clinicId", UUID.randomUUID().toString())
                .body(HEADER).post(IMPORTS).then().statusCode(400).body("errors[0].field", equalTo("clinicId"));
        as(chain.adminToken()).body("{}").post(IMPORTS).then().statusCode(415);
        as(chain.adminToken()).get(IMPORTS + "/not-an-id").then().statusCode(400);
        as(chain.adminToken()).get(IMPORTS + "/" + UUID.randomUUID()).then().statusCode(404);
        String id = upload(chain.adminToken(), HEADER, north).getString("id");
        as(chain.adminToken()).post(IMPORTS + "/" + id + "/commit").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
