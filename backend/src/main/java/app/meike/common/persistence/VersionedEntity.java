package app.meike.common.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A configurable record: UUIDv7 id, creation and change times, and the version its ETag carries. */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
