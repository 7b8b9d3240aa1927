package dev.relive.hvr.internal.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A class file without its method bodies: what other classes compile against, and what bnd reads to write the
 * manifest and the component descriptions. Two keys are derived from it:
 * <ul>
 * <li>{@link #apiKey()}: everything another source file can see: the class's modifiers, supertypes, generic
 * signature, annotations, nesting, permitted subclasses, record components and its non-private fields (with their
 * constant values, which the compiler inlines into other classes) and methods. Equal keys mean classes compiled
 * against the old version need no recompiling.
 * <li>{@link #bndKey()}: the API key plus the private members and their annotations (DS reads {@code @Reference} and
 * {@code @Activate} on private members) and the string literals shaped like class names (bnd follows
 * {@code Class.forName("a.b.C")}). With equal keys and equal {@link #referencedPackages()} (bnd's imports), bnd writes
 * the same manifest and XML for the class. {@link #bndCoreKey()} is the part of it that matters for most classes.
 * </ul>
 * Both ignore method bodies, line numbers and string literals in code, so an edit inside a method changes neither.
 */
public final class ClassOutline {

    private final String name;
    private final String sourceFile;
    private final boolean localOrAnonymous;
    private final List<String> supertypes;
    private final Set<String> references;
    private final String constants;
    private final String apiKey;
    private final String bndKey;
    private final String bndCoreKey;
    private final boolean referenceMethods;
    private final boolean metatypeDefinition;
    private final String staticInit;
    private final String shapeKey;

    ClassOutline(String name, String sourceFile, boolean localOrAnonymous, List<String> supertypes,
            Set<String> references, String constants, String apiKey, String bndKey, String bndCoreKey,
            boolean referenceMethods, boolean metatypeDefinition, String staticInit,
            String shapeKey) {
        this.name = name;
        this.sourceFile = sourceFile;
        this.localOrAnonymous = localOrAnonymous;
        this.supertypes = supertypes;
        this.references = references;
        this.constants = constants;
        this.apiKey = apiKey;
        this.bndKey = bndKey;
        this.bndCoreKey = bndCoreKey;
        this.referenceMethods = referenceMethods;
        this.metatypeDefinition = metatypeDefinition;
        this.staticInit = staticInit;
        this.shapeKey = shapeKey;
    }

    /** @throws UncheckedIOException when the bytes are not a class file */
    public static ClassOutline of(byte[] classFile) {
        try {
            return new ClassFileReader(new DataInputStream(new ByteArrayInputStream(classFile))).read();
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("not a class file", e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** The internal name, e.g. {@code a/b/View$1}. */
    public String name() {
        return name;
    }

    /**
     * The source file the class was compiled from, relative to the source root ({@code a/b/View.java}), or
     * {@code null} when the class file does not say.
     */
    public String sourcePath() {
        if (sourceFile == null) {
            return null;
        }
        int slash = name.lastIndexOf('/');
        return slash < 0 ? sourceFile : name.substring(0, slash + 1) + sourceFile;
    }

    /** A local or anonymous class: no other source file can refer to it. */
    public boolean localOrAnonymous() {
        return localOrAnonymous;
    }

    /** The superclass and the interfaces (internal names). */
    public List<String> supertypes() {
        return supertypes;
    }

    /** Every class referred to, in signatures, annotations or code (internal names; it may over-approximate). */
    public Set<String> references() {
        return references;
    }

    /** The packages (dotted) of the classes referred to. */
    public Set<String> referencedPackages() {
        Set<String> packages = new TreeSet<>();
        packagesOf(references).forEach(p -> packages.add(p.replace('/', '.')));
        return packages;
    }

    /** The packages (internal form, {@code a/b}) of {@code types}. */
    private static Set<String> packagesOf(Set<String> types) {
        Set<String> packages = new TreeSet<>();
        for (String type : types) {
            int slash = type.lastIndexOf('/');
            packages.add(slash < 0 ? "" : type.substring(0, slash));
        }
        return packages;
    }

    /**
     * The non-private constant fields with their values ({@code name=value;...}): other classes hold copies of these
     * values, not references to them.
     */
    public String constants() {
        return constants;
    }

    public String apiKey() {
        return apiKey;
    }

    public String bndKey() {
        return bndKey;
    }

    /**
     * What bnd reads of a class in a package the bundle does not export, when no class of the bundle has a DS
     * {@code @Reference} method: the class's header, signature and annotations, the members that carry annotations of
     * class retention (DS, metatype and bundle annotations are of that retention) and the literals shaped like class
     * names. Members without such annotations are left out: bnd's manifest and component
     * XML do not depend on them (imports come from {@link #referencedPackages()}), except through DS's naming rules for the unbind and updated methods of a
     * {@code @Reference} method (see {@link #hasReferenceMethods()}), the attributes of a metatype definition and the
     * {@code uses:} directives of exported packages.
     */
    public String bndCoreKey() {
        return bndCoreKey;
    }

    /**
     * The class has a DS {@code @Reference} method, whose unbind and updated methods bnd finds by name, in this class
     * or another: bnd's output then depends on the members of every class of the bundle.
     */
    public boolean hasReferenceMethods() {
        return referenceMethods;
    }

    /** The class is a metatype {@code @ObjectClassDefinition}: its methods are the attributes bnd describes. */
    public boolean isMetatypeDefinition() {
        return metatypeDefinition;
    }

    /**
     * The class's static initializer as text, constant pool references resolved (empty without one): a redefined
     * class keeps its static fields and does not run it again, so a change to it needs a new class.
     */
    public String staticInit() {
        return staticInit;
    }

    /**
     * What the JVM's class redefinition must find unchanged, and what the runtime reads of a view class: the
     * {@link #bndKey()}'s content (supertypes, every field and method with its modifiers, annotations and parameter
     * names, nesting, record components, literals shaped like class names) with members and attributes in sorted
     * order, so that two compilers' output of the same source compares equal.
     */
    public String shapeKey() {
        return shapeKey;
    }
}
