package cn.city.party.org.committee;

/** 委员职务 */
public enum CommitteePost {
    SECRETARY("书记"), DEPUTY_SECRETARY("副书记"), ORGANIZATION("组织委员"), PUBLICITY("宣传委员"), DISCIPLINE("纪检委员");

    private final String label;

    CommitteePost(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
