package app.meike.customer;

import app.meike.common.persistence.VersionedEntity;
import app.meike.customer.CustomerDtos.ImportIssue;
import app.meike.customer.CustomerDtos.ImportStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An uploaded customer file and its report. The file is validated on upload and again on commit (the chain may
 * have changed in between); the counts and issues are those of the last validation, or of the commit.
 */
@Entity
@Table(name = "customer_import")
public class CustomerImport extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "file_name")
    public String fileName;
    @Enumerated(EnumType.STRING)
    public ImportStatus status;
    /** The file as text until it is committed; then dropped, since it holds personal data. */
    public String content;
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
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "ignored_columns", columnDefinition = "text[]")
    public List<String> ignoredColumns;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "committed_by")
    public String committedBy;
    @Column(name = "committed_at")
    public OffsetDateTime committedAt;
}
