package org.b24backlog.demoportal.data;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A workgroup. A Scrum is a group whose {@code scrumMasterId} is non-zero and whose {@code type} is {@code scrum};
 * {@code members} maps user ids to their roles and includes the owner.
 */
public record DemoGroup(int id, String name, String description, String type, int ownerId, int scrumMasterId,
        boolean visible, boolean opened, boolean project, OffsetDateTime dateCreate, Map<Integer, GroupRole> members) {

    public boolean isScrum() {
        return scrumMasterId > 0;
    }

    public boolean hasMember(int userId) {
        return members.containsKey(userId);
    }
}
