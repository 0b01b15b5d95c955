package app.meike.support;

import app.meike.support.Chains.Chain;
import app.meike.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static app.meike.support.Sales.cny;

/** Stored-value plans, top-ups and debits through the API, and the ledger's invariants checked in SQL. */
public final class Wallets {
    private Wallets() {
    }

    /** A plan sold and spent at every clinic: pay `price`, get `value`; `validityDays` null never expires. */
    public static String plan(Chain chain, long price, long value, Integer validityDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", Chains.unique("SV"));
        body.put("name", "储值 " + price / 100 + " 得 " + value / 100);
        body.put("price", cny(price));
        body.put("value", cny(value));
        body.put("validityDays", validityDays);
        body.put("allClinics", true);
        return admin(chain).body(body).post("/api/v1/stored-value/plans").then().statusCode(201).extract()
                .path("id");
    }

    public static Map<String, Object> topUpBody(String customer, String plan, UUID clinic, long price) {
        return Map.of("customerId", customer, "planId", plan, "clinicId", clinic,
                "tenders", List.of(Map.of("method", "WECHAT_PAY", "amount", cny(price))));
    }

    public static Response topUp(String token, String customer, String plan, UUID clinic, long price) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(topUpBody(customer, plan, clinic, price)).post("/api/v1/stored-value/top-ups");
    }

    /** Tops the customer up on the plan as the chain admin; answers her account id. */
    public static String topUp(Chain chain, String customer, String plan, UUID clinic, long price) {
        return topUp(chain.adminToken(), customer, plan, clinic, price).then().statusCode(201).extract()
                .path("account.id");
    }

    public static Response debit(String token, String account, long amount, UUID clinic, String key) {
        return as(token).header("Idempotency-Key", key).body(Map.of("amount", cny(amount), "clinicId", clinic))
                .post("/api/v1/stored-value/accounts/" + account + "/debits");
    }

    public static JsonPath account(Chain chain, String account) {
        return admin(chain).get("/api/v1/stored-value/accounts/" + account).then().statusCode(200).extract()
                .jsonPath();
    }

    /**
     * Accounts, lots and entries of the chain that break an invariant: an account's buckets are the sums of its
     * entries and of its lots' buckets, every entry's balances after are the running sums, and every lot's remaining,
     * expired and paid-out buckets are the sums of the allocations that moved them (a reward's take-back pays out).
     */
    public static List<String> ledgerMismatches(Chain chain) {
        return query(chain, """
                SELECT 'account ' || a.id FROM stored_value_account a WHERE
                  a.principal <> (SELECT coalesce(sum(e.principal), 0) FROM stored_value_entry e
                                   WHERE e.tenant_id = a.tenant_id AND e.account_id = a.id)
                  OR a.bonus <> (SELECT coalesce(sum(e.bonus), 0) FROM stored_value_entry e
                                  WHERE e.tenant_id = a.tenant_id AND e.account_id = a.id)
                  OR (a.principal, a.bonus, a.expired_principal, a.expired_bonus) <>
                     (SELECT coalesce(sum(l.principal_remaining), 0), coalesce(sum(l.bonus_remaining), 0),
                             coalesce(sum(l.expired_principal), 0), coalesce(sum(l.expired_bonus), 0)
                        FROM stored_value_lot l WHERE l.tenant_id = a.tenant_id AND l.account_id = a.id)
                  OR (a.expired_principal, a.expired_bonus) <>
                     (SELECT -coalesce(sum(e.principal), 0), -coalesce(sum(e.bonus), 0) FROM stored_value_entry e
                       WHERE e.tenant_id = a.tenant_id AND e.account_id = a.id
                         AND e.kind IN ('EXPIRE', 'REACTIVATE'))
                UNION ALL
                SELECT 'entry ' || r.id FROM (
                  SELECT e.id, e.principal_after, e.bonus_after,
                         sum(e.principal) OVER (PARTITION BY e.account_id ORDER BY e.id) AS running_principal,
                         sum(e.bonus) OVER (PARTITION BY e.account_id ORDER BY e.id) AS running_bonus,
                         e.principal + e.bonus AS amount,
                         (SELECT coalesce(sum(x.principal + x.bonus), 0) FROM stored_value_allocation x
                           WHERE x.tenant_id = e.tenant_id AND x.entry_id = e.id) AS allocated
                    FROM stored_value_entry e) r
                 WHERE r.principal_after <> r.running_principal OR r.bonus_after <> r.running_bonus
                    OR r.amount <> r.allocated
                UNION ALL
                SELECT 'lot ' || l.id FROM stored_value_lot l WHERE
                  (l.principal_remaining, l.bonus_remaining) <>
                  (SELECT coalesce(sum(x.principal), 0), coalesce(sum(x.bonus), 0) FROM stored_value_allocation x
                    WHERE x.tenant_id = l.tenant_id AND x.lot_id = l.id)
                  OR (l.expired_principal, l.expired_bonus) <>
                  (SELECT -coalesce(sum(x.principal), 0), -coalesce(sum(x.bonus), 0)
                     FROM stored_value_allocation x JOIN stored_value_entry e
                       ON e.tenant_id = x.tenant_id AND e.id = x.entry_id
                    WHERE x.tenant_id = l.tenant_id AND x.lot_id = l.id AND e.kind IN ('EXPIRE', 'REACTIVATE'))
                  OR (l.principal_out, l.bonus_out) <>
                  (SELECT -coalesce(sum(x.principal), 0), -coalesce(sum(x.bonus), 0)
                     FROM stored_value_allocation x JOIN stored_value_entry e
                       ON e.tenant_id = x.tenant_id AND e.id = x.entry_id
                    WHERE x.tenant_id = l.tenant_id AND x.lot_id = l.id
                      AND (e.kind IN ('REFUND', 'TRANSFER_OUT') OR e.kind = 'REWARD' AND x.bonus < 0))
                """, rows -> {
            List<String> wrong = new ArrayList<>();
            while (rows.next()) {
                wrong.add(rows.getString(1));
            }
            return wrong;
        });
    }

    /** Runs SQL as the app's role for the chain (row-level security applies). */
    public static <T> T query(Chain chain, String sql, SqlReader<T> reader) {
        ManagedContext requests = Arc.container().requestContext();
        boolean activated = !requests.isActive();
        if (activated) {
            requests.activate();
        }
        try {
            TenantContext tenants = Arc.container().instance(TenantContext.class).get();
            AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
            return tenants.callAs(chain.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                    if (!s.execute()) {
                        return reader.read(null);
                    }
                    try (ResultSet rows = s.getResultSet()) {
                        return reader.read(rows);
                    }
                }
            }));
        } finally {
            if (activated) {
                requests.terminate();
            }
        }
    }

    /** Reads a result set (null for a statement that has none). */
    public interface SqlReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs `work` in many threads at once and answers the statuses, in submission order. */
    public static List<Integer> inParallel(int times, int threads, Function<Integer, Integer> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                int n = i;
                answers.add(pool.submit(() -> work.apply(n)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    private static RequestSpecification admin(Chain chain) {
        return as(chain.adminToken());
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
