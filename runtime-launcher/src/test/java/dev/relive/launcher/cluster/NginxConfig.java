package dev.relive.launcher.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The nginx configuration of the cluster tests, the one {@code docs/scale-out.md} shows: round robin over the
 * runtimes with no stickiness, WebSocket upgrades passed through, the browser's {@code Host} kept, the client's
 * address appended to {@code X-Forwarded-For}, a read timeout well above the client's ping interval, and a request
 * that finds its runtime dead (refused, or no answer to connect) tried on the next one.
 */
public final class NginxConfig {

    /** Longer than the client's ping interval, so an idle but live socket is never cut by the proxy. */
    static final int READ_TIMEOUT_SECONDS = 120;

    private NginxConfig() {
    }

    /** The configuration for nginx run with {@code -p dir}, listening on {@code 127.0.0.1:port}. */
    public static String render(Path dir, int port, List<String> upstreams) {
        String servers = upstreams.stream().map(u -> "        server " + u + " max_fails=1 fail_timeout=10s;")
                .collect(Collectors.joining("\n"));
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;

                events {
                    worker_connections 4096;
                }

                http {
                    log_format upstream '$remote_addr "$request" $status upstream=$upstream_addr $request_time';
                    access_log %1$s/logs/access.log upstream;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    client_max_body_size 100m;

                    map $http_upgrade $connection_upgrade {
                        default upgrade;
                        ''      close;
                    }

                    upstream relive {
                %2$s
                    }

                    server {
                        listen 127.0.0.1:%3$d;

                        location / {
                            proxy_pass http://relive;
                            proxy_http_version 1.1;
                            proxy_set_header Host $http_host;
                            proxy_set_header Upgrade $http_upgrade;
                            proxy_set_header Connection $connection_upgrade;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_connect_timeout 2s;
                            proxy_read_timeout %4$ds;
                            proxy_send_timeout %4$ds;
                            proxy_next_upstream error timeout;
                            add_header X-Relive-Upstream $upstream_addr always;
                        }
                    }
                }
                """.formatted(dir, servers, port, READ_TIMEOUT_SECONDS);
    }
}
