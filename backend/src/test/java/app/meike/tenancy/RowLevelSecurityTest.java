package app.meike.tenancy;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database wall on its own: SQL sent through the app's pool without Hibernate's tenant filter still sees
 * and changes only the current tenant's rows.
 */
@QuarkusTest
class RowLevelSecurityTest extends ApiTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    TenantContext tenantContext;

    Chain a;
    Chain b;
    UUID clinicOfA;

    @BeforeEach
    void twoChains() {
        a = Chains.create();
        b = Chains.create();
        clinicOfA = Chains.clinic(a, "A 店");
        Chains.clinic(b, "B 店");
    }

    @Test
    void rawSqlWithoutATenantSeesNoTenantRows() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(count(c, "select count(*) from clinic")).isZero();
            assertThat(count(c, "select count(*) from staff")).isZero();
            assertThat(count(c, "select count(*) from audit_event")).isZero();
            assertThat(count(c, "select count(*) from tenant")).isZero();
        }
    }

    @Test
    void everyTableWithATenantColumnHasForcedRowLevelSecurity() throws SQLException {
        List<String> unguarded = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select t.relname from pg_class t"
                     + " join pg_namespace n on n.oid = t.relnamespace"
                     + " join pg_attribute a on a.attrelid = t.oid and a.attname = 'tenant_id' and not a.attisdropped"
                     + " where n.nspname = current_schema() and t.relkind = 'r'"
                     + " and not (t.relrowsecurity and t.relforcerowsecurity)");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                unguarded.add(rows.getString(1));
            }
        }
        assertThat(unguarded).isEmpty();
    }

    @Test
    void rawSqlForgettingTheTenantPredicateStillSeesOnlyItsOwnTenant() {
        List<UUID> seen = tenantContext.callAs(b.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("select tenant_id from clinic");
                 ResultSet rows = s.executeQuery()) {
                List<UUID> tenants = new ArrayList<>();
                while (rows.next()) {
                    tenants.add(rows.getObject(1, UUID.class));
                }
                return tenants;
            }
        }));
        assertThat(seen).isNotEmpty().containsOnly(b.id());
    }

    @Test
    void rawSqlCannotChangeOrCreateAnotherTenantsRows() {
        int updated = tenantContext.callAs(b.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("update clinic set name = 'hijacked' where id = ?")) {
                s.setObject(1, clinicOfA);
                return s.executeUpdate();
            }
        }));
        assertThat(updated).isZero();
        assertThatThrownBy(() -> tenantContext.callAs(b.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("insert into clinic (tenant_id, id, code, name, time_zone,"
                         + " active, created_at, updated_at, version) values (?, ?, 'X1', 'planted', 'UTC', true,"
                         + " now(), now(), 0)")) {
                s.setObject(1, a.id());
                s.setObject(2, UUID.randomUUID());
                return s.executeUpdate();
            }
        }))).hasStackTraceContaining("row-level security");
    }

    @Test
    void theTenantSettingDoesNotOutliveItsTransaction() throws SQLException {
        tenantContext.callAs(a.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                assertThat(setting(c)).isEqualTo(a.id().toString());
            }
            return null;
        }));
        try (Connection c = dataSource.getConnection()) {
            assertThat(setting(c)).isEmpty();
            assertThat(count(c, "select count(*) from clinic")).isZero();
        }
    }

    @Test
    void aStatementThatSetsItsTenantSeesOnlyThatTenantAndTheSettingEndsWithIt() throws SQLException {
        // Acting for A, the statement names B: it is what the statement sets that counts, and only for itself.
        long[] seen = tenantContext.callAs(a.id(), () -> {
            try (Connection c = RowLevelSecurityInterceptor.tenantPerStatement(dataSource)) {
                // The pool set no tenant: a statement that does not set its own sees nothing, whatever the context.
                long before = count(c, "select count(*) from clinic");
                long ofB;
                long ofOthers;
                try (PreparedStatement s = c.prepareStatement(RowLevelSecurityInterceptor.STATEMENT_TENANT
                        + "SELECT (SELECT count(*) FROM clinic WHERE tenant_id = ? AND tenant.set_config IS NOT NULL),"
                        + " (SELECT count(*) FROM clinic WHERE tenant_id <> ? AND tenant.set_config IS NOT NULL)"
                        + " FROM tenant")) {
                    s.setString(1, b.id().toString());
                    s.setObject(2, b.id());
                    s.setObject(3, b.id());
                    try (ResultSet rows = s.executeQuery()) {
                        rows.next();
                        ofB = rows.getLong(1);
                        ofOthers = rows.getLong(2);
                    }
                }
                return new long[] {before, ofB, ofOthers, count(c, "select count(*) from clinic")};
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen[0]).as("before the statement").isZero();
        assertThat(seen[1]).as("the statement's tenant's clinics").isPositive();
        assertThat(seen[2]).as("other tenants' clinics").isZero();
        assertThat(seen[3]).as("after the statement").isZero();
        try (Connection c = dataSource.getConnection()) {
            assertThat(setting(c)).isEmpty();
        }
        assertThatThrownBy(() -> tenantContext.callAs(a.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = RowLevelSecurityInterceptor.tenantPerStatement(dataSource)) {
                return count(c, "select count(*) from clinic");
            }
        }))).hasStackTraceContaining("must not be in a transaction");
    }

    @Test
    void theAppRoleCannotRewriteOrDeleteTheAuditLog() {
        for (String sql : List.of("update audit_event set action = 'forged'", "delete from audit_event")) {
            assertThatThrownBy(() -> tenantContext.callAs(a.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                    return s.executeUpdate();
                }
            }))).hasStackTraceContaining("permission denied");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String setting(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select coalesce(current_setting('app.tenant_id', true), '')");
             ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
