package app.meike.identity;

import app.meike.identity.StaffService.StaffAccess;
import app.meike.tenancy.RowLevelSecurityInterceptor;
import app.meike.tenancy.TenantDtos.TenantSummary;
import app.meike.tenancy.TenantService;
import app.meike.tenancy.TenantStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the gate reads before every request of a chain's user: the chain and the login's staff record, in one
 * statement that sets its tenant itself (staff_admission, changeset 038), outside any transaction, so one round trip
 * and no persistence context. The chain read counts as the request's read of it (TenantService.summaryOf).
 */
@ApplicationScoped
class StaffAdmissions {
    private static final String READ = "SELECT chain_slug, chain_name, chain_status, chain_currency, chain_time_zone,"
            + " staff_id, staff_display_name, staff_roles, staff_active, staff_all_clinics, staff_clinic_ids"
            + " FROM staff_admission(cast(? AS uuid), cast(? AS varchar))";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TenantService tenants;

    record Admission(Optional<TenantStatus> status, Optional<StaffAccess> access) {
    }

    Admission read(UUID tenantId, String userId) {
        try (Connection connection = RowLevelSecurityInterceptor.tenantPerStatement(dataSource);
             PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setObject(1, tenantId);
            statement.setString(2, userId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                Optional<TenantSummary> chain = row.getString("chain_status") == null ? Optional.empty()
                        : Optional.of(new TenantSummary(tenantId, row.getString("chain_slug"),
                        row.getString("chain_name"), TenantStatus.valueOf(row.getString("chain_status")),
                        row.getString("chain_currency"), row.getString("chain_time_zone")));
                tenants.remember(tenantId, chain);
                UUID staffId = row.getObject("staff_id", UUID.class);
                Optional<StaffAccess> access = staffId == null ? Optional.empty()
                        : Optional.of(new StaffAccess(staffId, row.getString("staff_display_name"),
                        Set.copyOf(Arrays.asList((String[]) row.getArray("staff_roles").getArray())), row.getBoolean("staff_active"),
                        row.getBoolean("staff_all_clinics"), Set.copyOf(Arrays.asList((UUID[]) row.getArray("staff_clinic_ids").getArray()))));
                return new Admission(chain.map(TenantSummary::status), access);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the caller's chain and staff record", e);
        }
    }
}
