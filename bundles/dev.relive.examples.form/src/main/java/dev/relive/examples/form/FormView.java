package dev.relive.examples.form;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import dev.relive.api.Bind;
import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;
import dev.relive.api.LiveViewRoute;
import dev.relive.api.PageMeta;

/**
 * A sign-up form validated while the user types: every field sends its value to a handler (the bio is bound with
 * {@code rl-model}), the messages under the fields follow, and the submit shows a summary.
 */
@LiveViewRoute("/form")
@Component(service = LiveView.class, scope = ServiceScope.PROTOTYPE)
public class FormView extends LiveView {

    /** A choice of the radio group. */
    public record Plan(String id, String label, String blurb) {
    }

    /** A choice of the select. */
    public record Color(String id, String label) {
    }

    /** What a successful submit recorded. */
    public record Submission(String name, String bio, String color, String plan, int number) {
    }

    static final int BIO_MAX = 160;

    private final List<Plan> plans = List.of(
            new Plan("free", "Free", "1 project, community support"),
            new Plan("pro", "Pro", "10 projects, e-mail support"),
            new Plan("team", "Team", "unlimited projects, a shared workspace"));
    private final List<Color> colors = List.of(new Color("red", "Red"), new Color("green", "Green"),
            new Color("blue", "Blue"), new Color("purple", "Purple"));
    private final int bioMax = BIO_MAX;

    private String name = "";
    @Bind
    private String bio = "";
    private String color = "";
    private boolean agree;
    private String plan = "";

    /** Fields the user has been through: their message shows from then on. */
    private Set<String> touched = Set.of();
    /** Per touched field: {@code error} or {@code ok}, the CSS class of its message. */
    private Map<String, String> status = Map.of();
    /** Per touched field: the message under it. */
    private Map<String, String> messages = Map.of();
    private int errorCount;
    private String formMessage = "";
    private Submission submitted;
    private int submits;

    @EventHandler
    public void checkName(String value) {
        name = value == null ? "" : value;
        touch("name");
    }

    @EventHandler
    public void pickColor(String value) {
        color = value == null ? "" : value;
        touch("color");
    }

    @EventHandler
    public void toggleAgree(boolean value) {
        agree = value;
        touch("agree");
    }

    @EventHandler
    public void pickPlan(String value) {
        plan = value == null ? "" : value;
        touch("plan");
    }

    @EventHandler
    public void submit(String name, String bio, String color, String agree, String plan) {
        this.name = name == null ? "" : name;
        this.bio = bio == null ? "" : bio;
        this.color = color == null ? "" : color;
        this.agree = agree != null;
        this.plan = plan == null ? "" : plan;
        touched = Set.of("name", "bio", "color", "agree", "plan");
        validate();
        int bad = errorCount;
        if (bad == 0) {
            submits++;
            submitted = new Submission(this.name.strip(), this.bio, label(this.color), planOf(this.plan).label(),
                    submits);
            formMessage = "";
        } else {
            submitted = null;
            formMessage = bad == 1 ? "Please fix the field marked in red." : "Please fix the " + bad
                    + " fields marked in red.";
        }
    }

    @EventHandler
    public void reset() {
        name = "";
        bio = "";
        color = "";
        agree = false;
        plan = "";
        touched = Set.of();
        submitted = null;
        formMessage = "";
        validate();
    }

    @Override
    public PageMeta pageMeta() {
        return PageMeta.title(submitted == null ? "Sign up" : "Signed up: " + submitted.name());
    }

    private void touch(String field) {
        Set<String> t = new HashSet<>(touched);
        t.add(field);
        touched = Set.copyOf(t);
        validate();
    }

    private void validate() {
        Map<String, String> e = new LinkedHashMap<>();
        Map<String, String> h = new LinkedHashMap<>();
        String n = name.strip();
        if (n.isEmpty()) {
            e.put("name", "Please tell us your name.");
        } else if (n.length() < 2) {
            e.put("name", "At least 2 characters, please.");
        } else if (n.length() > 40) {
            e.put("name", "At most 40 characters, please.");
        } else if (!n.matches("[\\p{L} .'-]+")) {
            e.put("name", "Letters, spaces, dots, apostrophes and hyphens only.");
        } else {
            e.put("name", "");
            h.put("name", "Nice to meet you, " + n + "!");
        }
        // the bio's message is the template's: the field is bound with rl-model, no handler sees it change
        e.put("bio", bio.length() > BIO_MAX ? "too long" : "");
        if (color.isEmpty()) {
            e.put("color", "Pick a color.");
        } else {
            e.put("color", "");
            h.put("color", label(color) + " it is.");
        }
        e.put("agree", agree ? "" : "You need to accept the terms to sign up.");
        if (agree) {
            h.put("agree", "Thank you.");
        }
        if (plan.isEmpty()) {
            e.put("plan", "Choose a plan.");
        } else {
            e.put("plan", "");
            Plan p = planOf(plan);
            h.put("plan", p.label() + ": " + p.blurb() + ".");
        }
        Map<String, String> st = new LinkedHashMap<>();
        Map<String, String> msg = new LinkedHashMap<>();
        int bad = 0;
        for (Map.Entry<String, String> error : e.entrySet()) {
            String field = error.getKey();
            boolean ok = error.getValue().isEmpty();
            bad += ok ? 0 : 1;
            if (touched.contains(field)) {
                st.put(field, ok ? "ok" : "error");
                msg.put(field, ok ? h.getOrDefault(field, "") : error.getValue());
            }
        }
        status = Map.copyOf(st);
        messages = Map.copyOf(msg);
        errorCount = bad;
    }

    private String label(String colorId) {
        return colors.stream().filter(c -> c.id().equals(colorId)).map(Color::label).findFirst().orElse(colorId);
    }

    private Plan planOf(String id) {
        return plans.stream().filter(p -> p.id().equals(id)).findFirst().orElse(new Plan(id, id, "unknown plan"));
    }
}
