package cn.city.party.activity.activity;

import java.time.Instant;

/** A member's rating in a democratic appraisal (民主评议党员). */
public record Appraisal(String memberId, String name, Rating rating, String ratedBy, Instant ratedAt) {
}
