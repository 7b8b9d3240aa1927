package dev.relive.runtime.internal.session;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.relive.runtime.internal.auth.SocketVisitor;
import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.protocol.ClientFrameParser;
import dev.relive.runtime.internal.protocol.ProtocolJson;
import dev.relive.runtime.internal.registry.ViewRegistry;
import dev.relive.runtime.internal.token.PageTokens;
import dev.relive.runtime.internal.upload.UploadSettings;

/** Opens a session, and the dispatcher of its client frames, for each WebSocket connection. */
@Component(service = SocketSessions.class)
public class SocketSessions {

    private final Sessions sessions;
    private final ViewRegistry registry;
    private final PageTokens tokens;
    private final ClientFrameParser parser;
    private final int eventsPerSecond;
    private final Workers workers;
    private final UploadSettings uploads;

    @Activate
    public SocketSessions(@Reference Sessions sessions, @Reference ViewRegistry registry,
            @Reference PageTokens tokens, @Reference RuntimeSettings settings, @Reference Workers workers) {
        this.sessions = sessions;
        this.registry = registry;
        this.tokens = tokens;
        this.parser = new ClientFrameParser(ProtocolJson.mapper(), settings.maxFrameBytes());
        this.eventsPerSecond = settings.eventsPerSecond();
        this.workers = workers;
        this.uploads = settings.uploads();
    }

    /**
     * The dispatcher of a new connection's frames, whose upgrade request named the browser session {@code visitor};
     * its {@link FrameDispatcher#closed()} ends the session.
     */
    public FrameDispatcher open(Connection connection, SocketVisitor visitor) {
        TabSession session = sessions.open(connection);
        return new FrameDispatcher(session, connection, parser, registry, tokens, eventsPerSecond, uploads,
                workers.timer(), () -> sessions.mounted(session), () -> sessions.closed(session), visitor);
    }
}
