package app.meike.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * The second wall: every connection the app takes from the pool is told which tenant it serves
 * (app.tenant_id), and PostgreSQL's row-level security policies filter on it. Inside a transaction the
 * setting is transaction-local (SET LOCAL semantics); outside one it is cleared when the connection goes back.
 * A transaction's connection comes back with its setting already gone, so it is not cleared again (a round trip
 * saved on every transaction); when in doubt (a connection not seen at acquisition) it is cleared. A connection
 * taken with {@link #tenantPerStatement} gets no setting at all: each of its statements sets the tenant for itself
 * ({@link #STATEMENT_TENANT}), two round trips fewer for the hottest one-statement work.
 */
@ApplicationScoped
public class RowLevelSecurityInterceptor implements AgroalPoolInterceptor {
    private static final String SET = "SELECT set_config('app.tenant_id', ?, ?), set_config('app.platform', ?, ?)";
    /**
     * The head of a statement that sets its tenant itself (bind the tenant id first; end with {@code FROM tenant}):
     * transaction-local, so outside a transaction it ends with the statement.
     */
    public static final String STATEMENT_TENANT = "WITH tenant AS MATERIALIZED"
            + " (SELECT set_config('app.tenant_id', cast(? AS varchar), true)) ";

    private static final ThreadLocal<Boolean> PER_STATEMENT = new ThreadLocal<>();

    /** The physical connections out in a transaction, whose setting ends with it. */
    private final Set<Object> transactionLocal = ConcurrentHashMap.newKeySet();
    /** The physical connections out with no setting, whose statements set their own. */
    private final Set<Object> perStatement = ConcurrentHashMap.newKeySet();

    /**
     * A connection outside any transaction on which the pool sets no tenant: every statement run on it must set
     * the tenant itself, beginning with {@link #STATEMENT_TENANT} or calling a function that sets it first
     * (staff_admission). One that does not sees no tenant's rows (the setting is empty), so a slip fails closed.
     */
    public static Connection tenantPerStatement(DataSource dataSource) throws SQLException {
        if (QuarkusTransaction.isActive()) {
            // A transaction's statements would share the first one's setting: the pool sets it for them instead.
            throw new IllegalStateException("A connection whose statements set their tenant must not be in a"
                    + " transaction");
        }
        PER_STATEMENT.set(true);
        try {
            return dataSource.getConnection();
        } finally {
            PER_STATEMENT.remove();
        }
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        if (Boolean.TRUE.equals(PER_STATEMENT.get())) {
            perStatement.add(physical(connection));
            return;
        }
        UUID tenant = HibernateTenantResolver.currentTenant();
        boolean platform = HibernateTenantResolver.currentIsPlatform();
        if (apply(connection, tenant == null ? "" : tenant.toString(), platform ? "on" : "off")) {
            transactionLocal.add(physical(connection));
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            // A transaction-local setting ended with its transaction (or its statement); a session-level one must
            // be cleared.
            Object physical = physical(connection);
            if (!transactionLocal.remove(physical) && !perStatement.remove(physical) && connection.getAutoCommit()) {
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
