package dev.relive.hvr.internal.build;

/** The runtime is a JRE without {@code javax.tools} compiler: views cannot be rebuilt in-process. */
public final class NoJavaCompilerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "no Java compiler in this runtime";

    public NoJavaCompilerException() {
        super(MESSAGE + " (ToolProvider.getSystemJavaCompiler() returned null; run on a JDK, not a JRE)");
    }
}
