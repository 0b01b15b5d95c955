package app.meike.common;

import app.meike.support.ApiTest;
import app.meike.support.Contract;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The served contract is the committed file, and the code serves exactly its operations. */
@QuarkusTest
class ContractTest extends ApiTest {
    private static final Map<Class<?>, String> VERBS = Map.of(GET.class, "GET", POST.class, "POST",
            PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE");

    @Test
    void servedOpenApiEqualsTheCommittedFile() {
        String served = RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        OpenAPI fromServer = new OpenAPIV3Parser().readContents(served).getOpenAPI();
        assertThat(withoutExamples(fromServer.getPaths())).isEqualTo(withoutExamples(Contract.SPEC.getPaths()));
        assertThat(withoutExamples(fromServer.getComponents()))
                .isEqualTo(withoutExamples(Contract.SPEC.getComponents()));
    }

    /** The served document re-serialises examples (objects become strings); everything else must be equal. */
    private static JsonNode withoutExamples(Object part) {
        JsonNode tree = Json.mapper().valueToTree(part);
        strip(tree);
        return tree;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("example", "examples"));
        }
        node.forEach(ContractTest::strip);
    }

    @Test
    void resourcesServeExactlyTheContractsOperations() {
        Set<String> served = new TreeSet<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.meike")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = resource.getAnnotationOfType(Path.class).value();
            for (JavaMethod method : resource.getMethods()) {
                VERBS.forEach((annotation, verb) -> {
                    if (method.isAnnotatedWith(annotation.getName())) {
                        String sub = method.isAnnotatedWith(Path.class)
                                ? "/" + method.getAnnotationOfType(Path.class).value() : "";
                        served.add(verb + " " + (base + sub).replace("//", "/"));
                    }
                });
            }
        }
        assertThat(served).containsExactlyInAnyOrderElementsOf(new TreeSet<>(Contract.operations().values()));
    }
}
