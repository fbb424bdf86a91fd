package org.b24backlog.backlog;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.b24backlog.bitrix.Batch;
import org.b24backlog.bitrix.BatchResult;
import org.b24backlog.bitrix.BitrixApiException;
import org.b24backlog.bitrix.BitrixClient;
import org.b24backlog.bitrix.PortalCredentials;
import org.b24backlog.frame.FrameSession;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a Scrum's backlog in few requests. The first batch requests the group, the backlog, the first page of its
 * tasks and, through {@code $result} references, the Scrum data of as many of those tasks as fit. Later batches
 * chain the remaining pages by ID ({@code start=-1}, {@code >ID} of the previous page's last task) and fill every
 * free command with Scrum data of tasks already listed. A backlog of N tasks costs at most ceil(N/50) + 2 requests
 * when nothing is cached.
 */
@ApplicationScoped
public class BacklogReader {

    /** Bitrix24 list methods return at most this many rows per call. */
    static final int PAGE_SIZE = 50;

    static final List<String> TASK_SELECT = List.of("ID", "TITLE", "STATUS", "RESPONSIBLE_ID", "GROUP_ID");

    private final BitrixClient bitrix;
    private final ReferenceCache cache;

    public BacklogReader(BitrixClient bitrix, ReferenceCache cache) {
        this.bitrix = bitrix;
        this.cache = cache;
    }

    public BacklogView read(PortalCredentials viewer, FrameSession session, String groupId) {
        String memberId = session.memberId();
        Optional<List<BacklogView.Field>> cachedFields = cache.fields(memberId);
        Optional<Map<String, JsonNode>> cachedEpics = cache.epics(memberId, groupId);

        Batch first = Batch.create()
                .add("group", "socialnetwork.api.workgroup.get", Map.of("params", Map.of("groupId", groupId)))
                .add("backlog", "tasks.api.scrum.backlog.get", Map.of("id", groupId))
                .add("people", "user.get", Map.of("FILTER", Map.of("ID", List.of("$result[backlog][createdBy]",
                        "$result[backlog][modifiedBy]"))));
        if (cachedFields.isEmpty()) {
            first.add("fields", "tasks.api.scrum.backlog.getFields");
        }
        if (cachedEpics.isEmpty()) {
            first.add("epics", "tasks.api.scrum.epic.list", Map.of("filter", Map.of("GROUP_ID", groupId), "order", Map.of("ID", "asc")));
        }
        first.add("p0", "tasks.task.list", firstPageParams(groupId));
        // Scrum data of the first page's tasks by reference. NOTE: a reference past the page's end makes only that
        // command fail on the demo portal, which leaves it unresolved. Real portals are expected to do the same.
        int firstGets = Batch.MAX_COMMANDS - first.size();
        for (int i = 0; i < firstGets; i++) {
            first.add("f" + i, "tasks.api.scrum.task.get", Map.of("id", "$result[p0][tasks][" + i + "][id]"));
        }
        // Reads past the first page's end fail anyway, so their limit rejections are checked once the page is known.
        BatchResult result = bitrix.batch(viewer, first).requireNoLimitRejection(key -> !key.startsWith("f"));

        ScrumGroup group = group(result, groupId);
        if (!group.isScrum()) {
            throw new NotScrumException(group);
        }
        boolean canManage = session.admin() || group.managerIds().contains(session.userId());
        List<BacklogView.Field> fields = cachedFields.orElseGet(() -> {
            List<BacklogView.Field> read = fields(result.result("fields"));
            cache.putFields(memberId, read);
            return read;
        });
        Optional<JsonNode> backlog = backlog(result, group);
        if (backlog.isEmpty()) {
            return new BacklogView(group, null, null, null, fields, List.of(), canManage);
        }
        Map<String, JsonNode> epics = cachedEpics.orElseGet(() -> {
            Map<String, JsonNode> read = new LinkedHashMap<>();
            result.result("epics").forEach(epic -> read.put(epic.path("id").asText(), epic));
            cache.putEpics(memberId, groupId, read);
            return read;
        });
        rememberNames(memberId, result, "people");

        String backlogId = backlog.get().path("id").asText();
        List<JsonNode> rows = new ArrayList<>();
        result.result("p0").path("tasks").forEach(rows::add);
        int firstRows = rows.size();
        result.requireNoLimitRejection(key -> key.startsWith("f") && Integer.parseInt(key.substring(1)) < firstRows);
        Map<String, JsonNode> items = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(firstGets, rows.size()); i++) {
            if (result.succeeded("f" + i)) {
                items.put(rows.get(i).path("id").asText(), result.result("f" + i));
            }
        }
        int total = result.total("p0").orElse(rows.size());
        readRest(viewer, groupId, backlogId, total, rows, items, firstGets);
        Map<String, String> names = names(viewer, memberId, backlog.get(), rows);

        List<BacklogTask> tasks = new ArrayList<>();
        for (JsonNode row : rows) {
            JsonNode item = items.get(row.path("id").asText());
            // BACKLOG_ID narrows the list on portals that support it; the Scrum data decides in any case.
            if (item == null || !backlogId.equals(item.path("entityId").asText())) {
                continue;
            }
            JsonNode epic = epics.get(item.path("epicId").asText());
            String responsible = row.path("responsibleId").asText();
            tasks.add(new BacklogTask(row.path("id").asText(), row.path("title").asText(), row.path("status").asText(),
                    names.getOrDefault(responsible, "#" + responsible), item.path("storyPoints").asText(""),
                    epic == null ? null : epic.path("name").asText(), epic == null ? null : epic.path("color").asText(null),
                    item.path("sort").asInt()));
        }
        tasks.sort(Comparator.comparingInt(BacklogTask::sort).thenComparing(t -> Long.parseLong(t.id())));
        return new BacklogView(group, backlogId, name(names, backlog.get().path("createdBy").asText()),
                name(names, backlog.get().path("modifiedBy").asText()), fields, tasks, canManage);
    }

    /**
     * Reads the pages after the first and the Scrum data still missing, packing each batch full. A page is chained to
     * the previous one by reference when both are in the same batch, and by the literal last ID otherwise. Only full
     * pages are chained by reference, so a reference never points past a page's end.
     */
    private void readRest(PortalCredentials viewer, String groupId, String backlogId, int total, List<JsonNode> rows,
            Map<String, JsonNode> items, int firstGets) {
        Deque<String> pendingIds = new ArrayDeque<>();
        for (int i = firstGets; i < rows.size(); i++) {
            pendingIds.add(rows.get(i).path("id").asText());
        }
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int nextPage = 1;
        while (!pendingIds.isEmpty() || nextPage < pages) {
            Batch batch = Batch.create();
            Map<String, String> literalGets = new LinkedHashMap<>();
            while (!pendingIds.isEmpty() && batch.size() < Batch.MAX_COMMANDS) {
                String id = pendingIds.poll();
                literalGets.put("t" + id, id);
                batch.add("t" + id, "tasks.api.scrum.task.get", Map.of("id", id));
            }
            List<Integer> pagesHere = new ArrayList<>();
            Map<Integer, Integer> referencedGets = new LinkedHashMap<>();
            String previousLast = rows.isEmpty() ? "0" : rows.get(rows.size() - 1).path("id").asText();
            while (nextPage < pages && batch.size() < Batch.MAX_COMMANDS) {
                String after = pagesHere.isEmpty() ? previousLast : "$result[p" + (nextPage - 1) + "][tasks][" + (PAGE_SIZE - 1) + "][id]";
                batch.add("p" + nextPage, "tasks.task.list", chainedPageParams(groupId, backlogId, after));
                pagesHere.add(nextPage);
                int size = nextPage == pages - 1 ? total - nextPage * PAGE_SIZE : PAGE_SIZE;
                int gets = Math.min(size, Batch.MAX_COMMANDS - batch.size());
                for (int i = 0; i < gets; i++) {
                    batch.add("g" + nextPage + "_" + i, "tasks.api.scrum.task.get",
                            Map.of("id", "$result[p" + nextPage + "][tasks][" + i + "][id]"));
                }
                referencedGets.put(nextPage, gets);
                nextPage++;
            }

            BatchResult result = bitrix.batch(viewer, batch).requireNoLimitRejection(key -> !key.startsWith("g"));
            literalGets.forEach((key, id) -> {
                if (result.succeeded(key)) {
                    items.put(id, result.result(key));
                }
            });
            for (int page : pagesHere) {
                List<JsonNode> pageRows = new ArrayList<>();
                result.result("p" + page).path("tasks").forEach(pageRows::add);
                rows.addAll(pageRows);
                int gets = referencedGets.get(page);
                String pagePrefix = "g" + page + "_";
                int rowsHere = pageRows.size();
                result.requireNoLimitRejection(key -> key.startsWith(pagePrefix)
                        && Integer.parseInt(key.substring(pagePrefix.length())) < rowsHere);
                for (int i = 0; i < pageRows.size(); i++) {
                    String id = pageRows.get(i).path("id").asText();
                    if (i < gets && result.succeeded("g" + page + "_" + i)) {
                        items.put(id, result.result("g" + page + "_" + i));
                    } else if (i >= gets) {
                        pendingIds.add(id);
                    }
                }
                if (pageRows.size() < PAGE_SIZE && page < pages - 1) {
                    // Tasks were deleted while the pages were read; the list ends here.
                    nextPage = pages;
                }
            }
        }
    }

    /** Names of the backlog's creator and modifier and of every responsible person, from the cache or one more call. */
    private Map<String, String> names(PortalCredentials viewer, String memberId, JsonNode backlog, List<JsonNode> rows) {
        Set<String> wanted = new LinkedHashSet<>();
        addUser(wanted, backlog.path("createdBy").asText());
        addUser(wanted, backlog.path("modifiedBy").asText());
        rows.forEach(row -> addUser(wanted, row.path("responsibleId").asText()));
        Map<String, String> names = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : wanted) {
            cache.userName(memberId, id).ifPresentOrElse(name -> names.put(id, name), () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            Batch batch = Batch.create();
            // user.get returns at most 50 users per call, so ask for 50 ids per command.
            for (int from = 0, index = 0; from < missing.size() && index < Batch.MAX_COMMANDS; from += PAGE_SIZE, index++) {
                batch.add("u" + index, "user.get",
                        Map.of("FILTER", Map.of("ID", missing.subList(from, Math.min(missing.size(), from + PAGE_SIZE)))));
            }
            // Names are only labels, so a rejected lookup leaves the ids in place of names rather than failing the page.
            BatchResult result = bitrix.batch(viewer, batch);
            for (int index = 0; index < batch.size(); index++) {
                rememberNames(memberId, result, "u" + index);
            }
            missing.forEach(id -> cache.userName(memberId, id).ifPresent(name -> names.put(id, name)));
        }
        return names;
    }

    private void rememberNames(String memberId, BatchResult result, String key) {
        if (!result.succeeded(key)) {
            return;
        }
        for (JsonNode user : result.result(key)) {
            String name = (user.path("NAME").asText("") + " " + user.path("LAST_NAME").asText("")).trim();
            cache.putUserName(memberId, user.path("ID").asText(), name.isEmpty() ? "#" + user.path("ID").asText() : name);
        }
    }

    private static ScrumGroup group(BatchResult first, String groupId) {
        Optional<BitrixApiException> error = first.error("group");
        if (error.isPresent()) {
            if ("SONET_CONTROLLER_WORKGROUP_NOT_FOUND".equals(error.get().code())) {
                throw new GroupNotFoundException(groupId);
            }
            throw error.get();
        }
        return ScrumGroup.fromGetResult(first.result("group"));
    }

    private static Optional<JsonNode> backlog(BatchResult first, ScrumGroup group) {
        Optional<BitrixApiException> error = first.error("backlog");
        if (error.isPresent()) {
            if ("Backlog not found".equals(error.get().description())) {
                return Optional.empty();
            }
            if ("Access denied".equals(error.get().description())) {
                // The user can see the group but not its tasks, for example in an open group they have not joined.
                throw new BacklogAccessDeniedException(group);
            }
            throw error.get();
        }
        return Optional.of(first.result("backlog"));
    }

    private static List<BacklogView.Field> fields(JsonNode result) {
        List<BacklogView.Field> fields = new ArrayList<>();
        result.path("fields").fields().forEachRemaining(f -> fields.add(new BacklogView.Field(f.getKey(), f.getValue().path("type").asText())));
        return fields;
    }

    /** Builds the first page's parameters; it counts the tasks ({@code start=0}), so the reader knows how many pages follow. */
    private static Map<String, Object> firstPageParams(String groupId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", Map.of("GROUP_ID", groupId, "BACKLOG_ID", "$result[backlog][id]"));
        params.put("select", TASK_SELECT);
        params.put("order", Map.of("ID", "asc"));
        params.put("start", 0);
        return params;
    }

    /** Builds a later page's parameters: by ID after the previous page's last task, without counting ({@code start=-1}). */
    private static Map<String, Object> chainedPageParams(String groupId, String backlogId, String afterId) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("GROUP_ID", groupId);
        filter.put("BACKLOG_ID", backlogId);
        filter.put(">ID", afterId);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", filter);
        params.put("select", TASK_SELECT);
        params.put("order", Map.of("ID", "asc"));
        params.put("start", -1);
        return params;
    }

    private static void addUser(Set<String> ids, String id) {
        if (id != null && !id.isEmpty() && !"0".equals(id)) {
            ids.add(id);
        }
    }

    private static String name(Map<String, String> names, String id) {
        if (id == null || id.isEmpty() || "0".equals(id)) {
            return null;
        }
        String name = names.get(id);
        return name == null || name.isEmpty() ? "#" + id : name;
    }
}
