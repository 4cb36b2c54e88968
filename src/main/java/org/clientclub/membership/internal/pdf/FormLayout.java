package org.clientclub.membership.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceCharacteristicsDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

/**
 * One document's worth of layout for {@link QuestionnairePdf}: the form, its font, the page being written and how far
 * down it is, and the drawing of text and buttons. What the fields are and mean stays with the questionnaire.
 */
final class FormLayout {

    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final float MARGIN = 50;
    static final float TITLE_SIZE = 16;
    static final float TEXT_SIZE = 10;
    static final float LEADING = 1.35f;
    static final float FIELD_HEIGHT = 18;
    static final float FIELD_WIDTH = 300;
    static final float BOX = 12;
    private static final PDColor BORDER = new PDColor(new float[] {0.45f, 0.45f, 0.45f}, PDDeviceRGB.INSTANCE);
    private static final PDColor BACKGROUND = new PDColor(new float[] {0.94f, 0.96f, 1f}, PDDeviceRGB.INSTANCE);

    private final PDDocument document;
    private final PDAcroForm form;
    private final PDType0Font font;
    private final String fontName;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPage page;
    private PDPageContentStream text;
    private float y;

    FormLayout(PDDocument document) throws IOException {
        this.document = document;
        this.form = new PDAcroForm(document);
        document.getDocumentCatalog().setAcroForm(form);
        // Not a subset: viewers (and PDFBox when filling) must be able to draw any Cyrillic value the member
        // types into a field, so the whole font travels with the form. The page text uses the same font.
        try (InputStream ttf = FormLayout.class.getResourceAsStream(FONT_RESOURCE)) {
            if (ttf == null) {
                throw new IOException("PDFBox's Liberation Sans is missing from the class path");
            }
            this.font = PDType0Font.load(document, ttf, false);
        }
        PDResources resources = new PDResources();
        this.fontName = resources.add(font).getName();
        form.setDefaultResources(resources);
        form.setDefaultAppearance(appearance(TEXT_SIZE));
    }

    PDAcroForm form() {
        return form;
    }

    PDPage page() {
        return page;
    }

    /** How far down the page the next line goes. */
    float y() {
        return y;
    }

    float width() {
        return width;
    }

    float textWidth(String line, float size) throws IOException {
        return font.getStringWidth(line) / 1000 * size;
    }

    /** Ends the last page's text; nothing is written after it. */
    void finish() throws IOException {
        text.close();
    }

    /**
     * A checkbox or radio widget with its own drawn appearances (a tick or a dot), because PDFBox does not
     * draw buttons and a viewer shows nothing without them.
     */
    void button(PDAnnotationWidget widget, float x, String onState, boolean round) throws IOException {
        PDAppearanceCharacteristicsDictionary looks = place(widget, new PDRectangle(x, y - BOX, BOX, BOX));
        // ZapfDingbats "4" (tick) and "l" (dot): what viewers draw if they rebuild the appearance themselves.
        looks.setNormalCaption(round ? "l" : "4");
        widget.setAppearanceCharacteristics(looks);
        COSDictionary normal = new COSDictionary();
        normal.setItem(COSName.getPDFName(onState), buttonAppearance(true, round));
        normal.setItem(COSName.Off, buttonAppearance(false, round));
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.getCOSObject().setItem(COSName.N, normal);
        widget.setAppearance(appearance);
        widget.setAppearanceState(COSName.Off.getName());
        page.getAnnotations().add(widget);
    }

    /** Puts a printed widget on the page; @return its looks (the form's border and background), to set on it */
    PDAppearanceCharacteristicsDictionary place(PDAnnotationWidget widget, PDRectangle rect) {
        widget.setRectangle(rect);
        widget.setPage(page);
        widget.setPrinted(true);
        PDAppearanceCharacteristicsDictionary looks = new PDAppearanceCharacteristicsDictionary(new COSDictionary());
        looks.setBorderColour(BORDER);
        looks.setBackground(BACKGROUND);
        return looks;
    }

    private PDAppearanceStream buttonAppearance(boolean on, boolean round) throws IOException {
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(BOX, BOX));
        stream.setResources(new PDResources());
        try (PDPageContentStream draw = new PDPageContentStream(document, stream)) {
            draw.setNonStrokingColor(BACKGROUND);
            draw.setStrokingColor(BORDER);
            if (round) {
                circle(draw, BOX / 2, BOX / 2, BOX / 2 - 0.5f);
                draw.fillAndStroke();
            } else {
                draw.addRect(0.5f, 0.5f, BOX - 1, BOX - 1);
                draw.fillAndStroke();
            }
            if (on) {
                draw.setNonStrokingColor(0f, 0f, 0f);
                draw.setStrokingColor(0f, 0f, 0f);
                if (round) {
                    circle(draw, BOX / 2, BOX / 2, BOX / 4);
                    draw.fill();
                } else {
                    draw.setLineWidth(1.5f);
                    draw.moveTo(2.5f, 6.5f);
                    draw.lineTo(5f, 3f);
                    draw.lineTo(9.5f, 9.5f);
                    draw.stroke();
                }
            }
        }
        return stream;
    }

    private void circle(PDPageContentStream draw, float cx, float cy, float r) throws IOException {
        float k = 0.552f * r;
        draw.moveTo(cx + r, cy);
        draw.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        draw.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        draw.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        draw.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        draw.closePath();
    }

    String appearance(float size) {
        return "/" + fontName + " " + size + " Tf 0 g";
    }

    PDRectangle rect(float x, float w) {
        return new PDRectangle(x, y - FIELD_HEIGHT, w, FIELD_HEIGHT);
    }

    void labelLine(String label) throws IOException {
        List<String> lines = wrap(label, TEXT_SIZE, width);
        ensure(lines.size() * TEXT_SIZE * LEADING + FIELD_HEIGHT + 8);
        for (String line : lines) {
            gap(TEXT_SIZE * LEADING);
            show(line, MARGIN, y + 3, TEXT_SIZE);
        }
    }

    void paragraph(String paragraph, float size) throws IOException {
        for (String line : wrap(paragraph, size, width)) {
            ensure(size * LEADING);
            gap(size * LEADING);
            show(line, MARGIN, y + size * 0.25f, size);
        }
    }

    void show(String line, float x, float baseline, float size) throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, baseline);
        text.showText(line);
        text.endText();
    }

    List<String> wrap(String paragraph, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.trim().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && textWidth(candidate, size) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    void gap(float height) {
        y -= height;
    }

    void ensure(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void newPage() throws IOException {
        if (text != null) {
            text.close();
        }
        page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        text = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
