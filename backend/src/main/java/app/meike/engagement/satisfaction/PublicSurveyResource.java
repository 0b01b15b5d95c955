package app.meike.engagement.satisfaction;

import app.meike.engagement.satisfaction.SatisfactionDtos.PublicSurveySubmitted;
import app.meike.engagement.satisfaction.SatisfactionDtos.PublicSurveyView;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyAnswers;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The customer's survey link: no login, on purpose (explicitly permitted). The token is the only credential and
 * names the chain and the survey; the answers show nothing but the clinic, the visit's date and its items.
 */
@Path("/api/v1/public/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicSurveyResource {
    @Inject
    SurveyLinks links;

    @GET
    @Path("{token}")
    public PublicSurveyView getPublicSurvey(@PathParam("token") String token) {
        return links.view(token);
    }

    @POST
    @Path("{token}")
    public PublicSurveySubmitted submitPublicSurvey(@PathParam("token") String token,
                                                    @Valid @NotNull SurveyAnswers body) {
        return links.submit(token, body);
    }
}
