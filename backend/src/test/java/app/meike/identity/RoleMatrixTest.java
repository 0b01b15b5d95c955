package app.meike.identity;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Contract;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Each role against each operation: allowed roles get past the role check, all others get 403. */
@QuarkusTest
class RoleMatrixTest extends ApiTest {
    static final Set<String> TENANT_ROLES = Set.of("tenant-admin", "manager", "consultant", "front-desk", "clinician");
    static Chain chain;
    static UUID clinic;
    static String staffId;

    record Call(Set<String> allowed, Function<RequestSpecification, Response> send) {
    }

    @BeforeEach
    void aChain() {
        if (chain != null) {
            return;
        }
        chain = Chains.create();
        clinic = Chains.clinic(chain, "矩阵店");
        staffId = Chains.staff(chain, List.of("consultant"), List.of()).getString("id");
    }

    @Test
    void everyOperationIsInTheMatrix() {
        assertThat(matrix().keySet()).containsExactlyInAnyOrderElementsOf(Contract.operations().keySet());
    }

    @Test
    void rolesAreAllowedOrDeniedAsDesigned() {
        List<String> wrong = new ArrayList<>();
        matrix().forEach((operation, call) -> {
            for (String role : Roles.ALL) {
                String token = role.equals(Roles.PLATFORM_ADMIN) ? Tokens.platform()
                        : Tokens.token("matrix-" + UUID.randomUUID(), chain.id(), role);
                int status = call.send().apply(as(token)).statusCode();
                boolean allowed = call.allowed().contains(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(operation + " as " + role + " answered " + status);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static Map<String, Call> matrix() {
        Set<String> everyone = Set.copyOf(Roles.ALL);
        Set<String> platform = Set.of(Roles.PLATFORM_ADMIN);
        Set<String> admin = Set.of(Roles.TENANT_ADMIN);
        Set<String> clinicReaders = Set.of("tenant-admin", "manager", "consultant", "front-desk", "clinician",
                "integrator");
        Map<String, Call> m = new LinkedHashMap<>();
        m.put("getMe", new Call(everyone, r -> r.get("/api/v1/me")));
        m.put("listTenants", new Call(platform, r -> r.get("/api/v1/tenants")));
        m.put("createTenant", new Call(platform, r -> r.body(Map.of("slug", Chains.unique("m-"), "name", "m",
                "admin", Map.of("username", Chains.unique("m."), "email", Chains.unique("m") + "@x.local",
                        "displayName", "m"))).post("/api/v1/tenants")));
        m.put("getTenant", new Call(platform, r -> r.get("/api/v1/tenants/" + chain.id())));
        m.put("updateTenant", new Call(platform, r -> r.header("If-Match", "\"99\"").body(Map.of("name", "m"))
                .patch("/api/v1/tenants/" + chain.id())));
        m.put("listClinics", new Call(clinicReaders, r -> r.get("/api/v1/clinics")));
        m.put("createClinic", new Call(admin, r -> r.body(Map.of("code", Chains.unique("M"), "name", "m"))
                .post("/api/v1/clinics")));
        m.put("getClinic", new Call(clinicReaders, r -> r.get("/api/v1/clinics/" + clinic)));
        m.put("updateClinic", new Call(admin, r -> r.header("If-Match", "\"99\"").body(Map.of("name", "m"))
                .patch("/api/v1/clinics/" + clinic)));
        m.put("listStaff", new Call(Set.of("tenant-admin", "manager"), r -> r.get("/api/v1/staff")));
        m.put("createStaff", new Call(admin, r -> r.body(Map.of("username", "bad name", "email", "x",
                "displayName", "x", "roles", List.of("consultant"), "allClinics", true)).post("/api/v1/staff")));
        m.put("getStaff", new Call(TENANT_ROLES, r -> r.get("/api/v1/staff/" + staffId)));
        m.put("updateStaff", new Call(admin, r -> r.header("If-Match", "\"99\"").body(Map.of("displayName", "m"))
                .patch("/api/v1/staff/" + staffId)));
        m.put("listAuditEvents", new Call(admin, r -> r.get("/api/v1/audit-events")));
        return m;
    }
}
