package cn.city.party.common.tenancy;

/** A stored record that belongs to one department (the tenant); its field is always named {@code department}. */
public interface DepartmentOwned {

    String FIELD = "department";

    String department();
}
