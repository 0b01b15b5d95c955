package app.meike.membership;

import app.meike.membership.Memberships.SpendSource;
import app.meike.membership.TierRules.Basis;
import app.meike.membership.TierRules.Ladder;
import app.meike.membership.TierRules.Rung;
import app.meike.membership.TierRules.Spend;
import app.meike.support.ApiTest;
import app.meike.support.Chains;
import app.meike.support.Chains.Chain;
import app.meike.support.Members;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The database path against the pure rules: random sequences of orders and refunds recorded through the
 * Memberships bean leave every customer in the tier TierRules recomputes from scratch, with one history entry
 * per move; and a re-evaluation job running while orders keep coming leaves everyone right.
 */
@QuarkusTest
class MembershipSequenceTest extends ApiTest {
    private static final int SEQUENCES = 8;

    @Test
    void randomOrdersAndRefundsLeaveTheTierTheRulesRecomputeFromScratch() {
        for (Basis basis : Basis.values()) {
            Chain chain = Chains.create();
            JsonPath program = Members.setProgram(chain, Members.program(basis.name(), "NEVER"));
            Ladder ladder = ladder(program, basis);
            Random random = new Random(basis.ordinal() * 31L + 7);
            for (int sequence = 0; sequence < SEQUENCES; sequence++) {
                UUID customer = Members.customer(chain, "序列" + sequence);
                // Within the last 11 months: the spend on every basis is the sum so far, evaluated now.
                OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(330);
                List<Spend> entries = new ArrayList<>();
                List<Long> refundable = new ArrayList<>();
                UUID held = null;
                int moves = 0;
                for (int step = 0; step < 12; step++) {
                    at = at.plusDays(random.nextInt(20));
                    boolean refund = !refundable.isEmpty() && random.nextInt(3) == 0;
                    long amount;
                    if (refund) {
                        int order = random.nextInt(refundable.size());
                        amount = -Math.min(refundable.get(order), 1 + random.nextInt(2_500_000));
                        refundable.set(order, refundable.get(order) + amount);
                    } else {
                        amount = random.nextInt(2_000_000);
                        refundable.add(amount);
                    }
                    SpendSource source = refund ? SpendSource.REFUND : SpendSource.ORDER;
                    Members.spend(chain, customer, UUID.randomUUID(), source, amount, at);
                    entries.add(new Spend(amount, at));
                    UUID next = TierRules.afterSpend(held, ladder.earned(sum(entries)), ladder, source);
                    moves += Objects.equals(next, held) ? 0 : 1;
                    held = next;
                }
                JsonPath membership = as(chain.adminToken()).get("/api/v1/customers/" + customer + "/membership")
                        .then().statusCode(200).extract().jsonPath();
                assertThat(membership.getString("computedTier.id")).as(basis + " sequence " + sequence)
                        .isEqualTo(held == null ? null : held.toString());
                assertThat(membership.getLong("qualifyingSpend.amount")).isEqualTo(Math.max(0, sum(entries)));
                assertThat(membership.getList("history")).hasSize(moves);
                if (basis == Basis.LIFETIME) {
                    UUID fromScratch = TierRules.earnedTier(entries, ladder, OffsetDateTime.now(ZoneOffset.UTC));
                    assertThat(held).isEqualTo(fromScratch);
                }
            }
        }
    }

    @Test
    void aReevaluationWhileOrdersKeepComingLeavesEveryoneInTheTierTheirSpendReaches() throws Exception {
        Chain chain = Chains.create();
        Members.setProgram(chain, Members.program("LIFETIME", "NEVER"));
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID customer = Members.customer(chain, "并发" + i);
            Members.spend(chain, customer, UUID.randomUUID(), SpendSource.ORDER, 900_000L + i * 100_000L,
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(2));
            customers.add(customer);
        }
        JsonPath applied = Members.setProgram(chain, Map.of("basis", "LIFETIME", "reviewRule", "NEVER",
                "tiers", List.of(Members.tier("新普卡", 1_500_000, 1), Members.tier("新金卡", 3_200_000, 6))));
        ExecutorService orders = Executors.newFixedThreadPool(4);
        List<Future<?>> paid = new ArrayList<>();
        for (UUID customer : customers) {
            paid.add(orders.submit(() -> Members.spend(chain, customer, UUID.randomUUID(), SpendSource.ORDER,
                    400_000, OffsetDateTime.now(ZoneOffset.UTC))));
        }
        for (Future<?> order : paid) {
            order.get();
        }
        orders.shutdown();
        JsonPath job = Members.awaitJob(chain, applied.getString("reevaluationJob.id"));
        assertThat(job.getString("status")).isEqualTo("DONE");
        for (int i = 0; i < customers.size(); i++) {
            long spend = 900_000L + i * 100_000L + 400_000;
            String expected = spend >= 3_200_000 ? "新金卡" : spend >= 1_500_000 ? "新普卡" : null;
            as(chain.adminToken()).get("/api/v1/customers/" + customers.get(i) + "/membership").then()
                    .statusCode(200).body("tier.name", equalTo(expected))
                    .body("qualifyingSpend.amount", equalTo((int) spend));
        }
    }

    private static Ladder ladder(JsonPath program, Basis basis) {
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i < program.getList("tiers").size(); i++) {
            rungs.add(new Rung(UUID.fromString(program.getString("tiers[" + i + "].id")),
                    program.getLong("tiers[" + i + "].threshold.amount")));
        }
        return new Ladder(basis, rungs);
    }

    private static long sum(List<Spend> entries) {
        return Math.max(0, entries.stream().mapToLong(Spend::amount).sum());
    }
}
