package app.meike.common.problem;

import app.meike.common.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure into application/problem+json: no stack traces, no 500 for bad input. */
public class ProblemMappers {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type, e.getMessage(), e.errors, uri);
    }

    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .collect(Collectors.toList());
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return respond(ProblemType.VALIDATION, detail, errors, uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return respond(ProblemType.VALIDATION, "Unknown field " + unknown.getPropertyName(),
                    List.of(new Problem.FieldError(path(unknown), "is not a known field")), uri);
        }
        if (e instanceof InvalidFormatException || (e instanceof JsonMappingException m && !m.getPath().isEmpty())) {
            JsonMappingException m = (JsonMappingException) e;
            return respond(ProblemType.VALIDATION, "Field " + path(m) + " has the wrong type",
                    List.of(new Problem.FieldError(path(m), "has the wrong type or format")), uri);
        }
        return respond(ProblemType.MALFORMED, "The body is not valid JSON of the expected shape", null, uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(Exception e, UriInfo uri) {
        return respond(ProblemType.PRECONDITION_FAILED, "Someone else changed this just now; read it again and retry",
                null, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return respond(ProblemType.UNAUTHORIZED, "A valid bearer token is required", null, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(ProblemType.UNAUTHORIZED, "A valid bearer token is required", null, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your role may not do this", null, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> null;
        };
        if (type == null) {
            return unexpected(e, uri);
        }
        String detail = switch (type) {
            case NOT_FOUND -> "No such resource";
            case MALFORMED -> "The request could not be read";
            case UNSUPPORTED_MEDIA_TYPE -> "Send application/json";
            default -> type.title;
        };
        return respond(type, detail, null, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String state = sqlStateOf(e);
        if (state != null && state.equals("23505")) {
            return respond(ProblemType.CONFLICT, "This would duplicate a value that must be unique; it may have just"
                    + " been taken by a concurrent request", null, uri);
        }
        if (state != null && state.equals("23P01")) {
            return respond(ProblemType.CONFLICT, "This overlaps another booking; it may have just been made by a"
                    + " concurrent request", null, uri);
        }
        if (state != null && state.startsWith("22")) {
            return respond(ProblemType.VALIDATION, "A value is not acceptable to the database (for example a"
                    + " control character or an out-of-range number)", null, uri);
        }
        if (state != null && (state.equals("40001") || state.equals("40P01"))) {
            return respond(ProblemType.CONFLICT, "A concurrent change got in the way; retry", null, uri);
        }
        LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
        return respond(ProblemType.INTERNAL, "Something went wrong on our side; the request id identifies it", null,
                uri);
    }

    public static Response respond(ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        Problem body = new Problem(type.uri(), type.title, type.status, detail, uri == null ? null : uri.getPath(),
                RequestIds.current(), errors);
        return Response.status(type.status).type(MediaType.valueOf(PROBLEM_JSON)).entity(body).build();
    }

    /** The SQLState of the first SQLException in the cause chain, if any. */
    private static String sqlStateOf(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String fieldName(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            // Skip the method and its parameter: the client knows the body, not our Java signature.
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getName() == null) {
                continue;
            }
            // A node inside a list or map carries the element's index or key: it belongs to the container's name.
            Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
            if (node.isInIterable() && position != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + position + "]");
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            parts.add(name);
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return p.isEmpty() ? "body" : p;
    }
}
