package cn.city.party.org.organization;

import cn.city.party.org.sheet.RowError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.city.party.org.organization.OrganizationType.BRANCH;
import static cn.city.party.org.organization.OrganizationType.GENERAL_BRANCH;
import static cn.city.party.org.organization.OrganizationType.ORGAN_COMMITTEE;
import static cn.city.party.org.organization.OrganizationType.PARTY_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

class TreePlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private static TreePlan.Line line(int row, String code, String name, OrganizationType type, String parent) {
        return new TreePlan.Line(row, code, name, type, parent, null);
    }

    private static List<String> errors(TreePlan.Plan plan) {
        return plan.errors().stream().map(e -> e.row() + "|" + e.column() + "|" + e.reason()).toList();
    }

    /** A department that already has its 机关党委 (created by hand, no code) and one imported branch. */
    private final Organization committee = new Organization("d-committee", "d", ORGAN_COMMITTEE, "机关党委", null, null, null, NOW);
    private final Organization office = new Organization("d-office", "d", BRANCH, "办公室党支部", "ZB1", null, committee, NOW);

    @Test
    void a_whole_tree_is_created_parents_first_whatever_the_order_of_the_rows() {
        TreePlan.Plan plan = TreePlan.of(List.of(
                line(2, "XZ1", "第一党小组", PARTY_GROUP, "ZB9"),
                line(3, "ZB9", "财务党支部", BRANCH, "ZZ1"),
                line(4, "ZZ1", "第一党总支", GENERAL_BRANCH, "JG"),
                line(5, "JG", "某局机关党委", ORGAN_COMMITTEE, null)), List.of(), TODAY);

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.toCreate()).extracting(p -> p.line().code()).containsExactly("JG", "ZZ1", "ZB9", "XZ1");
        assertThat(plan.toCreate().get(1).parentLine().code()).isEqualTo("JG");
        assertThat(plan.unchanged()).isEmpty();
    }

    @Test
    void rows_repeating_stored_organizations_are_unchanged_and_a_stored_one_is_named_by_its_code_or_id() {
        TreePlan.Plan plan = TreePlan.of(List.of(
                line(2, "ZB1", "办公室党支部", BRANCH, "d-committee"),
                line(3, "XZ1", "办公室党小组", PARTY_GROUP, "ZB1"),
                line(4, "ZB2", "人事党支部", BRANCH, "d-committee")), List.of(committee, office), TODAY);

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.unchanged()).containsExactly(office);
        assertThat(plan.toCreate()).extracting(p -> p.line().code() + "<" + p.existingParentId())
                .containsExactlyInAnyOrder("XZ1<d-office", "ZB2<d-committee");
    }

    @Test
    void a_circle_of_parents_is_refused_on_every_row_of_it() {
        TreePlan.Plan plan = TreePlan.of(List.of(
                line(2, "A", "甲党支部", BRANCH, "B"),
                line(3, "B", "乙党总支", GENERAL_BRANCH, "A"),
                line(4, "C", "丙党支部", BRANCH, "C")), List.of(committee), TODAY);

        assertThat(errors(plan)).contains(
                "2|上级编码|上级关系形成循环：A → B → A",
                "3|上级编码|上级关系形成循环：B → A → B",
                "4|上级编码|上级编码不能是本行自己的编码");
        assertThat(plan.toCreate()).isEmpty();
    }

    @Test
    void a_missing_parent_a_duplicate_code_a_level_that_does_not_fit_and_a_second_organ_committee_are_refused() {
        TreePlan.Plan plan = TreePlan.of(List.of(
                line(2, "ZB2", "人事党支部", BRANCH, "NOPE"),
                line(3, "ZB3", "后勤党支部", BRANCH, "d-committee"),
                line(4, "ZB3", "后勤党支部二", BRANCH, "d-committee"),
                line(5, "ZZ", "总支", GENERAL_BRANCH, "ZB1"),
                line(6, "XZ", "小组", PARTY_GROUP, null),
                line(7, "JG2", "第二机关党委", ORGAN_COMMITTEE, null)), List.of(committee, office), TODAY);

        assertThat(errors(plan)).containsExactly(
                "2|上级编码|上级编码“NOPE”在本表和本部门的组织中都找不到",
                "4|编码|编码“ZB3”与第3行重复",
                "5|类型|党总支不能设在党支部之下",
                "6|上级编码|党小组必须隶属于一个党支部，请填写上级编码",
                "7|类型|本部门已有机关党委“机关党委”，一个部门只设一个机关党委");
    }

    @Test
    void a_stored_code_with_another_name_or_parent_and_a_branch_name_already_taken_are_refused() {
        TreePlan.Plan plan = TreePlan.of(List.of(
                line(2, "ZB1", "综合党支部", BRANCH, "d-committee"),
                line(3, "ZB4", "办公室党支部", BRANCH, "d-committee"),
                new TreePlan.Line(4, "ZB5", "新党支部", BRANCH, "d-committee", TODAY.plusDays(1))),
                List.of(committee, office), TODAY);

        assertThat(errors(plan)).containsExactly(
                "2|编码|本部门已有编码为“ZB1”的“办公室党支部”，与本行的名称、类型或上级不同：请在组织页面更名或调整隶属，或换一个编码",
                "3|名称|本部门已有名为“办公室党支部”的党支部（名册按支部名称对应，名称不能重复）",
                "4|成立日期|成立日期不能晚于今天");
    }

    @Test
    void a_dissolved_organization_is_neither_a_parent_nor_its_code_reusable() {
        Organization imported = new Organization("d-old", "d", BRANCH, "旧党支部", "OLD", null, committee, NOW);
        Organization byHand = new Organization("d-older", "d", BRANCH, "更旧党支部", null, null, committee, NOW);
        imported.dissolve(NOW);
        byHand.dissolve(NOW);
        TreePlan.Plan plan = TreePlan.of(List.of(
                line(2, "OLD", "旧党支部", BRANCH, "d-committee"),
                line(3, "XZ", "小组", PARTY_GROUP, "d-older")), List.of(committee, imported, byHand), TODAY);

        assertThat(plan.errors()).extracting(RowError::reason).containsExactly(
                "编码“OLD”属于已撤销的“旧党支部”，请换一个编码",
                "上级组织“更旧党支部”已撤销");
    }
}
