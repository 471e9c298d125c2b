package cn.city.party.study.material;

/** 学习资料分类 */
public enum Category {
    /** 党章党规 */
    PARTY_CONSTITUTION("党章党规"),
    /** 党的创新理论 */
    INNOVATIVE_THEORY("党的创新理论"),
    /** 党史 */
    PARTY_HISTORY("党史"),
    /** 廉政教育 */
    INTEGRITY("廉政教育"),
    /** 业务知识 */
    PROFESSIONAL("业务知识");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
