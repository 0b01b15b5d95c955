package app.meike.identity;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Staff are provisioned in the real Keycloak realm and follow their record there. */
@QuarkusTest
class StaffApiTest extends ApiTest {
    @Inject
    Keycloak keycloak;
    @ConfigProperty(name = "meike.keycloak.realm")
    String realm;

    @Test
    void invitingStaffCreatesTheirLoginWithRolesAndClinics() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "静安店");
        String username = Chains.unique("wang.");
        JsonPath created = as(chain.adminToken())
                .body(Map.of("username", username, "email", username + "@x.meike.local", "displayName", "王咨询",
                        "phone", "138 0013 8000", "roles", List.of("consultant"), "allClinics", false,
                        "clinicIds", List.of(clinic)))
                .post("/api/v1/staff")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("staff.clinicIds", equalTo(List.of(clinic.toString())))
                .body("staff.active", equalTo(true))
                .extract().jsonPath();
        String userId = created.getString("staff.userId");

        UserRepresentation user = keycloak.realm(realm).users().get(userId).toRepresentation();
        assertThat(user.getUsername()).isEqualTo(username);
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.getAttributes().get("tenant_id")).containsExactly(chain.id().toString());
        assertThat(user.getAttributes().get("clinic_ids")).containsExactly(clinic.toString());
        assertThat(realmRoles(userId)).contains("consultant").doesNotContain("tenant-admin");

        as(Tokens.token(userId, chain.id(), "consultant")).get("/api/v1/me")
                .then().statusCode(200)
                .body("staffId", equalTo(created.getString("staff.id")))
                .body("allClinics", equalTo(false))
                .body("clinicIds", equalTo(List.of(clinic.toString())));
    }

    @Test
    void disablingStaffDisablesTheLoginAndRejectsTheirTokensAtOnce() {
        Chain chain = Chains.create();
        JsonPath staff = Chains.staff(chain, List.of("front-desk"), List.of());
        String token = Tokens.token(staff.getString("userId"), chain.id(), "front-desk");
        as(token).get("/api/v1/clinics").then().statusCode(200);

        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("active", false))
                .patch("/api/v1/staff/" + staff.getString("id"))
                .then().statusCode(200).body("active", equalTo(false));
        assertThat(keycloak.realm(realm).users().get(staff.getString("userId")).toRepresentation().isEnabled())
                .isFalse();
        as(token).get("/api/v1/clinics").then().statusCode(403)
                .body("type", equalTo("https://meike.app/problems/staff-disabled"));

        as(chain.adminToken()).header("If-Match", "\"1\"").body(Map.of("active", true))
                .patch("/api/v1/staff/" + staff.getString("id")).then().statusCode(200);
        assertThat(keycloak.realm(realm).users().get(staff.getString("userId")).toRepresentation().isEnabled())
                .isTrue();
        as(token).get("/api/v1/clinics").then().statusCode(200);
    }

    @Test
    void changingRolesAndClinicsFollowsInKeycloak() {
        Chain chain = Chains.create();
        UUID first = Chains.clinic(chain, "一店");
        UUID second = Chains.clinic(chain, "二店");
        JsonPath staff = Chains.staff(chain, List.of("consultant"), List.of(first));
        as(chain.adminToken()).header("If-Match", "\"0\"")
                .body(Map.of("roles", List.of("manager", "clinician"), "clinicIds", List.of(second)))
                .patch("/api/v1/staff/" + staff.getString("id"))
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("clinicIds", equalTo(List.of(second.toString())));
        String userId = staff.getString("userId");
        assertThat(realmRoles(userId)).contains("manager", "clinician").doesNotContain("consultant");
        assertThat(keycloak.realm(realm).users().get(userId).toRepresentation().getAttributes().get("clinic_ids"))
                .containsExactly(second.toString());
        as(chain.adminToken()).get("/api/v1/audit-events?entityId=" + staff.getString("id"))
                .then().statusCode(200).body("items.action", equalTo(List.of("staff.updated", "staff.created")));
    }

    @Test
    void staffLimitedToAClinicSeeOnlyThatClinic() {
        Chain chain = Chains.create();
        UUID mine = Chains.clinic(chain, "我的店");
        UUID other = Chains.clinic(chain, "别的店");
        JsonPath staff = Chains.staff(chain, List.of("consultant"), List.of(mine));
        String token = Tokens.token(staff.getString("userId"), chain.id(), "consultant");
        as(token).get("/api/v1/clinics").then().statusCode(200).body("items.id", equalTo(List.of(mine.toString())));
        as(token).get("/api/v1/clinics/" + other).then().statusCode(404);
        as(token).get("/api/v1/clinics/" + mine).then().statusCode(200);
    }

    @Test
    void clinicLimitedManagersSeeOnlyTheirClinicsPeople() {
        Chain chain = Chains.create();
        UUID mine = Chains.clinic(chain, "我的店");
        UUID other = Chains.clinic(chain, "别的店");
        JsonPath manager = Chains.staff(chain, List.of("manager"), List.of(mine));
        JsonPath colleague = Chains.staff(chain, List.of("clinician"), List.of(mine));
        JsonPath stranger = Chains.staff(chain, List.of("clinician"), List.of(other));
        String token = Tokens.token(manager.getString("userId"), chain.id(), "manager");
        as(token).queryParam("limit", 200).get("/api/v1/staff").then().statusCode(200)
                .body("items.id", hasItem(colleague.getString("id")))
                .body("items.id", not(hasItem(stranger.getString("id"))));
        as(token).get("/api/v1/staff/" + stranger.getString("id")).then().statusCode(404);
    }

    @Test
    void theFrontDeskPicksADoctorOfItsClinicFromTheDirectory() {
        Chain chain = Chains.create();
        UUID mine = Chains.clinic(chain, "前台的店");
        UUID other = Chains.clinic(chain, "别的店");
        JsonPath doctor = Chains.staff(chain, List.of("clinician"), List.of(mine));
        JsonPath elsewhere = Chains.staff(chain, List.of("clinician"), List.of(other));
        JsonPath gone = Chains.staff(chain, List.of("clinician"), List.of(mine));
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("active", false))
                .patch("/api/v1/staff/" + gone.getString("id")).then().statusCode(200);
        JsonPath desk = Chains.staff(chain, List.of("front-desk"), List.of(mine));
        String token = Tokens.token(desk.getString("userId"), chain.id(), "front-desk");
        as(token).queryParam("role", "clinician").queryParam("limit", 200).get("/api/v1/staff/directory").then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(doctor.getString("id"))))
                .body("items[0].displayName", equalTo(doctor.getString("displayName")))
                .body("items[0].clinicIds", equalTo(List.of(mine.toString())))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("email")));
        as(chain.adminToken()).queryParam("role", "clinician").queryParam("clinicId", other.toString())
                .get("/api/v1/staff/directory").then().statusCode(200)
                .body("items.id", equalTo(List.of(elsewhere.getString("id"))));
        as(token).queryParam("role", "integrator").get("/api/v1/staff/directory").then().statusCode(400)
                .body("errors.field", hasItem("role"));
    }

    @Test
    void staffReadThemselvesButNotColleagues() {
        Chain chain = Chains.create();
        JsonPath me = Chains.staff(chain, List.of("consultant"), List.of());
        JsonPath colleague = Chains.staff(chain, List.of("consultant"), List.of());
        String token = Tokens.token(me.getString("userId"), chain.id(), "consultant");
        as(token).get("/api/v1/staff/" + me.getString("id")).then().statusCode(200);
        as(token).get("/api/v1/staff/" + colleague.getString("id")).then().statusCode(404);
        as(token).get("/api/v1/staff").then().statusCode(403);
    }

    @Test
    void duplicatesAndUnknownClinicsAreRefusedWithoutALoginLeftBehind() {
        Chain chain = Chains.create();
        JsonPath existing = Chains.staff(chain, List.of("consultant"), List.of());
        as(chain.adminToken()).body(Map.of("username", existing.getString("username"), "email", "new@x.meike.local",
                        "displayName", "dup", "roles", List.of("consultant"), "allClinics", true))
                .post("/api/v1/staff").then().statusCode(409);
        String username = Chains.unique("ghost.");
        as(chain.adminToken()).body(Map.of("username", username, "email", username + "@x.meike.local",
                        "displayName", "ghost", "roles", List.of("consultant"), "allClinics", false,
                        "clinicIds", List.of(UUID.randomUUID())))
                .post("/api/v1/staff").then().statusCode(400).body("errors.field", hasItem("clinicIds[0]"));
        as(chain.adminToken()).body(Map.of("username", username, "email", username + "@x.meike.local",
                        "displayName", "ghost", "roles", List.of("consultant"), "allClinics", false))
                .post("/api/v1/staff").then().statusCode(400).body("errors.field", hasItem("clinicIds"));
        assertThat(keycloak.realm(realm).users().search(username, true)).isEmpty();
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        Chain chain = Chains.create();
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("active", false))
                .patch("/api/v1/staff/" + chain.adminStaffId()).then().statusCode(409);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("roles", List.of("manager")))
                .patch("/api/v1/staff/" + chain.adminStaffId()).then().statusCode(409);
        as(chain.adminToken()).get("/api/v1/staff/" + chain.adminStaffId())
                .then().statusCode(200).header("ETag", "\"0\"").body("active", equalTo(true));
    }

    @Test
    void staleIfMatchIsRefused() {
        Chain chain = Chains.create();
        JsonPath staff = Chains.staff(chain, List.of("consultant"), List.of());
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("displayName", "新名字"))
                .patch("/api/v1/staff/" + staff.getString("id")).then().statusCode(200);
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("displayName", "旧的覆盖"))
                .patch("/api/v1/staff/" + staff.getString("id")).then().statusCode(412);
        as(chain.adminToken()).get("/api/v1/staff/" + staff.getString("id"))
                .then().body("displayName", equalTo("新名字"));
    }

    @Test
    void displayNamesMayHoldPunctuation() {
        Chain chain = Chains.create();
        String username = Chains.unique("li.");
        String id = as(chain.adminToken()).body(Map.of("username", username, "email", username + "@x.meike.local",
                        "displayName", "李医生 (皮肤科) & 注射/光电", "roles", List.of("clinician"), "allClinics", true))
                .post("/api/v1/staff").then().statusCode(201).extract().path("staff.id");
        as(chain.adminToken()).header("If-Match", "\"0\"").body(Map.of("displayName", "李医生 (主任)"))
                .patch("/api/v1/staff/" + id).then().statusCode(200).body("displayName", equalTo("李医生 (主任)"));
    }

    @Test
    void clinicChoiceMustBeUnambiguous() {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "一店");
        String username = Chains.unique("z.");
        as(chain.adminToken()).body(Map.of("username", username, "email", username + "@x.meike.local",
                        "displayName", "z", "roles", List.of("consultant"), "allClinics", true,
                        "clinicIds", List.of(clinic)))
                .post("/api/v1/staff").then().statusCode(400).body("errors.field", hasItem("clinicIds"));
        as(chain.adminToken()).body(Map.of("username", username, "email", username + "@x.meike.local",
                        "displayName", "z", "roles", List.of("tenant-admin"), "allClinics", false,
                        "clinicIds", List.of(clinic)))
                .post("/api/v1/staff").then().statusCode(400).body("errors.field", hasItem("allClinics"));
    }

    private List<String> realmRoles(String userId) {
        return keycloak.realm(realm).users().get(userId).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName).toList();
    }
}
