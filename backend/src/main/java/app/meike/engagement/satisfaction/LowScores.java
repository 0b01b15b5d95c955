package app.meike.engagement.satisfaction;

import app.meike.engagement.satisfaction.Complaint.Category;
import app.meike.engagement.satisfaction.Complaint.Severity;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyAnswers;
import app.meike.engagement.satisfaction.SatisfactionRulesService.Rules;

import java.util.Optional;

/**
 * Whether answers are low under the chain's rules, and what complaint they open. Severity: HIGH when a score is 1 or
 * the NPS is 2 or less (she is angry), MEDIUM when a score is low, LOW when only the NPS is. Category: RESULT when the
 * result against expectation is the lower low score, SERVICE when the experience is, OTHER when only the NPS is low.
 */
final class LowScores {
    record Assessment(Severity severity, Category category) {
    }

    private LowScores() {
    }

    static Optional<Assessment> assess(SurveyAnswers a, Rules rules) {
        boolean lowResult = a.resultScore() <= rules.lowScoreMax();
        boolean lowExperience = a.experienceScore() <= rules.lowScoreMax();
        boolean lowNps = a.nps() <= rules.lowNpsMax();
        if (!lowResult && !lowExperience && !lowNps) {
            return Optional.empty();
        }
        Severity severity = a.resultScore() == 1 || a.experienceScore() == 1 || a.nps() <= 2 ? Severity.HIGH
                : lowResult || lowExperience ? Severity.MEDIUM : Severity.LOW;
        Category category = lowResult && (!lowExperience || a.resultScore() <= a.experienceScore()) ? Category.RESULT
                : lowExperience ? Category.SERVICE : Category.OTHER;
        return Optional.of(new Assessment(severity, category));
    }
}
