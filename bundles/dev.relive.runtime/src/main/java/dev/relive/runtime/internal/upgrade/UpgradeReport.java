package dev.relive.runtime.internal.upgrade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.relive.runtime.spi.SwapOutcome;

/** The log lines of a live upgrade: one summary, and one per reason sessions reloaded for. */
final class UpgradeReport {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeReport.class);

    private UpgradeReport() {
    }

    static void log(PendingUpgrade upgrade, List<SwapOutcome> outcomes) {
        long carried = outcomes.stream().filter(SwapOutcome::swapped).count();
        Map<String, Integer> reloads = new LinkedHashMap<>();
        for (SwapOutcome outcome : outcomes) {
            if (!outcome.swapped()) {
                reloads.merge(outcome.viewClasses().get(0) + ": " + outcome.failure(), 1, Integer::sum);
            }
        }
        LOG.info("Live upgrade: {} {} -> {}: {} session(s) carried their state, {} reloaded; held {} ms",
                upgrade.bundle.getSymbolicName(), upgrade.oldVersion, upgrade.bundle.getVersion(), carried,
                outcomes.size() - carried, upgrade.heldMillis());
        reloads.forEach((why, count) -> LOG.info("Live upgrade incompat: {} ({} session(s) reload)", why, count));
    }
}
