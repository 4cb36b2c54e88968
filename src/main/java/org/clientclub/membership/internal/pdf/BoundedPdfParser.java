package org.clientclub.membership.internal.pdf;

import java.io.IOException;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFBox's parser, counting the objects it makes from the file. Each object costs tens of bytes of heap however few
 * bytes it takes in the file ({@code ()} is two), so a 9 MB file holding one array of four million empty strings
 * needed more than 256 MB; the size and cross-reference limits do not see it. Counting in {@link #parseDirObject}
 * (every array element and dictionary value, when loading and when an object is dereferenced later) stops it
 * while it is parsed.
 */
final class BoundedPdfParser extends PDFParser {

    /** Far more than a questionnaire has (a few thousand); at most some tens of MB of objects. */
    static final long MAX_PARSED_OBJECTS = 250_000;

    private long parsed;
    private boolean exceeded;

    private BoundedPdfParser(byte[] pdf, StreamCacheCreateFunction streamCache) throws IOException {
        super(new RandomAccessReadBuffer(pdf), "", null, null, streamCache);
    }

    /** The parsed document and the parser that keeps parsing its objects as they are dereferenced. */
    record Loaded(PDDocument document, BoundedPdfParser parser) {}

    static Loaded load(byte[] pdf, StreamCacheCreateFunction streamCache) throws IOException {
        BoundedPdfParser parser = new BoundedPdfParser(pdf, streamCache);
        return new Loaded(parser.parse(), parser);
    }

    /** True once the limit was reached, even if PDFBox's lenient parsing swallowed the exception. */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    protected COSBase parseDirObject() throws IOException {
        if (++parsed > MAX_PARSED_OBJECTS) {
            exceeded = true;
            throw new BoundedStreams.LimitExceeded("more than " + MAX_PARSED_OBJECTS + " objects parsed");
        }
        return super.parseDirObject();
    }
}
