package cn.city.party.org.scorecard;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The work committee closed a year's assessment (activity-service's {@code party.activity.assessment.closed.v1}):
 * city-wide, so it belongs to no department; from {@code closedAt} the year's records change only by an approved
 * correction.
 */
@Document("scorecard_assessment_years")
public record AssessmentClosure(@Id int year, Instant closedAt, String closedBy) {
}
