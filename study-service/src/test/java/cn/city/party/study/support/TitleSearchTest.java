package cn.city.party.study.support;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TitleSearchTest {

    @Test
    void what_the_user_types_is_matched_literally() {
        assertThat(Pattern.compile(TitleSearch.literal("(2022)")).matcher("党章(2022)修订").find()).isTrue();
        assertThat(Pattern.compile(TitleSearch.literal(".*")).matcher("党史").find()).isFalse();
        assertThat(Pattern.compile(TitleSearch.literal("a+b")).matcher("aab").find()).isFalse();
        assertThat(Pattern.compile(TitleSearch.literal("a+b")).matcher("x a+b y").find()).isTrue();
        assertThat(TitleSearch.literal("(a+)+$")).isEqualTo("\\(a\\+\\)\\+\\$");
    }
}
