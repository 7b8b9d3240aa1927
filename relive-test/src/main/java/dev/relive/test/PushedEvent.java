package dev.relive.test;

/** An event a view pushed to the page's hooks ({@code session.pushEvent}), as the view passed it. */
public record PushedEvent(String event, Object payload) {
}
