package app.meike.customer;

import app.meike.common.Changes;
import app.meike.common.Ids;
import app.meike.common.imports.CsvImport;
import app.meike.common.imports.ImportCells;
import app.meike.common.imports.ImportIssue;
import app.meike.customer.Customer.CustomerSource;
import app.meike.customer.Customer.Gender;
import app.meike.customer.CustomerCsv.Column;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Checks an import file row by row against itself and the chain, and works out what committing it would write.
 * The rule for a phone that is already a customer: a filled cell replaces the stored value, an empty cell
 * leaves it alone; tags are added (never removed); the first visit only moves earlier; a referrer is attached
 * only when none is recorded (a different one is an issue). A row that would change nothing is unchanged, so
 * importing the same file again changes nothing.
 */
final class ImportPlanner {
    /** The chain as the planner needs to see it. */
    interface Chain {
        Map<String, CustomerRow> customersByPhone(Collection<String> phones);

        UUID referrerOf(UUID customerId);

        Map<String, UUID> staffByUsername(Collection<String> usernames);
    }

    /** What a commit writes, and the report. */
    record Plan(int totalRows, List<CustomerRow> inserts, List<CustomerRow> updates, Map<UUID, Changes> changes,
                int unchangedRows, int invalidRows, List<ImportIssue> issues) {
    }

    static final String CONSENT_CHANNEL = "CSV import";
    private static final int MAX_TAGS = 20;
    private static final int MAX_DEPTH = 10_000;
    private static final Map<String, Gender> GENDERS = words(Gender.values(), Map.of("f", Gender.FEMALE,
            "女", Gender.FEMALE, "m", Gender.MALE, "男", Gender.MALE, "其他", Gender.OTHER,
            "保密", Gender.UNDISCLOSED, "未知", Gender.UNDISCLOSED));
    private static final Map<String, CustomerSource> SOURCES = words(CustomerSource.values(), Map.of(
            "广告", CustomerSource.ADVERTISING, "转介绍", CustomerSource.REFERRAL, "推荐", CustomerSource.REFERRAL,
            "自然到店", CustomerSource.WALK_IN, "到店", CustomerSource.WALK_IN,
            "线上平台", CustomerSource.ONLINE_PLATFORM, "线上", CustomerSource.ONLINE_PLATFORM,
            "活动", CustomerSource.EVENT, "其他", CustomerSource.OTHER));
    private static final Map<String, Boolean> CONSENTS = Map.ofEntries(Map.entry("true", true),
            Map.entry("yes", true), Map.entry("y", true), Map.entry("1", true), Map.entry("是", true),
            Map.entry("同意", true), Map.entry("false", false), Map.entry("no", false), Map.entry("n", false),
            Map.entry("0", false), Map.entry("否", false), Map.entry("不同意", false));

    private final Chain chain;
    private final ZoneId zone;
    private final OffsetDateTime now;
    private final String actor;

    ImportPlanner(Chain chain, ZoneId zone, OffsetDateTime now, String actor) {
        this.chain = chain;
        this.zone = zone;
        this.now = now;
        this.actor = actor;
    }

    /** One row of the file as read, with its problems and, once resolved, whom it is about. */
    private static final class Line {
        final int row;
        final List<ImportIssue> issues = new ArrayList<>();
        String name;
        String phone;
        Gender gender;
        LocalDate birthDate;
        CustomerSource source;
        String referrerPhone;
        List<String> tags = List.of();
        LocalDate firstVisit;
        String owner;
        String notes;
        Boolean consent;
        CustomerRow existing;
        UUID id;
        UUID ownerId;
        UUID referrerId;

        Line(int row) {
            this.row = row;
        }

        boolean valid() {
            return issues.isEmpty();
        }

        void issue(Column column, String message) {
            issues.add(new ImportIssue(row, column.header(), null, message));
        }

        /** Whether this row gives the customer a referrer she does not have yet. */
        boolean attachesReferrer() {
            return referrerId != null && (existing == null || existing.referrerId() == null);
        }
    }

    Plan plan(List<CsvImport.Row<Column>> rows) {
        List<Line> lines = rows.stream().map(this::read).toList();
        Map<String, Line> byPhone = new HashMap<>();
        for (Line line : lines) {
            if (line.phone != null) {
                Line first = byPhone.putIfAbsent(line.phone, line);
                if (first != null) {
                    line.issue(Column.PHONE, "is also on row " + first.row + " (only that row is imported)");
                }
            }
        }
        Set<String> phones = new HashSet<>(byPhone.keySet());
        lines.stream().map(l -> l.referrerPhone).filter(Objects::nonNull).forEach(phones::add);
        Map<String, CustomerRow> existing = chain.customersByPhone(phones);
        Map<String, UUID> staff = chain.staffByUsername(lines.stream().map(l -> l.owner).filter(Objects::nonNull)
                .map(o -> o.toLowerCase(Locale.ROOT)).distinct().toList());
        for (Line line : lines) {
            if (line.phone != null) {
                line.existing = existing.get(line.phone);
                line.id = line.existing != null ? line.existing.id() : Ids.newId();
            }
            if (line.owner != null) {
                line.ownerId = staff.get(line.owner.toLowerCase(Locale.ROOT));
                if (line.ownerId == null) {
                    line.issue(Column.OWNER, "is not a staff member of this chain (give their MeiKe username)");
                }
            }
        }
        // A row whose referrer's row is skipped is skipped too, which may skip further rows: repeat until stable.
        boolean skippedMore = true;
        while (skippedMore) {
            skippedMore = resolveReferrers(lines, byPhone, existing) | breakCycles(lines, existing.values());
        }
        return outcome(lines);
    }

    private Line read(CsvImport.Row<Column> row) {
        Line line = new Line(row.row());
        row.cells().forEach((column, value) -> {
            // Notes may run over several lines; no other cell may.
            if (ImportCells.hasControlCharacter(value, column == Column.NOTES)) {
                line.issue(column, "contains a control character");
            }
        });
        if (!line.valid()) {
            return line;
        }
        line.name = text(line, row, Column.NAME, 100);
        if (line.name == null) {
            line.issue(Column.NAME, "is required");
        }
        String phone = row.get(Column.PHONE);
        line.phone = phone == null ? null : PhoneNumbers.normalizeOrNull(phone);
        if (line.phone == null) {
            line.issue(Column.PHONE, phone == null ? "is required" : PhoneNumbers.RULE);
        }
        line.gender = word(line, row, Column.GENDER, GENDERS);
        line.birthDate = date(line, row, Column.BIRTH_DATE);
        line.source = word(line, row, Column.SOURCE, SOURCES);
        String referrer = row.get(Column.REFERRER_PHONE);
        if (referrer != null) {
            line.referrerPhone = PhoneNumbers.normalizeOrNull(referrer);
            if (line.referrerPhone == null) {
                line.issue(Column.REFERRER_PHONE, PhoneNumbers.RULE);
            } else if (line.referrerPhone.equals(line.phone)) {
                line.issue(Column.REFERRER_PHONE, "is the customer's own phone");
            }
        }
        line.tags = tags(line, row.get(Column.TAGS));
        line.firstVisit = date(line, row, Column.FIRST_VISIT_DATE);
        line.owner = text(line, row, Column.OWNER, 64);
        line.notes = text(line, row, Column.NOTES, CustomerRecordService.MAX_NOTES);
        line.consent = word(line, row, Column.MARKETING_CONSENT, CONSENTS);
        return line;
    }

    private static String text(Line line, CsvImport.Row<Column> row, Column column, int max) {
        String value = row.get(column);
        if (value != null && value.length() > max) {
            line.issue(column, "must be at most " + max + " characters");
        }
        return value;
    }

    private static <T> T word(Line line, CsvImport.Row<Column> row, Column column, Map<String, T> words) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        T known = words.get(value.toLowerCase(Locale.ROOT));
        if (known == null) {
            line.issue(column, "'" + value + "' is not one of " + new LinkedHashSet<>(words.keySet()));
        }
        return known;
    }

    private LocalDate date(Line line, CsvImport.Row<Column> row, Column column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        LocalDate date = ImportCells.date(value);
        if (date == null) {
            line.issue(column, ImportCells.DATE_RULE);
        } else if (date.isAfter(now.atZoneSameInstant(zone).toLocalDate())) {
            line.issue(column, "is in the future");
        } else if (date.getYear() < 1900) {
            line.issue(column, "is before 1900");
        }
        return date;
    }

    private static List<String> tags(Line line, String value) {
        if (value == null) {
            return List.of();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : value.split(CustomerCsv.TAG_SEPARATORS)) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        if (tags.size() > MAX_TAGS) {
            line.issue(Column.TAGS, "has more than " + MAX_TAGS + " tags");
        }
        if (tags.stream().anyMatch(t -> t.length() > 30)) {
            line.issue(Column.TAGS, "has a tag longer than 30 characters");
        }
        return new ArrayList<>(tags);
    }

    /** Finds each valid row's referrer; answers whether a row was newly skipped. */
    private static boolean resolveReferrers(List<Line> lines, Map<String, Line> byPhone,
                                            Map<String, CustomerRow> existing) {
        boolean skipped = false;
        for (Line line : lines) {
            if (!line.valid() || line.referrerPhone == null) {
                continue;
            }
            Line referrerLine = byPhone.get(line.referrerPhone);
            CustomerRow referrer = existing.get(line.referrerPhone);
            if (referrer == null && referrerLine != null && !referrerLine.valid()) {
                line.issue(Column.REFERRER_PHONE, "belongs to row " + referrerLine.row + ", which is not imported");
            } else if (referrer == null && referrerLine == null) {
                line.issue(Column.REFERRER_PHONE, "is not a customer in this file or the chain");
            } else {
                line.referrerId = referrer != null ? referrer.id() : referrerLine.id;
                UUID recorded = line.existing == null ? null : line.existing.referrerId();
                if (recorded != null && !recorded.equals(line.referrerId)) {
                    line.issue(Column.REFERRER_PHONE, "differs from the referrer already recorded for this customer"
                            + " (a referrer is recorded once)");
                }
            }
            skipped |= !line.valid();
        }
        return skipped;
    }

    /** Skips rows whose new referrer would make a customer her own ancestor; answers whether any was skipped. */
    private boolean breakCycles(List<Line> lines, Collection<CustomerRow> existing) {
        Map<UUID, UUID> parents = new HashMap<>();
        existing.forEach(c -> parents.put(c.id(), c.referrerId()));
        lines.stream().filter(l -> l.valid() && l.existing == null).forEach(l -> parents.put(l.id, null));
        Map<UUID, Line> attaching = new LinkedHashMap<>();
        lines.stream().filter(l -> l.valid() && l.attachesReferrer()).forEach(l -> {
            attaching.put(l.id, l);
            parents.put(l.id, l.referrerId);
        });
        Function<UUID, UUID> parentOf = id -> parents.containsKey(id) ? parents.get(id) : chain.referrerOf(id);
        boolean skipped = false;
        for (Line line : attaching.values()) {
            UUID ancestor = line.referrerId;
            for (int depth = 0; ancestor != null && depth < MAX_DEPTH; depth++) {
                if (ancestor.equals(line.id)) {
                    line.issue(Column.REFERRER_PHONE, "would make a referral cycle (this customer would be her own"
                            + " referrer's ancestor)");
                    parents.put(line.id, null);
                    skipped = true;
                    break;
                }
                UUID next = parentOf.apply(ancestor);
                parents.putIfAbsent(ancestor, next);
                ancestor = next;
            }
        }
        return skipped;
    }

    private Plan outcome(List<Line> lines) {
        List<CustomerRow> inserts = new ArrayList<>();
        List<CustomerRow> updates = new ArrayList<>();
        Map<UUID, Changes> changes = new LinkedHashMap<>();
        List<ImportIssue> issues = new ArrayList<>();
        int unchanged = 0;
        int invalid = 0;
        for (Line line : lines) {
            if (!line.valid()) {
                invalid++;
                issues.addAll(line.issues);
            } else if (line.existing == null) {
                inserts.add(created(line));
            } else {
                Changes changed = new Changes();
                CustomerRow updated = updated(line, changed);
                if (changed.isEmpty()) {
                    unchanged++;
                } else {
                    updates.add(updated);
                    changes.put(updated.id(), changed);
                }
            }
        }
        return new Plan(lines.size(), inserts, updates, changes, unchanged, invalid, issues);
    }

    private CustomerRow created(Line line) {
        boolean consentGiven = line.consent != null;
        return new CustomerRow(line.id, 0, line.name, line.phone, line.gender, line.birthDate,
                line.source == null ? CustomerSource.OTHER : line.source, line.ownerId, line.tags, line.notes,
                consentGiven && line.consent, consentGiven ? CONSENT_CHANNEL : null, consentGiven ? now : null,
                startOf(line.firstVisit), line.referrerId, line.referrerId == null ? null : now,
                line.referrerId == null ? null : actor);
    }

    private CustomerRow updated(Line line, Changes changes) {
        CustomerRow was = line.existing;
        String name = pick(changes, "name", was.name(), line.name);
        Gender gender = pick(changes, "gender", was.gender(), line.gender);
        LocalDate birthDate = pick(changes, "birthDate", was.birthDate(), line.birthDate);
        CustomerSource source = pick(changes, "source", was.source(), line.source);
        UUID ownerId = pick(changes, "ownerStaffId", was.ownerId(), line.ownerId);
        LinkedHashSet<String> united = new LinkedHashSet<>(was.tags());
        united.addAll(line.tags);
        List<String> tags = pick(changes, "tags", was.tags(), new ArrayList<>(united));
        String notes = was.notes();
        if (line.notes != null && !line.notes.equals(was.notes())) {
            // Notes may hold health information: the audit log says that they changed, not what they say.
            changes.track("notes", "(earlier notes)", "(notes from the import)");
            notes = line.notes;
        }
        boolean consentChanged = line.consent != null && changes.track("marketingConsent", was.consent(),
                line.consent);
        OffsetDateTime firstVisit = was.firstVisitAt();
        if (line.firstVisit != null && (firstVisit == null
                || line.firstVisit.isBefore(firstVisit.atZoneSameInstant(zone).toLocalDate()))) {
            changes.track("firstVisitAt", firstVisit, startOf(line.firstVisit));
            firstVisit = startOf(line.firstVisit);
        }
        boolean attaching = line.attachesReferrer();
        if (attaching) {
            changes.track("referrerId", null, line.referrerId);
        }
        return new CustomerRow(was.id(), was.version(), name, was.phone(), gender, birthDate, source, ownerId, tags,
                notes, consentChanged ? line.consent : was.consent(),
                consentChanged ? CONSENT_CHANNEL : was.consentChannel(),
                consentChanged ? now : was.consentRecordedAt(), firstVisit,
                attaching ? line.referrerId : was.referrerId(), attaching ? now : was.referrerAttachedAt(),
                attaching ? actor : was.referrerAttachedBy());
    }

    /** The file's value where it has one and it differs (recorded), else the stored one. */
    private static <T> T pick(Changes changes, String field, T stored, T imported) {
        return imported != null && changes.track(field, stored, imported) ? imported : stored;
    }

    private OffsetDateTime startOf(LocalDate date) {
        return date == null ? null : date.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The enum's names in lower case, and the other words for its values. */
    private static <E extends Enum<E>> Map<String, E> words(E[] values, Map<String, E> more) {
        Map<String, E> words = new LinkedHashMap<>();
        for (E value : values) {
            words.put(value.name().toLowerCase(Locale.ROOT), value);
        }
        words.putAll(more);
        return words;
    }
}
