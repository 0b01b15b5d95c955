package app.meike.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Access tokens shaped like the Keycloak realm's, signed with the test key the backend trusts in tests. */
public final class Tokens {
    public static final String ISSUER = "https://issuer.test.meike.invalid";

    private Tokens() {
    }

    public static JwtClaimsBuilder claims(String userId, UUID tenantId, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(userId)
                .upn(userId)
                .claim("preferred_username", "user-" + userId.substring(0, Math.min(8, userId.length())))
                .claim("name", "Test " + userId.substring(0, Math.min(8, userId.length())))
                .groups(Set.of(roles))
                .audience("meike-api")
                .expiresIn(600);
        if (tenantId != null) {
            claims.claim("tenant_id", tenantId.toString());
        }
        return claims;
    }

    public static String token(String userId, UUID tenantId, String... roles) {
        return claims(userId, tenantId, roles).sign();
    }

    public static String platform() {
        return token("platform-" + UUID.randomUUID(), null, "platform-admin");
    }

    public static String withClinics(String userId, UUID tenantId, List<UUID> clinicIds, String... roles) {
        return claims(userId, tenantId, roles).claim("clinic_ids", clinicIds.stream().map(UUID::toString).toList())
                .sign();
    }
}
