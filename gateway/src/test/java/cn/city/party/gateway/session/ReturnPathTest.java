package cn.city.party.gateway.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/member/checkin/abc", "/secretary/activities?month=2026-11&page=2", "/study/exam/e1#q3",
            "/member/%E5%AD%A6%E4%B9%A0"})
    void a_path_of_this_site_is_kept(String next) {
        assertThat(ReturnPath.orHome(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
            "javascript:alert(1)", "member/home", "/ /x", "/x\ny", "http:/evil.example", "/%zz"})
    void anything_else_is_replaced_by_the_home_page(String next) {
        assertThat(ReturnPath.orHome(next)).isEqualTo("/");
    }

    @Test
    void a_path_longer_than_the_limit_is_not_kept() {
        assertThat(ReturnPath.orHome("/" + "a".repeat(ReturnPath.MAX_LENGTH))).isEqualTo("/");
    }
}
