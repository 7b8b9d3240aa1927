package dev.relive.runtime.internal.config;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import dev.relive.runtime.internal.upload.UploadSettings;

/** The runtime's settings: its configuration plus whether the runtime runs in dev mode. */
@Designate(ocd = RuntimeConfig.class)
@Component(service = RuntimeSettings.class, configurationPid = RuntimeConfig.PID)
public class RuntimeSettings {

    private final boolean dev;
    private final RuntimeConfig config;
    private final TrustedProxies trustedProxies;

    @Activate
    public RuntimeSettings(BundleContext context, RuntimeConfig config) {
        this(Boolean.parseBoolean(context.getProperty("relive.dev")), config);
    }

    public RuntimeSettings(boolean dev, RuntimeConfig config) {
        this.dev = dev;
        this.config = config;
        this.trustedProxies = TrustedProxies.of(List.of(config.trusted__proxies()));
    }

    /** Dev mode: error details go to the browser, the HVR client is loaded. */
    public boolean dev() {
        return dev;
    }

    public int maxFrameBytes() {
        return config.max__frame__bytes();
    }

    public int eventsPerSecond() {
        return config.events__per__second();
    }

    public List<String> allowedOrigins() {
        return List.of(config.allowed__origins());
    }

    public List<String> allowedHosts() {
        return List.of(config.allowed__hosts());
    }

    public long tokenTtlSeconds() {
        return config.token__ttl__seconds();
    }

    public int maxPendingBytes() {
        return config.max__pending__bytes();
    }

    public int maxSessions() {
        return config.max__sessions();
    }

    public int maxSessionsPerAddress() {
        return config.max__sessions__per__address();
    }

    public int maxWorkersPerView() {
        return config.max__workers__per__view();
    }

    public int maxTopicsPerSession() {
        return config.max__topics__per__session();
    }

    public boolean liveUpgrade() {
        return config.live__upgrade();
    }

    public int liveUpgradeWaitSeconds() {
        return config.live__upgrade__wait__seconds();
    }

    public UploadSettings uploads() {
        String dir = config.upload__dir();
        return new UploadSettings(config.upload__max__file__bytes(), config.upload__max__files(),
                dir == null || dir.isBlank() ? UploadSettings.defaultDir() : Path.of(dir));
    }

    public long hvrReloadHoldSeconds() {
        return Math.max(0, config.hvr__reload__hold__seconds());
    }

    public long sessionIdleSeconds() {
        return config.session__idle__seconds();
    }

    public int maxBrowserSessions() {
        return config.max__browser__sessions();
    }

    public int loginAttemptsPerMinute() {
        return config.login__attempts__per__minute();
    }

    /** The proxies whose {@code X-Forwarded-For} names the client; the per-address caps and logs go by it. */
    public TrustedProxies trustedProxies() {
        return trustedProxies;
    }

    public long clusterStateWriteDelayMs() {
        return Math.max(0, config.cluster__state__write__delay__ms());
    }

    public long clusterStateTtlSeconds() {
        return Math.max(1, config.cluster__state__ttl__seconds());
    }

    public int clusterStateMaxBytes() {
        return config.cluster__state__max__bytes();
    }

    public int streamMemoryItems() {
        return Math.max(0, config.stream__memory__items());
    }
}
