package org.b24backlog.demoportal.methods;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.b24backlog.bitrix.BracketParams;
import org.b24backlog.demoportal.JournalEntry;
import org.b24backlog.demoportal.faults.FaultDecision;
import org.b24backlog.demoportal.faults.FaultPlan;
import org.b24backlog.demoportal.faults.FaultRule;
import org.b24backlog.demoportal.rest.DispatchOutcome;
import org.b24backlog.demoportal.rest.MethodRegistry;
import org.b24backlog.demoportal.rest.MethodResult;
import org.b24backlog.demoportal.rest.Params;
import org.b24backlog.demoportal.rest.RequestParams;
import org.b24backlog.demoportal.rest.RestCall;
import org.b24backlog.demoportal.rest.RestDispatcher;
import org.b24backlog.demoportal.rest.RestException;
import org.b24backlog.demoportal.rest.RestMethodGroup;
import org.b24backlog.demoportal.rest.TimeBlock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * {@code batch}: up to 50 {@code "method?query"} commands run in order through the same dispatcher as direct calls,
 * with the caller's token. A command may refer to an earlier result with {@code $result[key][field]...}. The whole
 * batch counts as one request for the leaky bucket and returns HTTP 200 even when commands fail. Each command adds
 * its time to its own method's operating time and is rejected with {@code OPERATION_TIME_LIMIT} in
 * {@code result_error} once that method used up its budget. A batch-command fault of the fault plan makes a command
 * fail without running, or makes it run longer.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class BatchMethod implements RestMethodGroup {

    static final int MAX_COMMANDS = 50;

    private static final Pattern REFERENCE = Pattern.compile("\\$result((?:\\[[^\\[\\]]*\\])+)");
    private static final Pattern SEGMENT = Pattern.compile("\\[([^\\[\\]]*)\\]");

    @Inject
    RestDispatcher dispatcher;

    @Inject
    FaultPlan faults;

    @Override
    public void registerTo(MethodRegistry registry) {
        registry.register("batch", RestDispatcher.BASIC_SCOPE, this::batch);
    }

    private MethodResult batch(RestCall call) {
        Map<String, String> commands = commands(call.params().get("cmd"));
        if (commands.size() > MAX_COMMANDS) {
            throw RestException.of(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
        }
        boolean halt = Params.asFlag(call.params().get("halt"));

        ObjectNode results = JsonNodeFactory.instance.objectNode();
        ObjectNode errors = JsonNodeFactory.instance.objectNode();
        ObjectNode totals = JsonNodeFactory.instance.objectNode();
        ObjectNode nexts = JsonNodeFactory.instance.objectNode();
        ObjectNode times = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> command : commands.entrySet()) {
            String key = command.getKey();
            String text = command.getValue();
            int question = text.indexOf('?');
            String method = question < 0 ? text : text.substring(0, question);
            ObjectNode params = question < 0 ? RequestParams.emptyObject()
                    : BracketParams.parseToJson(text.substring(question + 1));
            RequestParams.takeAccessToken(params);
            ObjectNode resolved = (ObjectNode) resolveReferences(params, results);

            FaultDecision fault = faults.decideBatchCommand(key, method.trim());
            DispatchOutcome outcome = fault.hasOutcome() ? injected(fault.outcome(), call)
                    : dispatcher.dispatch(method.trim(), resolved, call.accessToken(), true, fault.latency());
            call.subCommandJournal().add(new JournalEntry("portal", method.trim(), "BATCH", resolved,
                    outcome.userId(), outcome.httpStatus(), outcome.errorCode(), outcome.subCommands(),
                    fault.applied()));
            if (outcome.succeeded()) {
                results.set(key, outcome.result().result());
                if (outcome.result().total() != null) {
                    totals.put(key, outcome.result().total());
                }
                if (outcome.result().next() != null) {
                    nexts.put(key, outcome.result().next());
                }
                times.set(key, TimeBlock.of(outcome.start(), outcome.finish()));
            } else {
                errors.set(key, outcome.error().toBody());
                if (halt) {
                    break;
                }
            }
        }

        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("result", emptyAsArray(results));
        result.set("result_error", emptyAsArray(errors));
        result.set("result_total", emptyAsArray(totals));
        result.set("result_next", emptyAsArray(nexts));
        result.set("result_time", emptyAsArray(times));
        return MethodResult.of(result);
    }

    private static DispatchOutcome injected(FaultRule fault, RestCall call) {
        Instant now = Instant.now();
        return new DispatchOutcome(null, fault.error(), call.userId(), now, now, List.of(), null);
    }

    /**
     * Reads {@code cmd} as an object (keys kept) or a list (keys {@code 0..n-1}). Commands whose keys are numbers
     * come back in the result maps under those numbers, as PHP arrays print.
     */
    private static Map<String, String> commands(JsonNode cmd) {
        Map<String, String> commands = new LinkedHashMap<>();
        if (cmd == null || !cmd.isContainerNode() || cmd.isEmpty()) {
            throw RestException.of(400, "ERROR_ARGUMENT", "Argument 'cmd' is null or empty");
        }
        if (cmd.isArray()) {
            for (int i = 0; i < cmd.size(); i++) {
                commands.put(Integer.toString(i), cmd.get(i).asText());
            }
        } else {
            cmd.fields().forEachRemaining(field -> commands.put(field.getKey(), field.getValue().asText()));
        }
        return commands;
    }

    /**
     * Replaces {@code $result[key][field]...} in every string value. A value that is exactly one reference to an
     * array or object takes that node; otherwise the referenced text is inserted. An unresolved reference stays as
     * written.
     */
    private static JsonNode resolveReferences(JsonNode node, ObjectNode results) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), resolveReferences(f.getValue(), results)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(resolveReferences(item, results)));
            return copy;
        }
        if (!node.isTextual() || !node.asText().contains("$result")) {
            return node;
        }
        String text = node.asText();
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            JsonNode target = lookUp(results, whole.group(1));
            if (target != null) {
                return target.isValueNode() ? TextNode.valueOf(target.asText()) : target;
            }
            return node;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            JsonNode target = lookUp(results, matcher.group(1));
            String replacement = target != null && target.isValueNode() ? target.asText() : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private static JsonNode lookUp(ObjectNode results, String path) {
        JsonNode current = results;
        Matcher segment = SEGMENT.matcher(path);
        while (segment.find()) {
            String name = segment.group(1);
            if (current.isArray()) {
                Integer index = Params.asInt(TextNode.valueOf(name));
                current = index == null ? null : current.get(index);
            } else {
                current = current.get(name);
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** Bitrix24 prints an empty PHP array, so an empty map comes back as {@code []}. */
    private static JsonNode emptyAsArray(ObjectNode map) {
        return map.isEmpty() ? JsonNodeFactory.instance.arrayNode() : map;
    }
}
