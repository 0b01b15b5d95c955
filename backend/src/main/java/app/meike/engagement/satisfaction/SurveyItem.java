package app.meike.engagement.satisfaction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** A treated item a survey is about. */
@Entity
@Table(name = "survey_item")
public class SurveyItem extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Embeddable
    public record Key(@Column(name = "survey_id") UUID surveyId, @Column(name = "item_id") UUID itemId)
            implements Serializable {
    }

    static SurveyItem of(UUID surveyId, UUID itemId) {
        SurveyItem link = new SurveyItem();
        link.key = new Key(surveyId, itemId);
        return link;
    }
}
