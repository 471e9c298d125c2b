package cn.city.party.study.exam;

/** How a multiple-choice question scores a partly right answer (an exam setting). */
public enum Scoring {
    /** 全对才得分: the full point only for exactly the correct options. */
    ALL_OR_NOTHING,
    /** 少选得部分分: with no wrong option chosen, the share of the correct options chosen; any wrong option scores 0. */
    PARTIAL
}
