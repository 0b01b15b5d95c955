package app.meike.identity;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** Only tokens the realm really issued, still valid, for this API, get in. */
@QuarkusTest
class TokenSecurityTest extends ApiTest {
    static Chain chain;

    @BeforeEach
    void aChain() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
    }

    @Test
    void noTokenIsUnauthorized() {
        anonymous().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://meike.app/problems/unauthorized"));
        anonymous().get("/api/v1/clinics").then().statusCode(401);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String expired = Tokens.claims(chain.adminUserId(), chain.id(), "tenant-admin")
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        as(expired).get("/api/v1/clinics").then().statusCode(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        PrivateKey forger = KeyUtils.readPrivateKey("test-keys/forgerKey.pem");
        String forged = Tokens.claims(chain.adminUserId(), chain.id(), "tenant-admin").sign(forger);
        as(forged).get("/api/v1/clinics").then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        String foreign = Jwt.issuer("https://evil.example/realms/meike").subject(chain.adminUserId())
                .groups(Set.of("tenant-admin")).claim("tenant_id", chain.id().toString()).audience("meike-api")
                .sign();
        as(foreign).get("/api/v1/clinics").then().statusCode(401);
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        String other = Tokens.claims(chain.adminUserId(), chain.id(), "tenant-admin").audience("some-other-api")
                .sign();
        as(other).get("/api/v1/clinics").then().statusCode(401);
    }

    @Test
    void unsignedAlgNoneTokenIsUnauthorized() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"" + chain.adminUserId()
                + "\",\"aud\":\"meike-api\",\"groups\":[\"tenant-admin\"],\"tenant_id\":\"" + chain.id()
                + "\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        as(header + "." + payload + ".").get("/api/v1/clinics").then().statusCode(401);
    }

    @Test
    void garbageTokenIsUnauthorized() {
        as("not-a-jwt").get("/api/v1/me").then().statusCode(401)
                .body("type", equalTo("https://meike.app/problems/unauthorized"));
    }

    @Test
    void staffRoleWithoutATenantIsTurnedAway() {
        as(Tokens.token(UUID.randomUUID().toString(), null, "tenant-admin")).get("/api/v1/clinics")
                .then().statusCode(403).body("type", equalTo("https://meike.app/problems/no-tenant"));
    }

    @Test
    void tenantTheServerDoesNotKnowIsTurnedAway() {
        as(Tokens.token(UUID.randomUUID().toString(), UUID.randomUUID(), "tenant-admin")).get("/api/v1/me")
                .then().statusCode(403).body("type", equalTo("https://meike.app/problems/no-tenant"));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
