package cn.city.party.common.security;

/** The platform's realm roles (see README, "Who uses it"). */
public enum Role {
    /** 市直机关工委: every department, rule sets, city dashboards and rankings; never discipline case content. */
    WORK_COMMITTEE_ADMIN,
    /** 部门机关党委: its own department's organizations, members, transfers, dues, reports. */
    DEPT_ADMIN,
    /** 支部书记/党务干部: its own branch and sub-groups. */
    BRANCH_SECRETARY,
    /** 党员: own profile, dues, study, exams, check-in. */
    MEMBER,
    /** 纪检干部: the discipline module, its department or, with city jurisdiction, all departments. */
    INSPECTOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
