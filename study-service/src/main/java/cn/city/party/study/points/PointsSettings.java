package cn.city.party.study.points;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** Points per action and the most one member may earn in a day. */
@ConfigurationProperties("study.points")
public record PointsSettings(Map<Points.Action, Integer> perAction, int dailyCap) {

    public PointsSettings {
        perAction = perAction == null ? Map.of() : Map.copyOf(perAction);
    }
}
