package app.meike.common;

import app.meike.common.problem.ProblemException;
import app.meike.common.problem.ProblemType;

/** ETag / If-Match for optimistic concurrency: the ETag is the row's version, quoted. */
public final class Versions {
    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Fails with 428 when If-Match is missing and 412 when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you read, so you never overwrite a change you have not seen");
        }
        // Strong comparison (RFC 9110): a weak tag never matches.
        if (!ifMatch.trim().equals(etag(currentVersion))) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "This was changed since you read it (now version " + currentVersion + "); read it again and retry");
        }
    }
}
