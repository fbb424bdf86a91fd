package org.b24backlog.demoportal.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;

/**
 * The faults tests put into the demo portal, empty at start and after {@code DemoPortal.reset()}. Rules are checked
 * in the order they were added. On one request every matching latency fires and the latencies add up, and the first
 * matching rule of another kind that fires decides the response. Later rules of other kinds do not count that call.
 *
 * <pre>{@code
 * portal.faults().on("tasks.task.add").times(1).internalError();
 * portal.faults().onEveryMethod().latency(Duration.ofMillis(30));
 * }</pre>
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class FaultPlan {

    /** The name under which token requests appear in the journal and in fault rules. */
    public static final String TOKEN_ENDPOINT = "oauth/token";

    private final List<FaultRule> rules = new ArrayList<>();

    /** Starts a fault for top-level REST calls of {@code method} (case-insensitive), or of every method for "*". */
    public MethodFaults on(String method) {
        return new MethodFaults(this, method);
    }

    public MethodFaults onEveryMethod() {
        return new MethodFaults(this, FaultRule.EVERY_METHOD);
    }

    /** Starts a fault for batch sub-commands whose key in {@code cmd} or whose method is {@code keyOrMethod}. */
    public BatchCommandFaults batchCommand(String keyOrMethod) {
        return new BatchCommandFaults(this, keyOrMethod);
    }

    /** Starts a fault for the OAuth server's token endpoint. */
    public OAuthFaults oauthToken() {
        return new OAuthFaults(this);
    }

    /** Removes every fault. */
    public synchronized void clear() {
        rules.clear();
    }

    public synchronized List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    synchronized FaultRule add(FaultRule rule) {
        rules.add(rule);
        Log.infof("Demo portal fault added: %s", rule);
        return rule;
    }

    /**
     * Decides the faults of one top-level REST request. A rename does not fire on a request that already arrived
     * on the renamed domain.
     */
    public synchronized FaultDecision decideRest(String method, boolean onRenamedDomain) {
        return decide(FaultRule.Scope.REST, onRenamedDomain, method);
    }

    public synchronized FaultDecision decideTokenRequest() {
        return decide(FaultRule.Scope.OAUTH_TOKEN, false, TOKEN_ENDPOINT);
    }

    /**
     * Decides the faults of one batch sub-command, which are the extra execution time it takes and the fault that
     * replaces its result (null when the command runs).
     */
    public synchronized FaultDecision decideBatchCommand(String key, String method) {
        return decide(FaultRule.Scope.BATCH_COMMAND, false, key, method);
    }

    private FaultDecision decide(FaultRule.Scope scope, boolean onRenamedDomain, String... names) {
        if (rules.isEmpty()) {
            return FaultDecision.NONE;
        }
        Duration latency = Duration.ZERO;
        FaultRule outcome = null;
        List<AppliedFault> applied = new ArrayList<>();
        for (FaultRule rule : rules) {
            if (!rule.matches(scope, names)) {
                continue;
            }
            boolean isLatency = rule.kind() == FaultKind.LATENCY;
            if (!isLatency && (outcome != null || rule.kind() == FaultKind.RENAME && onRenamedDomain)) {
                continue;
            }
            if (!rule.tryFire()) {
                continue;
            }
            applied.add(rule.applied());
            if (isLatency) {
                latency = latency.plus(rule.sleep());
            } else {
                outcome = rule;
            }
        }
        return new FaultDecision(latency, outcome, List.copyOf(applied));
    }

    /** Sleeps on the request's worker thread; an interrupt ends the sleep early and keeps the interrupt flag. */
    public static void sleep(Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps for a rule's own duration, used by slow responses. */
    public static void sleep(FaultRule rule) {
        sleep(rule.sleep());
    }
}
