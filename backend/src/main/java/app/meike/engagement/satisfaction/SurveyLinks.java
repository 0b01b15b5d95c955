package app.meike.engagement.satisfaction;

import app.meike.common.problem.ProblemException;
import app.meike.engagement.satisfaction.SatisfactionDtos.PublicSurveySubmitted;
import app.meike.engagement.satisfaction.SatisfactionDtos.PublicSurveyView;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyAnswers;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import app.meike.tenancy.TenantStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The public side of survey links. A request without a login names only a token: the database answers which chain
 * holds its hash (a function that reveals nothing else), and the rest runs as that chain, through Hibernate's tenant
 * filter and row-level security like any request, finding the survey by the hash again. A token of one chain cannot
 * reach another chain, nor another survey of its own.
 */
@ApplicationScoped
public class SurveyLinks {
    /** Where the web app serves the form; the link is the app's origin followed by this and the token. */
    static final String PATH = "/s/";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes in unpadded base64url. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    SurveyService surveys;
    @Inject
    EntityManager entityManager;

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    public PublicSurveyView view(String token) {
        byte[] hash = hashOf(token);
        return asChainOf(hash, () -> surveys.publicView(hash));
    }

    public PublicSurveySubmitted submit(String token, SurveyAnswers answers) {
        byte[] hash = hashOf(token);
        asChainOf(hash, () -> {
            surveys.submitByLink(hash, answers);
            return null;
        });
        return new PublicSurveySubmitted(true, "Thank you for your feedback");
    }

    /** The work in a transaction of the chain holding the token; a suspended chain's links are unknown. */
    private <T> T asChainOf(byte[] hash, Supplier<T> work) {
        UUID chain = chainOf(hash);
        return tenantContext.callAs(chain, () -> QuarkusTransaction.requiringNew().call(() -> {
            if (tenants.statusOf(chain).filter(s -> s == TenantStatus.ACTIVE).isEmpty()) {
                throw ProblemException.notFound("Survey");
            }
            return work.get();
        }));
    }

    /** A token that is not one of ours is unknown (404), like a well-formed one nobody issued. */
    private static byte[] hashOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw ProblemException.notFound("Survey");
        }
        return hash(token);
    }

    /** The chain holding the token, asked as no chain at all: row-level security shows nothing but this answer. */
    private UUID chainOf(byte[] hash) {
        UUID chain = tenantContext.callAs(null, () -> QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager
                .createNativeQuery("SELECT survey_link_chain(:hash)").setParameter("hash", hash).getSingleResult()));
        if (chain == null) {
            throw ProblemException.notFound("Survey");
        }
        return chain;
    }
}
