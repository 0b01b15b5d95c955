package app.meike.wallet;

import app.meike.common.imports.ImportRecord;
import app.meike.wallet.StoredValueDtos.ImportRowView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.UUID;

/** An uploaded opening-balance file and its report row by row: of the last check, or of the commit. */
@Entity
@Table(name = "stored_value_import")
public class StoredValueImport extends ImportRecord {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "default_clinic_id")
    public UUID defaultClinicId;
    @Column(name = "total_rows")
    public int totalRows;
    @Column(name = "ok_rows")
    public int okRows;
    @Column(name = "error_rows")
    public int errorRows;
    @Column(name = "duplicate_rows")
    public int duplicateRows;
    /** What the OK rows bring in (or brought in, once committed). */
    public long principal;
    public long bonus;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "report_rows")
    public List<ImportRowView> rows;
}
