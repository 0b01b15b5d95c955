package app.meike.catalog;

import app.meike.audit.AuditLog;
import app.meike.catalog.CatalogService.ItemRef;
import app.meike.catalog.PackTemplateDtos.PackTemplateCreate;
import app.meike.catalog.PackTemplateDtos.PackTemplateItemInput;
import app.meike.catalog.PackTemplateDtos.PackTemplateItemView;
import app.meike.catalog.PackTemplateDtos.PackTemplatePatch;
import app.meike.catalog.PackTemplateDtos.PackTemplateView;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.MoneySplit;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.Versions;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Session-pack templates. A template's price is split over its items by their standalone prices (list price x
 * sessions, today), largest remainder, so the parts add up to the price; sales split the money they take the same
 * way. Archived rather than deleted, like items.
 */
@ApplicationScoped
public class PackTemplateService {
    @Inject
    CatalogService catalog;
    @Inject
    CatalogEdits edits;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record TemplateQuery(String q, Boolean active, UUID clinicId) {
    }

    /** What sales and packs need to know of a template, with its price split over its items. */
    public record PackTemplateRef(UUID id, String name, long price, int validityDays, boolean active,
                                  boolean allClinics, List<UUID> clinicIds, List<PackItemRef> items) {
        public boolean soldAt(UUID clinicId) {
            return active && (allClinics || clinicIds.contains(clinicId));
        }

        public Set<UUID> itemIds() {
            return items.stream().map(PackItemRef::itemId).collect(Collectors.toSet());
        }
    }

    /** One item of a template: `standalonePrice` is its list price x sessions, `allocatedPrice` its part. */
    public record PackItemRef(UUID itemId, String itemName, ItemCategory category, int sessions,
                              Integer minIntervalDays, long standalonePrice, long allocatedPrice) {
    }

    public Page<PackTemplateView> list(TemplateQuery query, PageRequest page) {
        Filter filter = new Filter()
                .containing(query.q(), "name", "code")
                .and("active = :active", "active", query.active())
                .and("allClinics = true or array_contains(clinicIds, :clinicId)", "clinicId", query.clinicId())
                .and("id > :after", "after", page.after());
        List<PackTemplate> rows = PackTemplate.<PackTemplate>find(filter.where() + " order by id", filter.params())
                .page(0, page.fetchSize()).list();
        Map<UUID, PackTemplateRef> refs = refs(rows);
        String currency = edits.currency();
        return page.page(rows, t -> t.id, t -> view(t, refs.get(t.id), currency));
    }

    public PackTemplateView get(UUID id) {
        PackTemplate template = find(id);
        return view(template, refs(List.of(template)).get(id), edits.currency());
    }

    /** The templates with these ids that exist in the chain, archived or not; unknown ids are simply absent. */
    public Map<UUID, PackTemplateRef> templates(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : refs(PackTemplate.list("id in ?1", Set.copyOf(ids)));
    }

    @Transactional
    public PackTemplateView create(PackTemplateCreate request) {
        edits.requireCurrency("price", request.price());
        CatalogEdits.ClinicChoice clinicChoice = edits.clinics(request.allClinics(), request.clinicIds());
        if (PackTemplate.count("lower(code) = lower(?1)", request.code()) > 0) {
            throw ProblemException.conflict("Template code '" + request.code() + "' is already used in this chain");
        }
        UUID id = Ids.newId();
        List<PackTemplateItem> items = items(id, request.items());
        OffsetDateTime now = Clocks.now(clock);
        PackTemplate template = new PackTemplate();
        template.id = id;
        template.code = request.code();
        template.name = request.name().trim();
        template.description = Strings.blankToNull(request.description());
        template.price = request.price().amount();
        template.validityDays = request.validityDays();
        template.allClinics = clinicChoice.allClinics();
        template.clinicIds = new ArrayList<>(clinicChoice.clinicIds());
        template.active = true;
        template.createdAt = now;
        template.updatedAt = now;
        template.persist();
        items.forEach(i -> i.persist());
        PackTemplate.flush();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("code", template.code);
        created.put("name", template.name);
        created.put("price", template.price);
        created.put("items", summary(items));
        audit.record("pack-template.created", "pack-template", template.id, created);
        return get(template.id);
    }

    @Transactional
    public PackTemplateView update(UUID id, String ifMatch, PackTemplatePatch patch) {
        if (patch.name == null && patch.description == null && patch.items == null && patch.price == null
                && patch.validityDays == null && patch.active == null && patch.allClinics == null
                && patch.clinicIds == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        PackTemplate template = find(id);
        Versions.requireMatch(ifMatch, template.version);
        Changes changes = new Changes();
        if (patch.items != null) {
            List<PackTemplateItem> old = itemsOf(List.of(id)).getOrDefault(id, List.of());
            List<PackTemplateItem> items = items(id, patch.items.get());
            if (changes.track("items", summary(old), summary(items))) {
                old.forEach(i -> i.delete());
                // Inserts would otherwise run before the deletes of the same keys; flushed while the template
                // itself is unchanged, so the edit is one version step.
                PackTemplateItem.flush();
                items.forEach(i -> i.persist());
            }
        }
        if (patch.name != null && changes.track("name", template.name, patch.name.get().trim())) {
            template.name = patch.name.get().trim();
        }
        if (patch.description != null) {
            String description = Strings.blankToNull(patch.description.orElse(null));
            if (changes.track("description", template.description, description)) {
                template.description = description;
            }
        }
        if (patch.price != null) {
            edits.requireCurrency("price", patch.price.get());
            if (changes.track("price", template.price, patch.price.get().amount())) {
                template.price = patch.price.get().amount();
            }
        }
        if (patch.validityDays != null
                && changes.track("validityDays", template.validityDays, patch.validityDays.get())) {
            template.validityDays = patch.validityDays.get();
        }
        edits.patchClinics(changes, template.allClinics, template.clinicIds, patch.allClinics, patch.clinicIds,
                (allClinics, clinicIds) -> {
                    template.allClinics = allClinics;
                    template.clinicIds = new ArrayList<>(clinicIds);
                });
        boolean wasActive = template.active;
        if (patch.active != null) {
            template.active = patch.active.get();
        }
        edits.save(template, "pack-template", changes, wasActive, patch.active);
        return get(template.id);
    }

    /** The template's items as sent: 1-10 distinct active items of the chain; a 400 names each bad one. */
    private List<PackTemplateItem> items(UUID templateId, List<PackTemplateItemInput> inputs) {
        Map<UUID, ItemRef> known = catalog.items(inputs.stream().map(PackTemplateItemInput::itemId).toList());
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<PackTemplateItem> items = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PackTemplateItemInput input = inputs.get(i);
            String field = "items[" + i + "].itemId";
            ItemRef item = known.get(input.itemId());
            if (item == null) {
                errors.add(new FieldError(field, "is not an item of this chain"));
            } else if (!seen.add(item.id())) {
                errors.add(new FieldError(field, "is named twice; give it more sessions instead"));
            } else if (!item.active()) {
                errors.add(new FieldError(field, "is archived"));
            }
            PackTemplateItem row = new PackTemplateItem();
            row.key = new PackTemplateItem.Key(templateId, input.itemId());
            row.itemNo = (short) (i + 1);
            row.sessions = input.sessions();
            row.minIntervalDays = input.minIntervalDays();
            items.add(row);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return items;
    }

    /** The items as the audit log shows them: "itemId x sessions / interval". */
    private static List<String> summary(List<PackTemplateItem> items) {
        return items.stream().map(i -> i.key.itemId() + " x" + i.sessions
                + (i.minIntervalDays == null ? "" : " /" + i.minIntervalDays + "d")).toList();
    }

    private Map<UUID, PackTemplateRef> refs(List<PackTemplate> templates) {
        Map<UUID, List<PackTemplateItem>> items = itemsOf(templates.stream().map(t -> t.id).toList());
        Map<UUID, ItemRef> catalogItems = catalog.items(items.values().stream().flatMap(List::stream)
                .map(i -> i.key.itemId()).collect(Collectors.toSet()));
        return templates.stream().collect(Collectors.toMap(t -> t.id,
                t -> ref(t, items.getOrDefault(t.id, List.of()), catalogItems)));
    }

    private static PackTemplateRef ref(PackTemplate t, List<PackTemplateItem> items, Map<UUID, ItemRef> catalogItems) {
        long[] standalone = items.stream()
                .mapToLong(i -> Math.multiplyExact(catalogItems.get(i.key.itemId()).listPrice(), i.sessions)).toArray();
        long[] allocated = MoneySplit.byWeights(t.price, standalone);
        List<PackItemRef> refs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            PackTemplateItem item = items.get(i);
            ItemRef catalogItem = catalogItems.get(item.key.itemId());
            refs.add(new PackItemRef(item.key.itemId(), catalogItem.name(), catalogItem.category(), item.sessions,
                    item.minIntervalDays, standalone[i], allocated[i]));
        }
        return new PackTemplateRef(t.id, t.name, t.price, t.validityDays, t.active, t.allClinics,
                List.copyOf(t.clinicIds), List.copyOf(refs));
    }

    private static Map<UUID, List<PackTemplateItem>> itemsOf(Collection<UUID> templateIds) {
        if (templateIds.isEmpty()) {
            return Map.of();
        }
        return PackTemplateItem.<PackTemplateItem>find("key.templateId in ?1 order by itemNo", templateIds).stream()
                .collect(Collectors.groupingBy(i -> i.key.templateId()));
    }

    private static PackTemplate find(UUID id) {
        return PackTemplate.<PackTemplate>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Session-pack template"));
    }

    private static PackTemplateView view(PackTemplate t, PackTemplateRef ref, String currency) {
        Function<Long, Money> money = amount -> new Money(amount, currency);
        List<PackTemplateItemView> items = ref.items().stream().map(i -> new PackTemplateItemView(i.itemId(),
                i.itemName(), i.category(), i.sessions(), i.minIntervalDays(), money.apply(i.standalonePrice()),
                money.apply(i.allocatedPrice()), money.apply(i.allocatedPrice() / i.sessions()))).toList();
        return new PackTemplateView(t.id, t.code, t.name, t.description, items, money.apply(t.price),
                money.apply(ref.items().stream().mapToLong(PackItemRef::standalonePrice).sum()), t.validityDays,
                t.allClinics, List.copyOf(t.clinicIds), t.active, t.createdAt, t.updatedAt, t.version);
    }
}
