package app.meike.customer;

import app.meike.common.imports.ImportIssue;
import app.meike.common.imports.ImportRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** An uploaded customer file and its report: the counts and issues of the last check, or of the commit. */
@Entity
@Table(name = "customer_import")
public class CustomerImport extends ImportRecord {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "total_rows")
    public int totalRows;
    @Column(name = "new_rows")
    public int newRows;
    @Column(name = "changed_rows")
    public int changedRows;
    @Column(name = "unchanged_rows")
    public int unchangedRows;
    @Column(name = "invalid_rows")
    public int invalidRows;
    @Column(name = "issue_count")
    public int issueCount;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ImportIssue> issues;
}
