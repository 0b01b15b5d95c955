package app.meike.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates clinic chains, clinics and staff through the API, the way a platform operator and admins would. */
public final class Chains {
    private Chains() {
    }

    /** A chain created through the API, with a token for its first tenant admin. */
    public record Chain(UUID id, String slug, String adminUserId, UUID adminStaffId, String adminToken) {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Chain create() {
        return create("Asia/Shanghai");
    }

    /** A chain in this time zone (member years and months are counted in it). */
    public static Chain create(String timeZone) {
        String slug = unique("chain-");
        JsonPath body = RestAssured.given().auth().oauth2(Tokens.platform()).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Chain " + slug, "timeZone", timeZone,
                        "admin", Map.of("username", slug + ".admin", "email", slug + "@test.meike.local",
                                "displayName", "Admin of " + slug)))
                .post("/api/v1/tenants")
                .then().statusCode(201).extract().jsonPath();
        UUID id = UUID.fromString(body.getString("tenant.id"));
        String adminUserId = body.getString("admin.userId");
        return new Chain(id, slug, adminUserId, UUID.fromString(body.getString("admin.id")),
                Tokens.token(adminUserId, id, "tenant-admin"));
    }

    public static UUID clinic(Chain chain, String name) {
        return UUID.fromString(RestAssured.given().auth().oauth2(chain.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("code", unique("C"), "name", name))
                .post("/api/v1/clinics")
                .then().statusCode(201).extract().path("id"));
    }

    /** A token of a newly invited staff member holding just this role, in every clinic. */
    public static String staffToken(Chain chain, String role) {
        JsonPath staff = staff(chain, List.of(role), List.of());
        return Tokens.token(staff.getString("userId"), chain.id(), role);
    }

    /** Invites a staff member and answers their record as JSON. */
    public static JsonPath staff(Chain chain, List<String> roles, List<UUID> clinicIds) {
        String username = unique("s.");
        return RestAssured.given().auth().oauth2(chain.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@test.meike.local",
                        "displayName", "Staff " + username, "roles", roles,
                        "allClinics", clinicIds.isEmpty(), "clinicIds", clinicIds))
                .post("/api/v1/staff")
                .then().statusCode(201).extract().jsonPath().setRootPath("staff");
    }
}
