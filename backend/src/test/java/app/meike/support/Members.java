package app.meike.support;

import app.meike.membership.Memberships;
import app.meike.membership.Memberships.SpendSource;
import app.meike.tenancy.TenantContext;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import app.meike.support.Chains.Chain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Membership fixtures: tiers through the API, and qualifying spend recorded the way orders record it (through the
 * Memberships bean, in a transaction for the chain), until orders exist to drive it over HTTP.
 */
public final class Members {
    private Members() {
    }

    /** A customer of the chain, created through the API. */
    public static UUID customer(Chain chain, String name) {
        String phone = "139" + String.format("%08d",
                Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        return UUID.fromString(RestAssured.given().auth().oauth2(chain.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "phone", phone, "source", "WALK_IN"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> tier(String name, long threshold, double discount) {
        return Map.of("name", name, "threshold", Map.of("amount", threshold, "currency", "CNY"),
                "benefits", Map.of("discountPercent", discount, "categoryDiscounts", Map.of(),
                        "pointsMultiplier", 1.5,
                        "perks", List.of(Map.of("code", "BIRTHDAY_GIFT", "description", "生日礼"))));
    }

    /** 普卡 10,000 · 银卡 30,000 · 金卡 50,000 CNY on the given basis and review rule. */
    public static Map<String, Object> program(String basis, String reviewRule) {
        return Map.of("basis", basis, "reviewRule", reviewRule, "tiers", List.of(
                tier("普卡", 1_000_000, 2), tier("银卡", 3_000_000, 5), tier("金卡", 5_000_000, 8)));
    }

    /** Replaces the chain's program (reading its ETag first) and answers the stored program. */
    public static JsonPath setProgram(Chain chain, Map<String, Object> program) {
        String etag = RestAssured.given().auth().oauth2(chain.adminToken()).get("/api/v1/membership/tiers")
                .then().statusCode(200).extract().header("ETag");
        return RestAssured.given().auth().oauth2(chain.adminToken()).contentType(ContentType.JSON)
                .header("If-Match", etag).body(program).put("/api/v1/membership/tiers")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Records qualifying spend as an order or refund would. */
    public static void spend(Chain chain, UUID customer, UUID source, SpendSource kind, long amount,
                             OffsetDateTime at) {
        // Test threads of their own (parallel orders) have no request scope yet.
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        try {
            TenantContext tenants = Arc.container().instance(TenantContext.class).get();
            Memberships memberships = Arc.container().instance(Memberships.class).get();
            tenants.callAs(chain.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
                memberships.recordSpend(customer, source, kind, amount, at);
                return null;
            }));
        } finally {
            if (activated) {
                requests.terminate();
            }
        }
    }

    /** Waits for a job to finish and answers it. */
    public static JsonPath awaitJob(Chain chain, String jobId) {
        for (int i = 0; i < 300; i++) {
            JsonPath job = RestAssured.given().auth().oauth2(chain.adminToken())
                    .get("/api/v1/membership/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            if (List.of("DONE", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Job " + jobId + " did not finish in 30 s");
    }
}
