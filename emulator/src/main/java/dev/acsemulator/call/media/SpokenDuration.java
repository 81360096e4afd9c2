package dev.acsemulator.call.media;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long text-to-speech takes to say a text or an SSML document. No audio is synthesized: the emulator speaks at
 * a fixed, documented rate of {@value #WORDS_PER_MINUTE} words per minute (Azure neural voices' default rate is close
 * to it), so a prompt of 15 words lasts 6 seconds. SSML adds its {@code <break>} pauses: an explicit {@code time}
 * ({@code 500ms}, {@code 2s}), else the SSML strengths Azure documents (x-weak 250 ms, weak 500 ms, medium and a bare
 * break 750 ms, strong 1 s, x-strong 1.25 s; none 0).
 */
public final class SpokenDuration {

    public static final int WORDS_PER_MINUTE = 150;
    private static final Duration PER_WORD = Duration.ofMillis(60_000 / WORDS_PER_MINUTE);
    private static final Pattern BREAK_TIME = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s)\\s*");
    /** Azure caps a single break at 5 seconds (Speech service SSML reference, "break" element). */
    private static final Duration LONGEST_BREAK = Duration.ofSeconds(5);

    private SpokenDuration() {
    }

    /** Thrown for SSML the speech service refuses: not well-formed XML, no {@code <speak>} root, a bad break. */
    public static final class InvalidSsml extends Exception {
        InvalidSsml(String message) {
            super(message);
        }
    }

    public static Duration ofText(String text) {
        return PER_WORD.multipliedBy(words(text));
    }

    public static Duration ofSsml(String ssml) throws InvalidSsml {
        Document document = parse(ssml);
        Element root = document.getDocumentElement();
        if (!"speak".equals(localName(root))) {
            throw new InvalidSsml("The SSML root element must be <speak>, not <" + localName(root) + ">.");
        }
        return spoken(root);
    }

    private static Duration spoken(Node node) throws InvalidSsml {
        Duration total = Duration.ZERO;
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                total = total.plus(ofText(child.getNodeValue()));
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                Element element = (Element) child;
                total = total.plus("break".equals(localName(element)) ? pause(element) : spoken(element));
            }
        }
        return total;
    }

    private static Duration pause(Element element) throws InvalidSsml {
        String time = element.getAttribute("time");
        if (!time.isEmpty()) {
            Matcher matcher = BREAK_TIME.matcher(time);
            if (!matcher.matches()) {
                throw new InvalidSsml("The break time '" + time + "' is not a duration such as 500ms or 2s.");
            }
            double value = Double.parseDouble(matcher.group(1));
            long millis = Math.round("s".equals(matcher.group(2)) ? value * 1000 : value);
            Duration pause = Duration.ofMillis(millis);
            return pause.compareTo(LONGEST_BREAK) > 0 ? LONGEST_BREAK : pause;
        }
        String strength = element.getAttribute("strength");
        return switch (strength.isEmpty() ? "medium" : strength.toLowerCase(Locale.ROOT)) {
            case "none" -> Duration.ZERO;
            case "x-weak" -> Duration.ofMillis(250);
            case "weak" -> Duration.ofMillis(500);
            case "medium" -> Duration.ofMillis(750);
            case "strong" -> Duration.ofSeconds(1);
            case "x-strong" -> Duration.ofMillis(1250);
            default -> throw new InvalidSsml("The break strength '" + strength + "' is not an SSML strength.");
        };
    }

    private static long words(String text) {
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static Document parse(String ssml) throws InvalidSsml {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // no stderr noise
            return builder.parse(new InputSource(new StringReader(ssml)));
        } catch (SAXException e) {
            throw new InvalidSsml("The SSML is not well-formed: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("The JDK's XML parser could not be set up", e);
        }
    }
}
