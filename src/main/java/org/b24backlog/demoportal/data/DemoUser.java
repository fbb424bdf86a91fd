package org.b24backlog.demoportal.data;

/** A made-up portal user; {@code admin} users pass every permission check, as portal administrators do. */
public record DemoUser(int id, String name, String lastName, String email, String workPosition, int departmentId,
        boolean admin, boolean active) {

    public String fullName() {
        return name + " " + lastName;
    }
}
