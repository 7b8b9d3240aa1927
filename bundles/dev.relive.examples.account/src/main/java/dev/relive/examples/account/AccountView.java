package dev.relive.examples.account;

import java.util.Map;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;
import dev.relive.api.RolesAllowed;
import dev.relive.api.ViewSession;

/**
 * The signed-in user's page: their name and roles, and a note only they see, kept in {@link AccountNotes}. Visitors
 * who are not signed in are sent to the login page first; the sign-out button is a plain form.
 */
@RolesAllowed("user")
@LiveViewRoute("/account")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class AccountView extends LiveView {

    @Reference
    private AccountNotes notes;

    private String userId = "";
    private String name = "";
    private String roles = "";
    private String csrf = "";
    private String note = "";
    private boolean saved;

    @Override
    public void mount(Map<String, String> params, ViewSession session) {
        session.user().ifPresent(user -> {
            userId = user.id();
            name = user.name();
            roles = String.join(", ", new TreeSet<>(user.roles()));
        });
        csrf = session.csrfToken();
        note = notes.note(userId);
    }

    @EventHandler
    public void save(String note) {
        notes.put(userId, note);
        this.note = notes.note(userId);
        saved = true;
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title("Account of " + name);
    }
}
