package app.meike.catalog;

import app.meike.audit.AuditLog;
import app.meike.catalog.CatalogDtos.CatalogItemCreate;
import app.meike.catalog.CatalogDtos.CatalogItemPatch;
import app.meike.catalog.CatalogDtos.CatalogItemView;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Versions;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The chain's treatment catalog: items are priced in the chain's currency, archived rather than deleted. */
@ApplicationScoped
public class CatalogService {
    @Inject
    CatalogEdits edits;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record ItemQuery(String q, ItemCategory category, Boolean active, Boolean entryLevel, UUID clinicId) {
    }

    public Page<CatalogItemView> list(ItemQuery query, PageRequest page) {
        Filter filter = new Filter()
                .containing(query.q(), "name", "code")
                .and("category = :category", "category", query.category())
                .and("active = :active", "active", query.active())
                .and("entryLevel = :entryLevel", "entryLevel", query.entryLevel())
                .and("allClinics = true or array_contains(clinicIds, :clinicId)", "clinicId", query.clinicId())
                .and("id > :after", "after", page.after());
        List<CatalogItem> rows = CatalogItem.<CatalogItem>find(filter.where() + " order by id", filter.params())
                .page(0, page.fetchSize()).list();
        String currency = edits.currency();
        return page.page(rows, i -> i.id, i -> view(i, currency));
    }

    public CatalogItemView get(UUID id) {
        return view(find(id), edits.currency());
    }

    /** What other features need to know of an item they refer to, archived or not. */
    public record ItemRef(UUID id, String name, ItemCategory category, long listPrice, int durationMinutes,
                          boolean active, boolean allClinics, List<UUID> clinicIds) {
        public boolean offeredAt(UUID clinicId) {
            return active && (allClinics || clinicIds.contains(clinicId));
        }
    }

    /** The items with these ids that exist in the chain; unknown ids are simply absent. */
    public Map<UUID, ItemRef> items(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return CatalogItem.<CatalogItem>find("id in ?1", Set.copyOf(ids)).stream()
                .map(i -> new ItemRef(i.id, i.name, i.category, i.listPrice, i.durationMinutes, i.active,
                        i.allClinics, List.copyOf(i.clinicIds)))
                .collect(Collectors.toMap(ItemRef::id, Function.identity()));
    }

    @Transactional
    public CatalogItemView create(CatalogItemCreate request) {
        String currency = edits.currency();
        edits.requireCurrency("listPrice", request.listPrice());
        CatalogEdits.ClinicChoice clinicChoice = edits.clinics(request.allClinics(), request.clinicIds());
        if (CatalogItem.count("lower(code) = lower(?1)", request.code()) > 0) {
            throw ProblemException.conflict("Item code '" + request.code() + "' is already used in this chain");
        }
        OffsetDateTime now = Clocks.now(clock);
        CatalogItem item = new CatalogItem();
        item.id = Ids.newId();
        item.code = request.code();
        item.name = request.name().trim();
        item.category = request.category();
        item.listPrice = request.listPrice().amount();
        item.durationMinutes = request.durationMinutes();
        item.entryLevel = Boolean.TRUE.equals(request.entryLevel());
        item.active = true;
        item.allClinics = clinicChoice.allClinics();
        item.clinicIds = new ArrayList<>(clinicChoice.clinicIds());
        item.createdAt = now;
        item.updatedAt = now;
        item.persistAndFlush();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("code", item.code);
        created.put("name", item.name);
        created.put("listPrice", item.listPrice);
        audit.record("catalog-item.created", "catalog-item", item.id, created);
        return view(item, currency);
    }

    @Transactional
    public CatalogItemView update(UUID id, String ifMatch, CatalogItemPatch patch) {
        if (patch.name == null && patch.category == null && patch.listPrice == null && patch.durationMinutes == null
                && patch.entryLevel == null && patch.active == null && patch.allClinics == null
                && patch.clinicIds == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        CatalogItem item = find(id);
        Versions.requireMatch(ifMatch, item.version);
        String currency = edits.currency();
        Changes changes = new Changes();
        if (patch.name != null && changes.track("name", item.name, patch.name.get().trim())) {
            item.name = patch.name.get().trim();
        }
        if (patch.category != null && changes.track("category", item.category, patch.category.get())) {
            item.category = patch.category.get();
        }
        if (patch.listPrice != null) {
            edits.requireCurrency("listPrice", patch.listPrice.get());
            if (changes.track("listPrice", item.listPrice, patch.listPrice.get().amount())) {
                item.listPrice = patch.listPrice.get().amount();
            }
        }
        if (patch.durationMinutes != null
                && changes.track("durationMinutes", item.durationMinutes, patch.durationMinutes.get())) {
            item.durationMinutes = patch.durationMinutes.get();
        }
        if (patch.entryLevel != null && changes.track("entryLevel", item.entryLevel, patch.entryLevel.get())) {
            item.entryLevel = patch.entryLevel.get();
        }
        edits.patchClinics(changes, item.allClinics, item.clinicIds, patch.allClinics, patch.clinicIds,
                (allClinics, clinicIds) -> {
                    item.allClinics = allClinics;
                    item.clinicIds = new ArrayList<>(clinicIds);
                });
        boolean wasActive = item.active;
        if (patch.active != null) {
            item.active = patch.active.get();
        }
        edits.save(item, "catalog-item", changes, wasActive, patch.active);
        return view(item, currency);
    }

    private static CatalogItem find(UUID id) {
        return CatalogItem.<CatalogItem>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Catalog item"));
    }

    private static CatalogItemView view(CatalogItem i, String currency) {
        return new CatalogItemView(i.id, i.code, i.name, i.category, new Money(i.listPrice, currency),
                i.durationMinutes, i.entryLevel, i.active, i.allClinics, List.copyOf(i.clinicIds), i.createdAt,
                i.updatedAt, i.version);
    }
}
