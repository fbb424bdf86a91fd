package org.b24backlog.demoportal.data;

import static org.b24backlog.demoportal.DemoData.*;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fills a {@link PortalStore} with the made-up seed data whose ids {@link org.b24backlog.demoportal.DemoData} names. */
public final class DemoSeed {

    private static final OffsetDateTime SEEDED_AT = OffsetDateTime.of(2026, 8, 3, 9, 0, 0, 0, ZoneOffset.ofHours(2));

    private static final List<String> MOBILE_TITLES = List.of(
            TASK_WITH_HTML_TITLE, "Sign-in with one-time code", "Remember last opened project",
            "Dark theme for settings", "Cache task list for offline use", "Sync queue retries with backoff",
            "Conflict screen for offline edits", "Push opt-in after first task", "Quiet hours for notifications",
            "Deep links from push messages", "Crash report consent dialog", "Tablet layout for the board",
            "Accessibility labels on buttons", "Shrink the app bundle", "Faster cold start",
            "Haptic feedback on drag", "Onboarding carousel copy", "Invite teammates from contacts",
            "Empty state for new projects", "Offline banner", "Retry failed uploads",
            "Notification grouping", "Badge count on app icon", "Settings search");

    private static final List<String> PAYMENTS_TITLES = List.of(
            "Tokenize saved cards", "3-D Secure challenge flow", "Card expiry reminders", "Partial refunds",
            "Refund reasons report", "Idempotency keys for charges", "Currency rounding rules",
            "Webhook signature check", "Chargeback evidence upload", "Retry declined renewals",
            "Payout schedule settings", "Invoice PDF footer", "Fraud score threshold", "Ledger export to CSV",
            "Receipt e-mail template", "Dispute status sync");

    private DemoSeed() {
    }

    public static void seed(PortalStore store) {
        store.clear(400, 20, FIRST_TASK);
        seedUsers(store);
        seedGroups(store);
        seedEntities(store);
        seedEpics(store);
        seedTasks(store);
    }

    private static void seedUsers(PortalStore store) {
        store.putUser(new DemoUser(USER_ADMIN, "Mira", "Holt", "mira.holt@demo-portal.invalid", "Portal administrator",
                1, true, true));
        store.putUser(new DemoUser(USER_SCRUM_MASTER, "Jonas", "Brandt", "jonas.brandt@demo-portal.invalid",
                "Scrum master", 2, false, true));
        store.putUser(new DemoUser(USER_DEVELOPER, "Lena", "Sommer", "lena.sommer@demo-portal.invalid",
                "Mobile developer", 2, false, true));
        store.putUser(new DemoUser(USER_OUTSIDER, "Tomas", "Ruiz", "tomas.ruiz@demo-portal.invalid",
                "Designer", 3, false, true));
        store.putUser(new DemoUser(USER_TESTER, "Ada", "Kwan", "ada.kwan@demo-portal.invalid", "QA engineer", 2,
                false, true));
        store.putUser(new DemoUser(USER_INACTIVE, "Piet", "Lorenz", "piet.lorenz@demo-portal.invalid",
                "Former developer", 2, false, false));
    }

    private static void seedGroups(PortalStore store) {
        store.putGroup(new DemoGroup(SCRUM_MOBILE, "Mobile app", "Phone and tablet app", "scrum", USER_DEVELOPER,
                USER_SCRUM_MASTER, true, true, true, SEEDED_AT.minusMonths(6),
                roles(USER_DEVELOPER, List.of(USER_SCRUM_MASTER), List.of(USER_OUTSIDER, USER_TESTER))));
        store.putGroup(new DemoGroup(SCRUM_PAYMENTS, "Payments platform", "Cards, refunds and payouts", "scrum",
                USER_SCRUM_MASTER, USER_TESTER, true, false, true, SEEDED_AT.minusMonths(4),
                roles(USER_SCRUM_MASTER, List.of(USER_TESTER), List.of(USER_DEVELOPER))));
        store.putGroup(new DemoGroup(SCRUM_NO_BACKLOG, "Data migration", "Scrum created over REST, no backlog yet",
                "scrum", USER_DEVELOPER, USER_DEVELOPER, true, true, true, SEEDED_AT.minusWeeks(1),
                roles(USER_DEVELOPER, List.of(), List.of(USER_OUTSIDER))));
        store.putGroup(new DemoGroup(GROUP_MARKETING, "Marketing", "Campaigns and the website", "group",
                USER_OUTSIDER, 0, true, true, false, SEEDED_AT.minusYears(1),
                roles(USER_OUTSIDER, List.of(), List.of(USER_TESTER))));
        store.putGroup(new DemoGroup(GROUP_HIDDEN, "Board room", "Invisible to non-members", "group", USER_ADMIN, 0,
                false, false, false, SEEDED_AT.minusYears(1), roles(USER_ADMIN, List.of(USER_SCRUM_MASTER), List.of())));
    }

    private static Map<Integer, GroupRole> roles(int owner, List<Integer> moderators, List<Integer> members) {
        Map<Integer, GroupRole> roles = new LinkedHashMap<>();
        roles.put(owner, GroupRole.OWNER);
        moderators.forEach(id -> roles.put(id, GroupRole.MODERATOR));
        members.forEach(id -> roles.put(id, GroupRole.MEMBER));
        return roles;
    }

    private static void seedEntities(PortalStore store) {
        store.putEntity(ScrumEntity.backlog(BACKLOG_MOBILE, SCRUM_MOBILE, USER_SCRUM_MASTER, USER_SCRUM_MASTER));
        store.putEntity(ScrumEntity.backlog(BACKLOG_PAYMENTS, SCRUM_PAYMENTS, USER_TESTER, 0));
        OffsetDateTime sprintStart = SEEDED_AT.minusDays(3);
        store.putEntity(sprint(SPRINT_MOBILE_COMPLETED, SCRUM_MOBILE, "Sprint 13", 13, sprintStart.minusWeeks(2),
                "completed"));
        store.putEntity(sprint(SPRINT_MOBILE_ACTIVE, SCRUM_MOBILE, "Sprint 14", 14, sprintStart, "active"));
        store.putEntity(sprint(SPRINT_MOBILE_PLANNED, SCRUM_MOBILE, "Sprint 15", 15, sprintStart.plusWeeks(2),
                "planned"));
        store.putEntity(sprint(SPRINT_PAYMENTS_ACTIVE, SCRUM_PAYMENTS, "Sprint 1", 1, sprintStart, "active"));
    }

    private static ScrumEntity sprint(int id, int groupId, String name, int sort, OffsetDateTime start, String status) {
        return new ScrumEntity(id, groupId, ScrumEntity.SPRINT, name, "", sort, USER_SCRUM_MASTER, USER_SCRUM_MASTER,
                start, start.plusWeeks(2).minusHours(15), status);
    }

    private static void seedEpics(PortalStore store) {
        store.putEpic(new DemoEpic(EPIC_ONBOARDING, SCRUM_MOBILE, "Onboarding", "First run & sign-in",
                USER_SCRUM_MASTER, USER_SCRUM_MASTER, "#69dafc", List.of()));
        store.putEpic(new DemoEpic(EPIC_OFFLINE_MODE, SCRUM_MOBILE, "Offline mode", "Work without a connection",
                USER_SCRUM_MASTER, USER_SCRUM_MASTER, "#ff5752", List.of()));
        store.putEpic(new DemoEpic(EPIC_PUSH, SCRUM_MOBILE, "Push notifications", "", USER_DEVELOPER, USER_DEVELOPER,
                "#aae032", List.of()));
        store.putEpic(new DemoEpic(EPIC_CARD_PAYMENTS, SCRUM_PAYMENTS, "Card payments", "Checkout with cards",
                USER_TESTER, USER_TESTER, "#fbd14b", List.of()));
        store.putEpic(new DemoEpic(EPIC_REFUNDS, SCRUM_PAYMENTS, "Refunds", "Payment & refund flow", USER_TESTER,
                USER_TESTER, "#2fc6f6", List.of()));
    }

    private static void seedTasks(PortalStore store) {
        List<Integer> mobilePeople = List.of(USER_DEVELOPER, USER_OUTSIDER, USER_TESTER, USER_SCRUM_MASTER);
        List<Integer> mobileEpics = List.of(EPIC_ONBOARDING, EPIC_OFFLINE_MODE, EPIC_PUSH, 0);
        for (int i = 0; i < MOBILE_TITLES.size(); i++) {
            boolean inSprint = i >= MOBILE_BACKLOG_TASKS;
            int entityId = inSprint ? SPRINT_MOBILE_ACTIVE : BACKLOG_MOBILE;
            int sort = inSprint ? i - MOBILE_BACKLOG_TASKS + 1 : i + 1;
            addTask(store, MOBILE_TITLES.get(i), SCRUM_MOBILE, mobilePeople.get(i % 4),
                    inSprint ? sprintStatus(i) : DemoTask.STATUS_PENDING,
                    new ScrumItem(entityId, storyPoints(i), mobileEpics.get(i % 4), sort, USER_SCRUM_MASTER,
                            USER_SCRUM_MASTER));
        }
        List<Integer> paymentsPeople = List.of(USER_DEVELOPER, USER_TESTER, USER_SCRUM_MASTER);
        List<Integer> paymentsEpics = List.of(EPIC_CARD_PAYMENTS, EPIC_REFUNDS, 0);
        for (int i = 0; i < PAYMENTS_TITLES.size(); i++) {
            boolean inSprint = i >= PAYMENTS_BACKLOG_TASKS;
            int entityId = inSprint ? SPRINT_PAYMENTS_ACTIVE : BACKLOG_PAYMENTS;
            int sort = inSprint ? i - PAYMENTS_BACKLOG_TASKS + 1 : i + 1;
            addTask(store, PAYMENTS_TITLES.get(i), SCRUM_PAYMENTS, paymentsPeople.get(i % 3),
                    inSprint ? sprintStatus(i) : DemoTask.STATUS_PENDING,
                    new ScrumItem(entityId, storyPoints(i + 1), paymentsEpics.get(i % 3), sort, USER_TESTER, 0));
        }
        addTask(store, "Autumn newsletter", GROUP_MARKETING, USER_OUTSIDER, DemoTask.STATUS_IN_PROGRESS, null);
        addTask(store, "Update website banner", GROUP_MARKETING, USER_TESTER, DemoTask.STATUS_DEFERRED, null);
    }

    private static int sprintStatus(int index) {
        int[] statuses = { DemoTask.STATUS_IN_PROGRESS, DemoTask.STATUS_COMPLETED, DemoTask.STATUS_PENDING,
                DemoTask.STATUS_AWAITING_CONTROL };
        return statuses[index % statuses.length];
    }

    /** Story points as Bitrix24 stores them: free text, mostly numbers, one T-shirt size and one left empty. */
    private static String storyPoints(int index) {
        String[] points = { "1", "2", "3", "5", "8", "13", "0.5", "XL", "" };
        return points[index % points.length];
    }

    /** Adds one task with the next free id; also used for the many-task backlogs tests ask for. */
    public static DemoTask addTask(PortalStore store, String title, int groupId, int responsibleId, int status,
            ScrumItem item) {
        int id = store.nextTaskId();
        OffsetDateTime created = SEEDED_AT.plusMinutes(id % 1000);
        DemoTask task = new DemoTask(id, title, "", status, 1, groupId, responsibleId, USER_SCRUM_MASTER, created,
                created, null, item);
        store.putTask(task);
        return task;
    }
}
