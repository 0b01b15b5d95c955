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
    /** One answer whether the clash is in this chain or another, so no chain learns another's logins. */
    static final String TAKEN = "This username or email cannot be used for a new login; choose another";

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
                    throw ProblemException.conflict(TAKEN);
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

    /**
     * Brings the login in line with the staff record: details, enabled, chain, clinics, exactly these roles.
     * Answers how to put the login back as it was, for when the staff change does not commit; a change that
     * fails half-way is put back at once.
     */
    public Runnable update(String userId, Login login) {
        UserResource user = realm().users().get(userId);
        UserRepresentation before = call(user::toRepresentation);
        List<String> tenant = before.getAttributes() == null ? null : before.getAttributes().get("tenant_id");
        if (tenant == null || !tenant.equals(List.of(login.tenantId().toString()))) {
            throw ProblemException.conflict("This staff member's login belongs to another clinic chain");
        }
        List<RoleRepresentation> rolesBefore = call(() -> staffRolesOf(user));
        Runnable undo = () -> restore(userId, before, rolesBefore);
        try {
            call(() -> {
                UserRepresentation wanted = represent(login);
                UserRepresentation changed = call(user::toRepresentation);
                changed.setEmail(wanted.getEmail());
                changed.setFirstName(wanted.getFirstName());
                changed.setEnabled(wanted.isEnabled());
                Map<String, List<String>> attributes = new HashMap<>(changed.getAttributes());
                attributes.putAll(wanted.getAttributes());
                changed.setAttributes(attributes);
                user.update(changed);
                setStaffRoles(user, login.roles());
                if (!login.enabled()) {
                    // Ends open sessions too, so a disabled person cannot refresh their way back in.
                    user.logout();
                }
                return null;
            });
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
        return undo;
    }

    private void restore(String userId, UserRepresentation before, List<RoleRepresentation> rolesBefore) {
        try {
            UserResource user = realm().users().get(userId);
            user.update(before);
            setStaffRoles(user, rolesBefore.stream().map(RoleRepresentation::getName).toList());
            LOG.infof("Put Keycloak user %s back as it was after a staff change did not complete", userId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not put Keycloak user %s back; compare it with its staff record by hand", userId);
        }
    }

    private static List<RoleRepresentation> staffRolesOf(UserResource user) {
        return user.roles().realmLevel().listAll().stream()
                .filter(r -> Roles.STAFF_ROLES.contains(r.getName())).toList();
    }

    private void setStaffRoles(UserResource user, Collection<String> names) {
        Set<String> wanted = Set.copyOf(names);
        List<RoleRepresentation> held = staffRolesOf(user);
        List<RoleRepresentation> surplus = held.stream().filter(r -> !wanted.contains(r.getName())).toList();
        List<String> missing = wanted.stream()
                .filter(name -> held.stream().noneMatch(r -> r.getName().equals(name))).toList();
        if (!surplus.isEmpty()) {
            user.roles().realmLevel().remove(surplus);
        }
        if (!missing.isEmpty()) {
            user.roles().realmLevel().add(roles(missing));
        }
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
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 409) {
                throw ProblemException.conflict(TAKEN);
            }
            if (status == 400) {
                // Keycloak refused a value (its user profile's rules): the request, not the server, is at fault.
                throw new ProblemException(ProblemType.VALIDATION,
                        "The identity provider refused these login details: " + reason(e));
            }
            LOG.errorf(e, "Keycloak admin call failed with %d", status);
            throw unavailable();
        } catch (ProcessingException e) {
            LOG.errorf(e, "Keycloak could not be reached");
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.IDENTITY_UNAVAILABLE,
                "The identity provider could not complete the change; nothing was changed, try again");
    }

    private static String reason(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(String.class);
        } catch (RuntimeException unreadable) {
            return "HTTP 400";
        }
    }
}
