package org.casepress.render;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdfparser.xref.FreeXReference;
import org.apache.pdfbox.pdfparser.xref.NormalXReference;
import org.apache.pdfbox.pdfparser.xref.XReferenceEntry;
import org.apache.pdfbox.pdfwriter.COSStandardOutputStream;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * {@link PDDocument#save(OutputStream, CompressParameters)} without object streams, in time linear
 * in the number of objects. PDFBox 3.0's writer keeps the objects still to write in an {@link
 * ArrayDeque} and asks it {@code contains} before queueing each object it meets, a scan of the
 * whole queue: for the structure tree of a tagged document (thousands of elements, most queued at
 * once from the parent tree) that is quadratic, a tenth of the final render of a 24-page document.
 * The same queue with a count of its members beside it answers in constant time and hands out the
 * objects in the same order, so the bytes are the same.
 *
 * <p>The queue is a private field of the writer: when a PDFBox release renames it, the document is
 * saved the ordinary way (slower, the same bytes), and {@code PdfSaveTest} fails so that the
 * upgrade is looked at.
 *
 * <p>The cross-reference table is written by {@link TableWriter}, in the same bytes.
 */
final class PdfSave {
  private static final Field QUEUE = accessible("objectsToWrite");
  private static final Method SUBSET = subsetter();

  private PdfSave() {}

  /** Whether saving takes the linear path (PDFBox still has the members it reaches into). */
  static boolean linear() {
    return QUEUE != null && SUBSET != null;
  }

  /**
   * The document's PDF. PDFBox's writer hands its output tens of thousands of small writes (a name,
   * a number, a space), each of which a {@link java.io.ByteArrayOutputStream} takes under a lock
   * and, as the file grows, pays for by copying everything written so far into a larger array:
   * {@link Bytes} does neither.
   */
  static byte[] save(PDDocument document) throws IOException {
    Bytes out = new Bytes();
    save(document, out);
    return out.toByteArray();
  }

  static void save(PDDocument document, OutputStream out) throws IOException {
    if (!linear()) {
      document.save(out, CompressParameters.NO_COMPRESSION);
      return;
    }
    // What PDDocument.save does before it writes: a cross-reference table, fonts subset.
    document.getDocument().setIsXRefStream(false);
    try {
      SUBSET.invoke(document);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("PDFBox refused to subset the fonts", e);
    }
    COSWriter writer = new TableWriter(out);
    try {
      QUEUE.set(writer, new CountedQueue());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e); // made accessible in accessible()
    }
    writer.write(document);
  }

  private static Field accessible(String name) {
    try {
      Field f = COSWriter.class.getDeclaredField(name);
      f.setAccessible(true);
      return f.getType().isAssignableFrom(CountedQueue.class) ? f : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Method subsetter() {
    try {
      Method m = PDDocument.class.getDeclaredMethod("subsetDesignatedFonts");
      m.setAccessible(true);
      return m;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * PDFBox's writer with its cross-reference table written directly. PDFBox formats each of the
   * table's lines (one per object: thousands in a tagged document) with two {@code DecimalFormat}s
   * shared by every thread of the process, a tenth of a warm render; this writes the same digits
   * into one buffer per line. Only the case casepress saves goes this way: a new document, no
   * object streams, no cross-reference stream, not incremental; anything else is PDFBox's own.
   */
  static final class TableWriter extends COSWriter {
    private static final int OFFSET_DIGITS = 10;
    private static final int GENERATION_DIGITS = 5;
    private static final int FREE_GENERATION = 65535;

    TableWriter(OutputStream out) {
      super(out, CompressParameters.NO_COMPRESSION);
    }

    @Override
    public void visitFromDocument(COSDocument doc) throws IOException {
      if (doc.isXRefStream() || isCompress()) {
        super.visitFromDocument(doc);
        return;
      }
      // COSWriter.visitFromDocument for this case, with the table written here.
      doWriteHeader(doc);
      doWriteBody(doc);
      writeTable();
      doWriteTrailer(doc);
      COSStandardOutputStream out = getStandardOutput();
      out.write(STARTXREF);
      out.writeEOL();
      out.write(Long.toString(getStartxref()).getBytes(StandardCharsets.ISO_8859_1));
      out.writeEOL();
      out.write(EOF);
      out.writeEOL();
    }

    /** COSWriter.doWriteXRefTable for a document saved whole. */
    private void writeTable() throws IOException {
      addFreeEntries();
      List<XReferenceEntry> entries = new ArrayList<>();
      for (XReferenceEntry e : getXRefEntries()) {
        if (e instanceof NormalXReference || e instanceof FreeXReference) {
          entries.add(e);
        }
      }
      entries.sort(null); // stable, as PDFBox's sorted stream is
      COSStandardOutputStream out = getStandardOutput();
      setStartxref(out.getPos());
      out.write(XREF);
      out.writeEOL();
      Long[] ranges = getXRefRanges(entries);
      byte[] line = new byte[OFFSET_DIGITS + 1 + GENERATION_DIGITS + 1 + 1 + 2];
      int next = 0;
      for (int r = 0; r + 1 < ranges.length; r += 2) {
        out.write((ranges[r] + " " + ranges[r + 1]).getBytes(StandardCharsets.ISO_8859_1));
        out.writeEOL();
        for (long i = 0; i < ranges[r + 1]; i++) {
          XReferenceEntry entry = entries.get(next++);
          out.write(line(line, entry));
        }
      }
    }

    /** One line of the table: "0000012345 00000 n" and CR LF, as PDFBox writes it. */
    static byte[] line(byte[] line, XReferenceEntry entry) {
      int at = digits(line, 0, entry.getSecondColumnValue(), OFFSET_DIGITS, 10_000_000_000L);
      line[at++] = ' ';
      at = digits(line, at, entry.getThirdColumnValue(), GENERATION_DIGITS, 100_000);
      line[at++] = ' ';
      line[at++] = entry instanceof FreeXReference ? (byte) 'f' : (byte) 'n';
      line[at++] = '\r';
      line[at] = '\n';
      return line;
    }

    /** {@code value} in {@code width} digits, zeros in front; {@code limit} is 10 to that power. */
    private static int digits(byte[] into, int at, long value, int width, long limit) {
      if (value < 0 || value >= limit) {
        // Never in a table PDFBox writes (offsets under 10 GB, generations up to 65535).
        throw new IllegalStateException("a cross-reference value out of range: " + value);
      }
      long rest = value;
      for (int i = at + width - 1; i >= at; i--) {
        into[i] = (byte) ('0' + rest % 10);
        rest /= 10;
      }
      return at + width;
    }

    /**
     * COSWriter.fillGapsWithFreeEntries: a free entry for each object number not written, chained
     * from object 0, or object 0's alone when there is no gap.
     */
    private void addFreeEntries() {
      List<NormalXReference> used = new ArrayList<>();
      for (XReferenceEntry e : getXRefEntries()) {
        if (e instanceof NormalXReference n) {
          used.add(n);
        }
      }
      used.sort(null);
      List<Long> free = new ArrayList<>();
      long last = 0;
      for (NormalXReference entry : used) {
        long nr = entry.getReferencedKey().getNumber();
        for (long i = last; i < nr; i++) {
          free.add(i);
        }
        last = nr + 1;
      }
      if (free.isEmpty()) {
        addXRefEntry(FreeXReference.NULL_ENTRY);
        return;
      }
      for (int i = 0; i < free.size(); i++) {
        long nextFree = i + 1 < free.size() ? free.get(i + 1) : 0;
        addXRefEntry(new FreeXReference(new COSObjectKey(free.get(i), FREE_GENERATION), nextFree));
      }
      if (free.get(0) > 0) {
        addXRefEntry(new FreeXReference(new COSObjectKey(0, FREE_GENERATION), free.get(0)));
      }
    }
  }

  /**
   * An output stream into memory for one thread: unlocked, and in blocks, so that what is written
   * is copied once, into the array {@link #toByteArray} returns.
   */
  static final class Bytes extends OutputStream {
    private static final int BLOCK = 64 * 1024;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] block = new byte[BLOCK];
    private int used;

    @Override
    public void write(int b) {
      if (used == block.length) {
        next();
      }
      block[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      Objects.checkFromIndexSize(off, len, b.length);
      while (len > 0) {
        if (used == block.length) {
          next();
        }
        int n = Math.min(len, block.length - used);
        System.arraycopy(b, off, block, used, n);
        used += n;
        off += n;
        len -= n;
      }
    }

    private void next() {
      full.add(block);
      block = new byte[BLOCK];
      used = 0;
    }

    /** How many bytes were written. */
    long size() {
      return (long) full.size() * BLOCK + used;
    }

    byte[] toByteArray() {
      byte[] all = new byte[Math.toIntExact(size())];
      int at = 0;
      for (byte[] b : full) {
        System.arraycopy(b, 0, all, at, b.length);
        at += b.length;
      }
      System.arraycopy(block, 0, all, at, used);
      return all;
    }
  }

  /**
   * A queue that knows in constant time whether it holds an object (by {@code equals}, as {@link
   * ArrayDeque#contains} does). Only ArrayDeque's four primitives add and take, every other
   * insertion and removal goes through them; removal from the middle, which the writer never does,
   * is refused rather than miscounted.
   */
  static final class CountedQueue extends ArrayDeque<COSBase> {
    private final Map<COSBase, Integer> members = new HashMap<>();

    @Override
    public void addLast(COSBase o) {
      super.addLast(o);
      members.merge(o, 1, Integer::sum);
    }

    @Override
    public void addFirst(COSBase o) {
      super.addFirst(o);
      members.merge(o, 1, Integer::sum);
    }

    @Override
    public COSBase pollFirst() {
      return forget(super.pollFirst());
    }

    @Override
    public COSBase pollLast() {
      return forget(super.pollLast());
    }

    @Override
    public boolean contains(Object o) {
      return members.containsKey(o);
    }

    @Override
    public void clear() {
      super.clear();
      members.clear();
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object o) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeIf(java.util.function.Predicate<? super COSBase> filter) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeAll(java.util.Collection<?> c) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean retainAll(java.util.Collection<?> c) {
      throw new UnsupportedOperationException();
    }

    private COSBase forget(COSBase o) {
      if (o != null) {
        members.computeIfPresent(o, (k, n) -> n == 1 ? null : n - 1);
      }
      return o;
    }
  }
}
