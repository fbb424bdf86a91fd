package org.b24backlog.demoportal;

/**
 * Ids of the seed data that {@link DemoPortal#reset()} restores. All people, names and addresses are made up.
 *
 * <p>
 * Membership: {@link #SCRUM_MOBILE} has every active user except the admin; {@link #SCRUM_PAYMENTS} lacks
 * {@link #USER_OUTSIDER}, who still sees it in lists because it is visible; {@link #SCRUM_NO_BACKLOG} is a Scrum whose
 * backlog was never created; {@link #GROUP_MARKETING} is an ordinary group; {@link #GROUP_HIDDEN} is invisible to
 * non-members.
 */
public final class DemoData {

    /** Portal administrator; installs the app. */
    public static final int USER_ADMIN = 1;
    /** Scrum master of {@link #SCRUM_MOBILE}. */
    public static final int USER_SCRUM_MASTER = 2;
    /** Owner of {@link #SCRUM_MOBILE}, member of both Scrums. */
    public static final int USER_DEVELOPER = 3;
    /** Member of {@link #SCRUM_MOBILE} but not of {@link #SCRUM_PAYMENTS}. */
    public static final int USER_OUTSIDER = 4;
    /** Scrum master of {@link #SCRUM_PAYMENTS}. */
    public static final int USER_TESTER = 5;
    /** Deactivated user, left out by {@code user.get} with {@code FILTER[ACTIVE]=Y}. */
    public static final int USER_INACTIVE = 6;

    public static final int SCRUM_MOBILE = 42;
    public static final int SCRUM_PAYMENTS = 43;
    public static final int SCRUM_NO_BACKLOG = 44;
    public static final int GROUP_MARKETING = 5;
    public static final int GROUP_HIDDEN = 6;
    /** A group id that does not exist. */
    public static final int GROUP_MISSING = 999;

    public static final int BACKLOG_MOBILE = 311;
    public static final int BACKLOG_PAYMENTS = 312;
    public static final int SPRINT_MOBILE_COMPLETED = 320;
    public static final int SPRINT_MOBILE_ACTIVE = 321;
    public static final int SPRINT_MOBILE_PLANNED = 322;
    public static final int SPRINT_PAYMENTS_ACTIVE = 323;

    public static final int EPIC_ONBOARDING = 9;
    public static final int EPIC_OFFLINE_MODE = 10;
    public static final int EPIC_PUSH = 11;
    public static final int EPIC_CARD_PAYMENTS = 12;
    public static final int EPIC_REFUNDS = 13;

    /** First task id; seed tasks are numbered from here without gaps. */
    public static final int FIRST_TASK = 8001;
    /** Backlog task of {@link #SCRUM_MOBILE} whose title contains HTML and a script tag. */
    public static final int TASK_WITH_HTML = 8001;
    public static final String TASK_WITH_HTML_TITLE = "<b>Bold</b> & <script>alert(1)</script> login copy";
    /** Backlog items of {@link #SCRUM_MOBILE}: tasks {@code 8001..8016}. */
    public static final int MOBILE_BACKLOG_TASKS = 16;
    /** Tasks of {@link #SCRUM_MOBILE} in {@link #SPRINT_MOBILE_ACTIVE}: {@code 8017..8024}. */
    public static final int MOBILE_SPRINT_TASKS = 8;
    /** Backlog items of {@link #SCRUM_PAYMENTS}: tasks {@code 8025..8036}. */
    public static final int PAYMENTS_BACKLOG_TASKS = 12;
    /** Tasks of {@link #SCRUM_PAYMENTS} in {@link #SPRINT_PAYMENTS_ACTIVE}: {@code 8037..8040}. */
    public static final int PAYMENTS_SPRINT_TASKS = 4;
    /** Ordinary tasks of {@link #GROUP_MARKETING}: {@code 8041..8042}. */
    public static final int MARKETING_TASKS = 2;
    public static final int TASK_COUNT = 42;

    private DemoData() {
    }
}
