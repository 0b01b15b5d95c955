package app.meike.engagement.satisfaction;

import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Packs;
import app.meike.support.Sales;
import app.meike.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database side of a link without login: the app's role, acting for no chain, learns a token's chain from the
 * routing function and nothing else; the survey table stays invisible until it acts for that chain, and then shows
 * that chain's rows only.
 */
@QuarkusTest
class SurveyLinkRoutingTest extends ApiTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    TenantContext tenantContext;

    @Test
    void theRoutingFunctionAnswersTheChainOnlyAndRowLevelSecurityHoldsAroundIt() throws SQLException {
        Chain a = Chains.create();
        Chain b = Chains.create();
        String tokenOfA = link(a);
        link(b);
        byte[] hash = SurveyLinks.hash(tokenOfA);
        try (Connection c = dataSource.getConnection()) {
            assertThat(chainOf(c, hash)).isEqualTo(a.id());
            assertThat(chainOf(c, SurveyLinks.hash(SurveyLinks.newToken()))).isNull();
            assertThat(count(c, "select count(*) from survey")).isZero();
            assertThat(count(c, "select count(*) from complaint")).isZero();
        }
        long seenByB = tenantContext.callAs(b.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("select count(*) from survey where link_token_hash = ?")) {
                s.setBytes(1, hash);
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }));
        assertThat(seenByB).isZero();
        // Only the hash is kept: the token itself is nowhere in A's survey rows.
        long plain = tenantContext.callAs(a.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("select count(*) from survey where link_token_hash = ?")) {
                s.setBytes(1, tokenOfA.getBytes(StandardCharsets.US_ASCII));
                try (ResultSet rows = s.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }));
        assertThat(plain).isZero();
    }

    private static String link(Chain chain) {
        UUID clinic = Chains.clinic(chain, "链接店");
        String visit = Packs.visit(chain, Sales.customer(chain, "链接客"), clinic);
        return as(chain.adminToken()).body(Map.of("visitId", visit)).post("/api/v1/satisfaction/survey-links").then()
                .statusCode(201).extract().path("token");
    }

    private static UUID chainOf(Connection c, byte[] hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select survey_link_chain(?)")) {
            s.setBytes(1, hash);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
