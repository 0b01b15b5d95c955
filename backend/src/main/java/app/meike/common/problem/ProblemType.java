package app.meike.common.problem;

/** The stable kinds of problem the API answers with; clients switch on the type URI. */
public enum ProblemType {
    VALIDATION(400, "validation", "Invalid request"),
    MALFORMED(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Not signed in"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    TENANT_SUSPENDED(403, "tenant-suspended", "Clinic chain suspended"),
    STAFF_DISABLED(403, "staff-disabled", "Account disabled"),
    NO_TENANT(403, "no-tenant", "No clinic chain"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    SURVEY_ANSWERED(410, "survey-answered", "Survey answered already"),
    SURVEY_EXPIRED(410, "survey-expired", "Survey link expired"),
    PRECONDITION_FAILED(412, "precondition-failed", "Changed by someone else"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    BUSINESS_RULE(422, "business-rule", "Not possible"),
    INSUFFICIENT_BALANCE(422, "insufficient-balance", "Balance too low"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key used for another request"),
    PRECONDITION_REQUIRED(428, "precondition-required", "If-Match required"),
    INTERNAL(500, "internal", "Internal error"),
    IDENTITY_UNAVAILABLE(503, "identity-provider-unavailable", "Identity provider unavailable");

    public static final String BASE_URI = "https://meike.app/problems/";

    public final int status;
    public final String slug;
    public final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public String uri() {
        return BASE_URI + slug;
    }
}
