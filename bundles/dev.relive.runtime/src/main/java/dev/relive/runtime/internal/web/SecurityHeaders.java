package dev.relive.runtime.internal.web;

import java.util.List;

/**
 * The headers every response carries. The client is loaded from {@code /relive/client/} and needs no inline script,
 * so scripts are limited to this origin; templates may carry {@code <style>} blocks and {@code style} attributes,
 * so inline styles stay allowed. {@code connect-src 'self'} covers the page's own WebSocket.
 */
final class SecurityHeaders {

    record Header(String name, String value) {
    }

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    static final List<Header> FOR_EVERY_RESPONSE = List.of(
            new Header("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            new Header("X-Content-Type-Options", "nosniff"),
            new Header("X-Frame-Options", "SAMEORIGIN"),
            new Header("Referrer-Policy", "same-origin"));

    private SecurityHeaders() {
    }
}
