package dev.relive.hvr.internal.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@code <artifactId>}, {@code <version>}, {@code <name>} and {@code <description>} of a project's
 * {@code pom.xml}, which the Maven build turns into the default {@code Bundle-SymbolicName}, {@code Bundle-Version},
 * {@code Bundle-Name} and {@code Bundle-Description}. The version is the parent's when the project has none; the
 * description is inherited from the parent pom (its {@code relativePath}, default {@code ../pom.xml}) when the
 * project has none. {@code files} are the poms read.
 */
record PomInfo(Optional<String> artifactId, Optional<String> version, Optional<String> name,
        Optional<String> description, List<Path> files) {

    static PomInfo read(Path projectDir) {
        List<Path> files = new ArrayList<>();
        files.add(projectDir.resolve("pom.xml"));
        Optional<Element> pom = parse(projectDir.resolve("pom.xml"));
        Optional<String> artifactId = pom.flatMap(p -> text(p, "artifactId"));
        Optional<String> name = pom.flatMap(p -> text(p, "name"));
        Optional<String> description = pom.flatMap(p -> text(p, "description"));
        Optional<Element> parent = pom.flatMap(p -> element(p, "parent"));
        Optional<String> version = pom.flatMap(p -> text(p, "version"))
                .or(() -> parent.flatMap(p -> text(p, "version")));
        if (description.isEmpty() && parent.isPresent()) {
            Path parentPom = projectDir.resolve(parent.flatMap(p -> text(p, "relativePath")).orElse("../pom.xml"));
            if (Files.isDirectory(parentPom)) {
                parentPom = parentPom.resolve("pom.xml");
            }
            files.add(parentPom);
            description = parse(parentPom).flatMap(p -> text(p, "description"));
        }
        return new PomInfo(artifactId, version, name, description, List.copyOf(files));
    }

    private static Optional<Element> element(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The text of a direct child element; none when empty or holding a Maven property reference. */
    private static Optional<String> text(Element parent, String tag) {
        return element(parent, tag).map(e -> e.getTextContent().strip().replaceAll("\\s+", " "))
                .filter(t -> !t.isEmpty() && !t.contains("${"));
    }

    private static Optional<Element> parse(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return Optional.of(factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
