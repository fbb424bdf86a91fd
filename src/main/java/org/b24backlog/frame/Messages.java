package org.b24backlog.frame;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text the app's pages show, in English; {@code messages/msg_ru.properties} has the Russian ones. Templates use
 * them as {@code {msg:key}} and pick the language from the session.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    @Message("Scrum backlog")
    String app_title();

    @Message("Scrum teams")
    String groups_title();

    @Message("Pick a Scrum to see and manage its backlog.")
    String groups_intro();

    @Message("You are not a member of any Scrum on this portal yet.")
    String groups_empty();

    @Message("Open backlog")
    String groups_open();

    @Message("Scrum master")
    String groups_scrum_master();

    @Message("Backlog")
    String backlog_title();

    @Message("All Scrum teams")
    String backlog_back();

    @Message("Backlog #{id}")
    String backlog_id(String id);

    @Message("Created by")
    String backlog_created_by();

    @Message("Last changed by")
    String backlog_modified_by();

    @Message("nobody recorded")
    String backlog_nobody();

    @Message("Fields")
    String backlog_fields();

    @Message("Tasks in the backlog")
    String backlog_tasks();

    @Message("{count} tasks, {points} story points")
    String backlog_summary(int count, String points);

    @Message("The backlog holds no tasks.")
    String backlog_no_tasks();

    @Message("Order")
    String task_order();

    @Message("Task")
    String task_title();

    @Message("Status")
    String task_status();

    @Message("Responsible")
    String task_responsible();

    @Message("Story points")
    String task_points();

    @Message("Epic")
    String task_epic();

    @Message("This Scrum has no backlog yet.")
    String backlog_missing();

    @Message("Create the backlog")
    String backlog_create();

    @Message("Record me as the last editor")
    String backlog_touch();

    @Message("Move to another Scrum")
    String backlog_move();

    @Message("Move the backlog")
    String move_title();

    @Message("Only a Scrum that has no backlog can receive this one. A backlog that still holds tasks cannot move.")
    String move_intro();

    @Message("No other Scrum without a backlog is available.")
    String move_none();

    @Message("Target Scrum")
    String move_target();

    @Message("Move")
    String move_submit();

    @Message("Cancel")
    String cancel();

    @Message("Delete the backlog")
    String backlog_delete();

    @Message("Delete backlog #{id} of {group}?")
    String delete_question(String id, String group);

    @Message("Bitrix24 refuses to delete a backlog that still holds tasks, and creates a new empty one the next time someone opens the Scrum's planning page.")
    String delete_explanation();

    @Message("Yes, delete it")
    String delete_confirm();

    @Message("The backlog was created.")
    String done_created();

    @Message("The backlog was updated.")
    String done_updated();

    @Message("The backlog was moved to this Scrum.")
    String done_moved();

    @Message("The backlog was deleted.")
    String done_deleted();

    @Message("Only a portal administrator, the group owner, a moderator or the Scrum master can change this backlog.")
    String backlog_read_only();

    @Message("{name} is not a Scrum")
    String not_scrum_title(String name);

    @Message("This workgroup plans without Scrum, so it has no backlog. Turn it into a Scrum in the group settings, or open one of the Scrum teams.")
    String not_scrum_text();

    @Message("Audit log")
    String audit_title();

    @Message("Every change the app made on this portal, newest first.")
    String audit_intro();

    @Message("Every change the app made on every portal, newest first.")
    String operator_audit_intro();

    @Message("Nothing has been recorded yet.")
    String audit_empty();

    @Message("When")
    String audit_when();

    @Message("Who")
    String audit_who();

    @Message("Action")
    String audit_action();

    @Message("Group")
    String audit_group();

    @Message("Result")
    String audit_result();

    @Message("Details")
    String audit_details();

    @Message("done")
    String outcome_success();

    @Message("rejected")
    String outcome_failure();

    @Message("Newer")
    String page_newer();

    @Message("Older")
    String page_older();

    @Message("Installing the app")
    String install_title();

    @Message("The app is set up on your portal. Finishing the installation…")
    String install_done();

    @Message("The installation could not be completed")
    String install_failed();

    @Message("Something went wrong")
    String error_title();

    @Message("What to do:")
    String error_hint();

    @Message("Close this page and open the app again from the portal's menu.")
    String hint_reopen();

    @Message("Ask your Bitrix24 administrator to install the app again from the Bitrix24 Market.")
    String hint_reinstall();

    @Message("Ask your Bitrix24 administrator to renew the app's subscription.")
    String hint_payment();

    @Message("Open the app from your Bitrix24 portal; this address only works inside the portal.")
    String hint_portal_only();

    @Message("Join the workgroup in Bitrix24, or ask its owner to add you.")
    String hint_join_group();

    @Message("Ask a Bitrix24 administrator of your portal for help.")
    String hint_ask_admin();

    @Message("Try again in a minute. If the problem stays, tell your Bitrix24 administrator.")
    String hint_retry();

    @Message("Bitrix24 paused this kind of request for the app, which used its share of the portal's time. The pause ends within ten minutes; try again then.")
    String hint_operating_limit();

    @Message("Pending")
    String status_2();

    @Message("In progress")
    String status_3();

    @Message("Awaiting control")
    String status_4();

    @Message("Completed")
    String status_5();

    @Message("Deferred")
    String status_6();

    @Message("New")
    String status_1();

    @Message("Declined")
    String status_7();

    @Message("Other")
    String status_unknown();

    @Message("The backlog still contains tasks. Move them to a sprint or delete them, then delete the backlog.")
    String refusal_delete_items();

    @Message("A backlog that holds tasks cannot move to another Scrum. Move its tasks out first.")
    String refusal_move_items();

    @Message("The target Scrum already has a backlog. Pick a Scrum without one.")
    String refusal_target_has_backlog();

    @Message("This Scrum already has a backlog.")
    String refusal_already_added();

    @Message("Bitrix24 denied access: you cannot see this group's tasks.")
    String refusal_access_denied();

    @Message("The backlog no longer exists; someone may have deleted it. Reload the page.")
    String refusal_not_found();

    @Message("The chosen group is not a Scrum without a backlog. Pick one from the list.")
    String refusal_invalid_target();

    @Message("Bitrix24 failed while making the change, so it may or may not have been made. Reload the page to see the current state before you try again.")
    String refusal_outcome_unknown();

    @Message("Bitrix24 is receiving too many requests from this app, so it did not make the change. Try again in a minute.")
    String refusal_rate_limit();

    @Message("Bitrix24 paused this kind of request for the app, which used its share of the portal's time, so the change was not made. The pause ends within ten minutes; try again then.")
    String refusal_operating_limit();

    @Message("Bitrix24 refused the change: {detail}")
    String refusal_other(String detail);

    @Message("Workgroup not found")
    String group_not_found_title();

    @Message("Workgroup {id} does not exist, or you have no access to it.")
    String group_not_found_text(String id);

    @Message("Scrum master: {name}")
    String scrum_master_label(String name);
}
