package cn.city.party.org.member;

/** The contact fields a member may edit itself. */
public record Contact(String phone, String email, String address) {

    public static final Contact NONE = new Contact(null, null, null);
}
