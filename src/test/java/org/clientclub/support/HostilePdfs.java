package org.clientclub.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireField;
import org.clientclub.membership.internal.pdf.QuestionnairePdf;
import org.clientclub.membership.internal.pdf.QuestionnairePdfFields;

/**
 * PDFs an attacker mails to the club instead of a questionnaire: decompression bombs where the reader decodes
 * (field values, nested filters, lying lengths, XFA, rich text) and structures that exhaust a parser (deep
 * nesting, many fields). The bombs are small files; the memory they ask for is what {@code inflatedBytes} says.
 */
public final class HostilePdfs {

    public static final long GIB = 1L << 30;

    private static final int CHUNK = 1 << 20;

    private HostilePdfs() {}

    /**
     * zlib data that inflates to {@code inflatedBytes} zero bytes, about a thousandth of that in size. Made in
     * milliseconds: one deflate block of a mebibyte of zeros, full-flushed so it stands alone, repeated.
     */
    public static byte[] deflatedZeros(long inflatedBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (inflatedBytes / 1000) + 64);
        out.write(0x78);
        out.write(0xDA);
        byte[] block = zeroBlock(CHUNK);
        for (long i = 0; i < inflatedBytes / CHUNK; i++) {
            out.writeBytes(block);
        }
        if (inflatedBytes % CHUNK > 0) {
            out.writeBytes(zeroBlock((int) (inflatedBytes % CHUNK)));
        }
        // The last block (fixed codes, end of block at once), then the Adler-32 of n zeros: a = 1, b = n mod 65521.
        out.write(0x03);
        out.write(0x00);
        long adler = (inflatedBytes % 65521) << 16 | 1;
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (adler >> shift) & 0xFF);
        }
        return out.toByteArray();
    }

    /**
     * The issue's attachment: a filled questionnaire whose last name is kept as a Flate text stream (the PDF spec
     * allows a stream in /V) that inflates to {@code inflatedBytes}.
     */
    public static byte[] streamValueBomb(QuestionnairePdf generator, Questionnaire q, long inflatedBytes) {
        return withLastNameStream(generator, q, deflatedZeros(inflatedBytes), COSName.FLATE_DECODE);
    }

    /** A filled questionnaire whose last name is a compressed text stream, as a few writers keep long values. */
    public static byte[] streamValue(QuestionnairePdf generator, Questionnaire q, String lastName) {
        // A text stream is PDFDocEncoding or UTF-16BE with its byte order mark.
        byte[] text = ("\uFEFF" + lastName).getBytes(StandardCharsets.UTF_16BE);
        return withLastNameStream(generator, q, deflate(text), COSName.FLATE_DECODE);
    }

    /** The last-name stream compressed twice, /Filter [/FlateDecode /FlateDecode]: a few KB for a gibibyte. */
    public static byte[] nestedFilterBomb(QuestionnairePdf generator, Questionnaire q, long inflatedBytes) {
        COSArray filters = new COSArray(List.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE));
        return withLastNameStream(generator, q, deflate(deflatedZeros(inflatedBytes)), filters);
    }

    /** The last name compressed {@code filters} times over, each with its own /FlateDecode. */
    public static byte[] filterChain(QuestionnairePdf generator, Questionnaire q, int filters) {
        byte[] data = ("\uFEFF" + q.lastName()).getBytes(StandardCharsets.UTF_16BE);
        List<COSBase> names = new ArrayList<>();
        for (int i = 0; i < filters; i++) {
            data = deflate(data);
            names.add(COSName.FLATE_DECODE);
        }
        return withLastNameStream(generator, q, data, new COSArray(names));
    }

    /** The questionnaire with an XFA form beside the AcroForm, the XFA a Flate stream that inflates that far. */
    public static byte[] xfaBomb(QuestionnairePdf generator, Questionnaire q, long inflatedBytes) {
        return QuestionnairePdfs.edit(QuestionnairePdfs.filled(generator, q, true), document -> {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            form.getCOSObject()
                    .setItem(COSName.XFA, stream(document, deflatedZeros(inflatedBytes), COSName.FLATE_DECODE));
        });
    }

    /** The questionnaire whose last name also has a rich-text value (/RV) that inflates that far. */
    public static byte[] richTextBomb(QuestionnairePdf generator, Questionnaire q, long inflatedBytes) {
        return QuestionnairePdfs.edit(QuestionnairePdfs.filled(generator, q, true), document -> {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            form.getField(QuestionnaireField.LAST_NAME.key())
                    .getCOSObject()
                    .setItem(
                            COSName.getPDFName("RV"),
                            stream(document, deflatedZeros(inflatedBytes), COSName.FLATE_DECODE));
        });
    }

    /**
     * Written by hand, as no library writes it: our marker field and a last name whose value stream says
     * {@code /Length 2147483647} and inflates to {@code inflatedBytes}; parsers that trust the length allocate it.
     */
    public static byte[] lyingLength(long inflatedBytes) {
        byte[] bomb = deflatedZeros(inflatedBytes);
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes("<< /Length 2147483647 /Filter /FlateDecode >>\nstream\n".getBytes(StandardCharsets.US_ASCII));
        value.writeBytes(bomb);
        value.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
        return form(List.of(textField(QuestionnaireField.LAST_NAME.key(), "6 0 R")), value.toByteArray());
    }

    /** Our marker field and a last name whose value is {@code depth} arrays, one inside the other. */
    public static byte[] deepNesting(int depth) {
        String value = "[".repeat(depth) + "(x)" + "]".repeat(depth);
        return form(List.of(textField(QuestionnaireField.LAST_NAME.key(), value)), null);
    }

    /**
     * Our marker field and a region whose value is one array of {@code count} empty strings: two bytes each in the
     * file, tens of bytes each on the heap once parsed.
     */
    public static byte[] wideArray(int count) {
        return form(
                List.of("<< /FT /Ch /T (" + QuestionnaireField.REGION.key() + ") /V [" + "()".repeat(count) + "] >>"),
                null);
    }

    /** Our marker field and {@code count} more text fields, each with a value. */
    public static byte[] manyFields(int count) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fields.add(textField("field" + i, "(value " + i + ")"));
        }
        return form(fields, null);
    }

    private static byte[] withLastNameStream(QuestionnairePdf generator, Questionnaire q, byte[] raw, COSBase filter) {
        return QuestionnairePdfs.edit(QuestionnairePdfs.filled(generator, q, true), document -> {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            form.getField(QuestionnaireField.LAST_NAME.key())
                    .getCOSObject()
                    .setItem(COSName.V, stream(document, raw, filter));
        });
    }

    private static COSStream stream(PDDocument document, byte[] raw, COSBase filter) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(raw);
        }
        stream.setItem(COSName.FILTER, filter);
        return stream;
    }

    private static String textField(String name, String value) {
        return "<< /FT /Tx /T (" + name + ") /V " + value + " >>";
    }

    /**
     * A one-page PDF whose AcroForm holds our marker field (object 5) and {@code fields} (objects 7 on), with
     * {@code object6} as object 6 if given.
     */
    private static byte[] form(List<String> fields, byte[] object6) {
        List<byte[]> objects = new ArrayList<>();
        StringBuilder refs = new StringBuilder("5 0 R");
        for (int i = 0; i < fields.size(); i++) {
            refs.append(' ').append(7 + i).append(" 0 R");
        }
        for (String object : List.of(
                "<< /Type /Catalog /Pages 2 0 R /AcroForm 4 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                "<< /Fields [" + refs + "] >>",
                textField(QuestionnairePdfFields.MARKER_FIELD, "(" + QuestionnairePdfFields.MARKER_VALUE + ")"))) {
            objects.add(object.getBytes(StandardCharsets.US_ASCII));
        }
        objects.add(object6 != null ? object6 : "<< >>".getBytes(StandardCharsets.US_ASCII));
        for (String field : fields) {
            objects.add(field.getBytes(StandardCharsets.US_ASCII));
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
            pdf.writeBytes(objects.get(i));
            pdf.writeBytes("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        }
        int xref = pdf.size();
        StringBuilder tail =
                new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f\r\n");
        for (int offset : offsets) {
            tail.append(String.format("%010d 00000 n\r\n", offset));
        }
        tail.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        pdf.writeBytes(tail.toString().getBytes(StandardCharsets.US_ASCII));
        return pdf.toByteArray();
    }

    private static byte[] zeroBlock(int size) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(new byte[size]);
            byte[] buffer = new byte[size / 100 + 1024];
            int length = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            return Arrays.copyOf(buffer, length);
        } finally {
            deflater.end();
        }
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflate.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
