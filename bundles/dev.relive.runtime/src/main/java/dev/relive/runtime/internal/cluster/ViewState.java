package dev.relive.runtime.internal.cluster;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.relive.runtime.internal.state.ClassShape;

/**
 * One view of a stored tab: its place ({@code child}, {@code null} for the page's own view), its class and class shape
 * (for the compatibility rules of Hot View Replacement), its state fields as trees, and the topics it is subscribed
 * to and tracked under (with the meta), so that a resumed view receives and is present again without a mount.
 */
public record ViewState(String child, boolean sticky, String viewClass, ClassShape shape,
        Map<String, JsonNode> fields, List<String> subscribed, Map<String, Map<String, String>> tracked) {

    public ViewState {
        fields = Map.copyOf(fields);
        subscribed = List.copyOf(subscribed);
        tracked = Map.copyOf(tracked);
    }
}
