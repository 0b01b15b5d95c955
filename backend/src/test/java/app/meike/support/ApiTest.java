package app.meike.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of every HTTP test: every response of every REST Assured call is validated against the committed
 * openapi.yaml (status, headers, body schema), so the contract and the code cannot drift apart unnoticed.
 * Requests are not validated, because tests deliberately send bad ones.
 */
public abstract class ApiTest {
    public static final Path CONTRACT = locateContract();

    @BeforeAll
    static void validateEveryResponse() {
        if (RestAssured.filters().stream().noneMatch(OpenApiValidationFilter.class::isInstance)) {
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForSpecificationUrl(CONTRACT.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
            RestAssured.filters(new OpenApiValidationFilter(validator));
        }
    }

    protected static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    protected static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Path locateContract() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("openapi.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("openapi.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
