package dev.relive.runtime.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the runtime, PID {@value #PID}. Keys: {@code max_frame_bytes}, {@code events_per_second},
 * {@code allowed_origins}, {@code allowed_hosts}, {@code token_ttl_seconds}, {@code max_pending_bytes}, {@code max_sessions},
 * {@code max_sessions_per_address}, {@code max_workers_per_view}, {@code max_topics_per_session}, {@code live_upgrade},
 * {@code live_upgrade_wait_seconds}, {@code upload_max_file_bytes}, {@code upload_max_files}, {@code upload_dir},
 * {@code hvr_reload_hold_seconds}, {@code session_idle_seconds}, {@code max_browser_sessions},
 * {@code login_attempts_per_minute}, {@code cluster_state_write_delay_ms}, {@code cluster_state_ttl_seconds},
 * {@code cluster_state_max_bytes}, {@code trusted_proxies}, {@code stream_memory_items} (a double underscore in a
 * method name is one underscore in the key).
 */
@ObjectClassDefinition(id = RuntimeConfig.PID, name = "Relive runtime")
public @interface RuntimeConfig {
    String PID = "dev.relive.runtime";

    @AttributeDefinition(description = "Largest client frame read, in bytes; larger ones get a too_large error.")
    int max__frame__bytes() default 65536;

    @AttributeDefinition(description = "Frames of any type a session may send per second; more are dropped (rate_limited).")
    int events__per__second() default 200;

    @AttributeDefinition(description = "Origins allowed to open the WebSocket besides the page's own host.")
    String[] allowed__origins() default {};

    @AttributeDefinition(description = "Host names pages and sockets are served under (port ignored; * for any). "
            + "Empty: loopback names and the listening host.")
    String[] allowed__hosts() default {};

    @AttributeDefinition(description = "How long a page's signed token stays valid, in seconds.")
    long token__ttl__seconds() default 86400;

    @AttributeDefinition(description = "Bytes queued to a client that does not read before it is disconnected.")
    int max__pending__bytes() default 4194304;

    @AttributeDefinition(description = "WebSocket connections open at once, runtime-wide; more are refused (503).")
    int max__sessions() default 10000;

    @AttributeDefinition(description = "WebSocket connections open at once from one remote address; more are refused "
            + "(429).")
    int max__sessions__per__address() default 200;

    @AttributeDefinition(description = "Shared workers the sessions of one view class may occupy at once; their "
            + "further work waits in their own queue. 0: three quarters of the workers.")
    int max__workers__per__view() default 0;

    @AttributeDefinition(description = "Topic subscriptions and presence entries the views of one tab may hold at "
            + "once; one more throws IllegalStateException in the view.")
    int max__topics__per__session() default 64;

    @AttributeDefinition(description = "When a view bundle is updated outside Hot View Replacement (a jar replaced in "
            + "deploy/, update in Gogo), open sessions keep their views' fields on the new version. False: they reload.")
    boolean live__upgrade() default true;

    @AttributeDefinition(description = "How long sessions wait, their events queued, for an updated view bundle to "
            + "start again before they reload (view_stopped).")
    int live__upgrade__wait__seconds() default 10;

    @AttributeDefinition(description = "Largest uploaded file, in bytes, whatever a view's @UploadHandler allows.")
    long upload__max__file__bytes() default 104857600;

    @AttributeDefinition(description = "Files one tab may have in progress at once; more are refused.")
    int upload__max__files() default 20;

    @AttributeDefinition(description = "Folder of the temporary files of uploads. Empty: relive-uploads in the "
            + "system's temporary folder.")
    String upload__dir() default "";

    @AttributeDefinition(description = "Dev: when an HVR swap reloads the pages instead, how long the shared services "
            + "the views used stay held for the pages' new mounts, at most, in seconds (released once the new views "
            + "have used them for a second). 0: released with the swap.")
    long hvr__reload__hold__seconds() default 30;

    @AttributeDefinition(description = "A browser session unused for this long, in seconds, ends (signed out).")
    long session__idle__seconds() default 28800;

    @AttributeDefinition(description = "Browser sessions kept at once; beyond it the least recently used one ends.")
    int max__browser__sessions() default 100000;

    @AttributeDefinition(description = "Login attempts per minute from one address, and for one user name; more "
            + "are refused (429).")
    int login__attempts__per__minute() default 10;

    @AttributeDefinition(description = "Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed: "
            + "a request from one of them is from the last address in that header that is not a trusted proxy. "
            + "Empty: the header is ignored and every request is from its socket's peer.")
    String[] trusted__proxies() default {};

    @AttributeDefinition(description = "With a cluster's state store: a tab's view state is written at most once per "
            + "this many milliseconds, after its events; the events of the last interval before a member dies are lost.")
    long cluster__state__write__delay__ms() default 200;

    @AttributeDefinition(description = "With a cluster's state store: how long a tab's stored state outlives its last "
            + "write, in seconds (a tab whose socket dropped can resume within it).")
    long cluster__state__ttl__seconds() default 300;

    @AttributeDefinition(description = "With a cluster's state store: the largest state stored for one tab, in bytes; "
            + "a larger one is not stored (the tab mounts afresh after a failover).")
    int cluster__state__max__bytes() default 262144;

    @AttributeDefinition(description = "Items remembered per stream container of a tab, by fingerprints of their "
            + "key and HTML (16-32 bytes each), so that an item sent again unchanged (a re-sorted stream) goes "
            + "as its key; items past it are sent in full. 0: every item goes in full.")
    int stream__memory__items() default 10000;
}
