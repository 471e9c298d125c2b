package cn.city.party.e2e.city;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated city is the size the scale issue names and the same for the same seed. */
class CityPlanTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void full_scale_is_50_departments_2500_branches_30000_members_with_unique_valid_national_ids() {
        List<CityPlan.Department> city = new CityPlan(2026, 1.0, DAY).departments();
        assertThat(city).hasSize(50);
        assertThat(city.stream().mapToInt(d -> d.branches().size()).sum()).isEqualTo(2_500);
        Set<String> ids = new HashSet<>();
        city.forEach(d -> d.branches().forEach(b -> b.members().forEach(m -> {
            ids.add(m.nationalId());
            // org-service's import checks the check character; the birth date inside must be the member's
            assertThat(m.nationalId()).matches("\\d{17}[\\dX]").contains(m.birth().toString().replace("-", ""));
        })));
        assertThat(ids).hasSize(30_000);
        assertThat(city.get(0).code()).isEqualTo("city01");
        assertThat(city.get(49).code()).isEqualTo("city50");
    }

    @Test
    void a_branch_year_follows_three_meetings_and_one_lecture_less_the_missed_ones() {
        CityPlan plan = new CityPlan(2026, 1.0, DAY);
        CityPlan.Department department = plan.department(0);
        List<CityPlan.Sitting> year = plan.sittings(department, 0, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
        // 12 × (支委会, 2 党小组会, 主题党日, 志愿服务, 4 集中学习) + 4 × (党员大会, 党课) + 谈心谈话 + 组织生活会 = 118
        assertThat(year.size()).isBetween((int) Math.floor(118 * (1 - department.missRate())) - 10, 118);
        assertThat(year.stream().filter(s -> s.types().contains("PARTY_LECTURE")).count()).isLessThanOrEqualTo(4);
        assertThat(year).allSatisfy(s -> assertThat(s.heldAt().atZone(CityPlan.ZONE).getDayOfWeek().getValue()).isLessThan(6));
        // a 党小组会 is attended by its group only: 6 of the branch's 12
        assertThat(year.stream().filter(s -> s.groupCode() != null).findFirst().orElseThrow().attendance()).hasSize(6);
    }

    @Test
    void the_same_seed_builds_the_same_city_and_another_seed_another() {
        CityPlan one = new CityPlan(7, 0.1, DAY);
        CityPlan two = new CityPlan(7, 0.1, DAY);
        assertThat(one.departments()).isEqualTo(two.departments());
        assertThat(one.sittings(one.department(3), 17, DAY.minusYears(1), DAY))
                .isEqualTo(two.sittings(two.department(3), 17, DAY.minusYears(1), DAY));
        assertThat(one.departments()).hasSize(5);
        assertThat(new CityPlan(8, 0.1, DAY).departments()).isNotEqualTo(one.departments());
    }
}
