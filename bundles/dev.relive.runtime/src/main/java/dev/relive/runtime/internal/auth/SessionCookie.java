package dev.relive.runtime.internal.auth;

import dev.relive.runtime.internal.config.TrustedProxies;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The cookie that carries a browser's session id: {@code HttpOnly} (script cannot read it), {@code SameSite=Lax}
 * (other sites' forms and sockets do not get it), {@code Secure} when the request came over HTTPS (to the runtime, or
 * to a trusted proxy that says so in {@code X-Forwarded-Proto}), path {@code /},
 * no expiry (it ends with the browser; the store ends idle sessions).
 */
final class SessionCookie {

    static final String NAME = "relive_session";

    private SessionCookie() {
    }

    /** The session id the request's cookie carries, or {@code null}. */
    static String read(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    static void write(HttpServletRequest req, HttpServletResponse resp, String id) {
        resp.addHeader("Set-Cookie", NAME + "=" + id + "; Path=/; HttpOnly; SameSite=Lax" + secure(req));
    }

    static void clear(HttpServletRequest req, HttpServletResponse resp) {
        resp.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + secure(req));
    }

    private static String secure(HttpServletRequest req) {
        return TrustedProxies.overHttps(req) ? "; Secure" : "";
    }
}
