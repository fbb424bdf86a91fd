package org.b24backlog.backlog;

/** The workgroup does not exist or the viewing user cannot see it. */
public class GroupNotFoundException extends RuntimeException {

    private final String groupId;

    public GroupNotFoundException(String groupId) {
        super("Workgroup " + groupId + " was not found, or you have no access to it");
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }
}
