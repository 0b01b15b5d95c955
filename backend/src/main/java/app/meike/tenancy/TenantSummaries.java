package app.meike.tenancy;

import app.meike.tenancy.TenantDtos.TenantSummary;
import jakarta.enterprise.context.RequestScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The chains a request has looked up, read once per request: the gate's status check, the currency and the zone
 * every service asks for come from one row read. Never outlives the request, so a suspension or a new zone counts
 * from the next request on.
 */
@RequestScoped
class TenantSummaries {
    private final Map<UUID, Optional<TenantSummary>> read = new HashMap<>();

    Optional<TenantSummary> get(UUID tenantId, Function<UUID, Optional<TenantSummary>> load) {
        return read.computeIfAbsent(tenantId, load);
    }

    void put(UUID tenantId, Optional<TenantSummary> summary) {
        read.put(tenantId, summary);
    }

    void forget(UUID tenantId) {
        read.remove(tenantId);
    }
}
