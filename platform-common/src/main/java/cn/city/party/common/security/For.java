package cn.city.party.common.security;

import org.springframework.security.access.prepost.PreAuthorize;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint, one annotation per set of {@link Role}s the endpoints allow, e.g. {@code @For.Secretary}:
 * each is a {@code @PreAuthorize} of its own, so {@link EndpointAuthorization} decides it (and the roles the caller
 * acts under) before anything else, and method security again on the call. Role names are written here alone.
 */
public final class For {

    private For() {
    }

    /** 市直机关工委 alone. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('WORK_COMMITTEE_ADMIN')")
    public @interface WorkCommittee {
    }

    /** 部门机关党委 alone. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('DEPT_ADMIN')")
    public @interface DeptAdmin {
    }

    /** 支部书记 alone. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('BRANCH_SECRETARY')")
    public @interface Secretary {
    }

    /** 党员 alone. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('MEMBER')")
    public @interface Member {
    }

    /** 纪检干部 alone. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasRole('INSPECTOR')")
    public @interface Inspector {
    }

    /** The work committee and the department admins. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN')")
    public @interface WorkCommitteeOrDeptAdmin {
    }

    /** The department admins and the branch secretaries. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('DEPT_ADMIN','BRANCH_SECRETARY')")
    public @interface DeptAdminOrSecretary {
    }

    /** Those who run Party organizations: the work committee, the department admins, the branch secretaries. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN','BRANCH_SECRETARY')")
    public @interface WorkCommitteeDeptAdminOrSecretary {
    }

    /** Every role but the inspectors. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN','BRANCH_SECRETARY','MEMBER')")
    public @interface WorkCommitteeDeptAdminSecretaryOrMember {
    }

    /** The members and the branch secretaries (who are members too). */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('MEMBER','BRANCH_SECRETARY')")
    public @interface SecretaryOrMember {
    }

    /** The inspectors and the work committee. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('INSPECTOR','WORK_COMMITTEE_ADMIN')")
    public @interface WorkCommitteeOrInspector {
    }

    /** The inspectors and the department admins. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('INSPECTOR','DEPT_ADMIN')")
    public @interface DeptAdminOrInspector {
    }

    /** The inspectors, the department admins and the work committee. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('INSPECTOR','DEPT_ADMIN','WORK_COMMITTEE_ADMIN')")
    public @interface WorkCommitteeDeptAdminOrInspector {
    }

    /** Any of the platform's roles. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('WORK_COMMITTEE_ADMIN','DEPT_ADMIN','BRANCH_SECRETARY','MEMBER','INSPECTOR')")
    public @interface AnyRole {
    }
}
