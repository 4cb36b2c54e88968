package org.clientclub.workflow;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * The check a decision table someone uploads passes before Camunda's model API or DMN engine see it: the table must be
 * data, never code (docs/decisions/0018-what-managers-deploy-is-data.md). The engine would evaluate a cell written in
 * JUEL or a script language, and JUEL reaches any Java method, so a cell can run an operating-system command. Read
 * with StAX, size bounded first, DTDs and external entities off, every element is checked:
 * <ul>
 * <li>{@code expressionLanguage} and {@code typeLanguage}, on whatever element, name FEEL or nothing;</li>
 * <li>{@code extensionElements} hold nothing but the layout hints older Camunda Modelers wrote (biodi);</li>
 * <li>camunda:* attributes are those that only name things ({@code historyTimeToLive}, {@code versionTag},
 * {@code inputVariable}), none that the engine would resolve to a class or an expression.</li>
 * </ul>
 * The engines' own refusal of JUEL and scripts ({@link FeelOnlyDecisions}) stands behind this for tables that were
 * deployed otherwise.
 */
public final class UploadedDecisions {

    /** Camunda Modeler writes the two earning tables in a few kilobytes; a megabyte is generous. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Set<String> FEEL = Set.of(
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);
    private static final Set<String> LANGUAGE_ATTRIBUTES = Set.of("expressionLanguage", "typeLanguage");
    private static final String CAMUNDA_NAMESPACE = "http://camunda.org/schema/1.0/dmn";
    private static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("historyTimeToLive", "versionTag", "inputVariable");
    /** Shapes' positions inside extensionElements, as Camunda Modeler wrote them for DMN 1.1 and 1.2. */
    private static final Set<String> LAYOUT_NAMESPACES =
            Set.of("http://bpmn.io/schema/dmn/biodi/1.0", "http://bpmn.io/schema/dmn/biodi/2.0");

    private UploadedDecisions() {}

    /** @throws RefusedDecision when the file is empty, too big, not XML, or more than FEEL-only data */
    public static void check(byte[] xml) {
        if (xml == null || xml.length == 0 || xml.length > MAX_BYTES) {
            throw new RefusedDecision("decision.refused.size", String.valueOf(MAX_BYTES));
        }
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int extensionDepth = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD ->
                        throw new RefusedDecision("decision.refused.dtd", at(reader, "<!DOCTYPE>"));
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (extensionDepth > 0) {
                            if (extensionDepth == 1 && !LAYOUT_NAMESPACES.contains(reader.getNamespaceURI())) {
                                throw new RefusedDecision("decision.refused.extension", at(reader, ""));
                            }
                            extensionDepth++;
                        } else if ("extensionElements".equals(reader.getLocalName())) {
                            extensionDepth = 1;
                        }
                        checkAttributes(reader);
                    }
                    case XMLStreamConstants.END_ELEMENT -> extensionDepth = Math.max(0, extensionDepth - 1);
                    default -> {
                        // text, comments and processing instructions are not evaluated by the engine
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new RefusedDecision("decision.refused.unreadable", String.valueOf(e.getMessage()));
        } finally {
            close(reader);
        }
    }

    private static void checkAttributes(XMLStreamReader reader) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i).trim();
            if (LANGUAGE_ATTRIBUTES.contains(name) && !isFeel(value)) {
                throw new RefusedDecision(
                        "decision.refused.language", at(reader, name + "=\"" + abbreviated(value) + "\""));
            }
            if (CAMUNDA_NAMESPACE.equals(reader.getAttributeNamespace(i)) && !CAMUNDA_ATTRIBUTES.contains(name)) {
                throw new RefusedDecision("decision.refused.attribute", at(reader, "camunda:" + name));
            }
        }
    }

    static boolean isFeel(String language) {
        return language.isEmpty() || FEEL.contains(language) || FEEL.contains(language.toLowerCase(Locale.ROOT));
    }

    /** The element and what was found on it, and the line: enough for a manager to find it in the file. */
    private static String at(XMLStreamReader reader, String found) {
        Location location = reader.getLocation();
        String line = location == null ? "?" : String.valueOf(location.getLineNumber());
        if (!reader.isStartElement()) {
            return found + ", " + line;
        }
        String element = reader.getPrefix() == null || reader.getPrefix().isEmpty()
                ? reader.getLocalName()
                : reader.getPrefix() + ":" + reader.getLocalName();
        return "<" + element + (found.isEmpty() ? "" : " " + found) + ">, " + line;
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** The JDK's own StAX parser (not whichever is on the class path), resolving nothing outside the file. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId);
        });
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was opened but the byte array
            }
        }
    }
}
