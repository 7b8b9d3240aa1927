package dev.relive.runtime.internal.token;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.relive.runtime.cluster.ClusterSecret;
import dev.relive.runtime.internal.config.RuntimeSettings;
import dev.relive.runtime.internal.registry.ViewType;

/**
 * The tokens pages carry and mount with: signed with the cluster's key while a {@link ClusterSecret} is present (so
 * every member accepts the tokens of the others), else with the key kept in {@code <relive.state>/token.key} when that
 * framework property is set (so open pages re-mount after a restart), else with a random key. A token signed with
 * one key is refused once the other is in use: the page then reloads and gets a new one. The cluster's key is read at
 * each use, since a member that started apart from the others takes theirs when it merges into their cluster.
 */
@Component(service = PageTokens.class)
public class PageTokens {

    private final TokenSigner ownSigner;
    private volatile ClusterSecret secret;
    /** The signer of the cluster's key, made again when the key changes. */
    private volatile KeySigner clusterSigner;
    private final long ttlSeconds;

    @Activate
    public PageTokens(BundleContext context, @Reference RuntimeSettings settings) {
        this(signer(context.getProperty("relive.state")), settings.tokenTtlSeconds());
    }

    /** Tokens of {@code signer} that live {@code ttlSeconds}. */
    public PageTokens(TokenSigner signer, long ttlSeconds) {
        this.ownSigner = signer;
        this.ttlSeconds = ttlSeconds;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setClusterSecret(ClusterSecret secret) {
        this.secret = secret;
    }

    void unsetClusterSecret(ClusterSecret gone) {
        if (secret == gone) {
            secret = null;
        }
    }

    private TokenSigner signer() {
        ClusterSecret cluster = secret;
        if (cluster == null) {
            return ownSigner;
        }
        byte[] key = cluster.tokenKey();
        KeySigner current = clusterSigner;
        if (current == null || !Arrays.equals(current.key, key)) {
            current = new KeySigner(key, new TokenSigner(key, Clock.systemUTC()));
            clusterSigner = current;
        }
        return current.signer;
    }

    private record KeySigner(byte[] key, TokenSigner signer) {
    }

    private static TokenSigner signer(String stateFolder) {
        return stateFolder == null ? TokenSigner.withRandomSecret()
                : TokenSigner.withSecretIn(Path.of(stateFolder, "token.key"));
    }

    /** A token for the page of view {@code type} at {@code route} with the query {@code params}. */
    public String sign(ViewType type, String route, Map<String, String> params) {
        return sign(type, route, params, null);
    }

    /** The same, bound to the browser session of binding {@code session} ({@code null}: none). */
    public String sign(ViewType type, String route, Map<String, String> params, String session) {
        return signer().sign(route, type.className(), params, session, ttlSeconds);
    }

    public TokenSigner.Claims verify(String token) throws TokenSigner.BadTokenException {
        return signer().verify(token);
    }
}
