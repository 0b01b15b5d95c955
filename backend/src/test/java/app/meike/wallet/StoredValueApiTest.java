package app.meike.wallet;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.Tokens;
import app.meike.support.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.meike.support.Sales.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Stored-value accounts over HTTP: top-ups, debits and reversals, refunds by the formula, freezing, expiry. */
@QuarkusTest
class StoredValueApiTest extends ApiTest {
    static final String ACCOUNTS = "/api/v1/stored-value/accounts/";

    static Chain chain;
    static UUID north;
    static UUID south;
    /** Pay 5,000 get 10,000, for two years; pay 3,000 get 4,000, never expiring. */
    static String fiveForTen;
    static String threeForFour;
    static String manager;

    @Inject
    StoredValueExpiryJob expiryJob;

    @BeforeEach
    void aChainWithPlans() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        north = Chains.clinic(chain, "北店");
        south = Chains.clinic(chain, "南店");
        fiveForTen = Wallets.plan(chain, 500_000, 1_000_000, 730);
        threeForFour = Wallets.plan(chain, 300_000, 400_000, null);
        manager = Chains.staffToken(chain, "manager");
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static Response post(String token, String path, Object body) {
        return as(token).header("Idempotency-Key", key()).body(body).post(path);
    }

    static String debit(String account, long amount) {
        return Wallets.debit(chain.adminToken(), account, amount, north, key()).then().statusCode(201).extract()
                .path("id");
    }

    static long spend(String customer) {
        return as(chain.adminToken()).get("/api/v1/customers/" + customer + "/membership").then().statusCode(200)
                .extract().jsonPath().getLong("qualifyingSpend.amount");
    }

    /** Moves the account's lots' expiry into the past, as if their time had run out. */
    static void backdate(String account) {
        Wallets.query(chain, "UPDATE stored_value_lot SET expires_at = now() - interval '1 hour'"
                + " WHERE account_id = '" + account + "' AND status <> 'CLOSED'", rows -> null);
    }

    @Test
    void everyChainStartsWithProRataRulesThatTheAdminReplacesUnderItsETag() {
        Chain fresh = Chains.create();
        as(Chains.staffToken(fresh, "clinician")).get("/api/v1/stored-value/rules").then().statusCode(200)
                .header("ETag", "\"0\"").body("debitOrder", equalTo("PRO_RATA"), "reminderDays", equalTo(30));
        Map<String, Object> body = Map.of("debitOrder", "PRINCIPAL_FIRST", "reminderDays", 14);
        as(fresh.adminToken()).body(body).put("/api/v1/stored-value/rules").then().statusCode(428);
        as(fresh.adminToken()).header("If-Match", "\"3\"").body(body).put("/api/v1/stored-value/rules").then()
                .statusCode(412);
        as(Chains.staffToken(fresh, "manager")).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/stored-value/rules").then().statusCode(403);
        as(fresh.adminToken()).header("If-Match", "\"0\"").body(Map.of("debitOrder", "LAST", "reminderDays", 30))
                .put("/api/v1/stored-value/rules").then().statusCode(400)
                .body("errors.field", equalTo(List.of("debitOrder")));
        as(fresh.adminToken()).header("If-Match", "\"0\"").body(Map.of("debitOrder", "PRO_RATA", "reminderDays", 400))
                .put("/api/v1/stored-value/rules").then().statusCode(400)
                .body("errors.field", equalTo(List.of("reminderDays")));
        as(fresh.adminToken()).header("If-Match", "\"0\"").body(body).put("/api/v1/stored-value/rules").then()
                .statusCode(200).header("ETag", "\"1\"").body("debitOrder", equalTo("PRINCIPAL_FIRST"));
        // Lots keep the debit order they were sold under; new top-ups take the new one.
        UUID clinic = Chains.clinic(fresh, "店");
        String plan = Wallets.plan(fresh, 100_000, 150_000, null);
        String account = Wallets.topUp(fresh, Sales.customer(fresh, "先本金"), plan, clinic, 100_000);
        Wallets.account(fresh, account);
        as(fresh.adminToken()).get(ACCOUNTS + account).then().body("lots[0].debitOrder", equalTo("PRINCIPAL_FIRST"));
        Wallets.debit(fresh.adminToken(), account, 60_000, clinic, key()).then().statusCode(201)
                .body("principal.amount", equalTo(-60_000), "bonus.amount", equalTo(0));
    }

    @Test
    void aTopUpOpensTheAccountWithOneLotPerTopUpAndIsNotSpend() {
        String customer = Sales.customer(chain, "储值客户");
        JsonPath first = Wallets.topUp(Chains.staffToken(chain, "front-desk"), customer, fiveForTen, north, 500_000)
                .then().statusCode(201)
                .body("topUp.price.amount", equalTo(500_000), "topUp.value.amount", equalTo(1_000_000))
                .body("topUp.tenders[0].method", equalTo("WECHAT_PAY"), "topUp.clinicId", equalTo(north.toString()))
                .body("account.status", equalTo("ACTIVE"), "account.principal.amount", equalTo(500_000))
                .body("account.bonus.amount", equalTo(500_000), "account.balance.amount", equalTo(1_000_000))
                .body("account.lots", hasSize(1), "account.lots[0].source", equalTo("TOP_UP"))
                .body("account.lots[0].soldAtClinicId", equalTo(north.toString()))
                .body("account.lots[0].expiresAt", notNullValue(), "account.lots[0].consumed.amount", equalTo(0))
                .extract().jsonPath();
        String account = first.getString("account.id");
        as(chain.adminToken()).body(Wallets.topUpBody(customer, threeForFour, south, 300_000))
                .header("Idempotency-Key", key()).post("/api/v1/stored-value/top-ups").then().statusCode(201)
                .body("account.id", equalTo(account), "account.lots", hasSize(2))
                .body("account.lots[1].expiresAt", nullValue(), "account.balance.amount", equalTo(1_400_000));
        as(chain.adminToken()).get(ACCOUNTS + account + "/entries").then().statusCode(200)
                .body("items.kind", equalTo(List.of("TOP_UP", "TOP_UP")))
                .body("items[0].principalAfter.amount", equalTo(800_000), "items[0].bonusAfter.amount",
                        equalTo(600_000))
                .body("items[1].topUpId", equalTo(first.getString("topUp.id")))
                .body("items[1].tenders[0].amount.amount", equalTo(500_000));
        as(chain.adminToken()).queryParam("customerId", customer).get("/api/v1/stored-value/accounts").then()
                .statusCode(200).body("items.id", equalTo(List.of(account)));
        assertThat(spend(customer)).isZero();
        as(chain.adminToken()).get("/api/v1/points/accounts/" + customer).then().body("balance", equalTo(0));
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void topUpsNeedALivePlanOnSaleAtTheClinicAndTendersCoveringItsPrice() {
        String customer = Sales.customer(chain, "买不了");
        String path = "/api/v1/stored-value/top-ups";
        Map<String, Object> wrongSum = Wallets.topUpBody(customer, fiveForTen, north, 499_999);
        post(chain.adminToken(), path, wrongSum).then().statusCode(422).body("detail", containsString("499999"));
        Map<String, Object> bad = new HashMap<>(Wallets.topUpBody(customer, fiveForTen, north, 0));
        bad.put("tenders", List.of(Map.of("method", "POINTS", "amount", cny(500_000))));
        post(chain.adminToken(), path, bad).then().statusCode(400).body("errors.field", hasItem("tenders[0].method"));
        bad.put("tenders", List.of(Map.of("method", "CASH", "amount", Map.of("amount", 0, "currency", "USD"))));
        post(chain.adminToken(), path, bad).then().statusCode(400).body("errors.field",
                containsInAnyOrder("tenders[0].amount.amount", "tenders[0].amount.currency"));
        post(chain.adminToken(), path, Wallets.topUpBody(customer, UUID.randomUUID().toString(), north, 1)).then()
                .statusCode(400).body("errors.field", equalTo(List.of("planId")));
        post(chain.adminToken(), path, Wallets.topUpBody(UUID.randomUUID().toString(), fiveForTen, north, 1)).then()
                .statusCode(400).body("errors.field", equalTo(List.of("customerId")));
        as(chain.adminToken()).body(Wallets.topUpBody(customer, fiveForTen, north, 500_000)).post(path).then()
                .statusCode(400).body("errors.field", equalTo(List.of("Idempotency-Key")));
        String later = as(chain.adminToken()).body(Map.of("code", Chains.unique("LATER"), "name", "明年",
                "price", cny(1000), "value", cny(1000), "allClinics", true,
                "availableFrom", OffsetDateTime.now().plusDays(3).toLocalDate().toString()))
                .post("/api/v1/stored-value/plans").then().statusCode(201).extract().path("id");
        post(chain.adminToken(), path, Wallets.topUpBody(customer, later, north, 1000)).then().statusCode(422)
                .body("detail", containsString("not on sale"));
        String southOnly = as(chain.adminToken()).body(Map.of("code", Chains.unique("SOUTH"), "name", "南店专享",
                "price", cny(1000), "value", cny(1200), "allClinics", false, "clinicIds", List.of(south)))
                .post("/api/v1/stored-value/plans").then().statusCode(201).extract().path("id");
        post(chain.adminToken(), path, Wallets.topUpBody(customer, southOnly, north, 1000)).then().statusCode(422)
                .body("detail", containsString("not sold at this clinic"));
        JsonPath limited = Chains.staff(chain, List.of("consultant"), List.of(north));
        String consultant = Tokens.token(limited.getString("userId"), chain.id(), "consultant");
        post(consultant, path, Wallets.topUpBody(customer, southOnly, south, 1000)).then().statusCode(403);
        post(consultant, path, Wallets.topUpBody(customer, fiveForTen, north, 500_000)).then().statusCode(201)
                .body("topUp.consultantId", equalTo(limited.getString("id")));
        post(Chains.staffToken(chain, "clinician"), path, Wallets.topUpBody(customer, fiveForTen, north, 500_000))
                .then().statusCode(403);
    }

    @Test
    void payThreeThousandGetOneThousandConsumeTwoThousandAndTheRefundIsFifteenHundred() {
        String customer = Sales.customer(chain, "退卡一");
        String account = Wallets.topUp(chain, customer, threeForFour, north, 300_000);
        debit(account, 200_000);
        as(chain.adminToken()).get(ACCOUNTS + account + "/refund-quote").then().statusCode(200)
                .body("refund.amount", equalTo(150_000), "forfeitedBonus.amount", equalTo(50_000))
                .body("lots[0].principal.amount", equalTo(300_000), "lots[0].total.amount", equalTo(400_000))
                .body("lots[0].consumed.amount", equalTo(200_000), "lots[0].principalConsumed.amount",
                        equalTo(150_000))
                .body("lots[0].formula", equalTo("3000.00 − 2000.00 × 3000.00 ÷ 4000.00 = 1500.00"));
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "搬家", "close", true,
                "tenders", List.of(Map.of("method", "BANK_CARD", "amount", cny(150_000), "reference", "R1"))))
                .then().statusCode(200)
                .body("entry.kind", equalTo("REFUND"), "entry.refundAmount.amount", equalTo(150_000))
                .body("entry.forfeitedBonus.amount", equalTo(50_000), "entry.principal.amount", equalTo(-150_000))
                .body("entry.bonus.amount", equalTo(-50_000), "entry.allocations[0].refundAmount.amount",
                        equalTo(150_000))
                .body("entry.tenders[0].method", equalTo("BANK_CARD"), "account.status", equalTo("CLOSED"))
                .body("account.balance.amount", equalTo(0), "account.lots", hasSize(0));
        // A closed account opens again on its next top-up.
        Wallets.topUp(chain.adminToken(), customer, threeForFour, north, 300_000).then().statusCode(201)
                .body("account.id", equalTo(account), "account.status", equalTo("ACTIVE"));
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void payFiveThousandGetTenThousandConsumeFourThousandAndTheRefundIsThreeThousand() {
        String account = Wallets.topUp(chain, Sales.customer(chain, "退卡二"), fiveForTen, north, 500_000);
        debit(account, 150_000);
        debit(account, 250_000);
        as(chain.adminToken()).get(ACCOUNTS + account + "/refund-quote").then().statusCode(200)
                .body("refund.amount", equalTo(300_000), "forfeitedBonus.amount", equalTo(300_000))
                .body("lots[0].formula", equalTo("5000.00 − 4000.00 × 5000.00 ÷ 10000.00 = 3000.00"));
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "不想用了", "close", false)).then()
                .statusCode(200).body("entry.refundAmount.amount", equalTo(300_000))
                .body("entry.tenders[0].method", equalTo("CASH"), "entry.tenders[0].amount.amount", equalTo(300_000))
                .body("account.status", equalTo("ACTIVE"), "account.balance.amount", equalTo(0));
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "again", "close", false)).then()
                .statusCode(422);
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "close it", "close", true)).then()
                .statusCode(200).body("entry.refundAmount.amount", equalTo(0), "entry.allocations", hasSize(0))
                .body("account.status", equalTo("CLOSED"));
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "again", "close", true)).then()
                .statusCode(409);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void aDebitTakesTheOldestLotsUsableAtTheClinicProRataAndItsPrincipalIsQualifyingSpend() {
        String customer = Sales.customer(chain, "消费");
        String southOnly = as(chain.adminToken()).body(Map.of("code", Chains.unique("S"), "name", "南店卡",
                "price", cny(100_000), "value", cny(200_000), "allClinics", false, "clinicIds", List.of(south)))
                .post("/api/v1/stored-value/plans").then().statusCode(201).extract().path("id");
        String account = Wallets.topUp(chain, customer, southOnly, south, 100_000);
        Wallets.topUp(chain, customer, threeForFour, north, 300_000);
        JsonPath entry = Wallets.debit(chain.adminToken(), account, 40_001, north, key()).then().statusCode(201)
                .body("kind", equalTo("DEBIT"), "allocations", hasSize(1), "clinicId", equalTo(north.toString()))
                .extract().jsonPath();
        // 3,000 of 4,000 is principal: 40,001 x 3/4 = 30,000.75, and the principal consumed stays at its floor.
        assertThat(entry.getLong("principal.amount")).isEqualTo(-30_000);
        assertThat(entry.getLong("bonus.amount")).isEqualTo(-10_001);
        assertThat(spend(customer)).isEqualTo(30_000);
        Wallets.debit(chain.adminToken(), account, 400_000, north, key()).then().statusCode(422)
                .body("type", equalTo("https://meike.app/problems/insufficient-balance"))
                .body("detail", containsString("359999"));
        Wallets.debit(chain.adminToken(), account, 500_000, south, key()).then().statusCode(201)
                .body("allocations", hasSize(2));
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isEqualTo(59_999);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void aRawDebitIsReversedOnceExactlyAndItsSpendGoesBack() {
        String customer = Sales.customer(chain, "冲正");
        String account = Wallets.topUp(chain, customer, fiveForTen, north, 500_000);
        String debitId = debit(account, 33_333);
        assertThat(spend(customer)).isEqualTo(16_666);
        String reversal = ACCOUNTS + account + "/debits/" + debitId + "/reversal";
        post(Chains.staffToken(chain, "front-desk"), reversal, Map.of("reason", "误扣")).then().statusCode(403);
        post(manager, reversal, Map.of("reason", "误扣")).then().statusCode(201)
                .body("kind", equalTo("REVERSAL"), "reversesEntryId", equalTo(debitId))
                .body("principal.amount", equalTo(16_666), "bonus.amount", equalTo(16_667));
        post(manager, reversal, Map.of("reason", "again")).then().statusCode(409);
        post(manager, ACCOUNTS + account + "/debits/" + UUID.randomUUID() + "/reversal", Map.of("reason", "x"))
                .then().statusCode(404);
        as(chain.adminToken()).get(ACCOUNTS + account + "/entries").then()
                .body("items.kind", equalTo(List.of("REVERSAL", "DEBIT", "TOP_UP")))
                .body("items[1].reversedBy", notNullValue());
        assertThat(spend(customer)).isZero();
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isEqualTo(1_000_000);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void valueGivenBackAfterTheLotWasRefundedComesBackAsANewLotWithItsTerms() {
        String account = Wallets.topUp(chain, Sales.customer(chain, "先退后冲"), threeForFour, north, 300_000);
        String debitId = debit(account, 100_000);
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "退", "close", false)).then().statusCode(200)
                .body("entry.refundAmount.amount", equalTo(225_000));
        post(manager, ACCOUNTS + account + "/debits/" + debitId + "/reversal", Map.of("reason", "误扣")).then()
                .statusCode(201).body("principal.amount", equalTo(75_000), "bonus.amount", equalTo(25_000));
        as(chain.adminToken()).get(ACCOUNTS + account).then().statusCode(200)
                .body("balance.amount", equalTo(100_000), "lots", hasSize(1))
                .body("lots[0].source", equalTo("REVERSAL"), "lots[0].principal.amount", equalTo(75_000))
                .body("lots[0].consumed.amount", equalTo(0));
        as(chain.adminToken()).get(ACCOUNTS + account + "/refund-quote").then()
                .body("refund.amount", equalTo(75_000));
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void theSameIdempotencyKeyMakesOneEntryAndAnotherBodyUnderItIsRefused() {
        String account = Wallets.topUp(chain, Sales.customer(chain, "重放"), fiveForTen, north, 500_000);
        String key = key();
        String first = Wallets.debit(chain.adminToken(), account, 10_000, north, key).then().statusCode(201)
                .extract().path("id");
        Wallets.debit(chain.adminToken(), account, 10_000, north, key).then().statusCode(201)
                .body("id", equalTo(first));
        Wallets.debit(chain.adminToken(), account, 10_001, north, key).then().statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        String topUpKey = key();
        Map<String, Object> body = Wallets.topUpBody(Sales.customer(chain, "重放充值"), threeForFour, north, 300_000);
        String topUp = as(chain.adminToken()).header("Idempotency-Key", topUpKey).body(body)
                .post("/api/v1/stored-value/top-ups").then().statusCode(201).extract().path("topUp.id");
        as(chain.adminToken()).header("Idempotency-Key", topUpKey).body(body).post("/api/v1/stored-value/top-ups")
                .then().statusCode(201).body("topUp.id", equalTo(topUp));
        as(chain.adminToken()).get(ACCOUNTS + account + "/entries").then().body("items", hasSize(2));
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isEqualTo(990_000);
    }

    @Test
    void aFrozenAccountTakesNoDebitTopUpOrTransferButMayBeRefunded() {
        String customer = Sales.customer(chain, "挂失");
        String account = Wallets.topUp(chain, customer, threeForFour, north, 300_000);
        String frontDesk = Chains.staffToken(chain, "front-desk");
        as(frontDesk).body(Map.of("reason", "")).post(ACCOUNTS + account + "/freeze").then().statusCode(400)
                .body("errors.field", equalTo(List.of("reason")));
        as(frontDesk).body(Map.of("reason", "客户报失")).post(ACCOUNTS + account + "/freeze").then()
                .statusCode(200).body("status", equalTo("FROZEN"), "frozenReason", equalTo("客户报失"));
        as(frontDesk).body(Map.of("reason", "again")).post(ACCOUNTS + account + "/freeze").then().statusCode(409);
        Wallets.debit(chain.adminToken(), account, 1, north, key()).then().statusCode(409);
        Wallets.topUp(chain.adminToken(), customer, threeForFour, north, 300_000).then().statusCode(409);
        post(chain.adminToken(), ACCOUNTS + account + "/transfer", Map.of("toCustomerId",
                Sales.customer(chain, "接收"), "reason", "x")).then().statusCode(409);
        as(frontDesk).body(Map.of("reason", "找到了")).post(ACCOUNTS + account + "/unfreeze").then().statusCode(403);
        as(manager).body(Map.of("reason", "找到了")).post(ACCOUNTS + account + "/unfreeze").then().statusCode(200)
                .body("status", equalTo("ACTIVE"), "frozenReason", nullValue());
        as(manager).body(Map.of("reason", "again")).post(ACCOUNTS + account + "/unfreeze").then().statusCode(409);
        as(frontDesk).body(Map.of("reason", "纠纷")).post(ACCOUNTS + account + "/freeze").then().statusCode(200);
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "纠纷退款", "close", true)).then()
                .statusCode(200).body("entry.refundAmount.amount", equalTo(300_000))
                .body("account.status", equalTo("CLOSED"));
        as(chain.adminToken()).queryParam("entityId", account).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", hasItem("stored-value.frozen"));
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void aTransferMovesEveryLiveLotWithItsTermsSoTheRefundFormulaCarriesOver() {
        String from = Sales.customer(chain, "转出");
        String to = Sales.customer(chain, "转入");
        String account = Wallets.topUp(chain, from, fiveForTen, north, 500_000);
        Wallets.topUp(chain, from, threeForFour, south, 300_000);
        debit(account, 123_457);
        JsonPath quoted = as(chain.adminToken()).get(ACCOUNTS + account + "/refund-quote").then().extract()
                .jsonPath();
        String path = ACCOUNTS + account + "/transfer";
        post(manager, path, Map.of("toCustomerId", to, "reason", "x")).then().statusCode(403);
        post(chain.adminToken(), path, Map.of("toCustomerId", from, "reason", "x")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("toCustomerId")));
        post(chain.adminToken(), path, Map.of("toCustomerId", UUID.randomUUID(), "reason", "x")).then()
                .statusCode(400).body("errors.field", equalTo(List.of("toCustomerId")));
        JsonPath moved = post(chain.adminToken(), path, Map.of("toCustomerId", to, "reason", "转给母亲")).then()
                .statusCode(200).body("from.balance.amount", equalTo(0), "from.lots", hasSize(0))
                .body("to.customerId", equalTo(to), "to.lots", hasSize(2))
                .body("to.lots.source", equalTo(List.of("TRANSFER_IN", "TRANSFER_IN")))
                .extract().jsonPath();
        String target = moved.getString("to.id");
        assertThat(moved.getLong("to.balance.amount")).isEqualTo(1_400_000 - 123_457);
        as(chain.adminToken()).get(ACCOUNTS + target + "/refund-quote").then().statusCode(200)
                .body("refund.amount", equalTo(quoted.getInt("refund.amount")))
                .body("lots.formula", equalTo(quoted.getList("lots.formula")));
        as(chain.adminToken()).get(ACCOUNTS + account + "/entries").then()
                .body("items[0].kind", equalTo("TRANSFER_OUT"), "items[0].counterpartyAccountId", equalTo(target));
        post(chain.adminToken(), path, Map.of("toCustomerId", to, "reason", "again")).then().statusCode(422);
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void expiredValueWaitsForAReactivationAndIsNeverDeleted() {
        String customer = Sales.customer(chain, "过期");
        String account = Wallets.topUp(chain, customer, fiveForTen, north, 500_000);
        debit(account, 100_000);
        backdate(account);
        as(chain.adminToken()).get(ACCOUNTS + account).then().statusCode(200)
                .body("balance.amount", equalTo(0), "expiredPrincipal.amount", equalTo(450_000))
                .body("expiredBonus.amount", equalTo(450_000), "lots[0].status", equalTo("EXPIRED"));
        as(chain.adminToken()).get(ACCOUNTS + account + "/entries").then()
                .body("items[0].kind", equalTo("EXPIRE"), "items[0].actorId", equalTo("system"));
        Wallets.debit(chain.adminToken(), account, 1, north, key()).then().statusCode(422);
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "退", "close", true)).then().statusCode(422)
                .body("detail", containsString("reactivate"));
        as(chain.adminToken()).get(ACCOUNTS + account + "/refund-quote").then()
                .body("lots", hasSize(0), "expiredPrincipal.amount", equalTo(450_000));
        post(Chains.staffToken(chain, "front-desk"), ACCOUNTS + account + "/reactivate", Map.of("reason", "x"))
                .then().statusCode(403);
        post(manager, ACCOUNTS + account + "/reactivate", Map.of("reason", "出国回来", "validityDays", 0)).then()
                .statusCode(400).body("errors.field", equalTo(List.of("validityDays")));
        post(manager, ACCOUNTS + account + "/reactivate", Map.of("reason", "出国回来", "validityDays", 30)).then()
                .statusCode(201).body("kind", equalTo("REACTIVATE"), "principal.amount", equalTo(450_000))
                .body("bonus.amount", equalTo(450_000));
        JsonPath after = Wallets.account(chain, account);
        assertThat(after.getLong("balance.amount")).isEqualTo(900_000);
        assertThat(OffsetDateTime.parse(after.getString("lots[0].expiresAt")))
                .isBetween(OffsetDateTime.now().plusDays(30), OffsetDateTime.now().plusDays(32));
        assertThat(after.getInt("expiringSoon.amount.amount")).isZero();
        post(manager, ACCOUNTS + account + "/reactivate", Map.of("reason", "again")).then().statusCode(422);
        // The run and the daily job expire what is due, once.
        backdate(account);
        as(manager).body(Map.of()).post("/api/v1/stored-value/expiry-runs").then().statusCode(403);
        as(chain.adminToken()).body(Map.of("asOf", OffsetDateTime.now().plusDays(1).toString()))
                .post("/api/v1/stored-value/expiry-runs").then().statusCode(400)
                .body("errors.field", equalTo(List.of("asOf")));
        as(chain.adminToken()).body(Map.of()).post("/api/v1/stored-value/expiry-runs").then().statusCode(200)
                .body("accounts", equalTo(1), "lots", equalTo(1), "principal.amount", equalTo(450_000));
        as(chain.adminToken()).contentType("application/json").post("/api/v1/stored-value/expiry-runs").then()
                .statusCode(200).body("lots", equalTo(0));
        post(manager, ACCOUNTS + account + "/reactivate", Map.of("reason", "再激活")).then().statusCode(201);
        backdate(account);
        expiryJob.expireDueLots();
        as(chain.adminToken()).get(ACCOUNTS + account + "/entries").then()
                .body("items[0].kind", equalTo("EXPIRE"), "items[0].requestId", nullValue());
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void adjustmentsAddALotOrTakeExactlyWhatTheyNameAndNeverOverdraw() {
        String customer = Sales.customer(chain, "调整");
        String account = Wallets.topUp(chain, customer, threeForFour, north, 300_000);
        String path = ACCOUNTS + account + "/adjustments";
        post(manager, path, Map.of("principal", cny(0), "bonus", cny(1), "reason", "x")).then().statusCode(403);
        post(chain.adminToken(), path, Map.of("principal", cny(0), "bonus", cny(20_000), "reason", "补录赠送",
                "clinicId", south)).then().statusCode(201).body("kind", equalTo("ADJUST"))
                .body("bonus.amount", equalTo(20_000));
        post(chain.adminToken(), path, Map.of("principal", cny(0), "bonus", Map.of("amount", -110_000,
                "currency", "CNY"), "reason", "赠送录重复")).then().statusCode(201)
                .body("bonus.amount", equalTo(-110_000), "principal.amount", equalTo(0));
        post(chain.adminToken(), path, Map.of("principal", Map.of("amount", -300_001, "currency", "CNY"),
                "bonus", cny(0), "reason", "too much")).then().statusCode(422);
        post(chain.adminToken(), path, Map.of("principal", cny(0), "bonus", cny(0), "reason", "x")).then()
                .statusCode(400).body("errors.field", equalTo(List.of("principal.amount")));
        post(chain.adminToken(), path, Map.of("principal", cny(5), "bonus", Map.of("amount", -5, "currency", "CNY"),
                "reason", "x")).then().statusCode(400).body("errors.field", equalTo(List.of("bonus.amount")));
        JsonPath held = Wallets.account(chain, account);
        assertThat(held.getLong("principal.amount")).isEqualTo(300_000);
        assertThat(held.getLong("bonus.amount")).isEqualTo(10_000);
        assertThat(held.getList("lots.source")).containsExactly("TOP_UP", "ADJUSTMENT");
        assertThat(spend(customer)).isZero();
        assertThat(Wallets.ledgerMismatches(chain)).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() {
        String customer = Sales.customer(chain, "坏输入");
        String account = Wallets.topUp(chain, customer, threeForFour, north, 300_000);
        String debits = ACCOUNTS + account + "/debits";
        post(chain.adminToken(), debits, Map.of("amount", Map.of("amount", 0, "currency", "USD"), "clinicId", north))
                .then().statusCode(400).body("errors.field", containsInAnyOrder("amount.amount", "amount.currency"));
        post(chain.adminToken(), debits, Map.of("amount", cny(-1))).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("amount.amount", "clinicId"));
        post(chain.adminToken(), debits, Map.of("amount", cny(1), "clinicId", UUID.randomUUID())).then()
                .statusCode(400).body("errors.field", equalTo(List.of("clinicId")));
        post(chain.adminToken(), debits, Map.of("amount", cny(1), "clinicId", north, "visitId", UUID.randomUUID()))
                .then().statusCode(400).body("errors.field", equalTo(List.of("visitId")));
        post(chain.adminToken(), debits, Map.of("amount", cny(1), "clinicId", north, "tip", 1)).then()
                .statusCode(400).body("errors.field", equalTo(List.of("tip")));
        post(chain.adminToken(), ACCOUNTS + "nope/debits", Map.of("amount", cny(1), "clinicId", north)).then()
                .statusCode(400).body("errors.field", equalTo(List.of("accountId")));
        post(chain.adminToken(), ACCOUNTS + UUID.randomUUID() + "/debits", Map.of("amount", cny(1),
                "clinicId", north)).then().statusCode(404);
        post(manager, ACCOUNTS + account + "/refund", Map.of("close", "yes")).then().statusCode(400)
                .body("errors.field", hasItem("close"));
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "x", "close", false, "tenders",
                List.of(Map.of("method", "CASH", "amount", cny(1))))).then().statusCode(422)
                .body("detail", containsString("300000"));
        post(manager, ACCOUNTS + account + "/refund", Map.of("reason", "x", "close", false, "tenders",
                List.of(Map.of("method", "CASH", "amount", Map.of("amount", 300_000, "currency", "HKD"))))).then()
                .statusCode(400).body("errors.field", equalTo(List.of("tenders[0].amount.currency")));
        as(chain.adminToken()).queryParam("cursor", "junk").get(ACCOUNTS + account + "/entries").then()
                .statusCode(400).body("errors.field", equalTo(List.of("cursor")));
        as(chain.adminToken()).queryParam("status", "OPEN").get("/api/v1/stored-value/accounts").then()
                .statusCode(400).body("errors.field", equalTo(List.of("status")));
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isEqualTo(400_000);
        as(chain.adminToken()).get(ACCOUNTS + account + "/entries").then().body("items", hasSize(1));
    }

    @Test
    void clinicLimitedStaffActWhereTheyWorkButReadEveryAccount() {
        String customer = Sales.customer(chain, "跨店");
        String account = Wallets.topUp(chain, customer, threeForFour, south, 300_000);
        String northDesk = Tokens.token(Chains.staff(chain, List.of("front-desk"), List.of(north))
                .getString("userId"), chain.id(), "front-desk");
        String northManager = Tokens.token(Chains.staff(chain, List.of("manager"), List.of(north))
                .getString("userId"), chain.id(), "manager");
        as(northDesk).get(ACCOUNTS + account).then().statusCode(200);
        as(northDesk).queryParam("customerId", customer).get("/api/v1/stored-value/accounts").then()
                .statusCode(200).body("items.id", equalTo(List.of(account)));
        Wallets.debit(northDesk, account, 1_000, south, key()).then().statusCode(403);
        String spentNorth = Wallets.debit(northDesk, account, 1_000, north, key()).then().statusCode(201)
                .extract().path("id");
        String spentSouth = debitAt(account, south);
        as(northDesk).body(Map.of("reason", "x")).post(ACCOUNTS + account + "/freeze").then().statusCode(403);
        post(northManager, ACCOUNTS + account + "/refund", Map.of("reason", "x", "close", false)).then()
                .statusCode(403);
        post(northManager, ACCOUNTS + account + "/debits/" + spentSouth + "/reversal", Map.of("reason", "x")).then()
                .statusCode(403);
        post(northManager, ACCOUNTS + account + "/debits/" + spentNorth + "/reversal", Map.of("reason", "x")).then()
                .statusCode(201);
        Wallets.topUp(northDesk, customer, threeForFour, north, 300_000).then().statusCode(201);
        as(northDesk).body(Map.of("reason", "x")).post(ACCOUNTS + account + "/freeze").then().statusCode(200);
        as(chain.adminToken()).queryParam("clinicId", north.toString()).queryParam("status", "FROZEN")
                .get("/api/v1/stored-value/accounts").then().statusCode(200).body("items.id", hasItem(account));
        as(chain.adminToken()).queryParam("clinicId", south.toString()).queryParam("status", "ACTIVE")
                .queryParam("limit", 200).get("/api/v1/stored-value/accounts").then().statusCode(200)
                .body("items.id", not(hasItem(account)));
    }

    static String debitAt(String account, UUID clinic) {
        return Wallets.debit(chain.adminToken(), account, 1_000, clinic, key()).then().statusCode(201).extract()
                .path("id");
    }

    @Test
    void aDuplicateHoldingStoredValueIsMergedOnlyOnceItsValueIsTransferred() {
        String survivor = Sales.customer(chain, "正本");
        String duplicate = Sales.customer(chain, "重复");
        String account = Wallets.topUp(chain, duplicate, threeForFour, north, 300_000);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(409)
                .body("detail", containsString("transfer"));
        post(chain.adminToken(), ACCOUNTS + account + "/transfer", Map.of("toCustomerId", survivor,
                "reason", "合并重复客户")).then().statusCode(200);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("duplicateId", duplicate))
                .post("/api/v1/customers/" + survivor + "/merge").then().statusCode(200);
    }

    @Test
    void theLedgerIsAppendOnlyForTheApp() {
        String account = Wallets.topUp(chain, Sales.customer(chain, "不可改"), threeForFour, north, 300_000);
        for (String sql : List.of("UPDATE stored_value_entry SET principal = 1", "DELETE FROM stored_value_entry",
                "UPDATE stored_value_allocation SET principal = 1", "DELETE FROM stored_value_allocation",
                "UPDATE stored_value_tender SET amount = 1", "DELETE FROM stored_value_tender",
                "UPDATE stored_value_top_up SET price = 1", "DELETE FROM stored_value_top_up",
                "DELETE FROM stored_value_lot", "DELETE FROM stored_value_account")) {
            assertThatThrownBy(() -> Wallets.query(chain, sql, rows -> null)).as(sql)
                    .hasRootCauseInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> Wallets.query(chain, "UPDATE stored_value_lot SET principal_remaining = -1",
                rows -> null)).hasRootCauseInstanceOf(SQLException.class);
        assertThat(Wallets.account(chain, account).getLong("balance.amount")).isEqualTo(400_000);
    }
}
