package app.meike.common.imports;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An uploaded import file and who did what with it: checked on upload and again on commit, the file kept as text
 * until the commit and dropped then, since it holds personal data. Each import adds its report.
 */
@MappedSuperclass
public abstract class ImportRecord extends VersionedEntity {
    @Column(name = "file_name")
    public String fileName;
    @Enumerated(EnumType.STRING)
    public ImportStatus status;
    public String content;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "ignored_columns", columnDefinition = "text[]")
    public List<String> ignoredColumns;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "committed_by")
    public String committedBy;
    @Column(name = "committed_at")
    public OffsetDateTime committedAt;

    /** Checked and stored as uploaded by `userId` at `at`. */
    public void uploaded(String name, String file, List<String> ignored, String userId, OffsetDateTime at) {
        fileName = name;
        status = ImportStatus.VALIDATED;
        content = file;
        ignoredColumns = ignored;
        createdBy = userId;
        createdAt = at;
    }

    /** Committed by `userId` at `at`; the file goes. */
    public void committed(String userId, OffsetDateTime at) {
        status = ImportStatus.COMMITTED;
        content = null;
        committedBy = userId;
        committedAt = at;
    }
}
