package cn.city.party.activity.activity;

/** The four ratings of 民主评议党员: 优秀 / 合格 / 基本合格 / 不合格. */
public enum Rating {
    EXCELLENT, QUALIFIED, BASICALLY_QUALIFIED, UNQUALIFIED
}
