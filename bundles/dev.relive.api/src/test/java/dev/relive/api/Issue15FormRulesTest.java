package dev.relive.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rules over a submitted record: per-field messages in rule order, and one field checked as it changes. */
class Issue15FormRulesTest {

    record Signup(String name, String email) {
    }

    private static final FormRules<Signup> RULES = FormRules.<Signup>create()
            .rule("name", s -> !s.name().isBlank(), "Enter your name.")
            .rule("name", s -> s.name().length() <= 5, "At most 5 characters.")
            .rule("email", s -> s.email().contains("@"), "An email address has an @.");

    @Test
    void eachInvalidFieldGetsItsFirstFailingRuleInRuleOrder() {
        FormErrors errors = RULES.validate(new Signup("", "nobody"));
        assertThat(errors.fields()).containsExactly(java.util.Map.entry("name", "Enter your name."),
                java.util.Map.entry("email", "An email address has an @."));
        assertThat(errors.first()).isEqualTo("name");
        assertThat(RULES.validate(new Signup("Ann", "a@b")).isEmpty()).isTrue();
        assertThat(RULES.validate(new Signup("Annabel", "a@b")).get("name")).isEqualTo("At most 5 characters.");
    }

    @Test
    void checkingOneFieldKeepsTheOthersErrorsAndTheRuleOrder() {
        FormErrors submitted = RULES.validate(new Signup("", "nobody"));
        FormErrors nameFixed = RULES.validateField(new Signup("Ann", "nobody"), "name", submitted);
        assertThat(nameFixed.fields()).containsOnlyKeys("email");
        FormErrors nameBroken = RULES.validateField(new Signup("", "nobody"), "name", nameFixed);
        assertThat(nameBroken.first()).isEqualTo("name");
        assertThat(nameBroken.get("email")).isEqualTo("An email address has an @.");
        assertThat(RULES.validateField(new Signup("", "a@b"), "email", FormErrors.NONE).isEmpty()).isTrue();
    }
}
