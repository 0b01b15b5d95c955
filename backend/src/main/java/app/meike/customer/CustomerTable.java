package app.meike.customer;

import app.meike.common.problem.ProblemException;
import app.meike.customer.Customer.CustomerSource;
import app.meike.customer.Customer.Gender;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Customers in bulk, for imports: set-based SQL over arrays (one statement per few thousand rows) on the
 * session's own connection, so the transaction, the tenant and row-level security are those of the request.
 */
@ApplicationScoped
class CustomerTable {
    private static final int CHUNK = 5_000;
    /** Joins a customer's tags into one array element (tags cannot hold control characters). */
    private static final String TAG_JOIN = "\u001f";
    private static final String COLUMNS = "id, version, name, phone, gender, birth_date, source, owner_staff_id,"
            + " tags, notes, marketing_consent, consent_channel, consent_recorded_at, first_visit_at, referrer_id,"
            + " referrer_attached_at, referrer_attached_by";
    /** The rows of a statement: the time of the write, then one array per column. */
    private static final String ROWS = "(SELECT ?::timestamptz AS at) AS t, unnest(?::uuid[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::boolean[],"
            + " ?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::text[], ?::uuid[], ?::timestamptz[],"
            + " ?::text[]) AS u(id, name, name_key, initials, pinyin, phone, birth_date, gender, owner, tags, notes,"
            + " consent, channel, consent_at, first_visit, version, source, referrer, attached_at, attached_by)";
    private static final String TAGS = "CASE WHEN u.tags = '' THEN '{}'::text[] ELSE string_to_array(u.tags, chr(31))"
            + " END";
    private static final String INSERT = "INSERT INTO customer (tenant_id, id, name, name_key, name_initials,"
            + " name_pinyin, phone, birth_date, gender, owner_staff_id, tags, notes, marketing_consent, consent_channel,"
            + " consent_recorded_at, first_visit_at, source, created_at, updated_at, version)"
            + " SELECT app_current_tenant(), u.id, u.name, u.name_key, u.initials, u.pinyin, u.phone, u.birth_date,"
            + " u.gender, u.owner, " + TAGS + ", u.notes, u.consent, u.channel, u.consent_at, u.first_visit, u.source,"
            + " t.at, t.at, 0 FROM " + ROWS;
    private static final String UPDATE = "UPDATE customer c SET name = u.name, name_key = u.name_key,"
            + " name_initials = u.initials, name_pinyin = u.pinyin, birth_date = u.birth_date, gender = u.gender,"
            + " owner_staff_id = u.owner, tags = " + TAGS + ", notes = u.notes, marketing_consent = u.consent,"
            + " consent_channel = u.channel, consent_recorded_at = u.consent_at, first_visit_at = u.first_visit,"
            + " source = u.source, referrer_id = u.referrer, referrer_attached_at = u.attached_at,"
            + " referrer_attached_by = u.attached_by, updated_at = t.at, version = c.version + 1 FROM " + ROWS
            + " WHERE c.tenant_id = app_current_tenant() AND c.id = u.id AND c.version = u.version";
    private static final String ATTACH = "UPDATE customer c SET referrer_id = u.referrer,"
            + " referrer_attached_at = u.attached_at, referrer_attached_by = u.attached_by FROM " + ROWS
            + " WHERE c.tenant_id = app_current_tenant() AND c.id = u.id";

    /** The live customers holding these phones, by phone. */
    Map<String, CustomerRow> byPhones(Collection<String> phones) {
        Map<String, CustomerRow> found = new HashMap<>();
        List<String> all = new ArrayList<>(phones);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            work(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM customer WHERE tenant_id = app_current_tenant() AND phone = ANY (?)")) {
                    select.setArray(1, connection.createArrayOf("text", chunk.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            CustomerRow row = row(rs);
                            found.put(row.phone(), row);
                        }
                    }
                }
                return null;
            });
        }
        return found;
    }

    /** The referrer of a customer (null for none, or for no such customer). */
    UUID referrerOf(UUID customerId) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT referrer_id FROM customer WHERE tenant_id = app_current_tenant() AND id = ?")) {
                select.setObject(1, customerId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getObject(1, UUID.class) : null;
                }
            }
        });
    }

    /** Inserts new customers without their referrers (attachReferrers sets them once every row exists). */
    void insert(List<CustomerRow> rows, OffsetDateTime now) {
        write(INSERT, rows, now);
    }

    /**
     * Writes the import's values over existing customers (a new version each), provided nobody changed them since
     * they were read; otherwise the commit fails with a 409 and, rolled back, has written nothing.
     */
    void update(List<CustomerRow> rows, OffsetDateTime now) {
        if (write(UPDATE, rows, now) != rows.size()) {
            throw ProblemException.conflict("Some of these customers were changed while the import was being"
                    + " committed; nothing was imported. Commit again to check the file against the current data");
        }
    }

    /** Attaches the referrers of customers this import created. */
    void attachReferrers(List<CustomerRow> rows, OffsetDateTime now) {
        write(ATTACH, rows.stream().filter(r -> r.referrerId() != null).toList(), now);
    }

    private int write(String sql, List<CustomerRow> rows, OffsetDateTime now) {
        int written = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<CustomerRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            written += work(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(connection, statement, chunk, now);
                    return statement.executeUpdate();
                }
            });
        }
        return written;
    }

    private static void bind(Connection connection, PreparedStatement statement, List<CustomerRow> rows,
                             OffsetDateTime now) throws SQLException {
        List<PinyinNames.Spelling> spellings = rows.stream().map(r -> PinyinNames.of(r.name())).toList();
        List<Array> columns = List.of(
                array(connection, "uuid", rows, CustomerRow::id),
                array(connection, "text", rows, CustomerRow::name),
                array(connection, "text", rows, r -> CustomerService.nameKey(r.name())),
                connection.createArrayOf("text", spellings.stream().map(PinyinNames.Spelling::initials).toArray()),
                connection.createArrayOf("text", spellings.stream().map(PinyinNames.Spelling::full).toArray()),
                array(connection, "text", rows, CustomerRow::phone),
                array(connection, "date", rows, CustomerRow::birthDate),
                array(connection, "text", rows, r -> r.gender() == null ? null : r.gender().name()),
                array(connection, "uuid", rows, CustomerRow::ownerId),
                array(connection, "text", rows, r -> String.join(TAG_JOIN, r.tags())),
                array(connection, "text", rows, CustomerRow::notes),
                array(connection, "boolean", rows, CustomerRow::consent),
                array(connection, "text", rows, CustomerRow::consentChannel),
                array(connection, "timestamptz", rows, r -> timestamp(r.consentRecordedAt())),
                array(connection, "timestamptz", rows, r -> timestamp(r.firstVisitAt())),
                array(connection, "bigint", rows, CustomerRow::version),
                array(connection, "text", rows, r -> r.source().name()),
                array(connection, "uuid", rows, CustomerRow::referrerId),
                array(connection, "timestamptz", rows, r -> timestamp(r.referrerAttachedAt())),
                array(connection, "text", rows, CustomerRow::referrerAttachedBy));
        statement.setObject(1, now);
        for (int i = 0; i < columns.size(); i++) {
            statement.setArray(i + 2, columns.get(i));
        }
    }

    private static Array array(Connection connection, String type, List<CustomerRow> rows,
                               Function<CustomerRow, Object> value) throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(value).toArray());
    }

    /** ISO-8601 with offset: PostgreSQL reads the instant exactly, whatever the JVM's time zone. */
    private static String timestamp(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }

    private static CustomerRow row(ResultSet rs) throws SQLException {
        String gender = rs.getString("gender");
        Array tags = rs.getArray("tags");
        return new CustomerRow(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getString("name"),
                rs.getString("phone"), gender == null ? null : Gender.valueOf(gender),
                rs.getObject("birth_date", LocalDate.class),
                CustomerSource.valueOf(rs.getString("source")), rs.getObject("owner_staff_id", UUID.class),
                new ArrayList<>(Arrays.asList((String[]) tags.getArray())), rs.getString("notes"),
                rs.getBoolean("marketing_consent"), rs.getString("consent_channel"),
                rs.getObject("consent_recorded_at", OffsetDateTime.class),
                rs.getObject("first_visit_at", OffsetDateTime.class), rs.getObject("referrer_id", UUID.class),
                rs.getObject("referrer_attached_at", OffsetDateTime.class), rs.getString("referrer_attached_by"));
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private static <T> T work(Work<T> work) {
        return Customer.getEntityManager().unwrap(Session.class).doReturningWork(work::on);
    }
}
