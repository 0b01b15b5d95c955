package app.meike.analytics.dashboard;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Members;
import app.meike.support.Packs;
import app.meike.support.Sales;
import app.meike.support.Tokens;
import app.meike.support.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.meike.support.Sales.cny;
import static app.meike.support.Sales.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The dashboard reconciles with the ledgers: a history made through the API (orders paid in cash, by stored value
 * and with points, refunds, top-ups, a raw debit, packs sold and redeemed, consultations, a referral, surveys,
 * complaints, follow-ups, tier moves, at two clinics, in two periods) and every figure of every panel summed the
 * other way, in plain SQL over the ledgers, for the chain and for one clinic, for the period and the previous one.
 */
@QuarkusTest
class DashboardApiTest extends ApiTest {
    static final String D = "/api/v1/analytics/dashboard/";
    static Chain chain;
    static UUID north;
    static UUID south;
    static String alice;
    static String bob;
    static OffsetDateTime middle;
    static OffsetDateTime to;
    static OffsetDateTime from;
    static String northManager;

    @BeforeEach
    void aHistoryInTwoPeriods() throws InterruptedException {
        if (to != null) {
            return;
        }
        chain = Chains.create();
        north = Chains.clinic(chain, "北店");
        south = Chains.clinic(chain, "南店");
        alice = Chains.staff(chain, List.of("consultant"), List.of()).getString("id");
        bob = Chains.staff(chain, List.of("consultant"), List.of()).getString("id");
        northManager = Tokens.withClinics(Chains.staff(chain, List.of("manager"), List.of(north))
                .getString("userId"), chain.id(), List.of(north), "manager");
        Members.setProgram(chain, Map.of("basis", "LIFETIME", "reviewRule", "NEVER", "tiers", List.of(
                Members.tier("普卡", 100_000, 0), Members.tier("银卡", 300_000, 0), Members.tier("金卡", 600_000, 0))));
        String injection = Sales.item(chain, "水光针", "INJECTION", 280_000);
        String photo = Sales.item(chain, "光子嫩肤", "SKIN", 100_000);
        String plan = Wallets.plan(chain, 500_000, 600_000, null);
        String template = Packs.template(chain, List.of(Packs.item(photo, 3, null)), 240_000, 365).getString("id");
        String referralRules = "/api/v1/referrals/rules";
        String etag = as(chain.adminToken()).get(referralRules).then().statusCode(200).extract().header("ETag");
        as(chain.adminToken()).header("If-Match", etag).body(Map.of("level1", Map.of("kind", "POINTS", "points", 100),
                "minimumSpend", cny(0))).put(referralRules).then().statusCode(200);
        as(chain.adminToken()).body(Map.of("trigger", "AFTER_TREATMENT", "category", "INJECTION", "days", 0,
                "title", "注射回访")).post("/api/v1/follow-ups/rules").then().statusCode(201);

        // The previous period: she consults Alice and buys at the north; another pays by stored value in the south.
        String first = Sales.customer(chain, "老客");
        String firstVisit = Packs.visit(chain, first, north);
        consult(firstVisit, alice, "NOT_CONVERTED", "PRICE");
        order(first, north, alice, injection, "CASH", 0);
        survey(firstVisit, 5, 5, 9);
        String wallet = Sales.customer(chain, "储值客");
        String account = Wallets.topUp(chain, wallet, plan, south, 500_000);
        order(wallet, south, bob, injection, "STORED_VALUE", 0);
        Thread.sleep(1_100);
        middle = OffsetDateTime.now(ZoneOffset.UTC);
        Thread.sleep(1_100);

        // This period: she comes back to Bob for an item Alice never suggested (二开), pays partly in points, and
        // refers a friend who buys, is refunded (down a tier) and answers a poor survey; the stored-value customer
        // spends at the north by a raw debit, and buys a pack in the south that she starts; a complaint by hand.
        order(first, north, bob, photo, "CASH", 1_000);
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("points", 500, "giftDescription", "小礼品"))
                .post("/api/v1/points/accounts/" + first + "/redemptions").then().statusCode(201);
        String friend = Sales.customer(chain, "新朋友");
        as(chain.adminToken()).body(Map.of("referrerId", first, "evidence", "一起来的"))
                .put("/api/v1/referrals/customers/" + friend + "/referrer").then().statusCode(200);
        String friendVisit = Packs.visit(chain, friend, north);
        consult(friendVisit, bob, "CONVERTED", null);
        String friendOrder = order(friend, north, bob, injection, "CASH", 0);
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reason", "效果一般", "lines", List.of(Map.of("lineNo", 1, "amount", cny(200_000)))))
                .post("/api/v1/orders/" + friendOrder + "/refunds").then().statusCode(200);
        survey(friendVisit, 2, 2, 3);
        Wallets.debit(chain.adminToken(), account, 50_000, north, UUID.randomUUID().toString()).then()
                .statusCode(201);
        String pack = Packs.pack(chain, wallet, south, template);
        Packs.redeem(as(chain.adminToken()), pack, photo, Packs.visit(chain, wallet, south), chain.adminStaffId(),
                UUID.randomUUID().toString()).then().statusCode(201);
        as(chain.adminToken()).body(Map.of("customerId", wallet, "clinicId", south, "severity", "LOW",
                "category", "WAITING", "description", "等太久")).post("/api/v1/satisfaction/complaints").then()
                .statusCode(201);
        String task = as(chain.adminToken()).queryParam("customerId", friend).get("/api/v1/follow-ups/tasks")
                .then().statusCode(200).extract().path("items[0].id");
        as(chain.adminToken()).body(Map.of("outcome", "REACHED", "channel", "CALL"))
                .post("/api/v1/follow-ups/tasks/" + task + "/outcome").then().statusCode(200);
        from = middle;
        to = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2);
    }

    @Test
    void everyFigureReconcilesWithTheLedgersForTheChainAndAClinicInBothPeriods() {
        for (UUID clinic : new UUID[] {null, north, south}) {
            JsonPath revenue = panel(chain.adminToken(), "revenue", clinic);
            JsonPath customers = panel(chain.adminToken(), "customers", clinic);
            JsonPath consultations = panel(chain.adminToken(), "consultations", clinic);
            JsonPath membership = panel(chain.adminToken(), "membership", clinic);
            JsonPath liabilities = panel(chain.adminToken(), "liabilities", clinic);
            JsonPath engagement = panel(chain.adminToken(), "engagement", clinic);
            JsonPath consultants = panel(chain.adminToken(), "consultants", clinic);
            for (String which : new String[] {"current", "previous"}) {
                Window w = new Window(which.equals("current") ? revenue.getString("period.from")
                        : revenue.getString("previousPeriod.from"),
                        which.equals("current") ? revenue.getString("period.to")
                                : revenue.getString("previousPeriod.to"), clinic);
                String at = clinic + "/" + which;

                long spend = w.spendFromLedger();
                assertThat(revenue.getLong("revenue." + which + ".amount")).as("revenue " + at).isEqualTo(spend);
                long orders = w.scalar("SELECT count(*) FROM sales_order o WHERE o.paid_at >= %1$s"
                        + " AND o.paid_at < %2$s%3$s", "o.clinic_id");
                assertThat(revenue.getLong("ordersPaid." + which)).as("orders " + at).isEqualTo(orders);
                long orderSpend = w.scalar("SELECT coalesce(sum(s.amount), 0) FROM qualifying_spend s"
                        + " JOIN sales_order o ON o.id = s.source_id WHERE s.source = 'ORDER'"
                        + " AND s.spent_at >= %1$s AND s.spent_at < %2$s%3$s", "o.clinic_id");
                assertThat(revenue.getLong("averageOrder." + which + ".amount")).as("average " + at)
                        .isEqualTo(orders == 0 ? 0 : Math.round((double) orderSpend / orders));
                String series = which.equals("current") ? "series" : "previousSeries";
                assertThat(revenue.getList(series + ".revenue.amount", Long.class).stream()
                        .mapToLong(Long::longValue).sum()).as("series " + at).isEqualTo(spend);
                assertThat(revenue.getList(series + ".ordersPaid", Long.class).stream()
                        .mapToLong(Long::longValue).sum()).as("series orders " + at).isEqualTo(orders);
                assertThat(revenue.getList("byClinic.revenue." + which + ".amount", Long.class).stream()
                        .mapToLong(Long::longValue).sum()).as("by clinic " + at).isEqualTo(spend);

                String buyers = "(SELECT DISTINCT o.customer_id FROM sales_order o WHERE o.paid_at >= %1$s"
                        + " AND o.paid_at < %2$s%3$s) b";
                String firstPaid = "(SELECT min(x.paid_at) FROM sales_order x WHERE x.customer_id = b.customer_id)";
                assertThat(customers.getLong("newCustomers." + which)).as("new " + at).isEqualTo(w.scalar(
                        "SELECT count(*) FROM " + buyers + " WHERE " + firstPaid + " >= %1$s", "o.clinic_id"));
                assertThat(customers.getLong("returningCustomers." + which)).as("returning " + at).isEqualTo(
                        w.scalar("SELECT count(*) FROM " + buyers + " WHERE " + firstPaid + " < %1$s",
                                "o.clinic_id"));
                assertThat(customers.getLong("visits." + which)).as("visits " + at).isEqualTo(w.scalar(
                        "SELECT count(*) FROM visit v WHERE v.checked_in_at >= %1$s AND v.checked_in_at < %2$s%3$s",
                        "v.clinic_id"));

                String consulted = "FROM consultation c WHERE c.consulted_at >= %1$s AND c.consulted_at < %2$s%3$s";
                assertThat(consultations.getLong(which + ".consultations")).as("consultations " + at)
                        .isEqualTo(w.scalar("SELECT count(*) " + consulted, "c.clinic_id"));
                assertThat(consultations.getLong(which + ".converted")).as("converted " + at).isEqualTo(
                        w.scalar("SELECT count(*) " + consulted + " AND c.outcome = 'CONVERTED'", "c.clinic_id"));

                String home = "(SELECT cu.home_clinic_id FROM customer cu WHERE cu.id = t.customer_id)";
                Map<String, Long> tiers = w.counts("SELECT mt.name, count(*) FROM tier_change t"
                        + " JOIN membership_tier mt ON mt.id = t.to_tier_id WHERE t.changed_at < %2$s"
                        + " AND NOT EXISTS (SELECT 1 FROM tier_change l WHERE l.customer_id = t.customer_id"
                        + " AND l.changed_at < %2$s AND (l.changed_at, l.id) > (t.changed_at, t.id))%3$s"
                        + " GROUP BY mt.name", home);
                Map<String, Long> served = new HashMap<>();
                membership.getList("tierDistribution", Map.class).forEach(t -> {
                    long n = ((Number) ((Map<?, ?>) t.get("customers")).get(which)).longValue();
                    if (n > 0) {
                        served.put((String) t.get("tierName"), n);
                    }
                });
                assertThat(served).as("tiers " + at).isEqualTo(tiers);
                String moves = "SELECT count(*) FROM tier_change t LEFT JOIN membership_tier f ON f.id = t.from_tier_id"
                        + " LEFT JOIN membership_tier n ON n.id = t.to_tier_id WHERE t.changed_at >= %1$s"
                        + " AND t.changed_at < %2$s%3$s AND ";
                assertThat(membership.getLong("tierUpgrades." + which)).as("upgrades " + at).isEqualTo(w.scalar(
                        moves + "(f.id IS NULL AND n.id IS NOT NULL OR n.position > f.position)", home));
                assertThat(membership.getLong("tierDowngrades." + which)).as("downgrades " + at).isEqualTo(
                        w.scalar(moves + "(n.id IS NULL AND f.id IS NOT NULL OR n.position < f.position)", home));
                String pointsClinic = "coalesce((SELECT o.clinic_id FROM sales_order o WHERE o.id = p.order_id),"
                        + " (SELECT cu.home_clinic_id FROM customer cu WHERE cu.id = p.customer_id))";
                for (String[] kind : new String[][] {{"pointsIssued", "EARN", "1"}, {"pointsRedeemed", "REDEEM", "-1"},
                        {"pointsExpired", "EXPIRE", "-1"}}) {
                    assertThat(membership.getLong(kind[0] + "." + which)).as(kind[0] + " " + at).isEqualTo(w.scalar(
                            "SELECT " + kind[2] + " * coalesce(sum(p.points), 0) FROM points_entry p WHERE p.kind = '"
                                    + kind[1] + "' AND p.occurred_at >= %1$s AND p.occurred_at < %2$s%3$s",
                            pointsClinic));
                }

                String asOf = liabilities.getString(which.equals("current") ? "asOf" : "previousAsOf");
                String prefix = which.equals("current") ? "storedValue" : "previousStoredValue";
                Window held = new Window(asOf, asOf, clinic);
                String lots = " FROM stored_value_allocation a JOIN stored_value_entry e ON e.id = a.entry_id"
                        + " JOIN stored_value_lot l ON l.id = a.lot_id WHERE e.occurred_at <= %2$s%3$s";
                assertThat(liabilities.getLong(prefix + ".principal.amount")).as("principal " + at)
                        .isEqualTo(held.scalar("SELECT coalesce(sum(a.principal), 0)" + lots, "l.sold_at_clinic_id"));
                assertThat(liabilities.getLong(prefix + ".bonus.amount")).as("bonus " + at)
                        .isEqualTo(held.scalar("SELECT coalesce(sum(a.bonus), 0)" + lots, "l.sold_at_clinic_id"));
                String packs = which.equals("current") ? "packs" : "previousPacks";
                String sessions = " FROM session_pack_entry_item m JOIN session_pack_entry e ON e.id = m.entry_id"
                        + " JOIN session_pack p ON p.id = m.pack_id WHERE e.occurred_at <= %2$s%3$s";
                assertThat(liabilities.getLong(packs + ".sessions")).as("sessions " + at)
                        .isEqualTo(held.scalar("SELECT coalesce(sum(m.sessions), 0)" + sessions, "p.sold_at_clinic_id"));
                assertThat(liabilities.getLong(packs + ".value.amount")).as("pack value " + at)
                        .isEqualTo(held.scalar("SELECT coalesce(sum(m.value), 0)" + sessions, "p.sold_at_clinic_id"));

                assertThat(engagement.getLong("referrals." + which)).as("referrals " + at).isEqualTo(w.scalar(
                        "SELECT count(*) FROM referral r WHERE r.counted_at >= %1$s AND r.counted_at < %2$s%3$s",
                        "r.clinic_id"));
                String answered = " FROM survey s WHERE s.status = 'SUBMITTED' AND s.submitted_at >= %1$s"
                        + " AND s.submitted_at < %2$s%3$s";
                long surveys = w.scalar("SELECT count(*)" + answered, "s.clinic_id");
                assertThat(engagement.getLong("surveys." + which)).as("surveys " + at).isEqualTo(surveys);
                if (surveys > 0) {
                    assertThat(Math.round(engagement.getDouble("averageResult." + which) * 100)).as("result " + at)
                            .isEqualTo(w.scalar("SELECT round(100.0 * sum(s.result_score) / count(*))" + answered,
                                    "s.clinic_id"));
                }
                Window sofar = new Window(w.from, engagement.getString(which.equals("current") ? "period.to"
                        : "previousPeriod.to"), clinic).untilNow();
                assertThat(engagement.getLong("complaintsOpened." + which)).as("opened " + at).isEqualTo(
                        sofar.scalar("SELECT count(*) FROM complaint k WHERE k.opened_at >= %1$s"
                                + " AND k.opened_at < %2$s%3$s", "k.clinic_id"));
                assertThat(engagement.getLong("complaintsOpen." + which)).as("open " + at).isEqualTo(
                        sofar.scalar("SELECT count(*) FROM complaint k WHERE k.opened_at < %2$s AND NOT"
                                + " (k.resolved_at < %2$s OR k.closed_at < %2$s) IS TRUE%3$s", "k.clinic_id"));

                Map<String, Long> sales = w.counts("SELECT o.consultant_id::text, sum(s.amount)"
                        + " FROM qualifying_spend s JOIN sales_order o ON o.id = s.source_id AND s.source = 'ORDER'"
                        + " WHERE s.spent_at >= %1$s AND s.spent_at < %2$s AND o.consultant_id IS NOT NULL%3$s"
                        + " GROUP BY 1", "o.clinic_id");
                w.counts("SELECT o.consultant_id::text, sum(s.amount) FROM qualifying_spend s"
                        + " JOIN order_refund r ON r.id = s.source_id AND s.source = 'REFUND'"
                        + " JOIN sales_order o ON o.id = r.order_id WHERE s.spent_at >= %1$s AND s.spent_at < %2$s"
                        + " AND o.consultant_id IS NOT NULL%3$s GROUP BY 1", "o.clinic_id")
                        .forEach((k, v) -> sales.merge(k, v, Long::sum));
                Map<String, Long> served2 = new HashMap<>();
                consultants.getList("consultants", Map.class).forEach(c -> {
                    long n = ((Number) ((Map<?, ?>) ((Map<?, ?>) c.get("sales")).get(which)).get("amount"))
                            .longValue();
                    if (n != 0) {
                        served2.put((String) c.get("consultantId"), n);
                    }
                });
                sales.values().removeIf(v -> v == 0);
                assertThat(served2).as("consultant sales " + at).isEqualTo(sales);
                Map<String, Long> developed = w.counts("SELECT o.consultant_id::text, count(*) FROM sales_order o"
                        + " WHERE o.second_development AND o.paid_at >= %1$s AND o.paid_at < %2$s%3$s GROUP BY 1",
                        "o.clinic_id");
                assertThat(byConsultant(consultants, "secondDevelopmentOrders", which)).as("二开 " + at)
                        .isEqualTo(developed);
                String due = "FROM follow_up_task f WHERE f.status <> 'CANCELLED' AND f.due_date >= (%1$s AT TIME ZONE"
                        + " 'Asia/Shanghai')::date AND f.due_date < (%2$s AT TIME ZONE 'Asia/Shanghai')::date%3$s";
                assertThat(byConsultant(consultants, "followUpsDue", which)).as("due " + at).isEqualTo(
                        w.counts("SELECT f.assignee_id::text, count(*) " + due + " GROUP BY 1", "f.clinic_id"));
                assertThat(byConsultant(consultants, "followUpsDone", which)).as("done " + at).isEqualTo(
                        w.counts("SELECT f.assignee_id::text, count(*) " + due + " AND f.status = 'DONE' GROUP BY 1",
                                "f.clinic_id"));
            }
        }
    }

    @Test
    void theHistoryIsWhatWeThinkItIs() {
        // Guards the reconciliation from passing on nothing: each panel has something in each period.
        // Stored value pays principal and bonus by the chain's debit rule: only the south's current spend is exact.
        JsonPath revenue = panel(chain.adminToken(), "revenue", null);
        assertThat(revenue.getLong("revenue.previous.amount")).isBetween(280_001L, 560_000L);
        assertThat(revenue.getLong("revenue.current.amount")).isBetween(419_001L, 469_000L);
        assertThat(revenue.getLong("ordersPaid.current")).isEqualTo(3);
        assertThat(revenue.getLong("ordersPaid.previous")).isEqualTo(2);
        JsonPath south = panel(chain.adminToken(), "revenue", DashboardApiTest.south);
        assertThat(south.getLong("revenue.current.amount")).isEqualTo(240_000);
        assertThat(south.getLong("averageOrder.current.amount")).isEqualTo(240_000);
        JsonPath customers = panel(chain.adminToken(), "customers", null);
        assertThat(customers.getLong("newCustomers.current")).isEqualTo(1);
        assertThat(customers.getLong("returningCustomers.current")).isEqualTo(2);
        assertThat(customers.getLong("newCustomers.previous")).isEqualTo(2);
        JsonPath membership = panel(chain.adminToken(), "membership", null);
        assertThat(membership.getLong("tierUpgrades.current")).isGreaterThanOrEqualTo(2);
        assertThat(membership.getLong("tierDowngrades.current")).isEqualTo(1);
        assertThat(membership.getLong("pointsRedeemed.current")).isEqualTo(1_000 + 500);
        JsonPath engagement = panel(chain.adminToken(), "engagement", null);
        assertThat(engagement.getLong("referrals.current")).isEqualTo(1);
        assertThat(engagement.getLong("complaintsOpen.current")).isEqualTo(2);
        JsonPath liabilities = panel(chain.adminToken(), "liabilities", null);
        assertThat(liabilities.getLong("packs.sessions")).isEqualTo(2);
        assertThat(liabilities.getLong("previousPacks.sessions")).isZero();
        JsonPath consultants = panel(chain.adminToken(), "consultants", null);
        assertThat(byConsultant(consultants, "secondDevelopmentOrders", "current")).containsEntry(bob, 1L);
        assertThat(byConsultant(consultants, "followUpsDone", "current").values().stream()
                .mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    @Test
    void aClinicLimitedManagerSeesTheirClinicsAsTheChain() {
        for (String p : List.of("revenue", "customers", "membership", "engagement", "consultants", "liabilities")) {
            JsonPath theirs = panel(northManager, p, null);
            JsonPath northOnly = panel(chain.adminToken(), p, north);
            assertThat(strip(theirs.getMap(""))).as(p).isEqualTo(strip(northOnly.getMap("")));
        }
        as(northManager).queryParams(period()).queryParam("clinicId", south.toString()).get(D + "revenue").then()
                .statusCode(403);
    }

    @Test
    void onlyManagersAndTenantAdminsReadTheDashboard() {
        panel(Chains.staffToken(chain, "manager"), "revenue", null);
        for (String role : List.of("consultant", "front-desk", "clinician")) {
            for (String p : List.of("revenue", "customers", "consultations", "membership", "liabilities",
                    "engagement", "consultants")) {
                as(Chains.staffToken(chain, role)).queryParams(period()).get(D + p).then().statusCode(403);
            }
        }
        as(Tokens.token("integrator-" + UUID.randomUUID(), chain.id(), "integrator")).queryParams(period())
                .get(D + "revenue").then().statusCode(403);
        anonymous().queryParams(period()).get(D + "revenue").then().statusCode(401);
    }

    @Test
    void anotherChainSeesNoneOfItAndNotItsClinics() {
        Chain other = Chains.create();
        JsonPath theirs = panel(other.adminToken(), "revenue", null);
        assertThat(theirs.getLong("revenue.current.amount")).isZero();
        assertThat(theirs.getLong("revenue.previous.amount")).isZero();
        assertThat(theirs.getList("byClinic")).isEmpty();
        assertThat(panel(other.adminToken(), "consultants", null).getList("consultants")).isEmpty();
        assertThat(panel(other.adminToken(), "liabilities", null).getLong("storedValue.principal.amount")).isZero();
        assertThat(panel(other.adminToken(), "membership", null).getList("tierDistribution")).isEmpty();
        for (String p : List.of("revenue", "customers", "consultations", "membership", "liabilities", "engagement",
                "consultants")) {
            as(other.adminToken()).queryParams(period()).queryParam("clinicId", north.toString()).get(D + p).then()
                    .statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void badPeriodsAndFiltersAreRefused() {
        String admin = chain.adminToken();
        as(admin).queryParam("from", to.toString()).queryParam("to", from.toString()).get(D + "revenue").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("to"));
        as(admin).queryParam("from", to.minusDays(1101).toString()).queryParam("to", to.toString())
                .get(D + "customers").then().statusCode(400).body("errors.field", hasItem("to"));
        as(admin).queryParam("from", "yesterday").queryParam("to", to.toString()).get(D + "revenue").then()
                .statusCode(400).body("errors.field", hasItem("from"));
        as(admin).queryParam("to", to.toString()).get(D + "engagement").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        as(admin).queryParams(period()).queryParam("clinicId", "north").get(D + "revenue").then().statusCode(400)
                .body("errors.field", hasItem("clinicId"));
        as(admin).queryParams(period()).queryParam("clinicId", UUID.randomUUID().toString()).get(D + "revenue")
                .then().statusCode(404);
        as(admin).queryParams(period()).queryParam("interval", "HOUR").get(D + "revenue").then().statusCode(400)
                .body("errors.field", hasItem("interval"));
        as(admin).queryParams(period()).queryParam("interval", "MONTH").get(D + "revenue").then().statusCode(200)
                .body("interval", equalTo("MONTH"));
    }

    static Map<String, Object> period() {
        return Map.of("from", from.toString(), "to", to.toString());
    }

    static JsonPath panel(String token, String panel, UUID clinic) {
        var request = as(token).queryParams(period());
        if (clinic != null) {
            request.queryParam("clinicId", clinic.toString());
        }
        return request.get(D + panel).then().statusCode(200).extract().jsonPath();
    }

    /** The panel without its clinic filter, to compare a clinic-limited view with the one-clinic view. */
    static Map<String, Object> strip(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove("clinicId");
        copy.remove("asOf");
        copy.remove("previousAsOf");
        return copy;
    }

    static Map<String, Long> byConsultant(JsonPath consultants, String figure, String which) {
        Map<String, Long> result = new HashMap<>();
        consultants.getList("consultants", Map.class).forEach(c -> {
            long n = ((Number) ((Map<?, ?>) c.get(figure)).get(which)).longValue();
            if (n != 0) {
                result.put((String) c.get("consultantId"), n);
            }
        });
        return result;
    }

    /** A one-item order by the consultant, paid by `method` for its total less `points` paid in points. */
    static String order(String customer, UUID clinic, String consultant, String item, String method, long points) {
        JsonPath draft = as(chain.adminToken()).body(Map.of("customerId", customer, "clinicId", clinic,
                        "consultantId", consultant, "lines", List.of(line(item, 1))))
                .post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
        List<Map<String, Object>> tenders = new ArrayList<>();
        if (points > 0) {
            tenders.add(Map.of("method", "POINTS", "amount", cny(points)));
        }
        tenders.add(Map.of("method", method, "amount", cny(draft.getLong("total.amount") - points)));
        as(chain.adminToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("tenders", tenders)).post("/api/v1/orders/" + draft.getString("id") + "/pay").then()
                .statusCode(200);
        return draft.getString("id");
    }

    static void consult(String visit, String consultant, String outcome, String reason) {
        Map<String, Object> decided = new HashMap<>();
        decided.put("outcome", outcome);
        decided.put("reason", reason);
        as(chain.adminToken()).body(Map.of("visitId", visit, "consultantId", consultant, "outcome", decided))
                .post("/api/v1/consultations").then().statusCode(201);
    }

    static void survey(String visit, int result, int experience, int nps) {
        as(chain.adminToken()).body(Map.of("visitId", visit, "resultScore", result, "experienceScore", experience,
                "nps", nps)).post("/api/v1/satisfaction/surveys").then().statusCode(201);
    }

    /** A period [from, to) and a clinic (null: all), for SQL whose %1$s, %2$s are its ends, %3$s the clinic. */
    record Window(String from, String to, UUID clinic) {
        Window untilNow() {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            return OffsetDateTime.parse(to).isAfter(now) ? new Window(from, now.toString(), clinic) : this;
        }

        String sql(String template, String clinicColumn) {
            return template.formatted("'" + from + "'::timestamptz", "'" + to + "'::timestamptz",
                    clinic == null ? "" : " AND " + clinicColumn + " = '" + clinic + "'");
        }

        long scalar(String template, String clinicColumn) {
            return Wallets.query(chain, sql(template, clinicColumn), rows -> {
                rows.next();
                return rows.getLong(1);
            });
        }

        Map<String, Long> counts(String template, String clinicColumn) {
            return Wallets.query(chain, sql(template, clinicColumn), rows -> {
                Map<String, Long> result = new HashMap<>();
                while (rows.next()) {
                    result.put(rows.getString(1), rows.getLong(2));
                }
                return result;
            });
        }

        /** Qualifying spend summed source by source, each at the clinic of what it came from. */
        long spendFromLedger() {
            String window = " WHERE s.spent_at >= %1$s AND s.spent_at < %2$s%3$s";
            List<Long> parts = new ArrayList<>();
            parts.add(scalar("SELECT coalesce(sum(s.amount), 0) FROM qualifying_spend s JOIN sales_order o"
                    + " ON o.id = s.source_id AND s.source = 'ORDER'" + window, "o.clinic_id"));
            parts.add(scalar("SELECT coalesce(sum(s.amount), 0) FROM qualifying_spend s JOIN order_refund r"
                    + " ON r.id = s.source_id AND s.source = 'REFUND' JOIN sales_order o ON o.id = r.order_id"
                    + window, "o.clinic_id"));
            parts.add(scalar("SELECT coalesce(sum(s.amount), 0) FROM qualifying_spend s JOIN stored_value_entry e"
                    + " ON e.id = s.source_id AND s.source IN ('STORED_VALUE', 'STORED_VALUE_REVERSAL')" + window,
                    "e.clinic_id"));
            long total = parts.stream().mapToLong(Long::longValue).sum();
            if (clinic == null) {
                assertThat(scalar("SELECT coalesce(sum(s.amount), 0) FROM qualifying_spend s" + window, ""))
                        .as("every spend entry has a clinic").isEqualTo(total);
            }
            return total;
        }
    }
}
