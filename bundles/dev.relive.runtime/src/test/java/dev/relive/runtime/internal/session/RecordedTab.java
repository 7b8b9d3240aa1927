package dev.relive.runtime.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.runtime.internal.invoke.FieldBinder;
import dev.relive.runtime.internal.invoke.HandlerInvoker;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.render.TemplateRenderer;

/** A tab's session built by hand for a test: its tasks run on the calling thread, the frames it sends are recorded. */
final class RecordedTab implements AutoCloseable {

    final ObjectMapper json = ProtocolJson.newMapper();
    final List<String> sent = new ArrayList<>();
    final TabSession tab;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    /** {@code dev}: whether error frames carry their stack trace, as in dev mode. */
    RecordedTab(boolean dev) {
        tab = new TabSession("s1", new BrowserChannel(new Connection() {
            @Override
            public void send(String frame) {
                sent.add(frame);
            }

            @Override
            public void close(int status, String reason) {
                sent.add("closed " + status);
            }
        }, dev), new ViewWorkerBudget(Runnable::run, 1), timer, new TemplateRenderer(), new ViewRegistry(null),
                new HandlerInvoker(json), new FieldBinder(json));
    }

    /** The {@code type} of each frame sent, in order. */
    List<String> types() throws Exception {
        List<String> types = new ArrayList<>();
        for (String frame : sent) {
            types.add(json.readTree(frame).path("type").asText());
        }
        return types;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
