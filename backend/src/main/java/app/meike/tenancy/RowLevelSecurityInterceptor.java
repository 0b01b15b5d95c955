package app.meike.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The second wall: every connection the app takes from the pool is told which tenant it serves
 * (app.tenant_id), and PostgreSQL's row-level security policies filter on it. Inside a transaction the
 * setting is transaction-local (SET LOCAL semantics); outside one it is cleared when the connection goes back.
 */
@ApplicationScoped
public class RowLevelSecurityInterceptor implements AgroalPoolInterceptor {
    private static final String SET = "SELECT set_config('app.tenant_id', ?, ?), set_config('app.platform', ?, ?)";

    @Override
    public void onConnectionAcquire(Connection connection) {
        UUID tenant = HibernateTenantResolver.currentTenant();
        boolean platform = HibernateTenantResolver.currentIsPlatform();
        apply(connection, tenant == null ? "" : tenant.toString(), platform ? "on" : "off");
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            // A transaction-local setting ended with its transaction; a session-level one must be cleared.
            if (connection.getAutoCommit()) {
                apply(connection, "", "off");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear the tenant of a database connection", e);
        }
    }

    private static void apply(Connection connection, String tenant, String platform) {
        try (PreparedStatement statement = connection.prepareStatement(SET)) {
            boolean local = !connection.getAutoCommit();
            statement.setString(1, tenant);
            statement.setBoolean(2, local);
            statement.setString(3, platform);
            statement.setBoolean(4, local);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the tenant on a database connection", e);
        }
    }
}
