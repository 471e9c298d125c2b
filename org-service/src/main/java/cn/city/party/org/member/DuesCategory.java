package cn.city.party.org.member;

/** Whose dues follow which bracket table (§1). */
public enum DuesCategory {
    /** 在职: 0.5% / 1% / 1.5% / 2% of the after-tax monthly income. */
    EMPLOYED,
    /** 离退休: 0.5% / 1% of the pension. */
    RETIRED,
    /** 学生 */
    STUDENT,
    /** 下岗失业 */
    UNEMPLOYED,
    /** 生活困难 */
    HARDSHIP;

    public boolean paysFixedAmount() {
        return this == STUDENT || this == UNEMPLOYED || this == HARDSHIP;
    }
}
