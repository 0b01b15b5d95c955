package app.meike.common.problem;

import java.util.List;

/** Thrown anywhere to answer the request with a problem; mapped to application/problem+json. */
public class ProblemException extends RuntimeException {
    public final ProblemType type;
    public final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = errors;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    /** The request is well-formed but breaks a business rule (a short balance, tenders not covering the total). */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(ProblemType.BUSINESS_RULE, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new ProblemException(ProblemType.VALIDATION, detail, errors);
    }

    /** The same problem with its fields named inside `parent`, for a nested object of the request. */
    public ProblemException nestedIn(String parent) {
        if (errors == null) {
            return this;
        }
        return new ProblemException(type, getMessage(), errors.stream()
                .map(e -> new Problem.FieldError(parent + "." + e.field(), e.message())).toList());
    }
}
