package app.meike.tenancy;

import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant the current unit of work acts for: taken only from the caller's token, or set explicitly by
 * work outside a request. Hibernate's tenant filter and PostgreSQL's row-level security both read it.
 */
@RequestScoped
public class TenantContext {
    /** Sentinel for "no tenant": matches no row, so a forgotten tenant shows nothing rather than everything. */
    public static final UUID NONE = new UUID(0, 0);

    private UUID tenantId;
    private boolean platform;

    public UUID tenantId() {
        return tenantId;
    }

    public boolean isPlatform() {
        return platform;
    }

    public void actFor(UUID tenantId) {
        this.tenantId = tenantId;
        this.platform = false;
    }

    public void actAsPlatform() {
        this.tenantId = null;
        this.platform = true;
    }

    /**
     * Runs work for another tenant (the platform operator creating or suspending a chain, jobs).
     * The work must open its own transaction so Hibernate and the connection pick up the tenant.
     */
    public <T> T callAs(UUID tenant, Supplier<T> work) {
        UUID previousTenant = tenantId;
        boolean previousPlatform = platform;
        actFor(tenant);
        try {
            return work.get();
        } finally {
            tenantId = previousTenant;
            platform = previousPlatform;
        }
    }
}
