package app.meike.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The second wall: every connection the app takes from the pool is told which tenant it serves
 * (app.tenant_id), and PostgreSQL's row-level security policies filter on it. Inside a transaction the
 * setting is transaction-local (SET LOCAL semantics); outside one it is cleared when the connection goes back.
 * A transaction's connection comes back with its setting already gone, so it is not cleared again (a round trip
 * saved on every transaction); when in doubt (a connection not seen at acquisition) it is cleared.
 */
@ApplicationScoped
public class RowLevelSecurityInterceptor implements AgroalPoolInterceptor {
    private static final String SET = "SELECT set_config('app.tenant_id', ?, ?), set_config('app.platform', ?, ?)";

    /** The physical connections out in a transaction, whose setting ends with it. */
    private final Set<Object> transactionLocal = ConcurrentHashMap.newKeySet();

    @Override
    public void onConnectionAcquire(Connection connection) {
        UUID tenant = HibernateTenantResolver.currentTenant();
        boolean platform = HibernateTenantResolver.currentIsPlatform();
        if (apply(connection, tenant == null ? "" : tenant.toString(), platform ? "on" : "off")) {
            transactionLocal.add(physical(connection));
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            // A transaction-local setting ended with its transaction; a session-level one must be cleared.
            if (!transactionLocal.remove(physical(connection)) && connection.getAutoCommit()) {
                apply(connection, "", "off");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear the tenant of a database connection", e);
        }
    }

    private static Object physical(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("Not a PostgreSQL connection", e);
        }
    }

    /** Sets the tenant; answers whether the setting is transaction-local. */
    private static boolean apply(Connection connection, String tenant, String platform) {
        try (PreparedStatement statement = connection.prepareStatement(SET)) {
            boolean local = !connection.getAutoCommit();
            statement.setString(1, tenant);
            statement.setBoolean(2, local);
            statement.setString(3, platform);
            statement.setBoolean(4, local);
            statement.execute();
            return local;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the tenant on a database connection", e);
        }
    }
}
