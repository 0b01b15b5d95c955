package app.meike.integration;

import app.meike.common.Clocks;
import app.meike.common.problem.ProblemException;
import app.meike.common.problem.ProblemType;
import app.meike.identity.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.query.NativeQuery;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key handling for writes that move money, points or sessions. The key is claimed in the write's own
 * transaction: a concurrent request with the same key blocks on the key's row until the first commits, then
 * answers the first result; if the first fails, its claim rolls back with it and the key is free again. The
 * same key with another request (another operation, target or body) is a 422.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{8,100}");

    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** The first result of this request under this key, computed by `work` only once. */
    public record Outcome<T>(T result, boolean replayed) {
    }

    /**
     * Runs `work` once for the key. `operation` names the operation and its target (e.g. "order.pay:{id}"),
     * `request` is the body; both decide whether a reused key is a replay or a mistake.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> once(String key, String operation, Object request, Class<T> resultType, Supplier<T> work) {
        String hash = fingerprint(key, operation, request);
        int claimed = Panache.getEntityManager().createNativeQuery("INSERT INTO idempotency_key (tenant_id, key,"
                        + " operation, request_hash, created_at) VALUES (:tenant, :key, :operation, :hash, :now)"
                        + " ON CONFLICT DO NOTHING")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("idempotency_key")
                .setParameter("tenant", caller.tenantId())
                .setParameter("key", key)
                .setParameter("operation", operation)
                .setParameter("hash", hash)
                .setParameter("now", Clocks.now(clock))
                .executeUpdate();
        if (claimed == 0) {
            return new Outcome<>(replay(key, hash, resultType), true);
        }
        T result = work.get();
        Panache.getEntityManager().createNativeQuery("UPDATE idempotency_key SET response = cast(:response AS jsonb)"
                        + " WHERE tenant_id = :tenant AND key = :key")
                .setParameter("response", write(result))
                .setParameter("tenant", caller.tenantId())
                .setParameter("key", key)
                .executeUpdate();
        return new Outcome<>(result, false);
    }

    /**
     * The fingerprint a key's claim stores and a replay must match, for a write that claims its key itself (in its
     * own statement); a missing or malformed key is a 400.
     */
    public String fingerprint(String key, String operation, Object request) {
        requireWellFormed(key);
        return hash(operation, request);
    }

    private <T> T replay(String key, String hash, Class<T> resultType) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT request_hash, cast(response AS text)"
                        + " FROM idempotency_key WHERE tenant_id = :tenant AND key = :key")
                .setParameter("tenant", caller.tenantId())
                .setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0]) || row[1] == null) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for"
                    + " another request; use a new key for a new request");
        }
        try {
            return json.readValue((String) row[1], resultType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored idempotent result could not be read", e);
        }
    }

    private static void requireWellFormed(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.invalidField(HEADER, "is required: a unique key per attempt (a UUID is fine),"
                    + " reused only to retry the same request");
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField(HEADER, "must be 8 to 100 visible ASCII characters");
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(CANONICAL.writeValueAsBytes(CANONICAL.valueToTree(request)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint a request", e);
        }
    }

    private String write(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store an idempotent result", e);
        }
    }

    /** Field order never changes a fingerprint. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
}
