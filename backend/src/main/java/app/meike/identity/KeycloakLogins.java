package app.meike.identity;

import app.meike.common.problem.ProblemException;
import app.meike.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Staff logins in the Keycloak realm, kept in step with staff records through the admin API. */
@ApplicationScoped
public class KeycloakLogins {
    private static final Logger LOG = Logger.getLogger(KeycloakLogins.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Keycloak keycloak;
    @ConfigProperty(name = "meike.keycloak.realm")
    String realmName;

    /** What a login carries: its identity, the chain it belongs to, its realm roles and clinics. */
    public record Login(String username, String email, String displayName, UUID tenantId, Collection<String> roles,
                        Collection<UUID> clinicIds, boolean enabled) {
    }

    public static String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /** Creates the login with a temporary password (Keycloak asks for a new one at first sign-in); its user id. */
    public String create(Login login, String temporaryPassword) {
        UserRepresentation user = represent(login);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(temporaryPassword);
        credential.setTemporary(true);
        user.setCredentials(List.of(credential));
        String userId = call(() -> {
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("The username or email is already used by another MeiKe login");
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
        try {
            call(() -> {
                realm().users().get(userId).roles().realmLevel().add(roles(login.roles()));
                return null;
            });
        } catch (RuntimeException e) {
            delete(userId);
            throw e;
        }
        return userId;
    }

    /** Brings the login in line with the staff record: details, enabled, chain, clinics, exactly these roles. */
    public void update(String userId, Login login) {
        call(() -> {
            UserResource user = realm().users().get(userId);
            UserRepresentation current = user.toRepresentation();
            UserRepresentation wanted = represent(login);
            current.setEmail(wanted.getEmail());
            current.setFirstName(wanted.getFirstName());
            current.setEnabled(wanted.isEnabled());
            Map<String, List<String>> attributes = current.getAttributes() == null
                    ? new HashMap<>() : new HashMap<>(current.getAttributes());
            attributes.putAll(wanted.getAttributes());
            current.setAttributes(attributes);
            try {
                user.update(current);
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 409) {
                    throw ProblemException.conflict("The email is already used by another MeiKe login");
                }
                throw e;
            }
            Set<String> wantedRoles = Set.copyOf(login.roles());
            List<RoleRepresentation> held = user.roles().realmLevel().listAll().stream()
                    .filter(r -> Roles.STAFF_ROLES.contains(r.getName())).toList();
            List<RoleRepresentation> surplus = held.stream().filter(r -> !wantedRoles.contains(r.getName())).toList();
            List<String> missing = wantedRoles.stream()
                    .filter(name -> held.stream().noneMatch(r -> r.getName().equals(name))).toList();
            if (!surplus.isEmpty()) {
                user.roles().realmLevel().remove(surplus);
            }
            if (!missing.isEmpty()) {
                user.roles().realmLevel().add(roles(missing));
            }
            if (!login.enabled()) {
                // Ends open sessions too, so a disabled person cannot refresh their way back in.
                user.logout();
            }
            return null;
        });
    }

    /** Removes a login that never got its staff record (compensation); failures are logged, not thrown. */
    public void delete(String userId) {
        try (Response ignored = realm().users().delete(userId)) {
            LOG.infof("Removed Keycloak user %s after a failed staff creation", userId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not remove Keycloak user %s; remove it by hand", userId);
        }
    }

    private RealmResource realm() {
        return keycloak.realm(realmName);
    }

    private List<RoleRepresentation> roles(Collection<String> names) {
        return names.stream().map(name -> realm().roles().get(name).toRepresentation()).toList();
    }

    private static UserRepresentation represent(Login login) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(login.username());
        user.setEmail(login.email());
        user.setEmailVerified(true);
        user.setFirstName(login.displayName());
        user.setEnabled(login.enabled());
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("tenant_id", List.of(login.tenantId().toString()));
        attributes.put("clinic_ids", login.clinicIds().stream().map(UUID::toString).sorted().toList());
        user.setAttributes(attributes);
        return user;
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            throw e;
        } catch (ProcessingException | WebApplicationException e) {
            LOG.errorf(e, "Keycloak admin call failed");
            throw new ProblemException(ProblemType.IDENTITY_UNAVAILABLE,
                    "The identity provider could not complete the change; nothing was changed, try again");
        }
    }
}
