package app.meike.tenancy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Work done outside requests for every active chain in turn (daily jobs): each chain's part runs as that chain's
 * tenant and opens its own transactions; one chain's failure is logged and the others still get theirs.
 */
@ApplicationScoped
public class ActiveChains {
    private static final Logger LOG = Logger.getLogger(ActiveChains.class);

    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;

    @ActivateRequestContext
    public void forEach(String work, Consumer<UUID> perChain) {
        tenantContext.actAsPlatform();
        List<UUID> chains = QuarkusTransaction.requiringNew().call(tenants::activeTenantIds);
        for (UUID chain : chains) {
            try {
                tenantContext.callAs(chain, () -> {
                    perChain.accept(chain);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s failed for chain %s; its next run tries again", work, chain);
            }
        }
    }
}
