package app.meike.support;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;

import java.util.Map;
import java.util.TreeMap;

/** The committed openapi.yaml, read once. */
public final class Contract {
    public static final OpenAPI SPEC = new OpenAPIV3Parser().read(ApiTest.CONTRACT.toString());

    private Contract() {
    }

    /** operationId -> "METHOD /path" for every operation in the contract. */
    public static Map<String, String> operations() {
        Map<String, String> ops = new TreeMap<>();
        SPEC.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (method, op) -> ops.put(op.getOperationId(), method + " " + path)));
        return ops;
    }

    public static Operation operation(String path, PathItem.HttpMethod method) {
        return SPEC.getPaths().get(path).readOperationsMap().get(method);
    }
}
