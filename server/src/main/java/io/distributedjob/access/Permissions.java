package io.distributedjob.access;

/** The spec's eight permission codes. */
public final class Permissions {

    public static final String TASK_VIEW = "task:view";
    public static final String TASK_CREATE = "task:create";
    public static final String TASK_UPDATE = "task:update";
    public static final String TASK_DELETE = "task:delete";
    public static final String RECORD_VIEW = "record:view";
    public static final String DEPARTMENT_MANAGE = "department:manage";
    public static final String USER_MANAGE = "user:manage";
    public static final String ROLE_MANAGE = "role:manage";

    private Permissions() {
    }
}
