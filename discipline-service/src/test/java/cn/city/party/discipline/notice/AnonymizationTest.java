package cn.city.party.discipline.notice;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A typical-case notice names nobody. */
class AnonymizationTest {

    static final List<String> ROSTER = List.of("孙红梅", "李建国");

    @Test
    void placeholders_pass() {
        assertThat(Anonymization.firstIdentifier("某局干部孙某某违规收受礼金，受到党内警告处分。", ROSTER)).isEmpty();
    }

    @Test
    void a_roster_name_an_id_number_or_a_mobile_number_is_found() {
        assertThat(Anonymization.firstIdentifier("李建国违规公款吃喝", ROSTER)).contains("memberName");
        assertThat(Anonymization.firstIdentifier("身份证 11010519491231002X", ROSTER)).contains("nationalId");
        assertThat(Anonymization.firstIdentifier("联系电话13912345678", ROSTER)).contains("phone");
        assertThat(Anonymization.firstIdentifier("金额 139123456789 元", ROSTER)).as("not a phone: 12 digits").isEmpty();
    }
}
