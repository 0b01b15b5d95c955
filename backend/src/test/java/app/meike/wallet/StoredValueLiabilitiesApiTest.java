package app.meike.wallet;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.support.TestClock;
import app.meike.support.Tokens;
import app.meike.support.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Outstanding stored value per selling clinic and for the chain, as of any time, from the ledger. */
@QuarkusTest
class StoredValueLiabilitiesApiTest extends ApiTest {
    static final String LIABILITIES = "/api/v1/stored-value/liabilities";
    static final List<String> BUCKETS = List.of("DAYS_0_90", "DAYS_91_180", "DAYS_181_365", "OVER_365");

    static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void liabilitiesArePrincipalAndBonusStillSpendablePerSellingClinicWithExpiredValueApart() {
        Chain own = Chains.create();
        UUID north = Chains.clinic(own, "北店");
        UUID south = Chains.clinic(own, "南店");
        String fiveForTen = Wallets.plan(own, 500_000, 1_000_000, 730);
        String threeForFour = Wallets.plan(own, 300_000, 400_000, null);
        String before = OffsetDateTime.now().minusSeconds(1).toString();
        String customer = Sales.customer(own, "两店");
        String both = Wallets.topUp(own, customer, fiveForTen, north, 500_000);
        Wallets.topUp(own, customer, threeForFour, south, 300_000);
        String lapsing = Wallets.topUp(own, Sales.customer(own, "过期"), threeForFour, south, 300_000);
        String afterTopUps = OffsetDateTime.now().toString();
        // The oldest lot (north's, pro rata) pays: 2,000.00 principal and 2,000.00 bonus.
        Wallets.debit(own.adminToken(), both, 400_000, north, key()).then().statusCode(201);
        Wallets.query(own, "UPDATE stored_value_lot SET expires_at = now() - interval '1 hour'"
                + " WHERE account_id = '" + lapsing + "'", rows -> null);
        as(own.adminToken()).body(Map.of()).post("/api/v1/stored-value/expiry-runs").then().statusCode(200)
                .body("lots", equalTo(1));

        JsonPath now = as(own.adminToken()).get(LIABILITIES).then().statusCode(200)
                .body("currency", equalTo("CNY"), "clinics.clinicName", equalTo(List.of("北店", "南店")))
                .body("clinics.clinicId", equalTo(List.of(north.toString(), south.toString())))
                .body("clinics.accounts", equalTo(List.of(1, 1)))
                .body("clinics.principal.amount", equalTo(List.of(300_000, 300_000)))
                .body("clinics.bonus.amount", equalTo(List.of(300_000, 100_000)))
                .body("clinics.balance.amount", equalTo(List.of(600_000, 400_000)))
                .body("clinics.expiredAccounts", equalTo(List.of(0, 1)))
                .body("clinics.expiredPrincipal.amount", equalTo(List.of(0, 300_000)))
                .body("clinics.expiredBonus.amount", equalTo(List.of(0, 100_000)))
                .body("total.clinicId", equalTo(null), "total.accounts", equalTo(1))
                .body("total.principal.amount", equalTo(600_000), "total.bonus.amount", equalTo(400_000))
                .body("total.expiredAccounts", equalTo(1), "total.expiredPrincipal.amount", equalTo(300_000))
                .body("total.aging.bucket", equalTo(BUCKETS))
                .body("total.aging.principal.amount", equalTo(List.of(600_000, 0, 0, 0)))
                .body("total.aging.accounts", equalTo(List.of(1, 0, 0, 0)))
                .extract().jsonPath();
        // The report is the accounts' own balances, summed.
        long principal = Wallets.query(own, "SELECT sum(principal) FROM stored_value_account", rows -> {
            rows.next();
            return rows.getLong(1);
        });
        assertThat(now.getLong("total.principal.amount")).isEqualTo(principal);

        // As of a past time: what the ledger held then; an account of two clinics counts once in the total.
        as(own.adminToken()).queryParam("asOf", afterTopUps).get(LIABILITIES).then().statusCode(200)
                .body("clinics.accounts", equalTo(List.of(1, 2)))
                .body("clinics.principal.amount", equalTo(List.of(500_000, 600_000)))
                .body("clinics.expiredPrincipal.amount", equalTo(List.of(0, 0)))
                .body("total.accounts", equalTo(2), "total.principal.amount", equalTo(1_100_000))
                .body("total.bonus.amount", equalTo(700_000), "total.balance.amount", equalTo(1_800_000));
        as(own.adminToken()).queryParam("asOf", before).get(LIABILITIES).then().statusCode(200)
                .body("clinics", empty(), "total.accounts", equalTo(0), "total.balance.amount", equalTo(0))
                .body("total.aging.principal.amount", equalTo(List.of(0, 0, 0, 0)));

        // Reactivated value is spendable again.
        as(own.adminToken()).header("Idempotency-Key", key()).body(Map.of("reason", "客户申请"))
                .post("/api/v1/stored-value/accounts/" + lapsing + "/reactivate").then().statusCode(201);
        as(own.adminToken()).queryParam("clinicId", south.toString()).get(LIABILITIES).then().statusCode(200)
                .body("clinics.clinicId", equalTo(List.of(south.toString())))
                .body("clinics[0].accounts", equalTo(2), "clinics[0].expiredAccounts", equalTo(0))
                .body("total.principal.amount", equalTo(600_000), "total.expiredPrincipal.amount", equalTo(0));

        TestClock clock = TestClock.install();
        clock.advance(Duration.ofDays(100));
        as(own.adminToken()).get(LIABILITIES).then().statusCode(200)
                .body("total.aging.principal.amount", equalTo(List.of(0, 900_000, 0, 0)))
                .body("total.aging.bonus.amount", equalTo(List.of(0, 500_000, 0, 0)));
    }

    @Test
    void aClinicLimitedManagerSeesTheirClinicsAndOthersSeeNothingOfThisChain() {
        Chain own = Chains.create();
        UUID east = Chains.clinic(own, "东店");
        UUID west = Chains.clinic(own, "西店");
        String plan = Wallets.plan(own, 100_000, 120_000, null);
        Wallets.topUp(own, Sales.customer(own, "东"), plan, east, 100_000);
        Wallets.topUp(own, Sales.customer(own, "西"), plan, west, 100_000);

        JsonPath managerOfWest = Chains.staff(own, List.of("manager"), List.of(west));
        as(Tokens.withClinics(managerOfWest.getString("userId"), own.id(), List.of(west), "manager"))
                .get(LIABILITIES).then().statusCode(200)
                .body("clinics.clinicName", equalTo(List.of("西店")), "total.principal.amount", equalTo(100_000));
        for (String role : List.of("front-desk", "consultant", "clinician")) {
            as(Chains.staffToken(own, role)).get(LIABILITIES).then().statusCode(403);
        }
        Chain other = Chains.create();
        as(other.adminToken()).get(LIABILITIES).then().statusCode(200)
                .body("clinics", empty(), "total.balance.amount", equalTo(0));
        as(other.adminToken()).queryParam("clinicId", east.toString()).get(LIABILITIES).then().statusCode(400)
                .body("errors.field", equalTo(List.of("clinicId")));
        as(own.adminToken()).queryParam("asOf", OffsetDateTime.now().plusDays(1).toString()).get(LIABILITIES)
                .then().statusCode(400).body("errors.field", equalTo(List.of("asOf")));
        as(own.adminToken()).queryParam("asOf", "yesterday").get(LIABILITIES).then().statusCode(400)
                .body("errors.field", equalTo(List.of("asOf")));
    }
}
