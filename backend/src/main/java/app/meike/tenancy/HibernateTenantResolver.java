package app.meike.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Hibernate's discriminator tenant: the current TenantContext, or a tenant that owns nothing. */
@PersistenceUnitExtension
@ApplicationScoped
public class HibernateTenantResolver implements TenantResolver {

    @Override
    public String getDefaultTenantId() {
        return TenantContext.NONE.toString();
    }

    @Override
    public String resolveTenantId() {
        UUID tenant = currentTenant();
        return (tenant == null ? TenantContext.NONE : tenant).toString();
    }

    static UUID currentTenant() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(TenantContext.class).get().tenantId();
    }

    static boolean currentIsPlatform() {
        return Arc.container().requestContext().isActive()
                && Arc.container().instance(TenantContext.class).get().isPlatform();
    }
}
