package app.meike.engagement.coupon;

import app.meike.engagement.coupon.CouponIssuing.Revocation;
import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import app.meike.tenancy.TenantContext;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static app.meike.support.Sales.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The system's side of coupons, as referral rewards will use it: issue and revoke by a source reference. */
@QuarkusTest
class CouponIssuingTest extends ApiTest {
    @Test
    void aSystemCouponIsIssuedOncePerReferenceAndRevokedUnlessItWasUsed() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "奖励店");
        String item = Sales.item(chain, "水光针", "SKIN", 100_000);
        String customer = Sales.customer(chain, "推荐人");
        UUID type = UUID.fromString(as(chain.adminToken()).body(Map.of("code", Chains.unique("REF"), "name", "推荐奖励券",
                        "kind", "CASH_VOUCHER", "amountOff", cny(5_000), "validDays", 60, "stacking", "STACKABLE",
                        "allItems", true)).post("/api/v1/coupons/types").then().statusCode(201).extract().path("id"));
        UUID customerId = UUID.fromString(customer);

        UUID first = system(chain, i -> i.issueFor(customerId, type, CouponSource.REFERRAL_REWARD, "referral:1"));
        UUID again = system(chain, i -> i.issueFor(customerId, type, CouponSource.REFERRAL_REWARD, "referral:1"));
        assertThat(again).isEqualTo(first);
        UUID second = system(chain, i -> i.issueFor(customerId, type, CouponSource.REFERRAL_REWARD, "referral:2"));
        as(chain.adminToken()).get("/api/v1/coupons?source=REFERRAL_REWARD&customerId=" + customer).then()
                .statusCode(200).body("items.size()", equalTo(2)).body("items[0].issuedBy", equalTo("system"));

        Revocation unused = system(chain, i -> i.revokeFor("referral:1", "推荐订单已退款"));
        assertThat(unused).isEqualTo(new Revocation(1, 0));
        as(chain.adminToken()).get("/api/v1/coupons/" + first).then().body("status", equalTo("VOIDED"))
                .body("voidReason", equalTo("推荐订单已退款"));

        JsonPath draft = as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic,
                "lines", List.of(Sales.line(item, 1)), "couponIds", List.of(second.toString())))
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
        Sales.payCash(chain, draft.getString("id"), draft.getLong("total.amount")).statusCode(200);
        Revocation used = system(chain, i -> i.revokeFor("referral:2", "推荐订单已退款"));
        assertThat(used).isEqualTo(new Revocation(0, 1));
        as(chain.adminToken()).get("/api/v1/coupons/" + second).then().body("status", equalTo("REDEEMED"));
    }

    /** Runs as the system does outside a request: in the chain's tenant, in a transaction of its own. */
    private static <T> T system(Chain chain, Function<CouponIssuing, T> work) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            CouponIssuing issuing = Arc.container().instance(CouponIssuing.class).get();
            TenantContext tenants = Arc.container().instance(TenantContext.class).get();
            Supplier<T> call = () -> QuarkusTransaction.requiringNew().call(() -> work.apply(issuing));
            return tenants.callAs(chain.id(), call);
        } finally {
            requests.terminate();
        }
    }
}
