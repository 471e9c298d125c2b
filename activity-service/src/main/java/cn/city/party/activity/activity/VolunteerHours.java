package cn.city.party.activity.activity;

import java.math.BigDecimal;

/** 双报到/志愿服务: hours one member served at a volunteering activity (exact decimal, e.g. 2.5). */
public record VolunteerHours(String memberId, String name, BigDecimal hours) {
}
