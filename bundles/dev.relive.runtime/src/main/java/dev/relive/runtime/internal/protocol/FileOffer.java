package dev.relive.runtime.internal.protocol;

/** A file the browser offers to upload, as it declares it: its id in the page, name, size and MIME type. */
public record FileOffer(String id, String name, long size, String type) {

    /** The name without any folder part a browser may send. */
    public String baseName() {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
