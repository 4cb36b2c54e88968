package org.clientclub.membership.internal.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontFactory;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceEntry;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDChoice;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * Reads field values as viewers leave them: in /V, or only in the widget's appearance. Every stream is decoded
 * through {@link BoundedStreams}, never through PDFBox's own getters: {@code PDTextField.getValue()} decodes a
 * stream-valued /V (the PDF spec allows a text stream there) into memory whole, so a 1 MB attachment whose value
 * inflates to 1 GiB took the heap. Rich text (/RV) and XFA are never read: the questionnaire does not use them.
 */
final class FieldValues {

    /**
     * A text value kept as a stream gets this many decoded bytes at most; the reader keeps 1,000 characters of a
     * value, so a longer stream is no questionnaire answer but a bomb, and it stops here while being inflated.
     */
    static final int MAX_STREAM_VALUE_BYTES = 64 * 1024;

    private final PDAcroForm form;
    private final BoundedStreams streams;
    private final Map<COSDictionary, PDFont> fonts = new IdentityHashMap<>();

    FieldValues(PDAcroForm form, BoundedStreams streams) {
        this.form = form;
        this.streams = streams;
    }

    String value(PDTerminalField field) throws IOException {
        if (field instanceof PDButton button) {
            return buttonValue(button);
        }
        String value;
        if (field instanceof PDTextField) {
            value = text(inherited(field, COSName.V));
        } else if (field instanceof PDChoice choice) {
            value = choice.getValue().stream()
                    .filter(v -> !v.isBlank())
                    .findFirst()
                    .orElse(null);
        } else {
            return null;
        }
        if (value != null && !value.isBlank()) {
            return value;
        }
        for (PDAnnotationWidget widget : field.getWidgets()) {
            String shown = appearanceText(widget);
            if (shown != null && !shown.isBlank()) {
                return shown;
            }
        }
        return null;
    }

    /** A text field's /V: a string, or a text stream decoded within {@link #MAX_STREAM_VALUE_BYTES}. */
    private String text(COSBase value) throws IOException {
        if (value instanceof COSString string) {
            return string.getString();
        }
        if (value instanceof COSStream stream) {
            // The same text decoding PDFBox applies to a text stream (PDFDocEncoding or UTF-16 with its BOM).
            return new COSString(streams.decode(stream, MAX_STREAM_VALUE_BYTES)).getString();
        }
        return null;
    }

    /**
     * /V is inheritable: the field's own, else its parents' (the tree the reader walked, so finite), else the
     * form's default.
     */
    private COSBase inherited(PDField field, COSName key) {
        for (PDField at = field; at != null; at = at.getParent()) {
            if (at.getCOSObject().containsKey(key)) {
                return at.getCOSObject().getDictionaryObject(key);
            }
        }
        return form.getCOSObject().getDictionaryObject(key);
    }

    /** The on-state in /V, or else the on-state a widget shows (/AS) when a viewer left /V out. */
    private static String buttonValue(PDButton button) {
        String value = button.getValue();
        if (value != null && !value.isEmpty() && !"Off".equals(value)) {
            return value;
        }
        for (PDAnnotationWidget widget : button.getWidgets()) {
            COSName state = widget.getAppearanceState();
            if (state != null && !COSName.Off.equals(state)) {
                return state.getName();
            }
        }
        return null;
    }

    /** The text an appearance stream draws: the string operands of Tj, TJ, ' and &quot;, decoded with its font. */
    private String appearanceText(PDAnnotationWidget widget) throws IOException {
        PDAppearanceDictionary appearance = widget.getAppearance();
        if (appearance == null) {
            return null;
        }
        PDAppearanceEntry normal = appearance.getNormalAppearance();
        if (normal == null || !normal.isStream()) {
            return null;
        }
        PDAppearanceStream stream = normal.getAppearanceStream();
        byte[] bytes = streams.decode(stream.getCOSObject());
        PDResources resources = stream.getResources() != null ? stream.getResources() : form.getDefaultResources();
        StringBuilder text = new StringBuilder();
        List<Object> operands = new ArrayList<>();
        PDFont font = null;
        PDFStreamParser parser = new PDFStreamParser(bytes);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (!(token instanceof Operator operator)) {
                operands.add(token);
                continue;
            }
            switch (operator.getName()) {
                case "Tf" ->
                    font = operands.isEmpty() || !(operands.get(0) instanceof COSName name)
                            ? null
                            : font(resources, name);
                case "Tj", "'", "\"" -> {
                    if (!operands.isEmpty() && operands.get(operands.size() - 1) instanceof COSString s) {
                        separate(text, operator.getName());
                        text.append(decode(font, s));
                    }
                }
                case "TJ" -> {
                    if (!operands.isEmpty() && operands.get(0) instanceof COSArray array) {
                        for (int i = 0; i < array.size(); i++) {
                            if (array.getObject(i) instanceof COSString s) {
                                text.append(decode(font, s));
                            }
                        }
                    }
                }
                case "Td", "TD", "T*", "Tm" -> separate(text, "'");
                default -> {
                    // graphics operators draw borders and backgrounds: no text
                }
            }
            operands.clear();
        }
        return text.toString().strip();
    }

    private static void separate(StringBuilder text, String operator) {
        if (("'".equals(operator) || "\"".equals(operator))
                && !text.isEmpty()
                && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
        }
    }

    private PDFont font(PDResources resources, COSName name) throws IOException {
        if (resources == null) {
            return null;
        }
        COSDictionary fontResources = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        COSBase entry = fontResources == null ? null : fontResources.getDictionaryObject(name);
        if (!(entry instanceof COSDictionary dictionary)) {
            return null;
        }
        if (fonts.containsKey(dictionary)) {
            return fonts.get(dictionary);
        }
        // PDFBox decodes the font program and CMaps in one go; count them against the budget first.
        checkStreams(dictionary, 4, Collections.newSetFromMap(new IdentityHashMap<>()));
        PDFont font;
        try {
            font = PDFontFactory.createFont(dictionary);
        } catch (IOException | RuntimeException e) {
            font = null;
        }
        fonts.put(dictionary, font);
        return font;
    }

    private void checkStreams(COSBase base, int depth, Set<COSBase> seen) throws IOException {
        COSBase object = base instanceof COSObject indirect ? indirect.getObject() : base;
        if (object == null || depth < 0 || !seen.add(object)) {
            return;
        }
        if (object instanceof COSStream stream) {
            streams.check(stream);
        }
        if (object instanceof COSDictionary dictionary) {
            for (COSName key : dictionary.keySet()) {
                if (!COSName.PARENT.equals(key)) {
                    checkStreams(dictionary.getItem(key), depth - 1, seen);
                }
            }
        } else if (object instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                checkStreams(array.get(i), depth - 1, seen);
            }
        }
    }

    private static String decode(PDFont font, COSString string) throws IOException {
        byte[] bytes = string.getBytes();
        if (font == null) {
            return string.getString();
        }
        StringBuilder text = new StringBuilder();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            while (in.available() > 0) {
                String unicode = font.toUnicode(font.readCode(in));
                if (unicode != null) {
                    text.append(unicode);
                }
            }
        }
        return text.toString();
    }
}
