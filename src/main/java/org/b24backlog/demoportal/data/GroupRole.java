package org.b24backlog.demoportal.data;

/** Role of a user in a workgroup, with the letter Bitrix24 uses for it in {@code USER_DATA.ROLE}. */
public enum GroupRole {
    OWNER("A"),
    MODERATOR("E"),
    MEMBER("K");

    private final String code;

    GroupRole(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
