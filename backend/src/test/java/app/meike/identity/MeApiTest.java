package app.meike.identity;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MeApiTest extends ApiTest {

    @Test
    void theTenantAdminSeesTheirChainAndStaffRecord() {
        Chain chain = Chains.create();
        as(chain.adminToken()).get("/api/v1/me").then().statusCode(200)
                .body("userId", equalTo(chain.adminUserId()))
                .body("staffId", equalTo(chain.adminStaffId().toString()))
                .body("tenant.id", equalTo(chain.id().toString()))
                .body("tenant.slug", equalTo(chain.slug()))
                .body("roles", equalTo(List.of("tenant-admin")))
                .body("allClinics", equalTo(true));
    }

    @Test
    void thePlatformOperatorBelongsToNoChain() {
        as(Tokens.platform()).get("/api/v1/me").then().statusCode(200)
                .body("tenant", nullValue()).body("staffId", nullValue())
                .body("roles", equalTo(List.of("platform-admin")));
    }

    @Test
    void anIntegratorIsLimitedByTheClinicsInItsToken() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "接口店");
        Chains.clinic(chain, "别的店");
        String integrator = Tokens.withClinics("service-account-" + UUID.randomUUID(), chain.id(), List.of(clinic),
                "integrator");
        as(integrator).get("/api/v1/me").then().statusCode(200)
                .body("allClinics", equalTo(false)).body("clinicIds", equalTo(List.of(clinic.toString())));
        as(integrator).get("/api/v1/clinics").then().statusCode(200)
                .body("items.id", equalTo(List.of(clinic.toString())));
    }
}
