package app.meike.analytics.segments;

import app.meike.analytics.segments.SegmentDtos.SegmentFilters;
import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** A saved, named segment of the chain: filters only; its members are computed when asked for. */
@Entity
@Table(name = "custom_segment")
public class CustomSegment extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String name;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    public SegmentFilters filters;
    @Column(name = "created_by")
    public String createdBy;
}
