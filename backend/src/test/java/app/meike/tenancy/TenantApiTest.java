package app.meike.tenancy;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TenantApiTest extends ApiTest {

    @Test
    void platformCreatesAChainWithItsFirstAdmin() {
        String slug = Chains.unique("meili-");
        as(Tokens.platform())
                .body(Map.of("slug", slug, "name", "美丽医美", "currency", "CNY", "timeZone", "Asia/Shanghai",
                        "admin", Map.of("username", slug + ".admin", "email", slug + "@x.meike.local",
                                "displayName", "李经理")))
                .post("/api/v1/tenants")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", "\"0\"")
                .body("tenant.slug", equalTo(slug), "tenant.status", equalTo("ACTIVE"))
                .body("admin.roles", equalTo(java.util.List.of("tenant-admin")), "admin.allClinics", equalTo(true))
                .body("admin.userId", notNullValue(), "initialPassword.length()", equalTo(16));
    }

    @Test
    void slugIsUniqueAndWellFormed() {
        Chain chain = Chains.create();
        as(Tokens.platform()).body(Map.of("slug", chain.slug(), "name", "dup",
                        "admin", Map.of("username", Chains.unique("u."), "email", Chains.unique("e") + "@x.local",
                                "displayName", "d")))
                .post("/api/v1/tenants").then().statusCode(409)
                .body("type", equalTo("https://meike.app/problems/conflict"));
        as(Tokens.platform()).body(Map.of("slug", "Bad Slug!", "name", "x", "currency", "cny", "timeZone",
                        "Mars/Olympus", "admin", Map.of("username", "ok.user", "email", "ok@x.local",
                                "displayName", "d")))
                .post("/api/v1/tenants").then().statusCode(400)
                .body("errors.field", hasItem("slug"))
                .body("errors.field", hasItem("currency"));
        as(Tokens.platform()).body(Map.of("slug", Chains.unique("tz-"), "name", "x", "timeZone", "Mars/Olympus",
                        "admin", Map.of("username", Chains.unique("u."), "email", Chains.unique("e") + "@x.local",
                                "displayName", "d")))
                .post("/api/v1/tenants").then().statusCode(400).body("errors.field", hasItem("timeZone"));
    }

    @Test
    void listPagesWithACursorAndFilters() {
        Chain one = Chains.create();
        Chains.create();
        String next = as(Tokens.platform()).queryParam("limit", 1).get("/api/v1/tenants")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as(Tokens.platform()).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/tenants")
                .then().statusCode(200).body("items", hasSize(1));
        as(Tokens.platform()).queryParam("q", one.slug().toUpperCase()).get("/api/v1/tenants")
                .then().statusCode(200).body("items.id", equalTo(java.util.List.of(one.id().toString())))
                .body("nextCursor", nullValue());
    }

    @Test
    void unknownTenantIsNotFound() {
        as(Tokens.platform()).get("/api/v1/tenants/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://meike.app/problems/not-found"));
    }

    @Test
    void suspendingAChainLocksOutItsUsersUntilReactivated() {
        Chain chain = Chains.create();
        String staffToken = Chains.staffToken(chain, "consultant");
        as(Tokens.platform()).header("If-Match", "\"0\"").body(Map.of("status", "SUSPENDED"))
                .patch("/api/v1/tenants/" + chain.id())
                .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("SUSPENDED"));
        as(chain.adminToken()).get("/api/v1/me").then().statusCode(403)
                .body("type", equalTo("https://meike.app/problems/tenant-suspended"));
        as(staffToken).get("/api/v1/clinics").then().statusCode(403)
                .body("type", equalTo("https://meike.app/problems/tenant-suspended"));

        as(Tokens.platform()).header("If-Match", "\"1\"").body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/tenants/" + chain.id()).then().statusCode(200);
        as(chain.adminToken()).get("/api/v1/audit-events?entityType=tenant")
                .then().statusCode(200)
                .body("items.action", equalTo(java.util.List.of("tenant.reactivated", "tenant.suspended",
                        "tenant.created")));
    }

    @Test
    void staleOrMissingIfMatchChangesNothing() {
        Chain chain = Chains.create();
        as(Tokens.platform()).body(Map.of("name", "renamed")).patch("/api/v1/tenants/" + chain.id())
                .then().statusCode(428).body("type", equalTo("https://meike.app/problems/precondition-required"));
        as(Tokens.platform()).header("If-Match", "\"7\"").body(Map.of("name", "renamed"))
                .patch("/api/v1/tenants/" + chain.id())
                .then().statusCode(412).body("type", equalTo("https://meike.app/problems/precondition-failed"));
        as(Tokens.platform()).get("/api/v1/tenants/" + chain.id())
                .then().statusCode(200).header("ETag", "\"0\"").body("name", not(equalTo("renamed")));
    }
}
