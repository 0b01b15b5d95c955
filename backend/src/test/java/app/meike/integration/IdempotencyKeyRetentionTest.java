package app.meike.integration;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Sales;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class IdempotencyKeyRetentionTest extends ApiTest {
    @Inject
    IdempotencyKeyRetention retention;
    @Inject
    AgroalDataSource dataSource;

    static ValidatableResponse pay(Chain chain, JsonPath draft, String key) {
        return as(chain.adminToken()).header("Idempotency-Key", key)
                .body(Map.of("tenders", List.of(Map.of("method", "CASH", "amount",
                        Sales.cny(draft.getLong("total.amount"))))))
                .post("/api/v1/orders/" + draft.getString("id") + "/pay").then();
    }

    @Test
    void keysAreForgottenOnlyAfterTheRetentionPeriod() throws SQLException {
        Chain chain = Chains.create();
        UUID clinic = Chains.clinic(chain, "保留店");
        String item = Sales.item(chain, "洁牙", "OTHER", 19_900);
        String customer = Sales.customer(chain, "重试");
        JsonPath first = Sales.draft(chain, customer, clinic, List.of(Sales.line(item, 1))).statusCode(201)
                .extract().jsonPath();
        JsonPath second = Sales.draft(chain, customer, clinic, List.of(Sales.line(item, 2))).statusCode(201)
                .extract().jsonPath();
        JsonPath third = Sales.draft(chain, customer, clinic, List.of(Sales.line(item, 3))).statusCode(201)
                .extract().jsonPath();
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        pay(chain, first, old).statusCode(200);
        pay(chain, third, recent).statusCode(200);
        pay(chain, second, old).statusCode(422);

        backdate(chain.id(), old, 31);
        assertThat(retention.forgetExpiredKeys(chain.id())).isEqualTo(1);

        pay(chain, second, old).statusCode(200);
        pay(chain, third, recent).statusCode(200);
        assertThat(retention.forgetExpiredKeys(chain.id())).isZero();
    }

    private void backdate(UUID chain, String key, int days) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement tenant = c.prepareStatement("select set_config('app.tenant_id', ?, true)");
                 PreparedStatement update = c.prepareStatement("update idempotency_key set created_at = created_at"
                         + " - make_interval(days => ?) where key = ?")) {
                tenant.setString(1, chain.toString());
                tenant.execute();
                update.setInt(1, days);
                update.setString(2, key);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }
    }
}
