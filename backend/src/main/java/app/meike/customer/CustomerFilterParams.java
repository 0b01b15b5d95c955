package app.meike.customer;

import app.meike.common.QueryParams;
import app.meike.common.problem.ProblemException;
import app.meike.customer.Customer.CustomerSource;
import app.meike.customer.CustomerService.CustomerQuery;
import jakarta.ws.rs.QueryParam;

import java.time.OffsetDateTime;

/** The customer list's filters as query parameters: the list and the export take the same ones. */
public class CustomerFilterParams {
    @QueryParam("q")
    public String q;
    @QueryParam("status")
    public String status;
    @QueryParam("tag")
    public String tag;
    @QueryParam("ownerId")
    public String ownerId;
    @QueryParam("source")
    public String source;
    @QueryParam("clinicId")
    public String clinicId;
    @QueryParam("birthdayMonth")
    public String birthdayMonth;
    @QueryParam("lastVisitFrom")
    public String lastVisitFrom;
    @QueryParam("lastVisitTo")
    public String lastVisitTo;

    CustomerQuery query() {
        OffsetDateTime visitedFrom = QueryParams.time("lastVisitFrom", lastVisitFrom);
        OffsetDateTime visitedTo = QueryParams.time("lastVisitTo", lastVisitTo);
        if (visitedFrom != null && visitedTo != null && !visitedTo.isAfter(visitedFrom)) {
            throw ProblemException.invalidField("lastVisitTo", "must be after lastVisitFrom");
        }
        return new CustomerQuery(QueryParams.text("q", q, 50),
                QueryParams.enumValue("status", status, Lifecycle.class), QueryParams.text("tag", tag, 30),
                QueryParams.uuid("ownerId", ownerId), QueryParams.enumValue("source", source, CustomerSource.class),
                QueryParams.uuid("clinicId", clinicId), month(birthdayMonth), visitedFrom, visitedTo);
    }

    private static Integer month(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int month = Integer.parseInt(value);
            if (month >= 1 && month <= 12) {
                return month;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.invalidField("birthdayMonth", "must be a month from 1 to 12");
    }
}
